/**
 * Writes tests/fixtures/units/: the ledgers a lead office gets back from its units, in the shapes
 * they really come in (run: npx tsx scripts/make-unit-fixtures.ts). The expected figures, as of
 * 2024-06-30 with a 7-day due-soon window, are worked out by hand in tests/cli/consolidate.test.ts.
 *
 * - 县教育局整改台账.xlsx: title row, 填报单位 line (label and name in one cell), category and
 *   problem merged down over their measures.
 * - 附件2：县卫生健康局巡察整改台账（2024年6月）.xlsx: no 填报单位 line (name from the file name),
 *   other header words, a two-row header (整改情况 over 进展情况 | 完成日期), a problem merged.
 * - 各乡镇整改台账.xlsx: one unit per sheet (城关镇, 河口乡) and a 填表说明 sheet that is no ledger;
 *   deadlines as date cells.
 * - 县财政局整改台账.xlsx and 县财政局整改台账（修改后）.xlsx: one unit sent twice (label and name
 *   in two cells of the 填报单位 line); the test makes the second one newer.
 * - 第二批/县水利局整改台账.xlsx: in a subfolder; a vague department, a blank status.
 * - 县民政局整改台账.xls: an Excel 97-2003 workbook (written with SheetJS), read like the others.
 * - 损坏的文件.xlsx (a cut-off zip) and 加密的台账.xlsx (a password-protected file): unreadable.
 * - ~$县教育局整改台账.xlsx: Excel's lock file; 上次汇总.xlsx: the tool's own earlier output;
 *   说明.txt: not a workbook. All three are skipped.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';

const DIR = join(__dirname, '..', 'tests', 'fixtures', 'units');
const FIXED = new Date(Date.UTC(2024, 5, 25, 9, 0, 0));
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

async function save(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fixtures';
  wb.lastModifiedBy = 'fixtures';
  wb.created = FIXED;
  wb.modified = FIXED;
  build(wb);
  const path = join(DIR, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

function rows(ws: ExcelJS.Worksheet, first: number, data: ExcelJS.CellValue[][]): void {
  data.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== null && v !== undefined) ws.getCell(first + i, j + 1).value = v;
    });
  });
}

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });

  await save('县教育局整改台账.xlsx', (wb) => {
    const ws = wb.addWorksheet('整改台账');
    ws.getCell('A1').value = '县教育局巡察反馈意见整改落实台账';
    ws.mergeCells('A1:J1');
    ws.getCell('A2').value = '填报单位（盖章）：县教育局　　　　填报时间：2024年6月20日';
    ws.mergeCells('A2:J2');
    rows(ws, 3, [
      [
        '序号',
        '问题类别',
        '存在问题',
        '整改措施',
        '责任单位',
        '责任人',
        '整改时限',
        '整改进展',
        '完成时间',
        '备注',
      ],
      [
        1,
        '党的建设',
        '落实“第一议题”制度不到位，学习流于形式',
        '修订党组理论学习中心组学习制度',
        '办公室',
        '李明',
        '2024年3月31日',
        '已完成',
        '2024年3月20日',
      ],
      [
        null,
        null,
        null,
        '每月开展一次专题学习研讨',
        '机关党委',
        '王芳',
        '长期坚持',
        '长期坚持，已取得阶段性成效',
      ],
      [
        2,
        null,
        '基层党组织软弱涣散，组织生活不规范',
        '对3个软弱涣散党支部逐一整顿',
        '基础教育股',
        '张伟',
        '2024年5月31日',
        '正在推进，已完成2个',
      ],
      [
        3,
        '教育管理',
        '校外培训治理不力，无证办学时有发生',
        '开展校外培训机构专项检查',
        '监督检查股',
        '刘强',
        '2024年4月30日',
        '已完成',
        '2024年5月10日',
      ],
      [null, null, null, '建立校外培训机构黑白名单', null, null, '2024年7月5日', '正在推进'],
      [null, null, null, '完善培训机构年检制度', '行政审批股', '陈静', '2024年12月31日', '正在推进'],
    ]);
    ws.mergeCells('A4:A5');
    ws.mergeCells('B4:B6');
    ws.mergeCells('C4:C5');
    ws.mergeCells('A7:A9');
    ws.mergeCells('B7:B9');
    ws.mergeCells('C7:C9');
  });

  await save('附件2：县卫生健康局巡察整改台账（2024年6月）.xlsx', (wb) => {
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '巡察反馈问题整改情况表';
    ws.mergeCells('A1:G1');
    rows(ws, 2, [
      ['序号', '问题描述', '具体举措', '责任股室', '完成时限', '整改情况', null],
      [null, null, null, null, null, '进展情况', '完成日期'],
      [
        1,
        '医疗机构监管不到位',
        '开展医疗机构依法执业专项检查',
        '医政医管股',
        '2024.6.15',
        '已办结',
        '2024.6.10',
      ],
      [2, '公共卫生应急能力不足', '修订突发公共卫生事件应急预案', '疾控股', '2024年9月底', '整改中'],
      [null, null, '开展应急演练2次', '疾控股、医政医管股', '2024年5月', '未启动'],
      [3, '药品集中采购执行不严', '规范药品集中采购', '药政股', '立行立改', '已完成'],
      [4, '村医培训覆盖面窄', '加强村医培训', '基层卫生股', '2024年12月31日', '推进中'],
    ]);
    for (const c of ['A', 'B', 'C', 'D', 'E']) ws.mergeCells(`${c}2:${c}3`);
    ws.mergeCells('F2:G2');
    ws.mergeCells('A5:A6');
    ws.mergeCells('B5:B6');
  });

  await save('各乡镇整改台账.xlsx', (wb) => {
    const note = wb.addWorksheet('填表说明');
    note.getCell('A1').value = '请各乡镇按本模板填报，每个乡镇一个工作表，6月25日前报县委督查室。';
    const header = ['序号', '反馈问题', '整改举措', '责任单位', '整改期限', '整改状态'];
    const town = wb.addWorksheet('城关镇');
    rows(town, 1, [
      header,
      [1, '人居环境整治不彻底', '清理河道垃圾', '城建办', d(2024, 4, 30), '已完成'],
      [2, '占道经营问题突出', '整治占道经营', '综合执法队', d(2024, 6, 1), '正在推进'],
      [3, '基层治理手段单一', '建立网格化管理制度', '党政办', '持续推进', '长期推进'],
      [4, '村规民约执行不到位', '完善村规民约', null, d(2024, 7, 2), '未启动'],
    ]);
    const village = wb.addWorksheet('河口乡');
    rows(village, 1, [
      header,
      [1, '农村危房改造滞后', '整治农村危房', '村建站', '2024年5月31日', '已完成'],
      [2, '集体资金管理不规范', '规范集体资金管理', '财政所', '2024年10月31日', '推进中'],
      [3, '陈规陋习仍有存在', '开展移风易俗宣传', '宣传办', '2024年3月31日', '已完成'],
    ]);
    for (const ws of [town, village]) ws.getColumn(5).numFmt = 'yyyy"年"m"月"d"日"';
  });

  const financeHeader = [
    '序号',
    '问题类别',
    '存在问题',
    '整改措施',
    '牵头单位',
    '配合单位',
    '整改时限',
    '整改进展',
  ];
  await save('县财政局整改台账.xlsx', (wb) => {
    const ws = wb.addWorksheet('台账');
    rows(ws, 1, [
      ['填报单位：', '县财政局', null, '填报时间：', '2024年6月10日'],
      financeHeader,
      [
        1,
        '预算管理',
        '预算执行进度慢',
        '建立预算执行通报制度',
        '预算股',
        '各股室',
        '2024年6月30日',
        '正在推进',
      ],
      [2, '国有资产', '资产底数不清', '开展资产清查', '资产股', null, '2024年5月31日', '基本完成'],
      [3, '国有资产', '资产处置不规范', '完善资产处置制度', '资产股', null, '2024年7月6日', '尚未开始'],
    ]);
  });
  await save('县财政局整改台账（修改后）.xlsx', (wb) => {
    const ws = wb.addWorksheet('台账');
    rows(ws, 1, [
      ['填报单位：', '县财政局', null, '填报时间：', '2024年6月24日'],
      financeHeader,
      [
        1,
        '预算管理',
        '预算执行进度慢',
        '建立预算执行通报制度',
        '预算股',
        '各股室',
        '2024年6月30日',
        '已完成',
      ],
      [null, null, null, '加快项目资金拨付', '国库股', null, '2024年8月31日', '正在推进'],
      [2, '国有资产', '资产底数不清', '开展资产清查', '资产股', null, '2024年5月31日', '基本完成'],
      [3, '国有资产', '资产处置不规范', '完善资产处置制度', '资产股', null, '2024年7月6日', '尚未开始'],
    ]);
    ws.mergeCells('A3:A4');
    ws.mergeCells('B3:B4');
    ws.mergeCells('C3:C4');
  });

  await save('第二批/县水利局整改台账.xlsx', (wb) => {
    const ws = wb.addWorksheet('水利局');
    rows(ws, 1, [
      ['存在问题', '整改措施', '责任部门', '计划完成时间', '完成情况', '备注'],
      ['河长制落实不到位', '开展河湖“清四乱”专项行动', '各科室', d(2024, 6, 10), '已完成'],
      ['工程质量监管薄弱', '完善水利工程质量监督', '质监站', d(2024, 6, 28), '正在推进'],
      ['水资源管理粗放', '加强水资源管理', '水资源股', d(2024, 9, 30), null, '待核实'],
    ]);
    ws.getColumn(4).numFmt = 'yyyy-mm-dd';
  });

  // An earlier 汇总 written by this tool: it carries a ZGTZ_ name and must not be merged again.
  await save('上次汇总.xlsx', (wb) => {
    const ws = wb.addWorksheet('汇总台账');
    rows(ws, 1, [
      ['序号', '填报单位', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
      [1, '县教育局', '旧问题', '旧措施', '办公室', '2024年1月31日', '已完成'],
    ]);
    wb.definedNames.add("'汇总台账'!$A$1", 'ZGTZ_merged_ledger');
  });

  // A download that stopped half way: a zip header and no more.
  const whole = await new ExcelJS.Workbook().xlsx.writeBuffer();
  writeFileSync(join(DIR, '损坏的文件.xlsx'), Buffer.from(whole).subarray(0, 300));
  // A workbook with an open password: Office stores it as a compound file with these streams.
  const cfb = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
  Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 512);
  Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 640);
  writeFileSync(join(DIR, '加密的台账.xlsx'), cfb);
  // An Excel 97-2003 workbook (BIFF8), as older offices still send.
  const xls = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([
    ['填报单位：县民政局'],
    ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展', '完成时间'],
    [1, '低保动态管理不规范', '开展低保对象复核', '社会救助股', '2024年5月31日', '已完成', '2024年5月20日'],
    [2, '养老机构消防隐患', '整治养老机构消防设施', '养老服务股', '2024年12月31日', '正在推进'],
  ]);
  XLSX.utils.book_append_sheet(xls, sheet, '台账');
  writeFileSync(
    join(DIR, '县民政局整改台账.xls'),
    XLSX.write(xls, { type: 'buffer', bookType: 'xls' }) as Buffer,
  );
  // Excel's owner file next to an open workbook (165 bytes, the user's name in it).
  writeFileSync(join(DIR, '~$县教育局整改台账.xlsx'), Buffer.alloc(165, 0x20));
  writeFileSync(join(DIR, '说明.txt'), '各单位报送的整改台账。\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
