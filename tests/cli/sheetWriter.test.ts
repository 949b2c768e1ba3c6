import ExcelJS from 'exceljs';
// jszip comes with exceljs; used to look at the XML the writer produces.
import JSZip from 'jszip';
import { applySheetPlan, quoteSheetName } from '../../src/cli/sheetWriter';
import { fixInternalHyperlinks, workbookBuffer } from '../../src/cli/xlsxFile';
import { num, text, type SheetPlan } from '../../src/core/sheetPlan';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

function plan(over: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name: '汇总',
    kind: 'summary',
    columnWidths: [8, 30, 12],
    rows: [
      [text('标题', 'title'), null, null],
      [text('序号', 'header'), text('名称', 'header'), text('日期', 'header')],
      [num(1), text('办公室'), { kind: 'date', date: '2024-06-14' }],
      [
        num(0.75, 'number', '0%'),
        text('财务股'),
        { kind: 'date', date: '2024-02-29', format: 'yyyy"年"m"月"d"日"' },
      ],
      [text('合计', 'total'), { kind: 'link', text: '跳转', sheet: "台账's", cell: 'C12' }, null],
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
    headerRow: 2,
    charts: [
      {
        title: 'x',
        firstRow: 3,
        lastRow: 4,
        labelColumn: 2,
        seriesColumns: [1],
        anchor: 'E2',
        widthColumns: 6,
        heightRows: 10,
      },
    ],
    ...over,
  };
}

describe('applySheetPlan', () => {
  test('formula-looking text stays literal text after a write/read round trip', async () => {
    const risky = ['=SUM(A1)', '+1', '-1', '@x', '\t=1', '\r=1', '=1+1'];
    const wb = new ExcelJS.Workbook();
    applySheetPlan(wb, plan({ rows: risky.map((r) => [text(r)]), merges: [], headerRow: 0 }));
    const back = await roundTrip(wb);
    const ws = back.worksheets[0];
    risky.forEach((r, i) => {
      const cell = ws.getCell(i + 1, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML parsing turns a bare CR into LF; the text stays text either way.
      expect(cell.value).toBe(r.replace(/\r/g, '\n'));
      expect(cell.formula).toBeUndefined();
    });
  });

  test('numbers, dates, links, merges, widths, styles, freeze panes and page setup', async () => {
    const wb = new ExcelJS.Workbook();
    const written = applySheetPlan(wb, plan());
    expect(written.name).toBe('汇总');
    const back = await roundTrip(wb);
    const ws = back.getWorksheet('汇总')!;

    expect(ws.getCell('A3').value).toBe(1);
    expect(ws.getCell('A4').value).toBe(0.75);
    expect(ws.getCell('A4').numFmt).toBe('0%');
    const d = ws.getCell('C3').value as Date;
    expect(d instanceof Date).toBe(true);
    expect(d.toISOString().slice(0, 10)).toBe('2024-06-14');
    expect(ws.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect((ws.getCell('C4').value as Date).toISOString().slice(0, 10)).toBe('2024-02-29');
    expect(ws.getCell('C4').numFmt).toBe('yyyy"年"m"月"d"日"');

    const link = ws.getCell('B5').value as ExcelJS.CellHyperlinkValue;
    expect(link.text).toBe('跳转');
    expect(link.hyperlink).toBe("#'台账''s'!C12");

    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('C1').master.address).toBe('A1');
    expect(ws.getColumn(2).width).toBe(30);

    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').font.size).toBe(16);
    const header = ws.getCell('B2');
    expect(header.font.bold).toBe(true);
    expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9D9D9');
    expect(header.border.top?.style).toBe('thin');
    const body = ws.getCell('B3');
    expect(body.border.left?.style).toBe('thin');
    expect(body.alignment.vertical).toBe('top');
    expect(body.alignment.wrapText).toBe(true);

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
  });

  test('never writes over an existing sheet: a taken name gets a free one', () => {
    const wb = new ExcelJS.Workbook();
    const old = wb.addWorksheet('汇总');
    old.getCell('A1').value = '原有内容';
    const ws = applySheetPlan(wb, plan());
    expect(ws.name).toBe('汇总(2)');
    expect(wb.getWorksheet('汇总')!.getCell('A1').value).toBe('原有内容');
  });

  test('merged areas carry borders on every covered cell; headerRow 0 freezes nothing', () => {
    const wb = new ExcelJS.Workbook();
    const ws = applySheetPlan(
      wb,
      plan({
        rows: [[text('类别')], [null], [null]],
        merges: [{ top: 1, left: 1, bottom: 3, right: 1 }],
        headerRow: 0,
      }),
    );
    expect(ws.getCell('A3').border.bottom?.style).toBe('thin');
    expect(ws.views.length).toBe(0);
  });

  test('an empty text cell is a styled blank: borders, no value', async () => {
    const wb = new ExcelJS.Workbook();
    applySheetPlan(wb, plan({ rows: [[text(''), text('x')]], merges: [], headerRow: 0 }));
    const ws = (await roundTrip(wb)).worksheets[0];
    expect(ws.getCell('A1').value).toBeNull();
    expect(ws.getCell('A1').border.top?.style).toBe('thin');
  });

  test('rowHeights set the rows they name; other rows keep the automatic height', async () => {
    const wb = new ExcelJS.Workbook();
    applySheetPlan(wb, plan({ rowHeights: { 1: 48, 4: 33, 0: 20, 99: Number.NaN, 5: -1 } }));
    const ws = (await roundTrip(wb)).getWorksheet('汇总')!;
    expect(ws.getRow(1).height).toBe(48);
    expect(ws.getRow(4).height).toBe(33);
    for (const r of [2, 3, 5]) expect(ws.getRow(r).height).toBeUndefined();
  });

  test('quoteSheetName doubles quotes', () => {
    expect(quoteSheetName("a'b")).toBe("'a''b'");
  });
});

describe('workbookBuffer: in-workbook links as Excel writes them', () => {
  async function parts(buf: Buffer) {
    const zip = await JSZip.loadAsync(buf);
    return {
      sheet: await zip.file('xl/worksheets/sheet1.xml')!.async('string'),
      rels: (await zip.file('xl/worksheets/_rels/sheet1.xml.rels')?.async('string')) ?? '',
    };
  }

  test('a link cell becomes <hyperlink location=…> with no r:id and no relationship', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = applySheetPlan(wb, plan({ name: '清单' }));
    // a web link next to it keeps its external relationship
    ws.getCell('D5').value = { text: '网站', hyperlink: 'http://example.com/?a=1&b=2' };
    const { sheet, rels } = await parts(await workbookBuffer(wb));

    const links = [...sheet.matchAll(/<hyperlink [^>]*\/>/g)].map((m) => m[0]);
    expect(links).toHaveLength(2);
    expect(links[0]).toBe(`<hyperlink ref="B5" location="&apos;台账&apos;&apos;s&apos;!C12"/>`);
    expect(links[1]).toMatch(/^<hyperlink ref="D5" r:id="(rId\d+)"\/>$/);
    const webId = /r:id="(rId\d+)"/.exec(links[1])![1];

    expect(rels).not.toContain('Target="#');
    expect(rels).toContain(`Id="${webId}"`);
    expect(rels).toContain('Target="http://example.com/?a=1&amp;b=2" TargetMode="External"');
    expect([...rels.matchAll(/<Relationship /g)]).toHaveLength(1);

    // the file still reads: the link cell as its text (exceljs ignores location-only links)
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbookBuffer(wb)) as unknown as ArrayBuffer);
    expect(back.getWorksheet('清单')!.getCell('B5').value).toBe('跳转');
    expect((back.getWorksheet('清单')!.getCell('D5').value as ExcelJS.CellHyperlinkValue).hyperlink).toBe(
      'http://example.com/?a=1&b=2',
    );
  });

  test('a workbook without in-workbook links is returned byte for byte', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').getCell('A1').value = { text: 'web', hyperlink: 'https://example.com' };
    const raw = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await fixInternalHyperlinks(raw)).equals(raw)).toBe(true);
  });
});
