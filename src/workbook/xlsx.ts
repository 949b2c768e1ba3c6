/**
 * The .xlsx reader: the zip's bytes in, one Grid per worksheet out, in one pass over each part.
 *
 * Every part is inflated and its text fed in large pieces to our own strict scanner
 * (./sheetScanner.ts, checked against saxes in tests/cli/sheetScanner.test.ts): the worksheets,
 * the shared strings and the small parts (workbook, relationships, styles). Values, types, number
 * formats (for dates), shared strings and the merge list are all that is read (no styles model
 * beyond the number format of each style). Every cap in LIMITS is checked as the data arrives.
 * No Node API: the task pane loads this too.
 */
import { serialToIso } from '../core/calendar';
import type { Cell, Grid, MergedArea } from '../core/types';
import { WorkbookError, damaged } from './errors';
import type { Limits } from './limits';
import { SharedStringsReader, decodeXString } from './sharedStrings';
import { SheetScanner } from './sheetScanner';
import { isDateFormat } from '../core/numberFormat';
import { BUILTIN_FORMATS } from './numberFormats';
import { entryText, findEntry, inflateText, type ZipEntry } from './zip';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_STYLES = /\/styles$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;

interface Context {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  limits: Limits;
  label: string;
  /** Cells read so far over the workbook. */
  cells: number;
}

/** Scans a whole small XML text, calling `open`/`close`. Broken XML: the damaged sentence. */
function scanXml(
  xml: string,
  label: string,
  handlers: { open: (name: string, tag: SheetScanner) => void; close?: (name: string) => void },
): void {
  const p = new SheetScanner({ open: handlers.open, text() {}, close: handlers.close ?? (() => {}) });
  try {
    p.write(xml);
    p.close();
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw damaged(label);
  }
}

function partText(ctx: Context, name: string, cap = ctx.limits.maxSmallPartBytes): string | null {
  const e = findEntry(ctx.entries, name);
  return e ? entryText(ctx.bytes, e, cap, ctx.limits, ctx.label) : null;
}

/** Relationship id → { type, target part name } of a part's .rels. */
function readRels(ctx: Context, part: string): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const xml = partText(ctx, `${dir}_rels/${part.slice(slash + 1)}.rels`);
  const out = new Map<string, { type: string; target: string }>();
  if (xml === null) return out;
  scanXml(xml, ctx.label, {
    open(name, t) {
      if (name !== 'Relationship') return;
      const id = t.attr('Id');
      const target = t.attr('Target');
      if (!id || !target || t.attr('TargetMode') === 'External') return;
      out.set(id, { type: t.attr('Type') ?? '', target: resolvePart(dir, target) });
    },
  });
  return out;
}

/** A relationship target as a part name: relative to the source's folder, or absolute. */
export function resolvePart(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export { decodeXString };

interface WorkbookInfo {
  sheets: { name: string; part: string | null }[];
  date1904: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

function readWorkbookPart(ctx: Context, workbookPart: string): WorkbookInfo {
  const xml = partText(ctx, workbookPart);
  if (xml === null) throw damaged(ctx.label);
  const rels = readRels(ctx, workbookPart);
  const info: WorkbookInfo = { sheets: [], date1904: false, stylesPart: null, sharedStringsPart: null };
  scanXml(xml, ctx.label, {
    open(name, t) {
      if (name === 'workbookPr') {
        const v = (t.attr('date1904') ?? '').trim().toLowerCase();
        info.date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const rel = rels.get(t.attr('id') ?? '');
        // Chart sheets and dialog sheets hold no cells.
        if (rel && !REL_WORKSHEET.test(rel.type)) return;
        info.sheets.push({ name: t.attr('name') ?? '', part: rel ? rel.target : null });
      }
    },
  });
  for (const r of rels.values()) {
    if (REL_STYLES.test(r.type)) info.stylesPart = r.target;
    if (REL_SHARED_STRINGS.test(r.type)) info.sharedStringsPart = r.target;
  }
  return info;
}

/** Number format per cell style index (cellXfs), null for General. */
function readStyles(ctx: Context, part: string | null): (string | null)[] {
  const xml = part ? partText(ctx, part) : null;
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  scanXml(xml, ctx.label, {
    open(name, t) {
      if (name === 'numFmt') custom.set(Number(t.attr('numFmtId')), t.attr('formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(t.attr('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => {
    const f = custom.get(id) ?? BUILTIN_FORMATS[id];
    return f === undefined || f === '' || f === 'General' ? null : f;
  });
}

/** The shared strings (./sharedStrings.ts). */
function readSharedStrings(ctx: Context, part: string | null): string[] {
  const e = part ? findEntry(ctx.entries, part) : undefined;
  if (!e) return [];
  const reader = new SharedStringsReader();
  try {
    inflateText(ctx.bytes, e, ctx.limits.maxSharedStringsBytes, ctx.limits, ctx.label, (text) => {
      try {
        reader.write(text);
      } catch (err) {
        throw err instanceof WorkbookError ? err : damaged(ctx.label);
      }
    });
    reader.close();
  } catch (err) {
    if (err instanceof WorkbookError) throw err;
    throw damaged(ctx.label);
  }
  return reader.strings;
}

/** Inflates a worksheet part straight into the scanner, in large pieces. */
function streamSheet(ctx: Context, e: ZipEntry, cap: number, p: SheetScanner): void {
  try {
    inflateText(ctx.bytes, e, cap, ctx.limits, ctx.label, (text) => p.write(text));
    p.close();
  } catch (err) {
    if (err instanceof WorkbookError) throw err;
    throw damaged(ctx.label);
  }
}

/**
 * The one empty cell, and below the one cell per shared string and per date: cells are never
 * changed once read (the engine, the hosts and the summaries only read them), so equal cells can
 * be one object. At 50k rows this leaves about 150,000 cell objects of 700,000 and halves the
 * garbage collection that followed them. A formula's cell is always its own (it carries the flag).
 */
const EMPTY_CELL: Cell = { type: 'empty', value: null };

/** 'AB12' → [12, 28]; null when it is no cell reference. */
function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return [row, col];
}

/** A merged area's `ref` ('A1:B3'); plain references are read from the characters. */
function parseRange(ref: string): MergedArea | null {
  return plainRange(ref) ?? oddRange(ref);
}

/** 'A1:B3' or 'A1' written plainly (letters, then digits); null for anything else. */
function plainRange(ref: string): MergedArea | null {
  const top = plainRef(ref, 0);
  if (top < 0) return null;
  const left = refColumn;
  let bottom = top;
  let right = left;
  if (refEnd < ref.length) {
    if (ref.charCodeAt(refEnd) !== 58 /* : */) return null;
    bottom = plainRef(ref, refEnd + 1);
    if (bottom < 0 || refEnd !== ref.length) return null;
    right = refColumn;
  }
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** Where the reference plainRef read last ends, and its column. */
let refEnd = 0;
let refColumn = 0;

/** The row of the plain reference at `from` ('AB12…' → 12; refColumn 28), or -1. */
function plainRef(ref: string, from: number): number {
  let i = from;
  let col = 0;
  for (; i < ref.length && i - from <= 3; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === from || i - from > 3) return -1;
  const digits = i;
  let row = 0;
  for (; i < ref.length && i - digits < 8; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (i === digits || row < 1) return -1;
  refEnd = i;
  refColumn = col;
  return row;
}

/** Any other way of writing a range ('$A$1:$B$3', ' a1 ', 'A1:B2:C3'), read as Excel's files allow. */
function oddRange(ref: string): MergedArea | null {
  const [a, b = a] = ref.replace(/\$/g, '').trim().split(':');
  const p = parseRef(a);
  const q = parseRef(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p[0], q[0]),
    left: Math.min(p[1], q[1]),
    bottom: Math.max(p[0], q[0]),
    right: Math.max(p[1], q[1]),
  };
}

interface SheetState {
  strings: string[];
  formats: (string | null)[];
  /** Per style: its number format shows a date (worked out once, not per cell). */
  dateStyles: boolean[];
  dateSystem: 1900 | 1904;
  /** The text cell of each shared string, made when first used. */
  stringCells: (Cell | undefined)[];
  /** Per style: date cells by serial. */
  dateCells: Map<number, Cell>[];
}

function tooLarge(ctx: Context, sheet: string, what: string): WorkbookError {
  return new WorkbookError(
    'too-large',
    `工作表“${sheet}”${what}，超出 Excel 本身的上限或本工具能检查的范围：${ctx.label} 请在 Excel 中打开核对，必要时拆分成较小的文件后再检查。`,
  );
}

/**
 * A cell from what its XML said: the type `t`, the value as text (`raw`) or, when it was plain
 * digits in a shared-string or number cell, as a number (`num` ≥ 0, so no string is made).
 */
function makeCell(
  t: string,
  raw: string | null,
  num: number,
  inline: string | null,
  formula: boolean,
  style: number,
  s: SheetState,
): Cell {
  const cell = valueCell(t, raw, num, inline, style, s);
  return formula ? { ...cell, formula: true } : cell;
}

function valueCell(
  t: string,
  raw: string | null,
  num: number,
  inline: string | null,
  style: number,
  s: SheetState,
): Cell {
  if (t === 'inlineStr') {
    const text = inline === null ? '' : decodeXString(inline);
    return text === '' ? EMPTY_CELL : { type: 'text', value: text };
  }
  if (num >= 0) return t === 's' ? stringCell(num, s) : numberCell(num, style, s);
  if (raw === null || raw === '') return EMPTY_CELL;
  if (t === 's') return stringCell(Number(raw), s);
  if (t === 'str') {
    const text = decodeXString(raw);
    return text === '' ? EMPTY_CELL : { type: 'text', value: text };
  }
  if (t === 'b') return { type: 'boolean', value: raw.trim() === '1' || raw.trim().toLowerCase() === 'true' };
  if (t === 'e') return { type: 'error', value: raw.trim() };
  if (t === 'd') {
    const format = s.formats[style] ?? null;
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim());
    return m ? { type: 'date', value: m[1], format: format ?? 'yyyy-mm-dd' } : { type: 'text', value: raw };
  }
  const n = Number(raw);
  if (!Number.isFinite(n) || raw.trim() === '') return { type: 'error', value: '#NUM!' };
  return numberCell(n, style, s);
}

function stringCell(index: number, s: SheetState): Cell {
  let cell = s.stringCells[index];
  if (cell === undefined) {
    const text = s.strings[index];
    if (text === undefined || text === '') return EMPTY_CELL;
    cell = { type: 'text', value: text };
    s.stringCells[index] = cell;
  }
  return cell;
}

/** A number cell; a date when its style's format shows one (one cell per style and serial). */
function numberCell(n: number, style: number, s: SheetState): Cell {
  const format = s.formats[style] ?? null;
  if (format === null || !s.dateStyles[style])
    return { type: 'number', value: n, format: format ?? 'General' };
  const dates = (s.dateCells[style] ??= new Map());
  let cell = dates.get(n);
  if (cell === undefined) {
    const iso = serialToIso(n, s.dateSystem);
    cell = iso ? { type: 'date', value: iso, format } : { type: 'number', value: n, format };
    dates.set(n, cell);
  }
  return cell;
}

/** What the text inside a cell goes to. */
const Capture = { None: 0, Value: 1, Inline: 2 } as const;
type Capture = (typeof Capture)[keyof typeof Capture];

/** Reads one worksheet part into a Grid. */
function readSheet(ctx: Context, name: string, e: ZipEntry, s: SheetState): Grid {
  const { limits } = ctx;
  // The rows by sheet row number (an array with holes: rows may come in any order).
  const rows: (Cell[] | undefined)[] = [];
  const used: Used = { top: Infinity, bottom: 0, left: Infinity, right: 0 };
  const merges: MergedArea[] = [];
  let rowNum = 0;
  let rowCells: Cell[] | null = null;
  let col = 0;
  let inSheetData = false;
  // The cell being read.
  let inCell = false;
  let cType = 'n';
  let cStyle = 0;
  let cFormula = false;
  let cValue: string | null = null;
  let cNum = -1;
  let cInline: string | null = null;
  let capture: Capture = Capture.None;
  let phonetic = 0;

  const open = (tag: string, a: SheetScanner): void => {
    if (inCell) {
      if (tag === 'v') {
        capture = Capture.Value;
        if (cValue === null && cNum < 0) cValue = '';
      } else if (tag === 'f') cFormula = true;
      else if (tag === 'rPh') phonetic++;
      else if (tag === 't' && phonetic === 0) {
        capture = Capture.Inline;
        cInline = cInline ?? '';
      }
      return;
    }
    if (tag === 'c' && inSheetData) {
      const r = a.cellRef();
      if (r !== 0) {
        if (r < 0) throw damaged(ctx.label);
        if (r !== rowNum) startRow(r);
        col = a.refColumn;
      } else {
        if (!rowCells) startRow(rowNum + 1);
        col++;
      }
      if (col > limits.maxColumn) throw tooLarge(ctx, name, `的列数超过 ${limits.maxColumn} 列`);
      inCell = true;
      cType = a.cellType() ?? 'n';
      cStyle = a.numAttr('s', 0) || 0;
      cFormula = false;
      cValue = null;
      cNum = -1;
      cInline = null;
    } else if (tag === 'row' && inSheetData) {
      startRow(a.numAttr('r', rowNum + 1));
    } else if (tag === 'sheetData') inSheetData = true;
    else if (tag === 'mergeCell') {
      const area = parseRange(a.attr('ref') ?? '');
      if (!area) return;
      if (area.bottom > limits.maxRow || area.right > limits.maxColumn) {
        throw tooLarge(ctx, name, '的合并单元格超出工作表范围');
      }
      if (merges.length >= limits.maxMerges)
        throw tooLarge(ctx, name, `的合并单元格超过 ${limits.maxMerges} 个`);
      merges.push(area);
    }
  };
  const text = (a: SheetScanner): void => {
    if (capture === Capture.Value) {
      // A shared string's index or a whole number: read as a number, no string made.
      if (cValue === '' && (cType === 's' || cType === 'n')) {
        const d = a.textDigits();
        if (d >= 0) {
          cNum = d;
          cValue = null;
          return;
        }
      }
      if (cNum >= 0) {
        cValue = String(cNum);
        cNum = -1;
      }
      cValue += a.text();
    } else if (capture === Capture.Inline) cInline += a.text();
  };
  const close = (tag: string): void => {
    if (inCell) {
      if (tag === 'v' || tag === 't') capture = Capture.None;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'c') {
        inCell = false;
        capture = Capture.None;
        const cell = makeCell(cType, cValue, cNum, cInline, cFormula, cStyle, s);
        if (cell === EMPTY_CELL) return;
        if (++ctx.cells > limits.maxCells) {
          throw new WorkbookError(
            'too-large',
            `工作簿中有内容的单元格超过 ${limits.maxCells} 个，超出本工具能检查的范围：${ctx.label} 请把台账拆分成较小的文件后再检查。`,
          );
        }
        put(rowCells!, col, cell);
        if (rowNum < used.top) used.top = rowNum;
        if (rowNum > used.bottom) used.bottom = rowNum;
        if (col < used.left) used.left = col;
        if (col > used.right) used.right = col;
      }
      return;
    }
    if (tag === 'row') rowCells = null;
    else if (tag === 'sheetData') inSheetData = false;
  };

  function startRow(r: number): void {
    if (!Number.isInteger(r) || r < 1) throw damaged(ctx.label);
    if (r > limits.maxRow) throw tooLarge(ctx, name, `的行号超过 Excel 的上限 ${limits.maxRow} 行`);
    rowNum = r;
    col = 0;
    rowCells = rows[r] ?? null;
    if (!rowCells) {
      rowCells = [];
      rows[r] = rowCells;
    }
  }

  streamSheet(ctx, e, limits.maxSheetBytes, new SheetScanner({ open, text, close }));
  return buildGrid(ctx, name, rows, used, merges, s.dateSystem);
}

/** Where the cells with content lie: the bounds of the used range (bottom 0: none). */
interface Used {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Puts a cell at column `col` of a row kept dense (every place before it filled with the empty
 * cell as it goes, so the grid is built without a pass to fill holes).
 */
function put(row: Cell[], col: number, cell: Cell): void {
  const i = col - 1;
  if (i < row.length) row[i] = cell;
  else {
    while (row.length < i) row.push(EMPTY_CELL);
    row.push(cell);
  }
}

/** The rows read (by sheet row), trimmed to the used range; merged areas' other cells emptied. */
function buildGrid(
  ctx: Context,
  name: string,
  rows: (Cell[] | undefined)[],
  used: Used,
  merges: MergedArea[],
  dateSystem: 1900 | 1904,
): Grid {
  const { top, bottom, left, right } = used;
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const grid: Grid = { sheet: name, firstRow: 1, firstColumn: 1, cells: [], merges, dateSystem };
  if (bottom === 0) return grid;

  grid.firstRow = top;
  grid.firstColumn = left;
  const cells: Cell[][] = new Array(bottom - top + 1);
  for (let i = 0; i < cells.length; i++) {
    const src = rows[top + i];
    // The usual case (left 1): the row array is used as it is.
    cells[i] = !src ? [] : left === 1 ? src : src.slice(left - 1);
  }
  grid.cells = cells;

  // A merged area's other cells are empty, as Excel shows them (a file may still carry values
  // there). Only the part inside the used range costs anything; overlapping areas, which Excel
  // never writes, are bounded by a work budget.
  let budget = cells.length * (right - left + 1) + 10_000_000;
  for (const m of merges) {
    const r1 = Math.max(m.top, top);
    const r2 = Math.min(m.bottom, bottom);
    for (let r = r1; r <= r2; r++) {
      const row = cells[r - top];
      const c1 = Math.max(m.left, left);
      const c2 = Math.min(m.right, left + row.length - 1);
      budget -= Math.max(0, c2 - c1 + 1);
      if (budget < 0) throw tooLarge(ctx, name, '的合并单元格互相重叠');
      for (let c = c1; c <= c2; c++) {
        if (r === m.top && c === m.left) continue;
        // (Any cell but the empty one holds content or a formula.)
        if (row[c - left] !== EMPTY_CELL) row[c - left] = EMPTY_CELL;
      }
    }
  }
  return grid;
}

/** Reads every worksheet of an .xlsx package (already known to be a zip). */
export function readXlsx(
  bytes: Uint8Array,
  entries: Map<string, ZipEntry>,
  limits: Limits,
  label: string,
): Grid[] {
  const ctx: Context = { bytes, entries, limits, label, cells: 0 };
  let workbookPart = 'xl/workbook.xml';
  for (const r of readRels(ctx, '').values()) {
    if (REL_OFFICE_DOCUMENT.test(r.type)) workbookPart = r.target;
  }
  const info = readWorkbookPart(ctx, workbookPart);
  const formats = readStyles(ctx, info.stylesPart);
  const strings = readSharedStrings(ctx, info.sharedStringsPart);
  const dateStyles = formats.map((f) => f !== null && isDateFormat(f));
  const state: SheetState = {
    strings,
    formats,
    dateStyles,
    dateSystem: info.date1904 ? 1904 : 1900,
    stringCells: [],
    dateCells: [],
  };
  const grids: Grid[] = [];
  for (const sheet of info.sheets) {
    const e = sheet.part ? findEntry(entries, sheet.part) : undefined;
    if (!e) {
      throw new WorkbookError(
        'unreadable',
        `工作表“${sheet.name}”的内容在文件中缺失，文件已损坏：${label} 请在 Excel 中打开它，另存为新的 .xlsx 文件后再检查。`,
      );
    }
    grids.push(readSheet(ctx, sheet.name, e, state));
  }
  return grids;
}
