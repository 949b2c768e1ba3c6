/**
 * ledger-check over a folder of units' ledgers (tests/fixtures/units, made by
 * scripts/make-unit-fixtures.ts). The expected figures are worked out by hand from the rows written
 * there, as of 2024-06-30 with a 7-day due-soon window:
 *
 * | unit | name from | measures | done | long | ongoing | overdue | due soon | no dept | to complete | on time |
 * |---|---|---|---|---|---|---|---|---|---|---|
 * | 县教育局 | 填报单位行 | 6 | 2 | 1 | 2 | 1 | 1 | 1 | 1 | 1/3 |
 * | 城关镇 | 工作表名 | 4 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1/2 |
 * | 县水利局 | 文件名 | 3 | 1 | 0 | 1 | 1 | 0 | 0 | 1 (blank status) | 1/2 |
 * | 县卫生健康局 | 文件名 | 5 | 2 | 0 | 2 | 1 | 0 | 0 | 0 | 1/2 |
 * | 县财政局 (the later file) | 填报单位行 | 4 | 1 | 0 | 2 | 1 | 1 | 0 | 0 | 1/2 |
 * | 河口乡 | 工作表名 | 3 | 2 | 0 | 1 | 0 | 0 | 0 | 0 | 2/2 |
 * | 县民政局 (an .xls) | 填报单位行 | 2 | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 1/1 |
 *
 * 9 files read (7 ledgers, a cut-off .xlsx and a password-protected one that cannot be read),
 * 7 units, 27 measures, 22 problems; the first 县财政局 file (3 measures) is a duplicate and not merged. Skipped: Excel's
 * lock file and the tool's own earlier 汇总; 说明.txt is no workbook.
 */
import { cpSync, existsSync, mkdtempSync, utimesSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/ledger-check';
import { runMain, type CommandRun } from '../helpers/cli';
import { readWorkbook } from '../../src/cli/workbook';
import { cellText } from '../../src/core/grid';
import type { Grid } from '../../src/core/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'units');

/** A copy of the folder with the second 县财政局 file modified later than the first. */
function unitsFolder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'units-')), '各单位报送');
  cpSync(FIXTURES, dir, { recursive: true });
  utimesSync(
    join(dir, '县财政局整改台账.xlsx'),
    new Date('2024-06-10T09:00:00Z'),
    new Date('2024-06-10T09:00:00Z'),
  );
  utimesSync(
    join(dir, '县财政局整改台账（修改后）.xlsx'),
    new Date('2024-06-24T09:00:00Z'),
    new Date('2024-06-24T09:00:00Z'),
  );
  return dir;
}

function run(...argv: string[]): Promise<CommandRun> {
  return runMain(main, argv);
}

const AS_OF = ['--as-of', '2024-06-30'];

const EXPECTED = [
  // unit, source, measures, done, longTerm, ongoing, overdue, dueSoon, missingDepartment, toComplete, onTimeRate
  ['县教育局', 'fill-line', 6, 2, 1, 2, 1, 1, 1, 1, 1 / 3],
  ['城关镇', 'sheet-name', 4, 1, 1, 1, 1, 1, 1, 1, 1 / 2],
  ['县水利局', 'file-name', 3, 1, 0, 1, 1, 0, 0, 1, 1 / 2],
  ['县卫生健康局', 'file-name', 5, 2, 0, 2, 1, 0, 0, 0, 1 / 2],
  ['县财政局', 'fill-line', 4, 1, 0, 2, 1, 1, 0, 0, 1 / 2],
  ['河口乡', 'sheet-name', 3, 2, 0, 1, 0, 0, 0, 0, 1],
  ['县民政局', 'fill-line', 2, 1, 0, 1, 0, 0, 0, 0, 1],
];

describe('ledger-check over many units', () => {
  const dir = unitsFolder();

  it('gives every unit its figures, worst first, and accounts for every file (--json)', async () => {
    const { code, stdout } = await run(dir, ...AS_OF, '--json');
    expect(code).toBe(1); // ledgers with errors, and two files that could not be read
    const doc = JSON.parse(stdout);
    expect(doc.asOf).toBe('2024-06-30');
    const units = doc.units.map((u: Record<string, unknown>) => [
      u.name,
      u.source,
      u.measures,
      u.done,
      u.longTerm,
      u.ongoing,
      u.overdue,
      u.dueSoon,
      u.missingDepartment,
      u.toComplete,
      u.onTimeRate,
    ]);
    expect(units).toEqual(EXPECTED);
    expect(doc.total).toMatchObject({
      files: 9,
      unreadable: 2,
      units: 7,
      measures: 27,
      problems: 22,
      overdue: 5,
      dueSoon: 3,
      missingDepartment: 2,
      toComplete: 3,
    });
    expect(doc.total.measures).toBe(EXPECTED.reduce((n, u) => n + (u[2] as number), 0));
    expect(doc.files).toHaveLength(9);
    const byName = Object.fromEntries(
      doc.files.map((f: { file: string }) => [f.file.replace(/^.*\//, ''), f]),
    );
    expect(byName['损坏的文件.xlsx'].error).toMatch(/不完整或已损坏/);
    expect(byName['加密的台账.xlsx'].error).toMatch(/已加密/);
    expect(byName['县民政局整改台账.xls'].error).toBeNull();
    expect(byName['各乡镇整改台账.xlsx'].unit).toBe('城关镇、河口乡');
    expect(byName['各乡镇整改台账.xlsx'].skippedSheets).toEqual([
      { name: '填表说明', reason: '没有台账表头' },
    ]);
    expect(byName['县财政局整改台账.xlsx'].units[0]).toMatchObject({
      name: '县财政局',
      merged: false,
      measures: 3,
    });
    expect(doc.duplicates).toEqual([
      {
        unit: '县财政局',
        kept: expect.stringMatching(/县财政局整改台账（修改后）\.xlsx$/),
        dropped: expect.stringMatching(/县财政局整改台账\.xlsx$/),
      },
    ]);
    expect(doc.ignored.map((i: { file: string }) => i.file.replace(/^.*\//, '')).sort()).toEqual([
      '~$县教育局整改台账.xlsx',
      '上次汇总.xlsx',
    ]);
  });

  it('prints one line per file, then the totals and the sentence for all units', async () => {
    const { stdout } = await run(dir, ...AS_OF);
    expect(stdout).toContain(
      '县教育局整改台账.xlsx：县教育局（名称取自填报单位行）：措施6项，逾期1项，缺责任单位1项，待补充1行',
    );
    expect(stdout).toContain(
      '各乡镇整改台账.xlsx：城关镇（名称取自工作表名）：措施4项，逾期1项，缺责任单位1项，待补充1行；河口乡（名称取自工作表名）：措施3项，逾期0项，缺责任单位0项，待补充0行',
    );
    expect(stdout).toMatch(/损坏的文件\.xlsx：未能读取。文件不完整或已损坏/);
    expect(stdout).toContain('共读取9个文件、7个单位、27项措施；2个文件未能读取：');
    expect(stdout).toContain(
      '1个文件与其他文件属同一单位，未重复合并：县财政局整改台账.xlsx（县财政局，已采用县财政局整改台账（修改后）.xlsx）',
    );
    const { officialPunctuation } = await import('../../src/core/text/punctuation');
    expect(stdout.split('\n').filter((l) => officialPunctuation(l) !== l)).toEqual([]);
    expect(stdout).toMatch(
      /共梳理问题22个.制定整改措施27项.已完成12项.其中长期任务已取得阶段性成效2项.{1,2}正在推进10项.逾期未完成5项。/,
    );
  });

  it('says on its own line that a file arriving after a newer copy of its unit is not merged', async () => {
    const older = unitsFolder();
    utimesSync(
      join(older, '县财政局整改台账（修改后）.xlsx'),
      new Date('2024-06-01T09:00:00Z'),
      new Date('2024-06-01T09:00:00Z'),
    );
    const { stdout } = await run(older, ...AS_OF);
    expect(stdout).toContain(
      '县财政局整改台账（修改后）.xlsx：县财政局（名称取自填报单位行）：与其他文件属同一单位，未重复合并（见下方注意）',
    );
    expect(stdout).toContain('共读取9个文件、7个单位、26项措施');
  });

  it('writes a new 汇总 workbook whose 汇总台账 rows equal the sum of the units’ measures', async () => {
    const out = join(dir, '..', '汇总.xlsx');
    const { code, stdout } = await run(dir, ...AS_OF, '--out', out);
    expect(code).toBe(1);
    expect(stdout).toContain(`已写出汇总：${out}（工作表：汇总台账、各单位情况、逾期清单、待补充清单）`);
    const grids = await readWorkbook(out);
    expect(grids.map((g) => g.sheet)).toEqual(['汇总台账', '各单位情况', '逾期清单', '待补充清单']);
    const [ledger, units, overdue, toComplete] = grids;
    const rowsOf = (g: Grid) => g.cells.map((r) => r.map((c) => cellText(c)));
    const ledgerRows = rowsOf(ledger);
    const header = ledgerRows.findIndex((r) => r[0] === '序号');
    const measures = ledgerRows.slice(header + 1);
    const unitTable = rowsOf(units);
    const unitHeader = unitTable.findIndex((r) => r[1] === '填报单位');
    const unitRows = unitTable.slice(
      unitHeader + 1,
      unitTable.findIndex((r) => r[0] === '合计'),
    );
    expect(unitRows.map((r) => r[1])).toEqual(EXPECTED.map((u) => u[0]));
    const sum = unitRows.reduce((n, r) => n + Number(r[2]), 0);
    expect(sum).toBe(27);
    expect(measures).toHaveLength(sum);
    // Every unit's rows are there, with where they came from.
    for (const [unit, , n] of EXPECTED)
      expect(measures.filter((r) => r[1] === unit)).toHaveLength(n as number);
    expect(measures.find((r) => r[4] === '建立校外培训机构黑白名单')?.slice(-3)).toEqual([
      '县教育局整改台账.xlsx',
      '整改台账',
      '8',
    ]);
    // Lists: grouped by unit, the overdue list has 5 overdue and 3 due soon lines.
    const overdueRows = rowsOf(overdue).filter((r) => r[6] === '逾期' || r[6] === '即将到期');
    expect(overdueRows.filter((r) => r[6] === '逾期')).toHaveLength(5);
    expect(overdueRows).toHaveLength(8);
    expect(rowsOf(toComplete).filter((r) => /^\d+$/.test(r[0]) && r[1])).toHaveLength(3);
    // The 汇总 file is skipped when the folder is merged again (it carries the tool's names).
    const again = await run(join(dir, '..'), ...AS_OF, '--json');
    const doc = JSON.parse(again.stdout);
    expect(doc.total.measures).toBe(27);
    expect(doc.ignored.some((i: { file: string }) => /汇总\.xlsx$/.test(i.file))).toBe(true);
  });

  it('never writes over a file, and says so', async () => {
    const out = join(dir, '..', '已有.xlsx');
    await run(dir, ...AS_OF, '--out', out);
    expect(existsSync(out)).toBe(true);
    const second = await run(dir, ...AS_OF, '--out', out);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('已存在，为免覆盖没有写出');
  });

  it('lets a mapping file name the units', async () => {
    const { writeFileSync } = await import('fs');
    const mapping = join(dir, '..', '单位名称.txt');
    writeFileSync(mapping, '城关镇=城关镇人民政府\n县水利局整改台账.xlsx=县水利局（河长办）\n');
    const { stdout } = await run(dir, ...AS_OF, '--json', '--units', mapping);
    const names = JSON.parse(stdout).units.map(
      (u: { name: string; source: string }) => `${u.name}/${u.source}`,
    );
    expect(names).toContain('城关镇人民政府/mapping');
    expect(names).toContain('县水利局（河长办）/mapping');
  });

  it('speaks English when asked', async () => {
    const { stdout } = await run(dir, ...AS_OF, '--lang', 'en');
    expect(stdout).toContain('Read 9 file(s), 7 unit(s), 27 measure(s); 2 file(s) could not be read');
    expect(stdout).toMatch(/县教育局 \(name from 填报单位 line\): 6 measures, 1 overdue/);
    expect(stdout).toContain('As of 30 June 2024, 22 problems identified and 27 measures set');
    // The sheets stay Chinese: they are handed to the inspection team as they are.
    const out = join(dir, '..', 'summary-en.xlsx');
    await run(dir, ...AS_OF, '--lang', 'en', '--out', out);
    const units = (await readWorkbook(out))[1].cells.map((r) => r.map((c) => cellText(c)));
    expect(units[2][0]).toMatch(/^截至2024年6月30日，共梳理问题22个/);
    expect(units.find((r) => r[1] === '县教育局')?.[13]).toMatch(/^截至2024年6月30日，共梳理问题3个/);
  });

  it('leaves out hidden files, files that are not workbooks and the --out file itself', async () => {
    const { mkdirSync, writeFileSync, copyFileSync } = await import('fs');
    const { findWorkbookFiles } = await import('../../src/cli/consolidate');
    const root = mkdtempSync(join(tmpdir(), 'units-find-'));
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.git', 'x.xlsx'), 'x');
    writeFileSync(join(root, '.隐藏.xlsx'), 'x');
    writeFileSync(join(root, '回执.docx'), 'x');
    copyFileSync(join(FIXTURES, '县教育局整改台账.xlsx'), join(root, '甲.xlsx'));
    copyFileSync(join(FIXTURES, '县教育局整改台账.xlsx'), join(root, '汇总.xlsx'));
    const found = findWorkbookFiles([root, join(root, '甲.xlsx')], join(root, '汇总.xlsx'));
    expect(found.files).toEqual([join(root, '甲.xlsx')]);
    expect(found.ignored.map((i) => i.reason)).toEqual(['本次写出的汇总文件']);
    expect(findWorkbookFiles([join(root, '没有.xlsx')]).missing).toEqual([join(root, '没有.xlsx')]);
  });

  it('refuses --sheet with several files and a folder with no ledgers', async () => {
    expect((await run(dir, dir, '--sheet', '台账')).code).toBe(2);
    const empty = mkdtempSync(join(tmpdir(), 'units-empty-'));
    const r = await run(empty, ...AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有找到 .xlsx 台账文件');
  });
});
