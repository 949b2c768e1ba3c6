/**
 * The worksheet XML of a plan, read as SpreadsheetML (strict parser, then by element), on the
 * awkward shapes the summary sheets have: a merged title whose covered cells must sit in column
 * order among the row's own cells, a row that exists only for its height, links, text that must
 * stay text. And the cell formats: numbered in the order cells first use them, merged-over cells
 * after every cell (as the writer always did), however the XML is cut into chunks.
 */
import { SaxesParser } from 'saxes';
import { planSheetChunks, planSheetXml } from '../../src/cli/planSheetXml';
import { EMPTY_STYLES, StyleBook } from '../../src/cli/styleBook';
import type { PlanCell, SheetPlan } from '../../src/core/sheetPlan';

const text = (t: string, style?: 'title' | 'cell' | 'header'): PlanCell => ({ kind: 'text', text: t, style });

function plan(rows: PlanCell[][], extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name: '清单',
    kind: 'overdue-list',
    columnWidths: [6, 30],
    rows,
    merges: [],
    headerRow: 0,
    charts: [],
    ...extra,
  };
}

interface Parsed {
  rows: {
    r: string;
    ht?: string;
    cells: { r: string; s: string; t?: string; text?: string; v?: string }[];
  }[];
  merges: string[];
  links: { ref: string; location: string }[];
}

/** The rows, cells, merges and links of a worksheet part (a strict parser throws on bad XML). */
function parse(xml: string): Parsed {
  const out: Parsed = { rows: [], merges: [], links: [] };
  const p = new SaxesParser();
  let text: string | null = null;
  let inV = false;
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'row') out.rows.push({ r: a.r, ...(a.ht ? { ht: a.ht } : {}), cells: [] });
    if (t.name === 'c')
      out.rows[out.rows.length - 1].cells.push({ r: a.r, s: a.s, ...(a.t ? { t: a.t } : {}) });
    if (t.name === 't') text = '';
    if (t.name === 'v') inV = true;
    if (t.name === 'mergeCell') out.merges.push(a.ref);
    if (t.name === 'hyperlink') out.links.push({ ref: a.ref, location: a.location });
  });
  p.on('text', (t) => {
    const row = out.rows[out.rows.length - 1];
    const cell = row?.cells[row.cells.length - 1];
    if (text !== null) text += t;
    else if (inV && cell) cell.v = t;
  });
  p.on('closetag', (t) => {
    const row = out.rows[out.rows.length - 1];
    if (t.name === 't' && text !== null) {
      row.cells[row.cells.length - 1].text = text;
      text = null;
    }
    if (t.name === 'v') inV = false;
  });
  p.write(xml).close();
  return out;
}

describe('planSheetXml', () => {
  it('a merged title’s covered cells come in column order with the row’s own cells', () => {
    const book = new StyleBook(EMPTY_STYLES);
    const xml = planSheetXml(
      plan(
        [
          [text('标题', 'title'), null, null, text('右', 'cell')],
          [text('甲'), text('乙')],
        ],
        {
          merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
        },
      ),
      book,
      1900,
    ).toString('utf8');
    const { rows, merges } = parse(xml);
    expect(rows[0].cells.map((c) => c.r)).toEqual(['A1', 'B1', 'C1', 'D1']);
    expect(rows[0].cells[1].s).toBe(rows[0].cells[2].s);
    expect(rows[1].cells.map((c) => c.r)).toEqual(['A2', 'B2']);
    expect(merges).toEqual(['A1:C1']);
    expect(xml).toContain('<dimension ref="A1:D2"/>');
  });

  it('a row with a height and no cells is still written, in its place', () => {
    const xml = planSheetXml(
      plan([[text('一')], [], [text('三')]], { rowHeights: { 2: 45, 5: 30 } }),
      new StyleBook(EMPTY_STYLES),
      1900,
    ).toString('utf8');
    const { rows } = parse(xml);
    expect(rows.map((r) => [r.r, r.ht ?? null, r.cells.length])).toEqual([
      ['1', null, 1],
      ['2', '45', 0],
      ['3', null, 1],
      ['5', '30', 0],
    ]);
  });

  it('heights over 409 points are capped; a height of 0, NaN or under a key like "03" gives none', () => {
    const rowHeights = { 1: 500, 2: 0, 3: NaN, '04': 20, 6: 12.5 } as Record<number, number>;
    const xml = planSheetXml(
      plan([[text('一')], [text('二')], [text('三')], [text('四')]], { rowHeights }),
      new StyleBook(EMPTY_STYLES),
      1900,
    ).toString('utf8');
    expect(parse(xml).rows.map((r) => [r.r, r.ht ?? null])).toEqual([
      ['1', '409'],
      ['2', null],
      ['3', null],
      ['4', null],
      ['6', '12.5'],
    ]);
  });

  it('text stays text: formula-like, XML-forbidden and `_xHHHH_` texts; links point at the ledger', () => {
    const xml = planSheetXml(
      plan([
        [
          text('=SUM(A1)'),
          text('a\u0001b'),
          text('a_x0041_b'),
          text('<&>'),
          { kind: 'link', text: '第5行', sheet: "O'Neil 台账", cell: 'D5' },
        ],
      ]),
      new StyleBook(EMPTY_STYLES),
      1900,
    ).toString('utf8');
    const { rows, links } = parse(xml);
    expect(rows[0].cells.map((c) => [c.t, c.text])).toEqual([
      ['inlineStr', '=SUM(A1)'],
      ['inlineStr', 'a_x0001_b'],
      ['inlineStr', 'a_x005F_x0041_b'],
      ['inlineStr', '<&>'],
      ['inlineStr', '第5行'],
    ]);
    expect(links).toEqual([{ ref: 'E1', location: "'O''Neil 台账'!D5" }]);
  });

  it('formats are numbered as cells first use them, merged-over cells last', () => {
    const book = new StyleBook(EMPTY_STYLES);
    // The title's covered cells want ('title', '@') without the text flags: a format of their own,
    // asked for after every cell, though the title is the first row.
    const p = plan(
      [
        [text('标题', 'title'), null],
        [text('表头', 'header'), { kind: 'number', value: 3 }],
        [text('=1', 'cell'), { kind: 'date', date: '2026-11-21' }],
      ],
      { merges: [{ top: 1, left: 1, bottom: 1, right: 2 }] },
    );
    const { rows } = parse(planSheetXml(p, book, 1900).toString('utf8'));
    const s = rows.flatMap((r) => r.cells.map((c) => Number(c.s)));
    // A1 title, B1 covered, A2 header, B2 number, A3 formula-like text, B3 date.
    expect(s).toEqual([1, 6, 2, 3, 4, 5]);
    expect(rows[2].cells[1].v).toBe('46347');
    expect(book.toXml()).toContain('quotePrefix="1"');
  });

  it('a column whose cells change kind, style, number format or apostrophe gets each its format', () => {
    // The writer reuses a column's last format while its cells stay alike: laid out down one
    // column, the cells must get the formats they get side by side in one row (the same order of
    // first use, and no column with two cells).
    const cells: PlanCell[] = [
      text('甲', 'cell'),
      text('乙', 'cell'),
      text('=1+1', 'cell'),
      text('＝全角', 'cell'),
      text('丙', 'cell'),
      text('丁'),
      text('表头', 'header'),
      { kind: 'number', value: 1 },
      { kind: 'number', value: 2, style: 'number' },
      { kind: 'number', value: 3, style: 'number', format: '0.0%' },
      { kind: 'number', value: 4, style: 'total', format: '0.0%' },
      { kind: 'date', date: '2026-11-21', style: 'cell' },
      { kind: 'date', date: '2026-11-22', style: 'cell', format: 'yyyy"年"m"月"d"日"' },
      { kind: 'link', text: '第5行', sheet: '台账', cell: 'D5', style: 'cell' },
      { kind: 'link', text: '-5', sheet: '台账', cell: 'D6', style: 'cell' },
      text('戊', 'cell'),
      text('', 'cell'),
    ];
    const downBook = new StyleBook(EMPTY_STYLES);
    const acrossBook = new StyleBook(EMPTY_STYLES);
    const down = parse(planSheetXml(plan(cells.map((c) => [c])), downBook, 1900).toString('utf8'));
    const across = parse(planSheetXml(plan([cells]), acrossBook, 1900).toString('utf8'));
    const downFormats = down.rows.map((r) => r.cells[0].s);
    expect(downFormats).toEqual(across.rows[0].cells.map((c) => c.s));
    expect(downBook.toXml()).toBe(acrossBook.toXml());
    // 甲 乙 alike; the formula-like texts get the apostrophe's format, 丙 the plain one again.
    expect(downFormats[1]).toBe(downFormats[0]);
    expect(downFormats[2]).not.toBe(downFormats[0]);
    expect(downFormats[3]).toBe(downFormats[2]);
    expect(downFormats[4]).toBe(downFormats[0]);
    expect(new Set(downFormats).size).toBeGreaterThanOrEqual(10);
  });

  it('the chunks make up the same bytes, each chunk whole characters', () => {
    const long = Array.from({ length: 3000 }, (_, i) => [
      { kind: 'number', value: i + 1 } as PlanCell,
      // About 1.5 KB a row: the 3,000 rows come in several chunks of about 1 MB.
      text(`第${i}条：` + '政策落实不到位，服务意识不强😀'.repeat(30)),
    ]);
    const chunks = [...planSheetChunks(plan(long), new StyleBook(EMPTY_STYLES), 1900)];
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(Buffer.from(c.toString('utf8'), 'utf8').equals(c)).toBe(true);
    const whole = planSheetXml(plan(long), new StyleBook(EMPTY_STYLES), 1900);
    expect(Buffer.concat(chunks).equals(whole)).toBe(true);
    expect(parse(whole.toString('utf8')).rows).toHaveLength(3000);
  });
});
