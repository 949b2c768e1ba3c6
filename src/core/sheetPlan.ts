/**
 * A plan for a sheet the tool writes (a summary, an imported ledger): what goes in which cell,
 * with semantic styles the hosts map to real formatting. The engine plans; src/cli (exceljs) and
 * src/excel (Office.js) each apply a plan the same way.
 *
 * Text is always text: a host writes a 'text' cell so that a value starting with = + - @ (or a tab
 * or carriage return) stays literal, never a formula.
 */
import type { IsoDate, MergedArea } from './types';

/** Semantic cell styles; each host maps them to fonts, fills and borders. */
export type PlanStyle = 'title' | 'subtitle' | 'header' | 'cell' | 'number' | 'total' | 'note' | 'sentence';

export type PlanCell =
  | null
  | { kind: 'text'; text: string; style?: PlanStyle }
  | { kind: 'number'; value: number; format?: string; style?: PlanStyle }
  | { kind: 'date'; date: IsoDate; format?: string; style?: PlanStyle }
  /** An in-workbook link that jumps to a cell: `sheet` is a sheet name, `cell` an A1 address. */
  | { kind: 'link'; text: string; sheet: string; cell: string; style?: PlanStyle };

/** A stacked bar chart over a block of the plan's own cells (hosts that cannot draw one skip it). */
export interface ChartPlan {
  title: string;
  /** 1-based rows and columns of the plan: category labels in `labelColumn`, one series per column. */
  firstRow: number;
  lastRow: number;
  labelColumn: number;
  seriesColumns: number[];
  /** Where the chart's top-left corner goes (A1 address) and its size in cells. */
  anchor: string;
  widthColumns: number;
  heightRows: number;
}

export interface SheetPlan {
  name: string;
  /** Identifies a sheet this tool generated, so regenerating replaces it (see hosts). */
  kind:
    | 'summary'
    | 'overdue-list'
    | 'to-complete-list'
    | 'imported-ledger'
    // The 汇总 of many units' ledgers (src/core/consolidate/plans.ts).
    | 'merged-ledger'
    | 'unit-summary'
    | 'merged-overdue-list'
    | 'merged-to-complete-list';
  /** Column widths in characters (a CJK character counts about 2). */
  columnWidths: number[];
  rows: PlanCell[][];
  merges: MergedArea[];
  /** 1-based row of the table header to freeze and repeat on printed pages; 0 for none. */
  headerRow: number;
  charts: ChartPlan[];
  /**
   * Row heights in points, by 1-based plan row, for rows the host must not leave to auto-fit:
   * Excel (and WPS, LibreOffice) never grow a row for wrapped text in a merged cell, so a long
   * merged line would show as one cut-off line. Rows not listed keep the host's automatic height.
   * Optional: plans without it are written as before.
   */
  rowHeights?: Record<number, number>;
}

export const text = (value: string, style?: PlanStyle): PlanCell => ({ kind: 'text', text: value, style });
export const num = (value: number, style: PlanStyle = 'number', format?: string): PlanCell => ({
  kind: 'number',
  value,
  style,
  format,
});

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], not blank. */
export function safeSheetName(wanted: string, taken: readonly string[] = []): string {
  let base = wanted
    .replace(/[:\\/?*[\]]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base) base = 'Sheet';
  base = [...base].slice(0, 31).join('');
  const lowerTaken = new Set(taken.map((t) => t.toLowerCase()));
  if (!lowerTaken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const candidate = [...base].slice(0, 31 - suffix.length).join('') + suffix;
    if (!lowerTaken.has(candidate.toLowerCase())) return candidate;
  }
}
