/**
 * A long ledger as clerks write it, for the host benchmark and the host tests: a merged title,
 * one header row, 15 columns of long Chinese text, problems merged over pairs of measures, dates
 * as serials and as text.
 */
import { isoToSerial } from '../core/calendar';
import { FakeWorkbook, type FakeCell, type FakeExcelOptions } from './fakeExcel';

const HEADERS = [
  '序号',
  '问题来源',
  '问题类别',
  '存在问题',
  '整改目标',
  '整改措施',
  '责任单位',
  '配合单位',
  '责任人',
  '整改时限',
  '整改进展',
  '完成时间',
  '佐证材料',
  '销号情况',
  '备注',
];

const SOURCES = ['市委第三巡察组反馈', '审计整改通知书', '专项督查反馈意见', '群众信访反映', '上级督办件'];
const DEPARTMENTS = [
  '办公室',
  '财务股',
  '政策法规与审批股、道路运输管理股',
  '执法大队',
  '局属各单位、机关各股室',
  '',
];
const STATUSES = [
  '已完成，相关制度已印发执行，佐证材料已归档备查',
  '正在推进，已完成工程量的75%，预计按期完成',
  '尚未完成，正在协调资金和用地等问题',
  '长期坚持，已纳入年度重点工作常态化推进',
  '未启动',
  '已于2025年12月13日全部整改完毕，并通过验收',
  '待定',
];
const DEADLINE_TEXT = [
  '2026年6月30日',
  '2026.11.25',
  '6月底前',
  '2026年下半年',
  '长期坚持',
  '立行立改',
  '第三季度',
];
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** A long ledger as clerks write it: a merged title, one header row, problems merged over pairs. */
export function ledgerWorkbook(rows: number, options: FakeExcelOptions = {}): FakeWorkbook {
  const wb = new FakeWorkbook(options);
  const s = wb.addSheet('整改台账');
  s.setRows(1, 1, [['X市交通运输局巡察反馈意见整改落实台账（2026年度）'], HEADERS]);
  s.merge('A1:O1');
  const date = (iso: string, plusDays: number): Partial<FakeCell> => ({
    value: isoToSerial(iso) + plusDays,
    numberFormat: DATE_FORMAT,
  });
  const body: Array<Array<FakeCell['value'] | Partial<FakeCell>>> = [];
  for (let i = 0; i < rows; i++) {
    const first = i % 2 === 0;
    body.push([
      i + 1,
      SOURCES[i % SOURCES.length],
      `第${(i % 7) + 1}类：${['党的建设', '作风建设', '安全生产', '行政审批', '财务管理', '基层治理', '意识形态'][i % 7]}方面`,
      first
        ? `存在问题${i}：政策落实不到位，服务意识不强，存在“等靠要”思想；部分项目前期工作推进缓慢，资金拨付不及时，群众反映强烈，个别干部担当作为不够。`
        : null,
      `整改目标${i}：到期前全面完成整改，建立长效机制，确保问题不反弹、不回潮。`,
      `整改措施${i}：制定印发专项整改工作方案，细化责任清单、任务清单和时限清单，明确目标任务，主要领导亲自部署、分管领导具体负责，各责任单位协同配合推进，每月调度一次进展情况，按期对账销号。`,
      DEPARTMENTS[i % DEPARTMENTS.length] || null,
      i % 4 === 0 ? '财务股、办公室' : null,
      i % 5 === 0 ? null : ['张三', '李四', '王五', '赵六'][i % 4],
      i % 3 === 0 ? date('2026-01-01', i % 700) : DEADLINE_TEXT[i % DEADLINE_TEXT.length],
      STATUSES[i % STATUSES.length],
      i % 7 === 0 ? date('2026-03-01', 0) : null,
      i % 3 === 0 ? '会议纪要、制度文件、工作方案、整改报告及相关照片资料' : null,
      i % 7 === 0 ? '已销号' : null,
      i % 11 === 0 ? '需上级部门协调解决' : null,
    ]);
  }
  s.setRows(3, 1, body);
  for (let i = 0; i + 1 < rows; i += 2) s.merge(`D${i + 3}:D${i + 4}`);
  return wb;
}
