/**
 * Whether an Excel number format shows a date: the one test every host and the engine use
 * (src/workbook/ for .xlsx/.xls files, src/excel/readSheet.ts for Office.js, src/core/dates/).
 *
 * Quoted text, [..] sections (locale, colour, [DBNum1], conditions) and escaped characters are
 * literal. y, d (and so yyyy"年", ddd) make a date; m is a month ("mmm", "m"月"", "[DBNum1]m"月"",
 * "e"年"m"月"") unless the format also shows hours or seconds, where m is minutes ("h:mm",
 * "mm:ss", "[h]:mm:ss", "上午/下午 h"时"mm"分""), so a time of day alone is not a date.
 */

const formatCache = new Map<string, boolean>();
const AMPM_RE = /^(?:am\/pm|a\/p)/i;

/** True when an Excel number format displays a date (see the module notes and the tests). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const cached = formatCache.get(format);
  if (cached !== undefined) return cached;
  const result = scanFormat(format);
  if (formatCache.size >= 512) formatCache.clear();
  formatCache.set(format, result);
  return result;
}

function scanFormat(f: string): boolean {
  let dayOrYear = false;
  let month = false;
  let time = false;
  for (let i = 0; i < f.length; i++) {
    const c = f[i];
    switch (c) {
      case '"': {
        const close = f.indexOf('"', i + 1);
        if (close < 0) return dayOrYear || (month && !time);
        i = close;
        break;
      }
      case '[': {
        // [$-804] locale, [Red] colour, [DBNum1], [>=100] condition, [h] elapsed time.
        const close = f.indexOf(']', i + 1);
        if (close < 0) return dayOrYear || (month && !time);
        const inner = f.slice(i + 1, close).toLowerCase();
        if (/^(?:h+|m+|s+)$/.test(inner)) time = true;
        i = close;
        break;
      }
      case '\\':
      case '_':
      case '*':
        i++; // the next character is literal (or padding / fill)
        break;
      case 'a':
      case 'A': {
        const m = AMPM_RE.exec(f.slice(i, i + 5));
        if (m) {
          time = true;
          i += m[0].length - 1;
        }
        break;
      }
      case 'y':
      case 'Y':
      case 'd':
      case 'D':
        dayOrYear = true;
        break;
      case 'm':
      case 'M':
        month = true;
        break;
      case 'h':
      case 'H':
      case 's':
      case 'S':
        time = true;
        break;
      default:
        break;
    }
  }
  // 'm' alone is a month ("mmm"); beside hours or seconds it is minutes ("h:mm", "mm:ss").
  return dayOrYear || (month && !time);
}
