import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import {
  readWorkbook,
  readWorkbookBuffer,
  WorkbookError,
  type WorkbookErrorReason,
} from '../../src/cli/workbook';
import { cellAt } from '../../src/core/grid';
import type { Cell, Grid } from '../../src/core/types';
import {
  ASTRAL,
  COL,
  FORMULA_LIKE,
  HUGE_LENGTH,
  make1904,
  makeAstral,
  makeBareCfb,
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
  raw,
  rawXlsxBuffer,
  writeRawXlsx,
  writeXlsx,
  zipBuffer,
} from '../helpers/xlsx';

const ROOT = join(__dirname, '..', '..');
const SAMPLE_1 = join(ROOT, 'samples', '交通运输局专项整治台账.xlsx');
const SAMPLE_2 = join(ROOT, 'samples', '营商环境专项行动台账.xlsx');

let dir: string;
beforeAll(() => {
  dir = makeTempDir('workbook-test-');
});

/** Cell by A1 address. */
function at(grid: Grid, a1: string): Cell {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return cellAt(grid, Number(m[2]), col);
}
const area = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
const sheet = (grids: Grid[], name: string): Grid => {
  const g = grids.find((x) => x.sheet === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g;
};

async function expectWorkbookError(p: Promise<unknown>, reason: WorkbookErrorReason): Promise<WorkbookError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(WorkbookError);
  const err = caught as WorkbookError;
  expect(err.reason).toBe(reason);
  // A plain Chinese sentence: no stack, no "Error:", no library names, no raw zip jargon.
  expect(err.message).toMatch(/[\u4e00-\u9fff]{4,}/);
  expect(err.message).not.toMatch(/Error:|\n\s+at |exceljs|jszip|central directory|undefined|\[object/i);
  expect(err.message).toMatch(/[。]|\.xlsx/);
  return err;
}

// -------------------------------------------------------------------------------------------
describe('sample 1: 交通运输局专项整治台账', () => {
  let g: Grid;
  beforeAll(async () => {
    const grids = await readWorkbook(SAMPLE_1);
    expect(grids.map((x) => x.sheet)).toEqual(['专项整治台账']);
    g = grids[0];
  });

  it('has the used range, the 1900 date system and 40 rows', () => {
    expect(g.firstRow).toBe(1);
    expect(g.firstColumn).toBe(1);
    expect(g.cells).toHaveLength(40);
    expect(g.dateSystem).toBe(1900);
  });

  it('reports the title, header and data merges', () => {
    expect(at(g, 'A1')).toEqual({ type: 'text', value: 'X市交通运输局优化法治营商环境专项整治工作台账' });
    expect(g.merges).toEqual(
      expect.arrayContaining([
        area(1, 1, 1, 12), // title
        area(3, 1, 4, 1), // 序号 over both header rows
        area(3, 5, 3, 6), // 责任主体 over 牵头单位 | 配合单位
        area(3, 9, 3, 10), // 整改情况 over 进展情况 | 完成时间
        area(5, 2, 8, 2), // category over 4 measures
        area(5, 3, 6, 3), // a problem over 2 measures
        area(14, 3, 16, 3), // a problem over 3 measures
        area(40, 1, 40, 12), // 注 footnote across
      ]),
    );
  });

  it('gives the non-master cells of a merge as empty', () => {
    expect(at(g, 'F3').type).toBe('empty');
    expect(at(g, 'B6').type).toBe('empty');
    expect(at(g, 'C6').type).toBe('empty');
    expect(at(g, 'B2').type).toBe('empty');
    expect(at(g, 'E4')).toEqual({ type: 'text', value: '牵头单位' });
    expect(at(g, 'J4')).toEqual({ type: 'text', value: '完成时间' });
  });

  it('reads real date cells as dates, keeping their format', () => {
    expect(at(g, 'H5')).toEqual({ type: 'date', value: '2026-05-29', format: 'yyyy"年"m"月"d"日"' });
    expect(at(g, 'H14')).toEqual({ type: 'date', value: '2026-09-30', format: 'yyyy/m/d' });
    expect(at(g, 'H16')).toEqual({ type: 'date', value: '2026-11-21', format: 'yyyy"年"m"月"d"日"' });
  });

  it('keeps text dates and the impossible date as text', () => {
    expect(at(g, 'H6')).toEqual({ type: 'text', value: '2026年6月14日' });
    expect(at(g, 'H7')).toEqual({ type: 'text', value: '2026.6.30' });
    expect(at(g, 'H9')).toEqual({ type: 'text', value: '6月底前' });
    expect(at(g, 'H15')).toEqual({ type: 'text', value: '2026年2月30日' });
    expect(at(g, 'H19')).toEqual({ type: 'text', value: '6月7日至6月14日' });
  });

  it('reads numbers with their format, multi-line text, the spacer, 合计 and pre-numbered rows', () => {
    expect(at(g, 'A5')).toEqual({ type: 'number', value: 1, format: 'General' });
    expect(at(g, 'A32').value).toBe(27);
    expect(at(g, 'A33').value).toBe(27); // the duplicate 序号
    expect(at(g, 'E10')).toEqual({ type: 'text', value: '办公室\n政策法规与审批股' });
    expect(at(g, 'E12').type).toBe('empty'); // the missing 牵头单位
    expect(g.cells[22 - g.firstRow]).toEqual([]); // the spacer row
    for (const r of [36, 37, 38])
      expect(g.cells[r - g.firstRow]).toEqual([{ type: 'number', value: r - 5, format: 'General' }]);
    expect(at(g, 'A39')).toEqual({ type: 'text', value: '合计' });
    expect(String(at(g, 'A40').value)).toMatch(/^注:/);
  });
});

describe('sample 2: 营商环境专项行动台账', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await readWorkbook(SAMPLE_2);
  });

  it('has a cover sheet before two ledger sheets', () => {
    expect(grids.map((x) => x.sheet)).toEqual(['说明', '县住建局', '县政务服务中心']);
    const cover = sheet(grids, '说明');
    expect(cover.cells.every((r) => r.length === 1 && r[0].type === 'text')).toBe(true);
  });

  it('keeps line breaks and bracketed notes in the one-row header', () => {
    const g = sheet(grids, '县住建局');
    expect(at(g, 'A3')).toEqual({ type: 'text', value: '序\n号' });
    expect(at(g, 'G3')).toEqual({ type: 'text', value: '整改时限\n(年月日)' });
    expect(at(g, 'E7')).toEqual({ type: 'text', value: '〔责任单位:县住建局、县发改委、县项目服务中心〕' });
  });

  it('reads a date-formatted serial: exceljs makes it a date, the format is kept', () => {
    // In the file these are serial numbers (46265 = 2026-08-31) with a date number format; exceljs
    // converts every date-formatted number to a Date on reading, so they arrive as dates.
    const g = sheet(grids, '县住建局');
    expect(at(g, 'G4')).toEqual({ type: 'date', value: '2026-08-31', format: 'yyyy"年"m"月"d"日"' });
    expect(at(g, 'G9')).toEqual({ type: 'date', value: '2026-09-30', format: 'yyyy/m/d' });
    expect(at(g, 'G8')).toEqual({ type: 'text', value: '长期坚持' });
    expect(g.merges).toEqual(
      expect.arrayContaining([area(1, 1, 1, 10), area(4, 2, 10, 2), area(4, 3, 5, 3)]),
    );
  });
});

describe('make-samples', () => {
  it('regenerates the committed samples byte for byte', () => {
    const out = join(dir, 'regen');
    mkdirSync(out, { recursive: true });
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'make-samples.ts')],
      {
        env: { ...process.env, SAMPLES_OUT_DIR: out },
        stdio: 'pipe',
      },
    );
    for (const f of ['交通运输局专项整治台账.xlsx', '营商环境专项行动台账.xlsx']) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(ROOT, 'samples', f)))).toBe(true);
    }
  });

  it('copied the seed plans verbatim', () => {
    const fixtures = join(ROOT, 'tests', 'fixtures', 'seeds');
    for (const f of ['000_110dbbfea9921064.txt', '001_fe03aabdc4fbb555.txt', '002_79b50bfcf0dec50f.txt']) {
      expect(readFileSync(join(fixtures, f)).length).toBeGreaterThan(10_000);
    }
    expect(readFileSync(join(fixtures, '000_110dbbfea9921064.txt'), 'utf8')).toContain(
      '局属各单位、机关各股室',
    );
  });
});

// -------------------------------------------------------------------------------------------
describe('cell conversion', () => {
  let g: Grid;
  beforeAll(async () => {
    const p = await writeXlsx(join(dir, 'cells.xlsx'), (wb) => {
      const ws = wb.addWorksheet('cells');
      ws.getCell('B2').value = {
        richText: [{ text: '正在' }, { text: '推进', font: { bold: true } }, { text: ',已完成75%' }],
      };
      ws.getCell('B3').value = { text: '佐证材料链接', hyperlink: 'http://example.com/a' };
      ws.getCell('B4').value = { formula: 'ROW()*10', result: 40 };
      ws.getCell('B5').value = { formula: '"已"&"完成"', result: '已完成' };
      const fd = ws.getCell('B6');
      fd.value = { formula: 'DATE(2026,11,30)', result: new Date(Date.UTC(2026, 10, 30)) };
      fd.numFmt = 'yyyy-mm-dd';
      ws.getCell('B7').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      ws.getCell('B8').value = { formula: 'TRUE()', result: true };
      ws.getCell('B9').value = true;
      ws.getCell('B10').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      const pct = ws.getCell('B11');
      pct.value = 0.75;
      pct.numFmt = '0%';
      const time = ws.getCell('B12');
      time.value = 0.5;
      time.numFmt = 'h:mm';
      const serial = ws.getCell('B13');
      serial.value = 46347; // 2026-11-21
      serial.numFmt = 'm"月"d"日"';
      ws.getCell('B14').value = '   ';
      ws.getCell('B15').value = { richText: [{ text: '链接' }] } as ExcelJS.CellRichTextValue;
      ws.getCell('B16').value = 'x';
      ws.mergeCells('B16:D17');
      // styled but empty cells far away must not widen the used range
      ws.getCell('Z100').border = { top: { style: 'thin' } };
      ws.getCell('Y90').numFmt = 'yyyy/m/d';
    });
    [g] = await readWorkbook(p);
  });

  it('trims the used range to the cells with content', () => {
    expect(g.firstRow).toBe(2);
    expect(g.firstColumn).toBe(2);
    expect(g.cells).toHaveLength(15); // rows 2..16
  });

  it('joins rich text runs and reads a hyperlink as its text', () => {
    expect(at(g, 'B2')).toEqual({ type: 'text', value: '正在推进,已完成75%' });
    expect(at(g, 'B3')).toEqual({ type: 'text', value: '佐证材料链接' });
    expect(at(g, 'B15')).toEqual({ type: 'text', value: '链接' });
  });

  it('gives a formula its cached result, marked as a formula', () => {
    expect(at(g, 'B4')).toEqual({ type: 'number', value: 40, format: 'General', formula: true });
    expect(at(g, 'B5')).toEqual({ type: 'text', value: '已完成', formula: true });
    expect(at(g, 'B6')).toEqual({ type: 'date', value: '2026-11-30', format: 'yyyy-mm-dd', formula: true });
    expect(at(g, 'B7')).toEqual({ type: 'error', value: '#DIV/0!', formula: true });
    expect(at(g, 'B8')).toEqual({ type: 'boolean', value: true, formula: true });
  });

  it('reads booleans, errors and formatted numbers', () => {
    expect(at(g, 'B9')).toEqual({ type: 'boolean', value: true });
    expect(at(g, 'B10')).toEqual({ type: 'error', value: '#REF!' });
    expect(at(g, 'B11')).toEqual({ type: 'number', value: 0.75, format: '0%' });
  });

  it('keeps a time-only value a number with its format (it is no calendar date)', () => {
    expect(at(g, 'B12')).toEqual({ type: 'number', value: 0.5, format: 'h:mm' });
  });

  it('reads a date-formatted serial as the date Excel shows, keeping the format', () => {
    expect(at(g, 'B13')).toEqual({ type: 'date', value: '2026-11-21', format: 'm"月"d"日"' });
  });

  it('keeps whitespace-only text as written (the engine trims)', () => {
    expect(at(g, 'B14')).toEqual({ type: 'text', value: '   ' });
  });

  it('reports merges and empties their other cells', () => {
    expect(g.merges).toEqual([area(16, 2, 17, 4)]);
    expect(at(g, 'B16')).toEqual({ type: 'text', value: 'x' });
    expect(at(g, 'C16').type).toBe('empty');
    expect(at(g, 'B17').type).toBe('empty');
  });
});

describe('hand-written workbooks (what exceljs cannot write)', () => {
  it('reads a formula without a cached result as empty, marked as a formula', async () => {
    const p = await writeRawXlsx(join(dir, 'raw-formula.xlsx'), {
      sheets: [
        { name: 'S', sheetData: raw.row(1, [raw.str('A1', '整改时限'), raw.formula('B1', 'TODAY()+30')]) },
      ],
    });
    const [g] = await readWorkbook(p);
    expect(at(g, 'A1')).toEqual({ type: 'text', value: '整改时限' });
    expect(at(g, 'B1')).toEqual({ type: 'empty', value: null, formula: true });
  });

  it('knows the Chinese built-in date formats 31, 57 and 58 that files leave unspelled', async () => {
    const p = await writeRawXlsx(join(dir, 'raw-builtin.xlsx'), {
      cellXfs: [0, 31, 57, 58, 14],
      sheets: [
        {
          name: 'S',
          sheetData: raw.row(1, [
            raw.num('A1', 46347, 1),
            raw.num('B1', 46347, 2),
            raw.num('C1', 46347, 3),
            raw.num('D1', 46347, 4),
          ]),
        },
      ],
    });
    const [g] = await readWorkbook(p);
    expect(at(g, 'A1')).toEqual({ type: 'date', value: '2026-11-21', format: 'yyyy"年"m"月"d"日"' });
    expect(at(g, 'B1')).toEqual({ type: 'date', value: '2026-11-21', format: 'yyyy"年"m"月"' });
    expect(at(g, 'C1')).toEqual({ type: 'date', value: '2026-11-21', format: 'm"月"d"日"' });
    expect(at(g, 'D1')).toEqual({ type: 'date', value: '2026-11-21', format: 'mm-dd-yy' });
  });

  it('follows Excel, not JavaScript, for serials around the phantom 1900-02-29', async () => {
    const p = await writeRawXlsx(join(dir, 'raw-1900.xlsx'), {
      cellXfs: [0, 14],
      sheets: [
        {
          name: 'S',
          sheetData: raw.row(1, [raw.num('A1', 59, 1), raw.num('B1', 60, 1), raw.num('C1', 61, 1)]),
        },
      ],
    });
    const [g] = await readWorkbook(p);
    expect(at(g, 'A1')).toMatchObject({ type: 'date', value: '1900-02-28' });
    expect(at(g, 'B1')).toMatchObject({ type: 'number', value: 60 }); // Excel's 1900-02-29 does not exist
    expect(at(g, 'C1')).toMatchObject({ type: 'date', value: '1900-03-01' });
  });

  it.each([
    ['1', 1904],
    ['true', 1904],
    ['0', 1900],
    ['false', 1900],
  ])('reads date1904="%s" as the %i date system', async (flag, system) => {
    const p = await writeRawXlsx(join(dir, `raw-1904-${flag}.xlsx`), {
      workbookPr: `date1904="${flag}"`,
      cellXfs: [0, 31],
      sheets: [{ name: 'S', sheetData: raw.row(1, [raw.num('A1', 44885, 1), raw.num('B1', 44885)]) }],
    });
    const [g] = await readWorkbook(p);
    expect(g.dateSystem).toBe(system);
    // 44885 is 2026-11-21 in the 1904 system, 2022-11-20 in the 1900 system.
    expect(at(g, 'A1')).toEqual({
      type: 'date',
      value: system === 1904 ? '2026-11-21' : '2022-11-20',
      format: 'yyyy"年"m"月"d"日"',
    });
    expect(at(g, 'B1')).toEqual({ type: 'number', value: 44885, format: 'General' });
  });

  it('treats a sheet of bare <c/> cells as empty', async () => {
    const p = await writeRawXlsx(join(dir, 'raw-bare.xlsx'), {
      sheets: [
        { name: 'blank', sheetData: raw.row(1, ['<c r="A1"/>', '<c r="B1"/>']) },
        { name: 'data', sheetData: raw.row(3, [raw.str('C3', '序号'), '<c r="D3"/>', raw.num('E3', 1)]) },
      ],
    });
    const grids = await readWorkbook(p);
    expect(grids.map((x) => [x.sheet, x.firstRow, x.firstColumn, x.cells.length])).toEqual([
      ['blank', 1, 1, 0],
      ['data', 3, 3, 1],
    ]);
    expect(grids[1].cells[0]).toEqual([
      { type: 'text', value: '序号' },
      { type: 'empty', value: null },
      { type: 'number', value: 1, format: 'General' },
    ]);
  });
});

// -------------------------------------------------------------------------------------------
describe('hostile workbooks', () => {
  it('keeps formula-looking text as text', async () => {
    const [g] = await readWorkbook(await makeFormulaLookingText(dir));
    expect(at(g, 'C2')).toEqual({ type: 'text', value: FORMULA_LIKE[0] });
    expect(at(g, 'D2')).toEqual({ type: 'text', value: '+86 123' });
    expect(at(g, 'E2')).toEqual({ type: 'text', value: '-1' });
    expect(at(g, 'G2')).toEqual({ type: 'text', value: '@SUM(A1)' });
    expect(g.cells.flat().some((c) => c.formula)).toBe(false);
  });

  it('reads error cells, also in the deadline column', async () => {
    const [g] = await readWorkbook(await makeErrorCells(dir));
    const deadline = COL['整改时限'];
    expect(cellAt(g, 2, deadline)).toEqual({ type: 'error', value: '#REF!' });
    expect(cellAt(g, 3, deadline)).toEqual({ type: 'error', value: '#DIV/0!' });
    expect(cellAt(g, 4, deadline)).toEqual({ type: 'error', value: '#N/A', formula: true });
    expect(cellAt(g, 5, COL['责任单位'])).toEqual({ type: 'error', value: '#N/A' });
    expect(cellAt(g, 6, COL['整改进展'])).toEqual({ type: 'error', value: '#DIV/0!', formula: true });
  });

  it('reads a 32,000-character cell whole', async () => {
    const [g] = await readWorkbook(await makeHugeCell(dir));
    const v = cellAt(g, 2, COL['存在问题']);
    expect(v.type).toBe('text');
    expect(String(v.value)).toHaveLength(HUGE_LENGTH);
  });

  it('keeps astral CJK and emoji intact in every column', async () => {
    const [g] = await readWorkbook(await makeAstral(dir));
    const row = g.cells[1];
    expect(row).toHaveLength(12);
    for (const c of row) {
      expect(c.type).toBe('text');
      expect(String(c.value).endsWith(ASTRAL)).toBe(true);
      expect(String(c.value)).not.toMatch(/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(cellAt(g, 4, COL['责任单位'])).toEqual({ type: 'text', value: `🚧审批股${ASTRAL}` });
  });

  it('reads a workbook with only a header', async () => {
    const [g] = await readWorkbook(await makeHeaderOnly(dir));
    expect(g.cells).toHaveLength(1);
    expect(g.cells[0].map((c) => c.value)).toEqual(expect.arrayContaining(['序号', '整改时限']));
  });

  it('reads 10,000 pre-numbered empty rows, one cell each', async () => {
    const p = await makePrenumbered(dir);
    const [g] = await readWorkbook(p);
    expect(g.cells).toHaveLength(10_004);
    expect(g.cells[10_003]).toEqual([{ type: 'number', value: 10_003, format: 'General' }]);
  });

  it('reads a 1904 workbook: exceljs already converted, the dates are the ones Excel shows', async () => {
    const [g] = await readWorkbook(await make1904(dir));
    expect(g.dateSystem).toBe(1904);
    expect(cellAt(g, 2, COL['整改时限'])).toEqual({
      type: 'date',
      value: '2026-11-21',
      format: 'yyyy"年"m"月"d"日"',
    });
    expect(cellAt(g, 3, COL['整改时限'])).toEqual({
      type: 'date',
      value: '2026-11-22',
      format: 'yyyy-mm-dd',
      formula: true,
    });
  });

  it('reads from an ArrayBuffer as from a Buffer', async () => {
    const data = readFileSync(await make1904(dir, 'ab.xlsx'));
    const ab = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    expect(await readWorkbookBuffer(ab, 'ab.xlsx')).toEqual(await readWorkbookBuffer(data));
  });
});

// -------------------------------------------------------------------------------------------
describe('Excel 97-2003 (.xls) and WPS (.et) workbooks', () => {
  // Made by LibreOffice from sample 1 (soffice --convert-to xls), so not written by our code.
  const XLS = join(ROOT, 'tests', 'fixtures', 'xls', '交通运输局专项整治台账.xls');

  it('reads the .xls as the .xlsx it was saved from: cells, dates and merges', async () => {
    const [x] = await readWorkbook(SAMPLE_1);
    const [b] = await readWorkbook(XLS);
    expect(b.sheet).toBe(x.sheet);
    expect(b.merges).toEqual(x.merges);
    expect(b.dateSystem).toBe(1900);
    // LibreOffice spells the 年月日 format with backslashes; the values and types are the same.
    const strip = (g: Grid) => g.cells.map((r) => r.map(({ format: _f, ...rest }) => rest));
    expect(strip(b)).toEqual(strip(x));
    expect(at(b, 'H5')).toMatchObject({ type: 'date', value: '2026-05-29' });
  });

  it('reads a WPS .et (the same format) by its content, not its name', async () => {
    const et = join(dir, '台账.et');
    writeFileSync(et, readFileSync(XLS));
    const [g] = await readWorkbook(et);
    expect(at(g, 'A1')).toEqual({ type: 'text', value: 'X市交通运输局优化法治营商环境专项整治工作台账' });
  });
});

describe('WorkbookError', () => {
  it('not-found: a missing file', async () => {
    const err = await expectWorkbookError(readWorkbook(join(dir, '没有这个文件.xlsx')), 'not-found');
    expect(err.message).toContain('文件不存在');
    expect(err.message).toContain('没有这个文件.xlsx');
  });

  it('unreadable: a folder', async () => {
    const err = await expectWorkbookError(readWorkbook(dir), 'unreadable');
    expect(err.message).toContain('文件夹');
  });

  it('not-a-workbook: a text file named .xlsx', async () => {
    const err = await expectWorkbookError(readWorkbook(makeNotAWorkbook(dir)), 'not-a-workbook');
    expect(err.message).toContain('这不是 Excel 工作簿（.xlsx）');
    expect(err.message).toContain('另存为 .xlsx');
  });

  it('not-a-workbook: a zero-byte file', async () => {
    await expectWorkbookError(readWorkbook(makeZeroBytes(dir)), 'not-a-workbook');
  });

  it('not-a-workbook: a zip that is a Word document', async () => {
    const err = await expectWorkbookError(readWorkbook(makeZipNotWorkbook(dir)), 'not-a-workbook');
    expect(err.message).toContain('Word');
  });

  it('not-a-workbook: any other zip', async () => {
    const err = await expectWorkbookError(
      readWorkbookBuffer(zipBuffer([{ name: 'a.txt', data: 'hi' }]), '资料.zip'),
      'not-a-workbook',
    );
    expect(err.message).toContain('资料.zip');
  });

  // Before issue 9 every .xls was refused with "save it as .xlsx"; now .xls is read, so only a
  // broken one (here: a compound file with a Workbook stream name and no workbook) is refused.
  it('unreadable: a broken .xls (OLE file naming a Workbook stream, holding none)', async () => {
    const err = await expectWorkbookError(readWorkbook(makeFakeXls(dir)), 'unreadable');
    expect(err.message).toContain('.xls');
    expect(err.message).toContain('另存为');
  });

  it('not-a-workbook: Excel\'s own "~$" lock file', async () => {
    const p = join(dir, '~$台账.xlsx');
    writeFileSync(p, Buffer.alloc(165, 0x20));
    const err = await expectWorkbookError(readWorkbook(p), 'not-a-workbook');
    expect(err.message).toContain('临时');
  });

  it('encrypted: an OLE file with EncryptionInfo / EncryptedPackage', async () => {
    const err = await expectWorkbookError(readWorkbook(makeFakeEncrypted(dir)), 'encrypted');
    expect(err.message).toContain('加密');
    expect(err.message).toContain('取消密码');
  });

  it('encrypted: a bare CFB header says encrypted or old .xls, and what to do', async () => {
    const err = await expectWorkbookError(readWorkbook(makeBareCfb(dir)), 'encrypted');
    expect(err.message).toContain('加密');
    expect(err.message).toContain('.xls');
    expect(err.message).toContain('另存为 .xlsx');
  });

  it('empty: a workbook whose only sheet has no cells', async () => {
    const err = await expectWorkbookError(readWorkbook(await makeEmptyWorkbook(dir)), 'empty');
    expect(err.message).toContain('工作簿里没有任何内容');
  });

  it('empty: a workbook without sheets', async () => {
    await expectWorkbookError(readWorkbook(await makeNoSheetWorkbook(dir)), 'empty');
  });

  it('unreadable: a zip cut off in the middle', async () => {
    await expectWorkbookError(readWorkbook(makeTruncatedZip(dir)), 'unreadable');
  });

  it('unreadable: a workbook with broken XML inside', async () => {
    const good = rawXlsxBuffer({ sheets: [{ name: 'S', sheetData: raw.row(1, [raw.str('A1', 'x')]) }] });
    expect((await readWorkbookBuffer(good))[0].cells).toHaveLength(1);
    const broken = zipBuffer([
      { name: '[Content_Types].xml', data: '<Types' },
      {
        name: 'xl/workbook.xml',
        data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c>',
      },
    ]);
    const err = await expectWorkbookError(readWorkbookBuffer(broken, 'broken.xlsx'), 'unreadable');
    expect(err.message).toContain('broken.xlsx');
  });
});
