/**
 * The rules a ledger row is judged by. A row's shape (which fields must be filled) is a zod schema
 * built from the required fields; the rest are judgements on dates and progress as docs/domain.md
 * defines them.
 */
import { z } from 'zod';
import { daysBetween } from './calendar';
import { isVagueDepartment, splitDepartments } from './departments';
import { isDateFormat, parseDateCell } from './dates';
import { resolveRelative } from './relative';
import { cellText, columnLetter } from './grid';
import { FINDINGS, findingMessage, type FindingParams } from './findings';
import { classifyStatus } from './progress';
import type {
  Cell,
  CheckOptions,
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

const filled = z.string().trim().min(1);

/** The shape a row must have: every required field that has a column is filled in. */
export function rowShapeSchema(fields: readonly Field[]) {
  return z.object(Object.fromEntries(fields.map((f) => [f, filled])) as Record<Field, typeof filled>);
}

export type RowShapeSchema = ReturnType<typeof rowShapeSchema>;

/** Everything a row judgement needs that is the same for every row of a sheet. */
export interface RowContext {
  options: CheckOptions;
  header: HeaderResult;
  /** The fields that have a column. */
  fields: Field[];
  dateSystem: 1900 | 1904;
  /** Required fields that have a column; the others are reported once, as missing-column. */
  shape: RowShapeSchema;
  /** The year example dates in messages use: the ledger's own. */
  exampleYear?: number;
  /** Where relative deadlines count from when the row has no 交办 date: the line above the header, else the clerk's date. */
  issuedFallback?: IsoDate | null;
  /** Filled in while judging: relative deadlines with no start date, and years guessed for working days. */
  relative: { withoutStart: number[]; example: string; guessedYears: Set<number> };
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
  // Cheap test first: a date written as text is short and has a digit near its start.
  return t.length <= 24 && /^\s*\d/.test(t) && DATE_ONLY.test(t);
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

function dateCtxOf(ctx: RowContext) {
  return { asOf: ctx.options.asOf, dateSystem: ctx.dateSystem };
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

/** Judges one ledger row: its report line and its findings (appended to `findings`). */
export function judgeRow(ledgerRow: LedgerRow, ctx: RowContext, findings: Finding[]): RowReport {
  const { options, header } = ctx;
  const { row, cells } = ledgerRow;
  const year = ctx.exampleYear;
  const add = (code: FindingCode, field: Field | null, params: FindingParams = {}, column?: number) =>
    findings.push(makeFinding(code, row, field, header, { year, ...params }, options, column));

  const text: Partial<Record<Field, string>> = {};
  for (const field of ctx.fields) text[field] = cellText(cells[field]);

  // Names typed as dates (纸上整改 slips); a sub-column of a responsibility group names a department
  // too, so the row's departments are all of its filled ones.
  for (const field of NAME_FIELDS) {
    const mapping = header.columns[field];
    if (!mapping) continue;
    const cell = cells[field];
    if (!mapping.also) {
      if (looksLikeDate(cell)) {
        add('date-in-name-column', field, { value: dateText(cell, parseDateCell(cell!, dateCtxOf(ctx))) });
        text[field] = '';
      }
      continue;
    }
    const list = [cell, ...(ledgerRow.also?.[field] ?? [])];
    const names: string[] = [];
    list.forEach((c, i) => {
      if (looksLikeDate(c)) {
        const column = i === 0 ? mapping.column : mapping.also![i - 1].column;
        add('date-in-name-column', field, { value: dateText(c, parseDateCell(c!, dateCtxOf(ctx))) }, column);
      } else {
        const t = cellText(c);
        if (t) names.push(t);
      }
    });
    text[field] = names.join('、');
  }

  const dateCtx = dateCtxOf(ctx);
  let deadline = parseDateCell(cells.deadline ?? { type: 'empty', value: null }, dateCtx);
  const completed = parseDateCell(cells.completedOn ?? { type: 'empty', value: null }, dateCtx);
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
  for (const field of ctx.fields) {
    const cell = cells[field];
    if (cell?.type === 'error' && field !== 'deadline' && field !== 'completedOn') {
      add('error-cell', field, { value: String(cell.value) });
    }
  }

  // Required fields, checked as the row's shape.
  const shape = ctx.shape.safeParse(text);
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const field = issue.path[0] as Field;
      if (cells[field]?.type === 'error') continue; // already said: the cell holds an error value
      if (field === 'department') add('missing-department', 'department');
      else add('missing-required', field);
    }
  }

  if (deadline.kind === 'invalid') {
    add('invalid-date', 'deadline', { value: text.deadline, reason: deadline.reason });
  }
  if (completed.kind !== 'date' && completed.kind !== 'missing') {
    // "已整改" typed where the date belongs is a slip, not a bad date.
    const written = classifyStatus(text.completedOn ?? '');
    if (written === 'done' || written === 'in_progress' || written === 'not_started')
      add('status-in-date-column', 'completedOn', { value: text.completedOn });
    else add('invalid-date', 'completedOn', { value: text.completedOn, reason: completed.reason });
  }

  let state: ProgressState;
  if (header.columns.status?.yesNo) {
    const answer = (text.status ?? '').replace(/\s+/g, '');
    state = YES.test(answer) ? 'done' : NO.test(answer) ? 'in_progress' : classifyStatus(answer);
  } else state = classifyStatus(text.status ?? '');
  if (state === 'unknown' && cells.status?.type !== 'error')
    add('unknown-status', 'status', { value: text.status });
  if (deadline.kind === 'long_term' && state !== 'done') state = 'long_term';

  const open = state !== 'done' && state !== 'long_term';
  let overdue = false;
  let daysOverdue: number | null = null;
  let dueSoon = false;
  let daysLeft: number | null = null;
  if (deadline.kind === 'date' && deadline.date) {
    const left = daysBetween(options.asOf, deadline.date);
    if (left >= 0) daysLeft = left;
    if (open && left < 0) {
      overdue = true;
      daysOverdue = -left;
      add('overdue', 'deadline', { days: daysOverdue, deadline: deadline.date });
    } else if (open && left <= options.dueSoonDays) {
      dueSoon = true;
      add('due-soon', 'deadline', { days: left, deadline: deadline.date });
    }
  }
  if (deadline.kind === 'immediate' && open) add('immediate-not-done', 'status');

  const completedOn = completed.kind === 'date' ? completed.date : null;
  if (state === 'done' && header.columns.completedOn && completed.kind === 'missing') {
    add('done-without-completion-date', 'completedOn');
  }
  if (completedOn && completedOn > options.asOf) add('completed-in-future', 'completedOn', { completedOn });
  if (state === 'done' && text.measure) {
    const plan = PLANNED.exec(text.measure);
    if (plan) add('done-but-planned', 'measure', { value: planExcerpt(text.measure, plan.index) });
  }
  if (completedOn && deadline.kind === 'date' && deadline.date && completedOn > deadline.date) {
    add('completed-late', 'completedOn', {
      completedOn,
      deadline: deadline.date,
      days: daysBetween(deadline.date, completedOn),
    });
  }

  const departments = splitDepartments(text.department ?? '');
  if (departments.length > 0 && departments.every(isVagueDepartment)) {
    add('vague-department', 'department', { department: text.department });
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
    departments,
    cooperating: splitDepartments(text.cooperating ?? ''),
    completedOn,
    problemKey: ledgerRow.problemKey,
    text,
  };
}
