/**
 * The engine's contract: a grid of cells in (as a spreadsheet host gives them), a report out.
 * Pure data: no Office.js, no Node, no DOM. Every host converts to and from these shapes.
 */

/** A calendar date written as YYYY-MM-DD. No time, no time zone. */
export type IsoDate = string;

export type CellType = 'empty' | 'text' | 'number' | 'boolean' | 'date' | 'error';

export interface Cell {
  type: CellType;
  /**
   * empty: null. text: the string. number: the number (a date-formatted number is still a number
   * here, with its `format`; the engine decides it is a date). boolean: true/false.
   * date: the calendar date as IsoDate (hosts that see real date objects convert them).
   * error: the error text as Excel shows it ('#REF!', '#N/A').
   */
  value: string | number | boolean | null;
  /** The number format as Excel gives it ('yyyy"年"m"月"d"日"', 'General', '0.00'), where known. */
  format?: string;
  /** True when the cell holds a formula; `value` is then its cached result. */
  formula?: boolean;
}

/** A merged area in sheet coordinates: 1-based rows and columns, inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The sheet's name as the workbook shows it. */
  sheet: string;
  /** Sheet row (1-based) of cells[0]; sheet column (1-based) of cells[r][0]. */
  firstRow: number;
  firstColumn: number;
  /** Rows of cells; rows may be ragged and a missing cell is empty. */
  cells: Cell[][];
  merges: MergedArea[];
  /**
   * False when the host could not tell merged areas (Excel before ExcelApi 1.13): the engine then
   * infers the usual ones, a category or problem written once above several measures.
   */
  mergesKnown?: boolean;
  /** Excel's date system: 1900 (Windows default) or 1904 (old Mac workbooks). */
  dateSystem: 1900 | 1904;
}

/** The canonical ledger fields, in the order a standard ledger lays them out. */
export const FIELDS = [
  'index',
  'category',
  'problem',
  'measure',
  'department',
  'cooperating',
  'person',
  'deadline',
  'status',
  'completedOn',
  'evidence',
  'remarks',
] as const;
export type Field = (typeof FIELDS)[number];

/** Fields a row must carry unless the clerk configures otherwise. */
export const DEFAULT_REQUIRED: readonly Field[] = ['problem', 'measure', 'department', 'deadline', 'status'];

/** How a deadline (or a completion date) cell was read. */
export type DeadlineKind = 'date' | 'long_term' | 'immediate' | 'invalid' | 'missing';

export interface ParsedDate {
  kind: DeadlineKind;
  /** The date, for kind 'date' only. A range ("6月7日至6月14日") gives its end. */
  date: IsoDate | null;
  /** For kind 'invalid': why, in a few words of Chinese ("2月没有30日"), for the finding's message. */
  reason?: string;
}

/** The progress state a status cell is classified into. */
export type ProgressState = 'done' | 'in_progress' | 'long_term' | 'not_started' | 'unknown' | 'missing';

/** One column the header detector (or the clerk) mapped to a field. */
export interface ColumnMapping {
  field: Field;
  /** 1-based sheet column. */
  column: number;
  /** The header text as written (both rows of a two-row header joined with '/'). */
  header: string;
}

export interface HeaderResult {
  /** Sheet rows (1-based) the header occupies: one, or two for a group cell over sub-columns. */
  headerRows: number[];
  /** First sheet row below the header. */
  firstDataRow: number;
  columns: Partial<Record<Field, ColumnMapping>>;
  /** Every non-empty header text seen in the header rows, as written, left to right. */
  seen: string[];
}

/** One ledger row: a measure against a problem, with merged values already spread down. */
export interface LedgerRow {
  /** Sheet row number as Excel shows it. */
  row: number;
  /** The cell behind each mapped field (a merged area's top-left cell for every row it covers). */
  cells: Partial<Record<Field, Cell>>;
  /**
   * Identity of the row's problem, for counting distinct problems: a problem cell merged over
   * several measures is one problem. 'merge:<top>:<left>' for a merged cell, else 'text:<text>'.
   */
  problemKey: string;
}

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'missing-column',
  'missing-required',
  'missing-department',
  'invalid-date',
  'unknown-status',
  'overdue',
  'due-soon',
  'done-without-completion-date',
  'completed-late',
  'duplicate-index',
  'vague-department',
  'immediate-not-done',
  'error-cell',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Lang = 'zh' | 'en';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Sheet row as Excel shows it; null for a sheet-level finding (missing-column). */
  row: number | null;
  /** Column letter ('E'); null when the finding is about a whole row or the sheet. */
  column: string | null;
  field: Field | null;
  /** A plain sentence for the clerk, in the report's language, saying what to do. */
  message: string;
}

/** The judgement on one ledger row. */
export interface RowReport {
  row: number;
  state: ProgressState;
  deadline: IsoDate | null;
  deadlineKind: DeadlineKind;
  overdue: boolean;
  /** Days past the deadline when overdue, else null. */
  daysOverdue: number | null;
  dueSoon: boolean;
  /** Days until the deadline (0 = due today) when the deadline is a date not yet passed, else null. */
  daysLeft: number | null;
  /** Lead (responsible) departments, split, trimmed, de-duplicated, order kept. */
  departments: string[];
  /** Cooperating departments, likewise. */
  cooperating: string[];
  completedOn: IsoDate | null;
  /** See LedgerRow.problemKey. */
  problemKey: string;
  /** The row's text per mapped field, as the clerk reads it (dates as written or formatted). */
  text: Partial<Record<Field, string>>;
}

export interface SheetStats {
  /** Ledger rows (measures). */
  rows: number;
  /** Distinct problems. */
  problems: number;
  done: number;
  inProgress: number;
  longTerm: number;
  notStarted: number;
  unknown: number;
  missingStatus: number;
  overdue: number;
  dueSoon: number;
  missingDepartment: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface SheetReport {
  name: string;
  /** No error findings. */
  valid: boolean;
  headerRows: number[];
  columns: Partial<Record<Field, { column: string; header: string }>>;
  rows: RowReport[];
  findings: Finding[];
  stats: SheetStats;
}

export interface CheckOptions {
  /** The as-of date; overdue and due-soon are judged on it. */
  asOf: IsoDate;
  /** Days before a deadline that count as due soon. */
  dueSoonDays: number;
  required: Field[];
  lang: Lang;
  /** The clerk's own column choices: a 1-based sheet column per field, or null for "no column". */
  columnOverrides?: Partial<Record<Field, number | null>>;
}
