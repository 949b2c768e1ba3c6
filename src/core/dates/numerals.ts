/** Numbers as deadlines write them: '六', '十二', '二〇二四', and the days and months their qualifiers name. */
import { END } from './result';

export const CN_DIGITS = '〇一二三四五六七八九';

/** '6', '06', '六', '十二', '二十一' → the number; -1 when it is no number. */
export function cnNumber(s: string): number {
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? CN_DIGITS.indexOf(s) : -1;
  if (ten > 1 || s.length - ten > 2 || s.indexOf('十', ten + 1) >= 0) return -1;
  const tens = ten === 0 ? 1 : CN_DIGITS.indexOf(s[0]);
  const units = ten === s.length - 1 ? 0 : CN_DIGITS.indexOf(s[ten + 1]);
  if (tens < 1 || units < 0) return -1;
  return tens * 10 + units;
}

/** '2024', '24', '二〇二四' → the year; -1 when it is no year. */
export function yearNumber(s: string): number {
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return s.length === 2 ? 2000 + Number(s) : Number(s);
  let y = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const d = ch === '零' || ch === '○' ? 0 : CN_DIGITS.indexOf(ch);
    if (d < 0) return -1;
    y = y * 10 + d;
  }
  return y;
}

/** The day a month qualifier names. */
export function monthDay(suffix: string | undefined): number {
  switch (suffix) {
    case '上旬':
    case '初':
      return 10;
    case '中旬':
      return 20;
    case '中':
      return 15;
    default:
      return END; // none, 底, 末, 下旬
  }
}

/** [month, day] a year qualifier names. */
export function yearPart(suffix: string | undefined): number {
  return suffix === '上半年' || suffix === '年中' || suffix === '中' ? 6 : 12;
}
