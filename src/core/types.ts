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
  /**
   * Set by a host when the sheet is one the tool generated (its `ZGTZ_<kind>` defined name points
   * at it): the kind, e.g. 'overdue_list'. Such a sheet is never read as a ledger.
   */
  toolSheet?: string;
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

/** Days before a deadline from which an open measure is 即将到期 (the pane's default, and the command's). */
export const DEFAULT_DUE_SOON_DAYS = 7;

/**
 * How a deadline (or a completion date) cell was read. 'relative': a limit counted from the day the
 * problem was handed over ("5个工作日内") that could not be turned into a date (no start date).
 */
export type DeadlineKind = 'date' | 'long_term' | 'immediate' | 'invalid' | 'missing' | 'relative';

/** A limit counted from the day a problem was handed over: 3天, 5个工作日内, 一个月内. */
export interface RelativeLimit {
  amount: number;
  unit: 'day' | 'workday' | 'week' | 'month';
}

/** Why a date cell could not be read. Worded by `dateReasonText` (findings.ts). */
export type DateReason =
  | { code: 'unrecognised' }
  | { code: 'not-a-date' }
  | { code: 'no-such-month'; month: number }
  | { code: 'implausible-year'; year: number }
  | { code: 'no-such-day'; year: number; month: number; day: number }
  | { code: 'not-a-valid-date'; value: string }
  | { code: 'number-not-date'; value: string }
  | { code: 'month-ambiguous'; value: string }
  | { code: 'bad-serial'; value: string }
  | { code: 'error-value'; value: string };

export interface ParsedDate {
  kind: DeadlineKind;
  /** The date, for kind 'date' only. A range ("6月7日至6月14日") gives its end. */
  date: IsoDate | null;
  /** For kind 'invalid': why, as a code with its parameters; findings.ts words it in either language. */
  reason?: DateReason;
  /** For kind 'relative': the limit as written. */
  relative?: RelativeLimit;
}

/** The progress state a status cell is classified into. */
export type ProgressState = 'done' | 'in_progress' | 'long_term' | 'not_started' | 'unknown' | 'missing';

/** One column the header detector (or the clerk) mapped to a field. */
export interface ColumnMapping {
  field: Field;
  /** 1-based sheet column. */
  column: number;
  /** The header text as written (the rows of a multi-row header joined with '/'). */
  header: string;
  /**
   * Further columns of the same field: the sub-columns of a responsibility group (整改责任单位 over
   * 建设 | 设计 | 施工 | 监理). Every filled one names a department of the row.
   */
  also?: { column: number; header: string }[];
  /** A 是否完成整改 column: 是 is done, 否 and blank are not done. */
  yesNo?: boolean;
  /** The column is a unit column (单位, 填报单位, 县市, 区县) read as the department. */
  fromUnit?: boolean;
}

export interface HeaderResult {
  /** Sheet rows (1-based) the header occupies: one, or two for a group cell over sub-columns. */
  headerRows: number[];
  /** First sheet row below the header. */
  firstDataRow: number;
  columns: Partial<Record<Field, ColumnMapping>>;
  /** Every non-empty header text seen in the header rows, as written, left to right. */
  seen: string[];
  /** The 交办/下发 date column of the rows, when there is one (start of relative deadlines). */
  issued?: { column: number; header: string };
  /** A 交办日期/下发时间 line above the header: the date and the cell it was read from. */
  issuedLine?: { date: IsoDate; row: number; column: number; text: string };
}

/** One ledger row: a measure against a problem, with merged values already spread down. */
export interface LedgerRow {
  /** Sheet row number as Excel shows it. */
  row: number;
  /** The cell behind each mapped field (a merged area's top-left cell for every row it covers). */
  cells: Partial<Record<Field, Cell>>;
  /** The cells of a field's further columns (ColumnMapping.also), in the same order. */
  also?: Partial<Record<Field, Cell[]>>;
  /** The row's 交办/下发 date cell (HeaderResult.issued), merged values spread. */
  issued?: Cell;
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
  'department-from-unit',
  'relative-deadline-no-start',
  'calendar-unknown',
  'date-in-name-column',
  'status-in-date-column',
  'completed-in-future',
  'done-but-planned',
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
  /** The finding's sheet column (1-based), as `column` is its letter; null likewise. */
  columnNumber: number | null;
  /** What the message is made of; `renderFinding` (findings.ts) words it in either language. */
  params: FindingParams;
  /** The message in the report's language, rendered once for hosts that show only that language. */
  message: string;
}

/** The parameters a finding's message is built from. */
export interface FindingParams {
  field?: Field;
  header?: string;
  seen?: string[];
  value?: string;
  /** invalid-date: why the date could not be read. */
  reason?: DateReason;
  deadline?: IsoDate;
  completedOn?: IsoDate;
  days?: number;
  rows?: number[];
  department?: string;
  /** The year example dates are written in (the ledger's own year). */
  year?: number;
  /** How many rows a sheet-level finding is about. */
  count?: number;
  /** A column letter, for sheet-level findings about one column. */
  column?: string;
  /** calendar-unknown: the years guessed at, and the last year whose holidays are known. */
  years?: number[];
  knownUntil?: number;
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
  /**
   * Further columns the clerk gave a field (`--map department=L:O`): all of them name departments.
   */
  extraColumns?: Partial<Record<Field, number[]>>;
  /** The 交办/下发 column the clerk chose (1-based), for relative deadlines. */
  issuedColumn?: number | null;
  /** The day the problems were handed over, when the sheet does not say: relative deadlines count from it. */
  issuedOn?: IsoDate | null;
}
