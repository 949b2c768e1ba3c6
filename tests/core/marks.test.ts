import { MARK_COLOURS, MARK_ORDER, planMarks } from '../../src/core/marks';
import type { Finding, RowReport, SheetReport, SheetStats } from '../../src/core/types';

const stats: SheetStats = {
  rows: 0,
  problems: 0,
  done: 0,
  inProgress: 0,
  longTerm: 0,
  notStarted: 0,
  unknown: 0,
  missingStatus: 0,
  overdue: 0,
  dueSoon: 0,
  missingDepartment: 0,
  errors: 0,
  warnings: 0,
  infos: 0,
};

function row(n: number, over: Partial<RowReport> = {}): RowReport {
  return {
    row: n,
    state: 'in_progress',
    deadline: '2024-06-30',
    deadlineKind: 'date',
    overdue: false,
    daysOverdue: null,
    dueSoon: false,
    daysLeft: 10,
    departments: ['办公室'],
    cooperating: [],
    completedOn: null,
    problemKey: `text:${n}`,
    text: {},
    ...over,
  };
}

function finding(code: Finding['code'], r: number | null, column: string | null): Finding {
  return {
    code,
    severity: 'error',
    row: r,
    column,
    columnNumber: null,
    field: null,
    params: {},
    message: '',
  };
}

function report(rows: RowReport[], findings: Finding[] = [], columns?: SheetReport['columns']): SheetReport {
  return {
    name: '台账',
    valid: true,
    headerRows: [3],
    columns: columns ?? {
      index: { column: 'A', header: '序号' },
      problem: { column: 'C', header: '存在问题' },
      department: { column: 'E', header: '责任单位' },
      remarks: { column: 'L', header: '备注' },
    },
    rows,
    findings,
    stats,
  };
}

describe('planMarks', () => {
  it('merges consecutive rows into one area spanning the mapped columns', () => {
    const plan = planMarks(
      report([
        row(5, { overdue: true }),
        row(6, { overdue: true }),
        row(7, { overdue: true }),
        row(9, { overdue: true }),
      ]),
    );
    expect(plan.sheet).toBe('台账');
    expect(plan.groups).toEqual([{ kind: 'overdue', areas: ['A5:L7', 'A9:L9'] }]);
  });

  it('spans from leftmost to rightmost mapped column even when not starting at A', () => {
    const plan = planMarks(
      report([row(4, { dueSoon: true })], [], {
        problem: { column: 'C', header: '问题' },
        status: { column: 'AB', header: '进展' },
        department: { column: 'F', header: '责任单位' },
      }),
    );
    expect(plan.groups).toEqual([{ kind: 'due-soon', areas: ['C4:AB4'] }]);
  });

  it('colours done rows only when asked', () => {
    const rows = [row(5, { state: 'done' }), row(6, { state: 'done' })];
    expect(planMarks(report(rows)).groups).toEqual([]);
    expect(planMarks(report(rows), { markDone: true }).groups).toEqual([{ kind: 'done', areas: ['A5:L6'] }]);
  });

  it('an overdue row is not also due soon; kinds never overlap on rows', () => {
    const plan = planMarks(report([row(5, { overdue: true, dueSoon: true }), row(6, { dueSoon: true })]));
    expect(plan.groups).toEqual([
      { kind: 'overdue', areas: ['A5:L5'] },
      { kind: 'due-soon', areas: ['A6:L6'] },
    ]);
  });

  it('marks missing and invalid cells, first in priority order, and ignores other findings', () => {
    const plan = planMarks(
      report(
        [row(9, { dueSoon: true })],
        [
          finding('missing-department', 9, 'E'),
          finding('missing-required', 10, 'E'),
          finding('missing-required', 11, 'E'),
          finding('invalid-date', 12, 'H'),
          finding('invalid-date', 12, 'H'),
          finding('missing-column', null, null),
          finding('unknown-status', 9, 'I'),
          finding('missing-required', 13, null),
          finding('overdue', 9, 'H'),
        ],
      ),
    );
    expect(plan.groups[0]).toEqual({ kind: 'missing', areas: ['E9:E11', 'H12'] });
    expect(plan.groups[1]).toEqual({ kind: 'due-soon', areas: ['A9:L9'] });
    expect(plan.groups).toHaveLength(2);
  });

  it('sorts rows given out of order and without mapped columns makes no row marks', () => {
    const plan = planMarks(report([row(8, { overdue: true }), row(7, { overdue: true })]));
    expect(plan.groups[0].areas).toEqual(['A7:L8']);
    expect(planMarks(report([row(8, { overdue: true })], [], {})).groups).toEqual([]);
  });

  it('has the colour pairs clerks read and puts the cell rule first', () => {
    expect(MARK_COLOURS.overdue).toMatchObject({ fill: '#FFC7CE', font: '#9C0006' });
    expect(MARK_COLOURS['due-soon']).toMatchObject({ fill: '#FFEB9C', font: '#9C5700' });
    expect(MARK_COLOURS.done).toMatchObject({ fill: '#C6EFCE', font: '#006100' });
    const fills = new Set(Object.values(MARK_COLOURS).map((c) => c.fill));
    expect(fills.size).toBe(4);
    expect(MARK_ORDER[0]).toBe('missing');
  });
});
