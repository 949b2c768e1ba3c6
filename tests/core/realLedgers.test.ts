/**
 * Ledgers in the shapes real units keep them (issue 10): headers three to five rows deep, split
 * responsibility over sub-columns, header words outside the synonym table, a unit column as the
 * department, relative deadlines with an issue date, a ledger lacking a field, and the slips
 * inspectors look for as 纸上整改. Every answer below was worked out by hand from the rows.
 */
import { checkGrid } from '../../src/core/check';
import { classifyStatus } from '../../src/core/progress';
import { DEFAULT_REQUIRED, type CheckOptions, type Finding, type SheetReport } from '../../src/core/types';
import { grid } from '../helpers/grid';
import { deepLedgerRows, DEEP_LEDGER_MERGES } from '../fixtures/realLedgers';

const options = (over: Partial<CheckOptions> = {}): CheckOptions => ({
  asOf: '2026-11-21',
  dueSoonDays: 7,
  required: [...DEFAULT_REQUIRED],
  lang: 'zh',
  ...over,
});

function check(g: ReturnType<typeof grid>, over: Partial<CheckOptions> = {}): SheetReport {
  const result = checkGrid(g, options(over));
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

const codes = (r: SheetReport, row: number | null) =>
  r.findings
    .filter((f) => f.row === row)
    .map((f) => f.code)
    .sort();
const byCode = (r: SheetReport, code: Finding['code']) => r.findings.filter((f) => f.code === code);
const rowAt = (r: SheetReport, row: number) => r.rows.find((x) => x.row === row)!;

describe('a three-row header with 整改责任单位 over 建设 | 设计 | 施工 | 监理', () => {
  const report = check(grid(deepLedgerRows(), { merges: DEEP_LEDGER_MERGES }));

  it('takes rows 3–5 as the header and no header word as a ledger row or a bad date', () => {
    expect(report.headerRows).toEqual([3, 4, 5]);
    expect(report.rows.map((r) => r.row)).toEqual([6, 7, 8, 9, 10]);
    expect(byCode(report, 'invalid-date')).toEqual([]);
  });

  it('maps the columns, brackets and words outside the table included', () => {
    const cols = Object.fromEntries(Object.entries(report.columns).map(([f, c]) => [f, c!.column]));
    expect(cols).toEqual({
      index: 'A',
      problem: 'C', // 隐患问题描述
      measure: 'D', // 整改要求（措施）
      department: 'E', // 整改责任单位/建设 (and F, G, H)
      deadline: 'I',
      status: 'J', // 整改情况/是否完成整改
      completedOn: 'K', // 整改情况/完成/时间
      evidence: 'L',
      remarks: 'M',
    });
  });

  it('names every filled sub-column as a responsible department', () => {
    expect(rowAt(report, 6).departments).toEqual(['城南公司', '宏达建筑公司', '诚信监理公司']);
    expect(rowAt(report, 7).departments).toEqual(['城南公司', '宏达建筑公司']);
    expect(rowAt(report, 8).departments).toEqual(['北区教育局', '市建筑设计院']);
    expect(rowAt(report, 9).departments).toEqual(['宏达建筑公司', '诚信监理公司']);
    expect(rowAt(report, 10).departments).toEqual(['东城置业公司']);
    expect(report.stats.missingDepartment).toBe(0);
  });

  it('reads 是/否/blank as the status and counts relative deadlines from the 交办日期 line', () => {
    // 交办日期 2026-11-02 (a Monday). 5个工作日内 → Nov 3, 4, 5, 6, 9; 3天 → Nov 5;
    // 一个月内 → Dec 2.
    expect(report.rows.map((r) => [r.row, r.state, r.deadline])).toEqual([
      [6, 'done', '2026-11-09'],
      [7, 'in_progress', '2026-11-05'],
      [8, 'done', '2026-11-30'],
      [9, 'in_progress', '2026-11-25'],
      [10, 'done', '2026-12-02'],
    ]);
    expect(report.stats).toMatchObject({
      rows: 5,
      problems: 5,
      done: 3,
      inProgress: 2,
      notStarted: 0,
      overdue: 1,
      dueSoon: 1,
    });
    expect(rowAt(report, 7).daysOverdue).toBe(16);
    expect(rowAt(report, 9).daysLeft).toBe(4);
  });

  it('warns, at the cell, about the slips inspectors call 纸上整改', () => {
    expect(codes(report, 6)).toEqual([]);
    expect(codes(report, 7)).toEqual(['overdue']);
    expect(codes(report, 8)).toEqual(['done-but-planned', 'done-without-completion-date']);
    expect(byCode(report, 'done-but-planned')[0]).toMatchObject({ row: 8, column: 'D' });
    expect(codes(report, 9)).toEqual(['date-in-name-column', 'due-soon']);
    expect(byCode(report, 'date-in-name-column')[0]).toMatchObject({ row: 9, column: 'E' });
    expect(codes(report, 10)).toEqual(['completed-in-future', 'completed-late']);
  });
});

describe('a four-row header: 责任分工 over 牵头 | 配合, 整改落实 over 进展 | 完成/日期', () => {
  const g = grid(
    [
      ['市场监管局专项整治问题整改台账'],
      ['序号', '存在问题', '整改措施', '责任分工', null, '整改时限', '整改落实', null],
      [null, null, null, null, null, null, '进展', '完成'],
      [null, null, null, '牵头', '配合', null, null, null],
      [null, null, null, null, null, null, null, '日期'],
      [1, '食品抽检覆盖面不足', '扩大抽检范围', '食品科', '各市场所', '2026年10月31日', '待整改', null],
      [2, '投诉处置超时', '建立投诉督办制度', '消保科', null, '2026年12月31日', '整改中', null],
      [
        3,
        '执法文书不规范',
        '开展文书评查',
        '法规科',
        '稽查大队、办公室',
        '2026年9月30日',
        '已整改销号',
        '2026-09-20',
      ],
    ],
    {
      merges: [
        'A1:H1',
        'A2:A5',
        'B2:B5',
        'C2:C5',
        'D2:E3',
        'D4:D5',
        'E4:E5',
        'F2:F5',
        'G2:H2',
        'G3:G5',
        'H3:H4',
      ],
    },
  );
  const report = check(g);

  it('ends the header at the last row a header cell covers', () => {
    expect(report.headerRows).toEqual([2, 3, 4, 5]);
    expect(report.rows.map((r) => r.row)).toEqual([6, 7, 8]);
  });

  it('reads 牵头 as the department and 配合 as cooperating', () => {
    expect(report.columns.department?.column).toBe('D');
    expect(report.columns.cooperating?.column).toBe('E');
    expect(report.columns.completedOn?.column).toBe('H');
    expect(report.rows.map((r) => [r.departments, r.cooperating])).toEqual([
      [['食品科'], ['各市场所']],
      [['消保科'], []],
      [['法规科'], ['稽查大队', '办公室']],
    ]);
  });

  it('reads 待整改 as not started, 整改中 as in progress and 已整改销号 as done', () => {
    expect(report.rows.map((r) => r.state)).toEqual(['not_started', 'in_progress', 'done']);
    expect(report.stats).toMatchObject({ notStarted: 1, inProgress: 1, done: 1, overdue: 1 });
    expect(['待整改', '整改中', '已整改销号'].map(classifyStatus)).toEqual([
      'not_started',
      'in_progress',
      'done',
    ]);
  });
});

describe('a unit column read as the department', () => {
  const g = grid([
    ['县市', '问题描述', '整改措施', '整改时限', '进展情况'],
    ['东湖区', '河道垃圾清理不及时', '建立巡河保洁制度', '2026年12月31日', '正在推进'],
    ['西山县', '污水直排', '建设截污管网', '2026年10月31日', '未启动'],
  ]);
  const report = check(g);

  it('counts the units as departments and says so once, as a note', () => {
    expect(report.columns.department).toEqual({ column: 'A', header: '县市' });
    expect(report.rows.map((r) => r.departments)).toEqual([['东湖区'], ['西山县']]);
    const note = byCode(report, 'department-from-unit');
    expect(note).toHaveLength(1);
    expect(note[0]).toMatchObject({ severity: 'info', row: null });
    expect(note[0].message).toContain('A列“县市”');
    expect(report.valid).toBe(false); // 西山县 is overdue
    expect(report.stats.overdue).toBe(1);
  });

  it('takes a real department column over the unit column', () => {
    const r = check(
      grid([
        ['填报单位', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
        ['东湖区', '问题', '措施', '城管局', '2026年12月31日', '正在推进'],
      ]),
    );
    expect(r.columns.department?.column).toBe('D');
    expect(byCode(r, 'department-from-unit')).toEqual([]);
  });

  it('never reads 问题来源 as the problem', () => {
    const r = check(
      grid([
        ['问题来源', '隐患问题描述', '整改措施', '责任单位', '整改时限', '整改进展'],
        ['巡察反馈', '台账不全', '补齐台账', '办公室', '2026年12月31日', '正在推进'],
      ]),
    );
    expect(r.columns.category?.column).toBe('A');
    expect(r.columns.problem?.column).toBe('B');
  });
});

describe('a ledger lacking a field, and a sheet that is no ledger', () => {
  it('checks a sheet with a problem and a measure column and reports what it lacks', () => {
    const r = check(
      grid([
        ['项目', '隐患问题描述', '整改措施'],
        ['一号楼', '消防栓无水', '更换阀门'],
        ['二号楼', '疏散指示灯损坏', '更换指示灯'],
      ]),
    );
    expect(r.stats.rows).toBe(2);
    expect(
      byCode(r, 'missing-column')
        .map((f) => f.field)
        .sort(),
    ).toEqual(['deadline', 'department', 'status']);
    expect(r.findings.filter((f) => f.row !== null)).toEqual([]);
  });

  it('says what it did find when it refuses a sheet', () => {
    const result = checkGrid(
      grid([['人员名单'], ['姓名', '整改措施', '联系电话'], ['张三', '学习', '123']]),
      options(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('第2行只认出了“整改措施”（B列，作整改措施）');
    expect(result.message).toContain('没有“存在问题”“责任单位”“整改时限”等列');
  });

  it('never reads a sheet the tool made as a ledger', () => {
    const g = grid(deepLedgerRows(), { merges: DEEP_LEDGER_MERGES });
    const result = checkGrid({ ...g, sheet: '逾期清单', toolSheet: 'overdue_list' }, options());
    expect(result).toMatchObject({ ok: false, reason: 'tool-sheet' });
    if (!result.ok) expect(result.message).toContain('是本工具生成的');
  });
});

describe('relative deadlines', () => {
  const header = ['序号', '存在问题', '整改措施', '责任单位', '交办时间', '整改时限', '整改进展'];
  const rows = () => [
    header,
    [1, '问题一', '措施一', '办公室', '2026-09-25', '6个工作日内', '正在推进'],
    [2, '问题二', '措施二', '办公室', '2026-09-25', '3天', '正在推进'],
    [3, '问题三', '措施三', '办公室', null, '10个工作日', '正在推进'],
    [4, '问题四', '措施四', '办公室', '2026-12-24', '限期15日', '正在推进'],
    [5, '问题五', '措施五', '办公室', '2026-12-28', '5个工作日内', '正在推进'],
  ];

  it("counts from the row's own 交办时间, skipping the National Day holiday and counting make-up days", () => {
    // 2026: 10月1日–7日 off, 9月20日 (Sun) and 10月10日 (Sat) worked (State Council notice).
    // Row 2 from 9月25日 (Fri): 9/28, 9/29, 9/30, 10/8, 10/9, 10/10 (a Saturday worked) → 10月10日.
    // Row 4: 3天 → 9月28日. Row 5: 12月24日 + 15 days → 2027-01-08. Row 6: from 12月28日 (Mon):
    // 12/29, 12/30, 12/31, then 2027 (holidays unknown, weekends only): 1/1 (Fri), 1/4 → 2027-01-04.
    const r = check(grid(rows()), { issuedOn: '2026-11-02' });
    expect(r.rows.map((x) => [x.row, x.deadline])).toEqual([
      [2, '2026-10-10'],
      [3, '2026-09-28'],
      // Row 4 has no 交办时间 of its own: the clerk's date, 2026-11-02 (Mon), 10 working days →
      // 11/3 … 11/6, 11/9 … 11/13, 11/16 → 2026-11-16.
      [4, '2026-11-16'],
      [5, '2027-01-08'],
      [6, '2027-01-04'],
    ]);
    expect(r.findings.filter((f) => f.row === null).map((f) => f.code)).toEqual(['calendar-unknown']);
    expect(byCode(r, 'calendar-unknown')[0].message).toContain('2027年');
  });

  it('without any start date asks once for it, not once per row', () => {
    const r = check(
      grid(
        rows()
          .filter((_, i) => i === 0 || i === 3)
          .map((row) => row.filter((_, c) => c !== 4)),
      ),
    );
    const asks = byCode(r, 'relative-deadline-no-start');
    expect(asks).toHaveLength(1);
    expect(asks[0]).toMatchObject({ row: null, severity: 'error' });
    expect(asks[0].message).toContain('有1项整改时限是相对期限（如“10个工作日”，第2行）');
    expect(asks[0].message).toContain('--issued 2026-06-01');
    expect(r.rows[0]).toMatchObject({ deadline: null, deadlineKind: 'relative', overdue: false });
    expect(byCode(r, 'invalid-date')).toEqual([]);
  });
});

describe('slips in names and dates', () => {
  const base = ['存在问题', '整改措施', '责任单位', '责任人', '整改时限', '整改进展', '完成时间'];
  it('warns about 已整改 in 完成时间 instead of calling it a bad date', () => {
    const r = check(
      grid([
        base,
        ['问题', '措施', '办公室', '2026年6月1日', '2026年12月31日', '已完成', '已整改'],
        ['问题', '将于年底前建立制度', '办公室', '张三', '2026年12月31日', '已完成', '2026年11月1日'],
        ['问题', '将该项工作纳入年度考核', '办公室', '张三', '2026年12月31日', '已完成', '2026年11月1日'],
      ]),
    );
    expect(codes(r, 2)).toEqual(['date-in-name-column', 'status-in-date-column']);
    expect(byCode(r, 'date-in-name-column')[0]).toMatchObject({ column: 'D', severity: 'warning' });
    expect(byCode(r, 'status-in-date-column')[0]).toMatchObject({ column: 'G', severity: 'warning' });
    expect(codes(r, 3)).toEqual(['done-but-planned']);
    expect(codes(r, 4)).toEqual([]); // 将 as the object marker is no plan
  });

  it("writes example dates in the ledger's own year", () => {
    const r = check(
      grid([
        ['存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
        ['问题', '措施', '办公室', '2025年2月30日', '正在推进'],
        ['问题', '措施', '办公室', '2025年6月30日', '正在推进'],
        ['问题', '措施', '办公室', '2025年9月30日', '正在推进'],
      ]),
    );
    expect(byCode(r, 'invalid-date')[0].message).toContain('“2025年6月30日”');
  });
});

describe('a two-row header whose sub-column header is merged across two columns', () => {
  it('does not take the first data row as a third header row', () => {
    const r = check(
      grid(
        [
          ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改情况', null, null],
          [null, null, null, null, null, '进展', '完成时间', null],
          [1, '问题一', '措施一', '办公室', '2026年12月31日', '正在推进', '2026年11月1日', '（另附）'],
          [2, '问题二', '措施二', '督查科', '2026年12月31日', '已完成', '2026年11月2日', null],
        ],
        { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:H1', 'G2:H2'] },
      ),
    );
    expect(r.headerRows).toEqual([1, 2]);
    expect(r.rows.map((x) => x.row)).toEqual([3, 4]);
    expect(r.columns.completedOn?.column).toBe('G');
  });
});
