/**
 * Writes tests/fixtures/xls/格式批注链接台账.xls: a ledger with what an old .xls carries besides
 * values (fonts, fills, borders, wrapping, comments, a link, data validation, a conditional format,
 * formulas across sheets, percent and date formats, merged cells, custom row heights and column
 * widths, a hidden column, landscape page setup), for the `.xls → .xlsx` copy of `ledger-check
 * --out` (tests/cli/xlsCopy.test.ts). Built with exceljs as .xlsx, then saved as .xls by
 * LibreOffice (`soffice` must be installed), so the .xls is not written by our code.
 *
 *   npx tsx scripts/make-xls-fixture.ts
 *
 * No formula here gives text: LibreOffice saves the last result of such a formula in an .xls as
 * the number 0 (measured), which no reader of the file can see past.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, renameSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';

const OUT = join(__dirname, '..', 'tests', 'fixtures', 'xls', '格式批注链接台账.xls');
const NAME = '格式批注链接台账';

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专项整改台账', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  ws.columns = [6, 30, 34, 14, 16, 12, 16, 18, 10].map((width) => ({ width }));
  ws.getColumn(9).hidden = true;

  ws.addRow(['某县交通运输局专项整改台账']);
  ws.mergeCells('A1:H1');
  const title = ws.getCell('A1');
  title.font = { name: '方正小标宋简体', size: 18, bold: true, color: { argb: 'FFC00000' } };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;

  ws.addRow([
    '序号',
    '存在问题',
    '整改措施',
    '责任单位',
    '整改时限',
    '整改进展',
    '完成时间',
    '备注',
    '内部编号',
  ]);
  ws.getRow(2).eachCell((c) => {
    c.font = { name: '黑体', bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = {
      top: { style: 'thin' },
      left: { style: 'thin' },
      bottom: { style: 'medium' },
      right: { style: 'thin' },
    };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(2).height = 28;

  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  const rows: [number, string, string, string, Date | string, string, Date | null, string][] = [
    [
      1,
      '路政执法案卷不规范',
      '开展案卷评查，逐卷整改',
      '法规科',
      day(2026, 3, 31),
      '已完成',
      day(2026, 3, 20),
      '',
    ],
    [1, '路政执法案卷不规范', '建立案卷审核制度', '法规科', day(2026, 6, 30), '正在推进', null, ''],
    [
      2,
      '农村公路养护资金拨付滞后',
      '按季度拨付养护资金',
      '财务股',
      day(2026, 4, 30),
      '正在推进',
      null,
      '见附件',
    ],
    [3, '安全生产隐患排查不到位', '每月开展一次专项检查', '', '长期坚持', '正在推进', null, ''],
    [4, '行政审批超时限办理', '压缩办理时限至5个工作日', '行政审批股', day(2026, 12, 31), '未启动', null, ''],
  ];
  for (const [i, r] of rows.entries()) {
    const row = ws.addRow([...r, `JT-${100 + i}`]);
    row.height = 32;
    for (const col of [2, 3]) row.getCell(col).alignment = { wrapText: true, vertical: 'top' };
    for (const col of [5, 7]) row.getCell(col).numFmt = 'yyyy"年"m"月"d"日"';
  }
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.getCell('C5').note = '资金到位情况请财务股核实';
  ws.getCell('H5').value = { text: '见附件', hyperlink: 'https://www.mot.gov.cn/' };
  ws.getCell('F3').dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: ['"已完成,正在推进,未启动,长期坚持"'],
  };
  ws.addConditionalFormatting({
    ref: 'F3:F7',
    rules: [
      {
        type: 'cellIs',
        operator: 'equal',
        formulae: ['"未启动"'],
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
      },
    ],
  });

  ws.addRow([]);
  const total = ws.addRow([
    '合计',
    null,
    { formula: 'COUNTA(C3:C7)', result: 5 },
    '完成率',
    { formula: 'COUNTIF(F3:F7,"已完成")/COUNTA(F3:F7)', result: 0.2 },
    '目标件数',
    { formula: '说明!B1*2', result: 10 },
  ]);
  total.getCell(5).numFmt = '0.0%';

  const notes = wb.addWorksheet('说明');
  notes.getCell('A1').value = '每季度报送件数';
  notes.getCell('B1').value = 5;
  notes.getCell('A2').value = '=不是公式，是填报说明';
  notes.getCell('A3').value = '本表由局办公室汇总';

  const dir = mkdtempSync(join(tmpdir(), 'xls-fixture-'));
  try {
    const xlsx = join(dir, `${NAME}.xlsx`);
    await wb.xlsx.writeFile(xlsx);
    execFileSync('soffice', [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'xls:MS Excel 97',
      '--outdir',
      dir,
      xlsx,
    ]);
    renameSync(join(dir, `${NAME}.xls`), OUT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
