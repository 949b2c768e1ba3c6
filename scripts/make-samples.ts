/**
 * Writes the bundled sample ledgers into samples/ (run: npm run samples).
 *
 * The rows below are data, laid out as the clerk's table; the texts of problems and measures are
 * copied from the rectification plans in tests/fixtures/seeds/ (000 and 001). Deadlines sit around
 * 2026 so that, checked as of 2026-11-21, some rows are overdue, some due within 7 days, some
 * later. Each ledger also carries the faults a checker must catch (see the FAULT notes).
 *
 * The output is deterministic: fixed document dates and fixed zip entry timestamps.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { isoToSerial } from '../src/core/calendar';

/** Where the samples go; SAMPLES_OUT_DIR overrides it (the tests regenerate into a temp dir). */
const OUT_DIR = process.env.SAMPLES_OUT_DIR || join(__dirname, '..', 'samples');
const FIXED = new Date(Date.UTC(2026, 10, 20, 1, 30, 0)); // 2026-11-20 09:30 Beijing time

// ---------------------------------------------------------------------------------------------
// Cell shorthands used by the tables

/** A real date cell (a JS date written with a date format). */
interface DateValue {
  kind: 'date';
  iso: string;
  format: string;
}
/** An Excel serial number with a date number format, as Excel stores a typed date. */
interface SerialValue {
  kind: 'serial';
  iso: string;
  format: string;
}
type V = string | number | null | DateValue | SerialValue;

const CN_DATE = 'yyyy"年"m"月"d"日"';
const d = (iso: string, format = CN_DATE): DateValue => ({ kind: 'date', iso, format });
const s = (iso: string, format = CN_DATE): SerialValue => ({ kind: 'serial', iso, format });

// =============================================================================================
// Sample 1: 交通运输局专项整治台账 (seed 000)
// =============================================================================================

const T1_TITLE = 'X市交通运输局优化法治营商环境专项整治工作台账';
const T1_FILER = '填报单位:X市交通运输局办公室(盖章)';
const T1_DATE = '填报时间:2026年11月20日';

// Two-row header: group cells over sub-columns (责任主体 over 牵头单位|配合单位, 整改情况 over
// 进展情况|完成时间); every other header is merged down over both rows.
// prettier-ignore
const T1_HEAD_1 = ['序号', '整治内容', '存在问题', '整改措施', '责任主体', null, '责任人', '整改时限', '整改情况', null, '佐证材料', '备注'];
// prettier-ignore
const T1_HEAD_2 = [null, null, null, null, '牵头单位', '配合单位', null, null, '进展情况', '完成时间', null, null];
const T1_WIDTHS = [6, 13, 34, 46, 22, 20, 9, 15, 22, 14, 16, 12];

const C1 = '聚焦政策落实不到位问题';
const C2 = '聚焦制度执行不严格问题';
const C3 = '聚焦行政执法不规范问题';
const C4 = '聚焦司法保障不充分问题';
const C5 = '聚焦纠治市场竞争不公平问题';
const C6 = '聚焦政商关系“亲清不分”问题';
const C7 = '聚焦政务服务慢作为、消极作为等作风问题';

const P1 = '优化营商环境工作站位不高,服务意识不强,存在“等靠要”思想,单位、股室之间相互配合协作差';
const P2 = '落实惠企政策不到位,搞上有政策、下有对策,打折扣、做选择、搞变通,出现“中阻梗”“缩水走样”等情况';
const P3 =
  '深化“放管服”改革不到位,在促进政策落地落实、确保市场透明有序方面存在“玻璃门”“弹簧门”“旋转门”等隐形障碍';
const P4 =
  '优化营商环境主体责任落实不到位,对优化营商环境工作的组织领导和统筹协调不力,未及时开展工作调度、督促,营商环境监测指标任务排名滞后';
const P5 =
  '未严格执行优化营商环境投诉举报处理制度,对涉及营商环境的投诉举报和企业反映问题推诿扯皮、处理不力等';
const P6 =
  '行业主管部门事中事后监管不到位,要素保障时存在业务审查、现场核查等环节不够紧凑、跟踪审批不够及时、审批环节衔接不顺畅等问题。';
const P7 = '“双随机、一公开”监管不到位,“互联网+监管”系统和省一体化大融合行政执法平台数据不完善';
const P8 =
  '职能部门及其工作人员未依法行政、按章办事,不正确履职,在行政审批、政务服务、监管执法中存在不担当不作为乱作为假作为等形式主义、官僚主义问题';
const P9 = '区别对待不同市场主体,未依法充分保障民营企业产权和企业家合法权益';
const P10 = '行业主管部门履职不力、监管不到位,落实公平竞争审查制度不严格';
const P11 = '在政府采购、工程招投标中弄虚作假、相互串通、围标串标,进行利益输送、钱权交易';
const P12 = '与企业交往清而不亲,对企业合理诉求生冷硬推、口大气粗,门好进、脸好看、事难办';
const P13 =
  '窗口工作人员服务意识薄弱,办事拖拉,未执行一次性告知问题,未在规定时间内做到“应审尽审”,违反“一件事跑一次”服务原则';
const P14 = '办事“审批加码”,擅自提高群众办事门槛';
const P15 = '行政审批事项名义上进政务服务中心,实际上依然两头办理或后台直接接件,存在“体外循环”现象';
const P16 =
  '“一件事一次办”改革部门间协同不足。不同部门之间的信息共享、工作流程难以做到无缝衔接,导致办事过程中出现重复提交材料、多次往返等问题。';

const ALL_UNITS = '局属各单位、机关各股室';
const SIX_UNITS =
  '道路运输管理股、水路与公共交通运输管理股、计划建设股、政策法规与审批股、财务股、乡村道路技术指导站';
const LONG_OK = '长期坚持,已取得阶段性成效';

/**
 * One measure per row: 序号 | 整治内容 | 存在问题 | 整改措施 | 牵头单位 | 配合单位 | 责任人 | 整改时限 |
 * 进展情况 | 完成时间 | 佐证材料 | 备注. Equal 整治内容 / 存在问题 on consecutive rows are merged down.
 * 'SPACER' is a blank row the clerk left between two blocks.
 */
type Row12 = [V, V, V, V, V, V, V, V, V, V, V, V];
// prettier-ignore
const T1_ROWS: (Row12 | 'SPACER')[] = [
  [1, C1, P1, '制定印发本局工作方案,成立以局主要领导为组长,局属单位、机关股室负责人为成员的工作领导小组。', '办公室', ALL_UNITS, '王建国', d('2026-05-29'), '已完成', d('2026-05-28'), '工作方案、领导小组成立文件', null],
  // FAULT: vague department
  [2, C1, P1, '进一步细化营商环境监测指标事项责任清单,明确目标任务,协同配合,共同推动专项整治取得成效。', ALL_UNITS, null, '李明', '2026年6月14日', '已于2026年6月10日全部整改完毕', '2026年6月10日', '责任清单', null],
  // FAULT: completed late (deadline 2026-06-30, done 2026-07-15)
  [3, C1, P2, '优化惠企政策落实,健全完善惠企政策“一键直达”“免审即享”机制。', '政策法规与审批股、财务股', '道路运输管理股', '陈芳', '2026.6.30', '已完成', d('2026-07-15'), '“免审即享”事项清单', null],
  [4, C1, P2, '梳理公布惠企政策清单,明确政策兑现的方式、流程等,主动精准推送,实现政策兑现落实到位。', SIX_UNITS, null, '刘洋', '2026年下半年', '正在推进', null, null, null],
  // overdue: 6月底前 (year of the as-of date), not done
  [5, C2, P3, '进一步完善市场准入管理,排查隐形门槛。', '政策法规与审批股', '道路运输管理股、水路与公共交通运输管理股、计划建设股', '赵磊', '6月底前', '尚未完成', null, null, null],
  [6, C2, P3, '按照上级人大常委会部署要求,加大规范性文件清理力度,定期清理涉及不平等对待企业的规范性文件和政策性文件,破除地方保护。', '办公室\n政策法规与审批股', null, '孙静', '长期坚持', LONG_OK, null, '规范性文件清理目录', null],
  [7, C2, P4, '严格按市优化营商环境工作推进小组办公室的统一调度,局属各单位、股室各尽其责、协同配合,有序推进工作开展。', '办公室', ALL_UNITS, '王建国', '长期坚持', LONG_OK, null, '调度会议纪要', null],
  // FAULT: missing 牵头单位; due within 7 days
  [8, C2, P4, '按照市营商办指标监测事项的通报结果,以问题为导向,定期研究落后指标整改,助推全市一流营商环境创建。', null, '办公室', '周敏', d('2026-11-25'), '正在推进', null, null, null],
  // FAULT: vague department (done, 立行立改)
  [9, C2, P5, '严格落实营商环境投诉和回访制度,对市营商办交办的群众反映的问题认真抓好整改,局属各单位、股室要互相配合、统筹协调共同整改落实。', ALL_UNITS, null, '王建国', '立行立改', '已完成', '2026年5月30日', '投诉件办理台账', null],
  // FAULT: done without 完成时间
  [10, C2, P6, '加强审管衔接,建立健全审批监管信息互通共享机制,实现事前审批与事中事后监管的有效衔接,切实形成监管合力。', '政策法规与审批股', '执法大队', '吴刚', d('2026-09-30', 'yyyy/m/d'), '已完成', null, '信息共享机制文件', null],
  // FAULT: impossible date
  [11, C2, P6, '严格落实审批限时办结制度,规范受理、审查和办结流程。', '政策法规与审批股', null, '吴刚', '2026年2月30日', '已完成', '2026年2月26日', null, null],
  // due today (not overdue)
  [12, C2, P6, '优化审批服务,通过备案、告知承诺、精简不必要的证明等措施简化审批手续。结合局长服务日,协调解决审批难题,为企业群众提供优质服务。', '政策法规与审批股、道路运输管理股', null, '吴刚', d('2026-11-21'), '正在推进', null, null, null],
  [13, C3, P7, '深入推进“双随机、一公开”监管机制,严格落实属地监管职责,加强事中事后监管,形成常态化管理。', '执法大队', '道路运输管理股、水路与公共交通运输管理股', '郑伟', '长期坚持', LONG_OK, null, null, null],
  // overdue: 2026年9月 = end of September, in progress
  [14, C3, P7, '高效使用“互联网+监管”系统,加强监管信息归集共享,各单位、股室要按业务职责,做好监管事项认领、梳理工作,并将日常行政检查、行政处罚和行政强制等监管行为数据在5个工作日内完成在线录入,并提升监管行为覆盖率至80%以上。', '执法大队、道路运输管理股、水路与公共交通运输管理股、计划建设股、政策法规与审批股、乡村道路指导站', null, '郑伟', '2026年9月', '正在推进,监管行为覆盖率已达72%', null, null, null],
  [15, C3, P7, '加强智能化执法终端配备运用,落实闽政通APP移动监管小程序应用考核(移动端录入量要达到总数的50%),深入推进非现场执法。同时加快省一体化案件录入率,六月份起平台办案率达100%。', '执法大队', null, '郑伟', '6月7日至6月14日', '已完成', d('2026-06-12'), '平台办案率截图', null],
  [16, C3, P8, '结合党纪学习教育、X市交通运输执法领域群众身边不正之风和腐败问题集中整治开展优化法治营商环境专项整治工作。', '办公室', '执法大队', '王建国', d('2026-07-31'), '已完成', d('2026-07-20'), '集中整治工作方案', null],
  // FAULT: vague department; unknown status
  [17, C3, P8, '重点关注损害群众利益,群众反映强烈,群众利益诉求集中、涉及面广、普遍存在却长期没有解决的问题,深入找症结、挖根源,全面检视剖析,并建立集中整治问题清单,限时整改或建章立制长期跟进。', ALL_UNITS, null, '李明', '2026年12月31日', '待定', null, null, null],
  'SPACER',
  // overdue, not started
  [18, C4, P9, '营造公平竞争的市场环境,全面落实公平竞争审查制度,持续清理废除妨碍统一大市场建设和公平竞争的各种规定和做法。', '政策法规与审批股', null, '赵磊', '2026年10月底前', '未启动', null, null, null],
  [19, C4, P9, '深入贯彻《X市贯彻落实新时代民营经济强省战略推进高质量发展的实施意见》,加大民营经济法律法规学习宣传,保障民营经济提质增效。', '办公室', '政策法规与审批股', '孙静', '第四季度', '正在推进', null, null, null],
  [20, C5, P10, '建立健全公平竞争审查制度,对部门制定的涉及市场主体经济活动的规章、规范性文件和其他政策措施开展全面排查梳理,重点清理违反《优化营商环境条例》《福建省优化营商环境条例》相关规定的政策、清理妨碍依法平等准入和退出的政策、清理招标采购领域违反统一市场建设的政策及其他妨碍统一市场和公平竞争的规定和做法。', '政策法规与审批股', null, '赵磊', d('2026-08-31'), '已完成', d('2026-08-28'), '公平竞争审查台账', null],
  // due within 7 days
  [21, C5, P10, '通过加强对公平竞争审查政策的宣传,并畅通公平竞争审查举报渠道。', '政策法规与审批股;办公室', null, '赵磊', d('2026-11-27'), '正在推进', null, null, null],
  // overdue, in progress (a sentence)
  [22, C5, P11, '切实履行政府采购、工程招投标监管职责,切实加强事中事后监管,加强依法打击串通投标违法行为,确保从源头规范政府采购、工程招投标行为。', '计划建设股、乡村道路技术指导站、办公室、财务股', null, '刘洋', '2026年10月31日', '正在推进,已完成工程量的75%', null, null, null],
  [23, C6, P12, '认真落实“为民办实事”工作,结合民主生活会、组织生活会征求意见建议,进一步强化服务保障,面对面倾听企业诉求,切实帮助企业解决急难愁盼问题。', '办公室', null, '王建国', '长期坚持', LONG_OK, null, '征求意见汇总表', null],
  // FAULT: 立行立改 but not done
  [24, C6, P12, '建立办事企业群众电话回访制度,结合投诉举报件内容,定期抽取部分服务对象进行回访,投诉举报件落实情况。', '办公室、政策法规与审批股', null, '周敏', '立行立改', '正在推进', null, null, null],
  [25, C7, P13, '严格实行“一次告知”“限时办结”等服务机制,在必要材料齐全前提下,推行容缺受理,实行“先行受理,材料后补”,全面提升群众办事的获得感和满意度,让办事群众“最多跑一次”“一次办好”。', '政策法规与审批股', null, '陈芳', d('2026-06-30'), '已完成', d('2026-06-28'), '服务机制文件', null],
  [26, C7, P13, '严格落实窗口“首问责任制”和“好差评”制度。强化帮办代办制度,无偿为企业群众提供“线上+线下”帮办代办服务,不断拓宽服务广度、延伸服务深度。', '政策法规与审批股', null, '陈芳', '长期坚持', LONG_OK, null, null, null],
  [27, C7, P14, '严格履行行政审批程序,审批窗口及时公开办事指南、收费项目。所有行政审批事项全部在政务大厅办理,阳光下操作。', '政策法规与审批股、道路运输管理股、水路与公共交通运输管理股、计划建设股、乡村道路技术指导站', null, '陈芳', d('2026-12-15'), '正在推进', null, null, null],
  // FAULT: duplicate 序号 (27 again)
  [27, C7, P15, '按照“应进必进、能进必进”的原则,把能够集中的审批、备案、服务事项全部集中到政务服务大厅办理,凡进驻事项必须在窗口实质化运转,坚决杜绝“体外循环”。', '政策法规与审批股/计划建设股/道路运输管理股', '水路运输管理股、乡村道路技术指导站', '陈芳', '2026年9月30日', '已完成', '2026年9月25日', '进驻事项清单', null],
  [29, C7, P16, '强化省网上办事大厅“一件事一次办”事项场景配置和信息推送共享,加强部门之间协同配合情况,整体性再造政务服务流程,实现一体化办理,确保各项“一件事一次办”改革任务落到实处。', '政策法规与审批股', '道路运输管理股、水路与公共交通运输管理股、计划建设股、乡村道路技术指导站', '陈芳', '2027年3月底前', '正在推进', null, null, null],
  // overdue, not done
  [30, C7, P16, '加强对推出的事项的解读,提高广大企业群众对“一件事一次办”改革的知晓度和参与度。', '政策法规与审批股', null, '陈芳', '2026年上半年', '未完成', null, null, null],
];
/** Rows numbered in advance and never filled. */
const T1_PRENUMBERED = [31, 32, 33];
const T1_TOTAL = '合计';
const T1_TOTAL_TEXT = '共梳理问题16个,制定整改措施30项';
const T1_NOTE =
  '注:1.整改时限为“长期坚持”的,每季度报送一次阶段性进展;2.已完成事项须附佐证材料,佐证材料按序号编号归档;3.本表由局办公室汇总,每月20日前报送市营商办。';

// =============================================================================================
// Sample 2: 营商环境专项行动台账 (seed 001) — a cover sheet and two ledger sheets
// =============================================================================================

const T2_COVER_NAME = '说明';
const T2_COVER: string[] = [
  '关于持续深化作风整顿优化营商环境专项行动整改台账填报要求',
  '为全面贯彻落实全省、全市优化营商环境工作推进大会精神,进一步改进工作作风,纵深推进营商环境优化升级“一号改革工程”,以优良工作作风和良好营商环境推动XX高质量跨越式发展。',
  '各地各单位要切实履行整改主体责任,“一把手”作为整改第一责任人,要亲自部署、亲自推动,建立整改台账,实行销号管理,一项任务接着一项任务推进,一个难点接着一个难点突破,集中咬牙啃下一批“硬骨头”,做到责任不落实坚决不放过,问题不解决坚决不放过,整改不到位坚决不放过。',
  '全面查摆本地本单位及公职人员在行政审批、执法监督、政策落实、政务服务、工作作风、廉洁用权等方面存在的突出问题,形成“一报告四清单”,即:自查报告、问题清单、责任清单、措施清单、时间清单。',
  '时间安排:(一)动员部署阶段(6月30日前);(二)问题查摆阶段(7月1日-7月31日);(三)整改落实阶段(8月1日-8月31日);(四)巩固提升阶段(9月1日-12月31日)。',
  '填表要求:每项整改措施单列一行;整改时限、完成时间填写具体日期;长期任务填“长期坚持”;已完成事项注明完成时间并附佐证材料。每月25日前报县干部作风整顿领导小组办公室(设在县纪委县监委)。',
];

const T2_SHEET_A = '县住建局';
const T2_TITLE_A = '工程领域专项整治整改台账(县住建局)';
const T2_FILER_A = '填报单位:县住建局                                        填报日期:2026年11月18日';
// One-row header with line breaks and bracketed notes inside the cells.
// prettier-ignore
const T2_HEAD_A = ['序\n号', '问题类型', '问题表现', '整改措施', '责任单位', '责任人', '整改时限\n(年月日)', '进展情况', '完成时间\n(年月日)', '备注'];
const T2_WIDTHS_A = [5, 12, 36, 40, 26, 9, 14, 18, 14, 12];

const Q1 = '围标串标、阻扰正常招投标和限制竞争';
const Q2 = '全县政府性投资工程项目审计结算时间过长、效率过低';
const Q3 = '县重点项目推进不力、进展缓慢,在项目审批、规划设计、资金拨付、竣工验收等环节“慢拖绕”';
const Q4 = '对工程规划、设计、施工、验收把关不严,造成规划设计与现场实际施工不相符,导致验收难';
const Q5 = '行政机关单位和党员领导干部与中介组织之间不正当利益输送等突出问题';
const Q6 = '拖欠中小企业的货款、工程款、服务费等问题';
const K1 = '工程领域';
const K2 = '历史遗留问题';

type Row10 = [V, V, V, V, V, V, V, V, V, V];
// prettier-ignore
const T2_ROWS_A: Row10[] = [
  [1, K1, Q1, '开展工程建设招投标领域专项排查,对近三年政府投资项目招投标情况逐项复核。', '县住建局、县公共资源交易中心', '黄志强', s('2026-08-31'), '已完成', s('2026-08-20'), null],
  [2, K1, Q1, '建立招投标异常行为预警机制,对围标串标线索及时移送县纪委县监委。', '县住建局、县纪委县监委、县发改委', '黄志强', s('2026-12-31'), '整改中', null, null],
  // overdue (serial deadline 2026-10-31), partly done
  [3, K1, Q2, '压缩政府性投资工程项目审计结算时限,建立结算进度月通报制度。', '县审计局、县财政局、县住建局', '林晓燕', s('2026-10-31'), '部分完成', null, '已通报2次'],
  // due within 7 days; a cell pasted from the plan with its bracket
  [4, K1, Q3, '对县重点项目实行挂图作战,逐项明确审批、设计、资金拨付、竣工验收节点。', '〔责任单位:县住建局、县发改委、县项目服务中心〕', '何军', s('2026-11-26'), '整改中', null, null],
  [5, K1, Q3, '建立重点项目“周调度、月通报”机制,对进展缓慢项目挂牌督办。', '县项目服务中心', '何军', '长期坚持', '长期坚持,已取得阶段性成效', null, null],
  [6, K1, Q4, '严格工程规划、设计、施工、验收全过程把关,开展规划设计与现场施工一致性核查。', '县住建局、县自然资源局', '黄志强', s('2026-09-30', 'yyyy/m/d'), '已整改', s('2026-09-28', 'yyyy/m/d'), null],
  // overdue, not started
  [7, K1, Q5, '清理行政机关与中介组织的不正当关联,公开中介服务事项清单和收费标准。', '县发改委、县纪委县监委', '林晓燕', s('2026-08-31'), '未启动', null, null],
  [8, K2, Q6, '全面排查拖欠中小企业账款情况,建立清欠台账,按月销号。', '县工信局、县财政局、县住建局', '何军', s('2026-12-31'), '已销号', s('2026-11-10'), '提前完成'],
];

const T2_SHEET_B = '县政务服务中心';
const T2_TITLE_B = '政务服务专项整治整改台账(县政务服务中心)';
// prettier-ignore
const T2_HEAD_B = ['编号', '问题类别', '具体问题', '整改举措', '责任股室', '分管领导', '完成时限\n(年月日)', '整改状态', '销号时间', '佐证资料', '说明'];
const T2_WIDTHS_B = [6, 12, 34, 38, 22, 10, 14, 12, 14, 16, 10];

const R1 = '办事流程不公开,窗口大厅多头受理';
const R2 = '承诺服务不兑现,一次告知、首问负责、限时办结等制度不落实';
const R3 = '涉及多部门事项环节多时间长,网上办事不便,移动政务滞后';
const R4 = '“综合窗口受理”不到位,“一件事办一次”全链条流程不优,“AB”岗制度落实不到位';
const R5 = '信息壁垒未破除,企业办事多头跑、多次跑等问题';
const L1 = '政务服务';

type Row11 = [V, V, V, V, V, V, V, V, V, V, V];
// prettier-ignore
const T2_ROWS_B: Row11[] = [
  [1, L1, R1, '在政务大厅和网站公开全部事项办事流程,实行“一窗受理、集成服务”。', '综合窗口股', '邱丽华', s('2026-08-31'), '已办结', s('2026-08-25'), '办事指南汇编', null],
  [2, L1, R2, '严格落实一次告知、首问负责、限时办结制度,每月通报超时办件。', '综合窗口股、督查股', '邱丽华', s('2026-09-30'), '已完成', s('2026-10-12'), '通报文件', null],
  // overdue, in progress
  [3, L1, R3, '梳理跨部门事项清单,推动高频事项“掌上办”“网上办”。', '县大数据中心', '谢斌', s('2026-10-31'), '推进中', null, null, null],
  // due within 7 days
  [4, L1, R4, '推行“AB”岗制度,优化“一件事办一次”全链条流程。', '综合窗口股', '谢斌', s('2026-11-24'), '正在整改', null, null, null],
  [5, L1, R5, '推动部门数据共享,减少企业重复提交材料。', '县大数据中心、县直有关单位', '谢斌', s('2027-06-30'), '未开始', null, null, null],
];

// =============================================================================================
// Writing (layout logic only below this line)
// =============================================================================================

const FONT = { name: '宋体', size: 10.5 };
const TITLE_FONT = { name: '黑体', size: 16, bold: true };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const WRAP_CENTER: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };
const WRAP_LEFT: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'left' };

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '整改台账助手';
  wb.lastModifiedBy = '整改台账助手';
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

function setValue(cell: ExcelJS.Cell, v: V): void {
  if (v === null) return;
  if (typeof v === 'object') {
    if (v.kind === 'date') {
      const [y, m, day] = v.iso.split('-').map(Number);
      cell.value = new Date(Date.UTC(y, m - 1, day));
    } else {
      cell.value = isoToSerial(v.iso);
    }
    cell.numFmt = v.format;
    return;
  }
  cell.value = v;
}

/** Display width of a text in "characters" (a CJK character counts 2). */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return w;
}

function displayText(v: V): string {
  if (v === null) return '';
  if (typeof v === 'object') return '2026年12月31日';
  return String(v);
}

/** A row height that shows every wrapped line (Excel does not re-measure rows on open). */
function fitHeight(
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  values: V[],
  widths: number[],
  skip: Set<number> = new Set(),
): void {
  let lines = 1;
  values.forEach((v, i) => {
    if (skip.has(i)) return;
    for (const part of displayText(v).split('\n')) {
      const usable = Math.max(1, (widths[i] ?? 10) - 1);
      lines = Math.max(lines, Math.ceil(textWidth(part) / usable));
    }
  });
  ws.getRow(rowNumber).height = Math.max(20, lines * 14 + 6);
}

function styleRange(
  ws: ExcelJS.Worksheet,
  top: number,
  bottom: number,
  columns: number,
  style: (cell: ExcelJS.Cell, col: number) => void,
): void {
  for (let r = top; r <= bottom; r++) for (let c = 1; c <= columns; c++) style(ws.getCell(r, c), c);
}

/** Merges runs of equal non-empty values in a column over consecutive data rows. */
function mergeRuns(ws: ExcelJS.Worksheet, column: number, values: (V | undefined)[], firstRow: number): void {
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const same =
      i < values.length && values[i] !== null && values[i] !== undefined && values[i] === values[start];
    if (same) continue;
    if (i - 1 > start && values[start] !== null && values[start] !== undefined)
      ws.mergeCells(firstRow + start, column, firstRow + i - 1, column);
    start = i;
  }
}

function pageSetup(ws: ExcelJS.Worksheet, printTitles: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: printTitles,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function buildSample1(): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.title = T1_TITLE;
  const ws = wb.addWorksheet('专项整治台账', { views: [{ state: 'frozen', xSplit: 0, ySplit: 4 }] });
  const n = T1_HEAD_1.length;
  ws.columns = T1_WIDTHS.map((width) => ({ width }));

  // Title and the 填报 line.
  ws.getCell(1, 1).value = T1_TITLE;
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).font = TITLE_FONT;
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;
  ws.getCell(2, 1).value = T1_FILER;
  ws.mergeCells(2, 1, 2, 4);
  ws.getCell(2, 8).value = T1_DATE;
  ws.mergeCells(2, 8, 2, n);
  ws.getCell(2, 1).font = FONT;
  ws.getCell(2, 8).font = FONT;
  ws.getCell(2, 8).alignment = { horizontal: 'right' };
  ws.getRow(2).height = 22;

  // Two-row header.
  T1_HEAD_1.forEach((h, i) => setValue(ws.getCell(3, i + 1), h));
  T1_HEAD_2.forEach((h, i) => setValue(ws.getCell(4, i + 1), h));
  T1_HEAD_1.forEach((h, i) => {
    if (h !== null && T1_HEAD_2[i] === null) ws.mergeCells(3, i + 1, 4, i + 1);
    if (h !== null && T1_HEAD_1[i + 1] === null) ws.mergeCells(3, i + 1, 3, i + 2);
  });
  styleRange(ws, 3, 4, n, (c) => {
    c.font = { ...FONT, bold: true };
    c.fill = HEAD_FILL;
    c.border = THIN;
    c.alignment = WRAP_CENTER;
  });
  ws.getRow(3).height = 22;
  ws.getRow(4).height = 22;

  // Data rows; runs of equal category / problem are merged, the spacer row breaks the runs.
  let row = 5;
  let block: { first: number; rows: Row12[] } = { first: row, rows: [] };
  const flush = () => {
    mergeRuns(
      ws,
      2,
      block.rows.map((r) => r[1]),
      block.first,
    );
    mergeRuns(
      ws,
      3,
      block.rows.map((r) => r[2]),
      block.first,
    );
  };
  for (const r of T1_ROWS) {
    if (r === 'SPACER') {
      flush();
      styleRange(ws, row, row, n, (c) => (c.border = THIN));
      row++;
      block = { first: row, rows: [] };
      continue;
    }
    r.forEach((v, i) => setValue(ws.getCell(row, i + 1), v));
    styleRange(ws, row, row, n, (c, col) => {
      c.font = FONT;
      c.border = THIN;
      c.alignment = [3, 4, 9].includes(col) ? WRAP_LEFT : WRAP_CENTER;
    });
    // Merged category / problem cells span several rows: they do not set this row's height.
    fitHeight(ws, row, r, T1_WIDTHS, new Set([1, 2]));
    block.rows.push(r);
    row++;
  }
  flush();

  // Rows numbered in advance, never filled.
  for (const idx of T1_PRENUMBERED) {
    ws.getCell(row, 1).value = idx;
    styleRange(ws, row, row, n, (c) => {
      c.font = FONT;
      c.border = THIN;
      c.alignment = WRAP_CENTER;
    });
    ws.getRow(row).height = 20;
    row++;
  }

  // 合计 row.
  ws.getCell(row, 1).value = T1_TOTAL;
  ws.mergeCells(row, 1, row, 3);
  ws.getCell(row, 4).value = T1_TOTAL_TEXT;
  ws.mergeCells(row, 4, row, n);
  styleRange(ws, row, row, n, (c) => {
    c.font = { ...FONT, bold: true };
    c.border = THIN;
    c.alignment = WRAP_CENTER;
  });
  ws.getRow(row).height = 22;
  row++;

  // 注 footnote merged across.
  ws.getCell(row, 1).value = T1_NOTE;
  ws.mergeCells(row, 1, row, n);
  ws.getCell(row, 1).font = { ...FONT, size: 10 };
  ws.getCell(row, 1).alignment = WRAP_LEFT;
  ws.getRow(row).height = 34;

  pageSetup(ws, '3:4');
  return wb;
}

function buildCover(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(T2_COVER_NAME);
  ws.columns = [{ width: 100 }];
  T2_COVER.forEach((text, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = text;
    c.font = i === 0 ? { ...TITLE_FONT, size: 14 } : { ...FONT, size: 12 };
    c.alignment = i === 0 ? { horizontal: 'center', vertical: 'middle', wrapText: true } : WRAP_LEFT;
    ws.getRow(i + 1).height = i === 0 ? 32 : Math.max(22, Math.ceil(textWidth(text) / 98) * 17 + 8);
  });
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function buildOneRowLedger(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  filer: string | null,
  head: string[],
  widths: number[],
  rows: V[][],
  wrapLeft: number[],
): void {
  const ws = wb.addWorksheet(name);
  const n = head.length;
  ws.columns = widths.map((width) => ({ width }));
  let row = 1;
  ws.getCell(row, 1).value = title;
  ws.mergeCells(row, 1, row, n);
  ws.getCell(row, 1).font = TITLE_FONT;
  ws.getCell(row, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(row).height = 34;
  row++;
  if (filer) {
    ws.getCell(row, 1).value = filer;
    ws.mergeCells(row, 1, row, n);
    ws.getCell(row, 1).font = FONT;
    ws.getRow(row).height = 20;
    row++;
  }
  const headerRow = row;
  head.forEach((h, i) => (ws.getCell(row, i + 1).value = h));
  styleRange(ws, row, row, n, (c) => {
    c.font = { ...FONT, bold: true };
    c.fill = HEAD_FILL;
    c.border = THIN;
    c.alignment = WRAP_CENTER;
  });
  ws.getRow(row).height = 34;
  row++;
  const first = row;
  for (const r of rows) {
    r.forEach((v, i) => setValue(ws.getCell(row, i + 1), v));
    styleRange(ws, row, row, n, (c, col) => {
      c.font = FONT;
      c.border = THIN;
      c.alignment = wrapLeft.includes(col) ? WRAP_LEFT : WRAP_CENTER;
    });
    fitHeight(ws, row, r, widths, new Set([1, 2]));
    row++;
  }
  mergeRuns(
    ws,
    2,
    rows.map((r) => r[1]),
    first,
  );
  mergeRuns(
    ws,
    3,
    rows.map((r) => r[2]),
    first,
  );
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
  pageSetup(ws, `${headerRow}:${headerRow}`);
}

function buildSample2(): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.title = '关于持续深化作风整顿优化营商环境专项行动整改台账';
  buildCover(wb);
  buildOneRowLedger(wb, T2_SHEET_A, T2_TITLE_A, T2_FILER_A, T2_HEAD_A, T2_WIDTHS_A, T2_ROWS_A, [3, 4, 5]);
  buildOneRowLedger(wb, T2_SHEET_B, T2_TITLE_B, null, T2_HEAD_B, T2_WIDTHS_B, T2_ROWS_B, [3, 4]);
  return wb;
}

/**
 * exceljs stamps every zip entry with the current time; set them to FIXED so that regenerating a
 * sample gives the same bytes (the DOS date/time fields are not covered by the CRC).
 */
function fixZipTimestamps(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  const dosTime = (FIXED.getUTCHours() << 11) | (FIXED.getUTCMinutes() << 5) | (FIXED.getUTCSeconds() >> 1);
  const dosDate =
    ((FIXED.getUTCFullYear() - 1980) << 9) | ((FIXED.getUTCMonth() + 1) << 5) | FIXED.getUTCDate();
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('exceljs wrote no zip end record');
  let p = out.readUInt32LE(eocd + 16);
  const count = out.readUInt16LE(eocd + 10);
  for (let k = 0; k < count; k++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('unexpected zip central directory');
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

async function save(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(join(OUT_DIR, file), fixZipTimestamps(buf));
  console.log(`wrote ${join(OUT_DIR, file)}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  await save(buildSample1(), '交通运输局专项整治台账.xlsx');
  await save(buildSample2(), '营商环境专项行动台账.xlsx');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
