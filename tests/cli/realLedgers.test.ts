/**
 * ledger-check on ledgers in the shapes of issue 10, saved by LibreOffice (tests/fixtures/real/,
 * written by scripts/make-real-ledgers.ts and converted with soffice): deep merged headers with
 * responsibility sub-columns, a 区县 column as the department, relative deadlines, --issued, --map,
 * --config, runs of equal findings on one line, and re-checking a checked copy. The answers were
 * worked out by hand from the rows in tests/fixtures/realLedgers.ts (as of 2026-11-21).
 */
import { copyFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/ledger-check';
import { runMain, type CommandRun } from '../helpers/cli';
import { makeTempDir, writeXlsx } from '../helpers/xlsx';

const FIXTURES = join(__dirname, '..', 'fixtures', 'real');
const DEEP = join(FIXTURES, '住建局隐患整改台账.xlsx');
const UNITS = join(FIXTURES, '督查室交办台账.xlsx');
const AS_OF = ['--as-of', '2026-11-21'];

function run(...argv: string[]): Promise<CommandRun> {
  return runMain(main, argv);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the JSON document is checked field by field */
async function json(...argv: string[]): Promise<any> {
  const r = await run(...argv, '--json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}
const rowsOf = (sheet: any) => sheet.rows.map((r: any) => [r.row, r.state, r.deadline, r.departments]);
const codesAt = (sheet: any, row: number | null) =>
  sheet.findings
    .filter((f: any) => f.row === row)
    .map((f: any) => f.code)
    .sort();
/* eslint-enable @typescript-eslint/no-explicit-any */

let dir: string;
beforeAll(() => {
  dir = makeTempDir('real-ledgers-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('住建局隐患整改台账 (three header rows, 整改责任单位 over 建设|设计|施工|监理; LibreOffice-saved)', () => {
  it('reads the header as rows 3–5 and every filled sub-column as a department', async () => {
    const doc = await json(DEEP, ...AS_OF);
    expect(doc.sheets).toHaveLength(1);
    const sheet = doc.sheets[0];
    expect(sheet.headerRows).toEqual([3, 4, 5]);
    expect(rowsOf(sheet)).toEqual([
      [6, 'done', '2026-11-09', ['城南公司', '宏达建筑公司', '诚信监理公司']],
      [7, 'in_progress', '2026-11-05', ['城南公司', '宏达建筑公司']],
      [8, 'done', '2026-11-30', ['北区教育局', '市建筑设计院']],
      [9, 'in_progress', '2026-11-25', ['宏达建筑公司', '诚信监理公司']],
      [10, 'done', '2026-12-02', ['东城置业公司']],
    ]);
    expect(sheet.stats).toMatchObject({
      rows: 5,
      done: 3,
      inProgress: 2,
      overdue: 1,
      dueSoon: 1,
      missingDepartment: 0,
    });
    expect(codesAt(sheet, 9)).toEqual(['date-in-name-column', 'due-soon']);
  });

  it('prints the header rows as 第3–5行 and exits 1 for the overdue row', async () => {
    const r = await run(DEEP, ...AS_OF);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('工作表“隐患整改台账”：表头在第3–5行，共 5 项措施（5 个问题）');
    expect(r.stdout).toContain('第7行 I列：已逾期16天（整改时限2026年11月5日）');
  });

  it('--map department=E:G leaves the 监理 column out', async () => {
    const sheet = (await json(DEEP, ...AS_OF, '--map', 'department=E:G')).sheets[0];
    expect(sheet.columns.department.column).toBe('E');
    expect(sheet.rows.map((r: { departments: string[] }) => r.departments)).toEqual([
      ['城南公司', '宏达建筑公司'],
      ['城南公司', '宏达建筑公司'],
      ['北区教育局', '市建筑设计院'],
      ['宏达建筑公司'],
      ['东城置业公司'],
    ]);
  });

  it('re-checking the checked copy reads only the ledger: 逾期清单 does not double the overdue count', async () => {
    const out = join(dir, '住建局-检查结果.xlsx');
    const first = await run(DEEP, ...AS_OF, '--out', out);
    expect(first.code).toBe(1);
    const again = await json(out, ...AS_OF);
    expect(again.sheets.map((s: { name: string }) => s.name)).toEqual(['隐患整改台账']);
    expect(again.sheets[0].stats.overdue).toBe(1);
    expect(again.skipped.map((s: { reason: string }) => s.reason)).toEqual(
      expect.arrayContaining(['本工具生成的工作表']),
    );
    const r = await run(out, ...AS_OF, '--sheet', '逾期清单');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是本工具生成的');
  });
});

describe('督查室交办台账 (区县 as the department, 交办时间 and relative deadlines; LibreOffice-saved)', () => {
  it('counts each row from its 交办时间 and asks once for the one row without', async () => {
    const sheet = (await json(UNITS, ...AS_OF)).sheets[0];
    // 5个工作日内 from 11/2 → 11/9; 10个工作日 → 11/16; 限期15日 from 11/10 → 11/25;
    // 一个月内 from 9/25 → 10/25; row 7 has no 交办时间.
    expect(rowsOf(sheet)).toEqual([
      [3, 'done', '2026-11-09', ['东湖区']],
      [4, 'in_progress', '2026-11-16', ['西山县']],
      [5, 'in_progress', '2026-11-25', ['南岭区']],
      [6, 'done', '2026-10-25', ['北塘县']],
      [7, 'in_progress', null, ['东湖区']],
    ]);
    expect(sheet.columns).toMatchObject({
      department: { column: 'B', header: '区县' },
      category: { column: 'C', header: '问题来源' },
      problem: { column: 'D' },
      measure: { column: 'E' },
      status: { column: 'H' },
      completedOn: { column: 'I' },
    });
    expect(codesAt(sheet, null)).toEqual(['department-from-unit', 'relative-deadline-no-start']);
    expect(sheet.stats).toMatchObject({ overdue: 1, dueSoon: 1, done: 2, inProgress: 3 });
  });

  it('--issued gives the start for the rows without one', async () => {
    const sheet = (await json(UNITS, ...AS_OF, '--issued', '2026-11-16')).sheets[0];
    expect(sheet.rows.find((r: { row: number }) => r.row === 7)).toMatchObject({
      deadline: '2026-11-19',
      overdue: true,
    });
    expect(codesAt(sheet, null)).toEqual(['department-from-unit']);
    expect(sheet.stats.overdue).toBe(2);
  });

  it('refuses a bad --issued date in one sentence', async () => {
    const r = await run(UNITS, '--issued', '2026-02-30');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--issued 的日期“2026-02-30”无效/);
  });
});

describe('--map and --config on a ledger whose headers name nothing the checker knows', () => {
  let file: string;
  beforeAll(async () => {
    file = await writeXlsx(join(dir, '事项清单.xlsx'), (wb) => {
      const ws = wb.addWorksheet('清单');
      ws.addRows([
        ['事项', '做法', '科室', '期限', '情况'],
        ['台账不规范', '建立销号制度', '督查科', '2026年12月30日', '正在推进'],
        ['学习不深入', '制定学习计划', '办公室', '2026年10月31日', '推进中'],
      ]);
    });
  });

  it('without a mapping the sheet is refused, saying what was found', async () => {
    const r = await run(file, ...AS_OF, '--sheet', '清单');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第1行只认出了“期限”（D列，作整改时限）');
    expect(r.stderr).toContain('--map');
  });

  it('--map by letters and by header text (field names in English or Chinese) checks it', async () => {
    const doc = await json(file, ...AS_OF, '--map', 'problem=事项,整改措施=B,department=科室,status=E');
    const sheet = doc.sheets[0];
    expect(sheet.columns).toMatchObject({
      problem: { column: 'A' },
      measure: { column: 'B' },
      department: { column: 'C' },
      deadline: { column: 'D' },
      status: { column: 'E' },
    });
    expect(sheet.stats).toMatchObject({ rows: 2, overdue: 1 });
  });

  it('a header text that is nowhere, or a map it cannot read, is said in one sentence', async () => {
    const nowhere = await run(file, ...AS_OF, '--map', 'problem=存在问题');
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('--map 中的“problem=存在问题”在表头里找不到');
    const bad = await run(file, ...AS_OF, '--map', 'owner=C');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--map 中“owner=C”看不懂/);
  });

  it('--config reads the settings the pane saves; options on the command line win', async () => {
    const config = join(dir, '台账设置.json');
    writeFileSync(
      config,
      JSON.stringify({
        version: 1,
        columnOverrides: { problem: 1, measure: 2, department: 3, deadline: 4, status: 5 },
        dueSoonDays: 10,
        asOf: '2026-12-25',
        markDone: false,
      }),
    );
    const fromFile = (await json(file, '--config', config)).sheets[0];
    // As of 12/25 with 10 days' warning: row 2 (12/30) is due soon, row 3 overdue.
    expect(fromFile.stats).toMatchObject({ rows: 2, overdue: 1, dueSoon: 1 });
    const overridden = await json(file, '--config', config, ...AS_OF);
    expect(overridden.asOf).toBe('2026-11-21');
    expect(overridden.sheets[0].stats).toMatchObject({ overdue: 1, dueSoon: 0 });

    const broken = join(dir, '坏的设置.json');
    writeFileSync(broken, JSON.stringify({ dueSoonDays: -3 }));
    const r = await run(file, '--config', broken);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^设置文件“.*坏的设置\.json”中“dueSoonDays”一项的值不对/);
  });
});

describe('the same finding on consecutive rows is one line', () => {
  it('says 第2–16行 once for fifteen rows without a department', async () => {
    const file = await writeXlsx(join(dir, '缺单位.xlsx'), (wb) => {
      const ws = wb.addWorksheet('台账');
      ws.addRow(['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展']);
      for (let i = 1; i <= 15; i++)
        ws.addRow([i, `问题${i}`, `措施${i}`, null, '2026年12月31日', '正在推进']);
      ws.addRow([16, '问题16', '措施16', '办公室', '2026年12月31日', '正在推进']);
      ws.addRow([17, '问题17', '措施17', null, '2026年12月31日', '正在推进']);
    });
    const copy = join(dir, '缺单位-副本.xlsx');
    copyFileSync(file, copy);
    const r = await run(copy, ...AS_OF);
    expect(r.stdout).toContain('【缺责任单位】16 条（错误）');
    const lines = r.stdout.split('\n').filter((l) => l.includes('责任单位未填写'));
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}第2–16行 D列：责任单位未填写/),
      expect.stringMatching(/^ {2}第18行 D列：责任单位未填写/),
    ]);
  });
});
