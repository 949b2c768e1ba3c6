/**
 * Which cells of a checked sheet the add-in colours, and how. Pure: the Excel host turns a plan
 * into conditional-format rules it can recognise and remove again; nothing here touches a sheet.
 *
 * Row marks cover a ledger row from the leftmost to the rightmost mapped column. Cell marks
 * ('missing') point at the one cell a clerk has to fill in or correct; they come first in the
 * plan because the host gives earlier groups higher rule priority, so a missing 责任部门 cell
 * stays visible inside a red or amber row.
 */
import { parseArea } from './a1';
import { FINDINGS } from './findings';
import { columnLetter, columnNumber } from './grid';
import type { Finding, RowReport, SheetReport } from './types';

export type MarkKind = 'overdue' | 'due-soon' | 'done' | 'missing';

/** Excel's usual good/neutral/bad pairs; 'missing' is a stronger red with bold text. */
export const MARK_COLOURS: Record<MarkKind, { fill: string; font: string; bold: boolean }> = {
  missing: { fill: '#FF8F8F', font: '#7F0000', bold: true },
  overdue: { fill: '#FFC7CE', font: '#9C0006', bold: false },
  'due-soon': { fill: '#FFEB9C', font: '#9C5700', bold: false },
  done: { fill: '#C6EFCE', font: '#006100', bold: false },
};

/** Groups in priority order: the first group's rule wins where areas overlap. */
export const MARK_ORDER: readonly MarkKind[] = ['missing', 'overdue', 'due-soon', 'done'];

export interface MarkGroup {
  kind: MarkKind;
  /** A1 addresses: row blocks ('A5:L7', consecutive rows merged) or cells ('E9', 'E9:E11'). */
  areas: string[];
}

export interface MarkPlan {
  sheet: string;
  groups: MarkGroup[];
}

/**
 * Sorted, de-duplicated row numbers → one area per run of consecutive rows, from column `left` to
 * `right` (see areaName). No [first, last] pair per run, and no destructuring of one: while still
 * interpreted, each destructuring walked the pair with an iterator (14,000 runs at 50,000 rows).
 * The columns come as data, not as a function naming the area: a fresh function per call made V8
 * compile this loop three times at 50,000 rows (each new one threw the compiled loop away), 4 ms.
 */
function runAreas(rows: number[], left: string, right: string, cells: boolean): string[] {
  const sorted = ascending(rows) ? rows : [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    const top = sorted[i];
    let bottom = top;
    while (++i < sorted.length && sorted[i] === bottom + 1) bottom = sorted[i];
    out.push(areaName(left, right, top, bottom, cells));
  }
  return out;
}

/** True when every number is greater than the one before (rows come in order: no sort needed). */
function ascending(rows: number[]): boolean {
  for (let i = 1; i < rows.length; i++) if (!(rows[i] > rows[i - 1])) return false;
  return true;
}

/** 'A5:L7'; a single cell stays one cell ('E9') for cell marks, a row stays a range ('A5:L5'). */
function areaName(left: string, right: string, top: number, bottom: number, cells: boolean): string {
  return cells && top === bottom ? `${left}${top}` : `${left}${top}:${right}${bottom}`;
}

/**
 * The rows of each column's 'missing' findings, by the column upper-cased. By the column as the
 * finding spells it: the few columns are upper-cased and checked once each, not once per finding
 * (33,000 findings at 50,000 rows). A function of its own, with an indexed loop: V8 compiles the
 * loop alone (on-stack replacement compiles the whole function a hot loop is in).
 */
function missingCellRows(findings: readonly Finding[]): Map<string, number[]> {
  const cellRows = new Map<string, number[]>();
  const rowsOf = new Map<string, number[] | null>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (FINDINGS[f.code].mark !== 'missing' || !f.column || f.row === null) continue;
    let list = rowsOf.get(f.column);
    if (list === undefined) {
      const col = f.column.toUpperCase();
      list = columnNumber(col) ? (cellRows.get(col) ?? []) : null;
      if (list) cellRows.set(col, list);
      rowsOf.set(f.column, list);
    }
    if (list) list.push(f.row);
  }
  return cellRows;
}

/** The rows to mark by kind, in row order (see missingCellRows for why a function of its own). */
function markedRows(
  rows: readonly RowReport[],
  markDone: boolean,
): Record<'overdue' | 'due-soon' | 'done', number[]> {
  const byKind: Record<'overdue' | 'due-soon' | 'done', number[]> = { overdue: [], 'due-soon': [], done: [] };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.overdue) byKind.overdue.push(r.row);
    else if (r.dueSoon) byKind['due-soon'].push(r.row);
    else if (markDone && r.state === 'done') byKind.done.push(r.row);
  }
  return byKind;
}

export function planMarks(report: SheetReport, opts: { markDone?: boolean } = {}): MarkPlan {
  const groups: MarkGroup[] = [];

  // Cell marks: one area per run of vertically adjacent cells in the same column.
  const cellRows = missingCellRows(report.findings);
  const cellAreas: string[] = [];
  for (const col of [...cellRows.keys()].sort((a, b) => columnNumber(a) - columnNumber(b))) {
    const areas = runAreas(cellRows.get(col) ?? [], col, col, true);
    for (let i = 0; i < areas.length; i++) cellAreas.push(areas[i]);
  }

  // Row marks span the mapped columns.
  const mapped = Object.values(report.columns)
    .map((c) => (c ? columnNumber(c.column) : 0))
    .filter((n) => n > 0);
  const rowAreas: Record<'overdue' | 'due-soon' | 'done', string[]> = {
    overdue: [],
    'due-soon': [],
    done: [],
  };
  if (mapped.length > 0) {
    const left = Math.min(...mapped);
    const right = Math.max(...mapped);
    const leftL = columnLetter(left);
    const rightL = columnLetter(right);
    const byKind = markedRows(report.rows, opts.markDone === true);
    for (const kind of ['overdue', 'due-soon', 'done'] as const) {
      rowAreas[kind] = runAreas(byKind[kind], leftL, rightL, false);
    }
  }

  for (const kind of MARK_ORDER) {
    const areas = kind === 'missing' ? cellAreas : rowAreas[kind];
    if (areas.length > 0) groups.push({ kind, areas });
  }
  return { sheet: report.name, groups };
}

export type RowMarkKind = Exclude<MarkKind, 'missing'>;

/**
 * A mark plan as one table per sheet: which kind each marked row has and which cells are marked
 * missing. A host that cannot afford one conditional format per area (Excel slows down with
 * thousands of rules) writes this table once and lets one rule per kind look a cell up in it, so
 * the number of rules stays at most four whatever the ledger's size.
 */
export interface MarkLayout {
  sheet: string;
  /** Each marked row once, with the kind of highest priority (MARK_ORDER). */
  rows: Map<number, RowMarkKind>;
  /** Cells marked 'missing', by row then column (1-based). */
  cells: Array<{ row: number; column: number }>;
  /** Per kind present, the rectangle its rule must cover (row marks: their rows × their columns). */
  bounds: Partial<Record<MarkKind, { top: number; left: number; bottom: number; right: number }>>;
}

export function markLayout(plan: MarkPlan): MarkLayout {
  const rows = new Map<number, RowMarkKind>();
  const cells = new Map<string, { row: number; column: number }>();
  const bounds: MarkLayout['bounds'] = {};
  const grow = (kind: MarkKind, a: { top: number; left: number; bottom: number; right: number }) => {
    const b = bounds[kind];
    bounds[kind] = b
      ? {
          top: Math.min(b.top, a.top),
          left: Math.min(b.left, a.left),
          bottom: Math.max(b.bottom, a.bottom),
          right: Math.max(b.right, a.right),
        }
      : { ...a };
  };
  const rank = (k: MarkKind) => MARK_ORDER.indexOf(k);
  for (const group of plan.groups) {
    for (const address of group.areas) {
      const a = parseArea(address);
      if (!a) continue;
      grow(group.kind, a);
      for (let r = a.top; r <= a.bottom; r++) {
        if (group.kind === 'missing') {
          for (let c = a.left; c <= a.right; c++) cells.set(`${r}:${c}`, { row: r, column: c });
        } else {
          const had = rows.get(r);
          if (!had || rank(group.kind) < rank(had)) rows.set(r, group.kind);
        }
      }
    }
  }
  const sorted = [...cells.values()].sort((x, y) => x.row - y.row || x.column - y.column);
  return { sheet: plan.sheet, rows, cells: sorted, bounds };
}
