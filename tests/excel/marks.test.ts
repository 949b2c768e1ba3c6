import type { MarkPlan } from '../../src/core/marks';
import { HostError } from '../../src/excel/host';
import { isToolFormula, markFormula } from '../../src/excel/marksWriter';
import { OfficeHost } from '../../src/excel/officeHost';
import { FakeWorkbook, type FakeRule } from '../../src/testhost/fakeExcel';
import { fakeEnv } from '../../src/testhost/fakeEnv';
import { sampleWorkbook } from '../../src/testhost/sampleLedger';
import { readAllSheets } from '../../src/excel/workbookSheets';

const plan: MarkPlan = {
  sheet: '整改台账',
  groups: [
    { kind: 'missing', areas: ['E6', 'G8'] },
    { kind: 'overdue', areas: ['A5:K6', 'A8:K8'] },
    { kind: 'due-soon', areas: ['A9:K9'] },
  ],
};

function clerkRule(): FakeRule {
  return {
    id: 'clerk',
    type: 'CellValue',
    formula: '>100',
    fill: '#00FF00',
    fontColor: null,
    bold: null,
    stopIfTrue: false,
    areas: [{ top: 4, left: 1, bottom: 9, right: 1 }],
  };
}

function tool(wb: FakeWorkbook) {
  return wb.sheets[0].rules.filter((r) => isToolFormula(r.formula));
}

const AREA = { top: 1, left: 1, bottom: 12, right: 12 };
const RED = '#FFC7CE';
const AMBER = '#FFEB9C';
const MISSING = '#FF8F8F';

/** The fills the plan should show: rows by kind, then missing cells on top. */
function expectedFills(): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of [5, 6, 8]) for (const c of 'ABCDEFGHIJK') out.set(`${c}${r}`, RED);
  for (const c of 'ABCDEFGHIJK') out.set(`${c}9`, AMBER);
  out.set('E6', MISSING);
  out.set('G8', MISSING);
  return out;
}

describe('marks as conditional formats', () => {
  it('colours exactly the planned rows and cells, the cell marks on top, with one tagged rule per kind', async () => {
    for (const apiVersion of [7, 9, 13, 17]) {
      const wb = sampleWorkbook({ apiVersion });
      const host = new OfficeHost(fakeEnv(wb));
      await host.readActiveSheet();
      await host.applyMarks(plan);
      const rules = tool(wb);
      expect(rules).toHaveLength(3);
      expect(rules.map((r) => r.formula.match(/整改台账助手:([a-z-]+)/)?.[1])).toEqual([
        'missing',
        'overdue',
        'due-soon',
      ]);
      expect(rules[0]).toMatchObject({ fill: MISSING, fontColor: '#7F0000', bold: true, stopIfTrue: true });
      expect(rules[1]).toMatchObject({ fill: RED, fontColor: '#9C0006' });
      expect(rules[2]).toMatchObject({ fill: AMBER, fontColor: '#9C5700' });
      expect(wb.fills('整改台账', AREA)).toEqual(expectedFills());
    }
    expect(markFormula('overdue')).toBe('=N("整改台账助手:overdue")=0');
  });

  it('never writes a value, formula, number format, fill or font of the ledger, and clearing leaves the workbook as it was', async () => {
    const wb = sampleWorkbook();
    const before = wb.sheets[0].snapshot();
    const host = new OfficeHost(fakeEnv(wb));
    await host.readActiveSheet();
    await host.applyMarks(plan);
    expect(wb.sheets.map((s) => s.visibility)).toEqual(['Visible', 'Hidden']);
    await host.applyMarks(plan);
    expect(wb.sheets).toHaveLength(2);
    await host.clearMarks();
    expect(wb.sheets[0].snapshot()).toEqual(before);
    expect(wb.sheets[0].formatWrites).toBe(0);
    expect(wb.sheets[0].rules).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['整改台账']);
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

  it('finds its marks after the workbook was saved and opened again, also the older one-rule-per-area marks', async () => {
    const wb = sampleWorkbook({ apiVersion: 7 });
    await new OfficeHost(fakeEnv(wb)).applyMarks(plan);
    const reopened = wb.reopened();
    // An older version (and the command line) wrote always-true tagged rules per area.
    const green = '#C6EFCE';
    reopened.sheets[0].rules.push({
      ...clerkRule(),
      id: 'old',
      type: 'Custom',
      fill: green,
      formula: markFormula('done'),
      areas: [{ top: 4, left: 1, bottom: 4, right: 11 }],
    });
    const expected = expectedFills();
    for (const c of 'ABCDEFGHIJK') expected.set(`${c}4`, green);
    expect(reopened.fills('整改台账', AREA)).toEqual(expected);
    expect(await new OfficeHost(fakeEnv(reopened)).clearMarks()).toBe(4);
    expect(reopened.sheets.map((s) => s.name)).toEqual(['整改台账']);
    expect(reopened.sheets[0].rules).toEqual([]);
  });

  it('keeps the number of rules at most four for 25,000 marks on 50,000 rows at ExcelApi 1.7, 1.9 and 1.13', async () => {
    const rows = Array.from({ length: 12500 }, (_, i) => `A${10 + 4 * i}:K${10 + 4 * i}`);
    const soon = Array.from({ length: 5000 }, (_, i) => `A${12 + 4 * i}:K${12 + 4 * i}`);
    const cells = Array.from({ length: 7500 }, (_, i) => `E${11 + 4 * i}`);
    for (const apiVersion of [7, 9, 13]) {
      const wb = sampleWorkbook({ apiVersion });
      const host = new OfficeHost(fakeEnv(wb));
      wb.resetCounters();
      await host.applyMarks({
        sheet: '整改台账',
        groups: [
          { kind: 'missing', areas: cells },
          { kind: 'overdue', areas: rows },
          { kind: 'due-soon', areas: soon },
        ],
      });
      expect(tool(wb)).toHaveLength(3);
      expect(wb.syncCount).toBeLessThan(10);
      expect(Math.max(...wb.requestBytes)).toBeLessThan(5 * 1024 * 1024);
      const fills = wb.fills('整改台账', { top: 10, left: 1, bottom: 30, right: 11 });
      expect(fills.get('A10')).toBe(RED);
      expect(fills.get('E11')).toBe(MISSING);
      expect(fills.get('A11')).toBeUndefined();
      expect(fills.get('K12')).toBe(AMBER);
      expect(fills.get('A13')).toBeUndefined();
      expect(wb.fills('整改台账', { top: 50006, left: 11, bottom: 50006, right: 11 }).get('K50006')).toBe(
        RED,
      );
    }
  });

  it('refuses a protected sheet or workbook structure before changing anything', async () => {
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
    wb.sheets[0].protected = false;
    wb.structureProtected = true;
    await expect(host.applyMarks(plan)).rejects.toMatchObject({
      code: 'workbook-protected',
      zh: expect.stringMatching(/保护工作簿/),
    });
    expect(JSON.stringify(wb.sheets[0].rules)).toBe(before);
    expect(wb.sheets).toHaveLength(1);
  });

  it("never deletes a clerk's sheet that merely looks like a mark table", async () => {
    const wb = sampleWorkbook();
    wb.addSheet('ZGTZ_标注_1').setRows(1, 1, [['我的笔记', '整改台账']]);
    const host = new OfficeHost(fakeEnv(wb));
    await host.applyMarks(plan);
    expect(await host.clearMarks()).toBe(3);
    expect(wb.sheets.map((s) => s.name)).toEqual(['整改台账', 'ZGTZ_标注_1']);
  });

  it('keeps its hidden mark table out of 合并各单位台账', async () => {
    const wb = sampleWorkbook();
    await new OfficeHost(fakeEnv(wb)).applyMarks(plan);
    expect(wb.sheets).toHaveLength(2);
    const grids = await readAllSheets(fakeEnv(wb), undefined);
    expect(grids.map((g) => g.sheet)).toEqual(['整改台账']);
  });

  it('says which sheet is missing instead of failing on a null object', async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    await expect(host.applyMarks({ ...plan, sheet: '已删除的表' })).rejects.toMatchObject({
      code: 'no-sheet',
    });
  });

  it('reports cell-edit mode, and a sheet that changed since it was read', async () => {
    const wb = sampleWorkbook({ apiVersion: 10 });
    const host = new OfficeHost(fakeEnv(wb));
    await host.readActiveSheet();
    wb.sheets[0].setRows(30, 1, [['后加的一行']]);
    await expect(host.applyMarks(plan)).rejects.toMatchObject({ code: 'sheet-changed' });
    expect(tool(wb)).toHaveLength(0);
    wb.cellEditMode = true;
    await expect(host.clearMarks()).rejects.toMatchObject({ code: 'cell-edit-mode' });
  });
});

describe('marking is never half-done', () => {
  const other: MarkPlan = { sheet: '整改台账', groups: [{ kind: 'done', areas: ['A4:K4'] }] };

  it('keeps the old marks when the clerk clicks into a cell midway (ExcelApi 1.7–1.10)', async () => {
    for (const at of [1, 3]) {
      const wb = sampleWorkbook({ apiVersion: 7 });
      const host = new OfficeHost(fakeEnv(wb));
      await host.applyMarks(plan);
      const fills = wb.fills('整改台账', AREA);
      const rules = JSON.stringify(wb.sheets[0].rules);
      const first = wb.syncCount;
      wb.beforeSync = (i) => {
        if (i === first + at) wb.cellEditMode = true;
      };
      const err = await host.applyMarks(other).catch((e) => e);
      expect(err).toBeInstanceOf(HostError);
      expect(['cell-edit-mode', 'incomplete']).toContain(err.code);
      expect(err.zh).toMatch(/Enter|清除标记/);
      wb.cellEditMode = false;
      if (err.code === 'cell-edit-mode') {
        expect(wb.fills('整改台账', AREA)).toEqual(fills);
        expect(JSON.stringify(wb.sheets[0].rules)).toBe(rules);
      }
      // Whatever was left, marking again leaves exactly the new marks and one table.
      await host.applyMarks(other);
      expect(wb.sheets).toHaveLength(2);
      expect([...wb.fills('整改台账', AREA).keys()]).toEqual([...'ABCDEFGHIJK'].map((c) => `${c}4`));
    }
  });

  it('waits for the clerk to leave the cell where Excel supports delayForCellEdit (1.11)', async () => {
    const wb = sampleWorkbook({ apiVersion: 11 });
    const host = new OfficeHost(fakeEnv(wb));
    wb.beforeSync = (i) => {
      if (i === 2) wb.cellEditMode = true;
    };
    await host.applyMarks(plan);
    expect(wb.delayedSyncs).toBe(1);
    expect(wb.fills('整改台账', AREA)).toEqual(expectedFills());
  });

  it('takes back a half-written change when Excel refuses a rule midway', async () => {
    const wb = sampleWorkbook({ apiVersion: 7 });
    const host = new OfficeHost(fakeEnv(wb));
    await host.applyMarks(other);
    const fills = wb.fills('整改台账', AREA);
    wb.maxRulesPerSheet = 2; // the second new rule fails
    await expect(host.applyMarks(plan)).rejects.toBeInstanceOf(HostError);
    expect(wb.fills('整改台账', AREA)).toEqual(fills);
    expect(wb.sheets).toHaveLength(2);
    expect(tool(wb)).toHaveLength(1);
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
    const s = {
      version: 1 as const,
      columnOverrides: { department: 5 },
      required: ['problem' as const],
      dueSoonDays: 10,
      asOf: '2024-04-15',
      markDone: true,
    };
    await host.saveSettings(s);
    expect(wb.savedSettings['zhenggai.settings']).toEqual(s);
    expect(await host.loadSettings()).toEqual(s);
    wb.settingsStore['zhenggai.settings'] = { dueSoonDays: 'many' };
    expect((await host.loadSettings())?.dueSoonDays).toBe(7);
    expect(host.displayLanguage()).toBe('zh-CN');
  });
});
