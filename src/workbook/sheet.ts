/**
 * One worksheet part → a Grid. The part's text comes in large pieces; the plainest markup (a
 * cell with a reference, style, type and a <v>, a row's start, a merged area) is read by hand
 * (./plainMarkup.ts) where the scanner stands between tokens inside a <row> (or <mergeCells>),
 * and everything else goes through the strict scanner (./sheetScanner.ts) as events. Both paths
 * end in the same few methods (startRow, startCell, endCell, addMerge), so a cell means the same
 * however it was read. Every cap in LIMITS is checked as the data arrives.
 */
import type { Cell, Grid, MergedArea } from '../core/types';
import { EMPTY_CELL, makeCell, put, type SheetState } from './cells';
import { WorkbookError, damaged } from './errors';
import type { Limits } from './limits';
import { PlainMarkup } from './plainMarkup';
import { parseRange } from './ranges';
import { BAD_CHAR, ScanError, SheetScanner, isSpace } from './sheetScanner';

/** What the reader needs of the workbook being read. */
export interface SheetContext {
  limits: Limits;
  label: string;
  /** Cells read so far over the workbook. */
  cells: number;
}

function tooLarge(ctx: SheetContext, sheet: string, what: string): WorkbookError {
  return new WorkbookError(
    'too-large',
    `工作表“${sheet}”${what}，超出 Excel 本身的上限或本工具能检查的范围：${ctx.label} 请在 Excel 中打开核对，必要时拆分成较小的文件后再检查。`,
  );
}

/** What the text inside a cell goes to. */
const Capture = { None: 0, Value: 1, Inline: 2 } as const;
type Capture = (typeof Capture)[keyof typeof Capture];

/** Where the cells with content lie: the bounds of the used range (bottom 0: none). */
interface Used {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The next '<c' or '<m' at or after `from` (where plain cells or merged areas may start again). */
function nextStart(piece: string, from: number): number {
  for (let i = piece.indexOf('<', from); i >= 0; i = piece.indexOf('<', i + 1)) {
    const c = piece.charCodeAt(i + 1);
    if (c === 99 /* c */ || c === 109 /* m */) return i;
  }
  return -1;
}

/** Reads one worksheet: `write` its text in pieces, then `finish`. Also the scanner's handler. */
export class SheetReader {
  // The rows by sheet row number (an array with holes: rows may come in any order).
  private readonly rows: (Cell[] | undefined)[] = [];
  private readonly used: Used = { top: Infinity, bottom: 0, left: Infinity, right: 0 };
  private readonly merges: MergedArea[] = [];
  private rowNum = 0;
  private rowCells: Cell[] | null = null;
  private col = 0;
  private inSheetData = false;
  // The cell being read.
  private inCell = false;
  private cType = 'n';
  private cStyle = 0;
  private cFormula = false;
  private cValue: string | null = null;
  private cNum = -1;
  private cInline: string | null = null;
  private capture: Capture = Capture.None;
  private phonetic = 0;
  private readonly scanner: SheetScanner;
  private readonly plain = new PlainMarkup();

  constructor(
    private readonly ctx: SheetContext,
    private readonly name: string,
    private readonly s: SheetState,
    /** False: every piece through the scanner (the tests compare the two ways). */
    private readonly readPlain = true,
  ) {
    this.scanner = new SheetScanner(this);
  }

  // ---- The text, in pieces ----

  write(piece: string): void {
    if (!this.readPlain) return this.scanner.write(piece);
    // The scanner checks the pieces it is given; the markup read by hand is checked here.
    if (BAD_CHAR.test(piece)) throw new ScanError('character');
    this.plain.reset(piece);
    const n = piece.length;
    let p = 0;
    while (p < n) {
      if (!this.inCell) {
        const at = this.scanner.restingIn();
        if (at === 'row' && this.inSheetData) p = this.plainCells(piece, p);
        else if (at === 'mergeCells') p = this.plainMerges(p);
        if (p >= n) return;
      }
      // The rest up to the next place plain markup may start again to the scanner (all of it
      // when that place lies inside a comment, CDATA or a tag).
      p = this.scanner.writeUntil(piece, p, nextStart(piece, p + 1));
      if (p < 0) return;
    }
  }

  finish(): Grid {
    this.scanner.close();
    return buildGrid(this.ctx, this.name, this.rows, this.used, this.merges, this.s.dateSystem);
  }

  /**
   * Plain cells, white space between them, and a row's end followed by the next row's start,
   * read by hand from `p`; returns where the first other markup begins.
   */
  private plainCells(piece: string, p: number): number {
    const n = piece.length;
    while (p < n) {
      const c = piece.charCodeAt(p);
      if (c !== 60 /* < */) {
        // White space between cells is text the handler ignores.
        if (!isSpace(c)) return p;
        p++;
        continue;
      }
      const next = piece.charCodeAt(p + 1);
      const end =
        next === 99 /* c */
          ? this.plainCell(piece, p)
          : next === 47 /* / */ && piece.startsWith('</row>', p)
            ? this.nextRow(piece, p + 6)
            : -1;
      if (end < 0) return p;
      p = end;
    }
    return p;
  }

  /**
   * The plain cell at `p`; returns the position after it, or -1. (A method of its own, as are
   * nextRow and PlainMarkup.cell, so that V8 compiles each once at its size instead of inlining
   * all into the loop above: at 10k rows compiling was most of the first thousand rows' time.)
   */
  private plainCell(piece: string, p: number): number {
    const m = this.plain;
    const end = m.cell(p);
    if (end < 0) return -1;
    this.startCell(m.row, m.column, m.type, m.style);
    if (m.valueFrom >= 0) this.plainValue(piece, m.valueFrom, m.valueTo, m.number);
    this.endCell();
    return end;
  }

  /**
   * After a row's end at `p - 6`: the next row's start, read only together with that end, so the
   * scanner still has one <row> open after it. Returns the position after it, or -1.
   */
  private nextRow(piece: string, i: number): number {
    const m = this.plain;
    while (i < piece.length && isSpace(piece.charCodeAt(i))) i++;
    const end = m.rowStart(i);
    if (end < 0) return -1;
    this.rowCells = null;
    this.startRow(m.row === 0 ? this.rowNum + 1 : m.row);
    return end;
  }

  /** A plain <v>'s text, as the scanner's text events would have set it. */
  private plainValue(piece: string, from: number, to: number, digits: number): void {
    this.cValue = '';
    if (to === from) return;
    if (digits >= 0 && (this.cType === 's' || this.cType === 'n')) {
      this.cNum = digits;
      this.cValue = null;
      return;
    }
    this.cValue = piece.slice(from, to);
  }

  /** Plain merged areas from `p` (./plainMarkup.ts); returns where other markup begins. */
  private plainMerges(p: number): number {
    const { limits } = this.ctx;
    return this.plain.mergeCells(p, this.merges, limits.maxRow, limits.maxColumn, limits.maxMerges);
  }

  // ---- The scanner's events ----

  open(tag: string, a: SheetScanner): void {
    if (this.inCell) {
      if (tag === 'v') {
        this.capture = Capture.Value;
        if (this.cValue === null && this.cNum < 0) this.cValue = '';
      } else if (tag === 'f') this.cFormula = true;
      else if (tag === 'rPh') this.phonetic++;
      else if (tag === 't' && this.phonetic === 0) {
        this.capture = Capture.Inline;
        this.cInline = this.cInline ?? '';
      }
      return;
    }
    if (tag === 'c' && this.inSheetData) {
      const r = a.cellRef();
      if (r < 0) throw damaged(this.ctx.label);
      this.startCell(r, a.refColumn, a.cellType() ?? 'n', a.numAttr('s', 0) || 0);
    } else if (tag === 'row' && this.inSheetData) {
      this.startRow(a.numAttr('r', this.rowNum + 1));
    } else if (tag === 'sheetData') this.inSheetData = true;
    else if (tag === 'mergeCell') this.addMerge(parseRange(a.attr('ref') ?? ''));
  }

  text(a: SheetScanner): void {
    if (this.capture === Capture.Value) {
      // A shared string's index or a whole number: read as a number, no string made.
      if (this.cValue === '' && (this.cType === 's' || this.cType === 'n')) {
        const d = a.textDigits();
        if (d >= 0) {
          this.cNum = d;
          this.cValue = null;
          return;
        }
      }
      if (this.cNum >= 0) {
        this.cValue = String(this.cNum);
        this.cNum = -1;
      }
      this.cValue += a.text();
    } else if (this.capture === Capture.Inline) this.cInline += a.text();
  }

  close(tag: string): void {
    if (this.inCell) {
      if (tag === 'v' || tag === 't') this.capture = Capture.None;
      else if (tag === 'rPh') this.phonetic--;
      else if (tag === 'c') this.endCell();
      return;
    }
    if (tag === 'row') this.rowCells = null;
    else if (tag === 'sheetData') this.inSheetData = false;
  }

  // ---- What both paths do ----

  /** A cell begins: its reference's row (0: none, the next column) and column, type and style. */
  private startCell(r: number, refColumn: number, type: string, style: number): void {
    const { limits } = this.ctx;
    if (r !== 0) {
      if (r !== this.rowNum) this.startRow(r);
      this.col = refColumn;
    } else {
      if (!this.rowCells) this.startRow(this.rowNum + 1);
      this.col++;
    }
    if (this.col > limits.maxColumn) throw tooLarge(this.ctx, this.name, `的列数超过 ${limits.maxColumn} 列`);
    this.inCell = true;
    this.cType = type;
    this.cStyle = style;
    this.cFormula = false;
    this.cValue = null;
    this.cNum = -1;
    this.cInline = null;
  }

  /** The cell ends: made from what was read, and put in its row unless empty. */
  private endCell(): void {
    const { ctx } = this;
    this.inCell = false;
    this.capture = Capture.None;
    const cell = makeCell(
      this.cType,
      this.cValue,
      this.cNum,
      this.cInline,
      this.cFormula,
      this.cStyle,
      this.s,
    );
    if (cell === EMPTY_CELL) return;
    if (++ctx.cells > ctx.limits.maxCells) {
      throw new WorkbookError(
        'too-large',
        `工作簿中有内容的单元格超过 ${ctx.limits.maxCells} 个，超出本工具能检查的范围：${ctx.label} 请把台账拆分成较小的文件后再检查。`,
      );
    }
    const { used, rowNum, col } = this;
    put(this.rowCells!, col, cell);
    if (rowNum < used.top) used.top = rowNum;
    if (rowNum > used.bottom) used.bottom = rowNum;
    if (col < used.left) used.left = col;
    if (col > used.right) used.right = col;
  }

  private startRow(r: number): void {
    const { limits } = this.ctx;
    if (!Number.isInteger(r) || r < 1) throw damaged(this.ctx.label);
    if (r > limits.maxRow) throw tooLarge(this.ctx, this.name, `的行号超过 Excel 的上限 ${limits.maxRow} 行`);
    this.rowNum = r;
    this.col = 0;
    let cells = this.rows[r];
    if (!cells) {
      cells = [];
      this.rows[r] = cells;
    }
    this.rowCells = cells;
  }

  private addMerge(area: MergedArea | null): void {
    const { limits } = this.ctx;
    if (!area) return;
    if (area.bottom > limits.maxRow || area.right > limits.maxColumn) {
      throw tooLarge(this.ctx, this.name, '的合并单元格超出工作表范围');
    }
    if (this.merges.length >= limits.maxMerges)
      throw tooLarge(this.ctx, this.name, `的合并单元格超过 ${limits.maxMerges} 个`);
    this.merges.push(area);
  }
}

/** The rows read (by sheet row), trimmed to the used range; merged areas' other cells emptied. */
function buildGrid(
  ctx: SheetContext,
  name: string,
  rows: (Cell[] | undefined)[],
  used: Used,
  merges: MergedArea[],
  dateSystem: 1900 | 1904,
): Grid {
  const { top, bottom, left } = used;
  if (!inOrder(merges)) merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const grid: Grid = { sheet: name, firstRow: 1, firstColumn: 1, cells: [], merges, dateSystem };
  if (bottom === 0) return grid;
  grid.firstRow = top;
  grid.firstColumn = left;
  grid.cells = usedRows(rows, used);
  if (!emptyMergedCells(grid.cells, merges, used)) throw tooLarge(ctx, name, '的合并单元格互相重叠');
  return grid;
}

/**
 * True when the merged areas already come by top, then left (as writers list them): the sort's
 * comparator, called from the sort for each area, took 1–6 ms at 10k rows; this loop about 0.3.
 */
function inOrder(merges: MergedArea[]): boolean {
  for (let k = 1; k < merges.length; k++) {
    const a = merges[k - 1];
    const b = merges[k];
    if (a.top > b.top || (a.top === b.top && a.left > b.left)) return false;
  }
  return true;
}

// (buildGrid's loops are functions of their own: V8 compiles a long-running loop together with
// the whole function around it, and one function with both loops cost 10–25 ms of compiling
// and slow first passes at 10k–50k rows; small ones about 3.)

/** The rows of the used range, each from its left column (the usual left 1: the row itself). */
function usedRows(rows: (Cell[] | undefined)[], used: Used): Cell[][] {
  const { top, bottom, left } = used;
  if (left === 1) {
    // The usual sheet, every row from column A and none missing: one native copy, no loop of
    // ours for V8 to compile on the stack (includes() reads a hole as undefined).
    const dense = rows.slice(top, bottom + 1);
    if (!dense.includes(undefined)) return dense as Cell[][];
  }
  const cells: Cell[][] = new Array(bottom - top + 1);
  for (let i = 0; i < cells.length; i++) {
    const src = rows[top + i];
    cells[i] = !src ? [] : left === 1 ? src : src.slice(left - 1);
  }
  return cells;
}

/**
 * A merged area's other cells are empty, as Excel shows them (a file may still carry values
 * there). Only the part inside the used range costs anything; overlapping areas, which Excel
 * never writes, are bounded by a work budget: false when it runs out.
 */
function emptyMergedCells(cells: Cell[][], merges: MergedArea[], used: Used): boolean {
  const { top, bottom, left, right } = used;
  let budget = cells.length * (right - left + 1) + 10_000_000;
  for (let k = 0; k < merges.length; k++) {
    const m = merges[k];
    const r1 = Math.max(m.top, top);
    const r2 = Math.min(m.bottom, bottom);
    for (let r = r1; r <= r2; r++) {
      const row = cells[r - top];
      const c1 = Math.max(m.left, left);
      const c2 = Math.min(m.right, left + row.length - 1);
      budget -= Math.max(0, c2 - c1 + 1);
      if (budget < 0) return false;
      for (let c = c1; c <= c2; c++) {
        if (r === m.top && c === m.left) continue;
        // (Any cell but the empty one holds content or a formula.)
        if (row[c - left] !== EMPTY_CELL) row[c - left] = EMPTY_CELL;
      }
    }
  }
  return true;
}
