/** Header detection: which row(s) hold the header, and which column holds which field. */
import { cellAt, cellText, lastColumn, lastRow } from '../grid';
import type { Cell, ColumnMapping, Field, Grid, HeaderResult, MergedArea } from '../types';
import { FIELDS } from '../types';
import { COOPERATING_WORDS, RESPONSIBILITY_GROUP_WORDS } from '../lexicon/departments';
import { anyOf } from '../lexicon/pattern';
import { memoByText } from '../memo';
import { YES_NO_HEADER, matchNormalized, type Match } from './match';
import { compactText, normalizeHeader } from './normalise';
import { firstKeptIndex, halfWidthOf } from '../text/fold';

/** A 交办/下发 date column: where relative deadlines ("5个工作日内") count from. */
const ISSUED_HEADER = /^(?:问题)?(?:交办|下发|移交|转办|派发|交办下发)(?:时间|日期)$/;

/** A group cell over sub-columns naming who is responsible: every filled sub-column names a department. */
const RESPONSIBILITY_GROUP = new RegExp(anyOf(RESPONSIBILITY_GROUP_WORDS));
/** Sub-columns of a responsibility group that name cooperating units. */
const COOPERATING_SUB = new RegExp(anyOf(COOPERATING_WORDS));

/** Rows scanned for a header, counted from the grid's first row. */
export const HEADER_SCAN_ROWS = 30;

type MergeAt = (row: number, column: number) => MergedArea | null;

/** Merged areas over a window of rows, as a cell → area lookup (small: the window only). */
function windowMerges(grid: Grid, top: number, bottom: number, right: number): MergeAt {
  const at = new Map<number, MergedArea>();
  const width = right + 1;
  const merges = grid.merges;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    if (m.bottom < top || m.top > bottom) continue;
    if (m.top === m.bottom && m.left === m.right) continue;
    const r1 = Math.max(m.top, top);
    const r2 = Math.min(m.bottom, bottom);
    const c1 = Math.max(m.left, 1);
    const c2 = Math.min(m.right, right);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) at.set(r * width + c, m);
  }
  return (row, column) => (column > right ? null : (at.get(row * width + column) ?? null));
}

interface HeadColumn {
  column: number;
  /** As written: "责任主体/牵头单位" for a sub-column. */
  label: string;
  match: Match | null;
  /** A 交办时间/下发日期 column. */
  issued?: boolean;
  /** A sub-column of a responsibility group (整改责任单位 over 建设 | 施工). */
  resp?: boolean;
}

interface Candidate {
  rows: number[];
  columns: HeadColumn[];
  seen: string[];
  /** The column each recognised field maps to. */
  fields: Partial<Record<Field, HeadColumn>>;
  score: number;
}

const textOf = (cell: Cell): string => (cell.type === 'text' ? cellText(cell) : '');

/** Text of a header cell as written (numbers too: a clerk may type a header over a number). */
const labelOf = (cell: Cell): string =>
  cell.type === 'empty' || cell.type === 'error' ? '' : cellText(cell);

function matchCell(cell: Cell): Match | null {
  const t = textOf(cell);
  return t ? matchText(t) : null;
}

/**
 * The header scan reads each of the first 30 rows as the top of a one- to five-row header, so the
 * same texts are matched again and again (measured: 5 ms of a 10 ms detection): once per text.
 * Frozen, as every caller shares the answer.
 */
const matchText = memoByText((t: string): Match | null => {
  const m = matchNormalized(normalizeHeader(t), compactText(t));
  return m && Object.freeze(m);
});

/**
 * Each field's best column: the first exact match, else the first containment match, else the
 * first weak one (a unit column for the department, 问题来源 for the category).
 */
function assignFields(columns: HeadColumn[]): Partial<Record<Field, HeadColumn>> {
  const out: Partial<Record<Field, HeadColumn>> = {};
  for (const pass of ['exact', 'contained', 'weak'] as const) {
    for (const col of columns) {
      const m = col.match;
      if (!m) continue;
      const kind = m.weak ? 'weak' : m.exact ? 'exact' : 'contained';
      if (kind !== pass) continue;
      if (!out[m.field]) out[m.field] = col;
    }
  }
  return out;
}

/**
 * The scoring rule. A row (or rows) is a ledger header when its recognised columns name at
 * least 3 distinct fields (or just the problem and the measure: a ledger lacking the rest, which
 * the check reports field by field), at least one of them the problem or the measure, at least 2 of them
 * other than the index and remarks (a "序号 | 问题 | 备注" list is not a ledger), and at least a
 * third of its non-empty header cells are recognised (a table about something else that happens
 * to mention 问题 is not). Its score is the number of distinct fields; the best score wins, the
 * earlier row on a tie.
 */
function scoreOf(columns: HeadColumn[], fields: Partial<Record<Field, HeadColumn>>): number {
  const names = Object.keys(fields) as Field[];
  // A problem and a measure column alone make a ledger that lacks the rest (reported per field).
  if (names.length < 3 && !(fields.problem && fields.measure)) return 0;
  if (!fields.problem && !fields.measure) return 0;
  if (names.filter((f) => f !== 'index' && f !== 'remarks').length < 2) return 0;
  const recognised = columns.filter((c) => c.match || c.issued).length;
  if (recognised * 3 < columns.length) return 0;
  return names.length;
}

function oneRowCandidate(
  grid: Grid,
  r: number,
  left: number,
  right: number,
  mergeAt: MergeAt,
): Candidate | null {
  const columns: HeadColumn[] = [];
  for (let c = left; c <= right; c++) {
    const m = mergeAt(r, c);
    if (m && (m.top < r || m.left < c)) continue; // covered: the text belongs to another cell
    const cell = cellAt(grid, r, c);
    const label = labelOf(cell);
    if (!label) continue;
    columns.push({
      column: c,
      label,
      match: matchCell(cell),
      issued: ISSUED_HEADER.test(normalizeHeader(label)),
    });
  }
  const fields = assignFields(columns);
  const score = scoreOf(columns, fields);
  if (!score) return null;
  return { rows: [r], columns, seen: columns.map((c) => c.label), fields, score };
}

/**
 * How many cells of row r (its own, not covered by a merged area from above or the left) name a
 * field: at most 2 is all the caller asks. multiRowCandidate counts a column towards `topAlone`
 * only when such a cell names a field, and takes no header with fewer than 2: below 2 here it
 * would read the rows under r cell by cell (long data texts joined and matched) to say no.
 */
function topRowMatches(grid: Grid, r: number, left: number, right: number, mergeAt: MergeAt): number {
  let n = 0;
  for (let c = left; c <= right && n < 2; c++) {
    const m = mergeAt(r, c);
    if (m && (m.top < r || m.left < c)) continue;
    if (matchCell(cellAt(grid, r, c))) n++;
  }
  return n;
}

/** The most rows a ledger header has. */
export const MAX_HEADER_ROWS = 5;

/**
 * The last row of a header whose top row is `r`: the last row any header cell covers. A cell merged
 * down covers its rows; a group cell merged across has its sub-columns on the row below (which may
 * hold further groups). At most MAX_HEADER_ROWS rows.
 */
function headerBottom(r: number, left: number, right: number, mergeAt: MergeAt, last: number): number {
  let bottom = r;
  for (let rr = r; rr <= bottom && rr <= last; rr++) {
    for (let c = left; c <= right; c++) {
      const m = mergeAt(rr, c);
      if (!m || m.top !== rr || m.left !== c) continue;
      const b = m.bottom > m.top ? m.bottom : m.right > m.left ? rr + 1 : rr;
      if (b > bottom) bottom = b;
    }
  }
  return Math.min(bottom, r + MAX_HEADER_ROWS - 1, last);
}

interface Part {
  row: number;
  col: number;
  area: MergedArea | null;
  cell: Cell;
  label: string;
}

/** A sub-column under a responsibility group: 配合 → cooperating, 责任人 → person, else department. */
function responsibilityMatch(leaf: Cell, leafMatch: Match | null): Match {
  const norm = normalizeHeader(textOf(leaf) || labelOf(leaf));
  if (leafMatch?.field === 'cooperating' || COOPERATING_SUB.test(norm))
    return { field: 'cooperating', exact: true };
  if (leafMatch && !leafMatch.weak && leafMatch.field !== 'department') return leafMatch;
  return { field: 'department', exact: true };
}

/**
 * A header of two to five rows: group cells merged across sub-columns over the sub-column headers
 * (a group may sit over further groups), single columns merged down across all header rows (or
 * written in the top row with the cells below left blank). Taken only with structural evidence (a
 * merge starting on the top row makes the header deeper than one row), when the top row names at
 * least 2 fields on its own, when at least half the sub-column texts name a field, and when group
 * cells are short labels ("责任主体", not "填报单位：XX局" over the real header). A sub-column is read
 * by its own text, else joined to its group's ("完成" over "时间" → 完成时间). Under a responsibility
 * group (整改责任单位, 责任主体) every sub-column is a department (建设 | 设计 | 施工 | 监理, 牵头),
 * except 配合/协办 ones (cooperating) and those naming another field (责任人).
 */
function multiRowCandidate(
  grid: Grid,
  r: number,
  bottom: number,
  left: number,
  right: number,
  mergeAt: MergeAt,
): Candidate | null {
  let topAlone = 0;
  let subs = 0;
  let subsMatched = 0;
  const columns: HeadColumn[] = [];
  const seen: string[] = [];
  const seenCells = new Set<string>();
  const see = (p: Part) => {
    const key = `${p.row}:${p.col}`;
    if (!seenCells.has(key)) {
      seenCells.add(key);
      seen.push(p.label);
    }
  };
  for (let c = left; c <= right; c++) {
    const tm = mergeAt(r, c);
    if (tm && tm.top < r) continue; // the top row itself is covered from above: not a header top
    const parts: Part[] = [];
    for (let rr = r; rr <= bottom; rr++) {
      const m = mergeAt(rr, c);
      const row = m ? m.top : rr;
      const col = m ? m.left : c;
      const prev = parts[parts.length - 1];
      if (prev && prev.row === row && prev.col === col) continue;
      const cell = cellAt(grid, row, col);
      const label = labelOf(cell);
      if (label) parts.push({ row, col, area: m, cell, label });
    }
    if (parts.length === 0) continue;
    const leaf = parts[parts.length - 1];
    if (leaf.col < c) continue; // a cell merged across several columns is one column, its first
    const groups = parts.slice(0, -1);
    for (const g of groups) {
      if (g.area && g.area.right > g.area.left) {
        const n = normalizeHeader(g.label);
        if (n.length > 12 || n.includes(':')) return null;
      }
    }
    for (const p of parts) see(p);
    let match: Match | null = null;
    let issued = false;
    let resp = false;
    if (groups.length === 0 && leaf.row === r) {
      match = matchCell(leaf.cell);
      if (match) topAlone++;
      issued = ISSUED_HEADER.test(normalizeHeader(leaf.label));
    } else {
      subs++;
      const leafNorm = normalizeHeader(leaf.label);
      match = matchCell(leaf.cell);
      if (!match && groups.length && leaf.cell.type === 'text') {
        const parent = normalizeHeader(groups[groups.length - 1].label);
        match = matchNormalized(parent + leafNorm);
        if (!match && groups.length > 1)
          match = matchNormalized(groups.map((g) => normalizeHeader(g.label)).join('') + leafNorm);
      }
      resp = groups.some((g) => RESPONSIBILITY_GROUP.test(normalizeHeader(g.label)));
      if (resp) match = responsibilityMatch(leaf.cell, match);
      issued =
        ISSUED_HEADER.test(leafNorm) ||
        (groups.length > 0 &&
          ISSUED_HEADER.test(normalizeHeader(groups[groups.length - 1].label) + leafNorm));
      if (match || issued) subsMatched++;
    }
    columns.push({ column: c, label: parts.map((p) => p.label).join('/'), match, issued, resp });
  }
  if (topAlone < 2 || subsMatched * 2 < subs) return null;
  const fields = assignFields(columns);
  const score = scoreOf(columns, fields);
  if (!score) return null;
  const rows: number[] = [];
  for (let rr = r; rr <= bottom; rr++) rows.push(rr);
  return { rows, columns, seen, fields, score };
}

/** The characters a column number ("3", "(3)", "[3]") starts with. */
const NUMBER_START = /^[([\d]/;

/** A row of column numbers under the header: "1 2 3 4 …" (or "(1) (2) …"), consecutive. */
export function isNumbersRow(grid: Grid, row: number): boolean {
  const cells = grid.cells[row - grid.firstRow];
  if (!cells) return false;
  let count = 0;
  let prev = NaN;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell || cell.type === 'empty') continue;
    let n: number;
    if (cell.type === 'number') n = Number(cell.value);
    else if (cell.type === 'text') {
      // Most rows fail on their first text, by its first character: no need to compact it.
      const raw = String(cell.value);
      const at = firstKeptIndex(raw);
      if (at < 0) continue;
      if (!NUMBER_START.test(halfWidthOf(raw[at]))) return false;
      const t = compactText(raw);
      const m = /^[([]?(\d{1,3})[)\]]?$/.exec(t);
      if (!m) return false;
      n = Number(m[1]);
    } else return false;
    if (!Number.isInteger(n)) return false;
    if (count > 0 && n !== prev + 1) return false;
    prev = n;
    count++;
  }
  return count >= 3;
}

function hasOverrides(overrides?: Partial<Record<Field, number | null>>): boolean {
  return !!overrides && Object.values(overrides).some((v) => v !== undefined);
}

/**
 * Finds the header within the first 30 rows of the grid (past a merged title row, a 填报单位/填报时间
 * line, blank rows), one-row or two-row (see the scoring rule above). Each field maps to at most one
 * column: the first exact synonym match, else the first containment match. A row of column numbers
 * right under the header is skipped: firstDataRow comes after it.
 *
 * `overrides` (a 1-based sheet column per field, or null = no column) take precedence: a field
 * with a column is mapped there whatever detection found (a detected field on that same column
 * gives way), a null removes the field. When no row passes the scoring rule but overrides name
 * columns, the header is the first row where the overridden and recognised columns together hold
 * at least 3 non-empty headers including the problem or the measure.
 */
export interface HeaderChoices {
  /** Further columns per field (all of them name departments, say): become ColumnMapping.also. */
  extraColumns?: Partial<Record<Field, number[]>>;
  /** The 交办/下发 column (null: none, whatever detection finds). */
  issuedColumn?: number | null;
}

export function detectHeader(
  grid: Grid,
  overrides?: Partial<Record<Field, number | null>>,
  choices: HeaderChoices = {},
  right = lastColumn(grid),
): HeaderResult | null {
  const first = grid.firstRow;
  const last = lastRow(grid);
  if (last < first) return null;
  const scanLast = Math.min(first + HEADER_SCAN_ROWS - 1, last);
  const left = grid.firstColumn;
  const mergeAt = windowMerges(grid, first, scanLast + MAX_HEADER_ROWS, right);

  let best: Candidate | null = null;
  for (let r = first; r <= scanLast; r++) {
    const bottom = r < last ? headerBottom(r, left, right, mergeAt, last) : r;
    // The deepest reading first; a sub-column header merged across two columns on the last header
    // row would otherwise pull the first data row in as a further header row.
    let cand: Candidate | null = null;
    // A header of several rows needs 2 fields named on its top row alone: a data row (most of the
    // rows scanned) names none, and is read only as one row.
    if (bottom > r && topRowMatches(grid, r, left, right, mergeAt) >= 2)
      for (let b = bottom; b > r && !cand; b--) cand = multiRowCandidate(grid, r, b, left, right, mergeAt);
    cand ??= oneRowCandidate(grid, r, left, right, mergeAt);
    if (cand && (!best || cand.score > best.score)) best = cand;
  }
  if (!best && hasOverrides(overrides))
    best = overrideCandidate(grid, first, scanLast, left, right, mergeAt, overrides!);
  if (!best) return null;

  const lastHeaderRow = best.rows[best.rows.length - 1];
  let firstDataRow = lastHeaderRow + 1;
  if (firstDataRow <= last && isNumbersRow(grid, firstDataRow)) firstDataRow++;

  const columns: Partial<Record<Field, ColumnMapping>> = {};
  for (const field of FIELDS) {
    const col = best.fields[field];
    if (!col) continue;
    const mapping: ColumnMapping = { field, column: col.column, header: col.label };
    if (col.match?.yesNo) mapping.yesNo = true;
    if (col.match?.weak && field === 'department') mapping.fromUnit = true;
    // The other sub-columns of a responsibility group naming the same field.
    if (col.resp) {
      const also = best.columns.filter((c) => c !== col && c.resp && c.match?.field === field);
      if (also.length) mapping.also = also.map((c) => ({ column: c.column, header: c.label }));
    }
    columns[field] = mapping;
  }
  const result: HeaderResult = { headerRows: best.rows, firstDataRow, columns, seen: best.seen };
  const issued = best.columns.find((c) => c.issued);
  if (issued) result.issued = { column: issued.column, header: issued.label };
  if (overrides) applyOverrides(columns, best, overrides);
  const labelAt = (col: number) => best!.columns.find((c) => c.column === col)?.label ?? '';
  for (const [field, cols] of Object.entries(choices.extraColumns ?? {}) as [Field, number[]][]) {
    const mapping = columns[field];
    if (!mapping || !cols?.length) continue;
    mapping.also = cols.filter((c) => c !== mapping.column).map((c) => ({ column: c, header: labelAt(c) }));
    delete mapping.fromUnit;
  }
  if (choices.issuedColumn === null) delete result.issued;
  else if (choices.issuedColumn !== undefined)
    result.issued = { column: choices.issuedColumn, header: labelAt(choices.issuedColumn) };
  return result;
}

function applyOverrides(
  columns: Partial<Record<Field, ColumnMapping>>,
  cand: Candidate,
  overrides: Partial<Record<Field, number | null>>,
): void {
  const taken = new Set<number>();
  for (const field of FIELDS) {
    if (!(field in overrides)) continue;
    const col = overrides[field];
    if (col === undefined) continue;
    if (col === null) {
      delete columns[field];
      continue;
    }
    if (!Number.isInteger(col) || col < 1) continue; // not a column: detection stands
    taken.add(col);
    const label = cand.columns.find((c) => c.column === col)?.label ?? '';
    // A yes/no header keeps its reading when the clerk points at it.
    const yesNo = field === 'status' && YES_NO_HEADER.test(normalizeHeader(label));
    columns[field] = { field, column: col, header: label, ...(yesNo ? { yesNo } : {}) };
  }
  // A detected field on a column the clerk gave to another field gives way.
  for (const field of FIELDS) {
    const m = columns[field];
    if (m && overrides[field] === undefined && taken.has(m.column)) delete columns[field];
  }
}

function overrideCandidate(
  grid: Grid,
  first: number,
  scanLast: number,
  left: number,
  right: number,
  mergeAt: MergeAt,
  overrides: Partial<Record<Field, number | null>>,
): Candidate | null {
  for (let r = first; r <= scanLast; r++) {
    const columns: HeadColumn[] = [];
    for (let c = left; c <= right; c++) {
      const m = mergeAt(r, c);
      if (m && (m.top < r || m.left < c)) continue;
      const cell = cellAt(grid, r, c);
      const label = labelOf(cell);
      if (label) columns.push({ column: c, label, match: matchCell(cell) });
    }
    const fields = new Set<Field>();
    for (const col of columns)
      if (col.match && overrides[col.match.field] === undefined) fields.add(col.match.field);
    for (const field of FIELDS) {
      const col = overrides[field];
      // Counted only on a non-empty text cell: a header, not a value.
      if (typeof col === 'number' && col >= 1 && textOf(cellAt(grid, r, col))) fields.add(field);
    }
    if (fields.size >= 3 && (fields.has('problem') || fields.has('measure'))) {
      return {
        rows: [r],
        columns,
        seen: columns.map((c) => c.label),
        fields: assignFields(columns),
        score: fields.size,
      };
    }
  }
  return null;
}

/** What a sheet that is not a ledger does hold: the row naming the most fields, and those fields. */
export interface PartialHeader {
  row: number;
  found: { field: Field; column: number; label: string }[];
}

/**
 * For the sentence refusing a sheet: the row (within the first 30) whose cells name the most
 * distinct fields, at least one. Null when no row names any.
 */
export function partialHeader(grid: Grid): PartialHeader | null {
  const first = grid.firstRow;
  const last = Math.min(first + HEADER_SCAN_ROWS - 1, lastRow(grid));
  const right = lastColumn(grid);
  const mergeAt = windowMerges(grid, first, last, right);
  let best: PartialHeader | null = null;
  for (let r = first; r <= last; r++) {
    const columns: HeadColumn[] = [];
    for (let c = grid.firstColumn; c <= right; c++) {
      const m = mergeAt(r, c);
      if (m && (m.top < r || m.left < c)) continue;
      const cell = cellAt(grid, r, c);
      const label = labelOf(cell);
      if (label && label.length <= 40) columns.push({ column: c, label, match: matchCell(cell) });
    }
    const fields = assignFields(columns);
    const found = FIELDS.filter((f) => fields[f]).map((f) => ({
      field: f,
      column: fields[f]!.column,
      label: fields[f]!.label,
    }));
    if (found.length && (!best || found.length > best.found.length)) best = { row: r, found };
  }
  return best;
}
