/**
 * A SheetPlan (src/core/sheetPlan.ts) as the XML of a new worksheet part, for the surgical
 * `--out` (src/cli/checkedWorkbook.ts). The Office.js host applies the same plans with its API.
 *
 * - Text is an inline string in a cell formatted '@' (Text), as the add-in writes it; text that
 *   starts like a formula (= + - @, tab, CR) also gets Excel's leading apostrophe (quotePrefix),
 *   so F2 then Enter in Excel keeps it text. Characters XML cannot carry are written `_xHHHH_`.
 * - A link is an in-workbook `<hyperlink location=…>` (no relationship), as Excel writes one.
 * - Merged areas carry the top-left cell's style on every covered cell (borders all round).
 * - Charts (plan.charts) are skipped, as in the exceljs writer; the Office.js host draws them.
 */
import { isoToSerial } from '../core/calendar';
import { DEFAULT_DATE_FORMAT } from '../core/protocol';
import type { PlanCell, PlanStyle, SheetPlan } from '../core/sheetPlan';
import { colName, escAttr, looksLikeFormula, quoteSheet, xstring } from './ooxml';
import type { StyleBook } from './styleBook';
import { ChunkPool, chunkPool } from './xlsxPackage';

export { DEFAULT_DATE_FORMAT };

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type Cell = Exclude<PlanCell, null>;
type Merge = SheetPlan['merges'][number];

function defaultStyle(cell: Cell): PlanStyle {
  return cell.kind === 'number' ? 'number' : 'cell';
}

/**
 * The StyleBook's cell formats, remembered by (shape, style, format). StyleBook.xf keys its own
 * cache by the spec's JSON, which for the 170,000 cells of a 逾期清单 at 50,000 rows cost more
 * than writing them. The book is asked only the first time, with the very spec it was always
 * asked with, so it appends the same formats in the same order.
 */
class CellFormats {
  private readonly texts = new Map<PlanStyle, number[]>();
  private readonly plains = new Map<PlanStyle, Map<string, number>>();
  constructor(private readonly styles: StyleBook) {}

  /** A text or link cell's format: Text ('@'), with the apostrophe when it looks like a formula. */
  text(style: PlanStyle, quotePrefix: boolean, link: boolean): number {
    let byFlags = this.texts.get(style);
    if (!byFlags) this.texts.set(style, (byFlags = [-1, -1, -1, -1]));
    const flags = (quotePrefix ? 1 : 0) | (link ? 2 : 0);
    if (byFlags[flags] < 0) byFlags[flags] = this.styles.xf({ style, format: '@', quotePrefix, link });
    return byFlags[flags];
  }

  /** A number's, a date's or a merged-over cell's format. */
  plain(style: PlanStyle, format: string): number {
    let byFormat = this.plains.get(style);
    if (!byFormat) this.plains.set(style, (byFormat = new Map()));
    let s = byFormat.get(format);
    if (s === undefined) byFormat.set(format, (s = this.styles.xf({ style, format })));
    return s;
  }

  of(cell: Cell): number {
    const style = cell.style ?? defaultStyle(cell);
    switch (cell.kind) {
      case 'text':
      case 'link':
        return this.text(style, looksLikeFormula(cell.text), cell.kind === 'link');
      case 'number':
        return this.plain(style, cell.format ?? 'General');
      case 'date':
        return this.plain(style, cell.format ?? DEFAULT_DATE_FORMAT);
    }
  }
}

/** UTF-8 bytes of each batch of pieces, straight into the chunk being filled (no copy). */
const UTF8 = new TextEncoder();
/** The size of the chunks XmlBytes hands over: about what the deflater takes in one go. */
const CHUNK_BYTES = ChunkPool.CHUNK_BYTES;

/**
 * A part's bytes as they are written: the pieces are gathered as strings, and every 32K
 * characters joined and encoded as UTF-8 into the chunk being filled (about 1 MB), which the
 * caller takes when it is full (to deflate it). A 逾期清单 of 14,000 rows is 14 MB of XML; kept
 * as one string until the end, its pieces were copied by every young-generation collection on
 * the way (a third of the time). Encoding in place (`encodeInto`) instead of a Buffer per 32K
 * characters that the deflater then copied into 1 MB batches: at 50,000 rows about 15 ms less
 * (measured in the real command, `--out`). Pieces are whole elements, so no character is ever
 * split between two chunks.
 */
class XmlBytes {
  private pieces: string[] = [];
  private size = 0;
  private chunk: Buffer | null = null;
  private used = 0;
  private chunks: Buffer[] = [];

  add(piece: string): void {
    this.pieces.push(piece);
    this.size += piece.length;
    if (this.size >= 32768) this.encode();
  }

  /** True when a chunk is ready to take. */
  get ready(): boolean {
    return this.chunks.length > 0;
  }

  private encode(): void {
    if (this.pieces.length === 0) return;
    const text = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    this.pieces = [];
    this.size = 0;
    // A UTF-16 code unit takes at most 3 bytes of UTF-8: room for that, or a fresh chunk.
    const room = text.length * 3;
    if (this.chunk === null || this.used + room > this.chunk.length) {
      this.seal();
      // From the pool PartDeflater gives chunks back to once zlib has read them (no page faults).
      this.chunk = chunkPool.take(Math.max(CHUNK_BYTES, room));
    }
    this.used += UTF8.encodeInto(text, this.used === 0 ? this.chunk : this.chunk.subarray(this.used)).written;
  }

  /** The chunk filled so far goes to the caller (its bytes are never written again). */
  private seal(): void {
    if (this.chunk !== null && this.used > 0) this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = null;
    this.used = 0;
  }

  /** Hands over the chunks made so far; with `all`, everything added. */
  take(all = false): Buffer[] {
    if (all) {
      this.encode();
      this.seal();
    }
    const chunks = this.chunks;
    this.chunks = [];
    return chunks;
  }
}

/** A merge that covers more than its own top-left cell. */
function isRealMerge(m: Merge): boolean {
  return !(m.bottom < m.top || m.right < m.left || (m.bottom === m.top && m.right === m.left));
}

/** A SheetPlan as the bytes of a worksheet part, whole (see planSheetChunks). */
export function planSheetXml(plan: SheetPlan, styles: StyleBook, dateSystem: 1900 | 1904): Buffer {
  return Buffer.concat([...planSheetChunks(plan, styles, dateSystem)]);
}

/**
 * A SheetPlan as the bytes of a worksheet part, in chunks of UTF-8 as they are made. Three
 * passes: the cells' formats in plan order, then the formats of cells merges cover (the StyleBook
 * numbers formats in the order first asked, so that order is kept), then the rows, written
 * straight out. The formats are all in the book before the first chunk comes.
 *
 * Kept as small functions on purpose: in a fresh process V8 compiles what runs hot, and one large
 * function (this generator held all three passes) took 30 ms of the optimising compiler's time.
 */
export function* planSheetChunks(
  plan: SheetPlan,
  styles: StyleBook,
  dateSystem: 1900 | 1904,
): Generator<Buffer> {
  const formats = new CellFormats(styles);
  const { withCells, width: cellsWidth, cellFormats } = askFormats(plan, formats);
  const { covered, merges, width } = mergedAreas(plan, formats, cellsWidth);
  const heights = rowHeightAttributes(plan.rowHeights ?? {});
  const rowNumbers = writtenRows(withCells, covered, plan.rowHeights ?? {});
  const last = rowNumbers.length ? rowNumbers[rowNumbers.length - 1] : 1;

  const out = new XmlBytes();
  const rows = new RowWriter(cellFormats, dateSystem);
  out.add(sheetHead(plan, width, last));
  out.add('<sheetData>');
  for (const r of rowNumbers) {
    const ht = heights.get(r) ?? '';
    const cells = plan.rows[r - 1] ?? [];
    const extra = covered.get(r);
    out.add(extra ? rows.mergedRow(r, ht, cells, extra) : rows.row(r, ht, cells));
    if (out.ready) yield* out.take();
  }
  out.add('</sheetData>');
  if (merges.length) out.add(`<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`);
  const linkBytes = rows.links.take(true);
  if (linkBytes.length > 0) {
    out.add('<hyperlinks>');
    yield* out.take(true);
    yield* linkBytes;
    out.add('</hyperlinks>');
  }
  out.add(
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
      `</worksheet>`,
  );
  yield* out.take(true);
}

/**
 * The last format asked for in one column, and what decided it (kind, style, number format,
 * apostrophe). A column of a plan is nearly always one kind of cell in one style (the 逾期清单's
 * 154,000 cells at 50,000 rows fall into about a dozen), so most cells take the column's last
 * format after four comparisons, and the lookup itself (`CellFormats.of`, two Map reads) runs
 * only when something changes. That also keeps the lookup out of pass 1's compiled loop (V8 does
 * not inline a call that rarely runs), which its optimising compiler took longest over.
 */
class ColumnFormat {
  private kind = '';
  private style: PlanStyle | undefined = undefined;
  private format: string | undefined = undefined;
  private quote = false;
  private id = -1;

  of(cell: Cell, formats: CellFormats): number {
    const kind = cell.kind;
    const style = cell.style;
    const format = kind === 'number' || kind === 'date' ? cell.format : undefined;
    const quote = kind === 'text' || kind === 'link' ? looksLikeFormula(cell.text) : false;
    if (kind !== this.kind || style !== this.style || format !== this.format || quote !== this.quote) {
      this.kind = kind;
      this.style = style;
      this.format = format;
      this.quote = quote;
      this.id = formats.of(cell);
    }
    return this.id;
  }
}

/**
 * Pass 1: every cell's format asked for, in plan order, and kept in that order for pass 3 (which
 * meets the cells in the same order); the rows with cells; the width. Kept so that the row
 * writer's code holds no format lookup: V8 inlined the whole lookup into it, and compiling that
 * (on its own thread, CPU time all the same) cost more than the lookups.
 *
 * Each row is asked in a function of its own (askRow): with the cells' loop inside this one, V8
 * compiled it twice, once while the 逾期清单's loop ran (on-stack replacement) and once more when
 * the 待补充清单 called it, each time with the whole lookup inlined: 13.6 ms of compiling at
 * 10,000 rows, 17 at 50,000; as a row function, compiled once as such, 7 and 8.
 */
function askFormats(
  plan: SheetPlan,
  formats: CellFormats,
): { withCells: number[]; width: number; cellFormats: number[] } {
  const withCells: number[] = [];
  const cellFormats: number[] = [];
  const columns: ColumnFormat[] = [];
  let width = 0;
  const rows = plan.rows;
  for (let i = 0; i < rows.length; i++) {
    const last = askRow(rows[i], columns, formats, cellFormats);
    if (last > 0) withCells.push(i + 1);
    if (last > width) width = last;
  }
  return { withCells, width, cellFormats };
}

/** One row of pass 1: its cells' formats onto `cellFormats`; the number of its last cell. */
function askRow(
  cells: PlanCell[],
  columns: ColumnFormat[],
  formats: CellFormats,
  cellFormats: number[],
): number {
  let last = 0;
  // An indexed loop without closures: the 逾期清单 has 154,000 cells at 50,000 rows.
  for (let j = 0; j < cells.length; j++) {
    const cell = cells[j];
    if (!cell) continue; // null, or a hole (forEach skipped those)
    let column = columns[j];
    if (column === undefined) columns[j] = column = new ColumnFormat();
    cellFormats.push(column.of(cell, formats));
    last = j + 1;
  }
  return last;
}

/**
 * Pass 2: the merged areas. The cells they cover carry the top-left cell's style (borders all
 * round): by row, column → XML, where the plan has no cell of its own.
 */
function mergedAreas(
  plan: SheetPlan,
  formats: CellFormats,
  cellsWidth: number,
): { covered: Map<number, Map<number, string>>; merges: string[]; width: number } {
  const covered = new Map<number, Map<number, string>>();
  const merges: string[] = [];
  let width = cellsWidth;
  for (const m of plan.merges) {
    if (!isRealMerge(m)) continue;
    const anchor = plan.rows[m.top - 1]?.[m.left - 1] ?? null;
    if (anchor) {
      const s = formats.plain(
        anchor.style ?? defaultStyle(anchor),
        anchor.kind === 'text' || anchor.kind === 'link' ? '@' : 'General',
      );
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          if ((plan.rows[r - 1]?.[c - 1] ?? null) !== null) continue;
          let row = covered.get(r);
          if (!row) covered.set(r, (row = new Map()));
          if (!row.has(c)) row.set(c, `<c r="${colName(c)}${r}" s="${s}"/>`);
        }
      }
    }
    merges.push(`<mergeCell ref="${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}"/>`);
    if (m.right > width) width = m.right;
  }
  return { covered, merges, width };
}

/** What closes a text cell, and a number's or a date's. */
const TEXT_END = '</t></is></c>';
const VALUE_END = '</v></c>';

/**
 * The fixed markup of a cell once its format is known, made once per format: each cell is then
 * four strings joined (the column's `<c r="B`, the row number, this, the value), not a template
 * of seven with the format turned into text each time. At 50,000 rows the 逾期清单 has 154,000
 * cells: every piece less is a string less for the young generation.
 */
class FormatMarkup {
  /** `" s="5" t="inlineStr"><is><t xml:space="preserve">`: a text's. */
  readonly text: string;
  /** `" s="5"><v>`: a number's or a date's. */
  readonly value: string;
  /** `" s="5"/>`: an empty cell's. */
  readonly empty: string;
  constructor(s: number) {
    this.text = `" s="${s}" t="inlineStr"><is><t xml:space="preserve">`;
    this.value = `" s="${s}"><v>`;
    this.empty = `" s="${s}"/>`;
  }
}

/** Pass 3: a row's XML, its links gathered for <hyperlinks>. */
class RowWriter {
  readonly links = new XmlBytes();
  /** Column letters, and `<c r="B` (a cell's opening up to its row number), by column. */
  private readonly columns: string[] = [''];
  private readonly openings: string[] = [''];
  private readonly markup: FormatMarkup[] = [];
  private readonly serials = new Map<string, number>();
  private readonly quoted = new Map<string, string>();
  /** The next cell's place in `formats`. */
  private next = 0;

  constructor(
    /** Each cell's format, in the order the cells are written (pass 1's order). */
    private readonly formats: number[],
    private readonly dateSystem: 1900 | 1904,
  ) {}

  row(r: number, ht: string, cells: PlanCell[]): string {
    const rs = String(r);
    let xml = `<row r="${rs}"${ht}>`;
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j];
      if (cell) xml += this.cell(rs, j + 1, cell);
    }
    return xml + '</row>';
  }

  /** A row some merged area covers: its own cells and the covered ones, in column order. */
  mergedRow(r: number, ht: string, cells: PlanCell[], covered: Map<number, string>): string {
    const rs = String(r);
    const byColumn = new Map(covered);
    cells.forEach((cell, j) => {
      if (cell !== null) byColumn.set(j + 1, this.cell(rs, j + 1, cell));
    });
    const columns = [...byColumn.keys()].sort((a, b) => a - b);
    return `<row r="${rs}"${ht}>${columns.map((c) => byColumn.get(c)).join('')}</row>`;
  }

  private column(c: number): string {
    while (this.columns.length <= c) {
      const letters = colName(this.columns.length);
      this.columns.push(letters);
      this.openings.push(`<c r="${letters}`);
    }
    return this.columns[c];
  }

  private opening(c: number): string {
    if (c >= this.openings.length) this.column(c);
    return this.openings[c];
  }

  private markupOf(s: number): FormatMarkup {
    let m = this.markup[s];
    if (m === undefined) this.markup[s] = m = new FormatMarkup(s);
    return m;
  }

  private cell(rs: string, c: number, cell: Cell): string {
    const open = this.opening(c) + rs;
    const m = this.markupOf(this.formats[this.next++]);
    switch (cell.kind) {
      case 'link':
        this.link(c, rs, cell);
        return this.text(open, m, cell.text);
      case 'text':
        return this.text(open, m, cell.text);
      case 'number':
        if (!Number.isFinite(cell.value)) return open + m.empty;
        return open + m.value + cell.value + VALUE_END;
      case 'date':
        return open + m.value + this.serial(cell.date) + VALUE_END;
    }
  }

  private text(open: string, m: FormatMarkup, text: string): string {
    if (text === '') return open + m.empty;
    return open + m.text + xstring(text) + TEXT_END;
  }

  private link(c: number, rs: string, cell: { sheet: string; cell: string }): void {
    let sheet = this.quoted.get(cell.sheet);
    if (sheet === undefined) this.quoted.set(cell.sheet, (sheet = escAttr(quoteSheet(cell.sheet))));
    this.links.add(`<hyperlink ref="${this.column(c)}${rs}" location="${sheet}!${escAttr(cell.cell)}"/>`);
  }

  private serial(date: string): number {
    let v = this.serials.get(date);
    if (v === undefined) this.serials.set(date, (v = isoToSerial(date, this.dateSystem)));
    return v;
  }
}

/** Everything ahead of <sheetData>. */
function sheetHead(plan: SheetPlan, width: number, last: number): string {
  const cols = plan.columnWidths
    .map((w, i) =>
      Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '',
    )
    .join('');
  const pane =
    plan.headerRow > 0
      ? `<pane ySplit="${plan.headerRow}" topLeftCell="A${plan.headerRow + 1}" activePane="bottomLeft" state="frozen"/>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS}" xmlns:r="${RNS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${colName(Math.max(width, 1))}${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '')
  );
}

/**
 * A row's height attribute, by row, for the rows the plan gives a height. Looked up in a Map: the
 * plan's record, indexed by every row number of a 逾期清单 of 14,000 rows (it names two), cost
 * 19 ms at 50,000 rows, each miss a slow search of the object and its prototypes.
 */
function rowHeightAttributes(heights: Record<number, number>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [key, h] of Object.entries(heights)) {
    const r = Number(key);
    // As `heights[r]` was read for an integer row r: the key must be r's own spelling.
    if (!Number.isInteger(r) || String(r) !== key) continue;
    if (Number.isFinite(h) && h > 0) out.set(r, ` ht="${Math.min(h, 409)}" customHeight="1"`);
  }
  return out;
}

/**
 * The rows with cells (in order), with cells merges cover, or with a height: sorted, once each.
 * The few extra rows are merged into the rows with cells, which are in order already (a Set and
 * a sort of the 14,000 rows of a 逾期清单 took 4 ms for its two extra rows). Usually every extra
 * row has cells of its own (a merged title, a line given a height), and then the rows with cells
 * are the answer as they are: at 50,000 rows, walking the 14,000 to copy them cost more to
 * compile (twice, 5 ms) than to run.
 */
function writtenRows(
  withCells: number[],
  covered: Map<number, unknown>,
  heights: Record<number, number>,
): number[] {
  const extra = [...covered.keys()];
  for (const key of Object.keys(heights)) {
    const r = Number(key);
    if (Number.isInteger(r) && r >= 1) extra.push(r);
  }
  if (extra.every((r) => hasRow(withCells, r))) return withCells;
  extra.sort((a, b) => a - b);
  const out: number[] = [];
  let i = 0;
  const push = (r: number) => {
    if (out.length === 0 || out[out.length - 1] !== r) out.push(r);
  };
  for (const r of withCells) {
    while (i < extra.length && extra[i] <= r) push(extra[i++]);
    push(r);
  }
  while (i < extra.length) push(extra[i++]);
  return out;
}

/** Whether ascending `rows` holds `r` (a binary search). */
function hasRow(rows: number[], r: number): boolean {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] === r) return true;
    if (rows[mid] < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
