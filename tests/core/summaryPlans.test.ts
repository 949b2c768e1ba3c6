import {
  planSummarySheets,
  issueLabel,
  estimateLines,
  mergedRowHeights,
  textWidthUnits,
} from '../../src/core/summaryPlans';
import { summarize, summarySentence } from '../../src/core/summary';
import { text, type PlanCell, type SheetPlan } from '../../src/core/sheetPlan';
import { finding, report, row, sheetA, sheetB } from '../helpers/reports';

const AS_OF = '2024-04-15';

function cellText(c: PlanCell | undefined): string | number | null {
  if (!c) return null;
  switch (c.kind) {
    case 'text':
    case 'link':
      return c.text;
    case 'number':
      return c.value;
    case 'date':
      return c.date;
  }
}

/** The plan's rows as plain values. */
function values(plan: SheetPlan): Array<Array<string | number | null>> {
  return plan.rows.map((r) => r.map(cellText));
}

/** 1-based plan row whose first cell reads `first`. */
function rowOf(plan: SheetPlan, first: string): number {
  const i = plan.rows.findIndex((r) => cellText(r[0]) === first);
  if (i < 0) throw new Error(`no row starting with ${first}`);
  return i + 1;
}

function allCells(plan: SheetPlan): Exclude<PlanCell, null>[] {
  return plan.rows.flat().filter((c): c is Exclude<PlanCell, null> => c !== null);
}

describe('planSummarySheets: one sheet', () => {
  const reports = [sheetA()];
  const summary = summarize(reports, { asOf: AS_OF, ledgerName: '甲局巡察整改台账' });
  const [sum, overdue, toComplete] = planSummarySheets(summary, { dueSoonDays: 7 });

  test('three plans, named and kinded, in order', () => {
    expect([sum, overdue, toComplete].map((p) => [p.name, p.kind])).toEqual([
      ['整改汇总', 'summary'],
      ['逾期清单', 'overdue-list'],
      ['待补充清单', 'to-complete-list'],
    ]);
  });

  test('title, as-of date and the report sentence', () => {
    const v = values(sum);
    expect(v[0][0]).toBe('甲局巡察整改台账汇总');
    expect(v[1][0]).toBe('截至2024年4月15日');
    expect(v[3][0]).toBe(summarySentence(summary, 'zh'));
    expect(sum.rows[3][0]).toMatchObject({ kind: 'text', style: 'sentence' });
    expect(sum.merges).toContainEqual({ top: 4, left: 1, bottom: 4, right: 10 });
  });

  test('totals table', () => {
    const v = values(sum);
    const at = (label: string) => v[rowOf(sum, label) - 1][1];
    expect(at('梳理问题（个）')).toBe(6);
    expect(at('制定整改措施（项）')).toBe(9);
    expect(at('已完成（项）')).toBe(3);
    expect(at('正在推进（项）')).toBe(2);
    expect(at('逾期未完成（项）')).toBe(4);
    expect(at('即将到期（项）')).toBe(2);
    expect(at('完成率')).toBeCloseTo(1 / 3);
    expect(sum.rows[rowOf(sum, '完成率') - 1][1]).toMatchObject({ kind: 'number', format: '0.0%' });
    expect(at('待补充（行）')).toBe(3);
    expect(v[rowOf(sum, '即将到期（项）') - 1][2]).toContain('7日内到期');
  });

  test('department table: header, one row per lead department, no-department row, chart over it', () => {
    const header = rowOf(sum, '责任单位');
    const v = values(sum);
    expect(v[header - 1]).toEqual([
      '责任单位',
      '措施数',
      '已完成',
      '长期坚持',
      '正在推进',
      '未启动',
      '进展未明',
      '逾期',
      '即将到期',
      '完成率',
    ]);
    expect(v.slice(header, header + 5)).toEqual([
      ['办公室', 4, 1, 1, 1, 1, 0, 2, 0, 0.5],
      ['财务科', 4, 2, 0, 2, 0, 0, 2, 0, 0.5],
      ['人事科', 2, 0, 0, 1, 1, 0, 1, 1, 0],
      ['纪检组', 1, 0, 0, 0, 0, 1, 0, 1, 0],
      ['（未填写责任单位）', 1, 0, 0, 0, 0, 1, 1, 0, 0],
    ]);
    expect(sum.charts).toHaveLength(1);
    const chart = sum.charts[0];
    expect([chart.firstRow, chart.lastRow, chart.labelColumn]).toEqual([header + 1, header + 4, 1]);
    // The series are the state columns that partition the measures.
    expect(chart.seriesColumns.map((c) => v[header - 1][c - 1])).toEqual([
      '已完成',
      '长期坚持',
      '正在推进',
      '未启动',
      '进展未明',
    ]);
    for (let r = chart.firstRow; r <= chart.lastRow; r++) {
      const [, measures, ...rest] = v[r - 1] as number[];
      expect(chart.seriesColumns.reduce((n, c) => n + (v[r - 1][c - 1] as number), 0)).toBe(measures);
      expect(rest.length).toBeGreaterThan(0);
    }
    expect(chart.anchor).toMatch(/^L\d+$/);
  });

  test('cooperating and category tables are separate, category has a total', () => {
    const v = values(sum);
    const coop = rowOf(sum, '配合单位');
    expect(coop).toBeGreaterThan(rowOf(sum, '责任单位'));
    expect(v.slice(coop, coop + 4).map((r) => [r[0], r[1]])).toEqual([
      ['人事科', 2],
      ['纪检组', 1],
      ['财务科', 1],
      ['办公室', 1],
    ]);
    const cat = rowOf(sum, '问题类别');
    expect(v.slice(cat, cat + 4).map((r) => [r[0], r[1], r[7]])).toEqual([
      ['作风建设', 4, 1],
      ['财务管理', 4, 2],
      ['（未分类）', 1, 1],
      ['合计', 9, 4],
    ]);
    expect(() => rowOf(sum, '工作表')).toThrow(); // one sheet: no by-sheet table
  });

  test('ageing table and the 注 lines on definitions', () => {
    const v = values(sum);
    const a = rowOf(sum, '逾期时长');
    expect(v.slice(a, a + 4)).toEqual([
      ['1—30天', 1],
      ['31—90天', 2],
      ['90天以上', 1],
      ['合计', 4],
    ]);
    const notes = v.map((r) => r[0]).filter((x): x is string => typeof x === 'string' && /^注|^\d\./.test(x));
    expect(notes.join('\n')).toContain('完成率 = 已完成 ÷ 整改措施');
    expect(notes.join('\n')).toContain('已完成 + 正在推进 + 逾期未完成 = 整改措施');
    expect(sum.headerRow).toBe(0);
  });

  test('逾期清单: header frozen, most overdue first, links to the ledger row', () => {
    const v = values(overdue);
    expect(overdue.headerRow).toBe(3);
    expect(v[2]).toEqual([
      '序号',
      '存在问题',
      '整改措施',
      '责任单位',
      '配合单位',
      '整改时限',
      '预警',
      '逾期天数',
      '剩余天数',
      '整改进展',
      '定位',
    ]);
    expect(v.slice(3).map((r) => [r[0], r[6], r[7], r[8], r[10]])).toEqual([
      [1, '逾期', 91, null, '第9行'],
      [2, '逾期', 90, null, '第8行'],
      [3, '逾期', 31, null, '第7行'],
      [4, '逾期', 30, null, '第6行'],
      [5, '即将到期', null, 0, '第11行'],
      [6, '即将到期', null, 3, '第10行'],
    ]);
    expect(overdue.rows[6][10]).toEqual({
      kind: 'link',
      text: '第6行',
      sheet: '甲局',
      cell: 'D6',
      style: 'cell',
    });
    expect(overdue.rows[6][3]).toMatchObject({ kind: 'text', text: '财务科、办公室' });
    expect(overdue.rows[6][5]).toMatchObject({ kind: 'date', date: '2024-03-16' });
    // a blank status shows the state instead
    expect(v[8][9]).toBe('（未填写）');
    expect(overdue.columnWidths).toHaveLength(11);
  });

  test('待补充清单: missing department first, names what is missing, links to the cell', () => {
    const v = values(toComplete);
    expect(toComplete.headerRow).toBe(3);
    expect(v[2]).toEqual(['序号', '行号', '存在问题', '整改措施', '待补充内容', '说明', '定位']);
    expect(v.slice(3).map((r) => [r[0], r[1], r[4], r[6]])).toEqual([
      [1, 9, '缺责任单位、整改进展无法识别', 'E9'],
      [2, 10, '缺整改进展', 'H10'],
      [3, 12, '整改时限无法识别', 'G12'],
    ]);
    // 说明 is the catalogue's Chinese sentence, rendered from the finding's code and parameters.
    expect(v[3][5]).toBe(
      '责任单位未填写：每项整改措施都要落实到具体单位，请补充。\n' +
        '整改进展“研究中”无法判断，请写明“已完成”“正在推进”“未启动”或“长期坚持”。',
    );
    expect(toComplete.rows[3][6]).toEqual({
      kind: 'link',
      text: 'E9',
      sheet: '甲局',
      cell: 'E9',
      style: 'cell',
    });
  });

  test('the merged report sentence gets a row tall enough for its wrapped lines', () => {
    // 125 units wide (26 + 9 × 11); the sentence is longer than one line of that
    expect(sum.rowHeights?.[4]).toBeGreaterThanOrEqual(2 * 15);
    for (const p of [sum, overdue, toComplete]) {
      for (const [r, h] of Object.entries(p.rowHeights ?? {})) {
        expect(Number(r)).toBeGreaterThanOrEqual(1);
        expect(Number(r)).toBeLessThanOrEqual(p.rows.length);
        expect(h).toBeGreaterThan(15);
        expect(h).toBeLessThanOrEqual(409);
      }
    }
    // short merged lines (title, section headings) keep the host's automatic height
    expect(sum.rowHeights?.[1]).toBeUndefined();
    expect(sum.rowHeights?.[rowOf(sum, '一、总体情况')]).toBeUndefined();
  });

  test('merges stay inside the plan', () => {
    for (const p of [sum, overdue, toComplete]) {
      for (const m of p.merges) {
        expect(m.top).toBeGreaterThanOrEqual(1);
        expect(m.bottom).toBeLessThanOrEqual(p.rows.length);
        expect(m.right).toBeLessThanOrEqual(p.columnWidths.length);
      }
      for (const r of p.rows) expect(r.length).toBeLessThanOrEqual(p.columnWidths.length);
    }
  });
});

describe('planSummarySheets: several sheets', () => {
  const reports = [sheetA(), sheetB()];
  const summary = summarize(reports, { asOf: AS_OF, ledgerName: '系统整改台账' });
  const [sum, overdue, toComplete] = planSummarySheets(summary);

  test('scope line and by-sheet table', () => {
    expect(values(sum)[1][0]).toBe('截至2024年4月15日；统计范围：甲局、乙所（共2个工作表）');
    const s = rowOf(sum, '工作表');
    expect(
      values(sum)
        .slice(s, s + 3)
        .map((r) => [r[0], r[1], r[7]]),
    ).toEqual([
      ['甲局', 9, 4],
      ['乙所', 3, 1],
      ['合计', 12, 5],
    ]);
  });

  test('the lists carry a 工作表 column and links point at the right sheet', () => {
    expect(values(overdue)[2][1]).toBe('工作表');
    const fifth = overdue.rows[7];
    expect(cellText(fifth[1])).toBe('乙所');
    expect(fifth[fifth.length - 1]).toEqual({
      kind: 'link',
      text: '第6行',
      sheet: '乙所',
      cell: 'D6',
      style: 'cell',
    });
    expect(values(toComplete)[2][1]).toBe('工作表');
    expect(
      values(toComplete)
        .slice(3)
        .map((r) => `${r[1]}!${r[7]}`),
    ).toEqual(['甲局!E9', '乙所!E6', '乙所!E7', '甲局!H10', '甲局!G12']);
    expect(overdue.columnWidths).toHaveLength(12);
  });
});

describe('hostile and empty input', () => {
  test('formula-looking ledger text and sheet names stay kind text', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","点我")',
      '+1+1',
      '-2',
      '@SUM(A1)',
      '\tTAB',
      '=A1&"x"',
    ];
    const rep = report(
      "=O'Brien!",
      [
        row({
          row: 4,
          problem: hostile[0],
          measure: hostile[1],
          dept: [hostile[2], hostile[3]],
          coop: hostile[4],
          category: hostile[5],
          status: '=1/0',
          deadline: '2024-01-01',
          overdue: 105,
        }),
      ],
      [finding('missing-required', 4, 'F', 'cooperating', '=CMD()')],
    );
    const summary = summarize([rep], { asOf: AS_OF, ledgerName: '=EVIL()' });
    const plans = planSummarySheets(summary);
    const texts = plans.flatMap(allCells).filter((c) => c.kind === 'text' || c.kind === 'link');
    // '=CMD()' is the finding's message in the report: the sheet shows the catalogue's sentence instead.
    for (const h of [...hostile, '=1/0', '=EVIL()汇总', '-2、@SUM(A1)']) {
      const hits = texts.filter((c) => (c.kind === 'text' ? c.text : c.text) === h);
      expect({ h, found: hits.length > 0 }).toEqual({ h, found: true });
      for (const c of hits) expect(c.kind).toBe('text');
    }
    const link = plans[1].rows[3].find((c) => c?.kind === 'link');
    expect(link).toMatchObject({ sheet: "=O'Brien!", cell: 'D4' });
  });

  test('an empty ledger gives notes instead of empty tables', () => {
    const rep = report('台账', []);
    const summary = summarize([rep], { asOf: AS_OF, ledgerName: '' });
    const [sum, overdue, toComplete] = planSummarySheets(summary);
    expect(values(sum)[0][0]).toBe('整改台账汇总');
    expect(sum.charts).toEqual([]);
    expect(values(sum)[rowOf(sum, '完成率') - 1][1]).toBe('—');
    expect(values(overdue)[3][0]).toBe('没有逾期或即将到期的整改措施。');
    expect(values(toComplete)[3][0]).toBe('必填项均已填写，没有待补充的事项。');
  });

  test('issue labels use the header the clerk wrote', () => {
    expect(
      issueLabel({
        code: 'missing-department',
        field: 'department',
        column: 'E',
        header: '牵头单位',
        message: '',
      }),
    ).toBe('缺牵头单位');
    expect(
      issueLabel({ code: 'invalid-date', field: 'deadline', column: 'G', header: null, message: '' }),
    ).toBe('整改时限无法识别');
    expect(
      issueLabel({ code: 'missing-required', field: 'measure', column: 'D', header: null, message: '' }),
    ).toBe('缺整改措施');
  });
});

describe('row heights for merged wrapped text', () => {
  test('text width: CJK about 2 units, ASCII 1', () => {
    expect(textWidthUnits('abc 12')).toBe(6);
    expect(textWidthUnits('整改')).toBeGreaterThanOrEqual(4);
    expect(textWidthUnits('整改')).toBeLessThan(5);
    expect(textWidthUnits('')).toBe(0);
  });

  test('lines: by width, explicit breaks kept, never fewer than one', () => {
    expect(estimateLines('', 20)).toBe(1);
    expect(estimateLines('x'.repeat(19), 20)).toBe(1);
    expect(estimateLines('x'.repeat(40), 20)).toBe(3);
    expect(estimateLines('a\nb\n', 20)).toBe(3);
    expect(estimateLines('整'.repeat(100), 125)).toBe(2);
    // smaller type fits more on a line
    expect(estimateLines('x'.repeat(21), 20, 10)).toBe(2);
    expect(estimateLines('x'.repeat(21), 20, 11)).toBe(2);
    expect(estimateLines('x'.repeat(20), 20, 10)).toBe(1);
  });

  test('only rows with a merged multi-line text get a height, covering every cell in the row', () => {
    const long = '注:' + '一条措施有多个责任单位的,每个单位各计一次'.repeat(4);
    const rows = [
      [text('短标题', 'title')],
      [text(long, 'note')],
      [text(long, 'cell'), text('x')], // not merged: the host auto-fits it
      [text('项目', 'cell'), text('x'), text(long, 'cell')],
      [text('标题', 'title')],
    ];
    const merges = [
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 2, left: 1, bottom: 2, right: 4 },
      { top: 4, left: 3, bottom: 4, right: 4 },
      { top: 5, left: 1, bottom: 5, right: 4 },
    ];
    const widths = [10, 10, 10, 10];
    const h = mergedRowHeights(rows, merges, widths);
    expect(Object.keys(h).map(Number)).toEqual([2, 4]);
    const noteLines = estimateLines(long, 40, 10);
    expect(noteLines).toBeGreaterThan(1);
    expect(h[2]).toBe(noteLines * 15 + 3);
    // row 4's merged note is over 2 columns (20 units): more lines, a taller row
    expect(h[4]).toBe(estimateLines(long, 20) * 15 + 3);
    expect(h[4]).toBeGreaterThan(h[2]);
  });

  test('a very long text is capped at Excel’s largest row height', () => {
    const h = mergedRowHeights(
      [[text('整'.repeat(5000), 'sentence')]],
      [{ top: 1, left: 1, bottom: 1, right: 2 }],
      [10, 10],
    );
    expect(h[1]).toBe(409);
  });
});
