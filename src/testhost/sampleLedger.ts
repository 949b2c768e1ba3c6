/** A small rectification ledger as clerks lay it out, for the browser test and host tests. */
import { FakeWorkbook, type FakeCell } from './fakeExcel';

const d = (serial: number): Partial<FakeCell> => ({ value: serial, numberFormat: 'yyyy"年"m"月"d"日"' });

export function sampleWorkbook(opts: { apiVersion?: number } = {}): FakeWorkbook {
  const wb = new FakeWorkbook({ apiVersion: opts.apiVersion ?? 17 });
  const s = wb.addSheet('整改台账');
  s.setRows(1, 1, [
    ['XX局巡察反馈意见整改落实台账'],
    ['填报单位:办公室', null, null, null, null, null, null, '填报时间:2024年4月15日'],
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
      '佐证材料',
      '备注',
    ],
    [
      1,
      '党的建设',
      '理论学习不够深入',
      '制定年度学习计划',
      '办公室',
      '张三',
      d(45291),
      '已完成',
      d(45280),
      '学习计划',
      null,
    ],
    [2, null, null, '开展专题研讨', '组织科', '李四', d(45382), '正在推进', null, null, null],
    [3, '作风建设', '会议文件偏多', '精简会议', null, '王五', '2024年6月底', '推进中', null, null, null],
    [4, null, null, '规范发文', '办公室、综合科', '赵六', '长期坚持', '长期坚持', null, null, null],
    [
      5,
      '基层治理',
      '台账管理不规范',
      '建立销号制度',
      '督查科',
      '钱七',
      '2024年2月30日',
      '未启动',
      null,
      null,
      null,
    ],
    [6, null, null, '定期对账', '督查科', '孙八', d(45397), '正在整改', null, null, '=SUM(A1:A2)'],
    [null, '合计', null, null, null, null, null, null, null, null, null],
    ['注:整改时限以文件为准。'],
  ]);
  s.merge('A1:K1').merge('B4:B5').merge('C4:C5').merge('B6:B7').merge('C6:C7').merge('B8:B9').merge('C8:C9');
  s.setRows(9, 11, [[{ value: 0, formula: '=SUM(A1:A2)' }]]);
  s.setRows(9, 12, [[{ value: '#REF!', error: true }]]);
  return wb;
}
