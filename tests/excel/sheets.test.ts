import { num, text, type SheetPlan } from '../../src/core/sheetPlan';
import { OfficeHost } from '../../src/excel/officeHost';
import { fakeEnv } from '../../src/testhost/fakeEnv';
import { sampleWorkbook } from '../../src/testhost/sampleLedger';

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
    expect(res.replaced).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(['整改台账', '整改汇总']);
    expect(wb.sheet('整改汇总').pageLayout).toEqual({});
    // Charts need only ExcelApi 1.1 (setXAxisValues 1.7): Excel 2019 gets the chart too.
    expect(wb.sheet('整改汇总').charts).toEqual([expect.objectContaining({ type: 'BarStacked', source: 'C2:D5' })]);
  });

  it("leaves the ledger sheet's cells alone", async () => {
    const wb = sampleWorkbook();
    const before = wb.sheets[0].snapshot();
    await new OfficeHost(fakeEnv(wb)).writeSheets([summary()]);
    expect(wb.sheets[0].snapshot()).toEqual(before);
  });
});
