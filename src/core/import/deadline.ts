/**
 * Deadlines for imported measures. Only the forms plan documents use for a measure's deadline:
 * a date, a month (its end), a range (its end), 年底, 上/下半年, a quarter, 长期坚持, 立行立改.
 * TODO: switch to parseDateText from src/core/dates.ts once it lands; this stays a thin reader.
 */
import { endOfMonth, isRealDate, toIso } from '../calendar';
import type { IsoDate, ParsedDate } from '../types';

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_DIGIT[s[1]] ?? 0);
  if (s.endsWith('十')) return (CN_DIGIT[s[0]] ?? 0) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_DIGIT[s[0]] ?? 0) * 10 + (CN_DIGIT[s[2]] ?? 0);
  return CN_DIGIT[s] ?? NaN;
}

/** Reads one deadline text; a date without a year takes `year`. */
export function readDeadline(raw: string, year: number): ParsedDate {
  const text = raw.replace(/[\s\u3000]/g, '');
  if (!text) return { kind: 'missing', date: null };
  if (/长期|持续推进|持续整改|常态化/.test(text)) return { kind: 'long_term', date: null };
  if (/立行立改|立即整改|即知即改|立查立改/.test(text)) return { kind: 'immediate', date: null };

  // A range: the end counts. "6月7日至6月14日", "5月24日-5月29日", "2024年3月—6月".
  const range = text.split(/至|到|—|–|~|～|-(?=\d{1,4}[年月])/);
  const last = range[range.length - 1];
  if (range.length > 1 && last) {
    const firstYear = /(\d{4})年/.exec(range[0]);
    const end = readDeadline(last, firstYear ? Number(firstYear[1]) : year);
    if (end.kind === 'date' || end.kind === 'invalid') return end;
  }

  let m = /(?:(\d{4})[年.\-/])?(\d{1,2})[月.\-/](\d{1,2})日?/.exec(text);
  if (m) {
    const [y, mo, d] = [m[1] ? Number(m[1]) : year, Number(m[2]), Number(m[3])];
    if (!isRealDate(y, mo, d)) return { kind: 'invalid', date: null, reason: `${y}年${mo}月没有${d}日` };
    return { kind: 'date', date: toIso(y, mo, d) };
  }
  m = /(?:(\d{4})年)?(\d{1,2})月/.exec(text);
  if (m) {
    const [y, mo] = [m[1] ? Number(m[1]) : year, Number(m[2])];
    if (mo < 1 || mo > 12) return { kind: 'invalid', date: null, reason: `没有${mo}月` };
    return { kind: 'date', date: endOfMonth(y, mo) };
  }
  const y = /(\d{4})年/.exec(text);
  const yy = y ? Number(y[1]) : year;
  if (/上半年/.test(text)) return { kind: 'date', date: toIso(yy, 6, 30) };
  if (/下半年|年底|年末|全年/.test(text)) return { kind: 'date', date: toIso(yy, 12, 31) };
  const q = lastQuarter(text);
  if (q) return { kind: 'date', date: endOfMonth(yy, q * 3) };
  if (y && /^\d{4}年(?:内|前)?$/.test(text)) return { kind: 'date', date: toIso(yy, 12, 31) };
  return { kind: 'invalid', date: null, reason: '看不出日期' };
}

/** The latest quarter a text names: "三、四季度" → 4, "第二季度" → 2; null when none. */
export function lastQuarter(text: string): number | null {
  let best: number | null = null;
  const re = /((?:[一二三四1-4][、,，和及]?)+)季度/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const ch of m[1]) {
      const n = /[1-4]/.test(ch) ? Number(ch) : cnNumber(ch);
      if (n >= 1 && n <= 4 && (best === null || n > best)) best = n;
    }
  }
  return best;
}

/** The last quarter label of a 推进计划 as written ("四季度", "三、四季度"), with its quarter. */
export function lastQuarterLabel(plan: string): { label: string; quarter: number } | null {
  let found: { label: string; quarter: number } | null = null;
  const re = /((?:[一二三四1-4][、,，和及]?)+)季度/g;
  for (let m = re.exec(plan); m; m = re.exec(plan)) {
    const q = lastQuarter(m[0]);
    if (q && (!found || q >= found.quarter)) found = { label: m[0], quarter: q };
  }
  return found;
}

/** The year a document is about: the first 4-digit year in its title lines, else anywhere. */
export function documentYear(lines: string[]): number | null {
  const pick = (s: string): number | null => {
    const m = /((?:19|20)\d{2})\s*(?:年|〕|\]|】|\))/.exec(s);
    return m ? Number(m[1]) : null;
  };
  for (const l of lines.slice(0, 3)) {
    const y = pick(l);
    if (y) return y;
  }
  for (const l of lines) {
    const y = pick(l);
    if (y) return y;
  }
  return null;
}

export function isoYear(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
