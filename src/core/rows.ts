/**
 * Ledger-row extraction: the rows below the header that are measures against problems, with merged
 * values spread over every row they cover, and without the rows that only look like data (blank,
 * pre-numbered, totals, footnotes, a header repeated on a page break).
 */
import { EMPTY, cellAt, cellText, lastColumn, lastRow } from './grid';
import { compactText, isNumbersRow, normalizeHeader } from './header';
import { firstKeptIndex, halfWidthCode } from './text/fold';
import type { Cell, Field, Grid, HeaderResult, LedgerRow, MergedArea } from './types';
import { FIELDS } from './types';
import { CIRCLED_NUMBERS, CN_DIGITS } from './lexicon/numbering';

/** Cell → merged area lookup over a box of the sheet. */
interface MergeLookup {
  /** The merged area covering (row, column), or null. */
  areaAt(row: number, column: number): MergedArea | null;
  /**
   * What areaAt reads inside the box, for the row walk to read it in place (two calls fewer per
   * mapped cell): the area covering (row, column) of the box is `areas[slots[(row - top) *
   * width + column - left] - 1]`, none when that slot is 0. No slots when no area is merged.
   */
  readonly box: {
    top: number;
    left: number;
    width: number;
    slots: Int32Array;
    areas: readonly MergedArea[];
  };
}

/**
 * Builds the lookup over the grid's rows and columns (widened to `extraColumns`): one Int32Array
 * slot per cell holding the index of the merged area that covers it, filled area by area. Merged
 * areas are clamped to the box, so a merge running to column XFD costs no more than the box.
 * Cells outside the box fall back to a scan of the merges (hosts never ask for many of those).
 */
function buildMergeLookup(
  grid: Grid,
  extraColumns: readonly number[] = [],
  gridRight = lastColumn(grid),
): MergeLookup {
  const merges = grid.merges.filter((m) => m.bottom > m.top || m.right > m.left);
  const top = grid.firstRow;
  if (merges.length === 0) {
    return { areaAt: () => null, box: { top, left: 0, width: 0, slots: new Int32Array(0), areas: merges } };
  }
  const bottom = lastRow(grid);
  let left = grid.firstColumn;
  let right = gridRight;
  for (const c of extraColumns) {
    if (c < left) left = c;
    if (c > right) right = c;
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const slots = height > 0 && width > 0 ? new Int32Array(height * width) : new Int32Array(0);
  if (slots.length > 0) fillSlots(slots, merges, top, bottom, left, right);
  return {
    box: { top, left, width, slots, areas: merges },
    areaAt(row, column) {
      if (row >= top && row <= bottom && column >= left && column <= right) {
        const i = slots[(row - top) * width + (column - left)];
        return i ? merges[i - 1] : null;
      }
      for (const m of merges) {
        if (row >= m.top && row <= m.bottom && column >= m.left && column <= m.right) return m;
      }
      return null;
    },
  };
}

/**
 * Marks each cell of the box (rows top..bottom, columns left..right, row by row) with 1 + the index
 * of the merged area covering it. A function of its own: V8 compiles this loop over every merged
 * area by on-stack replacement, and that compiles the whole function the loop is in.
 */
function fillSlots(
  slots: Int32Array,
  merges: readonly MergedArea[],
  top: number,
  bottom: number,
  left: number,
  right: number,
): void {
  const width = right - left + 1;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    const r1 = Math.max(m.top, top);
    const r2 = Math.min(m.bottom, bottom);
    const c1 = Math.max(m.left, left);
    const c2 = Math.min(m.right, right);
    for (let r = r1; r <= r2; r++) {
      const base = (r - top) * width - left;
      for (let c = c1; c <= c2; c++) slots[base + c] = i + 1;
    }
  }
}

/**
 * Builds a lookup that answers, for any sheet (row, col), the top-left cell of the merged area that
 * covers it (or the cell itself). O(cells) to build, O(1) per lookup inside the grid.
 */
export function mergeResolver(grid: Grid): (row: number, column: number) => { row: number; column: number } {
  const lookup = buildMergeLookup(grid);
  return (row, column) => {
    const m = lookup.areaAt(row, column);
    return m ? { row: m.top, column: m.left } : { row, column };
  };
}

/** 合计/小计/总计/共计 rows: totals, not measures. */
const TOTALS = /^(合计|小计|总计|共计)($|[:：(（\d])/;
/** A totals word standing alone, after a number ("6 | 小计"). */
const TOTALS_WORD = /^(合计|小计|总计|共计)[:：]?$/;
/** Footnote rows: "注:", "注1:", "备注:", "说明:", "填表说明", "附注". */
const FOOTNOTE = /^(注\d*[:：.、]|注$|备注[:：]|说明[:：]|填表说明|附注|附[:：])/;
/** The characters FOOTNOTE, TOTALS and TOTALS_WORD can start with. */
const WORD_START: ReadonlySet<string> = new Set('合小总共注备说填附');
/** A numbered note line ("1.问题类别按……", "（2）", "二、") following a footnote row. */
const NOTE_LINE = new RegExp(`^([(（]?\\d{1,2}[)）.、．]|[${CN_DIGITS}]{1,3}、|[${CIRCLED_NUMBERS}])`);

interface Source {
  field: Field;
  /** The column mapped to the field (this one of its columns, when `extra`). */
  mappedColumn: number;
  /** No other field is mapped to that column. */
  ownColumn: boolean;
  /** The cell whose value applies (a merged area's top-left). */
  row: number;
  column: number;
  area: MergedArea | null;
  cell: Cell;
  /** The cell starts on this row and is not blank (read once per row, used twice). */
  own: boolean;
  /** A further column of the field (a responsibility sub-column), not its first. */
  extra: boolean;
  /** The header texts of the field's column (isRepeatedHeader). */
  expected: Expected | undefined;
}

/**
 * The ledger rows below the header. A merged cell's value belongs to every row it covers. Not
 * ledger rows:
 * - blank rows, and rows whose only content (in mapped columns) is the index (numbered in advance,
 *   never filled) or values spread from merged cells that started on an earlier row (a category
 *   merged down over an empty row);
 * - 合计/小计/总计/共计 rows and footnote rows (注:, 备注:, 说明:, 填表说明, 附注), judged on the row's
 *   first non-empty cell of its own, and numbered note lines after a footnote row;
 * - a repeated header (all of the row's own mapped cells read as the header did; on a page break)
 *   and a row of column numbers.
 * problemKey: 'merge:<top>:<left>' when the problem cell is in a merged area spanning several rows,
 * 'text:<text without whitespace, half-width>' otherwise, 'row:<row>' when there is no problem text
 * (or no problem column). A problem merged across columns on one row only keys by its text, so
 * that it counts the same as the unmerged cells around it.
 */
export function extractRows(grid: Grid, header: HeaderResult): LedgerRow[] {
  const out: LedgerRow[] = [];
  visitLedgerRows(grid, header, (r) => {
    out.push(copyLedgerRow(r));
  });
  return out;
}

/** A row handed to a visitLedgerRows visitor, copied so that it can be kept. */
export function copyLedgerRow(r: Readonly<LedgerRow>): LedgerRow {
  const row: LedgerRow = { row: r.row, cells: { ...r.cells }, problemKey: r.problemKey };
  if (r.also) row.also = r.also;
  if (r.issued) row.issued = r.issued;
  return row;
}

/**
 * The ledger rows of extractRows, one by one, without keeping them: `visit` gets one LedgerRow
 * record that is rewritten for every row (its `cells` object too), so it must copy what it keeps
 * (the cells themselves are the grid's and stay). A check judges each row as it comes and keeps
 * only the judgement: 50,000 kept rows and cell records were 10 MB that every young-generation
 * collection copied. `visit` returning false stops the walk.
 *
 * Returns how many distinct problems the visited rows name: the size of the set of their
 * problemKeys (a problem merged over several measures is one).
 *
 * `width`: the grid's last column (lastColumn), when the caller has it already: it is a walk
 * over every row.
 */
export function visitLedgerRows(
  grid: Grid,
  header: HeaderResult,
  visit: (row: Readonly<LedgerRow>) => boolean | void,
  width = lastColumn(grid),
): number {
  const mapped: { field: Field; column: number; extra: boolean }[] = [];
  for (const f of FIELDS) {
    const m = header.columns[f];
    if (!m) continue;
    mapped.push({ field: f, column: m.column, extra: false });
    for (const a of m.also ?? []) mapped.push({ field: f, column: a.column, extra: true });
  }
  if (mapped.length === 0) return 0;
  const issuedColumn = header.issued?.column;
  const lookup = buildMergeLookup(
    grid,
    [...mapped.map((m) => m.column), ...(issuedColumn !== undefined ? [issuedColumn] : [])],
    width,
  );
  const expected = expectedHeaderTexts(grid, header, lookup);
  const indexColumn = header.columns.index?.column;
  const last = lastRow(grid);
  let afterFootnote = false;
  // One record per mapped field, rewritten row after row (no garbage per row).
  const sources: Source[] = mapped.map(({ field, column, extra }) => ({
    field,
    mappedColumn: column,
    ownColumn: mapped.filter((m) => m.column === column).length === 1,
    row: 0,
    column,
    area: null,
    cell: EMPTY,
    own: false,
    extra,
    expected: expected.get(field),
  }));
  const problemSource = sources.find((s) => s.field === 'problem');
  const hasExtra = sources.some((s) => s.extra);
  const cells: Partial<Record<Field, Cell>> = {};
  for (const s of sources) if (!s.extra) cells[s.field] = EMPTY;
  // The record handed to `visit`, rewritten for every row (see above).
  const current: LedgerRow = { row: 0, cells, problemKey: '' };
  const keys = problemKeys();
  const ownTexts: [string, string] = ['', ''];
  const seenColumns: number[] = [];

  // Every mapped column lies in the lookup's box (it was widened to them), and so does every row
  // walked: the walk reads the box's slots in place.
  const { slots, areas, width: boxWidth } = lookup.box;
  const merged = slots.length > 0;
  const firstColumn = grid.firstColumn;

  for (let r = Math.max(header.firstDataRow, grid.firstRow); r <= last; r++) {
    let content = false;
    // Noticed on the way, so that most rows need neither isRepeatedHeader nor isNumbersRow (each a
    // further pass over the row): how many of the row's own cells could never read as a header
    // text (isRepeatedHeader forgives at most one), and whether a cell rules out a numbers row.
    let neverHeader = 0;
    let notNumbers = false;
    const rowCells: readonly Cell[] | undefined = grid.cells[r - grid.firstRow];
    // The slot of (r, column) is rowSlot + column.
    const rowSlot = merged ? (r - lookup.box.top) * boxWidth - lookup.box.left : 0;
    // The index cell (a merged area's top-left when merged): text there alone is no content.
    let indexRow = 0;
    let indexCol = 0;
    if (indexColumn !== undefined) {
      const k = merged ? slots[rowSlot + indexColumn] : 0;
      indexRow = k === 0 ? r : areas[k - 1].top;
      indexCol = k === 0 ? indexColumn : areas[k - 1].left;
    }
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i];
      const column = s.mappedColumn;
      const k = merged ? slots[rowSlot + column] : 0;
      let cell: Cell;
      if (k === 0) {
        // Not merged (most cells): the cell of this row, read in place.
        s.row = r;
        s.column = column;
        s.area = null;
        cell = (rowCells && rowCells[column - firstColumn]) || EMPTY;
        // The grid's own cell of this row: a Chinese text or a date, flag or error in it rules out
        // a numbers row, whatever the rest of the row holds.
        if (cell.type === 'text') {
          const first = (cell.value as string).charCodeAt(0);
          if (first >= 0x3400 && first <= 0x9fff) notNumbers = true;
        } else if (cell.type !== 'empty' && cell.type !== 'number') notNumbers = true;
      } else {
        const area = areas[k - 1];
        s.row = area.top;
        s.column = area.left;
        s.area = area;
        cell = cellAt(grid, area.top, area.left);
      }
      s.cell = cell;
      if (!s.extra) cells[s.field] = cell; // read by `visit` only when the row is a ledger row
      s.own = s.row === r && !isBlankCell(cell);
      // A cell that is no text, or a text too long for a header, never reads as its column's
      // header text (matchesHeader). Counted as isRepeatedHeader counts cells, once each: by the
      // source whose column is the cell's own (its merged area's first), when no other field
      // shares that column.
      if (s.own && s.ownColumn && s.column === column && !couldBeHeaderText(cell)) neverHeader++;
      if (s.field === 'index' || !s.own) continue;
      if (s.row === indexRow && s.column === indexCol) continue; // the index cell merged across (a note line)
      content = true;
    }
    // Without content only a footnote matters (it marks note lines below); a row starting with a
    // number (numbered in advance) cannot be one, and is passed over without reading further.
    if (!content && !startsWithText(grid, r)) continue;
    firstOwnTexts(grid, r, width, lookup, ownTexts, afterFootnote);
    const lead = ownTexts[0];
    const second = ownTexts[1];
    // Footnotes and totals start with one of a few words: most rows are told apart by the first
    // character, without running the patterns (three regex runs on every row otherwise).
    const leadWord = WORD_START.has(lead.charAt(0));
    if (leadWord && FOOTNOTE.test(lead)) {
      afterFootnote = true;
      continue;
    }
    if (!content || (leadWord && TOTALS.test(lead))) continue;
    if (WORD_START.has(second.charAt(0)) && TOTALS_WORD.test(second)) continue;
    if (afterFootnote && NOTE_LINE.test(lead) && ownSourceCount(grid, r, width, lookup) === 1) continue;
    if (neverHeader < 2 && isRepeatedHeader(sources, seenColumns)) continue;
    if (!notNumbers && isNumbersRow(grid, r)) continue;

    current.row = r;
    current.problemKey = keys.of(r, problemSource);
    if (hasExtra) current.also = alsoCells(sources);
    if (issuedColumn !== undefined) {
      const m = lookup.areaAt(r, issuedColumn);
      current.issued = m ? cellAt(grid, m.top, m.left) : cellAt(grid, r, issuedColumn);
    }
    if (visit(current) === false) break;
  }
  return keys.distinct();
}

/** The cells of the fields' further columns (a fresh record: a visitor may keep it). */
function alsoCells(sources: readonly Source[]): Partial<Record<Field, Cell[]>> | undefined {
  let also: Partial<Record<Field, Cell[]>> | undefined;
  for (const s of sources) if (s.extra) ((also ??= {})[s.field] ??= []).push(s.cell);
  return also;
}

function isBlankCell(cell: Cell): boolean {
  if (cell.type === 'empty') return true;
  const value = cell.value;
  // Asked of every mapped cell of every row: a number, or a text starting with a visible ASCII or
  // Chinese character, is not blank without trimming it.
  if (typeof value === 'number') return false;
  if (typeof value === 'string' && value.length > 0) {
    const first = value.charCodeAt(0);
    if ((first > 0x20 && first < 0x7f) || (first >= 0x3400 && first <= 0x9fff)) return false;
  }
  return cellText(cell) === '';
}

/**
 * problemKey per row, and how many distinct keys were handed out. The rows under one merged
 * problem cell share one key string (built once, not once per row). The count keeps the key's
 * parts (the compacted text; a merged area's corner as a number) rather than the key strings, so
 * no key string has to be flattened and hashed (measured: 17 ms at 50k rows in a Set of keys).
 */
function problemKeys(): { of(row: number, source: Source | undefined): string; distinct(): number } {
  let lastArea: MergedArea | null = null;
  let lastKey = '';
  let rowKeys = 0;
  const texts = new Set<string>();
  const corners = new Set<number | string>();
  const rowKey = (row: number): string => {
    rowKeys++; // one per row, never repeated
    return `row:${row}`;
  };
  return {
    of(row, source) {
      if (!source) return rowKey(row);
      const written = cellText(source.cell);
      if (!written) return rowKey(row);
      const area = source.area;
      if (area && area.bottom > area.top) {
        if (area !== lastArea) {
          lastArea = area;
          lastKey = `merge:${area.top}:${area.left}`;
          // top·2^14 + left names the corner exactly while left < 2^14 (Excel: 16,384 columns),
          // and stays a small integer (no boxed number to hash) while top < 2^17 rows.
          corners.add(area.left < 0x4000 && area.top < 0x20000 ? area.top * 0x4000 + area.left : lastKey);
        }
        return lastKey;
      }
      const text = compactText(written);
      if (!text) return rowKey(row);
      texts.add(text);
      return `text:${text}`;
    },
    distinct: () => rowKeys + texts.size + corners.size,
  };
}

/** Whether the row's first non-empty cell in the grid holds text. */
function startsWithText(grid: Grid, r: number): boolean {
  const cells = grid.cells[r - grid.firstRow];
  if (!cells) return false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell && cell.type !== 'empty') return cell.type === 'text';
  }
  return false;
}

/**
 * The row's first two non-empty cells that start on this row (not spread from above), as the row
 * patterns read them (markerText): a totals row may carry its number before the word ("6 | 小计").
 * A number cell's text is read only by NOTE_LINE, after a footnote (`numberTexts`); otherwise it
 * stands as NUMBER, which no other pattern's first character is either (String(n) for every 序号
 * was 40 bytes a row: numbers past the engine's number-to-string cache are new strings).
 */
function firstOwnTexts(
  grid: Grid,
  r: number,
  right: number,
  lookup: MergeLookup,
  out: [string, string],
  numberTexts: boolean,
): [string, string] {
  out[0] = '';
  out[1] = '';
  let n = 0;
  // Read in place, as in the walk: the lookup's box covers every column of the grid.
  const { slots, areas, top, left, width } = lookup.box;
  const merged = slots.length > 0;
  const rowSlot = (r - top) * width - left;
  const rowCells: readonly Cell[] | undefined = grid.cells[r - grid.firstRow];
  for (let c = grid.firstColumn; c <= right && n < 2; c++) {
    const k = merged ? slots[rowSlot + c] : 0;
    if (k !== 0 && (areas[k - 1].top < r || areas[k - 1].left < c)) continue;
    const cell = (rowCells && rowCells[c - grid.firstColumn]) || EMPTY;
    // A number's text (the 序号 that starts most rows) has no spaces or full-width characters: it
    // is its own compacted form.
    const t =
      cell.type === 'number' && typeof cell.value === 'number'
        ? numberTexts
          ? String(cell.value).slice(0, 24)
          : NUMBER
        : markerText(cellText(cell));
    if (t) out[n++] = t;
  }
  return out;
}

/**
 * A number cell's stand-in in firstOwnTexts: the row patterns but NOTE_LINE look at nothing past a
 * first character that cannot start them, and no number's text (digits, '-', 'Infinity', 'NaN')
 * starts with one of theirs: a stand-in that is not one either reads the same.
 */
const NUMBER = '0';

/** Every character TOTALS, TOTALS_WORD, FOOTNOTE and NOTE_LINE can start with (text folded), by code. */
const MARKER_START: ReadonlySet<number> = new Set(
  Array.from(`合小总共注备说填附(0123456789${CN_DIGITS}${CIRCLED_NUMBERS}`, (ch) => ch.charCodeAt(0)),
);

/** The stand-in for a text no row pattern starts with: a character none of them starts with either. */
const NO_MARKER = '-';

/**
 * What the row patterns look at: compactText of the text's first 24 characters, '' when that is
 * empty. Most cells start with a character no pattern starts with (a name, a category, a long
 * problem): no pattern matches them, and they all stand as NO_MARKER, not compacted (a regex
 * replace and a new string on every row, measured: 20 ms at 50k rows) nor cut to their first
 * character (a new one-character string and its hash on every row).
 */
function markerText(text: string): string {
  const at = firstKeptIndex(text);
  if (at < 0 || at >= 24) return '';
  return MARKER_START.has(halfWidthCode(text.charCodeAt(at))) ? compactText(text.slice(0, 24)) : NO_MARKER;
}

/** How many distinct non-empty cells start on this row, up to 2. */
function ownSourceCount(grid: Grid, r: number, right: number, lookup: MergeLookup): number {
  let n = 0;
  for (let c = grid.firstColumn; c <= right && n < 2; c++) {
    const m = lookup.areaAt(r, c);
    if (m && (m.top < r || m.left < c)) continue;
    if (!isBlankCell(cellAt(grid, r, c))) n++;
  }
  return n;
}

/** Longer texts are data, not a header cell (notes included, "整改时限\n(年/月/日)" is short). */
const MAX_HEADER_LENGTH = 40;

/** Per mapped field, the normalised texts its column's header cells hold (both rows of a two-row header). */
interface Expected {
  texts: Set<string>;
  /** First characters of the texts (and their full-width forms): a cheap test before normalising. */
  starts: string[];
  /** Whether a text of the column reads as one of `texts`, remembered per text (this check only). */
  answers: Map<string, boolean>;
}

function expectedHeaderTexts(grid: Grid, header: HeaderResult, lookup: MergeLookup): Map<Field, Expected> {
  const out = new Map<Field, Expected>();
  for (const field of FIELDS) {
    const mapping = header.columns[field];
    if (!mapping) continue;
    const texts = new Set<string>();
    for (const col of [mapping, ...(mapping.also ?? [])]) {
      for (const part of col.header.split('/')) {
        const t = normalizeHeader(part);
        if (t) texts.add(t);
      }
      for (const hr of header.headerRows) {
        const m = lookup.areaAt(hr, col.column);
        const t = normalizeHeader(cellText(m ? cellAt(grid, m.top, m.left) : cellAt(grid, hr, col.column)));
        if (t) texts.add(t);
      }
    }
    const starts = new Set<string>();
    for (const t of texts) {
      const ch = String.fromCodePoint(t.codePointAt(0)!);
      starts.add(ch);
      const code = ch.charCodeAt(0);
      if (code >= 0x21 && code <= 0x7e) starts.add(String.fromCharCode(code + 0xfee0));
    }
    out.set(field, { texts, starts: [...starts], answers: new Map() });
  }
  return out;
}

/**
 * A header copied again mid-sheet: every own non-empty mapped cell of the row reads as one of its
 * column's header texts (one stray cell forgiven when at least 4 match), at least one of them.
 */
function isRepeatedHeader(sources: Source[], columns: number[]): boolean {
  let same = 0;
  let other = 0;
  columns.length = 0; // reused row after row
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    if (!s.own) continue;
    if (columns.includes(s.column)) continue; // one cell merged across several mapped columns
    columns.push(s.column);
    if (matchesHeader(s, s.expected)) same++;
    else if (++other > 1) return false;
  }
  return same > 0 && (other === 0 || same >= 4);
}

/** Whether `text` holds one of `parts` (a loop: an arrow capturing `text` costs an allocation a call). */
function includesAny(text: string, parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length; i++) if (text.includes(parts[i])) return true;
  return false;
}

function couldBeHeaderText(cell: Cell): boolean {
  return cell.type === 'text' && String(cell.value).length <= MAX_HEADER_LENGTH;
}

function matchesHeader(s: Source, exp: Expected | undefined): boolean {
  if (!exp || !couldBeHeaderText(s.cell)) return false;
  const raw = String(s.cell.value);
  // A column repeats its texts down the sheet (a category, a status): each is normalised once.
  const known = exp.answers.get(raw);
  if (known !== undefined) return known;
  const answer = includesAny(raw, exp.starts) && exp.texts.has(normalizeHeader(raw));
  if (exp.answers.size >= MAX_ANSWERS) exp.answers.clear();
  exp.answers.set(raw, answer);
  return answer;
}

/** Bound on the texts remembered per column while looking for repeated headers. */
const MAX_ANSWERS = 4096;
