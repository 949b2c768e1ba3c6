/**
 * The rules a ledger row is judged by: a row's shape (every required field that has a column is
 * filled in), then judgements on dates and progress as docs/domain.md defines them.
 *
 * judgeRow runs once per ledger row (50,000 on a large sheet), so it allocates little: the answers
 * that repeat (dates, statuses, departments, column letters, messages) are remembered per text or
 * per check, and a finding's params are built once, in the order the report prints them.
 */
import { dayNumber, daysBetween } from './calendar';
import { readDepartments, type DepartmentCell } from './departments';
import { isDateFormat, parseDateCell, type DateContext } from './dates';
import { resolveRelative } from './relative';
import { EMPTY, cellText, columnLetter } from './grid';
import { FINDINGS, findingMessage, type FindingParams } from './findings';
import { classifyStatus } from './progress';
import { memoByText } from './memo';
import type {
  Cell,
  CheckOptions,
  ColumnMapping,
  Field,
  Finding,
  FindingCode,
  HeaderResult,
  IsoDate,
  LedgerRow,
  ProgressState,
  ParsedDate,
  RowReport,
} from './types';

/** Everything a row judgement needs that is the same for every row of a sheet. */
export interface RowContext {
  options: CheckOptions;
  header: HeaderResult;
  /** The fields that have a column. */
  fields: Field[];
  dateSystem: 1900 | 1904;
  /** Required fields that have a column, each once; the others are reported once, as missing-column. */
  required: readonly Field[];
  /** The year example dates in messages use: the ledger's own. */
  exampleYear?: number;
  /** Where relative deadlines count from when the row has no 交办 date: the line above the header, else the clerk's date. */
  issuedFallback?: IsoDate | null;
  /** Filled in while judging: relative deadlines with no start date, and years guessed for working days. */
  relative: { withoutStart: number[]; example: string; guessedYears: Set<number> };
  /** Made once per check by rowContext: the date context and each field's column letter. */
  dateCtx: DateContext;
  /**
   * Whole days from the as-of date to a date (daysBetween(asOf, date)), remembered per date: a
   * ledger's deadlines repeat a few hundred days, so the date arithmetic runs once per day, not
   * on every dated row (and its small functions never get hot enough for V8 to compile them).
   */
  daysUntil: (date: IsoDate) => number;
  letters: Partial<Record<Field, string>>;
  /**
   * A row's `text` record with every field that has a column, in order, each ''. judgeRow copies it
   * and fills it in: the copy is made with all its fields at once, where adding 12 fields to {}
   * one by one grows the record's storage three times (measured: 100 bytes of garbage a row, 5 MB
   * that young-generation collections scanned at 50,000 rows).
   */
  textTemplate: Partial<Record<Field, string>>;
  /** The name fields (person, department, cooperating) that have a column, with it. */
  names: { field: (typeof NAME_FIELDS)[number]; mapping: ColumnMapping }[];
  /** sharedFinding's params and messages, per finding code and key (this check only). */
  said: Map<FindingCode, Map<string, { params: FindingParams; message: string }>>;
}

/** The row context of one check; everything remembered in it lives as long as that check. */
export function rowContext(
  base: Omit<
    RowContext,
    'dateCtx' | 'daysUntil' | 'letters' | 'required' | 'said' | 'names' | 'textTemplate'
  > & {
    required: readonly Field[];
  },
): RowContext {
  const letters: Partial<Record<Field, string>> = {};
  const textTemplate: Partial<Record<Field, string>> = {};
  for (const field of base.fields) textTemplate[field] = '';
  for (const field of base.fields) {
    const mapping = base.header.columns[field];
    if (mapping?.column) letters[field] = columnLetter(mapping.column);
  }
  return {
    ...base,
    // A field listed twice is still one requirement (and one finding).
    required: [...new Set(base.required)],
    dateCtx: { asOf: base.options.asOf, dateSystem: base.dateSystem },
    daysUntil: daysFrom(base.options.asOf),
    letters,
    textTemplate,
    names: NAME_FIELDS.flatMap((field) => {
      const mapping = base.header.columns[field];
      return mapping ? [{ field, mapping }] : [];
    }),
    said: new Map(),
  };
}

function daysFrom(asOf: IsoDate): (date: IsoDate) => number {
  const asOfDay = dayNumber(asOf);
  return memoByText((date) => Math.round(dayNumber(date) - asOfDay));
}

/** A date typed where a name belongs: a date cell, a date-formatted number, or a text that is only a date. */
const DATE_ONLY =
  /^\s*(?:\d{4}\s*[年./-]\s*\d{1,2}\s*(?:[月./-]\s*\d{1,2}\s*[日号]?|月)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号])\s*$/;
export function looksLikeDate(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.type === 'date') return true;
  if (cell.type === 'number') return isDateFormat(cell.format);
  if (cell.type !== 'text') return false;
  const t = String(cell.value);
  // Cheap tests first: a date written as text is short and has a digit near its start (a name
  // starting with a Chinese character, neither a digit nor a space, needs no regex).
  if (t.length > 24) return false;
  const first = t.charCodeAt(0);
  if (first >= 0x3400 && first <= 0x9fff) return false;
  return /^\s*\d/.test(t) && DATE_ONLY.test(t);
}

const NAME_FIELDS = ['person', 'department', 'cooperating'] as const;

/**
 * A measure still written as a plan: 将/拟/计划 as a future marker ("将于6月底前完成", "拟召开",
 * "计划年底前出台"). Not 将 as the object marker ("将X纳入考核"), 计划 as a noun ("制定学习计划")
 * or 拟定 ("拟定方案").
 */
const PLANNED =
  /(?:将|拟|计划|预计|准备)(?:于|在|到)|即将|将(?:会|要|进一步|继续|加快|逐步|适时|尽快)|拟(?!定|稿|任|人)[\u4e00-\u9fff]|计划(?:\d|[一二三四五六七八九十]{1,2}月|年底|年内|月底|下半年|上半年|近期|尽快|开展|召开|出台|完成|启动)/;

/** A yes/no status column: 是 (or a tick) is done; 否, a cross or blank is not done yet. */
const YES = /^(?:是|已|已完成|完成|√|✓|✔|☑|y|yes)$/i;
const NO = /^(?:否|未|未完成|×|✗|✘|n|no)?$/i;

export function makeFinding(
  code: FindingCode,
  row: number | null,
  field: Field | null,
  header: HeaderResult,
  params: FindingParams,
  options: CheckOptions,
  column?: number,
): Finding {
  const mapping = field ? header.columns[field] : undefined;
  const at = column ?? mapping?.column;
  const all: FindingParams = field ? { field, ...params } : params;
  return {
    code,
    severity: FINDINGS[code].severity,
    row,
    column: at ? columnLetter(at) : null,
    columnNumber: at || null,
    field,
    params: all,
    message: findingMessage(code, all, options.lang),
  };
}

/** A row finding whose params are already built (field first, then year, as makeFinding orders them). */
function rowFinding(
  ctx: RowContext,
  code: FindingCode,
  row: number,
  field: Field,
  params: FindingParams,
  column?: number,
): Finding {
  return finding(ctx, code, row, field, params, findingMessage(code, params, ctx.options.lang), column);
}

function finding(
  ctx: RowContext,
  code: FindingCode,
  row: number,
  field: Field,
  params: FindingParams,
  message: string,
  column?: number,
): Finding {
  const at = column ?? ctx.header.columns[field]?.column;
  return {
    code,
    severity: FINDINGS[code].severity,
    row,
    column: column === undefined ? (ctx.letters[field] ?? null) : at ? columnLetter(at) : null,
    columnNumber: at || null,
    field,
    params,
    message,
  };
}

/**
 * A row finding whose params, within one check, are fixed by `key` (the one value that varies: the
 * deadline of an overdue row, whose days follow from it; a department text): every row with the
 * same key shares one frozen params object and one message, built once. On 50,000 rows that is
 * most findings' message building and most of their memory (measured: 9 → 3 MB of findings kept,
 * 400 → 345 ms).
 */
function sharedFinding(
  ctx: RowContext,
  code: FindingCode,
  row: number,
  field: Field,
  key: string,
  params: FindingParams,
): Finding {
  let byKey = ctx.said.get(code);
  if (byKey === undefined) ctx.said.set(code, (byKey = new Map()));
  let said = byKey.get(key);
  if (said === undefined) {
    const frozen = Object.freeze(params);
    said = { params: frozen, message: findingMessage(code, frozen, ctx.options.lang) };
    byKey.set(key, said);
  }
  return finding(ctx, code, row, field, said.params, said.message);
}

/** A few characters around the plan word, for the message. */
function planExcerpt(measure: string, at: number): string {
  const start = Math.max(0, at - 4);
  const end = Math.min(measure.length, at + 12);
  return (
    (start > 0 ? '…' : '') + measure.slice(start, end).replace(/\s+/g, '') + (end < measure.length ? '…' : '')
  );
}

function dateText(cell: Cell | undefined, parsed: ParsedDate): string {
  if (parsed.kind === 'date' && cell && (cell.type === 'number' || cell.type === 'date'))
    return parsed.date ?? '';
  return cellText(cell);
}

/** Names typed as dates (纸上整改 slips); a responsibility group's sub-columns each name a department. */
function judgeNames(
  ledgerRow: Readonly<LedgerRow>,
  ctx: RowContext,
  text: Partial<Record<Field, string>>,
  findings: Finding[],
): void {
  const { row, cells } = ledgerRow;
  const year = ctx.exampleYear;
  const nameFields = ctx.names;
  for (let n = 0; n < nameFields.length; n++) {
    const { field, mapping } = nameFields[n];
    const cell = cells[field];
    if (!mapping.also) {
      // Most name cells are empty or start with a Chinese character: not a date, said cheaply.
      if (cell !== undefined && cell.type !== 'empty' && looksLikeDate(cell)) {
        const value = dateText(cell, parseDateCell(cell, ctx.dateCtx));
        findings.push(rowFinding(ctx, 'date-in-name-column', row, field, { field, year, value }));
        text[field] = '';
      }
      continue;
    }
    // A loop, not list.forEach with an arrow: a function here that captures the loop's variables
    // makes V8 allocate them in a context object on every row (measured: 230 bytes a row).
    const list = [cell, ...(ledgerRow.also?.[field] ?? [])];
    const names: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (looksLikeDate(c)) {
        const column = i === 0 ? mapping.column : mapping.also[i - 1].column;
        const value = dateText(c, parseDateCell(c!, ctx.dateCtx));
        findings.push(rowFinding(ctx, 'date-in-name-column', row, field, { field, year, value }, column));
      } else {
        const t = cellText(c);
        if (t) names.push(t);
      }
    }
    text[field] = names.join('、');
  }
}

/**
 * Required fields: each that has a column must hold text (what a zod string().trim().min(1)
 * schema over the row said, in the same order, without building a schema result per row).
 */
function judgeShape(
  ledgerRow: LedgerRow,
  ctx: RowContext,
  text: Partial<Record<Field, string>>,
  findings: Finding[],
): void {
  const { row, cells } = ledgerRow;
  const year = ctx.exampleYear;
  const required = ctx.required;
  for (let i = 0; i < required.length; i++) {
    const field = required[i];
    // Every text of a row is trimmed already (cellText), so filled means not ''.
    const t = text[field];
    if (typeof t === 'string' && t !== '') continue;
    if (cells[field]?.type === 'error') continue; // already said: the cell holds an error value
    if (field === 'department')
      findings.push(sharedFinding(ctx, 'missing-department', row, 'department', '', { field, year }));
    else findings.push(sharedFinding(ctx, 'missing-required', row, field, field, { field, year }));
  }
}

const NO_NAMES = readDepartments('');

/** A department text read (an empty one, as most 配合单位 cells are, without a lookup). */
function namesIn(text: string | undefined): DepartmentCell {
  return text === undefined || text === '' ? NO_NAMES : readDepartments(text);
}

function judgeErrors(ledgerRow: Readonly<LedgerRow>, ctx: RowContext, findings: Finding[]): void {
  const { row, cells } = ledgerRow;
  const year = ctx.exampleYear;
  const fields = ctx.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const cell = cells[field];
    if (cell?.type === 'error' && field !== 'deadline' && field !== 'completedOn') {
      findings.push(rowFinding(ctx, 'error-cell', row, field, { field, year, value: String(cell.value) }));
    }
  }
}

/** Judges one ledger row: its report line and its findings (appended to `findings`). */
export function judgeRow(ledgerRow: LedgerRow, ctx: RowContext, findings: Finding[]): RowReport {
  const { options, header } = ctx;
  const { row, cells } = ledgerRow;
  const year = ctx.exampleYear;

  const text: Partial<Record<Field, string>> = { ...ctx.textTemplate };
  let errors = false;
  const fields = ctx.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const cell = cells[field];
    text[field] = cellText(cell);
    if (cell !== undefined && cell.type === 'error') errors = true;
  }
  judgeNames(ledgerRow, ctx, text, findings);

  const dateCtx = ctx.dateCtx;
  let deadline = parseDateCell(cells.deadline ?? EMPTY, dateCtx);
  const completed = parseDateCell(cells.completedOn ?? EMPTY, dateCtx);
  if (deadline.kind === 'relative' && deadline.relative) {
    const own = ledgerRow.issued ? parseDateCell(ledgerRow.issued, dateCtx) : null;
    const start = own?.kind === 'date' ? own.date : (ctx.issuedFallback ?? null);
    if (start) {
      const resolved = resolveRelative(start, deadline.relative);
      for (const y of resolved.guessedYears) ctx.relative.guessedYears.add(y);
      deadline = { kind: 'date', date: resolved.date };
    } else {
      if (ctx.relative.withoutStart.length === 0) ctx.relative.example = cellText(cells.deadline);
      ctx.relative.withoutStart.push(row);
    }
  }
  if (header.columns.deadline) text.deadline = dateText(cells.deadline, deadline);
  if (header.columns.completedOn) text.completedOn = dateText(cells.completedOn, completed);

  // Error values (#REF!, #N/A) in text fields: the date fields report them as invalid dates below.
  // (Noticed while reading the texts above: a second pass over the fields cost 7 ms at 50k rows.)
  if (errors) judgeErrors(ledgerRow, ctx, findings);

  judgeShape(ledgerRow, ctx, text, findings);

  if (deadline.kind === 'invalid') {
    findings.push(
      rowFinding(ctx, 'invalid-date', row, 'deadline', {
        field: 'deadline',
        year,
        value: text.deadline,
        reason: deadline.reason,
      }),
    );
  }
  if (completed.kind !== 'date' && completed.kind !== 'missing') {
    // "已整改" typed where the date belongs is a slip, not a bad date.
    const written = classifyStatus(text.completedOn ?? '');
    if (written === 'done' || written === 'in_progress' || written === 'not_started')
      findings.push(
        rowFinding(ctx, 'status-in-date-column', row, 'completedOn', {
          field: 'completedOn',
          year,
          value: text.completedOn,
        }),
      );
    else
      findings.push(
        rowFinding(ctx, 'invalid-date', row, 'completedOn', {
          field: 'completedOn',
          year,
          value: text.completedOn,
          reason: completed.reason,
        }),
      );
  }

  let state: ProgressState;
  if (header.columns.status?.yesNo) {
    const answer = (text.status ?? '').replace(/\s+/g, '');
    state = YES.test(answer) ? 'done' : NO.test(answer) ? 'in_progress' : classifyStatus(answer);
  } else state = classifyStatus(text.status ?? '');
  if (state === 'unknown' && cells.status?.type !== 'error') {
    const value = text.status;
    const params: FindingParams = { field: 'status', year, value };
    findings.push(
      typeof value === 'string'
        ? sharedFinding(ctx, 'unknown-status', row, 'status', value, params)
        : rowFinding(ctx, 'unknown-status', row, 'status', params),
    );
  }
  if (deadline.kind === 'long_term' && state !== 'done') state = 'long_term';

  const open = state !== 'done' && state !== 'long_term';
  let overdue = false;
  let daysOverdue: number | null = null;
  let dueSoon = false;
  let daysLeft: number | null = null;
  if (deadline.kind === 'date' && deadline.date) {
    const left = ctx.daysUntil(deadline.date);
    if (left >= 0) daysLeft = left;
    if (open && left < 0) {
      overdue = true;
      daysOverdue = -left;
      findings.push(
        sharedFinding(ctx, 'overdue', row, 'deadline', deadline.date, {
          field: 'deadline',
          year,
          days: daysOverdue,
          deadline: deadline.date,
        }),
      );
    } else if (open && left <= options.dueSoonDays) {
      dueSoon = true;
      findings.push(
        sharedFinding(ctx, 'due-soon', row, 'deadline', deadline.date, {
          field: 'deadline',
          year,
          days: left,
          deadline: deadline.date,
        }),
      );
    }
  }
  if (deadline.kind === 'immediate' && open)
    findings.push(sharedFinding(ctx, 'immediate-not-done', row, 'status', '', { field: 'status', year }));

  const completedOn = completed.kind === 'date' ? completed.date : null;
  if (state === 'done' && header.columns.completedOn && completed.kind === 'missing') {
    findings.push(
      sharedFinding(ctx, 'done-without-completion-date', row, 'completedOn', '', {
        field: 'completedOn',
        year,
      }),
    );
  }
  if (completedOn && completedOn > options.asOf)
    findings.push(
      sharedFinding(ctx, 'completed-in-future', row, 'completedOn', completedOn, {
        field: 'completedOn',
        year,
        completedOn,
      }),
    );
  if (state === 'done' && text.measure) {
    const plan = PLANNED.exec(text.measure);
    const excerpt = plan ? planExcerpt(text.measure, plan.index) : '';
    if (plan)
      findings.push(
        sharedFinding(ctx, 'done-but-planned', row, 'measure', excerpt, {
          field: 'measure',
          year,
          value: excerpt,
        }),
      );
  }
  if (completedOn && deadline.kind === 'date' && deadline.date && completedOn > deadline.date) {
    findings.push(
      // The days late follow from the two dates.
      sharedFinding(ctx, 'completed-late', row, 'completedOn', `${completedOn}|${deadline.date}`, {
        field: 'completedOn',
        year,
        completedOn,
        deadline: deadline.date,
        days: daysBetween(deadline.date, completedOn),
      }),
    );
  }

  // The lists are shared between rows with the same text (frozen, so no one can change them).
  const departments = namesIn(text.department);
  if (departments.vague) {
    findings.push(
      sharedFinding(ctx, 'vague-department', row, 'department', text.department!, {
        field: 'department',
        year,
        department: text.department,
      }),
    );
  }

  return {
    row,
    state,
    deadline: deadline.kind === 'date' ? deadline.date : null,
    deadlineKind: deadline.kind,
    overdue,
    daysOverdue,
    dueSoon,
    daysLeft,
    departments: departments.names as string[],
    cooperating: namesIn(text.cooperating).names as string[],
    completedOn,
    problemKey: ledgerRow.problemKey,
    text,
  };
}
