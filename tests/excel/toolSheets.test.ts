/**
 * The sheets the tool made are never checked as ledgers (issue 10 point 9), on the in-memory Excel
 * with the real host code: the summary sheets written by the real writer, the hidden mark table
 * written by real marking, and a renamed tool sheet are told by the first round trip of the read;
 * a clerk's sheet that merely has a tool-like name is read as usual.
 */
import { checkGrid } from '../../src/core/check';
import { planMarks } from '../../src/core/marks';
import { summarize } from '../../src/core/summary';
import { planSummarySheets } from '../../src/core/summaryPlans';
import { DEFAULT_REQUIRED, type SheetReport } from '../../src/core/types';
import { sheetOfReference, toolSheetKind } from '../../src/excel/toolSheets';
import { OfficeHost } from '../../src/excel/officeHost';
import { fakeEnv } from '../../src/testhost/fakeEnv';
import { sampleWorkbook } from '../../src/testhost/sampleLedger';
import type { FakeWorkbook } from '../../src/testhost/fakeExcel';

const options = { asOf: '2024-06-30', dueSoonDays: 7, required: [...DEFAULT_REQUIRED], lang: 'zh' as const };

function activate(wb: FakeWorkbook, name: string): void {
  wb.activeSheet = wb.sheets.findIndex((s) => s.name === name);
  expect(wb.activeSheet).toBeGreaterThanOrEqual(0);
}

/** The sample ledger checked, marked and summarised by the real host code. */
async function workedWorkbook(apiVersion = 17) {
  const wb = sampleWorkbook({ apiVersion });
  const host = new OfficeHost(fakeEnv(wb));
  const result = checkGrid(await host.readActiveSheet(), options);
  if (!result.ok) throw new Error(result.message);
  const report: SheetReport = result.report;
  await host.applyMarks(planMarks(report, {}));
  const summary = summarize([report], { asOf: options.asOf, ledgerName: report.name });
  const written = await host.writeSheets(planSummarySheets(summary));
  return { wb, host, written };
}

describe('sheetOfReference', () => {
  it('reads the sheet of a defined name’s formula, quoted or not', () => {
    expect(sheetOfReference('=逾期清单!$A$1')).toBe('逾期清单');
    expect(sheetOfReference("='整改 汇总'!$A$1")).toBe('整改 汇总');
    expect(sheetOfReference("='张三''s 表'!$A$1")).toBe("张三's 表");
    expect(sheetOfReference('=#REF!')).toBeNull();
    expect(sheetOfReference('=0.5')).toBeNull();
  });

  it('finds the kind from the names, and mark tables by their sheet name', () => {
    const names = [
      { name: 'Print_Area', formula: '=逾期清单!$A$1:$F$9' },
      { name: 'ZGTZ_overdue_list', formula: '=逾期清单!$A$1' },
    ];
    expect(toolSheetKind('逾期清单', names)).toBe('overdue_list');
    expect(toolSheetKind('整改台账', names)).toBeUndefined();
    expect(toolSheetKind('ZGTZ_标注_1', [])).toBe('mark_table');
  });
});

describe('readActiveSheet on a sheet the tool made', () => {
  it.each([17, 7])('tells every summary sheet in one round trip (ExcelApi 1.%i)', async (minor) => {
    const { wb, host, written } = await workedWorkbook(minor);
    expect(written.map((w) => w.name)).toEqual(['整改汇总', '逾期清单', '待补充清单']);
    for (const w of written) {
      activate(wb, w.name);
      const before = wb.syncCount;
      const grid = await host.readActiveSheet();
      expect(wb.syncCount - before).toBe(1);
      expect(grid).toMatchObject({ sheet: w.name, cells: [] });
      expect(grid.toolSheet).toBeTruthy();
      expect(checkGrid(grid, options)).toMatchObject({ ok: false, reason: 'tool-sheet' });
    }
  });

  it('tells the hidden mark table and a renamed summary', async () => {
    const { wb, host } = await workedWorkbook();
    const table = wb.sheets.find((s) => s.name.startsWith('ZGTZ_标注_'));
    expect(table).toBeDefined();
    activate(wb, table!.name);
    expect((await host.readActiveSheet()).toolSheet).toBe('mark_table');

    // The clerk renamed 整改汇总: Excel's name follows the sheet (the fake has no rename).
    wb.sheet('整改汇总').name = '上报用汇总';
    const marker = wb.names.find((n) => n.name === 'ZGTZ_summary')!;
    marker.reference = "'上报用汇总'!$A$1";
    activate(wb, '上报用汇总');
    expect((await host.readActiveSheet()).toolSheet).toBe('summary');
  });

  it('reads a clerk’s sheet with a tool-like name as a ledger, with the usual round trips', async () => {
    const plain = sampleWorkbook();
    const plainHost = new OfficeHost(fakeEnv(plain));
    await plainHost.readActiveSheet();
    const usual = plainHost.lastSyncs;

    const wb = sampleWorkbook();
    wb.sheets[0].name = '逾期清单';
    wb.names.push({ name: 'ZGTZ_summary', reference: '#REF!', comment: '' });
    const host = new OfficeHost(fakeEnv(wb));
    const grid = await host.readActiveSheet();
    expect(grid.toolSheet).toBeUndefined();
    expect(host.lastSyncs).toBe(usual);
    expect(checkGrid(grid, options).ok).toBe(true);
  });
});
