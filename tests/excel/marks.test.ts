import type { MarkPlan } from '../../src/core/marks';
import { HostError } from '../../src/excel/host';
import { isToolFormula, markFormula } from '../../src/excel/marksWriter';
import { OfficeHost } from '../../src/excel/officeHost';
import { FakeWorkbook, type FakeRule } from '../../src/testhost/fakeExcel';
import { fakeEnv } from '../../src/testhost/fakeEnv';
import { sampleWorkbook } from '../../src/testhost/sampleLedger';

const plan: MarkPlan = {
  sheet: '整改台账',
  groups: [
    { kind: 'missing', areas: ['E6', 'G8'] },
    { kind: 'overdue', areas: ['A5:K6', 'A8:K8'] },
    { kind: 'due-soon', areas: ['A9:K9'] },
  ],
};

function clerkRule(): FakeRule {
  return { id: 'clerk', type: 'CellValue', formula: '>100', fill: '#00FF00', fontColor: null, bold: null, stopIfTrue: false, areas: [{ top: 4, left: 1, bottom: 9, right: 1 }] };
}

function tool(wb: FakeWorkbook) {
  return wb.sheets[0].rules.filter((r) => isToolFormula(r.formula));
}

describe('marks as conditional formats', () => {
  it('adds one tagged rule per group, the cell rule first, with the colour pairs', async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    await host.readActiveSheet();
    await host.applyMarks(plan);
    const rules = tool(wb);
    expect(rules.map((r) => r.formula)).toEqual([markFormula('missing'), markFormula('overdue'), markFormula('due-soon')]);
    expect(rules[0]).toMatchObject({ fill: '#FF8F8F', fontColor: '#7F0000', bold: true, stopIfTrue: true });
    expect(rules[0].areas).toEqual([{ top: 6, left: 5, bottom: 6, right: 5 }, { top: 8, left: 7, bottom: 8, right: 7 }]);
    expect(rules[1]).toMatchObject({ fill: '#FFC7CE', fontColor: '#9C0006' });
    expect(rules[1].areas).toHaveLength(2);
    expect(rules[2]).toMatchObject({ fill: '#FFEB9C', fontColor: '#9C5700' });
    expect(markFormula('overdue')).toBe('=N("整改台账助手:overdue")=0');
  });

  it('never writes a value, formula, number format, fill or font of the ledger', async () => {
    const wb = sampleWorkbook();
    const before = wb.sheets[0].snapshot();
    const host = new OfficeHost(fakeEnv(wb));
    await host.readActiveSheet();
    await host.applyMarks(plan);
    await host.applyMarks(plan);
    await host.clearMarks();
    expect(wb.sheets[0].snapshot()).toEqual(before);
    expect(wb.sheets[0].formatWrites).toBe(0);
    expect(wb.sheets[0].rules).toEqual([]);
  });

  it('replaces its own marks (no stacking) and clears only its own rules', async () => {
    const wb = sampleWorkbook();
    wb.sheets[0].rules.push(clerkRule());
    const host = new OfficeHost(fakeEnv(wb));
    await host.applyMarks(plan);
    await host.applyMarks(plan);
    expect(tool(wb)).toHaveLength(3);
    expect(wb.sheets[0].rules).toHaveLength(4);
    expect(wb.sheets[0].rules[3].id).toBe('clerk');
    expect(await host.clearMarks()).toBe(3);
    expect(wb.sheets[0].rules).toEqual([clerkRule()]);
    expect(await host.clearMarks()).toBe(0);
  });

  it('marks 10,000 findings in a handful of round trips', async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    const rows = Array.from({ length: 10000 }, (_, i) => `A${10 + 2 * i}:K${10 + 2 * i}`);
    const cells = Array.from({ length: 10000 }, (_, i) => `E${11 + 2 * i}`);
    wb.resetCounters();
    await host.applyMarks({ sheet: '整改台账', groups: [{ kind: 'missing', areas: cells }, { kind: 'overdue', areas: rows }] });
    expect(wb.syncCount).toBeLessThan(12);
    const areas = tool(wb).reduce((n, r) => n + r.areas.length, 0);
    expect(areas).toBe(20000);
    console.log(`10,000 row + 10,000 cell marks: ${wb.syncCount} syncs, ${tool(wb).length} rules`);
  });

  it('works on ExcelApi 1.7 without RangeAreas: one rule per area', async () => {
    const wb = sampleWorkbook({ apiVersion: 7 });
    const host = new OfficeHost(fakeEnv(wb));
    await host.applyMarks(plan);
    expect(tool(wb)).toHaveLength(5);
    expect(tool(wb)[0].formula).toBe(markFormula('missing'));
    expect(await host.clearMarks()).toBe(5);
  });

  it('refuses a protected sheet before changing anything', async () => {
    const wb = sampleWorkbook();
    wb.sheets[0].rules.push(clerkRule());
    wb.sheets[0].protected = true;
    const before = JSON.stringify(wb.sheets[0].rules);
    const host = new OfficeHost(fakeEnv(wb));
    const err = await host.applyMarks(plan).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('protected');
    expect(err.zh).toMatch(/保护/);
    await expect(host.clearMarks()).rejects.toMatchObject({ code: 'protected' });
    expect(JSON.stringify(wb.sheets[0].rules)).toBe(before);
  });

  it('reports cell-edit mode, and a sheet that changed since it was read', async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    await host.readActiveSheet();
    wb.sheets[0].setRows(30, 1, [['后加的一行']]);
    await expect(host.applyMarks(plan)).rejects.toMatchObject({ code: 'sheet-changed' });
    expect(tool(wb)).toHaveLength(0);
    wb.cellEditMode = true;
    await expect(host.clearMarks()).rejects.toMatchObject({ code: 'cell-edit-mode' });
  });
});

describe('selectCell, settings, language', () => {
  it('activates the sheet and selects the cell', async () => {
    const wb = sampleWorkbook();
    wb.addSheet('另一表');
    wb.activeSheet = 1;
    const host = new OfficeHost(fakeEnv(wb));
    await host.selectCell('整改台账', 'E12');
    expect(wb.activeSheet).toBe(0);
    expect(wb.selected).toEqual({ sheet: '整改台账', address: 'E12' });
    await expect(host.selectCell('没有这个表', 'A1')).rejects.toMatchObject({ code: 'no-sheet' });
  });

  it('saves settings with the workbook and reads them back validated', async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    expect(await host.loadSettings()).toBeNull();
    const s = { version: 1 as const, columnOverrides: { department: 5 }, required: ['problem' as const], dueSoonDays: 10, asOf: '2024-04-15', markDone: true };
    await host.saveSettings(s);
    expect(wb.savedSettings['zhenggai.settings']).toEqual(s);
    expect(await host.loadSettings()).toEqual(s);
    wb.settingsStore['zhenggai.settings'] = { dueSoonDays: 'many' };
    expect((await host.loadSettings())?.dueSoonDays).toBe(7);
    expect(host.displayLanguage()).toBe('zh-CN');
  });
});
