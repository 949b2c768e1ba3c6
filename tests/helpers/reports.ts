/** Test builders: hand-made SheetReports, so summary tests do not depend on the engine. */
import type {
  Field,
  Finding,
  FindingCode,
  ProgressState,
  RowReport,
  SheetReport,
  SheetStats,
} from '../../src/core/types';

export interface RowSpec {
  row: number;
  state?: ProgressState;
  /** Lead departments; a string is split on 、 like the engine would. */
  dept?: string | string[];
  coop?: string | string[];
  problem?: string;
  /** Defaults to 'text:<problem>'; give 'merge:4:3' for a merged problem cell. */
  problemKey?: string;
  measure?: string;
  category?: string;
  status?: string;
  deadline?: string | null;
  deadlineKind?: RowReport['deadlineKind'];
  overdue?: number; // days overdue
  dueSoon?: number; // days left (also sets dueSoon)
  daysLeft?: number;
}

const split = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : v.split('、').filter(Boolean);

export function row(spec: RowSpec): RowReport {
  const problem = spec.problem ?? `问题${spec.row}`;
  const text: Partial<Record<Field, string>> = { problem, measure: spec.measure ?? `措施${spec.row}` };
  const dept = split(spec.dept);
  const coop = split(spec.coop);
  if (dept.length) text.department = dept.join('、');
  if (coop.length) text.cooperating = coop.join('、');
  if (spec.category !== undefined) text.category = spec.category;
  if (spec.status !== undefined) text.status = spec.status;
  if (spec.deadline) text.deadline = spec.deadline;
  const overdue = spec.overdue !== undefined;
  const dueSoon = spec.dueSoon !== undefined;
  return {
    row: spec.row,
    state: spec.state ?? 'in_progress',
    deadline: spec.deadline ?? null,
    deadlineKind: spec.deadlineKind ?? (spec.deadline ? 'date' : 'missing'),
    overdue,
    daysOverdue: overdue ? spec.overdue! : null,
    dueSoon,
    daysLeft: dueSoon ? spec.dueSoon! : (spec.daysLeft ?? null),
    departments: dept,
    cooperating: coop,
    completedOn: null,
    problemKey: spec.problemKey ?? `text:${problem}`,
    text,
  };
}

export function finding(
  code: FindingCode,
  rowNo: number | null,
  column: string | null,
  field: Field | null,
  message = `${code} at ${column ?? ''}${rowNo ?? ''}`,
): Finding {
  const severity = code === 'unknown-status' ? 'warning' : 'error';
  return { code, severity, row: rowNo, column, field, message };
}

export const STANDARD_COLUMNS: SheetReport['columns'] = {
  index: { column: 'A', header: '序号' },
  category: { column: 'B', header: '问题类别' },
  problem: { column: 'C', header: '存在问题' },
  measure: { column: 'D', header: '整改措施' },
  department: { column: 'E', header: '责任单位' },
  cooperating: { column: 'F', header: '配合单位' },
  deadline: { column: 'G', header: '整改时限' },
  status: { column: 'H', header: '整改进展' },
};

/** A SheetReport whose stats are computed from its rows (as the engine would). */
export function report(
  name: string,
  rows: RowReport[],
  findings: Finding[] = [],
  columns: SheetReport['columns'] = STANDARD_COLUMNS,
): SheetReport {
  const count = (s: ProgressState) => rows.filter((r) => r.state === s).length;
  const stats: SheetStats = {
    rows: rows.length,
    problems: new Set(rows.map((r) => r.problemKey)).size,
    done: count('done'),
    inProgress: count('in_progress'),
    longTerm: count('long_term'),
    notStarted: count('not_started'),
    unknown: count('unknown'),
    missingStatus: count('missing'),
    overdue: rows.filter((r) => r.overdue).length,
    dueSoon: rows.filter((r) => r.dueSoon).length,
    missingDepartment: rows.filter((r) => r.departments.length === 0).length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
  return {
    name,
    valid: stats.errors === 0,
    headerRows: [3],
    columns,
    rows,
    findings,
    stats,
  };
}
