/**
 * The .xlsx reader: the zip's bytes in, one Grid per worksheet out, in one pass over each part.
 *
 * Each worksheet part is inflated in chunks and fed straight to our own strict scanner
 * (./sheetScanner.ts, checked against saxes in tests/cli/sheetScanner.test.ts), so a sheet is never
 * held whole as text; the small parts (workbook, relationships, styles, shared strings) go
 * through saxes; values, types, number formats (for dates), shared strings and
 * the merge list are all that is read (no styles model beyond the number format of each style).
 * Every cap in LIMITS is checked as the data arrives. No Node API: the task pane loads this too.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { serialToIso } from '../core/calendar';
import type { Cell, Grid, MergedArea } from '../core/types';
import { WorkbookError, damaged } from './errors';
import type { Limits } from './limits';
import { SheetScanner } from './sheetScanner';
import { isDateFormat } from '../core/numberFormat';
import { BUILTIN_FORMATS } from './numberFormats';
import { entryText, findEntry, inflateEntry, type ZipEntry } from './zip';

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

/** Local name of a possibly prefixed element ('x:row' → 'row'). */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Attribute by local name (prefixes vary: r:id, relationships:id). */
function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const a = tag.attributes as Record<string, string>;
  if (name in a) return a[name];
  for (const k in a) if (local(k) === name) return a[k];
  return undefined;
}

/** Parses a whole small XML text, calling `open`/`close`/`text`. Broken XML: the damaged sentence. */
function parseXml(
  xml: string,
  label: string,
  handlers: {
    open?: (t: SaxesTagPlain) => void;
    close?: (t: SaxesTagPlain) => void;
    text?: (s: string) => void;
  },
): void {
  const p = new SaxesParser();
  if (handlers.open) p.on('opentag', handlers.open);
  if (handlers.close) p.on('closetag', handlers.close);
  if (handlers.text) p.on('text', handlers.text);
  try {
    p.write(xml).close();
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
  parseXml(xml, ctx.label, {
    open(t) {
      if (local(t.name) !== 'Relationship') return;
      const id = attr(t, 'Id');
      const target = attr(t, 'Target');
      if (!id || !target || attr(t, 'TargetMode') === 'External') return;
      out.set(id, { type: attr(t, 'Type') ?? '', target: resolvePart(dir, target) });
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

/** `_xHHHH_` is how OOXML writes a character XML cannot carry (ST_Xstring). */
export function decodeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

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
  parseXml(xml, ctx.label, {
    open(t) {
      const name = local(t.name);
      if (name === 'workbookPr') {
        const v = (attr(t, 'date1904') ?? '').trim().toLowerCase();
        info.date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const rel = rels.get(attr(t, 'id') ?? '');
        // Chart sheets and dialog sheets hold no cells.
        if (rel && !REL_WORKSHEET.test(rel.type)) return;
        info.sheets.push({ name: attr(t, 'name') ?? '', part: rel ? rel.target : null });
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
  parseXml(xml, ctx.label, {
    open(t) {
      const name = local(t.name);
      if (name === 'numFmt') custom.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(attr(t, 'numFmtId') ?? 0));
    },
    close(t) {
      if (local(t.name) === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => {
    const f = custom.get(id) ?? BUILTIN_FORMATS[id];
    return f === undefined || f === '' || f === 'General' ? null : f;
  });
}

/** The shared strings: rich text runs joined, phonetic guides (rPh) left out. */
function readSharedStrings(ctx: Context, part: string | null): string[] {
  const e = part ? findEntry(ctx.entries, part) : undefined;
  if (!e) return [];
  const out: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const name = local(t.name);
    if (name === 'si') current = [];
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && current && phonetic === 0) inT = true;
  });
  p.on('closetag', (t) => {
    const name = local(t.name);
    if (name === 'si' && current) {
      out.push(decodeXString(current.join('')));
      current = null;
    } else if (name === 'rPh') phonetic--;
    else if (name === 't') inT = false;
  });
  p.on('text', (s) => {
    if (inT && current) current.push(s);
  });
  streamXml(ctx, e, ctx.limits.maxSharedStringsBytes, p);
  return out;
}

/** Inflates a part straight into a parser, chunk by chunk. */
function streamXml(ctx: Context, e: ZipEntry, cap: number, p: SaxesParser): void {
  const decoder = new TextDecoder('utf-8');
  try {
    inflateEntry(ctx.bytes, e, cap, ctx.limits, ctx.label, (chunk) => {
      try {
        p.write(decoder.decode(chunk, { stream: true }));
      } catch (err) {
        throw err instanceof WorkbookError ? err : damaged(ctx.label);
      }
    });
    p.write(decoder.decode());
    p.close();
  } catch (err) {
    if (err instanceof WorkbookError) throw err;
    throw damaged(ctx.label);
  }
}

/** Inflates a worksheet part straight into the scanner, chunk by chunk. */
function streamSheet(ctx: Context, e: ZipEntry, cap: number, p: SheetScanner): void {
  const decoder = new TextDecoder('utf-8');
  try {
    inflateEntry(ctx.bytes, e, cap, ctx.limits, ctx.label, (chunk) => {
      p.write(decoder.decode(chunk, { stream: true }));
    });
    p.write(decoder.decode());
    p.close();
  } catch (err) {
    if (err instanceof WorkbookError) throw err;
    throw damaged(ctx.label);
  }
}

const EMPTY_CELL = (): Cell => ({ type: 'empty', value: null });

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

/** The column of the reference `cellRow` read last. */
let refColumn = 0;

/** parseRef without an array per cell: 'AB12' → 12 (and refColumn = 28); -1 when no reference. */
function cellRow(ref: string): number {
  let col = 0;
  let i = 0;
  const n = ref.length;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3) return -1;
  // Plain digits (what every writer puts here) are read directly; anything else as parseRef does.
  let row = 0;
  let j = i;
  for (; j < n; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (j !== n || j === i || row > 1e15) {
    const rc = parseRef(ref);
    if (!rc) return -1;
    row = rc[0];
  } else if (row < 1) return -1;
  refColumn = col;
  return row;
}

function parseRange(ref: string): MergedArea | null {
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
}

function tooLarge(ctx: Context, sheet: string, what: string): WorkbookError {
  return new WorkbookError(
    'too-large',
    `工作表“${sheet}”${what}，超出 Excel 本身的上限或本工具能检查的范围：${ctx.label} 请在 Excel 中打开核对，必要时拆分成较小的文件后再检查。`,
  );
}

function makeCell(
  t: string,
  raw: string | null,
  inline: string | null,
  formula: boolean,
  style: number,
  s: SheetState,
): Cell {
  let cell: Cell;
  const format = s.formats[style] ?? null;
  if (t === 'inlineStr') {
    const text = inline === null ? '' : decodeXString(inline);
    cell = text === '' ? EMPTY_CELL() : { type: 'text', value: text };
  } else if (raw === null || raw === '') {
    cell = EMPTY_CELL();
  } else if (t === 's') {
    const text = s.strings[Number(raw)];
    cell = text === undefined || text === '' ? EMPTY_CELL() : { type: 'text', value: text };
  } else if (t === 'str') {
    const text = decodeXString(raw);
    cell = text === '' ? EMPTY_CELL() : { type: 'text', value: text };
  } else if (t === 'b') {
    cell = { type: 'boolean', value: raw.trim() === '1' || raw.trim().toLowerCase() === 'true' };
  } else if (t === 'e') {
    cell = { type: 'error', value: raw.trim() };
  } else if (t === 'd') {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim());
    cell = m ? { type: 'date', value: m[1], format: format ?? 'yyyy-mm-dd' } : { type: 'text', value: raw };
  } else {
    const n = Number(raw);
    if (!Number.isFinite(n) || raw.trim() === '') cell = { type: 'error', value: '#NUM!' };
    else if (format !== null && s.dateStyles[style]) {
      const iso = serialToIso(n, s.dateSystem);
      cell = iso ? { type: 'date', value: iso, format } : { type: 'number', value: n, format };
    } else cell = { type: 'number', value: n, format: format ?? 'General' };
  }
  if (formula) cell.formula = true;
  return cell;
}

/** Reads one worksheet part into a Grid. */
function readSheet(ctx: Context, name: string, e: ZipEntry, s: SheetState): Grid {
  const { limits } = ctx;
  const rows = new Map<number, Cell[]>();
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
  let cInline: string | null = null;
  let capture: 'v' | 't' | null = null;
  let phonetic = 0;

  const open = (tag: string, a: SheetScanner): void => {
    if (inCell) {
      if (tag === 'v') {
        capture = 'v';
        cValue = cValue ?? '';
      } else if (tag === 'f') cFormula = true;
      else if (tag === 'rPh') phonetic++;
      else if (tag === 't' && phonetic === 0) {
        capture = 't';
        cInline = cInline ?? '';
      }
      return;
    }
    if (tag === 'c' && inSheetData) {
      const ref = a.r;
      if (ref !== undefined) {
        const r = cellRow(ref);
        if (r < 0) throw damaged(ctx.label);
        if (r !== rowNum) startRow(r);
        col = refColumn;
      } else {
        if (!rowCells) startRow(rowNum + 1);
        col++;
      }
      if (col > limits.maxColumn) throw tooLarge(ctx, name, `的列数超过 ${limits.maxColumn} 列`);
      inCell = true;
      cType = a.t ?? 'n';
      cStyle = a.s === undefined ? 0 : Number(a.s) || 0;
      cFormula = false;
      cValue = null;
      cInline = null;
    } else if (tag === 'row' && inSheetData) {
      const r = a.r;
      startRow(r === undefined ? rowNum + 1 : Number(r));
    } else if (tag === 'sheetData') inSheetData = true;
    else if (tag === 'mergeCell') {
      const area = parseRange(a.ref ?? '');
      if (!area) return;
      if (area.bottom > limits.maxRow || area.right > limits.maxColumn) {
        throw tooLarge(ctx, name, '的合并单元格超出工作表范围');
      }
      if (merges.length >= limits.maxMerges)
        throw tooLarge(ctx, name, `的合并单元格超过 ${limits.maxMerges} 个`);
      merges.push(area);
    }
  };
  const text = (text: string): void => {
    if (capture === 'v') cValue += text;
    else if (capture === 't') cInline += text;
  };
  const close = (tag: string): void => {
    if (inCell) {
      if (tag === 'v' || tag === 't') capture = null;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'c') {
        inCell = false;
        capture = null;
        const cell = makeCell(cType, cValue, cInline, cFormula, cStyle, s);
        if (cell.type === 'empty' && !cell.formula) return;
        if (++ctx.cells > limits.maxCells) {
          throw new WorkbookError(
            'too-large',
            `工作簿中有内容的单元格超过 ${limits.maxCells} 个，超出本工具能检查的范围：${ctx.label} 请把台账拆分成较小的文件后再检查。`,
          );
        }
        rowCells![col - 1] = cell;
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
    rowCells = rows.get(r) ?? null;
    if (!rowCells) {
      rowCells = [];
      rows.set(r, rowCells);
    }
  }

  streamSheet(ctx, e, limits.maxSheetBytes, new SheetScanner({ open, text, close }));
  return buildGrid(ctx, name, rows, merges, s.dateSystem);
}

/** The rows read, trimmed to the cells with content; merged areas' other cells emptied. */
function buildGrid(
  ctx: Context,
  name: string,
  rows: Map<number, Cell[]>,
  merges: MergedArea[],
  dateSystem: 1900 | 1904,
): Grid {
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  for (const [r, cells] of rows) {
    if (cells.length === 0) continue;
    let first = 0;
    while (first < cells.length && cells[first] === undefined) first++;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (first + 1 < left) left = first + 1;
    if (cells.length > right) right = cells.length;
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const grid: Grid = { sheet: name, firstRow: 1, firstColumn: 1, cells: [], merges, dateSystem };
  if (bottom === 0) return grid;

  grid.firstRow = top;
  grid.firstColumn = left;
  const cells: Cell[][] = new Array(bottom - top + 1);
  for (let i = 0; i < cells.length; i++) {
    const src = rows.get(top + i);
    if (!src) {
      cells[i] = [];
    } else if (left === 1) {
      // The usual case: the row array is used as it is, its holes filled.
      for (let c = 0; c < src.length; c++) if (src[c] === undefined) src[c] = EMPTY_CELL();
      cells[i] = src;
    } else {
      const row: Cell[] = new Array(Math.max(0, src.length - left + 1));
      for (let c = left - 1; c < src.length; c++) row[c - left + 1] = src[c] ?? EMPTY_CELL();
      cells[i] = row;
    }
    rows.delete(top + i);
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
        if (row[c - left].type !== 'empty' || row[c - left].formula) row[c - left] = EMPTY_CELL();
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
  const state: SheetState = { strings, formats, dateStyles, dateSystem: info.date1904 ? 1904 : 1900 };
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
