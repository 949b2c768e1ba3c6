/**
 * Excel 97–2003 workbooks (.xls) and WPS's .et (the same BIFF8 format), read with SheetJS
 * Community Edition (@e965/xlsx 0.20.3, the maintained build; the "xlsx" 0.18.5 on npm is
 * outdated). Loaded lazily: only a clerk who opens such a file pays for it. A binary workbook is
 * not compressed, so its size is bounded by the file-size cap; rows, columns, cells and merged
 * areas are held to the same caps as an .xlsx.
 */
import type { CellObject, WorkBook } from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { serialToIso } from '../core/calendar';
import type { Cell, Grid, MergedArea } from '../core/types';
import { WorkbookError } from './errors';
import type { Limits } from './limits';
import { isDateFormat } from '../core/numberFormat';
import { decodeXString } from './xlsx';

const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function convert(c: CellObject, dateSystem: 1900 | 1904): Cell | null {
  const formula = typeof c.f === 'string' && c.f !== '';
  let cell: Cell | null = null;
  const format = typeof c.z === 'string' && c.z !== '' && c.z !== 'General' ? c.z : null;
  switch (c.t) {
    case 's':
      if (typeof c.v === 'string' && c.v !== '') cell = { type: 'text', value: decodeXString(c.v) };
      break;
    case 'b':
      cell = { type: 'boolean', value: Boolean(c.v) };
      break;
    case 'e':
      cell = { type: 'error', value: c.w ?? ERRORS[Number(c.v)] ?? '#VALUE!' };
      break;
    case 'n': {
      const n = Number(c.v);
      if (!Number.isFinite(n)) cell = { type: 'error', value: '#NUM!' };
      else if (format !== null && isDateFormat(format)) {
        const iso = serialToIso(n, dateSystem);
        cell = iso ? { type: 'date', value: iso, format } : { type: 'number', value: n, format };
      } else cell = { type: 'number', value: n, format: format ?? 'General' };
      break;
    }
    case 'd':
      if (c.v instanceof Date && Number.isFinite(c.v.getTime())) {
        cell = { type: 'date', value: c.v.toISOString().slice(0, 10), format: format ?? 'yyyy-mm-dd' };
      }
      break;
  }
  if (!cell && formula) cell = { type: 'empty', value: null };
  if (cell && formula) cell.formula = true;
  return cell;
}

export async function readXls(bytes: Uint8Array, label: string, limits: Limits): Promise<Grid[]> {
  const XLSX = await import('@e965/xlsx');
  let wb: WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellHTML: false });
  } catch (e) {
    if (/password|encrypt/i.test(String((e as Error)?.message))) {
      throw new WorkbookError(
        'encrypted',
        `文件已加密（设置了打开密码）：${label} 请在 Excel 中取消密码，另存为 .xlsx 后再检查。`,
      );
    }
    throw new WorkbookError(
      'unreadable',
      `无法读取这份旧版 Excel 工作簿（.xls/.et）：${label} 文件可能已损坏。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查。`,
    );
  }
  const dateSystem: 1900 | 1904 = wb.Workbook?.WBProps?.date1904 ? 1904 : 1900;
  const grids: Grid[] = [];
  let count = 0;
  const over = (what: string) =>
    new WorkbookError(
      'too-large',
      `工作簿${what}，超出 Excel 本身的上限或本工具能检查的范围：${label} 请在 Excel 中打开核对，必要时拆分成较小的文件后再检查。`,
    );
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const data = (ws?.['!data'] ?? []) as (CellObject[] | undefined)[];
    if (data.length > limits.maxRow) throw over(`的行数超过 ${limits.maxRow} 行`);
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    const rows: (Cell | undefined)[][] = [];
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) continue;
      if (src.length > limits.maxColumn) throw over(`的列数超过 ${limits.maxColumn} 列`);
      const row: (Cell | undefined)[] = [];
      for (let c = 0; c < src.length; c++) {
        const cell = src[c] ? convert(src[c], dateSystem) : null;
        if (!cell || (cell.type === 'empty' && !cell.formula)) continue;
        if (++count > limits.maxCells) throw over(`中有内容的单元格超过 ${limits.maxCells} 个`);
        row[c] = cell;
        if (c < left) left = c;
      }
      if (row.length === 0) continue;
      rows[r] = row;
      if (r < top) top = r;
      bottom = r;
    }
    const merges: MergedArea[] = (ws?.['!merges'] ?? []).map((m) => ({
      top: m.s.r + 1,
      left: m.s.c + 1,
      bottom: m.e.r + 1,
      right: m.e.c + 1,
    }));
    if (merges.length > limits.maxMerges) throw over(`的合并单元格超过 ${limits.maxMerges} 个`);
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    const grid: Grid = { sheet: name, firstRow: 1, firstColumn: 1, cells: [], merges, dateSystem };
    if (bottom >= 0) {
      grid.firstRow = top + 1;
      grid.firstColumn = left + 1;
      for (let r = top; r <= bottom; r++) {
        const src = rows[r] ?? [];
        const row: Cell[] = [];
        for (let c = left; c < src.length; c++) row.push(src[c] ?? { type: 'empty', value: null });
        grid.cells.push(row);
      }
    }
    grids.push(grid);
  }
  return grids;
}

/**
 * An .xlsx copy of an .xls/.et workbook, for `ledger-check --out` (the checked copy is always
 * .xlsx): what SheetJS Community Edition reads from the old file and can write again, measured
 * against LibreOffice's own conversion of the same files (tests/cli/xlsCopy.test.ts). Carried:
 * every sheet, cell value, formula with its last result, number format, merged cell, column
 * width, row height, hidden row and column, comment, link and defined name, page margins, the
 * 1904 date system. Not carried (the community edition writes no styles and reads none of the
 * rest from an .xls): fonts, fill colours, borders, alignment and wrapping, frozen panes,
 * conditional formats, data validation, page setup, headers and footers, charts, pivot tables.
 * `xlsCopyNote` in src/cli/ledger-check.ts tells the clerk.
 */
export async function xlsToXlsx(bytes: Uint8Array, label: string): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  let wb: WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      // Not dense: the community edition's writer fails on a dense sheet with empty rows.
      cellNF: true,
      cellStyles: true,
      cellFormula: true,
      cellDates: false,
      cellHTML: false,
    });
  } catch {
    throw new WorkbookError(
      'unreadable',
      `无法把这份旧版 Excel 工作簿（.xls/.et）转成 .xlsx 副本：${label} 请在 Excel 或 WPS 中把它另存为 .xlsx 后再使用 --out。`,
    );
  }
  dropRepeatedNames(wb);
  cleanComments(wb);
  const xlsx = XLSX.write(wb, {
    type: 'array',
    bookType: 'xlsx',
    bookSST: true,
    compression: true,
  }) as ArrayBuffer;
  return recalculateOnOpen(new Uint8Array(xlsx));
}

/**
 * A defined name given twice for the same scope (LibreOffice writes an .xls's print titles so):
 * Excel reports a duplicate name as damage, so the copy keeps the first.
 */
function dropRepeatedNames(wb: WorkBook): void {
  const names = wb.Workbook?.Names;
  if (!names) return;
  const seen = new Set<string>();
  wb.Workbook!.Names = names.filter((n) => {
    const key = `${n.Sheet ?? ''}\u0000${n.Name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Comment texts as the clerk wrote them: the community edition leaves the bytes that end a
 * comment's text record (U+0000, U+0007) on it, which XML cannot hold.
 */
function cleanComments(wb: WorkBook): void {
  for (const name of wb.SheetNames) {
    const sheet = wb.Sheets[name] ?? {};
    for (const ref of Object.keys(sheet)) {
      if (ref.startsWith('!')) continue;
      for (const c of (sheet[ref] as CellObject).c ?? []) {
        // eslint-disable-next-line no-control-regex -- removing control characters is the point
        if (typeof c.t === 'string') c.t = c.t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
      }
    }
  }
}

/**
 * Asks Excel, WPS and LibreOffice to recalculate every formula when the copy is first opened: the
 * last results came through a conversion (an .xls LibreOffice wrote keeps 0 as the last result
 * of a formula giving text), and the community edition writes no calcPr of its own.
 */
function recalculateOnOpen(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const part = 'xl/workbook.xml';
  const xml = strFromU8(files[part]);
  files[part] = strToU8(xml.replace(/<\/workbook>\s*$/, '<calcPr fullCalcOnLoad="1"/></workbook>'));
  return zipSync(files, { level: 6 });
}
