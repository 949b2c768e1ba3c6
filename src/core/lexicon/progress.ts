/**
 * Progress words: the phrases a report states progress with, and the long-running words of a
 * status cell. The status reader's finer patterns (negations, plans, partial work) stay beside
 * their rules in src/core/progress.ts; the label of each state is in messages.ts.
 */

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
 * A status cell naming one of these is long_term (长期坚持, 持续推进, 常态化推进 …). Narrower than
 * the deadline's LONG_TERM_WORDS: a status sentence says 持续 or 常态 of work that is simply going on.
 */
export const LONG_TERM_STATUS_WORDS = [
  '长期',
  '持续整改',
  '持续推进',
  '持续抓',
  '常态化推进',
  '常态化开展',
  '常态化落实',
  '常态化坚持',
  '常态化抓',
  '久久为功',
];
