/**
 * Number formats: the built-in ids a file may leave unspelled, and whether a format shows a date.
 *
 * Chinese Excel and WPS write ids 27–36 and 50–58 for 年月日 dates (31 = yyyy"年"m"月"d"日",
 * 57/58 = yyyy"年"m"月" / m"月"d"日") without spelling the format out; the zh-CN strings are the
 * ones Excel shows for them (the same table exceljs carries).
 */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The format's characters that stand for themselves removed: quoted text, [..], \x, _x and *x. */
function bare(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\\_*]./g, '');
}

const dateCache = new Map<string, boolean>();

/** True when a number in this format shows as a date or time (Excel's own test, roughly). */
export function isDateFormat(format: string): boolean {
  let hit = dateCache.get(format);
  if (hit === undefined) {
    hit = /[ymdhsb]/i.test(bare(format).replace(/General/gi, ''));
    if (dateCache.size < 10_000) dateCache.set(format, hit);
  }
  return hit;
}

/** A format that shows a time of day but no day, month or year ('h:mm', '[h]:mm:ss', 'mm:ss'). */
export function isTimeOnlyFormat(format: string): boolean {
  const b = bare(format);
  if (/[yYdDeE]/.test(b)) return false;
  return /[hHsS]/.test(b);
}
