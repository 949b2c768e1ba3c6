/**
 * The cells of a worksheet as the reader makes them (for ./sheet.ts), shared where equal.
 */
import { serialToIso } from '../core/calendar';
import type { Cell } from '../core/types';
import { decodeXString } from './sharedStrings';

/**
 * The one empty cell, and below the one cell per shared string and per date: cells are never
 * changed once read (the engine, the hosts and the summaries only read them), so equal cells can
 * be one object. At 50k rows this leaves about 150,000 cell objects of 700,000 and halves the
 * garbage collection that followed them. A formula's cell is always its own (it carries the flag).
 */
export const EMPTY_CELL: Cell = { type: 'empty', value: null };

export interface SheetState {
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

/**
 * A cell from what its XML said: the type `t`, the value as text (`raw`) or, when it was plain
 * digits in a shared-string or number cell, as a number (`num` ≥ 0, so no string is made).
 */
export function makeCell(
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

/**
 * Puts a cell at column `col` of a row kept dense (every place before it filled with the empty
 * cell as it goes, so the grid is built without a pass to fill holes).
 */
export function put(row: Cell[], col: number, cell: Cell): void {
  const i = col - 1;
  if (i < row.length) row[i] = cell;
  else {
    while (row.length < i) row.push(EMPTY_CELL);
    row.push(cell);
  }
}
