import { checkGrid } from '../../src/core/check';
import { DEFAULT_REQUIRED, type CheckOptions, type Finding, type SheetReport } from '../../src/core/types';
import { isoToSerial } from '../../src/core/calendar';
import { dateCell, errorCell, grid, serial } from '../helpers/grid';

const options = (over: Partial<CheckOptions> = {}): CheckOptions => ({
  asOf: '2026-11-21',
  dueSoonDays: 7,
  required: [...DEFAULT_REQUIRED],
  lang: 'zh',
  ...over,
});

/**
 * A ledger as a 办公室 clerk keeps it: merged title, 填报单位 line, two-row header with group cells,
 * category and problem cells merged down, a spacer row, 合计 and 注 rows, pre-numbered empty rows.
 */
const ledger = () =>
  grid(
    [
      ['X市交通运输局巡察反馈意见整改落实台账'],
      ['填报单位：办公室', '', '', '', '', '', '', '填报时间：2026年11月20日'],
      [
        '序号',
        '问题类别',
        '存在问题',
        '整改措施',
        '责任主体',
        '',
        '责任人',
        '整改时限\n（年月日）',
        '整改情况',
        '',
        '备 注',
      ],
      ['', '', '', '', '牵头单位', '配合单位', '', '', '进展', '完成时间', ''],
      [
        1,
        '政策落实',
        '惠企政策落实不到位',
        '梳理公布惠企政策清单',
        '办公室',
        '财务股',
        '张三',
        '2026年6月30日',
        '已完成',
        serial(isoToSerial('2026-06-20')),
        '',
      ],
      [
        2,
        '',
        '',
        '建立政策兑现台账',
        '办公室、政策法规与审批股',
        '',
        '李四',
        '2026.11.25',
        '正在推进',
        '',
        '',
      ],
      [
        3,
        '',
        '窗口服务意识薄弱',
        '推行容缺受理',
        '',
        '',
        '',
        '2026年10月31日',
        '正在推进,已完成工程量的75%',
        '',
        '',
      ],
      [],
      [
        4,
        '制度执行',
        '主体责任落实不到位',
        '定期研究落后指标整改',
        '局属各单位、机关各股室',
        '',
        '',
        '长期坚持',
        '持续整改',
        '',
        '',
      ],
      [
        5,
        '',
        '审管衔接不紧',
        '建立审批监管信息互通机制',
        '执法大队',
        '',
        '',
        '2024年2月30日',
        '未启动',
        '',
        '',
      ],
      [
        5,
        '政务服务',
        '审批加码',
        '公开办事指南',
        '政策法规与审批股',
        '',
        '',
        '2026年9月30日',
        '已完成',
        '',
        '',
      ],
      [
        6,
        '政务服务',
        '体外循环',
        '审批事项全部进驻大厅',
        '政策法规与审批股',
        '',
        '',
        '2026年3月31日',
        '已于2026年4月15日全部整改完毕',
        dateCell('2026-04-15'),
        '',
      ],
      [
        7,
        '政务服务',
        '一件事协同不足',
        '配置一件事场景',
        '政策法规与审批股',
        '',
        '',
        '立行立改',
        '待定',
        '',
        '',
      ],
      ['合计', '', '', '8项', '', '', '', '', '', '', ''],
      ['注：整改时限以局党组会议确定的时间为准。'],
      [8],
      [9],
    ],
    {
      merges: [
        'A1:K1',
        'A3:A4',
        'B3:B4',
        'C3:C4',
        'D3:D4',
        'E3:F3',
        'G3:G4',
        'H3:H4',
        'I3:J3',
        'K3:K4',
        'B5:B7',
        'C5:C6',
        'B9:B10',
        'A15:K15',
      ],
    },
  );

function report(): SheetReport {
  const result = checkGrid(ledger(), options());
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

const codesAt = (r: SheetReport, row: number) =>
  r.findings
    .filter((f) => f.row === row)
    .map((f) => f.code)
    .sort();

describe('checkGrid on a realistic ledger', () => {
  const r = report();

  it('finds the two-row header and maps the sub-columns under their group cells', () => {
    expect(r.headerRows).toEqual([3, 4]);
    expect(r.columns.department?.column).toBe('E');
    expect(r.columns.cooperating?.column).toBe('F');
    expect(r.columns.deadline?.column).toBe('H');
    expect(r.columns.status?.column).toBe('I');
    expect(r.columns.completedOn?.column).toBe('J');
    expect(r.columns.remarks?.column).toBe('K');
  });

  it('keeps only ledger rows: not the spacer, 合计, 注 or pre-numbered empty rows', () => {
    expect(r.rows.map((x) => x.row)).toEqual([5, 6, 7, 9, 10, 11, 12, 13]);
  });

  it('spreads merged category and problem cells and counts a merged problem once', () => {
    const row6 = r.rows.find((x) => x.row === 6)!;
    expect(row6.text.category).toBe('政策落实');
    expect(row6.text.problem).toBe('惠企政策落实不到位');
    expect(r.rows.find((x) => x.row === 10)!.text.category).toBe('制度执行');
    expect(r.stats.rows).toBe(8);
    expect(r.stats.problems).toBe(7);
  });

  it('classifies every row and judges overdue and due-soon on the as-of date', () => {
    const byRow = Object.fromEntries(r.rows.map((x) => [x.row, x]));
    expect(byRow[5]).toMatchObject({
      state: 'done',
      deadline: '2026-06-30',
      completedOn: '2026-06-20',
      overdue: false,
    });
    expect(byRow[6]).toMatchObject({ state: 'in_progress', dueSoon: true, daysLeft: 4, overdue: false });
    expect(byRow[7]).toMatchObject({ state: 'in_progress', overdue: true, daysOverdue: 21, daysLeft: null });
    expect(byRow[9]).toMatchObject({ state: 'long_term', deadlineKind: 'long_term', overdue: false });
    expect(byRow[10]).toMatchObject({
      state: 'not_started',
      deadlineKind: 'invalid',
      deadline: null,
      overdue: false,
    });
    expect(byRow[12]).toMatchObject({ state: 'done', completedOn: '2026-04-15' });
    expect(byRow[13]).toMatchObject({ state: 'unknown', deadlineKind: 'immediate' });
    expect(byRow[6].departments).toEqual(['办公室', '政策法规与审批股']);
    expect(byRow[5].cooperating).toEqual(['财务股']);
  });

  it('reports each fault on its own row and column', () => {
    expect(codesAt(r, 5)).toEqual([]);
    expect(codesAt(r, 6)).toEqual(['due-soon']);
    expect(codesAt(r, 7)).toEqual(['missing-department', 'overdue']);
    expect(codesAt(r, 9)).toEqual(['vague-department']);
    expect(codesAt(r, 10)).toEqual(['duplicate-index', 'invalid-date']);
    expect(codesAt(r, 11)).toEqual(['done-without-completion-date', 'duplicate-index']);
    expect(codesAt(r, 12)).toEqual(['completed-late']);
    expect(codesAt(r, 13)).toEqual(['immediate-not-done', 'unknown-status']);
    const missing = r.findings.find((f) => f.code === 'missing-department')!;
    expect(missing).toMatchObject({ severity: 'error', row: 7, column: 'E', field: 'department' });
    const invalid = r.findings.find((f) => f.code === 'invalid-date')!;
    expect(invalid).toMatchObject({ row: 10, column: 'H', field: 'deadline' });
    expect(invalid.message).toContain('2024年2月30日');
  });

  it('says what to do in Chinese', () => {
    const overdue = r.findings.find((f) => f.code === 'overdue')!;
    expect(overdue.message).toBe('已逾期21天（整改时限2026年10月31日），尚未完成，请督促落实或说明原因。');
    const late = r.findings.find((f) => f.code === 'completed-late')!;
    expect(late.message).toContain('超期15天');
  });

  it('adds up the stats and is invalid because of its errors', () => {
    expect(r.stats).toMatchObject({
      done: 3,
      inProgress: 2,
      longTerm: 1,
      notStarted: 1,
      unknown: 1,
      missingStatus: 0,
      overdue: 1,
      dueSoon: 1,
      missingDepartment: 1,
    });
    const errors = r.findings.filter((f: Finding) => f.severity === 'error').length;
    expect(r.stats.errors).toBe(errors);
    expect(errors).toBe(3); // missing department, overdue, invalid date
    expect(r.valid).toBe(false);
  });

  it('lists findings in sheet order', () => {
    const rows = r.findings.map((f) => f.row ?? 0);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});

describe('checkGrid options', () => {
  it('moves with the as-of date: nothing is overdue before the deadlines', () => {
    const result = checkGrid(ledger(), options({ asOf: '2026-01-01' }));
    if (!result.ok) throw new Error('no header');
    expect(result.report.stats.overdue).toBe(0);
    expect(result.report.rows.find((x) => x.row === 7)!.daysLeft).toBe(303);
  });

  it('due that very day is due soon, not overdue; a wider window catches more', () => {
    const today = checkGrid(ledger(), options({ asOf: '2026-11-25' }));
    if (!today.ok) throw new Error('no header');
    expect(today.report.rows.find((x) => x.row === 6)).toMatchObject({
      overdue: false,
      dueSoon: true,
      daysLeft: 0,
    });
    const narrow = checkGrid(ledger(), options({ dueSoonDays: 3 }));
    if (!narrow.ok) throw new Error('no header');
    expect(narrow.report.stats.dueSoon).toBe(0);
  });

  it('says which required column is missing, once, naming the headers it saw', () => {
    const g = grid([
      ['序号', '存在问题', '整改措施', '责任单位', '整改时限'],
      [1, '问题', '措施', '办公室', '2026年12月31日'],
      [2, '问题二', '措施二', '财务股', '2026年12月31日'],
    ]);
    const result = checkGrid(g, options());
    if (!result.ok) throw new Error('no header');
    const missing = result.report.findings.filter((f) => f.code === 'missing-column');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ field: 'status', row: null, severity: 'error' });
    expect(missing[0].message).toContain('整改进展');
    expect(missing[0].message).toContain('存在问题、整改措施');
    expect(result.report.findings.filter((f) => f.code === 'missing-required')).toHaveLength(0);
  });

  it('honours a configured set of required fields', () => {
    const g = grid([
      ['存在问题', '整改措施', '责任单位', '责任人', '整改时限', '整改进展'],
      ['问题', '措施', '办公室', '', '2026年12月31日', '正在推进'],
    ]);
    const plain = checkGrid(g, options());
    const strict = checkGrid(g, options({ required: ['problem', 'measure', 'person'] }));
    if (!plain.ok || !strict.ok) throw new Error('no header');
    expect(plain.report.findings).toEqual([]);
    expect(strict.report.findings.map((f) => [f.code, f.field, f.column])).toEqual([
      ['missing-required', 'person', 'D'],
    ]);
  });

  it('speaks English when asked', () => {
    const result = checkGrid(ledger(), options({ lang: 'en' }));
    if (!result.ok) throw new Error('no header');
    const overdue = result.report.findings.find((f) => f.code === 'overdue')!;
    expect(overdue.message).toBe(
      'Overdue by 21 day(s) (deadline 2026-10-31) and not done; follow it up or record why.',
    );
  });

  it('reads date serials in the 1904 system', () => {
    const g = grid(
      [
        ['存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
        ['问题', '措施', '办公室', serial(isoToSerial('2026-11-01', 1904)), '正在推进'],
      ],
      { dateSystem: 1904 },
    );
    const result = checkGrid(g, options());
    if (!result.ok) throw new Error('no header');
    expect(result.report.rows[0]).toMatchObject({ deadline: '2026-11-01', overdue: true, daysOverdue: 20 });
  });

  it('reports error values in cells instead of dropping them', () => {
    const g = grid([
      ['存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
      ['问题', '措施', errorCell('#REF!'), errorCell('#N/A'), '正在推进'],
    ]);
    const result = checkGrid(g, options());
    if (!result.ok) throw new Error('no header');
    const codes = result.report.findings.map((f) => `${f.code}:${f.column}`).sort();
    expect(codes).toEqual(['error-cell:C', 'invalid-date:D']);
  });

  it('does not call a 序号 merged over two measures a duplicate', () => {
    const g = grid(
      [
        ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
        [1, '问题一', '措施一', '办公室', '2026年12月31日', '正在推进'],
        ['', '', '措施二', '办公室', '2026年12月31日', '正在推进'],
        [2, '问题二', '措施三', '办公室', '2026年12月31日', '正在推进'],
      ],
      { merges: ['A2:A3', 'B2:B3'] },
    );
    const result = checkGrid(g, options());
    if (!result.ok) throw new Error('no header');
    expect(result.report.findings.filter((f) => f.code === 'duplicate-index')).toEqual([]);
    expect(result.report.stats).toMatchObject({ rows: 3, problems: 2 });
  });
});

describe('checkGrid on sheets that are not ledgers', () => {
  it('says plainly that a cover sheet has no ledger header', () => {
    const result = checkGrid(
      grid([['填报说明'], ['1. 本表由各单位填写。'], ['2. 请于每月5日前报送。']], { sheet: '说明' }),
      options(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('工作表“说明”里找不到台账表头');
    expect(result.seen).toContain('填报说明');
  });

  it('handles an empty sheet', () => {
    const result = checkGrid(grid([]), options());
    expect(result.ok).toBe(false);
  });

  it('a header with no rows is a valid, empty ledger', () => {
    const result = checkGrid(
      grid([['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展']]),
      options(),
    );
    if (!result.ok) throw new Error('no header');
    expect(result.report.rows).toEqual([]);
    expect(result.report.valid).toBe(true);
  });
});

describe('remembered answers stay within their check', () => {
  // The engine remembers dates, statuses, departments and column letters to be fast on large
  // sheets; none of that may carry one check's options or date system into the next.
  const yearless = () =>
    grid([
      ['存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
      ['问题一', '措施一', '办公室', '6月底前', '正在推进'],
      ['问题二', '措施二', '各科室', '6月底前', '正在推进'],
    ]);

  it('reads a year-less deadline in each check’s own as-of year and language', () => {
    const first = checkGrid(yearless(), options({ asOf: '2025-08-01' }));
    const second = checkGrid(yearless(), options({ asOf: '2026-08-01', lang: 'en' }));
    const third = checkGrid(yearless(), options({ asOf: '2025-08-01' }));
    if (!first.ok || !second.ok || !third.ok) throw new Error('no header');
    expect(first.report.rows.map((r) => [r.deadline, r.daysOverdue])).toEqual([
      ['2025-06-30', 32],
      ['2025-06-30', 32],
    ]);
    expect(second.report.rows.map((r) => [r.deadline, r.daysOverdue])).toEqual([
      ['2026-06-30', 32],
      ['2026-06-30', 32],
    ]);
    const message = (r: SheetReport, code: string) => r.findings.find((f) => f.code === code)!.message;
    expect(message(first.report, 'overdue')).toBe(
      '已逾期32天（整改时限2025年6月30日），尚未完成，请督促落实或说明原因。',
    );
    expect(message(second.report, 'overdue')).toBe(
      'Overdue by 32 day(s) (deadline 2026-06-30) and not done; follow it up or record why.',
    );
    expect(message(second.report, 'vague-department')).toMatch(/^Responsible department "各科室"/);
    expect(third.report).toEqual(first.report);
  });

  it('reads the same serial in each workbook’s date system', () => {
    const withSerial = (dateSystem: 1900 | 1904) =>
      grid(
        [
          ['存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
          ['问题', '措施', '办公室', serial(46000), '正在推进'],
        ],
        { dateSystem },
      );
    const deadlines = [1900, 1904, 1900].map((system) => {
      const result = checkGrid(withSerial(system as 1900 | 1904), options());
      if (!result.ok) throw new Error('no header');
      return result.report.rows[0].deadline;
    });
    expect(deadlines).toEqual(['2025-12-09', '2029-12-10', '2025-12-09']);
  });

  it('shares a department list between rows without letting anyone change it', () => {
    const result = checkGrid(yearless(), options());
    if (!result.ok) throw new Error('no header');
    const lists = result.report.rows.map((r) => r.departments);
    expect(lists).toEqual([['办公室'], ['各科室']]);
    expect(Object.isFrozen(lists[0])).toBe(true);
    expect(() => (lists[0] as string[]).push('篡改')).toThrow(TypeError);
    const again = checkGrid(yearless(), options());
    if (!again.ok) throw new Error('no header');
    expect(again.report.rows[0].departments).toEqual(['办公室']);
  });

  it('reports a required field listed twice once per row', () => {
    const g = grid([
      ['存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
      ['问题', '', '办公室', '2026年12月31日', '正在推进'],
    ]);
    const result = checkGrid(g, options({ required: ['measure', 'problem', 'measure'] }));
    if (!result.ok) throw new Error('no header');
    expect(result.report.findings.map((f) => [f.code, f.field, f.column])).toEqual([
      ['missing-required', 'measure', 'B'],
    ]);
  });
});

describe('the ledger year on a long sheet', () => {
  it('is read from the first 500 rows and used in the messages of every row after them too', () => {
    // 2025 in the first 500 rows, 2027 in the 800 after them: the first rows decide.
    const rows: (string | number)[][] = [['存在问题', '整改措施', '责任单位', '整改时限', '整改进展']];
    for (let i = 1; i <= 1300; i++) {
      const deadline =
        i === 3 || i === 1210 ? '2025年2月30日' : i <= 500 ? '2025年12月31日' : '2027年1月31日';
      rows.push([`问题${i}`, `措施${i}`, '办公室', deadline, '正在推进']);
    }
    const result = checkGrid(grid(rows), options());
    if (!result.ok) throw new Error('no header');
    const invalid = result.report.findings.filter((f) => f.code === 'invalid-date');
    expect(invalid.map((f) => [f.row, f.params.year])).toEqual([
      [4, 2025],
      [1211, 2025],
    ]);
    expect(invalid[1].message).toContain('请改为如“2025年6月30日”的写法');
    expect(result.report.rows.map((r) => r.row)).toEqual(rows.slice(1).map((_, i) => i + 2));
    expect(result.report.stats).toMatchObject({ rows: 1300, problems: 1300, overdue: 499 });
  });
});

describe('duplicate 序号', () => {
  it('are the same number whether typed as a number or as text, named in row order', () => {
    const g = grid(
      [
        ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
        [1, '问题一', '措施一', '办公室', '2026年12月31日', '正在推进'],
        ['', '', '措施二', '办公室', '2026年12月31日', '正在推进'],
        ['2', '问题二', '措施三', '办公室', '2026年12月31日', '正在推进'],
        [2, '问题三', '措施四', '办公室', '2026年12月31日', '正在推进'],
        [' 1 ', '问题四', '措施五', '办公室', '2026年12月31日', '正在推进'],
        [2.5, '问题五', '措施六', '办公室', '2026年12月31日', '正在推进'],
        ['2.5', '问题六', '措施七', '办公室', '2026年12月31日', '正在推进'],
      ],
      { merges: ['A2:A3', 'B2:B3'] },
    );
    const result = checkGrid(g, options());
    if (!result.ok) throw new Error('no header');
    const duplicates = result.report.findings.filter((f) => f.code === 'duplicate-index');
    expect(duplicates.map((f) => [f.row, f.params.value, f.params.rows])).toEqual([
      [2, '1', [2, 6]],
      [4, '2', [4, 5]],
      [5, '2', [4, 5]],
      [6, '1', [2, 6]],
      [7, '2.5', [7, 8]],
      [8, '2.5', [7, 8]],
    ]);
    expect(duplicates[0].message).toBe('序号“1”重复（第2、6行），请重新编号。');
  });
});
