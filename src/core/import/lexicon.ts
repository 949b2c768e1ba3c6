/**
 * The words the plan reader knows, as data. A clerk-minded maintainer adds a word here; no
 * control flow lives in this file. Every list is plain strings: the modules that use them build
 * their patterns from these lists (escaped), so no entry needs regex syntax.
 */

export type FieldKey =
  | 'problem'
  | 'measure'
  | 'department'
  | 'cooperating'
  | 'person'
  | 'deadline'
  | 'status'
  | 'report'
  | 'plan'
  | 'evidence'
  | 'remarks'
  | 'contact'
  | 'category';

/**
 * Field labels as documents write them ("整改措施：", "【责任单位】", "〔责任单位：…〕"). A label is
 * also recognised at the end of a longer label ("问题整改责任单位：" ends in 责任单位), so only the
 * core word is listed.
 */
export const FIELD_LABELS: Record<FieldKey, string[]> = {
  problem: ['存在问题', '问题表现', '问题描述', '具体问题', '反馈问题', '主要问题', '具体表现'],
  measure: ['整改措施', '具体举措', '整改举措', '工作措施', '具体措施', '主要措施', '整改要求', '措施'],
  department: [
    '责任部门',
    '责任单位',
    '牵头单位',
    '牵头部门',
    '责任股室',
    '责任科室',
    '主责单位',
    '责任主体',
    '主管单位',
    '主管部门',
  ],
  cooperating: ['配合单位', '协办单位', '配合部门'],
  person: ['责任人', '责任领导', '分管领导'],
  deadline: [
    '整改时限',
    '完成时限',
    '时限要求',
    '完成时间节点',
    '整改期限',
    '计划完成时间',
    '时间节点',
    '完成时间',
  ],
  status: ['整改进展情况', '整改进展', '进展情况', '完成情况', '整改进度', '整改状态', '进度'],
  report: ['整改情况', '整改成效', '整改落实情况'],
  plan: ['推进计划', '进度安排', '时间安排'],
  evidence: ['佐证材料', '佐证资料', '支撑材料'],
  remarks: ['备注'],
  contact: ['联系人', '联系电话', '联系方式'],
  category: ['问题类别', '问题类型', '整治内容', '类别'],
};

/** Table headers of a ledger flattened to text ("序号 | 存在问题 | 整改措施 | …"), per field. */
export const TABLE_HEADERS: Partial<Record<FieldKey | 'index', string[]>> = {
  index: ['序号', '编号', '序'],
  category: [...FIELD_LABELS.category, '方面', '领域'],
  problem: [...FIELD_LABELS.problem, '问题'],
  measure: FIELD_LABELS.measure,
  department: FIELD_LABELS.department,
  cooperating: FIELD_LABELS.cooperating,
  person: FIELD_LABELS.person,
  deadline: FIELD_LABELS.deadline,
  status: [...FIELD_LABELS.status, ...FIELD_LABELS.report],
  evidence: FIELD_LABELS.evidence,
  remarks: [...FIELD_LABELS.remarks, '说明'],
};

/** First cells of table rows that are not ledger rows. */
export const TABLE_TOTAL_ROWS = ['合计', '小计', '总计', '注'];

/**
 * Heading words of sections that hold no problems (指导思想, 工作步骤, 下一步打算, …). A heading that
 * states a shortfall (SHORTFALL) or names 问题 is never such a section, whatever it contains.
 */
export const NON_PROBLEM_WORDS = [
  '指导思想',
  '总体要求',
  '基本原则',
  '工作目标',
  '主要目标',
  '目标任务',
  '工作原则',
  '工作步骤',
  '方法步骤',
  '实施步骤',
  '步骤安排',
  '实施方法',
  '时间安排',
  '进度安排',
  '组织保障',
  '保障措施',
  '组织领导',
  '工作要求',
  '有关要求',
  '其他要求',
  '打算',
  '下步计划',
  '下一步计划',
  '下步工作',
  '今后工作',
  '工作机制',
  '总体情况',
  '基本情况',
  '开展情况',
  '推进情况',
  '职责情况',
  '责任情况',
  '思想认识',
  '舆论引导',
  '宣传引导',
  '浓厚氛围',
  '督查问效',
  '督导检查',
  '考核问责',
  '联系人',
  '联系电话',
  '附件',
  '高度重视',
];

/** Headings that only hold problems below them, never a category of their own. */
export const CONTAINER_HEADINGS = [
  '整治内容',
  '整改内容',
  '整改任务',
  '重点任务',
  '主要任务',
  '存在问题',
  '存在的问题',
  '问题清单',
  '整改清单',
  '反馈意见',
  '反馈问题',
  '具体问题整改情况',
  '存在问题及整改措施',
  '存在的问题及整改措施',
  '问题及整改措施',
  '整改措施',
  '重点整治内容',
  '专项整治内容',
  '主要问题',
  '突出问题',
];

/** Words that announce problems or measures in a heading. */
export const PROBLEM_HEADING_WORDS = ['问题', '整改', '整治', '任务', '反馈', '意见', '举措', '措施', '清单'];

/** A heading ending in one of these is a category (方面, 类, 领域). */
export const CATEGORY_ENDINGS = ['方面', '方面的问题', '方面存在的问题', '类问题', '领域'];

/** Words that say something is wrong: a text holding one states a problem. */
export const SHORTFALL = [
  '不到位',
  '不够',
  '不严',
  '不足',
  '不强',
  '不高',
  '不力',
  '不规范',
  '不及时',
  '不完善',
  '不健全',
  '不充分',
  '不公平',
  '不落实',
  '不作为',
  '不实',
  '不深',
  '不清',
  '不全',
  '不达标',
  '缺乏',
  '缺失',
  '滞后',
  '薄弱',
  '欠缺',
  '偏差',
  '淡化',
  '弱化',
  '虚化',
  '没有',
  '未能',
  '未按',
  '未及时',
  '未严格',
  '未建立',
  '未落实',
  '未执行',
  '未办理',
  '未启用',
  '隐患',
  '差距',
  '短板',
  '现象',
  '缓慢',
  '流于形式',
  '过长',
  '偏少',
  '造假',
  '违规',
  '混乱',
  '不一',
  '有差距',
  '乱堆乱放',
  '占道',
  '混流',
];

/** How a measure usually begins (one signal among several, never the only one). */
export const ACTION_STARTS = [
  '开展',
  '建立',
  '健全',
  '完善',
  '加强',
  '强化',
  '推进',
  '推动',
  '深化',
  '落实',
  '实施',
  '制定',
  '严格',
  '规范',
  '优化',
  '提升',
  '提高',
  '组织',
  '召开',
  '印发',
  '出台',
  '梳理',
  '排查',
  '整治',
  '清理',
  '做好',
  '抓好',
  '督促',
  '明确',
  '压实',
  '坚持',
  '持续',
  '全面',
  '进一步',
  '切实',
  '认真',
  '加大',
  '集中',
  '定期',
  '及时',
  '着力',
  '深入',
  '狠抓',
  '完成',
  '修订',
  '建章立制',
  '每周',
  '每月',
  '每季度',
  '每半年',
  '每年',
  '将',
  '对',
  '按',
  '由',
  '实行',
  '开设',
  '设立',
  '成立',
  '聘请',
  '购置',
  '更换',
  '整改',
  '约谈',
  '通报',
  '研究',
  '自整改',
  '编制',
  '增加',
  '推行',
  '压缩',
  '补齐',
  '委托',
  '调整',
  '逐项',
  '逐一',
];

/** Progress phrases a report uses, most specific first. */
export const STATUS_WORDS = [
  '已全部办结',
  '已全部完成',
  '已全部整改到位',
  '已全部整改完毕',
  '已全部整改',
  '已整改到位',
  '已整改完毕',
  '已完成整改',
  '已基本完成',
  '未整改到位',
  '基本完成',
  '已完成',
  '已办结',
  '已销号',
  '整改完毕',
  '已取得阶段性成效',
  '尚未完成',
  '尚未开始',
  '尚未启动',
  '未完成',
  '未启动',
  '未开始',
  '部分完成',
  '正在推进',
  '正在整改',
  '正在办理',
  '正在进行',
  '推进中',
  '整改中',
  '持续推进',
  '长期坚持',
];

/** Openings of a closing sentence that states the progress of a whole item ("目前，该问题已全部办结。"). */
export const CLOSING_STATUS_OPENINGS = ['目前', '截至目前', '现', '该问题', '此问题', '上述问题'];

/**
 * Lines that end a document and are never part of a measure: contact lines, the invitation to
 * supervise, the source line of a reprint, the 特此报告 closing, who filled the form.
 */
export const FOOTER_CUES = [
  '联系电话',
  '联系方式',
  '联系人',
  '联系地址',
  '邮政地址',
  '通讯地址',
  '电子邮箱',
  '邮箱',
  '邮编',
  '欢迎',
  '特此报告',
  '特此通报',
  '特此说明',
  '来源：',
  '来源:',
  '填报人',
  '填报单位',
  '审核人',
  '抄送',
  '附件：',
  '附件:',
  '（此页无正文）',
];

/** How the name of an issuing unit ends (a short trailing line "中共XX县XX局党组"). */
export const UNIT_ENDINGS = [
  '党组',
  '党委',
  '委员会',
  '人民政府',
  '办公室',
  '局',
  '厅',
  '委',
  '办',
  '院',
  '镇',
  '乡',
  '街道',
  '中心',
  '领导小组',
  '公司',
  '集团',
  '学校',
  '党支部',
  '支部',
  '所',
];

/** Totals a document states about itself: the nouns counted. */
export const TOTAL_PROBLEM_NOUNS = ['问题', '具体问题', '反馈问题', '突出问题', '主要问题'];
export const TOTAL_MEASURE_NOUNS = ['整改措施', '措施', '整改举措', '举措', '整改任务'];

/** A first line naming one of these makes the document a progress report (statuses are read). */
export const REPORT_TITLE_WORDS = ['进展', '通报', '落实情况', '整改情况'];

/** Words of a deadline written in brackets at the end of a measure ("…(2024年6月底)", "(长期坚持)"). */
export const DEADLINE_TAIL_WORDS = ['月底', '月', '年底', '季度', '长期坚持', '立行立改', '持续推进'];

/** Words a heading may open with before its core ("关于巡察反馈问题整改落实情况"). */
export const HEADING_PREFIXES = [
  '关于',
  '省委',
  '市委',
  '县委',
  '区委',
  '巡视',
  '巡察',
  '审计',
  '督查',
  '专项',
  '反馈',
  '的',
];

/** Phases of the schedule whose end is the default deadline, and phases that come after it. */
export const RECTIFICATION_PHASE_WORDS = ['整改', '整治', '攻坚'];
export const LATER_PHASE_WORDS = ['总结', '巩固', '提升', '回头看', '验收'];
