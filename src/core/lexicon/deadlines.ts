/**
 * Deadline words: long-running and immediate deadlines, revisions (延期至…), relative years and
 * months, quarters, and the words of a deadline written in brackets after a measure. The date
 * reader (src/core/dates/) and the plan reader compile their patterns from these lists.
 */

/**
 * A deadline naming one of these is long_term, even beside a date ("2024年底前完成，长期坚持").
 * Periodic words (每月, 按季 …) are PERIODIC_PREFIXES followed by a PERIOD_UNITS character.
 */
export const LONG_TERM_WORDS = ['长期', '持续', '常态', '久久为功', '常抓不懈', '定期'];
export const PERIODIC_PREFIXES = ['每', '按'];
export const PERIOD_UNITS = ['年', '月', '周', '季', '天', '日'];

/** Immediate rectification: taken only when no date is written beside it. */
export const IMMEDIATE_WORDS = [
  '立行立改',
  '立即',
  '即知即改',
  '即查即改',
  '立查立改',
  '立改',
  '马上',
  '即时',
  '当即',
];

/** A revision that names a new deadline: the date after the last one counts. */
export const REVISION_WORDS = [
  '延期',
  '延至',
  '延长',
  '延后',
  '推迟',
  '顺延',
  '调整为',
  '调整至',
  '调整到',
  '调整成',
  '变更为',
  '变更至',
  '变更到',
  '变更成',
  '改为',
  '改至',
  '改到',
  '更改',
];

/** Revisions that may move a deadline either way (a delay, 延期, only ever moves it later). */
export const ADJUST_WORDS = ['调整', '改为', '改至', '改到', '更改', '变更'];

/** Years and months named relative to the date of the check. */
export const THIS_YEAR_WORDS = ['今年', '本年', '当年'];
export const NEXT_YEAR_WORDS = ['明年', '次年', '来年'];
export const THIS_MONTH_WORDS = ['本月', '当月'];
export const NEXT_MONTH_WORDS = ['下月', '次月'];

/** Quarter numerals, 1 to 4 ("三季度", "第二季度"). */
export const QUARTER_NUMERALS = ['一', '二', '三', '四'];

/** Words of a deadline written in brackets at the end of a measure ("…(2024年6月底)", "(长期坚持)"). */
export const DEADLINE_TAIL_WORDS = ['月底', '月', '年底', '季度', '长期坚持', '立行立改', '持续推进'];

/**
 * A relative limit ("交办后5个工作日内完成"): what starts the count, the words before the amount,
 * the unit suffixes and what each counts, and the verbs that may close the cell.
 */
export const RELATIVE_START_WORDS = ['交办', '下发', '收到', '接到', '通知', '印发', '反馈', '移交', '转办'];
export const LIMIT_WORDS = ['限期', '限', '须在', '需在', '应在', '务必在', '在'];
export const RELATIVE_UNITS = {
  工作日: 'workday',
  自然日: 'day',
  日: 'day',
  天: 'day',
  周: 'week',
  星期: 'week',
  月: 'month',
} as const;
export const LIMIT_END_VERBS = ['完成', '办结', '整改完毕', '整改到位', '完成整改', '反馈', '整改', '办理'];
