/** Test builders: write a ledger as rows of plain values and get the engine's Grid. */
import type { Cell, Grid, MergedArea } from '../../src/core/types';

export type Plain = string | number | boolean | null | undefined | Cell;

export function isCell(v: Plain): v is Cell {
  return typeof v === 'object' && v !== null && 'type' in v;
}

export function toCell(v: Plain): Cell {
  if (isCell(v)) return v;
  if (v === null || v === undefined || v === '') return { type: 'empty', value: null };
  if (typeof v === 'number') return { type: 'number', value: v, format: 'General' };
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  return { type: 'text', value: v };
}

/** A date-formatted number, as Excel stores a date typed into a cell. */
export const serial = (n: number, format = 'yyyy/m/d'): Cell => ({ type: 'number', value: n, format });
/** A date cell as a host with real date objects gives it. */
export const dateCell = (iso: string): Cell => ({ type: 'date', value: iso });
export const errorCell = (text = '#REF!'): Cell => ({ type: 'error', value: text });

export interface GridOptions {
  sheet?: string;
  firstRow?: number;
  firstColumn?: number;
  /** Merged areas in Excel's A1 form: 'A1:L1', 'B4:B6'. */
  merges?: string[];
  dateSystem?: 1900 | 1904;
}

export function parseArea(a1: string): MergedArea {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad area ${a1}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4]), right: col(m[3]) };
}

export function grid(rows: Plain[][], opts: GridOptions = {}): Grid {
  return {
    sheet: opts.sheet ?? '台账',
    firstRow: opts.firstRow ?? 1,
    firstColumn: opts.firstColumn ?? 1,
    cells: rows.map((r) => r.map(toCell)),
    merges: (opts.merges ?? []).map(parseArea),
    dateSystem: opts.dateSystem ?? 1900,
  };
}
