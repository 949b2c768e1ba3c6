import { layoutLedger, LEDGER_HEADERS } from '../../src/core/import/layout';
import type { ImportedRow } from '../../src/core/import/parse';

function row(over: Partial<ImportedRow>): ImportedRow {
  return {
    category: '',
    problem: '',
    measure: '',
    departments: [],
    departmentsText: '',
    person: '',
    deadline: null,
    deadlineText: '',
    deadlineSource: 'none',
    status: '',
    remarks: '',
    problemIndex: 1,
    ...over,
  };
}

describe('layoutLedger', () => {
  const rows = [
    row({
      category: 'A',
      problem: 'p1',
      measure: 'm1',
      problemIndex: 1,
      deadline: '2024-06-14',
      deadlineText: '6月7日至6月14日',
      deadlineSource: 'phase',
    }),
    row({
      category: 'A',
      problem: 'p1',
      measure: 'm2',
      problemIndex: 1,
      departmentsText: '办公室',
      status: '已完成',
    }),
    row({
      category: 'A',
      problem: 'p2',
      measure: 'm3',
      problemIndex: 2,
      deadlineText: '长期坚持',
      deadlineSource: 'item',
    }),
    row({ category: 'B', problem: '', measure: 'm4', problemIndex: 3 }),
    row({ category: 'B', problem: '', measure: 'm5', problemIndex: 4 }),
  ];
  const plan = layoutLedger(rows, { title: '测试台账' });

  test('title, header, columns', () => {
    expect(plan.kind).toBe('imported-ledger');
    expect(plan.headerRow).toBe(2);
    expect(plan.rows[0][0]).toMatchObject({ kind: 'text', text: '测试台账', style: 'title' });
    expect(plan.rows[1].map((c) => (c && c.kind === 'text' ? c.text : null))).toEqual([...LEDGER_HEADERS]);
    expect(plan.columnWidths).toHaveLength(LEDGER_HEADERS.length);
    expect(plan.rows).toHaveLength(2 + rows.length);
  });

  test('merges: index and problem over a problem, category over its problems', () => {
    expect(plan.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 11 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 3, bottom: 4, right: 3 },
        { top: 3, left: 2, bottom: 5, right: 2 },
        { top: 6, left: 2, bottom: 7, right: 2 },
      ]),
    );
    // Distinct problems with empty text are not merged together.
    expect(plan.merges.some((m) => m.left === 3 && m.top === 6)).toBe(false);
  });

  test('cells: dates as dates, text deadlines as text, missing cells blank', () => {
    expect(plan.rows[2][6]).toMatchObject({ kind: 'date', date: '2024-06-14' });
    expect(plan.rows[4][6]).toMatchObject({ kind: 'text', text: '长期坚持' });
    expect(plan.rows[3][4]).toMatchObject({ kind: 'text', text: '办公室' });
    expect(plan.rows[3][7]).toMatchObject({ kind: 'text', text: '已完成' });
    expect(plan.rows[2][4]).toMatchObject({ kind: 'text', text: '' });
    expect(plan.rows[2][10]).toMatchObject({
      kind: 'text',
      text: '整改时限按工作步骤“6月7日至6月14日”的截止日计',
    });
    expect(plan.rows[2][0]).toMatchObject({ kind: 'number', value: 1 });
  });

  test('no title: header on row 1', () => {
    const p = layoutLedger(rows, { title: '' });
    expect(p.headerRow).toBe(1);
    expect(p.merges.some((m) => m.top === 1 && m.right === 11)).toBe(false);
  });
});
