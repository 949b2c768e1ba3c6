/** Test builders: hand-made SheetReports, so summary tests do not depend on the engine. */
import ExcelJS from 'exceljs';
import type {
  Field,
  Finding,
  FindingCode,
  FindingParams,
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
  params: FindingParams = {},
): Finding {
  const severity = code === 'unknown-status' ? 'warning' : 'error';
  const columnNumber = column ? column.charCodeAt(0) - 64 : null;
  return {
    code,
    severity,
    row: rowNo,
    column,
    columnNumber,
    field,
    params: field ? { field, ...params } : params,
    message,
  };
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
    // As the check counts them (visitLedgerRows): distinct keys, a blank problem one per row.
    problems: new Set(
      rows.map((r) => (r.problemKey === '' || r.problemKey === 'text:' ? `row:${r.row}` : r.problemKey)),
    ).size,
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

// Hand-counted fixtures shared by the summary tests (tests/core/summary.test.ts counts them).

/*
 * Sheet 甲局, as of 2024-04-15:
 * row problemKey  state        lead            cooperating     category   flags
 *  4  merge:4:3   done         办公室、财务科    人事科          作风建设
 *  5  merge:4:3   long_term    办公室                            作风建设
 *  6  merge:4:3   in_progress  财务科、办公室    人事科、纪检组   作风建设   overdue 30
 *  7  text:P2     not_started  办公室、人事科    财务科          财务管理   overdue 31
 *  8  text:P3     in_progress  财务科                            财务管理   overdue 90
 *  9  text:P3     unknown      (none)                            (blank)    overdue 91
 * 10  text:P4     missing      纪检组            办公室          财务管理   due soon, 3 days left
 * 11  text:P5     in_progress  人事科                            作风建设   due soon, 0 days left
 * 12  text:P6     done         财务科                            财务管理
 */
export function sheetA() {
  const P1 = { problem: '公务用车管理不规范', problemKey: 'merge:4:3' };
  return report(
    '甲局',
    [
      row({ row: 4, ...P1, state: 'done', dept: '办公室、财务科', coop: '人事科', category: '作风建设' }),
      row({ row: 5, ...P1, state: 'long_term', dept: '办公室', category: '作风建设' }),
      row({
        row: 6,
        ...P1,
        state: 'in_progress',
        dept: '财务科、办公室',
        coop: '人事科、纪检组',
        category: '作风建设',
        deadline: '2024-03-16',
        overdue: 30,
      }),
      row({
        row: 7,
        problem: 'P2',
        state: 'not_started',
        dept: '办公室、人事科',
        coop: '财务科',
        category: '财务管理',
        deadline: '2024-03-15',
        overdue: 31,
      }),
      row({
        row: 8,
        problem: 'P3',
        state: 'in_progress',
        dept: '财务科',
        category: '财务管理',
        deadline: '2024-01-16',
        overdue: 90,
      }),
      row({
        row: 9,
        problem: 'P3',
        state: 'unknown',
        category: '',
        status: '研究中',
        deadline: '2024-01-15',
        overdue: 91,
      }),
      row({
        row: 10,
        problem: 'P4',
        state: 'missing',
        dept: '纪检组',
        coop: '办公室',
        category: '财务管理',
        deadline: '2024-04-18',
        dueSoon: 3,
      }),
      row({
        row: 11,
        problem: 'P5',
        state: 'in_progress',
        dept: '人事科',
        category: '作风建设',
        deadline: '2024-04-15',
        dueSoon: 0,
      }),
      row({ row: 12, problem: 'P6', state: 'done', dept: '财务科', category: '财务管理' }),
    ],
    [
      finding('missing-column', null, null, 'evidence'),
      finding('unknown-status', 9, 'H', 'status', '整改进展“研究中”无法识别', { value: '研究中' }),
      finding('missing-department', 9, 'E', 'department', '请填写责任单位'),
      finding('missing-required', 10, 'H', 'status', '请填写整改进展'),
      finding('vague-department', 11, 'E', 'department'),
      finding('overdue', 8, null, null),
      finding('invalid-date', 12, 'G', 'deadline', '2月没有30日', {
        value: '2月30日',
        reason: { code: 'no-such-day', year: 2024, month: 2, day: 30 },
      }),
    ],
  );
}

/*
 * Sheet 乙所 (no category column):
 * row problemKey  state        lead            flags
 *  5  text:P2     done         办公室
 *  6  merge:6:3   in_progress  办公室、财务科    overdue 5
 *  7  merge:6:3   long_term    人事科
 */
export function sheetB() {
  const { category: _c, ...columns } = STANDARD_COLUMNS;
  return report(
    '乙所',
    [
      row({ row: 5, problem: 'P2', state: 'done', dept: '办公室' }),
      row({
        row: 6,
        problem: 'Q',
        problemKey: 'merge:6:3',
        state: 'in_progress',
        dept: '办公室、财务科',
        deadline: '2024-04-10',
        overdue: 5,
      }),
      row({ row: 7, problem: 'Q', problemKey: 'merge:6:3', state: 'long_term', dept: '人事科' }),
    ],
    [finding('missing-required', 7, 'E', 'department'), finding('missing-department', 6, 'E', 'department')],
    columns,
  );
}

/**
 * A workbook whose ledger sheets carry what the reports say: a merged title row, a 填报 line, the
 * header in row 3, the rows' text in the mapped columns (deadlines as real dates), problem cells
 * merged per 'merge:top:left' key, a 合计 row with formulas and a clerk's own conditional format.
 */
export function ledgerWorkbook(reports: SheetReport[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const rep of reports) {
    const ws = wb.addWorksheet(rep.name);
    const cols = Object.entries(rep.columns) as Array<[Field, { column: string; header: string }]>;
    const last = cols.reduce((n, [, c]) => Math.max(n, colNo(c.column)), 1);
    ws.getCell('A1').value = `${rep.name}巡察反馈问题整改落实台账`;
    ws.mergeCells(1, 1, 1, last);
    ws.getCell('A2').value = '填报单位:办公室    填报时间:2024年4月15日';
    for (const [, c] of cols) ws.getCell(`${c.column}3`).value = c.header;
    ws.getColumn(3).width = 30;
    ws.getColumn(4).width = 40;
    for (const r of rep.rows) {
      for (const [field, c] of cols) {
        const cell = ws.getCell(`${c.column}${r.row}`);
        if (field === 'deadline' && r.deadline) {
          const [y, m, d] = r.deadline.split('-').map(Number);
          cell.value = new Date(Date.UTC(y, m - 1, d));
          cell.numFmt = 'yyyy"年"m"月"d"日"';
        } else if (field === 'index') {
          cell.value = r.row - 3;
        } else if (r.text[field]) {
          cell.value = r.text[field];
        }
      }
    }
    const merges = new Map<string, number[]>();
    for (const r of rep.rows) {
      if (r.problemKey.startsWith('merge:'))
        merges.set(r.problemKey, [...(merges.get(r.problemKey) ?? []), r.row]);
    }
    for (const [key, rows] of merges) {
      const left = Number(key.split(':')[2]);
      if (rows.length > 1) ws.mergeCells(Math.min(...rows), left, Math.max(...rows), left);
    }
    const total = Math.max(3, ...rep.rows.map((r) => r.row)) + 2;
    ws.getCell(`A${total}`).value = '合计';
    ws.getCell(`B${total}`).value = { formula: `COUNTA(D4:D${total - 2})`, result: rep.rows.length };
    ws.getCell(`C${total}`).value = { formula: `B${total}*2`, result: rep.rows.length * 2 };
    ws.getCell(`C${total}`).numFmt = '0.00';
    ws.getCell(`A${total + 1}`).value = '注:本表由办公室汇总。';
    ws.addConditionalFormatting({
      ref: `A4:A${total - 2}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: ['ISBLANK($A4)'],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFDDEBF7' } } },
        },
      ],
    });
  }
  return wb;
}

function colNo(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export interface CellSnapshot {
  value: unknown;
  formula: string | null;
  numFmt: string | null;
}

/** Every non-empty cell of a sheet: its value (dates as ISO text), formula and number format. */
export function sheetSnapshot(ws: ExcelJS.Worksheet): Record<string, CellSnapshot> {
  const out: Record<string, CellSnapshot> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      let value: unknown = v;
      if (v instanceof Date) value = v.toISOString();
      else if (v && typeof v === 'object' && 'formula' in v) value = null;
      else if (v && typeof v === 'object' && 'sharedFormula' in v) value = null;
      else if (v && typeof v === 'object' && 'richText' in v) value = v.richText.map((t) => t.text).join('');
      const result = cell.formula
        ? cell.result instanceof Date
          ? cell.result.toISOString()
          : cell.result
        : undefined;
      out[cell.address] = {
        value: cell.formula ? { result } : value,
        formula: cell.formula ?? null,
        numFmt: cell.numFmt ?? null,
      };
    });
  });
  return out;
}
