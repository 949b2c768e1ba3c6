/**
 * 汇总 in the engine: unit names from the 填报单位 line, the file name and the sheet name; the
 * mapping file; two files of one unit; the on-time rate; the plans (rows add up, merges stay
 * inside one unit's sheet, links point at the merged ledger's rows).
 */
import {
  Consolidator,
  checkFileGrids,
  consolidate,
  fileNameUnit,
  fillLineUnit,
  parseUnitMapping,
  planMergeSheets,
  sheetNameIsUnit,
  totalsLine,
  unreadableFile,
  type FileInput,
} from '../../src/core/consolidate';
import type { PlanCell, SheetPlan } from '../../src/core/sheetPlan';
import type { CheckOptions, Grid } from '../../src/core/types';
import { DEFAULT_REQUIRED } from '../../src/core/types';

const OPTIONS: CheckOptions = {
  asOf: '2024-06-30',
  dueSoonDays: 7,
  required: [...DEFAULT_REQUIRED],
  lang: 'zh',
};

type Raw = string | number | null;
function grid(sheet: string, rows: Raw[][], merges: Grid['merges'] = []): Grid {
  return {
    sheet,
    firstRow: 1,
    firstColumn: 1,
    cells: rows.map((r) =>
      r.map((v) =>
        v === null
          ? { type: 'empty' as const, value: null }
          : typeof v === 'number'
            ? { type: 'number' as const, value: v, format: 'General' }
            : { type: 'text' as const, value: v },
      ),
    ),
    merges,
    dateSystem: 1900,
  };
}

const HEADER = ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展', '完成时间'];

describe('unit names', () => {
  it('reads the 填报单位 line in its many spellings and stops at the next label', () => {
    const top = (line: Raw[]) => fillLineUnit(grid('台账', [line, HEADER]), 2);
    expect(top(['填报单位（盖章）：县教育局　　　　填报时间：2024年6月20日'])).toBe('县教育局');
    expect(top(['填报单位:县市场监管局  联系人:王五'])).toBe('县市场监管局');
    expect(top(['填报单位：', '县财政局', null, '填报时间：', '2024年6月10日'])).toBe('县财政局');
    expect(top(['报送单位(公章)', '城关镇人民政府'])).toBe('城关镇人民政府');
    expect(top(['单位名称：县住建局 填报人：李四'])).toBe('县住建局');
    // A label with nothing after it names nobody; text below the header is not looked at.
    expect(top(['填报单位：', null, '填报时间：', '2024年6月'])).toBeNull();
    expect(fillLineUnit(grid('台账', [HEADER, ['填报单位：县教育局']]), 1)).toBeNull();
  });

  it('takes the unit from a file name without the words every unit writes', () => {
    expect(fileNameUnit('县教育局整改台账.xlsx')).toBe('县教育局');
    expect(fileNameUnit('附件2：县卫生健康局巡察整改台账（2024年6月）.xlsx')).toBe('县卫生健康局');
    expect(fileNameUnit('/收件/2024.06.18-县水利局巡察反馈意见整改落实情况.xlsx')).toBe('县水利局');
    expect(fileNameUnit('县财政局整改台账（修改后）.xlsx')).toBe('县财政局');
    expect(fileNameUnit('城关镇20240615整改台账汇总表.xls')).toBe('城关镇');
    expect(fileNameUnit('整改台账汇总.xlsx')).toBeNull();
    expect(fileNameUnit('2024年6月台账.xlsx')).toBeNull();
  });

  it('knows a unit-like sheet name from a generic one', () => {
    expect(sheetNameIsUnit('城关镇')).toBe(true);
    expect(sheetNameIsUnit('县卫生健康局')).toBe(true);
    expect(sheetNameIsUnit('Sheet1')).toBe(false);
    expect(sheetNameIsUnit('整改台账')).toBe(false);
    expect(sheetNameIsUnit('填表说明')).toBe(false);
  });

  it('reads a mapping file (lines or JSON) and says which lines it could not read', () => {
    const m = parseUnitMapping(
      '# 文件名=单位\n县教育局整改台账.xlsx = 县教育体育局\n卫健局\t县卫生健康局\n看不懂的一行\n',
    );
    expect(m.map.get('县教育局整改台账')).toBe('县教育体育局');
    expect(m.map.get('卫健局')).toBe('县卫生健康局');
    expect(m.badLines).toEqual([4]);
    expect(parseUnitMapping('{"甲.xlsx": "甲单位"}').map.get('甲')).toBe('甲单位');
  });
});

function unitFile(
  file: string,
  fill: string | null,
  rows: Raw[][],
  modified?: number,
  sheet = '台账',
): FileInput {
  const top: Raw[][] = fill ? [[`填报单位：${fill}`]] : [];
  return checkFileGrids(file, [grid(sheet, [...top, HEADER, ...rows])], OPTIONS, modified);
}

const EDU: Raw[][] = [
  [1, '学习制度落实不到位', '修订学习制度', '办公室', '2024年3月31日', '已完成', '2024年3月20日'],
  [2, '校外培训治理不力', '开展专项检查', '监督检查股', '2024年4月30日', '已完成', '2024年5月10日'],
  [3, '党支部软弱涣散', '逐一整顿', '基础教育股', '2024年5月31日', '正在推进'],
  [4, '年检制度不健全', '完善年检制度', null, '2024年7月5日', '正在推进'],
  [5, '家校沟通不畅', '每月开放日', '德育股', '长期坚持', '长期坚持'],
];

describe('Consolidator', () => {
  it('names each unit, says where the name came from, and accounts for every file', () => {
    const result = consolidate(
      [
        unitFile('教育局.xlsx', '县教育局', EDU),
        unitFile('县水利局整改台账.xlsx', null, EDU.slice(0, 2)),
        unitFile('整改台账.xlsx', null, EDU.slice(0, 1)),
        unreadableFile('坏.xlsx', '文件不完整或已损坏。'),
      ],
      { asOf: OPTIONS.asOf },
    );
    const names = Object.fromEntries(result.files.flatMap((f) => f.units.map((u) => [u.unit, u.source])));
    expect(names).toEqual({ 县教育局: 'fill-line', 县水利局: 'file-name', 整改台账: 'file-name' });
    expect(result.totals).toMatchObject({ files: 4, unreadable: 1, units: 3, measures: 8 });
    expect(totalsLine(result)).toBe(
      '共读取4个文件、3个单位、8项措施；1个文件未能读取：坏.xlsx（文件不完整或已损坏）。',
    );
  });

  it('merges the newer of two files of one unit and never adds both', () => {
    const older = unitFile('县教育局整改台账.xlsx', '县教育局', EDU.slice(0, 2), 1000);
    const newer = unitFile('县教育局整改台账（修改后）.xlsx', '县教育局', EDU, 2000);
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const result = consolidate(order, { asOf: OPTIONS.asOf });
      expect(result.units).toHaveLength(1);
      expect(result.units[0].file).toBe(newer.file);
      expect(result.totals.measures).toBe(5);
      expect(result.duplicates).toEqual([{ unit: '县教育局', kept: newer.file, dropped: older.file }]);
      const dropped = result.files.find((f) => f.file === older.file)!;
      expect(dropped.units[0].merged).toBe(false);
    }
  });

  it('lets a mapping file rename a unit, which makes two names one unit', () => {
    const { map } = parseUnitMapping('县教育体育局=县教育局');
    const result = consolidate(
      [
        unitFile('a.xlsx', '县教育局', EDU.slice(0, 1), 1),
        unitFile('b.xlsx', '县教育体育局', EDU.slice(1, 2), 2),
      ],
      { asOf: OPTIONS.asOf, mapping: map },
    );
    expect(result.units.map((u) => [u.unit, u.source])).toEqual([['县教育局', 'mapping']]);
    expect(result.duplicates).toHaveLength(1);
  });

  it('computes the on-time rate over the deadlines that have come, long-term apart', () => {
    const [u] = consolidate([unitFile('教育局.xlsx', '县教育局', EDU)], { asOf: OPTIONS.asOf }).units;
    // Due by 2024-06-30: rows 1 (on time), 2 (done late), 3 (not done); row 4 is not due, row 5 long-term.
    expect(u.onTime).toEqual({ due: 3, onTime: 1, rate: 1 / 3 });
    expect(u.counts).toMatchObject({ measures: 5, done: 2, longTerm: 1, overdue: 1, ongoing: 1, dueSoon: 1 });
    expect(u.missingDepartment).toBe(1);
  });

  it('splits a workbook with one unit per sheet by sheet name', () => {
    const input = checkFileGrids(
      '各乡镇整改台账.xlsx',
      [
        grid('城关镇', [HEADER, ...EDU.slice(0, 2)]),
        grid('河口乡', [HEADER, ...EDU.slice(2, 3)]),
        grid('说明', [['请按模板填报']]),
      ],
      OPTIONS,
    );
    const result = new Consolidator({ asOf: OPTIONS.asOf });
    const outcome = result.add(input);
    expect(outcome.units.map((u) => [u.unit, u.source, u.measures])).toEqual([
      ['城关镇', 'sheet-name', 2],
      ['河口乡', 'sheet-name', 1],
    ]);
    expect(outcome.skipped).toEqual([{ name: '说明', reason: '没有台账表头' }]);
  });

  it('sorts the units that need a call first', () => {
    const result = consolidate(
      [
        unitFile('甲局.xlsx', null, EDU.slice(0, 2)),
        unitFile('乙局.xlsx', null, EDU),
        unitFile('丙局.xlsx', null, EDU.slice(2, 3)),
      ],
      { asOf: OPTIONS.asOf },
    );
    // 乙局: 1 overdue and a missing department; 丙局: 1 overdue; 甲局: nothing overdue.
    expect(result.units.map((u) => u.unit)).toEqual(['乙局', '丙局', '甲局']);
  });
});

const cellText = (c: PlanCell | undefined) =>
  !c ? '' : c.kind === 'text' || c.kind === 'link' ? c.text : c.kind === 'number' ? String(c.value) : c.date;

function dataRows(plan: SheetPlan): PlanCell[][] {
  return plan.rows.slice(plan.headerRow).filter((r) => r.length > 1);
}

describe('planMergeSheets', () => {
  const inputs = [
    unitFile('县教育局整改台账.xlsx', '县教育局', EDU, 1),
    checkFileGrids(
      '卫健局.xlsx',
      [
        grid(
          '台账',
          [
            ['填报单位：县卫生健康局'],
            HEADER,
            [1, '公共卫生应急能力不足', '修订预案', '疾控股', '2024年9月30日', '整改中'],
            [null, null, '开展演练', '疾控股', '2024年5月31日', '未启动'],
          ],
          [
            { top: 3, left: 1, bottom: 4, right: 1 },
            { top: 3, left: 2, bottom: 4, right: 2 },
          ],
        ),
      ],
      OPTIONS,
    ),
    unreadableFile('坏.xlsx', '文件不完整或已损坏。'),
  ];
  const result = consolidate(inputs, { asOf: OPTIONS.asOf, dueSoonDays: 7 });
  const [ledger, units, overdue, toComplete] = planMergeSheets(result);

  it('writes the four sheets with their own kinds', () => {
    expect([ledger, units, overdue, toComplete].map((p) => [p.name, p.kind])).toEqual([
      ['汇总台账', 'merged-ledger'],
      ['各单位情况', 'unit-summary'],
      ['逾期清单', 'merged-overdue-list'],
      ['待补充清单', 'merged-to-complete-list'],
    ]);
  });

  it('has one 汇总台账 row per measure: the units’ measures add up to its rows', () => {
    const after = units.rows.slice(units.headerRow);
    const unitRows = after.slice(
      0,
      after.findIndex((r) => cellText(r[0]) === '合计'),
    );
    const sum = unitRows.reduce((n, r) => n + Number(cellText(r[2])), 0);
    expect(dataRows(ledger)).toHaveLength(result.totals.measures);
    expect(sum).toBe(dataRows(ledger).length);
    expect(sum).toBe(7);
  });

  it('keeps the source of every row and merges a problem only within its unit’s sheet', () => {
    const header = ledger.rows[ledger.headerRow - 1].map(cellText);
    expect(header.slice(-3)).toEqual(['来源文件', '来源工作表', '来源行']);
    const rows = dataRows(ledger);
    const health = rows.filter((r) => cellText(r[1]) === '县卫生健康局');
    expect(health.map((r) => cellText(r[r.length - 1]))).toEqual(['3', '4']);
    const problemCol = header.indexOf('存在问题') + 1;
    const problemMerges = ledger.merges.filter((m) => m.left === problemCol);
    expect(problemMerges).toHaveLength(1);
    const m = problemMerges[0];
    expect(cellText(ledger.rows[m.top - 1][1])).toBe('县卫生健康局');
    expect(cellText(ledger.rows[m.bottom - 1][1])).toBe('县卫生健康局');
  });

  it('groups the overdue list by unit and links each line to its 汇总台账 row', () => {
    const links = overdue.rows
      .flat()
      .filter((c): c is Extract<PlanCell, { kind: 'link' }> => c?.kind === 'link');
    expect(links).toHaveLength(3); // 县教育局: 1 overdue, 1 due soon; 县卫生健康局: 1 overdue
    for (const l of links) {
      expect(l.sheet).toBe('汇总台账');
      const row = Number(/\d+/.exec(l.cell)![0]);
      expect(cellText(ledger.rows[row - 1][4])).toBeTruthy();
    }
    const groupLines = overdue.rows.filter((r) => r.length === 1).map((r) => cellText(r[0]));
    expect(groupLines.slice(2)).toEqual([
      '县教育局：逾期1项，即将到期1项（县教育局整改台账.xlsx）',
      '县卫生健康局：逾期1项，即将到期0项（卫健局.xlsx）',
    ]);
  });

  it('lists the unreadable file under the unit table, writes the definition and a chart', () => {
    const texts = units.rows.flat().map(cellText);
    expect(texts).toContain('坏.xlsx');
    expect(texts.some((t) => t.startsWith('3. 按期完成率 = 按期完成的措施 ÷ 整改时限已到的措施'))).toBe(true);
    expect(units.charts).toHaveLength(1);
    expect(units.charts[0]).toMatchObject({ firstRow: units.headerRow + 1, lastRow: units.headerRow + 2 });
    expect(toComplete.rows.flat().map(cellText)).toContain('缺责任单位');
  });
});

describe('official punctuation', () => {
  it('every Chinese sentence of the 汇总 sheets and the view is already official', async () => {
    const { officialPunctuation } = await import('../../src/core/text/punctuation');
    const { MERGE_STRINGS } = await import('../../src/taskpane/mergeStrings');
    const result = consolidate(
      [
        unitFile('县教育局整改台账.xlsx', '县教育局', EDU, 1),
        unreadableFile('坏.xlsx', '文件不完整或已损坏。'),
      ],
      { asOf: OPTIONS.asOf, dueSoonDays: 7 },
    );
    const texts = planMergeSheets(result).flatMap((p) => p.rows.flat().map(cellText));
    texts.push(totalsLine(result), totalsLine(result, 'zh', false), result.sentence);
    const m = MERGE_STRINGS.zh;
    texts.push(
      ...Object.values(m).filter((v): v is string => typeof v === 'string'),
      m.reading(0, 3, '甲.xlsx'),
      m.previewTitle(3, 30),
      m.unreadableTitle(2),
      m.duplicate('县财政局', '甲.xlsx', '乙.xlsx'),
      m.ignored(['~$甲.xlsx']),
      m.written(['汇总台账']),
      m.renamed('汇总台账', '汇总台账2'),
    );
    const changed = texts.filter((t) => t && officialPunctuation(t) !== t);
    expect(changed).toEqual([]);
  });
});
