/**
 * The host protocol: what both hosts (the Office.js add-in, src/excel/, and the command line,
 * src/cli/) write into a workbook so that either recognises the other's work. Pure data and
 * string builders; every host imports these, none spells them again.
 *
 * - A mark is a conditional format whose formula carries the tag N("整改台账助手:<kind>")=0
 *   (always true, so the rule still shows; the tag lets the tool find and remove its own rules).
 *   Rules written by earlier versions carry the legacy tag 'zhenggai-mark:'.
 * - A sheet the tool generated (summary, lists, imported ledger) carries a workbook-level defined
 *   name `ZGTZ_<kind>` pointing at its A1; the add-in's hidden mark tables are sheets named
 *   `ZGTZ_标注_<n>`.
 * - Dates the tool writes use DEFAULT_DATE_FORMAT unless the plan names one (CN_DATE_FORMAT).
 * - PLAN_STYLES is the one style table the summary plans measure with and both writers apply.
 */
import { quoteSheet } from './a1';
import type { PlanStyle, SheetPlan } from './sheetPlan';

/** The tag in every conditional-format formula the tool writes. */
export const MARK_TAG = '整改台账助手:';
/** The tag earlier versions wrote; still recognised (and removed) as the tool's own. */
export const LEGACY_MARK_TAG = 'zhenggai-mark:';
const KNOWN_TAGS = [MARK_TAG, LEGACY_MARK_TAG];

/**
 * A mark's rule formula, without the leading '=' (as OOXML stores it; Office.js wants '=' + this).
 * With a mark table and a cell reference, the rule looks its cell's kind up in the table:
 *   AND(N("整改台账助手:overdue")=0,'ZGTZ_标注_1'!$A5="overdue")
 */
export function markFormula(kind: string, table?: string, ref?: string): string {
  if (!table || !ref) return `N("${MARK_TAG}${kind}")=0`;
  return `AND(N("${MARK_TAG}${kind}")=0,${quoteSheet(table)}!${ref}="${kind}")`;
}

/** True for a conditional-format formula the tool wrote, now or in an earlier version. */
export function isToolFormula(formula: unknown): boolean {
  return typeof formula === 'string' && KNOWN_TAGS.some((tag) => formula.includes(`"${tag}`));
}

/** Defined names that mark a sheet the tool generated start with this. */
export const MARKER_PREFIX = 'ZGTZ_';
/** Sheets holding the add-in's mark tables start with this; the rest is a number. */
export const MARK_TABLE_PREFIX = 'ZGTZ_标注_';
/** The kind the engine is told for a mark table (Grid.toolSheet). */
export const MARK_TABLE_KIND = 'mark_table';

/** The defined name marking a sheet the tool generated, per plan kind ('overdue-list' → ZGTZ_overdue_list). */
export function generatedSheetMarker(kind: SheetPlan['kind']): string {
  return MARKER_PREFIX + kind.replace(/[^A-Za-z0-9]/g, '_');
}

/** The format of a date cell whose plan names none. */
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
/** The 公文 date format the tool's sheets use for deadlines (2024年6月30日). */
export const CN_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** How a plan style looks, in host-neutral terms (colours as RRGGBB). */
export interface PlanStyleSpec {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points; the workbook's default (11) when absent. */
  size?: number;
  fill?: string;
  /** Thin borders on every edge. */
  border?: boolean;
  horizontal?: 'center' | 'left' | 'right';
  vertical?: 'top' | 'center';
  wrap?: boolean;
}

export const DEFAULT_FONT_SIZE = 11;

export const PLAN_STYLES: Readonly<Record<PlanStyle, Readonly<PlanStyleSpec>>> = {
  title: { bold: true, size: 16, horizontal: 'center', vertical: 'center', wrap: true },
  subtitle: { size: 11, horizontal: 'left', vertical: 'center', wrap: true },
  header: { bold: true, fill: 'D9D9D9', border: true, horizontal: 'center', vertical: 'center', wrap: true },
  cell: { border: true, vertical: 'top', wrap: true },
  number: { border: true, horizontal: 'right', vertical: 'top' },
  total: { bold: true, fill: 'F2F2F2', border: true, vertical: 'top', wrap: true },
  note: { italic: true, size: 10, vertical: 'top', wrap: true },
  sentence: { vertical: 'top', wrap: true },
};
