import { num, text, type SheetPlan } from '../../src/core/sheetPlan';
import { OfficeHost } from '../../src/excel/officeHost';
import { fakeEnv } from '../../src/testhost/fakeEnv';
import { sampleWorkbook } from '../../src/testhost/sampleLedger';
import { isoToSerial } from '../../src/core/calendar';
import { FakeWorkbook } from '../../src/testhost/fakeExcel';

function summary(rows = 3): SheetPlan {
  return {
    name: '整改汇总',
    kind: 'summary',
    columnWidths: [20, 8, 8, 8],
    rows: [
      [text('汇总', 'title')],
      [
        text('责任单位', 'header'),
        text('合计', 'header'),
        text('已完成', 'header'),
        text('推进中', 'header'),
      ],
      ...Array.from({ length: rows }, (_, i) => [text(`单位${i}`), num(i + 2), num(i + 1), num(1)]),
      [text('=SUM(B3:B4)'), text('+86 123'), text('-收尾'), text('@张三')],
      [
        { kind: 'link', text: '第12行', sheet: '整改台账', cell: 'C12' },
        { kind: 'date', date: '2024-06-14' },
        text('00123'),
        null,
      ],
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
    headerRow: 2,
    rowHeights: { 6: 33 },
    charts: [
      {
        title: '进展',
        firstRow: 3,
        lastRow: 2 + rows,
        labelColumn: 1,
        seriesColumns: [3, 4],
        anchor: 'F2',
        widthColumns: 8,
        heightRows: 15,
      },
    ],
  };
}

describe('writeSheets', () => {
  it('writes text as literal text, numbers, dates, links, merges, layout and a chart', async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    const [res] = await host.writeSheets([summary()]);
    expect(res).toEqual({ name: '整改汇总', wanted: '整改汇总', replaced: false });
    const s = wb.sheet('整改汇总');
    const formulaLike = [1, 2, 3, 4].map((c) => s.get(6, c));
    expect(formulaLike.map((c) => c?.value)).toEqual(['=SUM(B3:B4)', '+86 123', '-收尾', '@张三']);
    expect(formulaLike.every((c) => !c?.formula)).toBe(true);
    expect(s.get(7, 3)).toMatchObject({ value: '00123', numberFormat: '@' });
    expect(s.get(3, 2)).toMatchObject({ value: 2 });
    expect(s.get(7, 2)).toMatchObject({ value: 45457, numberFormat: 'yyyy-mm-dd' });
    expect(s.get(7, 1)?.hyperlink).toEqual({ documentReference: "'整改台账'!C12", textToDisplay: '第12行' });
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(s.frozenRows).toBe(2);
    expect(s.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      printTitleRows: '$2:$2',
    });
    expect(s.columnWidths.get(1)).toBeCloseTo(116.25);
    expect([...s.rowHeights]).toEqual([[6, 33]]);
    expect(s.charts).toEqual([
      expect.objectContaining({
        type: 'BarStacked',
        title: '进展',
        source: 'C2:D5',
        topLeft: 'F2',
        bottomRight: 'M16',
      }),
    ]);
    expect(wb.names.map((n) => n.name)).toEqual(['ZGTZ_summary']);
  });

  it("keeps a clerk's sheet of the same name and replaces the tool's own sheet on regenerate", async () => {
    const wb = sampleWorkbook();
    const clerk = wb.addSheet('整改汇总').setRows(1, 1, [['我自己的汇总']]);
    const clerkBefore = clerk.snapshot();
    const host = new OfficeHost(fakeEnv(wb));
    const [first] = await host.writeSheets([summary()]);
    expect(first).toEqual({ name: '整改汇总(2)', wanted: '整改汇总', replaced: false });
    const [second] = await host.writeSheets([summary(5)]);
    expect(second).toEqual({ name: '整改汇总(2)', wanted: '整改汇总', replaced: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(['整改台账', '整改汇总', '整改汇总(2)']);
    expect(wb.sheet('整改汇总').snapshot()).toEqual(clerkBefore);
    expect(wb.sheet('整改汇总(2)').get(7, 1)?.value).toBe('单位4');
    expect(wb.names).toHaveLength(1);
  });

  it("never replaces an imported ledger: once written it is the clerk's working document", async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    const imported = (): SheetPlan => ({
      ...summary(),
      name: '整改台账(导入)',
      kind: 'imported-ledger',
      charts: [],
    });
    const [first] = await host.writeSheets([imported()]);
    wb.sheet(first.name).setRows(3, 9, [['已由科室填写的进展']]);
    const filledIn = wb.sheet(first.name).snapshot();
    const [second] = await host.writeSheets([imported()]);
    expect(first).toEqual({ name: '整改台账(导入)', wanted: '整改台账(导入)', replaced: false });
    expect(second).toEqual({ name: '整改台账(导入)(2)', wanted: '整改台账(导入)', replaced: false });
    expect(wb.sheet(first.name).snapshot()).toEqual(filledIn);
    expect(wb.names).toHaveLength(0);
  });

  it('finds its sheet after the clerk renamed it, and writes on ExcelApi 1.7 without page layout but with the chart', async () => {
    const wb = sampleWorkbook({ apiVersion: 7 });
    const host = new OfficeHost(fakeEnv(wb));
    await host.writeSheets([summary()]);
    // A rename in Excel moves the name's reference with the sheet.
    wb.sheet('整改汇总').name = '汇总(旧)';
    wb.names[0].reference = "'汇总(旧)'!$A$1";
    const [res] = await host.writeSheets([summary()]);
    // Written into the renamed sheet, which keeps the clerk's name (it used to be replaced).
    expect(res).toEqual({ name: '汇总(旧)', wanted: '整改汇总', replaced: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(['整改台账', '汇总(旧)']);
    expect(wb.sheet('汇总(旧)').pageLayout).toEqual({});
    // Charts need only ExcelApi 1.1 (setXAxisValues 1.7): Excel 2019 gets the chart too.
    expect(wb.sheet('汇总(旧)').charts).toEqual([
      expect.objectContaining({ type: 'BarStacked', source: 'C2:D5' }),
    ]);
  });

  it("leaves the ledger sheet's cells alone", async () => {
    const wb = sampleWorkbook();
    const before = wb.sheets[0].snapshot();
    await new OfficeHost(fakeEnv(wb)).writeSheets([summary()]);
    expect(wb.sheets[0].snapshot()).toEqual(before);
  });
});

const LONG =
  '按照巡察反馈意见要求，进一步健全完善工作机制，压实主体责任，强化督促检查，确保各项整改措施落到实处、取得实效。';

/** A 逾期清单 as the engine writes it: a title, a header, one row per overdue measure with a link. */
function overdueList(rows: number): SheetPlan {
  return {
    name: '逾期清单',
    kind: 'overdue-list',
    columnWidths: [8, 30, 40, 16, 12, 20, 12],
    rows: [
      [text('逾期清单', 'title')],
      ['行号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展', '逾期天数'].map((h) =>
        text(h, 'header'),
      ),
      ...Array.from({ length: rows }, (_, i) => [
        { kind: 'link' as const, text: `第${i + 5}行`, sheet: '整改台账', cell: `A${i + 5}` },
        text(`${LONG}（${i}）`),
        text(LONG + LONG),
        text('政策法规与审批股、道路运输管理股'),
        { kind: 'date' as const, date: '2026-06-30' },
        text('正在推进，已完成工程量的75%，预计按期完成'),
        num(i % 200),
      ]),
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 7 }],
    headerRow: 2,
    charts: [],
  };
}

describe('summary sheets within budget and never half-done', () => {
  it('writes a 逾期清单 of 10,000 rows in requests far under 5 MB, every operation counted', async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    wb.resetCounters();
    const [res] = await host.writeSheets([overdueList(10000)]);
    const s = wb.sheet(res.name);
    expect(s.get(10002, 2)?.value).toBe(`${LONG}（9999）`);
    expect(s.get(10002, 1)?.hyperlink?.documentReference).toBe("'整改台账'!A10004");
    expect(Math.max(...wb.requestBytes)).toBeLessThan(2.5 * 1024 * 1024);
    expect(wb.syncCount).toBeLessThan(40);
    console.log(
      `逾期清单 10,000 rows: ${wb.syncCount} syncs, largest request ${(Math.max(...wb.requestBytes) / 1e6).toFixed(2)} MB`,
    );
  });

  it("regenerates into the existing sheet, so the clerk's formulas that point at it keep working", async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    await host.writeSheets([summary()]);
    const mine = wb.addSheet('我的表').setRows(1, 1, [[{ value: 2, formula: "='整改汇总'!B3" }]]);
    const [again] = await host.writeSheets([summary(5)]);
    expect(again).toEqual({ name: '整改汇总', wanted: '整改汇总', replaced: true });
    expect(mine.get(1, 1)).toMatchObject({ formula: "='整改汇总'!B3" });
    expect(mine.get(1, 1)?.error).toBeUndefined();
    expect(wb.sheet('整改汇总').get(8, 1)?.value).toBe('=SUM(B3:B4)');
    expect(wb.sheet('整改汇总').charts).toHaveLength(1);
    expect(wb.sheet('整改汇总').merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    // The first run's height for its row 6 does not stay on the new run's row 6.
    expect([...wb.sheet('整改汇总').rowHeights]).toEqual([[6, 33]]);
    const again2 = summary(5);
    again2.rowHeights = { 9: 40 };
    await host.writeSheets([again2]);
    expect([...wb.sheet('整改汇总').rowHeights]).toEqual([[9, 40]]);
  });

  it("writes dates in the workbook's own system when nothing was read first (1904)", async () => {
    for (const system of [1900, 1904] as const) {
      const wb = new FakeWorkbook({ dateSystem: system });
      wb.addSheet('封面');
      const [res] = await new OfficeHost(fakeEnv(wb)).writeSheets([summary()]);
      expect(wb.sheet(res.name).get(7, 2)?.value).toBe(isoToSerial('2024-06-14', system));
      expect(wb.sheet(res.name).get(1, 1)?.value).toBe('汇总');
    }
  });

  it('keeps texts starting with an apostrophe, =, +, - or @ exactly, whatever Excel does with the quote', async () => {
    for (const apostropheInTextCell of ['strip', 'keep'] as const) {
      const wb = new FakeWorkbook({ apostropheInTextCell });
      wb.addSheet('台账');
      const plan = summary();
      plan.rows.push([text("'引号开头"), text('=SUM(B3:B4)'), text('-收尾'), text('@张三')]);
      const [res] = await new OfficeHost(fakeEnv(wb)).writeSheets([plan]);
      const s = wb.sheet(res.name);
      const last = plan.rows.length;
      expect([1, 2, 3, 4].map((c) => s.get(last, c)?.value)).toEqual([
        "'引号开头",
        '=SUM(B3:B4)',
        '-收尾',
        '@张三',
      ]);
      expect([1, 2, 3, 4].some((c) => s.get(last, c)?.formula)).toBe(false);
    }
  });

  it('waits out a click into a cell midway on Excel 2019, and removes a sheet it could not finish', async () => {
    const wb = sampleWorkbook({ apiVersion: 7 });
    const host = new OfficeHost(fakeEnv(wb), { write: { retryWaitMs: 1, retries: 3 } });
    wb.beforeSync = (i) => {
      if (i === 5) wb.cellEditMode = true;
      if (i === 7) wb.cellEditMode = false;
    };
    const [res] = await host.writeSheets([overdueList(3000)]);
    expect(wb.sheet(res.name).get(3002, 2)?.value).toBe(`${LONG}（2999）`);

    const stuck = sampleWorkbook({ apiVersion: 7 });
    const before = stuck.sheets.map((s) => s.name);
    const h2 = new OfficeHost(fakeEnv(stuck), { write: { retryWaitMs: 1, retries: 2 } });
    stuck.beforeSync = (i) => {
      if (i === 4) stuck.cellEditMode = true;
      if (i === 9) stuck.cellEditMode = false; // the clerk finishes only after the writer gave up
    };
    const err = await h2.writeSheets([overdueList(3000)]).catch((e) => e);
    expect(err).toMatchObject({ code: 'incomplete' });
    expect(err.zh).toMatch(/未能全部写完.*单元格正在编辑/);
    expect(stuck.sheets.map((s) => s.name)).toEqual(before);
    expect(stuck.names).toEqual([]);
  });

  it('refuses a workbook whose structure is protected before writing anything', async () => {
    const wb = sampleWorkbook();
    wb.structureProtected = true;
    await expect(new OfficeHost(fakeEnv(wb)).writeSheets([summary()])).rejects.toMatchObject({
      code: 'workbook-protected',
    });
    expect(wb.sheets).toHaveLength(1);
  });
});
