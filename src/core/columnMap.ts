/**
 * The clerk's column choices written as text: `measure=J,department=L:O,issued=C` on the command
 * line (`--map`). A field is named in English (measure) or by its Chinese label (整改措施), plus
 * `issued`/交办时间 for the 交办 date column. A target is a column letter (J), a range of letters
 * (L:O: every column names the field; the first is its column, the others ColumnMapping.also), a
 * header text (整改要求: the column whose header reads so), or 无/none for "no such column".
 */
import { normalizeHeader } from './header';
import { cellText, lastColumn, lastRow } from './grid';
import { FIELD_LABELS } from './messages';
import { FIELDS, type CheckOptions, type Field, type Grid } from './types';

export type MapTarget = { letters: [number, number] } | { text: string } | null;
export interface MapEntry {
  field: Field | 'issued';
  target: MapTarget;
  /** As written, for messages. */
  written: string;
}

/** 'A' → 1, 'AA' → 27; NaN when it is no column letter (A–XFD). */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n <= 16384 ? n : NaN;
}

function fieldNamed(name: string): Field | 'issued' | null {
  const key = name.trim();
  if ((FIELDS as readonly string[]).includes(key)) return key as Field;
  const lower = key.toLowerCase();
  for (const f of FIELDS) if (f.toLowerCase() === lower) return f;
  if (lower === 'issued' || /^(交办|下发)(时间|日期)$/.test(key)) return 'issued';
  const norm = normalizeHeader(key);
  for (const f of FIELDS) if (FIELD_LABELS[f].zh === norm) return f;
  return null;
}

/** Parses `field=target,…`; the parts it cannot read are returned as written. */
export function parseColumnMap(text: string): { entries: MapEntry[]; problems: string[] } {
  const entries: MapEntry[] = [];
  const problems: string[] = [];
  for (const part of text
    .split(/[,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    // "department=L:O": the first = separates; a ':' in the target makes a range.
    const at = part.search(/[=＝]/);
    if (at <= 0) {
      problems.push(part);
      continue;
    }
    const field = fieldNamed(part.slice(0, at));
    const raw = part.slice(at + 1).trim();
    if (!field || !raw) {
      problems.push(part);
      continue;
    }
    let target: MapTarget;
    const range = /^([A-Za-z]{1,3})\s*[:：-]\s*([A-Za-z]{1,3})$/.exec(raw);
    if (/^(无|none|-)$/i.test(raw)) target = null;
    else if (range) {
      const a = columnNumber(range[1]);
      const b = columnNumber(range[2]);
      if (!(a > 0 && b >= a)) {
        problems.push(part);
        continue;
      }
      target = { letters: [a, b] };
    } else if (/^[A-Za-z]{1,3}$/.test(raw) && columnNumber(raw) > 0) {
      const n = columnNumber(raw);
      target = { letters: [n, n] };
    } else target = { text: raw };
    entries.push({ field, target, written: part });
  }
  return { entries, problems };
}

/** The column whose header (within the first 30 rows) reads as `text`: equal first, then containing. */
function columnWithHeader(grid: Grid, text: string): number | null {
  const want = normalizeHeader(text);
  if (!want) return null;
  const last = Math.min(lastRow(grid), grid.firstRow + 29);
  const right = lastColumn(grid);
  let contained: number | null = null;
  for (let r = grid.firstRow; r <= last; r++) {
    const cells = grid.cells[r - grid.firstRow] ?? [];
    for (let i = 0; i < cells.length && grid.firstColumn + i <= right; i++) {
      const cell = cells[i];
      if (!cell || cell.type !== 'text') continue;
      const t = normalizeHeader(cellText(cell));
      if (t === want) return grid.firstColumn + i;
      if (contained === null && t.length <= 40 && t.includes(want)) contained = grid.firstColumn + i;
    }
  }
  return contained;
}

export type ColumnChoices = Pick<CheckOptions, 'columnOverrides' | 'extraColumns' | 'issuedColumn'>;

/**
 * The map applied to one sheet: column numbers per field. Header texts no header of this sheet
 * reads as are returned in `unresolved` (as written).
 */
export function resolveColumnMap(entries: MapEntry[], grid: Grid): ColumnChoices & { unresolved: string[] } {
  const columnOverrides: Partial<Record<Field, number | null>> = {};
  const extraColumns: Partial<Record<Field, number[]>> = {};
  let issuedColumn: number | null | undefined;
  const unresolved: string[] = [];
  for (const e of entries) {
    let cols: number[] | null;
    if (e.target === null) cols = null;
    else if ('letters' in e.target) {
      cols = [];
      for (let c = e.target.letters[0]; c <= e.target.letters[1]; c++) cols.push(c);
    } else {
      const c = columnWithHeader(grid, e.target.text);
      if (c === null) {
        unresolved.push(e.written);
        continue;
      }
      cols = [c];
    }
    if (e.field === 'issued') issuedColumn = cols ? cols[0] : null;
    else {
      columnOverrides[e.field] = cols ? cols[0] : null;
      if (cols && cols.length > 1) extraColumns[e.field] = cols.slice(1);
    }
  }
  return {
    columnOverrides,
    ...(Object.keys(extraColumns).length ? { extraColumns } : {}),
    ...(issuedColumn !== undefined ? { issuedColumn } : {}),
    unresolved,
  };
}
