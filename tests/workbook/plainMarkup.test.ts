/**
 * A worksheet's plain cells, row starts and merged areas are read by hand (src/workbook/
 * plainMarkup.ts, driven by src/workbook/sheet.ts); everything else by the strict scanner. Each
 * sheet here is read both ways (by hand where plain, and every piece through the scanner, whose
 * events the scanner tests compare with saxes): the same grid, or the same refusal, however the
 * text is cut into pieces; and nothing saxes refuses is accepted.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import type { Grid } from '../../src/core/types';
import type { SheetState } from '../../src/workbook/cells';
import { LIMITS } from '../../src/workbook/limits';
import { SheetReader } from '../../src/workbook/sheet';
import { cut } from '../helpers/cut';

const STRINGS = ['整改措施', '', '存在问题', '办公室'];

function state(): SheetState {
  const formats = [null, 'yyyy-mm-dd', '0.00'];
  return {
    strings: STRINGS,
    formats,
    dateStyles: [false, true, false],
    dateSystem: 1900,
    stringCells: [],
    dateCells: [],
  };
}

/** The grid read from the pieces, or the error's class and sentence. */
function read(pieces: string[], plain: boolean): Grid | string {
  const r = new SheetReader({ limits: LIMITS, label: '台账.xlsx', cells: 0 }, '台账', state(), plain);
  try {
    for (const p of pieces) r.write(p);
    return r.finish();
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

function saxesAccepts(xml: string): boolean {
  try {
    new SaxesParser().write(xml).close();
    return true;
  } catch {
    return false;
  }
}

/** Cells: plain ones of every kind, and every way a cell may differ from plain. */
const CELLS = [
  '<c r="A1" t="s"><v>0</v></c>',
  '<c r="B1" s="1"><v>46023</v></c>',
  '<c r="C1" s="2" t="n"><v>3.5</v></c>',
  '<c t="s" s="0" r="D1"><v>2</v></c>',
  '<c r="E1"><v>13800000000</v></c>',
  '<c r="F1"><v>1234567890123456</v></c>',
  '<c r="G1" t="s"><v>1</v></c>',
  '<c r="H1" t="str"><v>文本</v></c>',
  '<c r="I1" t="b"><v>1</v></c>',
  '<c r="J1" t="e"><v>#N/A</v></c>',
  '<c r="K1" t="d"><v>2024-03-01T00:00:00</v></c>',
  '<c r="L1" t="n"><v></v></c>',
  '<c r="M1" s="1"/>',
  '<c r="N1"></c>',
  '<c t="s"><v>3</v></c>',
  '<c r="a2" t="s"><v>0</v></c>',
  '<c r="XFD3"><v>1</v></c>',
  '<c r="XFE3"><v>1</v></c>',
  '<c r="AAAA3"><v>1</v></c>',
  '<c r="A0"><v>1</v></c>',
  '<c r="$A$4"><v>1</v></c>',
  '<c r="A1048577"><v>1</v></c>',
  '<c r="1A"><v>1</v></c>',
  '<c r="B5" s="x"><v>1</v></c>',
  '<c r="B5" s=" 2 "><v>1</v></c>',
  '<c r="B5" t="zz"><v>1</v></c>',
  '<c r="B5" t=""><v>1</v></c>',
  '<c r="B5" t="inlineStr"><is><t>行内</t></is></c>',
  '<c r="B5"><f>SUM(A1:A2)</f><v>3</v></c>',
  '<c r="B5"><v>1&amp;2</v></c>',
  '<c r="B5" t="str"><v>一\r\n二</v></c>',
  '<c r="B5" t="str"><v>]]></v></c>',
  '<c r="B5" t="str"><v><![CDATA[x]]></v></c>',
  "<c r='B5'><v>1</v></c>",
  '<c  r="B5"><v>1</v></c>',
  '<c\tr="B5"><v>1</v></c>',
  '<c r = "B5"><v>1</v></c>',
  '<c r="B5" ><v>1</v></c>',
  '<c r="B5" r="B6"><v>1</v></c>',
  '<c r="B5" s="1" s="1"><v>1</v></c>',
  '<c r="B5" cm="1"><v>1</v></c>',
  '<c r="B&#53;"><v>1</v></c>',
  '<c r="B5"><v>1</v></c >',
  '<c r="B5"><v>1</v ></c>',
  '<c r="B5"><v>1</v><!-- 注释 --></c>',
  '<c r="B5"/ >',
  '<c r="B5" s="1"><v>1</v></d>',
  '<c r="B5><v>1</v></c>',
  '<c r="B5" t="s"><v>99</v></c>',
  '<c r="B5" t="s"><v>0002</v></c>',
  '<c r="B5" t="s"><v>-1</v></c>',
  '<c r="B5" t="str"><v>12</v></c>',
  '<c r="B5" t="b"><v>0</v></c>',
  '<c r="B5"><v>1e3</v></c>',
  '<c r="B5"><v>12 </v></c>',
  '<c r="B5" s=""><v>1</v></c>',
  '<c r="B5" s="0000000000000001"><v>1</v></c>',
  '<c r="B1234567890123456"><v>1</v></c>',
  '<c r="B5" t="s"/>',
  '<c r="B5"><v>123456789012345678901234567890</v></c>',
  '<c r="B5x s="1"><v>1</v></c>',
  '<c r="B5" s="1x t="s"><v>1</v></c>',
  '<x:c r="B6"><v>1</v></x:c>',
  '<cc r="B6"><v>1</v></cc>',
  '\n    ',
  '<!-- <c r="Z9"><v>9</v></c> -->',
];

/** Row starts: plain ones and others. */
const ROWS = [
  '<row r="ROW">',
  '<row r="ROW" spans="1:14" ht="20.25" customHeight="1" x14ac:dyDescent="0.25">',
  '<row>',
  '<row r="ROW" s="3" customFormat="1" hidden="0">',
  '<row r="x">',
  '<row r="0">',
  '<row r=" ROW ">',
  '<row r="ROW" r="ROW">',
  '<row r="ROW" ht="1" ht="2">',
  '<row r="ROW" a="&lt;">',
  '<row r="ROW" a="<">',
  '<row r="ROW" a="&bogus;">',
  '<row r="ROW" a="&">',
  '<row r="ROW"/>',
  "<row r='ROW'>",
  '<row r="ROW" 1a="1">',
  '<row r="ROW" 甲="1">',
  '<row\nr="ROW">',
];

/** Merged areas: plain ones and others. */
const MERGES = [
  '<mergeCell ref="A1:B2"/>',
  '<mergeCell ref="C3"/>',
  '<mergeCell ref="B2:A1"/>',
  '<mergeCell ref="a1:b2"/>',
  '<mergeCell ref="$A$1:$B$3"/>',
  '<mergeCell ref=" A1:B2 "/>',
  '<mergeCell ref="A1:B2:C3"/>',
  '<mergeCell ref="A0:B1"/>',
  '<mergeCell ref="A1:XFE1"/>',
  '<mergeCell ref="A1:A1048577"/>',
  '<mergeCell ref="A1:B2&amp;"/>',
  '<mergeCell ref="A1&lt;"/>',
  '<mergeCell ref="A1<"/>',
  '<mergeCell ref="A1\tB2"/>',
  '<mergeCell ref="A123456789:B2"/>',
  '<mergeCell ref="A1:B2" />',
  '<mergeCell  ref="A1:B2"/>',
  "<mergeCell ref='A1:B2'/>",
  '<mergeCell ref="A1:B2"></mergeCell>',
  '<mergeCell ref="A1:B2" ref="C1"/>',
  '<mergeCell x:ref="D1:E1"/>',
  '<mergeCell ref="A1:B2"/ >',
  '<mergeCellx ref="A1:B2"/>',
  '\n  ',
];

function sheet(rows: { start: string; cells: string[] }[], merges: string[]): string {
  const body = rows
    .map(({ start, cells }, i) => `${start.replace(/ROW/g, String(i + 1))}${cells.join('')}</row>`)
    .join('');
  const mergePart = merges.length
    ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="urn:x" xmlns:x14ac="urn:x14ac">' +
    `<dimension ref="A1:N9"/><sheetData>${body}</sheetData>${mergePart}</worksheet>`
  );
}

/** Both ways agree on the sheet cut at `at`, and neither accepts what saxes refuses. */
function agree(xml: string, at: number[]): void {
  const plain = read(cut(xml, at), true);
  const scanned = read([xml], false);
  expect(plain).toEqual(scanned);
  if (!saxesAccepts(xml)) expect(typeof plain).toBe('string');
}

describe('plain markup read by hand', () => {
  it('reads each form as the scanner does, among plain cells and rows, cut anywhere in two', () => {
    const plainRow = (cells: string[]) => ({ start: '<row r="ROW">', cells });
    const cases = [
      ...CELLS.map((c) =>
        sheet([plainRow(['<c r="A1" t="s"><v>0</v></c>', c, '<c t="s"><v>3</v></c>'])], []),
      ),
      ...ROWS.map((r) =>
        sheet([plainRow(['<c r="A1"><v>1</v></c>']), { start: r, cells: ['<c r="B2"><v>2</v></c>'] }], []),
      ),
      ...MERGES.map((m) =>
        sheet(
          [plainRow(['<c r="A1"><v>1</v></c>'])],
          ['<mergeCell ref="E1:F1"/>', m, '<mergeCell ref="G1:H1"/>'],
        ),
      ),
    ];
    let refused = 0;
    for (const xml of cases) {
      if (typeof read([xml], false) === 'string') refused++;
      for (let i = 0; i <= xml.length; i += 3) agree(xml, [i]);
    }
    // Both kinds are there: sheets read and sheets refused.
    expect(refused).toBeGreaterThan(10);
    expect(refused).toBeLessThan(cases.length - 40);
  });

  it('reads the plain forms to the values the clerk sees', () => {
    const xml = sheet(
      [
        {
          start: '<row r="ROW" spans="1:6" x14ac:dyDescent="0.25">',
          cells: [
            '<c r="A1" t="s"><v>0</v></c>',
            '<c r="B1" s="1"><v>46023</v></c>',
            '<c r="C1" s="2"><v>3.5</v></c>',
            '<c r="D1" t="s"><v>1</v></c>',
            '<c r="E1"><v>13800000000</v></c>',
            '<c t="str"><v>文本</v></c>',
          ],
        },
      ],
      // Out of order: the grid lists them by top, then left.
      ['<mergeCell ref="C3:B2"/>', '<mergeCell ref="A1:A3"/>'],
    );
    const g = read([xml], true) as Grid;
    expect(g.cells[0]).toEqual([
      { type: 'text', value: '整改措施' },
      { type: 'date', value: '2026-01-01', format: 'yyyy-mm-dd' },
      { type: 'number', value: 3.5, format: '0.00' },
      { type: 'empty', value: null },
      { type: 'number', value: 13800000000, format: 'General' },
      { type: 'text', value: '文本' },
    ]);
    expect(g.merges).toEqual([
      { top: 1, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
  });

  it('agrees on random sheets cut into random pieces', () => {
    const row = fc.record({
      start: fc.constantFrom(...ROWS),
      cells: fc.array(fc.constantFrom(...CELLS), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 6 }),
        fc.array(fc.constantFrom(...MERGES), { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, merges, at) => agree(sheet(rows, merges), at),
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
  });
});
