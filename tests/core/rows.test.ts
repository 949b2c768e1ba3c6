import { detectHeader } from '../../src/core/header';
import { extractRows, mergeResolver, visitLedgerRows } from '../../src/core/rows';
import { cellText } from '../../src/core/grid';
import type { Grid, HeaderResult, LedgerRow } from '../../src/core/types';
import { dateCell, errorCell, grid, serial } from '../helpers/grid';
import type { Plain } from '../helpers/grid';

const TITLE = 'XX局巡察反馈意见整改落实台账';
const HEADER = ['序号', '问题类别', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展', '备注'];

function header(g: Grid, overrides?: Parameters<typeof detectHeader>[1]): HeaderResult {
  const h = detectHeader(g, overrides);
  if (!h) throw new Error('no header');
  return h;
}

const rowsOf = (g: Grid, overrides?: Parameters<typeof detectHeader>[1]) =>
  extractRows(g, header(g, overrides));
const numbers = (rows: LedgerRow[]) => rows.map((r) => r.row);
const text = (r: LedgerRow, f: keyof LedgerRow['cells']) => cellText(r.cells[f]);

describe('mergeResolver', () => {
  test('answers the top-left of the covering merged area, or the cell itself', () => {
    const g = grid(
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      { merges: ['A1:B2', 'C2:C3'] },
    );
    const at = mergeResolver(g);
    expect(at(1, 1)).toEqual({ row: 1, column: 1 });
    expect(at(2, 2)).toEqual({ row: 1, column: 1 });
    expect(at(1, 2)).toEqual({ row: 1, column: 1 });
    expect(at(3, 3)).toEqual({ row: 2, column: 3 });
    expect(at(1, 3)).toEqual({ row: 1, column: 3 });
    expect(at(3, 1)).toEqual({ row: 3, column: 1 });
  });

  test('works off the grid origin and outside the grid', () => {
    const g = grid(
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      { firstRow: 3, firstColumn: 2, merges: ['B3:C3', 'B4:Z9', 'A1:A2'] },
    );
    const at = mergeResolver(g);
    expect(at(3, 3)).toEqual({ row: 3, column: 2 });
    expect(at(4, 3)).toEqual({ row: 4, column: 2 });
    // Outside the grid's cells: still answered from the merges.
    expect(at(8, 20)).toEqual({ row: 4, column: 2 });
    expect(at(2, 1)).toEqual({ row: 1, column: 1 });
    expect(at(50, 50)).toEqual({ row: 50, column: 50 });
  });

  test('a grid without merges, and an empty grid', () => {
    expect(mergeResolver(grid([['a']]))(1, 1)).toEqual({ row: 1, column: 1 });
    expect(mergeResolver(grid([], { merges: ['A1:B2'] }))(2, 2)).toEqual({ row: 1, column: 1 });
  });

  test('100,000 rows × 12 columns with thousands of merges: built and walked (speed is measured by npm run bench)', () => {
    const rows: Plain[][] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 100_000; r++) rows.push(Array.from({ length: 12 }, (_, c) => (c === 0 ? r : 'x')));
    for (let r = 2; r < 100_000; r += 20) merges.push(`B${r}:B${r + 3}`, `C${r}:C${r + 2}`);
    merges.push('A1:XFD1'); // a merge running to the last column costs no more than the grid
    const g = grid(rows, { merges });
    expect(g.merges.length).toBeGreaterThan(9000);
    const at = mergeResolver(g);
    let covered = 0;
    for (let r = 1; r <= 100_000; r++) {
      for (let c = 1; c <= 12; c++) {
        const o = at(r, c);
        if (o.row !== r || o.column !== c) covered++;
      }
    }
    // The title row's 11 covered cells, then 3 + 2 covered cells for each of the 5,000 merge pairs.
    expect(covered).toBe(11 + 5000 * (3 + 2));
    expect(at(5, 2)).toEqual({ row: 2, column: 2 });
    expect(at(1, 9)).toEqual({ row: 1, column: 1 });
  });
});

describe('extractRows', () => {
  /**
   * A realistic ledger: title, 填报 line, header with line breaks, a category merged over two
   * problems, problems merged over their measures, a blank spacer, a 小计 row, a footnote.
   */
  function ledger() {
    return grid(
      [
        [TITLE], // 1
        ['填报单位：XX局', null, null, null, null, '填报时间：2024年4月15日'], // 2
        [
          '序 号',
          '问题\n类别',
          '存在\n问题',
          '整改措施',
          '责任\n单位',
          '整改时限\n(年月日)',
          '整改进展',
          '备注',
        ], // 3
        [1, '党的建设', '主体责任落实不到位', '召开专题会议', '办公室', serial(45473), '已完成', ''], // 4
        [2, null, null, '完善制度', '组织科', '2024年6月底', '正在推进', ''], // 5
        [3, null, '学习制度不健全', '建立学习制度', '办公室', dateCell('2024-05-31'), '已完成', ''], // 6
        [4, '作风建设', '会议过多', '精简会议', '办公室', '长期坚持', '长期坚持', ''], // 7
        [null, null, null, null, null, null, null, null], // 8 spacer
        [5, '作风建设', '会议过多', '压缩文件', '办公室', '2024年6月', '推进中', ''], // 9
        ['小计', null, null, '5项', null, null, null, null], // 10
        ['合 计', null, '3个', '5项'], // 11
        ['注：1.整改时限以年月日填写；2.长期坚持的写“长期坚持”。'], // 12
      ],
      {
        merges: ['A1:H1', 'A2:E2', 'F2:H2', 'B4:B6', 'C4:C5', 'A12:H12'],
      },
    );
  }

  test('merged category and problem values belong to every row they cover', () => {
    const rows = rowsOf(ledger());
    expect(numbers(rows)).toEqual([4, 5, 6, 7, 9]);
    expect(rows.map((r) => text(r, 'category'))).toEqual([
      '党的建设',
      '党的建设',
      '党的建设',
      '作风建设',
      '作风建设',
    ]);
    expect(rows.map((r) => text(r, 'problem'))).toEqual([
      '主体责任落实不到位',
      '主体责任落实不到位',
      '学习制度不健全',
      '会议过多',
      '会议过多',
    ]);
    expect(rows.map((r) => r.problemKey)).toEqual([
      'merge:4:3',
      'merge:4:3',
      'text:学习制度不健全',
      'text:会议过多',
      'text:会议过多',
    ]);
    expect(new Set(rows.map((r) => r.problemKey)).size).toBe(3);
  });

  test('cells are the mapped cells as the grid has them (dates, serials, empties)', () => {
    const rows = rowsOf(ledger());
    expect(rows[0].cells.deadline).toEqual(serial(45473));
    expect(rows[2].cells.deadline).toEqual(dateCell('2024-05-31'));
    expect(rows[0].cells.index).toEqual({ type: 'number', value: 1, format: 'General' });
    expect(Object.keys(rows[0].cells).sort()).toEqual(
      ['index', 'category', 'problem', 'measure', 'department', 'deadline', 'status', 'remarks'].sort(),
    );
    expect(rows[0].cells.remarks!.type).toBe('empty');
  });

  test('two different problems with the same text, merged separately, have different keys', () => {
    const g = grid(
      [
        HEADER,
        [1, '党建', '制度执行不严', '措施一', '办公室', '2024年6月', '已完成'],
        [2, '党建', null, '措施二', '办公室', '2024年6月', '已完成'],
        [3, '作风', '制度执行不严', '措施三', '财务科', '2024年6月', '已完成'],
        [4, '作风', null, '措施四', '财务科', '2024年6月', '已完成'],
      ],
      { merges: ['C2:C3', 'C4:C5'] },
    );
    const keys = rowsOf(g).map((r) => r.problemKey);
    expect(keys).toEqual(['merge:2:3', 'merge:2:3', 'merge:4:3', 'merge:4:3']);
  });

  test('text keys ignore whitespace and full-width forms; a row without a problem keys by row', () => {
    const g = grid([
      HEADER,
      [1, '党建', '制度 不健全（一）', '措施一', '办公室', '2024年6月', '已完成'],
      [2, '党建', '制度不健全\n(一)', '措施二', '办公室', '2024年6月', '已完成'],
      [3, '党建', null, '措施三', '办公室', '2024年6月', '已完成'],
    ]);
    expect(rowsOf(g).map((r) => r.problemKey)).toEqual([
      'text:制度不健全(一)',
      'text:制度不健全(一)',
      'row:4',
    ]);
    // No problem column at all.
    const noProblem = grid([
      ['序号', '整改措施', '责任单位', '整改时限', '整改进展'],
      [1, '措施一', '办公室', '2024年6月', '已完成'],
    ]);
    expect(rowsOf(noProblem).map((r) => r.problemKey)).toEqual(['row:2']);
  });

  test('a problem merged across columns on one row keys by its text', () => {
    const g = grid(
      [
        ['序号', '存在问题', null, '整改措施', '责任单位', '整改时限'],
        [1, '问题甲', null, '措施一', '办公室', '2024年6月'],
        [2, '问题甲', '', '措施二', '办公室', '2024年6月'],
      ],
      { merges: ['B1:C1', 'B2:C2'] },
    );
    expect(rowsOf(g).map((r) => r.problemKey)).toEqual(['text:问题甲', 'text:问题甲']);
  });

  test('blank rows, totals and footnotes (merged across) are not ledger rows', () => {
    const rows = rowsOf(ledger());
    expect(numbers(rows)).not.toContain(8);
    expect(numbers(rows)).not.toContain(10);
    expect(numbers(rows)).not.toContain(11);
    expect(numbers(rows)).not.toContain(12);
  });

  test('a totals row with its number first, and a problem that merely starts with 共计, in a ledger row', () => {
    const g = grid([
      HEADER,
      [1, '党建', '共计3项制度未修订', '修订制度', '办公室', '2024年6月', '已完成'],
      [2, '小计', null, '1项'],
      [null, '合计：', null, '1项'],
      ['总计(1项)'],
    ]);
    expect(numbers(rowsOf(g))).toEqual([2]);
  });

  test.each([['注:'], ['注：'], ['注1：'], ['备注：'], ['说明：'], ['填表说明'], ['附注']])(
    'a footnote row starting %s in any column, and numbered note lines after it',
    (lead) => {
      const g = grid([
        HEADER,
        [1, '党建', '问题', '措施', '办公室', '2024年6月', '已完成'],
        [null, `${lead}本表由办公室汇总`, null, '措施栏写具体'],
        [null, '1.整改时限填写具体日期'],
        [null, '（2）长期任务写长期坚持'],
      ]);
      expect(numbers(rowsOf(g))).toEqual([2]);
    },
  );

  test('a note line numbered by a number cell (2.1, as Excel keeps it) after a footnote', () => {
    const row = [null, 2.1]; // the number alone, in the category column: content of its own
    const g = grid([
      HEADER,
      [1, '党建', '问题', '措施', '办公室', '2024年6月', '已完成'],
      row, // no footnote above: a ledger row
      [null, '注：本表由办公室汇总'],
      row, // "2.1" reads as note line 2.
      [null, 3], // "3" is no numbered note line: a ledger row
    ]);
    expect(numbers(rowsOf(g))).toEqual([2, 3, 6]);
  });

  test('a category merged over an empty row, and pre-numbered rows, are not ledger rows', () => {
    const g = grid(
      [
        HEADER,
        [1, '党建', '问题一', '措施一', '办公室', '2024年6月', '已完成'],
        [2, null, null, null, null, null, null], // only the category and problem from above
        [3, '作风', null, null, null, null, null, null], // only a category of its own: a row
        [4],
        [5, null, null, '', '  ', null],
      ],
      { merges: ['B2:B3', 'C2:C3'] },
    );
    const rows = rowsOf(g);
    expect(numbers(rows)).toEqual([2, 4]);
    expect(rows[1].problemKey).toBe('row:4');
  });

  test('a row is a ledger row when a value of its own sits beside values merged from above', () => {
    const g = grid(
      [
        HEADER,
        [1, '党建', '问题一', '措施一', '办公室', '2024年6月', '已完成'],
        [null, null, null, null, null, null, '推进中'],
      ],
      { merges: ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3'] },
    );
    const rows = rowsOf(g);
    expect(numbers(rows)).toEqual([2, 3]);
    expect(text(rows[1], 'measure')).toBe('措施一');
    expect(text(rows[1], 'status')).toBe('推进中');
    expect(rows[1].problemKey).toBe('merge:2:3');
  });

  test('10,000 pre-numbered empty rows: none returned', () => {
    const rows: Plain[][] = [
      [TITLE],
      HEADER,
      [1, '党建', '问题', '措施', '办公室', '2024年6月', '已完成', null],
    ];
    for (let i = 2; i <= 10_001; i++) rows.push([i, null, null, null, null, null, null, null]);
    const g = grid(rows, { merges: ['A1:H1'] });
    const h = header(g);
    expect(numbers(extractRows(g, h))).toEqual([3]);
  });

  test('100,000 ledger rows with merged problems are all extracted with their problem keys', () => {
    const rows: Plain[][] = [HEADER];
    const merges: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const r = i + 2;
      rows.push([
        i + 1,
        i % 3 === 0 ? '党建' : null,
        i % 3 === 0 ? `问题${i}` : null,
        `措施${i}`,
        '办公室',
        '2024年6月',
        '已完成',
        null,
      ]);
      if (i % 3 === 0 && i + 2 < 100_000) merges.push(`B${r}:B${r + 2}`, `C${r}:C${r + 2}`);
    }
    const g = grid(rows, { merges });
    const h = header(g);
    const out = extractRows(g, h);
    expect(out).toHaveLength(100_000);
    expect(out[1].problemKey).toBe('merge:2:3');
    expect(out[2].problemKey).toBe('merge:2:3');
    expect(out[3].problemKey).toBe('merge:5:3');
  });

  test('a header repeated mid-sheet (a page break) is skipped, with its numbers row', () => {
    const g = grid([
      [TITLE],
      HEADER,
      [1, 2, 3, 4, 5, 6, 7, 8],
      [1, '党建', '问题一', '措施一', '办公室', '2024年6月', '已完成'],
      HEADER,
      [1, 2, 3, 4, 5, 6, 7, 8],
      [2, '党建', '问题二', '措施二', '办公室', '2024年6月', '已完成'],
      ['序号', '问题类别', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'], // without 备注
    ]);
    const h = header(g);
    expect(h.firstDataRow).toBe(4);
    expect(numbers(extractRows(g, h))).toEqual([4, 7]);
  });

  test('a repeated header forgives one stray cell, counted once when merged across columns', () => {
    // Longer than any header text (40 characters).
    const note =
      '本行为分页后重复的表头，打印时请保留，各单位填报时不要删除本行内容，如有疑问请与办公室联系，谢谢配合';
    const g = grid(
      [
        HEADER,
        [1, '党建', '问题一', '措施一', '办公室', '2024年6月', '已完成'],
        [5, ...HEADER.slice(1)], // a number in the 序号 cell: one stray, skipped
        [6, ...HEADER.slice(1, -1), note], // a number and a long note: two, data
        [7, ...HEADER.slice(1, -1), '见附件'], // a number and a short other text: two, data
        [note, null, ...HEADER.slice(2)], // one long text merged over A:B: one stray, skipped
        [2, '党建', '问题二', '措施二', '办公室', '2024年6月', '已完成'],
      ],
      { merges: ['A6:B6'] },
    );
    expect(numbers(rowsOf(g))).toEqual([2, 4, 5, 7]);
  });

  test('a two-row header repeated mid-sheet is skipped, both rows', () => {
    const top = ['序号', '存在问题', '整改措施', '责任主体', null, '整改时限', '整改情况', null];
    const sub = [null, null, null, '牵头单位', '配合单位', null, '进展', '完成日期'];
    const g = grid(
      [
        top,
        sub,
        [1, '问题一', '措施一', '办公室', '人事科', '2024年6月', '已完成', '2024-05-01'],
        top,
        sub,
        [2, '问题二', '措施二', '办公室', null, '2024年6月', '推进中', null],
      ],
      {
        merges: [
          'A1:A2',
          'B1:B2',
          'C1:C2',
          'D1:E1',
          'F1:F2',
          'G1:H1',
          'A4:A5',
          'B4:B5',
          'C4:C5',
          'D4:E4',
          'F4:F5',
          'G4:H4',
        ],
      },
    );
    const h = header(g);
    expect(h.headerRows).toEqual([1, 2]);
    const rows = extractRows(g, h);
    expect(numbers(rows)).toEqual([3, 6]);
    expect(text(rows[0], 'cooperating')).toBe('人事科');
    expect(text(rows[0], 'completedOn')).toBe('2024-05-01');
  });

  test('data that only mentions header words is still data', () => {
    const g = grid([
      HEADER,
      [1, '党建方面', '存在问题', '整改措施', '办公室', '2024年6月', '已完成'],
      [2, '问题类别', '问题', '措施', '办公室', '2024年6月', '已完成'],
    ]);
    expect(numbers(rowsOf(g))).toEqual([2, 3]);
  });

  test('a grid whose used range starts at B3', () => {
    const g = grid(
      [
        [TITLE],
        HEADER,
        [1, '党建', '问题一', '措施一', '办公室', '2024年6月', '已完成'],
        [2, null, null, '措施二', '组织科', '2024年7月', '推进中'],
        [3],
      ],
      { firstRow: 3, firstColumn: 2, merges: ['B3:I3', 'C5:C6', 'D5:D6'] },
    );
    const h = header(g);
    expect(h.headerRows).toEqual([4]);
    expect(h.columns.problem!.column).toBe(4);
    const rows = extractRows(g, h);
    expect(numbers(rows)).toEqual([5, 6]);
    expect(rows.map((r) => r.problemKey)).toEqual(['merge:5:4', 'merge:5:4']);
    expect(text(rows[1], 'category')).toBe('党建');
    expect(text(rows[1], 'department')).toBe('组织科');
  });

  test('ragged rows: missing cells are empty', () => {
    const g = grid([
      HEADER,
      [1, '党建', '问题一'],
      [2, '党建', '问题二', '措施二', '办公室', '2024年6月', '已完成', '备注', '多出的一格'],
      [],
      [3],
    ]);
    const rows = rowsOf(g);
    expect(numbers(rows)).toEqual([2, 3]);
    expect(rows[0].cells.measure).toEqual({ type: 'empty', value: null });
    expect(text(rows[1], 'remarks')).toBe('备注');
  });

  test('overrides: rows follow the remapped columns; a removed field has no cell', () => {
    const g = grid([
      ['序号', '存在问题', '整改措施', '责任单位', '配合单位', '整改时限', '整改进展'],
      [1, '问题一', '措施一', '办公室', '人事科', '2024年6月', '已完成'],
      [2, null, null, null, '财务科', null, null],
    ]);
    const rows = rowsOf(g, { department: 5, status: null });
    expect(text(rows[0], 'department')).toBe('人事科');
    expect(rows[0].cells.status).toBeUndefined();
    expect(rows[0].cells.cooperating).toBeUndefined();
    expect(numbers(rows)).toEqual([2, 3]);
    // A column outside the grid reads as empty.
    const far = rowsOf(g, { evidence: 30 });
    expect(far[0].cells.evidence).toEqual({ type: 'empty', value: null });
  });

  test('error cells and numbers are content', () => {
    const g = grid([HEADER, [1, null, null, errorCell('#REF!')], [2, null, null, null, null, 45473]]);
    expect(numbers(rowsOf(g))).toEqual([2, 3]);
  });

  test('rows above firstDataRow and a header with no columns give nothing', () => {
    const g = ledger();
    const h = header(g);
    expect(extractRows(g, { ...h, firstDataRow: 100 })).toEqual([]);
    expect(extractRows(g, { ...h, columns: {} })).toEqual([]);
  });
});

describe('visitLedgerRows', () => {
  const g = () =>
    grid(
      [
        [TITLE],
        HEADER,
        [1, '政策落实', '问题一', '措施一', '办公室', '2026年6月30日', '正在推进', ''],
        ['', '', '', '措施二', '财务股', '2026年7月31日', '已完成', ''],
        ['合计', '', '', '2项'],
        [2, '作风建设', '问题二', '措施三', '执法大队、办公室', '长期坚持', '持续推进', '备注'],
      ],
      { merges: ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4'] },
    );

  test('hands over the rows extractRows gives, in order, in one record rewritten each time', () => {
    const grid1 = g();
    const h = header(grid1);
    const seen: LedgerRow[] = [];
    const snapshots: string[] = [];
    visitLedgerRows(grid1, h, (r) => {
      seen.push(r as LedgerRow);
      snapshots.push(`${r.row} ${text(r as LedgerRow, 'measure')} ${r.problemKey}`);
    });
    expect(snapshots).toEqual(['3 措施一 merge:3:3', '4 措施二 merge:3:3', '6 措施三 text:问题二']);
    // The same record every time: a visitor keeps a copy, as extractRows does.
    expect(new Set(seen).size).toBe(1);
    expect(extractRows(grid1, h).map((r) => `${r.row} ${text(r, 'measure')} ${r.problemKey}`)).toEqual(
      snapshots,
    );
  });

  test('counts the distinct problems of the rows it hands over, as a set of their keys would', () => {
    const sheet = grid(
      [
        HEADER,
        [1, '', '问题 一', '措施一', '办公室', '', '', ''],
        ['', '', '', '措施二', '办公室', '', '', ''],
        [2, '', '问题一', '措施三', '办公室', '', '', ''],
        [3, '', '', '措施四', '办公室', '', '', ''],
        [4, '', '', '措施五', '办公室', '', '', ''],
        [5, '', '问题二', '措施六', '办公室', '', '', ''],
        [6, '', '问题 一', '措施七', '办公室', '', '', ''],
        [7, '', '问题三', '措施八', '办公室', '', '', ''],
        ['', '', '', '措施九', '办公室', '', '', ''],
      ],
      { merges: ['C2:C3', 'C9:C10'] },
    );
    const keys: string[] = [];
    const problems = visitLedgerRows(sheet, header(sheet), (r) => {
      keys.push(r.problemKey);
    });
    expect(keys).toEqual([
      'merge:2:3',
      'merge:2:3',
      'text:问题一',
      'row:5',
      'row:6',
      'text:问题二',
      'text:问题一',
      'merge:9:3',
      'merge:9:3',
    ]);
    expect(problems).toBe(new Set(keys).size);
    expect(problems).toBe(6);
  });

  test('reads cells holding only spaces as blank, whatever the space, and a zero-width one as text', () => {
    const sheet = grid([
      HEADER,
      [1, '', '问题一', '措施一', '办公室', '', '', ''],
      [2, '', '\u3000', ' \u00a0', '\t\n', '', '', ''], // spaces only: numbered in advance, not a row
      [3, '', '', '\u200b', '', '', '', ''], // a zero-width space is not trimmed: content
      [4, '', '', '\u00a0措施四', '', '', '', ''],
    ]);
    const rows: number[] = [];
    visitLedgerRows(sheet, header(sheet), (r) => {
      rows.push(r.row);
    });
    expect(rows).toEqual([2, 4, 5]);
  });

  test('stops when the visitor says so', () => {
    const grid1 = g();
    const rows: number[] = [];
    visitLedgerRows(grid1, header(grid1), (r) => {
      rows.push(r.row);
      return rows.length < 2;
    });
    expect(rows).toEqual([3, 4]);
  });
});

describe('a responsibility group of sub-columns (ColumnMapping.also)', () => {
  // 整改责任单位 over 建设单位 | 施工单位 | 监理单位: each sub-column names a department; 监理单位
  // merged down over the two measures of the first problem.
  const sheet = () =>
    grid(
      [
        ['序号', '存在问题', '整改措施', '整改责任单位', null, null, '整改时限'],
        [null, null, null, '建设单位', '施工单位', '监理单位', null],
        [1, '问题一', '措施一', '住建局', '一公司', '监理站', '2026年6月30日'],
        [null, null, '措施二', '住建局', '', null, '2026年7月31日'],
        [2, '问题二', '措施三', '交通局', '二公司', '', '2026年8月31日'],
      ],
      { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1', 'G1:G2', 'A3:A4', 'B3:B4', 'F3:F4'] },
    );

  test('each row carries its further columns, merged values spread, in a record of its own', () => {
    const g = sheet();
    const h = header(g);
    expect(h.columns.department!.also!.map((a) => a.column)).toEqual([5, 6]);
    const rows = extractRows(g, h);
    expect(numbers(rows)).toEqual([3, 4, 5]);
    expect(rows.map((r) => text(r, 'department'))).toEqual(['住建局', '住建局', '交通局']);
    expect(rows.map((r) => r.also!.department!.map((c) => cellText(c)))).toEqual([
      ['一公司', '监理站'],
      ['', '监理站'],
      ['二公司', ''],
    ]);
    // Kept by the visitor: no two rows share one record.
    expect(new Set(rows.map((r) => r.also)).size).toBe(3);
  });
});
