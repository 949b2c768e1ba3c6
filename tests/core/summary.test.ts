/**
 * Summary figures on hand-made reports. Every expected number below was counted by hand from the
 * table in the comment, not computed by the code under test.
 */
import fc from 'fast-check';
import {
  summarize,
  summarySentence,
  sentenceFigures,
  chineseDate,
  type Counts,
} from '../../src/core/summary';
import { report, row, sheetA, sheetB } from '../helpers/reports';
import type { ProgressState } from '../../src/core/types';

const AS_OF = '2024-04-15';

/** Counts with every field, zeros unless given. */
function counts(partial: Partial<Counts>): Counts {
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
    ...partial,
  };
}

describe('summarize: one sheet', () => {
  const s = summarize([sheetA()], { asOf: AS_OF, ledgerName: '甲局巡察整改台账' });

  test('totals', () => {
    expect(s.totals).toEqual(
      counts({
        measures: 9,
        done: 2,
        longTerm: 1,
        inProgress: 3,
        notStarted: 1,
        unknown: 1,
        missingStatus: 1,
        overdue: 4,
        dueSoon: 2,
        completed: 3,
        ongoing: 2,
        completionRate: 3 / 9,
      }),
    );
  });

  test('a problem merged over three measures, and one written twice, count once each', () => {
    // merge:4:3, P2, P3 (rows 8 and 9), P4, P5, P6
    expect(s.problems).toBe(6);
  });

  test('lead departments: each department of a multi-department cell counted on its own', () => {
    expect(s.byDepartment.map((d) => d.name)).toEqual(['办公室', '财务科', '人事科', '纪检组']);
    const [office, finance, personnel, discipline] = s.byDepartment;
    // 办公室 is in three multi-department cells (rows 4, 6, 7) and alone in row 5.
    expect(office).toEqual({
      name: '办公室',
      ...counts({
        measures: 4,
        done: 1,
        longTerm: 1,
        inProgress: 1,
        notStarted: 1,
        overdue: 2,
        completed: 2,
        completionRate: 0.5,
      }),
    });
    expect(finance).toEqual({
      name: '财务科',
      ...counts({ measures: 4, done: 2, inProgress: 2, overdue: 2, completed: 2, completionRate: 0.5 }),
    });
    expect(personnel).toEqual({
      name: '人事科',
      ...counts({
        measures: 2,
        inProgress: 1,
        notStarted: 1,
        overdue: 1,
        dueSoon: 1,
        ongoing: 1,
        completionRate: 0,
      }),
    });
    expect(discipline).toEqual({
      name: '纪检组',
      ...counts({ measures: 1, missingStatus: 1, dueSoon: 1, ongoing: 1, completionRate: 0 }),
    });
    expect(s.noDepartment).toEqual(counts({ measures: 1, unknown: 1, overdue: 1, completionRate: 0 }));
  });

  test('cooperating departments are counted apart from lead departments', () => {
    expect(s.byCooperating.map((d) => [d.name, d.measures, d.overdue, d.completed])).toEqual([
      ['人事科', 2, 1, 1],
      ['纪检组', 1, 1, 0],
      ['财务科', 1, 1, 0],
      ['办公室', 1, 0, 0],
    ]);
    // 办公室 as a cooperating department (row 10) does not add to its lead figures (4).
    expect(s.byDepartment[0].measures).toBe(4);
  });

  test('by category, blank category apart', () => {
    expect(s.hasCategory).toBe(true);
    expect(s.byCategory).toEqual([
      {
        name: '作风建设',
        ...counts({
          measures: 4,
          done: 1,
          longTerm: 1,
          inProgress: 2,
          overdue: 1,
          dueSoon: 1,
          completed: 2,
          ongoing: 1,
          completionRate: 0.5,
        }),
      },
      {
        name: '财务管理',
        ...counts({
          measures: 4,
          done: 1,
          inProgress: 1,
          notStarted: 1,
          missingStatus: 1,
          overdue: 2,
          dueSoon: 1,
          completed: 1,
          ongoing: 1,
          completionRate: 0.25,
        }),
      },
    ]);
    expect(s.uncategorised).toEqual(counts({ measures: 1, unknown: 1, overdue: 1, completionRate: 0 }));
  });

  test('overdue ageing at the boundaries: 30 | 31, 90 | 91', () => {
    expect(s.ageing).toEqual({ upTo30: 1, upTo90: 2, over90: 1 });
  });

  test('alerts: most overdue first, then due soon with fewest days left first', () => {
    expect(s.alerts.map((a) => [a.kind, a.row, a.daysOverdue, a.daysLeft])).toEqual([
      ['overdue', 9, 91, null],
      ['overdue', 8, 90, null],
      ['overdue', 7, 31, null],
      ['overdue', 6, 30, null],
      ['due-soon', 11, null, 0],
      ['due-soon', 10, null, 3],
    ]);
    expect(s.alerts[3]).toMatchObject({
      sheet: '甲局',
      problem: '公务用车管理不规范',
      measure: '措施6',
      departments: ['财务科', '办公室'],
      cooperating: ['人事科', '纪检组'],
      deadline: '2024-03-16',
      cell: 'D6',
    });
  });

  test('to-complete: missing department first, issues named, other findings ignored', () => {
    expect(
      s.toComplete.map((t) => [t.row, t.missingDepartment, t.cell, t.issues.map((i) => i.code)]),
    ).toEqual([
      [9, true, 'E9', ['missing-department', 'unknown-status']],
      [10, false, 'H10', ['missing-required']],
      [12, false, 'G12', ['invalid-date']],
    ]);
    expect(s.toComplete[0].issues[0]).toMatchObject({ field: 'department', header: '责任单位', column: 'E' });
  });

  test('the sentence', () => {
    expect(summarySentence(s, 'zh')).toBe(
      '截至2024年4月15日，共梳理问题6个，制定整改措施9项，已完成3项（其中长期任务已取得阶段性成效1项），正在推进2项，逾期未完成4项。',
    );
    expect(summarySentence(s, 'en')).toBe(
      'As of 15 April 2024, 6 problems identified and 9 measures set: 3 completed ' +
        '(including 1 long-term measure showing results), 2 in progress, 4 overdue.',
    );
  });
});

describe('summarize: several sheets together', () => {
  const s = summarize([sheetA(), sheetB()], { asOf: AS_OF, ledgerName: '系统整改台账' });

  test('totals and problems across sheets (the same key on two sheets is two problems)', () => {
    expect(s.sheets).toEqual(['甲局', '乙所']);
    expect(s.problems).toBe(8);
    expect(s.totals).toMatchObject({
      measures: 12,
      done: 3,
      longTerm: 2,
      inProgress: 4,
      completed: 5,
      overdue: 5,
      ongoing: 2,
    });
    expect(s.bySheet.map((b) => [b.name, b.problems, b.measures, b.overdue])).toEqual([
      ['甲局', 6, 9, 4],
      ['乙所', 2, 3, 1],
    ]);
  });

  test('departments are added up across sheets', () => {
    expect(s.byDepartment.map((d) => [d.name, d.measures])).toEqual([
      ['办公室', 6],
      ['财务科', 5],
      ['人事科', 3],
      ['纪检组', 1],
    ]);
  });

  test('a sheet without a category column counts as uncategorised', () => {
    expect(s.uncategorised?.measures).toBe(4);
  });

  test('alerts and to-complete items across sheets keep their order rules', () => {
    expect(s.alerts.map((a) => `${a.sheet}!${a.row}`)).toEqual([
      '甲局!9',
      '甲局!8',
      '甲局!7',
      '甲局!6',
      '乙所!6',
      '甲局!11',
      '甲局!10',
    ]);
    expect(s.toComplete.map((t) => `${t.sheet}!${t.row}`)).toEqual([
      '甲局!9',
      '乙所!6',
      '乙所!7',
      '甲局!10',
      '甲局!12',
    ]);
  });
});

describe('the report sentence', () => {
  test("DOMAIN.md's example, exactly", () => {
    // 30 measures over 17 problems: 19 done, 9 long-term, 2 in progress, none overdue.
    const states: ProgressState[] = [
      ...Array<ProgressState>(19).fill('done'),
      ...Array<ProgressState>(9).fill('long_term'),
      'in_progress',
      'in_progress',
    ];
    const rows = states.map((state, i) =>
      row({ row: i + 4, state, problem: `问题${i % 17}`, dept: '办公室' }),
    );
    const s = summarize([report('台账', rows)], { asOf: '2024-04-15', ledgerName: 'X' });
    expect(summarySentence(s, 'zh')).toBe(
      '截至2024年4月15日，共梳理问题17个，制定整改措施30项，已完成28项（其中长期任务已取得阶段性成效9项），正在推进2项，逾期未完成0项。',
    );
  });

  test('an empty ledger gives zeros and no completion rate', () => {
    const s = summarize([], { asOf: '2024-01-05', ledgerName: 'X' });
    expect(s.totals.completionRate).toBeNull();
    expect(summarySentence(s, 'zh')).toBe(
      '截至2024年1月5日，共梳理问题0个，制定整改措施0项，已完成0项（其中长期任务已取得阶段性成效0项），正在推进0项，逾期未完成0项。',
    );
  });

  test('Chinese dates drop leading zeros', () => {
    expect(chineseDate('2024-01-05')).toBe('2024年1月5日');
    expect(chineseDate('2025-12-31')).toBe('2025年12月31日');
  });

  test('problems are the check’s count of each sheet, added over the sheets', () => {
    // The check counts a sheet's distinct problems once (tests/core/rows.test.ts: as a set of the
    // keys would, a blank problem one per row); the summary takes that count, not the rows' keys.
    const a = report('甲', [row({ row: 4, problem: '甲1' }), row({ row: 5, problem: '甲1' })]);
    const b = report('乙', [row({ row: 4, problem: '乙1' })]);
    const s = summarize([{ ...a, stats: { ...a.stats, problems: 7 } }, b], { asOf: AS_OF, ledgerName: 'X' });
    expect(s.bySheet.map((x) => [x.name, x.problems])).toEqual([
      ['甲', 7],
      ['乙', 1],
    ]);
    expect(s.problems).toBe(8);
  });
});

describe('invariants (property)', () => {
  const states: ProgressState[] = ['done', 'in_progress', 'long_term', 'not_started', 'unknown', 'missing'];
  const depts = ['办公室', '财务科', '人事科', '纪检组'];
  const rowArb = fc.record({
    state: fc.constantFrom(...states),
    dept: fc.subarray(depts),
    coop: fc.subarray(depts),
    overdueDays: fc.option(fc.integer({ min: 1, max: 400 })),
    dueSoonDays: fc.option(fc.integer({ min: 0, max: 7 })),
    problem: fc.integer({ min: 0, max: 5 }),
  });

  test('the sentence buckets partition the measures; ageing adds up to overdue; departments count per name', () => {
    fc.assert(
      fc.property(fc.array(fc.array(rowArb, { maxLength: 12 }), { maxLength: 3 }), (sheets) => {
        const reports = sheets.map((rs, si) =>
          report(
            `S${si}`,
            rs.map((r, i) => {
              const done = r.state === 'done' || r.state === 'long_term';
              return row({
                row: i + 4,
                state: r.state,
                dept: r.dept,
                coop: r.coop,
                problem: `P${r.problem}`,
                overdue: !done && r.overdueDays !== null ? r.overdueDays : undefined,
                dueSoon:
                  !done && r.overdueDays === null && r.dueSoonDays !== null ? r.dueSoonDays : undefined,
              });
            }),
          ),
        );
        const s = summarize(reports, { asOf: AS_OF, ledgerName: 'X' });
        const t = s.totals;
        const all = reports.flatMap((r) => r.rows);
        expect(t.completed + t.ongoing + t.overdue).toBe(all.length);
        expect(t.done + t.longTerm + t.inProgress + t.notStarted + t.unknown + t.missingStatus).toBe(
          all.length,
        );
        expect(s.ageing.upTo30 + s.ageing.upTo90 + s.ageing.over90).toBe(t.overdue);
        expect(s.alerts.filter((a) => a.kind === 'overdue')).toHaveLength(t.overdue);
        expect(s.alerts.filter((a) => a.kind === 'due-soon')).toHaveLength(t.dueSoon);
        const leadSum = s.byDepartment.reduce((n, d) => n + d.measures, 0) + (s.noDepartment?.measures ?? 0);
        expect(leadSum).toBe(all.reduce((n, r) => n + Math.max(1, r.departments.length), 0));
        const coopSum = s.byCooperating.reduce((n, d) => n + d.measures, 0);
        expect(coopSum).toBe(all.reduce((n, r) => n + r.cooperating.length, 0));
        expect(s.problems).toBe(reports.reduce((n, r) => n + r.stats.problems, 0));
      }),
    );
  });
});

describe('sentenceFigures: the pane tiles and the CLI counts line', () => {
  test.each([
    ['sheetA', sheetA()],
    ['sheetB', sheetB()],
  ])('%s: the groups add up and agree with the sentence', (_, r) => {
    const f = sentenceFigures(r);
    const t = summarize([r], { asOf: '2024-04-15', ledgerName: r.name }).totals;
    expect(f.completed + f.ongoing + f.overdue).toBe(f.measures);
    expect(f.measures).toBe(r.rows.length);
    expect([f.completed, f.ongoing, f.overdue, f.longTerm]).toEqual([
      t.completed,
      t.ongoing,
      t.overdue,
      t.longTerm,
    ]);
    const s = f.ongoingSplit;
    expect(s.inProgress + s.notStarted + s.unclear).toBe(f.ongoing);
    expect(f.dueSoon).toBeLessThanOrEqual(f.ongoing);
  });
});

describe('department tables do not depend on how the lists are shared', () => {
  // The engine hands every row with the same department text one frozen list; other callers
  // build a list per row. summarize tallies per list (by identity, past 1,024 lists by text),
  // so the same rows must give the same tables either way, in first-appearance order.
  const lists = [['办公室'], ['财务科', '办公室'], ['人事科', '人事科'], []];
  const states: ProgressState[] = ['done', 'in_progress', 'long_term', 'not_started', 'unknown', 'missing'];
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      row({ row: i + 4, state: states[i % 6], dept: lists[i % 4], coop: lists[(i + 1) % 4] }),
    );
  const sharedLists = (rs: ReturnType<typeof rows>) => {
    const byText = new Map<string, string[]>();
    for (const r of rs) {
      const key = r.departments.join('\u0000');
      r.departments = byText.get(key) ?? byText.set(key, r.departments).get(key)!;
    }
    return rs;
  };

  test.each([12, 3000])('%i rows', (n) => {
    const fresh = summarize([report('S', rows(n))], { asOf: AS_OF, ledgerName: 'X' });
    const shared = summarize([report('S', sharedLists(rows(n)))], { asOf: AS_OF, ledgerName: 'X' });
    expect(shared).toEqual(fresh);
    expect(fresh.byDepartment.map((d) => d.name)).toEqual(['办公室', '财务科', '人事科']);
    // Row i names lists[i % 4]: 办公室 on i % 4 ∈ {0, 1}, 财务科 on 1, 人事科 (once) on 2, none on 3.
    const quarter = (r: number) => Math.floor(n / 4) + (r < n % 4 ? 1 : 0);
    expect(fresh.byDepartment.map((d) => d.measures)).toEqual([
      quarter(0) + quarter(1),
      quarter(1),
      quarter(2),
    ]);
    expect(fresh.noDepartment?.measures).toBe(quarter(3));
    const office = fresh.byDepartment[0];
    expect(
      office.done +
        office.longTerm +
        office.inProgress +
        office.notStarted +
        office.unknown +
        office.missingStatus,
    ).toBe(office.measures);
  });
});
