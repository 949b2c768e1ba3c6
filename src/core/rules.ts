/**
 * The rules a ledger row is judged by. A row's shape (which fields must be filled) is a zod schema
 * built from the required fields; the rest are judgements on dates and progress as DOMAIN.md
 * defines them.
 */
import { z } from 'zod';
import { daysBetween } from './calendar';
import { isVagueDepartment, splitDepartments } from './departments';
import { parseDateCell } from './dates';
import { cellText, columnLetter } from './grid';
import { findingMessage, type MessageParams } from './messages';
import { classifyStatus } from './progress';
import type {
  Cell,
  CheckOptions,
  Field,
  Finding,
  FindingCode,
  HeaderResult,
  LedgerRow,
  ParsedDate,
  RowReport,
  Severity,
} from './types';

const SEVERITY: Record<FindingCode, Severity> = {
  'missing-column': 'error',
  'missing-required': 'error',
  'missing-department': 'error',
  'invalid-date': 'error',
  'unknown-status': 'warning',
  overdue: 'error',
  'due-soon': 'warning',
  'done-without-completion-date': 'warning',
  'completed-late': 'warning',
  'duplicate-index': 'warning',
  'vague-department': 'warning',
  'immediate-not-done': 'warning',
  'error-cell': 'warning',
};

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
}

export function makeFinding(
  code: FindingCode,
  row: number | null,
  field: Field | null,
  header: HeaderResult,
  params: MessageParams,
  options: CheckOptions,
): Finding {
  const mapping = field ? header.columns[field] : undefined;
  return {
    code,
    severity: SEVERITY[code],
    row,
    column: mapping ? columnLetter(mapping.column) : null,
    field,
    message: findingMessage(code, { field: field ?? undefined, ...params }, options.lang),
  };
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
  const add = (code: FindingCode, field: Field | null, params: MessageParams = {}) =>
    findings.push(makeFinding(code, row, field, header, params, options));

  const text: Partial<Record<Field, string>> = {};
  for (const field of ctx.fields) text[field] = cellText(cells[field]);

  const dateCtx = { asOf: options.asOf, dateSystem: ctx.dateSystem };
  const deadline = parseDateCell(cells.deadline ?? { type: 'empty', value: null }, dateCtx);
  const completed = parseDateCell(cells.completedOn ?? { type: 'empty', value: null }, dateCtx);
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
  if (completed.kind === 'invalid' || completed.kind === 'long_term' || completed.kind === 'immediate') {
    add('invalid-date', 'completedOn', { value: text.completedOn, reason: completed.reason });
  }

  let state = classifyStatus(text.status ?? '');
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
