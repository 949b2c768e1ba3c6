/**
 * Reading deadlines and completion dates as clerks write them: Excel dates (date cells and
 * date-formatted serials) and the many text forms of docs/domain.md ("2024年6月底前", "三季度末",
 * "6月7日至14日", "长期坚持", "立行立改", ...).
 *
 * Decisions (the team codes against these):
 * - A text holding several dates gives the latest one: a range gives its end, and a cell listing
 *   stages ("6月底前完成初稿\n12月底前全面完成") gives the last stage. When the text revises its
 *   deadline (延期, 调整为, 推迟, 改为, ...), the latest date written after the last such word
 *   wins, even when it is earlier than the original.
 * - A date without a year takes the year of the date before it in the same text, else the as-of
 *   year. When a borrowed year (or month, for "7日-14日") would put the date before the one it
 *   borrowed from, it moves one year (month) on: "2024年12月1日至1月31日" ends 2025-01-31 (but not
 *   after 调整为/改为, which may name an earlier day).
 * - Any impossible date in the text ("2024年2月30日", "13月", "6月0日") makes the whole cell
 *   invalid, with a reason code (DateReason, rendered by findings.ts); nothing is ever rolled over.
 * - Years outside 1950–2199 are invalid ("年份1905不合理"), whatever the source: a clerk who types
 *   2024 into a date-formatted cell gets serial 2024 = 1905-07-16, which is a mistake to report.
 * - A long-running word (长期, 持续, 常态化, 每月/每年/按季度 ...) makes the cell long_term even beside a
 *   date ("2024年底前完成，长期坚持"), unless a revision names a new date. An immediate word
 *   (立行立改, 立即整改, 即知即改 ...) gives immediate only when no date is written beside it.
 * - Month qualifiers: 上旬/初 → 10th, 中旬 → 20th, 月中 → 15th, 下旬/底/末 or a bare month → last day.
 *   上半年/年中 → 30 June, 下半年/年底/年内/a bare year ("2024年") → 31 December, quarters → quarter end.
 * - Two-digit years are 20xx ("24.6.14" → 2024-06-14).
 * - Plain numbers (a number cell without a date format, or a text that is only digits):
 *   8 digits yyyymmdd (20240614 → 2024-06-14); 6 digits yyyymm (202406 → month end); a year
 *   1950–2199 (2024 → 2024-12-31); a number that, read as a serial in the workbook's date system,
 *   falls in 2000–2099 is read as that date (a date that lost its format); a number cell like 2024.6
 *   (what Excel keeps when "2024.6" is typed) → end of that month, except 2024.1, which may have been
 *   2024.10 and is reported. Anything else is invalid.
 * - Empty cells, and cells holding only a placeholder ("/", "—", "无"), are missing.
 *
 * The parts: numerals.ts (Chinese and two-digit numbers), scan.ts (the text scanner), text.ts
 * (a whole text cell), numbers.ts (plain numbers and serials), relativeLimit.ts ("5个工作日内"),
 * cell.ts (a cell of any type); the number-format scanner is ../numberFormat.ts.
 */
export { isDateFormat } from '../numberFormat';
export { parseDateCell, type DateContext } from './cell';
export { parseDateText } from './text';
