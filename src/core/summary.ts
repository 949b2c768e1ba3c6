/**
 * The figures an inspection asks for, computed from checked ledger sheets. Pure: no I/O.
 *
 * Definitions (also printed on the 整改汇总 sheet as 注 lines, see summaryPlans.ts):
 *
 * - 整改措施 (measures): ledger rows, across every sheet given.
 * - 问题 (problems): each sheet's SheetStats.problems, the count the check made of its rows'
 *   distinct problemKeys (visitLedgerRows): a problem cell merged over several measures is one
 *   problem, a row whose problem cell is blank is a problem of its own (so that the count never drops
 *   below what the ledger lists; such rows are on the 待补充清单 anyway). The same key on two sheets
 *   is two problems (two units' ledgers). Counted once, by the check: keying 25,000 problems again
 *   here cost 30–45 ms at 50,000 rows. (A view of a sheet cut to some of its rows keeps the sheet's
 *   count; only its lists are used.)
 * - 已完成 (completed) = done + long_term. A long-running measure is never overdue and is reported
 *   as "已取得阶段性成效", inside 已完成, as the inspectors' sentence does:
 *   "已完成28项(其中长期任务已取得阶段性成效9项)".
 * - 逾期未完成 (overdue) = rows the engine flagged overdue that are not completed.
 * - 正在推进 (ongoing, the sentence only) = everything else: in_progress, not_started, and rows
 *   whose status is unknown or missing, when not overdue. So 已完成 + 正在推进 + 逾期未完成 =
 *   整改措施 always, and each measure is in exactly one of the three.
 * - 即将到期 (dueSoon) = rows flagged due soon that are neither overdue nor completed.
 * - 完成率 (completion rate) = 已完成 / 整改措施 (long-term measures count as completed, matching
 *   the sentence); null when there are no measures.
 * - Departments: each department of a multi-department cell counts on its own, so department
 *   rows add up to more than the measures. Lead (牵头/责任) and cooperating (配合) departments are
 *   counted in separate tables; rows with no lead department are counted in `noDepartment`.
 *   Departments are listed in the order they first appear in the ledger(s).
 * - Overdue ageing: days past the deadline 1–30, 31–90, over 90. Every overdue measure is in one
 *   bucket, so the buckets add up to 逾期未完成.
 */
import { chineseDate, daysBetween, fromIso } from './calendar';
import { FINDINGS, renderFinding } from './findings';
import { columnNumber } from './grid';
import { addTally, ListTallies, newTally, rowClass, TextTallies, type Tally } from './tally';
import type { Field, FindingCode, IsoDate, Lang, ProgressState, RowReport, SheetReport } from './types';

export interface Counts {
  measures: number;
  done: number;
  longTerm: number;
  inProgress: number;
  notStarted: number;
  /** Status written but not recognised. */
  unknown: number;
  /** Status cell blank. */
  missingStatus: number;
  /** Overdue and not completed. */
  overdue: number;
  /** Due soon, not overdue, not completed. */
  dueSoon: number;
  /** done + longTerm: the sentence's 已完成. */
  completed: number;
  /** Not completed and not overdue: the sentence's 正在推进. */
  ongoing: number;
  /** completed / measures, 0..1; null when there are no measures. */
  completionRate: number | null;
}

export interface GroupCounts extends Counts {
  name: string;
}

export interface SheetCounts extends GroupCounts {
  problems: number;
}

export interface AgeingBuckets {
  /** 1–30 days overdue. */
  upTo30: number;
  /** 31–90 days overdue. */
  upTo90: number;
  /** More than 90 days overdue. */
  over90: number;
}

/** One line of the 逾期清单. */
export interface AlertItem {
  kind: 'overdue' | 'due-soon';
  sheet: string;
  row: number;
  problem: string;
  measure: string;
  departments: string[];
  cooperating: string[];
  deadline: IsoDate | null;
  /** The deadline as the clerk wrote it. */
  deadlineText: string;
  daysOverdue: number | null;
  daysLeft: number | null;
  state: ProgressState;
  /** The status as written, or '' when blank. */
  statusText: string;
  /** A1 address on `sheet` the link jumps to. */
  cell: string;
}

/** Whether a finding goes on the 待补充清单 (the catalogue says which kinds do). */
export const goesOnToComplete = (code: FindingCode): boolean => FINDINGS[code].toComplete !== null;

export interface ToCompleteIssue {
  code: FindingCode;
  field: Field | null;
  column: string | null;
  /** The column's header as the clerk wrote it, when mapped. */
  header: string | null;
  message: string;
}

/** One line of the 待补充清单: a ledger row with something missing or unreadable. */
export interface ToCompleteItem {
  sheet: string;
  row: number;
  problem: string;
  measure: string;
  /** The lead department is missing (these rows come first). */
  missingDepartment: boolean;
  /** In order: department first, then by column. */
  issues: ToCompleteIssue[];
  /** A1 address of the first issue's cell (or of the row when the issue has no column). */
  cell: string;
}

export interface LedgerSummary {
  ledgerName: string;
  asOf: IsoDate;
  sheets: string[];
  problems: number;
  totals: Counts;
  /** Lead departments, first appearance order. */
  byDepartment: GroupCounts[];
  /** Cooperating departments, first appearance order. */
  byCooperating: GroupCounts[];
  /** Rows with no lead department; null when every row has one. */
  noDepartment: Counts | null;
  /** True when some sheet maps a category column. */
  hasCategory: boolean;
  byCategory: GroupCounts[];
  /** Rows with a blank category (only when hasCategory); null when none. */
  uncategorised: Counts | null;
  bySheet: SheetCounts[];
  ageing: AgeingBuckets;
  /** Overdue (most overdue first), then due soon (fewest days left first). */
  alerts: AlertItem[];
  /** Missing-department rows first, then sheet order and row order. */
  toComplete: ToCompleteItem[];
}

/** All counts zero, no completion rate: the start of every tally (sheet, group, unit, total). */
export function emptyCounts(): Counts {
  return {
    measures: 0,
    done: 0,
    longTerm: 0,
    inProgress: 0,
    notStarted: 0,
    unknown: 0,
    missingStatus: 0,
    overdue: 0,
    dueSoon: 0,
    completed: 0,
    ongoing: 0,
    completionRate: null,
  };
}

function isCompleted(r: RowReport): boolean {
  return r.state === 'done' || r.state === 'long_term';
}

/**
 * Sets a tally's completion rate, once its rows are all added (not per row: storing a fresh
 * fraction into the object allocated a number on the heap for every row of every tally it went
 * into, some 150,000 at 50,000 rows, for about 5 ms of the copy's collector time).
 */
function withRate<C extends Counts>(c: C): C {
  c.completionRate = c.measures > 0 ? c.completed / c.measures : null;
  return c;
}

function countsOf(tally: Tally): Counts {
  const c = emptyCounts();
  addTally(c, tally);
  return c;
}

/**
 * Adds one tally to another (the sheets' counts to the ledger's totals: counting each row once,
 * into its sheet, saves a second tally per row).
 */
function addCounts(to: Counts, c: Counts): void {
  to.measures += c.measures;
  to.done += c.done;
  to.longTerm += c.longTerm;
  to.inProgress += c.inProgress;
  to.notStarted += c.notStarted;
  to.unknown += c.unknown;
  to.missingStatus += c.missingStatus;
  to.overdue += c.overdue;
  to.dueSoon += c.dueSoon;
  to.completed += c.completed;
  to.ongoing += c.ongoing;
  if (to.measures > 0) to.completionRate = to.completed / to.measures;
}

/**
 * The figures of one sheet as the report sentence counts them, for the pane's tiles and the
 * command line's counts line: 已完成 + 正在推进 + 逾期未完成 = 整改措施, each measure in one of the
 * three; beneath them the finer split (已完成 of which long-term; 正在推进 by written progress).
 */
export interface SentenceFigures extends Counts {
  /** The sentence's 正在推进 split by progress: each is also not completed and not overdue. */
  ongoingSplit: { inProgress: number; notStarted: number; unclear: number };
  /** Rows without a responsible department. */
  missingDepartment: number;
}

export function sentenceFigures(report: SheetReport): SentenceFigures {
  const tally = newTally();
  const ongoingSplit = { inProgress: 0, notStarted: 0, unclear: 0 };
  for (const r of report.rows) {
    tally[rowClass(r)]++;
    if (isCompleted(r) || r.overdue) continue;
    if (r.state === 'in_progress') ongoingSplit.inProgress++;
    else if (r.state === 'not_started') ongoingSplit.notStarted++;
    else ongoingSplit.unclear++;
  }
  return { ...withRate(countsOf(tally)), ongoingSplit, missingDepartment: report.stats.missingDepartment };
}

/** Counts grouped by name, keeping first-appearance order. */
class Groups {
  private readonly map = new Map<string, GroupCounts>();
  add(name: string, tally: Tally): void {
    let g = this.map.get(name);
    if (!g) {
      g = { name, ...emptyCounts() };
      this.map.set(name, g);
    }
    addTally(g, tally);
  }
  /**
   * Each list's rows to each of its names, once per name. The lists come in first-appearance
   * order, so the names do too: a name first appears in the list of the row it first appears on.
   */
  addLists(lists: ListTallies): void {
    for (const { names, tally } of lists.entries) {
      for (let i = 0; i < names.length; i++) if (isFirst(names, i)) this.add(names[i], tally);
    }
  }
  list(): GroupCounts[] {
    return [...this.map.values()].map(withRate);
  }
}

/**
 * Whether names[i] is the first of its kind, to count each name once in order of appearance. A
 * cell names one or two departments: looking at the few before beats a Set.
 */
function isFirst(names: readonly string[], i: number): boolean {
  return i === 0 || names.indexOf(names[i]) === i;
}

function daysOverdueOf(r: RowReport, asOf: IsoDate): number | null {
  if (r.daysOverdue !== null) return r.daysOverdue;
  return r.deadline ? daysBetween(r.deadline, asOf) : null;
}

/** The cell a link to a ledger row jumps to: the measure cell, else the problem cell, else column A. */
export function rowAnchor(report: SheetReport, row: number): string {
  return `${anchorColumn(report)}${row}`;
}

function anchorColumn(report: SheetReport): string {
  const cols = report.columns;
  return cols.measure?.column ?? cols.problem?.column ?? firstMappedColumn(report) ?? 'A';
}

function firstMappedColumn(report: SheetReport): string | null {
  let best: string | null = null;
  for (const c of Object.values(report.columns)) {
    if (c && columnNumber(c.column) > 0 && (best === null || columnNumber(c.column) < columnNumber(best))) {
      best = c.column;
    }
  }
  return best;
}

function isDepartmentIssue(code: FindingCode, field: Field | null): boolean {
  return code === 'missing-department' || (code === 'missing-required' && field === 'department');
}

/** What a sheet's rows are counted into besides the sheet's own tally (see tallyRows). */
interface RowTallies {
  lead: ListTallies;
  coop: ListTallies;
  /** Categories, when some sheet maps a category column. */
  cats: TextTallies | null;
  noDepartment: Tally | null;
  ageing: AgeingBuckets;
}

/**
 * One sheet's rows: each classified once and counted into its tallies (see tally.ts), the
 * overdue ones into the ageing buckets, the overdue and due-soon ones onto `alerts`. A function of its own with an indexed loop: V8 compiles a hot loop
 * together with the whole function it is in (on-stack replacement), and the 待补充清单's code
 * after it had been compiled with it, for nothing.
 */
function tallyRows(
  report: SheetReport,
  sheetTally: Tally,
  tallies: RowTallies,
  alerts: AlertItem[],
  asOf: IsoDate,
): void {
  const { lead, coop, cats, ageing } = tallies;
  const anchor = anchorColumn(report);
  const rows = report.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    // The row is classified once and counted into each of its tallies (see tally.ts).
    const k = rowClass(r);
    sheetTally[k]++;

    if (r.departments.length === 0) (tallies.noDepartment ??= newTally())[k]++;
    else lead.of(r.departments)[k]++;
    if (r.cooperating.length > 0) coop.of(r.cooperating)[k]++;
    if (cats) cats.of(r.text.category ?? '')[k]++;

    const overdue = !isCompleted(r) && r.overdue;
    const dueSoon = !isCompleted(r) && !r.overdue && r.dueSoon;
    let daysOverdue: number | null = null;
    if (overdue) {
      daysOverdue = daysOverdueOf(r, asOf);
      const d = daysOverdue ?? 0;
      if (d > 90) ageing.over90++;
      else if (d > 30) ageing.upTo90++;
      else ageing.upTo30++;
    }
    if (overdue || dueSoon) alerts.push(new Alert(r, report.name, overdue, daysOverdue, `${anchor}${r.row}`));
  }
}

/**
 * A 逾期清单 line's data, made by a constructor rather than an object literal: V8 watches what
 * becomes of the objects each literal makes, and when nearly all of them survive (these are kept
 * until the copy is written) it decides to make the rest in the old generation and throws away the
 * compiled code that made them, so tallyRows was compiled twice (4.5 ms of compiling at 10,000
 * rows). Objects made by `new` are not watched. The same fields, in the same order, as the literal.
 */
class Alert implements AlertItem {
  kind: 'overdue' | 'due-soon';
  sheet: string;
  row: number;
  problem: string;
  measure: string;
  departments: string[];
  cooperating: string[];
  deadline: IsoDate | null;
  deadlineText: string;
  daysOverdue: number | null;
  daysLeft: number | null;
  state: ProgressState;
  statusText: string;
  cell: string;

  constructor(r: RowReport, sheet: string, overdue: boolean, daysOverdue: number | null, cell: string) {
    this.kind = overdue ? 'overdue' : 'due-soon';
    this.sheet = sheet;
    this.row = r.row;
    this.problem = r.text.problem ?? '';
    this.measure = r.text.measure ?? '';
    // The row's own lists, not copies (14,000 alerts at 50,000 rows): nothing changes them, and
    // the engine's are frozen and shared among rows already.
    this.departments = r.departments;
    this.cooperating = r.cooperating;
    this.deadline = r.deadline;
    this.deadlineText = r.text.deadline ?? '';
    this.daysOverdue = daysOverdue;
    this.daysLeft = overdue ? null : r.daysLeft;
    this.state = r.state;
    this.statusText = r.text.status ?? '';
    this.cell = cell;
  }
}

/**
 * The 待补充清单's issues of a sheet, by row, in finding order. A function of its own with an
 * indexed loop, for the same reason as tallyRows (33,000 findings at 50,000 rows, few of them
 * kept).
 */
function toCompleteIssues(report: SheetReport): Map<number, ToCompleteIssue[]> {
  const issuesByRow = new Map<number, ToCompleteIssue[]>();
  const findings = report.findings;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.row === null || !goesOnToComplete(f.code)) continue;
    const list = issuesByRow.get(f.row) ?? [];
    const header = f.field ? (report.columns[f.field]?.header ?? null) : null;
    // The sheets are in Chinese whatever the report's language: render the message again.
    list.push({ code: f.code, field: f.field, column: f.column, header, message: renderFinding(f, 'zh') });
    issuesByRow.set(f.row, list);
  }
  return issuesByRow;
}

export function summarize(
  reports: SheetReport[],
  opts: { asOf: IsoDate; ledgerName: string },
): LedgerSummary {
  const totals = emptyCounts();
  const hasCategory = reports.some((r) => r.columns.category !== undefined);
  const tallies: RowTallies = {
    lead: new ListTallies(),
    coop: new ListTallies(),
    cats: hasCategory ? new TextTallies() : null,
    noDepartment: null,
    ageing: { upTo30: 0, upTo90: 0, over90: 0 },
  };
  const { lead, coop } = tallies;
  let problems = 0;
  const bySheet: SheetCounts[] = [];
  const alerts: AlertItem[] = [];
  const toComplete: ToCompleteItem[] = [];
  const sheetOrder = new Map<string, number>();

  reports.forEach((report, sheetIndex) => {
    sheetOrder.set(report.name, sheetIndex);
    const sheetTally = newTally();
    tallyRows(report, sheetTally, tallies, alerts, opts.asOf);
    const sheetProblems = report.stats.problems;
    const sheetCounts: SheetCounts = { name: report.name, problems: sheetProblems, ...emptyCounts() };
    addTally(sheetCounts, sheetTally);
    addCounts(totals, withRate(sheetCounts));
    // A problem key is per sheet (two units' ledgers are two problems), so the sheets' counts add up.
    problems += sheetProblems;
    bySheet.push(sheetCounts);

    // The 待补充清单: one line per row, its issues department first, then by column.
    const issuesByRow = toCompleteIssues(report);
    const rowsByNumber = new Map<number, RowReport>();
    if (issuesByRow.size > 0)
      for (const r of report.rows) if (issuesByRow.has(r.row)) rowsByNumber.set(r.row, r);
    for (const [rowNo, issues] of issuesByRow) {
      issues.sort((a, b) => {
        const da = isDepartmentIssue(a.code, a.field) ? 0 : 1;
        const db = isDepartmentIssue(b.code, b.field) ? 0 : 1;
        if (da !== db) return da - db;
        return columnNumber(a.column ?? '') - columnNumber(b.column ?? '');
      });
      const r = rowsByNumber.get(rowNo);
      const first = issues[0];
      toComplete.push({
        sheet: report.name,
        row: rowNo,
        problem: r?.text.problem ?? '',
        measure: r?.text.measure ?? '',
        missingDepartment: issues.some((i) => isDepartmentIssue(i.code, i.field)),
        issues,
        cell:
          first.column && columnNumber(first.column) > 0
            ? `${first.column.toUpperCase()}${rowNo}`
            : rowAnchor(report, rowNo),
      });
    }
  });

  const order = (sheet: string) => sheetOrder.get(sheet) ?? 0;
  alerts.sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'overdue' ? -1 : 1;
    if (a.kind === 'overdue') {
      const d = (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0);
      if (d !== 0) return d;
    } else {
      const d = (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER);
      if (d !== 0) return d;
    }
    return order(a.sheet) - order(b.sheet) || a.row - b.row;
  });
  toComplete.sort(
    (a, b) =>
      Number(b.missingDepartment) - Number(a.missingDepartment) ||
      order(a.sheet) - order(b.sheet) ||
      a.row - b.row,
  );

  const byDepartment = new Groups();
  byDepartment.addLists(lead);
  const byCooperating = new Groups();
  byCooperating.addLists(coop);
  // Categories are tallied by their text as written; blank once trimmed is uncategorised.
  const byCategory = new Groups();
  let uncategorised: Counts | null = null;
  for (const [text, tally] of tallies.cats?.byText ?? []) {
    const cat = text.trim();
    if (cat) byCategory.add(cat, tally);
    else addTally((uncategorised ??= emptyCounts()), tally);
  }

  return {
    ledgerName: opts.ledgerName,
    asOf: opts.asOf,
    sheets: reports.map((r) => r.name),
    problems,
    totals,
    byDepartment: byDepartment.list(),
    byCooperating: byCooperating.list(),
    noDepartment: tallies.noDepartment && withRate(countsOf(tallies.noDepartment)),
    hasCategory,
    byCategory: byCategory.list(),
    uncategorised: uncategorised && withRate(uncategorised),
    bySheet,
    ageing: tallies.ageing,
    alerts,
    toComplete,
  };
}

/** '2024-04-15' → '2024年4月15日' (calendar.ts's, re-exported so importers of summary keep it). */
export { chineseDate };

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2024-04-15' → '15 April 2024'. */
export function englishDate(date: IsoDate): string {
  const { year, month, day } = fromIso(date);
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/**
 * The one-sentence progress report, in docs/domain.md's shape (its punctuation too):
 * "截至2024年4月15日,共梳理问题17个,制定整改措施30项,已完成28项(其中长期任务已取得阶段性成效9项),
 * 正在推进2项,逾期未完成0项。" 已完成 + 正在推进 + 逾期未完成 = 制定整改措施.
 */
export function summarySentence(summary: LedgerSummary, lang: Lang): string {
  const t = summary.totals;
  if (lang === 'en') {
    const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
    return (
      `As of ${englishDate(summary.asOf)}, ${n(summary.problems, 'problem', 'problems')} identified and ` +
      `${n(t.measures, 'measure', 'measures')} set: ${t.completed} completed ` +
      `(including ${n(t.longTerm, 'long-term measure', 'long-term measures')} showing results), ` +
      `${t.ongoing} in progress, ${t.overdue} overdue.`
    );
  }
  return (
    `截至${chineseDate(summary.asOf)}，共梳理问题${summary.problems}个，制定整改措施${t.measures}项，` +
    `已完成${t.completed}项（其中长期任务已取得阶段性成效${t.longTerm}项），` +
    `正在推进${t.ongoing}项，逾期未完成${t.overdue}项。`
  );
}
