import { checkGrid } from '../../src/core/check';
import { planMarks } from '../../src/core/marks';
import { isToolFormula } from '../../src/excel/marksWriter';
import { createMemoryHost } from '../../src/testhost/memoryHost';

describe('memory host (browser test page) end to end', () => {
  it('reads the sample ledger, checks it, marks it and clears the marks again', async () => {
    const host = createMemoryHost();
    const sheet = host.workbook.sheets[0];
    const before = sheet.snapshot();
    const grid = await host.readActiveSheet();
    const result = checkGrid(grid, {
      asOf: '2024-04-15',
      dueSoonDays: 7,
      required: ['problem', 'measure', 'department', 'deadline', 'status'],
      lang: 'zh',
    });
    if (!result.ok) throw new Error(result.message);
    const plan = planMarks(result.report);
    expect(plan.groups.map((g) => g.kind)).toContain('missing');
    expect(plan.groups.length).toBeGreaterThan(1);
    await host.applyMarks(plan);
    expect(sheet.rules.filter((r) => isToolFormula(r.formula)).length).toBe(plan.groups.length);
    expect(await host.clearMarks()).toBe(plan.groups.length);
    expect(sheet.snapshot()).toEqual(before);
  });
});
