/**
 * Words of a 整改方案's structure: section headings that hold problems or not, category endings,
 * heading openings, table total rows, the phases of a schedule, a document's closing lines and
 * the totals it states about itself. Plain words; the import modules compile their patterns.
 */

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

/** A first line naming one of these makes the document a progress report (statuses are read). */
export const REPORT_TITLE_WORDS = ['进展', '通报', '落实情况', '整改情况'];

/** First cells of table rows that are not ledger rows. */
export const TABLE_TOTAL_ROWS = ['合计', '小计', '总计', '注'];

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

/** Phases of the schedule whose end is the default deadline, and phases that come after it. */
export const RECTIFICATION_PHASE_WORDS = ['整改', '整治', '攻坚'];

export const LATER_PHASE_WORDS = ['总结', '巩固', '提升', '回头看', '验收'];

/** Totals a document states about itself: the nouns counted. */
export const TOTAL_PROBLEM_NOUNS = ['问题', '具体问题', '反馈问题', '突出问题', '主要问题'];

export const TOTAL_MEASURE_NOUNS = ['整改措施', '措施', '整改举措', '举措', '整改任务'];
