/**
 * ledger-check end to end: the command's main(argv, io) in-process on the bundled samples and on
 * hostile workbooks, plus one run of the real launcher (node bin/ledger-check.js) as a child
 * process. Sample facts (as of 2026-11-21) are those scripts/make-samples.ts documents.
 */
import { createHash } from 'crypto';
import { spawnSync } from 'child_process';
import { ensureBuilt } from '../helpers/build';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/ledger-check';
import { runMain, type CommandRun } from '../helpers/cli';
import { FINDINGS } from '../../src/core/findings';
import { SEVERITY_LABELS } from '../../src/core/messages';
import { FIELDS, FINDING_CODES, type FindingCode } from '../../src/core/types';
import {
  ASTRAL,
  FORMULA_LIKE,
  HUGE_LENGTH,
  addLedgerSheet,
  make1904,
  makeAstral,
  makeEmptyWorkbook,
  makeErrorCells,
  makeFakeEncrypted,
  makeFakeXls,
  makeFormulaLookingText,
  makeHeaderOnly,
  makeHugeCell,
  makeNoSheetWorkbook,
  makeNotAWorkbook,
  makePrenumbered,
  makeTempDir,
  makeTruncatedZip,
  makeZeroBytes,
  makeZipNotWorkbook,
  plainRow,
  writeXlsx,
} from '../helpers/xlsx';

const ROOT = join(__dirname, '..', '..');
const SAMPLE1 = join(ROOT, 'samples', '交通运输局专项整治台账.xlsx');
const SAMPLE2 = join(ROOT, 'samples', '营商环境专项行动台账.xlsx');
const AS_OF = ['--as-of', '2026-11-21'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const STATES = ['done', 'in_progress', 'long_term', 'not_started', 'unknown', 'missing'];
const KINDS = ['date', 'long_term', 'immediate', 'invalid', 'missing'];

// ---------------------------------------------------------------------------------------------
// Helpers

function run(...argv: string[]): Promise<CommandRun> {
  return runMain(main, argv);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON document is checked field by field */
interface JsonRun extends CommandRun {
  doc: any;
}

/** Runs with --json; the whole of stdout must be one JSON document. */
async function runJson(...argv: string[]): Promise<JsonRun> {
  const r = await run(...argv, '--json');
  return { ...r, doc: JSON.parse(r.stdout) };
}

function rowOf(sheet: any, row: number): any {
  const found = sheet.rows.find((r: any) => r.row === row);
  if (!found) throw new Error(`no ledger row ${row} in the JSON`);
  return found;
}

function findingRows(sheet: any, code: FindingCode): number[] {
  return sheet.findings.filter((f: any) => f.code === code).map((f: any) => f.row);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * The report's grouped sections: title → the places listed under it ("第9行 H列"), in order.
 * Checks that each section's count equals the lines listed under it.
 */
function sections(report: string, lang: 'zh' | 'en' = 'zh'): Map<string, string[]> {
  const head = lang === 'zh' ? /^【(.+?)】(\d+) 条（(.+?)）$/ : /^\[(.+?)\] (\d+) \((.+?)\)$/;
  // The same finding on consecutive rows is one line ("第32–33行 A列", issue 10): it counts as
  // as many findings as rows.
  const place =
    lang === 'zh'
      ? /^ {2}(第(\d+)(?:–(\d+))?行(?: [A-Z]+列)?|表头)：/
      : /^ {2}((?:rows?) (\d+)(?:–(\d+))?(?:, column [A-Z]+)?|header): /;
  const out = new Map<string, string[]>();
  const counts = new Map<string, number>();
  const found = new Map<string, number>();
  let current: string[] | null = null;
  let title = '';
  for (const line of report.split('\n')) {
    const h = head.exec(line);
    if (h) {
      current = [];
      title = h[1];
      out.set(title, current);
      counts.set(title, Number(h[2]));
      found.set(title, 0);
      continue;
    }
    const p = current && place.exec(line);
    if (current && p) {
      current.push(p[1]);
      const span = p[2] && p[3] ? Number(p[3]) - Number(p[2]) + 1 : 1;
      found.set(title, found.get(title)! + span);
    } else current = null;
  }
  for (const [t] of out) expect([t, found.get(t)]).toEqual([t, counts.get(t)]);
  return out;
}

const zh = (code: FindingCode) => FINDINGS[code].title.zh;
const at = (row: number, col: string) => `第${row}行 ${col}列`;

/** A failure a clerk can read: exit 2, nothing on stdout, one Chinese line on stderr, no stack. */
function expectPlainFailure(r: CommandRun): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(lines[0]).not.toMatch(/Error|^\s*at |\bat \S+ \(|node:internal|\.[jt]s:\d+|ENOENT|undefined/);
  return lines[0];
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every non-empty cell's value by address, and the merges, as exceljs reads them. */
function sheetContent(ws: ExcelJS.Worksheet) {
  const values: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (c) => {
      values[c.address] = c.value;
    });
  });
  const merges = [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
  return { values, merges };
}

let dir: string;
beforeAll(() => {
  dir = makeTempDir('ledger-check-cli-');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The first sample

describe('sample 1 (交通运输局专项整治台账) as of 2026-11-21', () => {
  let report: CommandRun;
  beforeAll(async () => {
    report = await run(SAMPLE1, ...AS_OF);
  });

  it('exits 1 (the ledger has errors) and prints the report on stdout only', () => {
    expect(report.code).toBe(1);
    expect(report.stderr).toBe('');
    const lines = report.stdout.split('\n');
    expect(lines[0]).toBe('整改台账检查报告');
    expect(lines[1]).toContain('截至：2026年11月21日');
  });

  it('states the sheet, the header rows and the counts first', () => {
    const lines = report.stdout.split('\n');
    const i = lines.indexOf('工作表“专项整治台账”：表头在第3–4行，共 30 项措施（16 个问题）');
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe(
      '  已完成 16（其中长期任务 5） · 正在推进 9（推进中 8 · 未启动 0 · 进展不明 1） · 逾期未完成 5；即将到期 3（属正在推进）；缺责任单位 1',
    );
    expect(lines[i + 2]).toBe('  错误 7 条，提醒 12 条。');
  });

  it('lists each documented fault under its own group, with row and column as Excel shows them', () => {
    const groups = sections(report.stdout);
    expect(Object.fromEntries(groups)).toEqual({
      [zh('overdue')]: [at(9, 'H'), at(18, 'H'), at(23, 'H'), at(27, 'H'), at(35, 'H')],
      [zh('missing-department')]: [at(12, 'E')],
      [zh('invalid-date')]: [at(15, 'H')],
      [zh('due-soon')]: [at(12, 'H'), at(16, 'H'), at(26, 'H')],
      [zh('immediate-not-done')]: [at(29, 'I')],
      [zh('unknown-status')]: [at(21, 'I')],
      [zh('vague-department')]: [at(6, 'E'), at(13, 'E'), at(21, 'E')],
      [zh('done-without-completion-date')]: [at(14, 'J')],
      [zh('completed-late')]: [at(7, 'J')],
      // Rows 32 and 33 share the number: one finding each, said in one line.
      [zh('duplicate-index')]: ['第32–33行 A列'],
    });
    // What blocks the inspection comes first: overdue, then the missing department.
    expect([...groups.keys()].slice(0, 2)).toEqual([zh('overdue'), zh('missing-department')]);
    expect(report.stdout).toContain(`【${zh('overdue')}】5 条（${SEVERITY_LABELS.error.zh}）`);
    expect(report.stdout).toContain(`【${zh('due-soon')}】3 条（${SEVERITY_LABELS.warning.zh}）`);
  });

  it('says in the finding what happened: days overdue, the deadline, the impossible date', () => {
    expect(report.stdout).toMatch(/第9行 H列：[^\n]*144天[^\n]*2026年6月30日/);
    expect(report.stdout).toMatch(/第16行 H列：[^\n]*今天到期/);
    expect(report.stdout).toMatch(/第15行 H列：[^\n]*2026年2月30日/);
    expect(report.stdout).toMatch(/第32–33行 A列：[^\n]*27/);
  });

  it('--lang en gives the report in English', async () => {
    const en = await run(SAMPLE1, ...AS_OF, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.stdout.split('\n')[0]).toBe('Rectification ledger check');
    expect(en.stdout).toContain('As of: 2026-11-21');
    expect(en.stdout).toContain('Sheet "专项整治台账": header on row 3-4, 30 measures (16 problems)');
    expect(en.stdout).toContain(
      'completed 16 (of which long-term 5) · in progress 9 (under way 8 · not started 0 · unclear 1) · overdue 5; due soon 3 (among in progress); no department 1',
    );
    const groups = sections(en.stdout, 'en');
    expect(groups.get(FINDINGS.overdue.title.en)).toEqual([
      'row 9, column H',
      'row 18, column H',
      'row 23, column H',
      'row 27, column H',
      'row 35, column H',
    ]);
    expect(groups.get(FINDINGS['missing-department'].title.en)).toEqual(['row 12, column E']);
    expect(en.stdout).not.toMatch(/【|第\d+行|请|截至/);
  });
});

describe('sample 1 --json', () => {
  let r: JsonRun;
  beforeAll(async () => {
    r = await runJson(SAMPLE1, ...AS_OF);
  });

  it('prints exactly one JSON document with the documented top level', () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.doc.asOf).toBe('2026-11-21');
    expect(r.doc.file).toBe(SAMPLE1);
    expect(r.doc.sheets).toHaveLength(1);
    expect(r.doc.skipped).toEqual([]);
    const sheet = r.doc.sheets[0];
    expect(Object.keys(sheet)).toEqual(
      expect.arrayContaining(['name', 'headerRows', 'columns', 'rows', 'findings', 'stats']),
    );
    expect(sheet.name).toBe('专项整治台账');
    expect(sheet.headerRows).toEqual([3, 4]);
  });

  it('maps columns to { column, header } per field, group headers joined', () => {
    const { columns } = r.doc.sheets[0];
    expect(columns.index).toEqual({ column: 'A', header: '序号' });
    expect(columns.problem).toEqual({ column: 'C', header: '存在问题' });
    expect(columns.department).toEqual({ column: 'E', header: '责任主体/牵头单位' });
    expect(columns.cooperating).toEqual({ column: 'F', header: '责任主体/配合单位' });
    expect(columns.deadline).toEqual({ column: 'H', header: '整改时限' });
    expect(columns.status).toEqual({ column: 'I', header: '整改情况/进展情况' });
    expect(columns.completedOn).toEqual({ column: 'J', header: '整改情况/完成时间' });
    for (const field of Object.keys(columns)) expect(FIELDS).toContain(field);
  });

  it('has one row per measure (no spacer, pre-numbered, 合计 or 注 rows), each of the documented shape', () => {
    const { rows } = r.doc.sheets[0];
    expect(rows).toHaveLength(30);
    const numbers = rows.map((x: { row: number }) => x.row);
    expect(numbers).not.toContain(22); // the blank spacer row
    expect(Math.min(...numbers)).toBe(5);
    expect(Math.max(...numbers)).toBe(35); // 36–38 pre-numbered, then 合计 and 注
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining([
          'row',
          'state',
          'deadline',
          'deadlineKind',
          'overdue',
          'daysOverdue',
          'dueSoon',
          'daysLeft',
          'departments',
          'completedOn',
        ]),
      );
      expect(STATES).toContain(row.state);
      expect(KINDS).toContain(row.deadlineKind);
      if (row.deadlineKind === 'date') expect(row.deadline).toMatch(ISO);
      else expect(row.deadline).toBeNull();
      if (row.completedOn !== null) expect(row.completedOn).toMatch(ISO);
      expect(typeof row.overdue).toBe('boolean');
      expect(typeof row.dueSoon).toBe('boolean');
      expect(row.overdue ? typeof row.daysOverdue : row.daysOverdue).toBe(row.overdue ? 'number' : null);
      expect(Array.isArray(row.departments)).toBe(true);
    }
  });

  it('judges specific rows as the sample maker documents them', () => {
    const sheet = r.doc.sheets[0];
    // 6月底前 takes the as-of year; not done, 144 days overdue.
    expect(rowOf(sheet, 9)).toMatchObject({
      deadline: '2026-06-30',
      deadlineKind: 'date',
      overdue: true,
      daysOverdue: 144,
      dueSoon: false,
      daysLeft: null,
      departments: ['政策法规与审批股'],
      completedOn: null,
    });
    expect(rowOf(sheet, 9).state).not.toBe('done');
    // 2026年9月 = end of September.
    expect(rowOf(sheet, 18)).toMatchObject({ deadline: '2026-09-30', overdue: true, daysOverdue: 52 });
    // 2026年10月底前, 未启动.
    expect(rowOf(sheet, 23)).toMatchObject({ state: 'not_started', deadline: '2026-10-31', daysOverdue: 21 });
    // Missing 牵头单位, due in 4 days.
    expect(rowOf(sheet, 12)).toMatchObject({
      departments: [],
      deadline: '2026-11-25',
      dueSoon: true,
      daysLeft: 4,
      overdue: false,
    });
    // Due that very day is due soon, not overdue.
    expect(rowOf(sheet, 16)).toMatchObject({
      deadline: '2026-11-21',
      daysLeft: 0,
      dueSoon: true,
      overdue: false,
    });
    // 长期坚持, two departments on two lines.
    expect(rowOf(sheet, 10)).toMatchObject({
      state: 'long_term',
      deadlineKind: 'long_term',
      deadline: null,
      overdue: false,
      departments: ['办公室', '政策法规与审批股'],
    });
    // 立行立改, done on 2026年5月30日 (text).
    expect(rowOf(sheet, 13)).toMatchObject({
      state: 'done',
      deadlineKind: 'immediate',
      deadline: null,
      completedOn: '2026-05-30',
      departments: ['局属各单位', '机关各股室'],
    });
    // 2026年2月30日 is reported, never rolled over to March.
    expect(rowOf(sheet, 15)).toMatchObject({
      deadlineKind: 'invalid',
      deadline: null,
      completedOn: '2026-02-26',
    });
    // Completed late: done on a date cell after the deadline.
    expect(rowOf(sheet, 7)).toMatchObject({
      state: 'done',
      deadline: '2026-06-30',
      completedOn: '2026-07-15',
    });
    // A range: the end counts.
    expect(rowOf(sheet, 19)).toMatchObject({
      deadline: '2026-06-14',
      completedOn: '2026-06-12',
      state: 'done',
    });
    // 2026年下半年, 第四季度, 2027年3月底前.
    expect(rowOf(sheet, 8)).toMatchObject({ deadline: '2026-12-31', daysLeft: 40, dueSoon: false });
    expect(rowOf(sheet, 24)).toMatchObject({ deadline: '2026-12-31' });
    expect(rowOf(sheet, 34)).toMatchObject({ deadline: '2027-03-31', daysLeft: 130 });
    // 待定: unknown status.
    expect(rowOf(sheet, 21).state).toBe('unknown');
    // Separated by ;
    expect(rowOf(sheet, 26).departments).toEqual(['政策法规与审批股', '办公室']);
  });

  it('lists findings with code, severity, row, column, field and message', () => {
    const sheet = r.doc.sheets[0];
    for (const f of sheet.findings) {
      expect(Object.keys(f).sort()).toEqual([
        'code',
        'column',
        'field',
        'message',
        'params',
        'row',
        'severity',
      ]);
      expect(FINDING_CODES).toContain(f.code);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.row === null || Number.isInteger(f.row)).toBe(true);
      expect(f.column === null || /^[A-Z]+$/.test(f.column)).toBe(true);
      expect(f.field === null || (FIELDS as readonly string[]).includes(f.field)).toBe(true);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(sheet.findings).toContainEqual(
      expect.objectContaining({
        code: 'missing-department',
        severity: 'error',
        row: 12,
        column: 'E',
        field: 'department',
      }),
    );
    expect(findingRows(sheet, 'overdue')).toEqual([9, 18, 23, 27, 35]);
    expect(findingRows(sheet, 'due-soon')).toEqual([12, 16, 26]);
    expect(findingRows(sheet, 'vague-department')).toEqual([6, 13, 21]);
    expect(findingRows(sheet, 'completed-late')).toEqual([7]);
    expect(findingRows(sheet, 'done-without-completion-date')).toEqual([14]);
    expect(findingRows(sheet, 'invalid-date')).toEqual([15]);
    expect(findingRows(sheet, 'unknown-status')).toEqual([21]);
    expect(findingRows(sheet, 'immediate-not-done')).toEqual([29]);
    expect(findingRows(sheet, 'duplicate-index')).toEqual([32, 33]);
    expect(findingRows(sheet, 'missing-column')).toEqual([]);
  });

  it('counts in stats what the rows say', () => {
    expect(r.doc.sheets[0].stats).toMatchObject({
      rows: 30,
      problems: 16,
      done: 11,
      inProgress: 12,
      longTerm: 5,
      notStarted: 1,
      unknown: 1,
      overdue: 5,
      dueSoon: 3,
      missingDepartment: 1,
      errors: 7,
      warnings: 12,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The second sample: a cover sheet and two ledger sheets

describe('sample 2 (营商环境专项行动台账)', () => {
  it('checks both ledger sheets and names the skipped cover sheet', async () => {
    const r = await run(SAMPLE2, ...AS_OF);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('工作表“县住建局”：表头在第3行，共 8 项措施（6 个问题）');
    expect(r.stdout).toContain('工作表“县政务服务中心”：表头在第2行，共 5 项措施（5 个问题）');
    expect(r.stdout).not.toContain('工作表“说明”：');
    const skippedLine = r.stdout.split('\n').find((l) => l.startsWith('跳过的工作表'));
    expect(skippedLine).toContain('“说明”');
    expect(skippedLine).not.toContain('县住建局');
  });

  it('--json: two sheets judged, the cover sheet under skipped', async () => {
    const { doc, code } = await runJson(SAMPLE2, ...AS_OF);
    expect(code).toBe(1);
    expect(doc.sheets.map((s: { name: string }) => s.name)).toEqual(['县住建局', '县政务服务中心']);
    expect(doc.skipped.map((s: { name: string }) => s.name)).toEqual(['说明']);
    const [a, b] = doc.sheets;
    expect(a.headerRows).toEqual([3]);
    expect(findingRows(a, 'overdue')).toEqual([6, 10]);
    expect(findingRows(a, 'due-soon')).toEqual([7]);
    // Serial-number deadlines read as dates; the bracketed plan label is unwrapped.
    expect(rowOf(a, 6)).toMatchObject({ deadline: '2026-10-31', overdue: true, daysOverdue: 21 });
    expect(rowOf(a, 7).departments).toEqual(['县住建局', '县发改委', '县项目服务中心']);
    expect(b.headerRows).toEqual([2]);
    expect(findingRows(b, 'overdue')).toEqual([5]);
    expect(findingRows(b, 'completed-late')).toEqual([4]);
  });

  it('--sheet 县住建局 checks only that sheet', async () => {
    const { doc, stdout } = await runJson(SAMPLE2, ...AS_OF, '--sheet', '县住建局');
    expect(doc.sheets.map((s: { name: string }) => s.name)).toEqual(['县住建局']);
    expect(doc.skipped).toEqual([]);
    expect(stdout).not.toContain('县政务服务中心');
    const text = await run(SAMPLE2, ...AS_OF, '--sheet', '县住建局');
    expect(text.stdout).toContain('工作表“县住建局”');
    expect(text.stdout).not.toContain('县政务服务中心');
    expect(text.stdout).not.toContain('跳过的工作表');
  });

  it('--sheet 不存在 → exit 2, listing the sheets there are', async () => {
    const line = expectPlainFailure(await run(SAMPLE2, ...AS_OF, '--sheet', '不存在'));
    expect(line).toContain('不存在');
    expect(line).toContain('说明、县住建局、县政务服务中心');
  });

  it('--sheet 说明 → exit 2 with the no-header sentence', async () => {
    const line = expectPlainFailure(await run(SAMPLE2, ...AS_OF, '--sheet', '说明'));
    expect(line).toContain('“说明”');
    expect(line).toContain('找不到台账表头');
  });
});

// ---------------------------------------------------------------------------------------------
// Options

describe('options', () => {
  it('--as-of moves what is overdue', async () => {
    const early = await runJson(SAMPLE1, '--as-of', '2026-01-01');
    expect(early.doc.asOf).toBe('2026-01-01');
    expect(early.doc.sheets[0].stats.overdue).toBe(0);
    expect(findingRows(early.doc.sheets[0], 'overdue')).toEqual([]);
    expect(rowOf(early.doc.sheets[0], 9)).toMatchObject({ deadline: '2026-06-30', overdue: false });

    const later = await runJson(SAMPLE1, '--as-of', '2026-12-01');
    expect(findingRows(later.doc.sheets[0], 'overdue')).toEqual([9, 12, 16, 18, 23, 26, 27, 35]);
    expect(later.doc.sheets[0].stats.dueSoon).toBe(0);
    const text = await run(SAMPLE1, '--as-of', '2026-12-01');
    expect(text.stdout).toContain('截至：2026年12月1日');
    expect(text.stdout).toContain('逾期未完成 8；即将到期 0（属正在推进）；');
  });

  it('an impossible --as-of is refused in one plain sentence', async () => {
    const line = expectPlainFailure(await run(SAMPLE1, '--as-of', '2024-02-30'));
    expect(line).toContain('2024-02-30');
    expectPlainFailure(await run(SAMPLE1, '--as-of', '明天'));
  });

  it('--due-soon-days changes the due-soon window', async () => {
    const zero = await runJson(SAMPLE1, ...AS_OF, '--due-soon-days', '0');
    expect(findingRows(zero.doc.sheets[0], 'due-soon')).toEqual([16]);
    expect(zero.doc.sheets[0].stats.dueSoon).toBe(1);
    const month = await runJson(SAMPLE1, ...AS_OF, '--due-soon-days', '30');
    expect(findingRows(month.doc.sheets[0], 'due-soon')).toEqual([12, 16, 26, 32]);
    expect(month.doc.sheets[0].stats.dueSoon).toBe(4);
    expect(month.doc.sheets[0].stats.overdue).toBe(5);
    expect(expectPlainFailure(await run(SAMPLE1, ...AS_OF, '--due-soon-days=-1'))).toContain(
      '--due-soon-days',
    );
    expectPlainFailure(await run(SAMPLE1, ...AS_OF, '--due-soon-days', '七天'));
  });

  it('--required without department: no missing-department finding for the empty 牵头单位', async () => {
    const all = await runJson(SAMPLE1, ...AS_OF);
    expect(findingRows(all.doc.sheets[0], 'missing-department')).toEqual([12]);

    const r = await runJson(SAMPLE1, ...AS_OF, '--required', 'problem,measure');
    const sheet = r.doc.sheets[0];
    expect(findingRows(sheet, 'missing-department')).toEqual([]);
    expect(
      sheet.findings
        .filter((f: { field: string }) => f.field === 'department')
        .map((f: { code: string }) => f.code),
    ).toEqual(['vague-department', 'vague-department', 'vague-department']);
    expect(findingRows(sheet, 'missing-required')).toEqual([]);
    expect(sheet.stats.missingDepartment).toBe(0);
    expect(rowOf(sheet, 12).departments).toEqual([]);
    // Still judged on dates: the overdue rows keep the exit code at 1.
    expect(r.code).toBe(1);
    expect(findingRows(sheet, 'overdue')).toEqual([9, 18, 23, 27, 35]);
  });

  it('an unknown field in --required → exit 2 naming it', async () => {
    const r = await run(SAMPLE1, ...AS_OF, '--required', 'problem,负责人');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('负责人');
    expect(r.stderr).not.toMatch(/Error|\bat \S+ \(/);
  });

  it('no file argument → exit 2 with the usage', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('用法');
    expect(r.stderr).toContain('--as-of');
  });

  it('--help → exit 0 with the usage on stdout', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法');
    expect(r.stdout).toContain('--required');
    expect(r.stderr).toBe('');
  });

  it('an unknown --lang → exit 2', async () => {
    expectPlainFailure(await run(SAMPLE1, '--lang', 'fr'));
  });
});

// ---------------------------------------------------------------------------------------------
// --out

describe('--out', () => {
  it('writes a checked copy with 整改汇总, 逾期清单, 待补充清单 and the original cells as they were', async () => {
    const out = join(dir, '检查结果.xlsx');
    const r = await run(SAMPLE1, ...AS_OF, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`已写出检查结果：${out}`);
    expect(existsSync(out)).toBe(true);

    const copy = await loadWorkbook(out);
    expect(copy.worksheets.map((ws) => ws.name)).toEqual([
      '专项整治台账',
      '整改汇总',
      '逾期清单',
      '待补充清单',
    ]);

    const original = sheetContent((await loadWorkbook(SAMPLE1)).getWorksheet('专项整治台账')!);
    const kept = sheetContent(copy.getWorksheet('专项整治台账')!);
    expect(Object.keys(original.values).length).toBeGreaterThan(300);
    expect(kept.values).toEqual(original.values);
    expect(kept.merges).toEqual(original.merges);

    // The overdue list links to the overdue and due-soon rows; the to-complete list names the rows to fix.
    const linked: number[] = [];
    copy.getWorksheet('逾期清单')!.eachRow((row) =>
      row.eachCell((c) => {
        const m = /^第(\d+)行$/.exec(c.text);
        if (m) linked.push(Number(m[1]));
      }),
    );
    expect(linked.sort((x, y) => x - y)).toEqual([9, 12, 16, 18, 23, 26, 27, 35]);
    const summaryTexts: string[] = [];
    copy.getWorksheet('整改汇总')!.eachRow((row) => row.eachCell((c) => void summaryTexts.push(c.text)));
    expect(summaryTexts).toContain(
      '截至2026年11月21日，共梳理问题16个，制定整改措施30项，已完成16项（其中长期任务已取得阶段性成效5项），正在推进9项，逾期未完成5项。',
    );
    const toComplete: string[] = [];
    copy.getWorksheet('待补充清单')!.eachRow((row) => row.eachCell((c) => void toComplete.push(c.text)));
    expect(toComplete).toEqual(expect.arrayContaining(['E12', 'H15', 'I21']));
  });

  it('with --json, stdout stays one JSON document and the note goes to stderr', async () => {
    const out = join(dir, 'json-and-out.xlsx');
    const r = await runJson(SAMPLE1, ...AS_OF, '--out', out);
    expect(r.doc.sheets[0].stats.overdue).toBe(5);
    expect(r.stderr).toContain(out);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses to write over the input, which stays byte for byte the same', async () => {
    const input = join(dir, '台账-原件.xlsx');
    copyFileSync(SAMPLE1, input);
    const before = sha256(input);
    const line = expectPlainFailure(await run(input, ...AS_OF, '--out', input));
    expect(line).toContain('原文件');
    // The same file written another way.
    expectPlainFailure(await run(input, ...AS_OF, '--out', join(dir, '.', '台账-原件.xlsx')));
    expect(sha256(input)).toBe(before);
  });

  it('refuses an existing file and leaves it alone', async () => {
    const existing = join(dir, '已有文件.xlsx');
    writeFileSync(existing, 'clerk data');
    const line = expectPlainFailure(await run(SAMPLE1, ...AS_OF, '--out', existing));
    expect(line).toContain('已存在');
    expect(readFileSync(existing, 'utf8')).toBe('clerk data');
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile workbooks

describe('hostile workbooks', () => {
  it('formula-looking text is text: reported literally, never evaluated', async () => {
    const file = await makeFormulaLookingText(dir);
    const { doc, code } = await runJson(file, ...AS_OF);
    expect(code).toBe(1);
    const sheet = doc.sheets[0];
    expect(rowOf(sheet, 2).departments).toEqual([FORMULA_LIKE[2]]); // '-1', a string, not a number
    expect(rowOf(sheet, 3).departments).toEqual([FORMULA_LIKE[1]]); // '+86 123'
    expect(rowOf(sheet, 4)).toMatchObject({ deadlineKind: 'invalid', deadline: null });
    const invalid = sheet.findings.find((f: { code: string }) => f.code === 'invalid-date');
    expect(invalid).toMatchObject({ row: 4, column: 'H' });
    expect(invalid.message).toContain('“-1”');
    expect(rowOf(sheet, 3).state).toBe('unknown');

    // The checked copy keeps it as text, not as a formula.
    const out = join(dir, 'formula-like-checked.xlsx');
    expect((await run(file, ...AS_OF, '--out', out)).code).toBe(1);
    const ws = (await loadWorkbook(out)).getWorksheet('台账')!;
    expect(ws.getCell('C2').value).toBe(FORMULA_LIKE[0]);
    expect(ws.getCell('D3').value).toBe(FORMULA_LIKE[0]);
  });

  it('a deadline and a status that look like formulas are read as the text they are', async () => {
    const file = await writeXlsx(join(dir, 'formula-text-2.xlsx'), (wb) => {
      addLedgerSheet(wb, [plainRow(1, { 整改时限: '=TODAY()', 整改进展: '=B2', 责任单位: '=A1' })]);
    });
    const { doc } = await runJson(file, ...AS_OF);
    const sheet = doc.sheets[0];
    expect(rowOf(sheet, 2)).toMatchObject({ deadlineKind: 'invalid', deadline: null, departments: ['=A1'] });
    const messages = sheet.findings.map((f: { message: string }) => f.message).join('\n');
    expect(messages).toContain('=TODAY()');
    expect(messages).toContain('=B2');
  });

  it('error cells become invalid-date and error-cell findings, with no crash', async () => {
    const file = await makeErrorCells(dir);
    const { doc, code, stderr } = await runJson(file, ...AS_OF);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const sheet = doc.sheets[0];
    expect(sheet.rows).toHaveLength(5);
    expect(findingRows(sheet, 'invalid-date')).toEqual([2, 3, 4]);
    expect(sheet.findings.filter((f: { code: string }) => f.code === 'error-cell')).toEqual([
      expect.objectContaining({ row: 5, column: 'E', field: 'department' }),
      expect.objectContaining({ row: 6, column: 'I', field: 'status' }),
    ]);
    const messages = sheet.findings.map((f: { message: string }) => f.message).join('\n');
    for (const e of ['#REF!', '#DIV/0!', '#N/A']) expect(messages).toContain(e);
    // An error value names no department (and '#N/A' is not split at its '/').
    expect(rowOf(sheet, 5).departments).toEqual([]);
    expect(findingRows(sheet, 'missing-department')).toEqual([]);
    const text = await run(file, ...AS_OF);
    expect(sections(text.stdout).get(zh('invalid-date'))).toEqual([at(2, 'H'), at(3, 'H'), at(4, 'H')]);
  });

  it('a 32,000-character cell is checked and kept whole in the copy', async () => {
    const file = await makeHugeCell(dir);
    const { doc, code } = await runJson(file, ...AS_OF);
    expect(code).toBe(0);
    expect(doc.sheets[0].rows.map((x: { row: number }) => x.row)).toEqual([2, 3]);
    const out = join(dir, 'huge-checked.xlsx');
    await run(file, ...AS_OF, '--out', out);
    const cell = (await loadWorkbook(out)).getWorksheet('台账')!.getCell('C2').value;
    expect(typeof cell === 'string' && cell.length).toBe(HUGE_LENGTH);
  });

  it('astral CJK and emoji survive into the JSON and the report', async () => {
    const file = await makeAstral(dir);
    const r = await runJson(file, ...AS_OF);
    const sheet = r.doc.sheets[0];
    expect(rowOf(sheet, 2).departments).toEqual([`责任单位${ASTRAL}`]);
    expect(rowOf(sheet, 2).cooperating).toEqual([`配合单位${ASTRAL}`]);
    expect(rowOf(sheet, 4)).toMatchObject({ state: 'done', departments: [`🚧审批股${ASTRAL}`] });
    expect(sheet.findings.some((f: { message: string }) => f.message.includes(`整改时限${ASTRAL}`))).toBe(
      true,
    );
    expect(r.stdout).toContain(ASTRAL);
    expect(r.stdout).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i); // no escaped halves of a pair
    const text = await run(file, ...AS_OF);
    expect(text.stdout).toContain(`整改时限${ASTRAL}`);
  });

  it('only a header → exit 0 and 0 rows', async () => {
    const file = await makeHeaderOnly(dir);
    const { doc, code } = await runJson(file, ...AS_OF);
    expect(code).toBe(0);
    expect(doc.sheets[0].rows).toEqual([]);
    expect(doc.sheets[0].stats.rows).toBe(0);
    const text = await run(file, ...AS_OF);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('共 0 项措施');
  });

  it('10,000 pre-numbered empty rows add no ledger rows', async () => {
    const file = await makePrenumbered(dir);
    const { doc, code } = await runJson(file, ...AS_OF);
    expect(code).toBe(0);
    expect(doc.sheets[0].rows.map((x: { row: number }) => x.row)).toEqual([2, 3, 4]);
    expect(doc.sheets[0].findings).toEqual([]);
  });

  it('1904 workbooks give the dates Excel shows', async () => {
    const file = await make1904(dir);
    const { doc } = await runJson(file, ...AS_OF);
    const sheet = doc.sheets[0];
    expect(sheet.rows).toHaveLength(2);
    // A date cell, and a formula with a date result, both in the 1904 system.
    expect(rowOf(sheet, 2)).toMatchObject({
      deadline: '2026-11-21',
      deadlineKind: 'date',
      daysLeft: 0,
      dueSoon: true,
    });
    expect(rowOf(sheet, 3)).toMatchObject({
      deadline: '2026-11-22',
      deadlineKind: 'date',
      daysLeft: 1,
      dueSoon: true,
    });
    expect(findingRows(sheet, 'due-soon')).toEqual([2, 3]);
  });

  const unreadable: [string, (d: string) => string | Promise<string>, RegExp][] = [
    ['an empty workbook', makeEmptyWorkbook, /没有任何内容/],
    ['a workbook without sheets', makeNoSheetWorkbook, /没有任何内容/],
    ['a text file named .xlsx', makeNotAWorkbook, /不是 Excel 工作簿/],
    ['a Word file named .xlsx', makeZipNotWorkbook, /Word/],
    ['zero bytes', makeZeroBytes, /空的/],
    ['a truncated zip', makeTruncatedZip, /不完整|损坏/],
    ['a password-protected workbook', makeFakeEncrypted, /加密/],
    ['an old .xls', makeFakeXls, /\.xls/],
  ];
  it.each(unreadable)('%s → exit 2 with one plain Chinese line', async (_name, make, says) => {
    const file = await make(dir);
    const line = expectPlainFailure(await run(file, ...AS_OF));
    expect(line).toMatch(says);
    // The same with --json: no half document on stdout.
    expectPlainFailure(await run(file, ...AS_OF, '--json'));
  });

  it('a missing file → exit 2 saying so', async () => {
    const line = expectPlainFailure(await run(join(dir, '没有这个文件.xlsx'), ...AS_OF));
    expect(line).toContain('文件不存在');
    expect(line).toContain('没有这个文件.xlsx');
  });

  it('a workbook with no ledger sheet at all → exit 2', async () => {
    const file = await writeXlsx(join(dir, 'notes-only.xlsx'), (wb) => {
      const ws = wb.addWorksheet('说明');
      ws.addRow(['本表为填报说明']);
      ws.addRow(['请按时报送']);
    });
    const line = expectPlainFailure(await run(file, ...AS_OF));
    expect(line).toContain('台账表头');
  });
});

// ---------------------------------------------------------------------------------------------
// The real launcher

describe('node bin/ledger-check.js', () => {
  // The launcher runs the compiled command in build/ (compiled here when stale).
  beforeAll(() => ensureBuilt(), 120_000);

  it('answers --help without loading the engine (well under a second; about 0.2 s here)', () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = Date.now();
      const child = spawnSync(process.execPath, [join('bin', 'ledger-check.js'), '--help'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      times.push(Date.now() - start);
      expect(child.status).toBe(0);
      expect(child.stdout).toContain('用法：ledger-check');
    }
    expect(times.sort((a, b) => a - b)[1]).toBeLessThan(500);
  });

  it('runs as a child process: exit code 1 and the JSON document on stdout', () => {
    const env = { ...process.env };
    delete env.LEDGER_DEBUG;
    const child = spawnSync(
      process.execPath,
      [join('bin', 'ledger-check.js'), join('samples', '交通运输局专项整治台账.xlsx'), ...AS_OF, '--json'],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 55_000 },
    );
    expect(child.error).toBeUndefined();
    expect(child.status).toBe(1);
    const doc = JSON.parse(child.stdout);
    expect(doc.file).toBe(join('samples', '交通运输局专项整治台账.xlsx'));
    expect(doc.sheets[0].stats).toMatchObject({ rows: 30, problems: 16, overdue: 5 });
    expect(findingRows(doc.sheets[0], 'overdue')).toEqual([9, 18, 23, 27, 35]);
  });
});

describe('arguments a clerk may mistype', () => {
  const sample = 'samples/交通运输局专项整治台账.xlsx';
  const run = (...argv: string[]) => runMain(main, argv);

  it.each([
    [['--bogus'], '不认识的参数“--bogus”。'],
    [['--due-soon-days', '-1'], '参数“--due-soon-days”后面需要一个值'],
    [['--due-soon-days='], '--due-soon-days 应为 0 到 365 之间的整数天数。'],
    [['--due-soon-days=1.5'], '--due-soon-days 应为 0 到 365 之间的整数天数。'],
    [['--required='], '--required 至少要写一个字段。'],
    [['--sheet'], '参数“--sheet”后面需要一个值'],
  ])('%j is refused with a Chinese sentence, not Node’s English', async (args, sentence) => {
    const r = await run(sample, ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toContain(sentence);
    expect(r.stderr).not.toMatch(/Unknown option|ambiguous|To specify/);
  });
});
