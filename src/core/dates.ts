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
 */
import { memoByText } from './memo';
import { isDateFormat } from './numberFormat';
import { toHalfWidth } from './text/fold';
import {
  ADJUST_WORDS,
  IMMEDIATE_WORDS,
  LIMIT_END_VERBS,
  LIMIT_WORDS,
  LONG_TERM_WORDS,
  NEXT_MONTH_WORDS,
  NEXT_YEAR_WORDS,
  PERIOD_UNITS,
  PERIODIC_PREFIXES,
  QUARTER_NUMERALS,
  RELATIVE_START_WORDS,
  RELATIVE_UNITS,
  REVISION_WORDS,
  THIS_MONTH_WORDS,
  THIS_YEAR_WORDS,
} from './lexicon/deadlines';
import { anyOf } from './lexicon/pattern';
import { daysInMonth, endOfMonth, fromIso, isRealDate, parseIso, serialToIso, toIso } from './calendar';
import type { Cell, DateReason, IsoDate, ParsedDate, RelativeLimit } from './types';

export interface DateContext {
  asOf: IsoDate;
  dateSystem: 1900 | 1904;
}

const MIN_YEAR = 1950;
const MAX_YEAR = 2199;
/** Day value meaning "the last day of the month". */
const END = -1;

const UNRECOGNISED: DateReason = Object.freeze({ code: 'unrecognised' }) as DateReason;
const MISSING: ParsedDate = Object.freeze({ kind: 'missing', date: null }) as ParsedDate;
const LONG_TERM: ParsedDate = Object.freeze({ kind: 'long_term', date: null }) as ParsedDate;
const IMMEDIATE: ParsedDate = Object.freeze({ kind: 'immediate', date: null }) as ParsedDate;

const invalid = (reason: DateReason): ParsedDate => ({ kind: 'invalid', date: null, reason });
const dated = (date: IsoDate): ParsedDate => ({ kind: 'date', date });

// ---------------------------------------------------------------------------------------------
// Number formats

export { isDateFormat };

// ---------------------------------------------------------------------------------------------
// Text

const CN_DIGITS = '〇一二三四五六七八九';

/** '6', '06', '六', '十二', '二十一' → the number; -1 when it is no number. */
function cnNumber(s: string): number {
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
function yearNumber(s: string): number {
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
function monthDay(suffix: string | undefined): number {
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
function yearPart(suffix: string | undefined): number {
  return suffix === '上半年' || suffix === '年中' || suffix === '中' ? 6 : 12;
}

interface ScanState {
  ctxYear: number;
  /** Month of the previous date in the text; 0 before the first. */
  ctxMonth: number;
  prevIso: string | null;
  revisionPos: number;
  /** The text being read, and where the previous date in it ended. */
  text: string;
  prevEnd: number;
  best: string | null;
  bestAfterRevision: string | null;
  reason: DateReason | undefined;
  /** The token just read named a day, so a bare "-14" after it is a range end. */
  lastHadDay: boolean;
}

const st: ScanState = {
  ctxYear: 0,
  ctxMonth: 0,
  prevIso: null,
  revisionPos: -1,
  text: '',
  prevEnd: 0,
  best: null,
  bestAfterRevision: null,
  reason: undefined,
  lastHadDay: false,
};

/**
 * Records one date written in the text. `year`/`month` null: borrowed from the previous date
 * (or the as-of year). `day` END: the month's last day.
 */
function emit(year: number | null, month: number | null, day: number, pos: number): void {
  const borrowedYear = year === null;
  const borrowedMonth = month === null;
  let y = year ?? st.ctxYear;
  let m = month ?? st.ctxMonth;
  st.lastHadDay = day !== END;
  if (y >= 1000 && y <= 9999) st.ctxYear = y;
  if (!(m >= 1 && m <= 12)) {
    st.reason ??= { code: 'no-such-month', month: m };
    return;
  }
  st.ctxMonth = m;
  if (!(y >= MIN_YEAR && y <= MAX_YEAR)) {
    st.reason ??= { code: 'implausible-year', year: y };
    return;
  }
  let d = day === END ? daysInMonth(y, m) : day;
  if (!isRealDate(y, m, d)) {
    st.reason ??= { code: 'no-such-day', year: y, month: m, day: d };
    return;
  }
  let iso = toIso(y, m, d);
  if (
    borrowedYear &&
    st.prevIso !== null &&
    iso < st.prevIso &&
    !ADJUST_RE.test(st.text.slice(st.prevEnd, pos))
  ) {
    // "12月1日至1月31日", "6月28日-3日", "12月31日（延期至3月31日）": the borrowed year (month)
    // moves on. Not after "调整为"/"改为", which may well name an earlier day.
    let ny = y + 1;
    let nm = m;
    if (borrowedMonth) {
      ny = m === 12 ? y + 1 : y;
      nm = m === 12 ? 1 : m + 1;
    }
    const nd = day === END ? daysInMonth(ny, nm) : day;
    if (isRealDate(ny, nm, nd) && ny <= MAX_YEAR) {
      y = ny;
      m = nm;
      d = nd;
      iso = toIso(y, m, d);
      st.ctxYear = y;
      st.ctxMonth = m;
    }
  }
  st.prevIso = iso;
  if (st.best === null || iso > st.best) st.best = iso;
  if (st.revisionPos >= 0 && pos > st.revisionPos) {
    if (st.bestAfterRevision === null || iso > st.bestAfterRevision) st.bestAfterRevision = iso;
  }
}

type Handler = (m: RegExpExecArray, pos: number) => boolean;
interface Pattern {
  re: RegExp;
  on: Handler;
}

const QUARTERS = QUARTER_NUMERALS.join('');
const DN = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const YN = '(\\d{4}|\\d{2}|[〇○零一二三四五六七八九]{4})';
const MONTH_SUFFIX = '(上旬|中旬|下旬|底|末|初|中(?![央国共华]))?';
const YEAR_SUFFIX = '(上半年|下半年|年中|年底|年末|年终|年内|底|末|终|内|中(?![央国共华]))?';
const sticky = (source: string): RegExp => new RegExp(source, 'y');

/** 6/14/2024: the m/d/yyyy a US-locale host may give as text. */
const P_US: Pattern = {
  re: /(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/y,
  on: (m, pos) => (emit(Number(m[3]), Number(m[1]), Number(m[2]), pos), true),
};
/** 2024-06-14, 2024.6.14, 2024/6/14, 24.6.14 (one separator throughout). */
const P_YMD: Pattern = {
  re: /(\d{4}|\d{2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/y,
  on: (m, pos) => (emit(yearNumber(m[1]), Number(m[3]), Number(m[4]), pos), true),
};
/** 20240614 */
const P_COMPACT: Pattern = {
  re: /((?:19|20|21)\d{2})(\d{2})(\d{2})(?!\d)/y,
  on: (m, pos) => (emit(Number(m[1]), Number(m[2]), Number(m[3]), pos), true),
};
/** 2024.6, 2024-06: the month's end. */
const P_YM: Pattern = {
  re: /(\d{4})\s*[./-]\s*(\d{1,2})(?!\d)/y,
  on: (m, pos) => (emit(Number(m[1]), Number(m[2]), END, pos), true),
};
/** 2024年6月14日, 2024年6月30 (前). */
const P_CN_YMD: Pattern = {
  re: sticky(`${YN}\\s*年\\s*${DN}\\s*月\\s*${DN}\\s*(?:[日号]|(?!\\d))`),
  on: (m, pos) => {
    const y = yearNumber(m[1]);
    const mo = cnNumber(m[2]);
    const d = cnNumber(m[3]);
    if (y < 0 || mo < 0 || d < 0) return false;
    emit(y, mo, d, pos);
    return true;
  },
};
/** 2024年6月, 2024年6月底, 2024年6月中旬. */
const P_CN_YM: Pattern = {
  re: sticky(`${YN}\\s*年\\s*${DN}\\s*月份?\\s*${MONTH_SUFFIX}`),
  on: (m, pos) => {
    const y = yearNumber(m[1]);
    const mo = cnNumber(m[2]);
    if (y < 0 || mo < 0) return false;
    emit(y, mo, monthDay(m[3]), pos);
    return true;
  },
};
/** 2024年第三季度, 2024年三季度末. */
const P_CN_YQ: Pattern = {
  re: sticky(`${YN}\\s*年\\s*(?:第\\s*)?([${QUARTERS}1-4])\\s*季度?(?:末|底)?`),
  on: (m, pos) => {
    const y = yearNumber(m[1]);
    if (y < 0) return false;
    emit(y, quarterNumber(m[2]) * 3, END, pos);
    return true;
  },
};
/** 2024Q2, 2024年Q2. */
const P_YQ: Pattern = {
  re: /(\d{4})\s*年?\s*[Qq]\s*([1-4])(?!\d)/y,
  on: (m, pos) => (emit(Number(m[1]), Number(m[2]) * 3, END, pos), true),
};
/** 2024年, 2024年底, 2024年度, 2024年上半年. */
const P_CN_Y: Pattern = {
  re: sticky(`${YN}\\s*年\\s*(?:度\\s*)?${YEAR_SUFFIX}`),
  on: (m, pos) => {
    const y = yearNumber(m[1]);
    if (y < 0) return false;
    emit(y, yearPart(m[2]), END, pos);
    return true;
  },
};
/** 6月14日, 六月三十日, 6月30 (前). */
const P_CN_MD: Pattern = {
  re: sticky(`${DN}\\s*月\\s*${DN}\\s*(?:[日号]|(?!\\d))`),
  on: (m, pos) => {
    const mo = cnNumber(m[1]);
    const d = cnNumber(m[2]);
    if (mo < 0 || d < 0) return false;
    emit(null, mo, d, pos);
    return true;
  },
};
/** 6月, 6月底, 十二月底, 6月中旬. */
const P_CN_M: Pattern = {
  re: sticky(`${DN}\\s*月份?\\s*${MONTH_SUFFIX}`),
  on: (m, pos) => {
    const mo = cnNumber(m[1]);
    if (mo < 0) return false;
    emit(null, mo, monthDay(m[2]), pos);
    return true;
  },
};
/** 一季度, 第二季度, 三季度末, 1季度. */
const P_QUARTER: Pattern = {
  re: sticky(`(?:第\\s*)?([${QUARTERS}1-4])\\s*季度?(?:末|底)?`),
  on: (m, pos) => (emit(null, quarterNumber(m[1]) * 3, END, pos), true),
};
/** Q2 */
const P_Q: Pattern = {
  re: /[Qq]\s*([1-4])(?!\d)/y,
  on: (m, pos) => (emit(null, Number(m[1]) * 3, END, pos), true),
};
/** 上半年, 下半年, 年中, 年底, 年末, 年内 (the year of the date before, else the as-of year). */
const P_YEAR_WORD: Pattern = {
  re: /(上半年|下半年|年中|年底|年末|年终|年内)/y,
  on: (m, pos) => (emit(null, yearPart(m[1]), END, pos), true),
};
/** 6.14, 6/14 (the year borrowed). */
const P_MD: Pattern = {
  re: /(\d{1,2})([./])(\d{1,2})(?!\d|[./]\d)/y,
  on: (m, pos) => {
    const mo = Number(m[1]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return false; // "95.5" is no date
    emit(null, mo, d, pos);
    return true;
  },
};
/** 14日 after another date ("6月7日-14日"): month and year borrowed. */
const P_DAY: Pattern = {
  re: sticky(`${DN}\\s*[日号](?!内)`),
  on: (m, pos) => {
    if (st.ctxMonth === 0) return false;
    const d = cnNumber(m[1]);
    if (d < 0) return false;
    emit(null, null, d, pos);
    return true;
  },
};
/** "-14" right after a date with a day ("2024.6.7-14"). */
const RANGE_DAY_RE = /\s*(?:至|到|~|〜|–|—|―|-)+\s*(\d{1,2})\s*[日号]?(?![\d./年月])/y;

function quarterNumber(s: string): number {
  const c0 = s.charCodeAt(0);
  return c0 >= 48 && c0 <= 57 ? Number(s) : CN_DIGITS.indexOf(s);
}

const DIGIT_PATTERNS: Pattern[] = [
  P_US,
  P_YMD,
  P_COMPACT,
  P_YQ,
  P_YM,
  P_CN_YMD,
  P_CN_YM,
  P_CN_YQ,
  P_CN_Y,
  P_CN_MD,
  P_CN_M,
  P_QUARTER,
  P_MD,
  P_DAY,
];
const CN_NUMERAL_PATTERNS: Pattern[] = [
  P_CN_YMD,
  P_CN_YM,
  P_CN_YQ,
  P_CN_Y,
  P_CN_MD,
  P_CN_M,
  P_QUARTER,
  P_DAY,
];
const QUARTER_PATTERNS: Pattern[] = [P_QUARTER];
const Q_PATTERNS: Pattern[] = [P_Q];
const YEAR_WORD_PATTERNS: Pattern[] = [P_YEAR_WORD];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isCnNumeral(c: number): boolean {
  // 〇 ○ 零 一 二 三 四 五 六 七 八 九 十
  return (
    c === 0x3007 ||
    c === 0x25cb ||
    c === 0x96f6 ||
    c === 0x4e00 ||
    c === 0x4e8c ||
    c === 0x4e09 ||
    c === 0x56db ||
    c === 0x4e94 ||
    c === 0x516d ||
    c === 0x4e03 ||
    c === 0x516b ||
    c === 0x4e5d ||
    c === 0x5341
  );
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The patterns worth trying at position i, or null. */
function patternsAt(s: string, i: number): Pattern[] | null {
  const c = s.charCodeAt(i);
  const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
  if (isDigit(c)) return isDigit(prev) ? null : DIGIT_PATTERNS;
  if (isCnNumeral(c)) return isCnNumeral(prev) ? null : CN_NUMERAL_PATTERNS;
  switch (c) {
    case 0x7b2c: // 第
      return QUARTER_PATTERNS;
    case 0x51: // Q
    case 0x71: // q
      return isAsciiLetter(prev) ? null : Q_PATTERNS;
    case 0x4e0a: // 上
    case 0x4e0b: // 下
    case 0x5e74: // 年
      // "三年内", "半年内" are spans of time, not the year's end.
      return isDigit(prev) || isCnNumeral(prev) || prev === 0x534a || prev === 0x4e2a || prev === 0x4e24
        ? null
        : YEAR_WORD_PATTERNS;
    default:
      return null;
  }
}

const THIS_YEAR_G = new RegExp(anyOf(THIS_YEAR_WORDS), 'g');
const NEXT_YEAR_G = new RegExp(anyOf(NEXT_YEAR_WORDS), 'g');
const THIS_MONTH_G = new RegExp(anyOf(THIS_MONTH_WORDS), 'g');
const NEXT_MONTH_G = new RegExp(anyOf(NEXT_MONTH_WORDS), 'g');
const RELATIVE_RE = new RegExp(
  anyOf([...THIS_YEAR_WORDS, ...NEXT_YEAR_WORDS, ...THIS_MONTH_WORDS, ...NEXT_MONTH_WORDS]),
);
const PLACEHOLDER_RE = /^[\s/\\\-—–―_.。,，、·~*]*$|^(?:无|暂无|空)$/;
const INTEGER_RE = /^\d+$/;
const SERIAL_TEXT_RE = /^\d{5}\.\d+$/;
const LONG_TERM_RE = new RegExp(
  `${anyOf(LONG_TERM_WORDS)}|[${PERIODIC_PREFIXES.join('')}][${PERIOD_UNITS.join('')}]`,
);
const IMMEDIATE_RE = new RegExp(anyOf(IMMEDIATE_WORDS));
/** Revisions that may move a deadline either way (a delay, 延期, only ever moves it later). */
const ADJUST_RE = new RegExp(anyOf(ADJUST_WORDS));
const REVISION_RE = new RegExp(anyOf(REVISION_WORDS), 'g');

let asOfKey = '';
let asOfYear = NaN;
let asOfMonth = NaN;

function setAsOf(asOf: IsoDate): void {
  if (asOf === asOfKey) return;
  const { year, month } = fromIso(String(asOf));
  asOfKey = asOf;
  asOfYear = year;
  asOfMonth = month;
}

function replaceRelative(s: string): string {
  const y = asOfYear;
  const m = asOfMonth;
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return s
    .replace(THIS_YEAR_G, `${y}年`)
    .replace(NEXT_YEAR_G, `${y + 1}年`)
    .replace(THIS_MONTH_G, `${y}年${m}月`)
    .replace(NEXT_MONTH_G, `${ny}年${nm}月`);
}

/** Reads a deadline or completion date written as text. */
export function parseDateText(text: string, asOf: IsoDate): ParsedDate {
  return readText(text, asOf, 1900);
}

/** Reads text, remembering recent answers: a ledger writes the same deadline texts again and again. */
function readText(raw: string, asOf: IsoDate, system: 1900 | 1904): ParsedDate {
  if (typeof raw !== 'string' || asOf.length !== 10) return readTextOnce(raw, asOf, system);
  return readTextRemembered(`${system}${asOf}${raw}`);
}

// The key is the date system (4 characters), the as-of date (10) and the text.
const readTextRemembered = memoByText((key: string): ParsedDate =>
  Object.freeze(readTextOnce(key.slice(14), key.slice(4, 14), key.slice(0, 4) === '1904' ? 1904 : 1900)),
);

function readTextOnce(raw: string, asOf: IsoDate, system: 1900 | 1904): ParsedDate {
  let s = typeof raw === 'string' ? raw : String(raw ?? '');
  s = toHalfWidth(s);
  s = s.trim();
  if (PLACEHOLDER_RE.test(s)) return MISSING;
  if (INTEGER_RE.test(s) || SERIAL_TEXT_RE.test(s)) return readNumber(Number(s), s, system, false);

  setAsOf(asOf);
  if (RELATIVE_RE.test(s)) s = replaceRelative(s);

  st.ctxYear = asOfYear;
  st.ctxMonth = 0;
  st.prevIso = null;
  st.best = null;
  st.bestAfterRevision = null;
  st.reason = undefined;
  st.lastHadDay = false;
  st.revisionPos = -1;
  st.text = s;
  st.prevEnd = 0;
  REVISION_RE.lastIndex = 0;
  for (let m = REVISION_RE.exec(s); m !== null; m = REVISION_RE.exec(s)) st.revisionPos = m.index;

  const n = s.length;
  let i = 0;
  while (i < n) {
    const list = patternsAt(s, i);
    let next = i + 1;
    if (list !== null) {
      for (let k = 0; k < list.length; k++) {
        const p = list[k];
        p.re.lastIndex = i;
        const m = p.re.exec(s);
        if (m !== null && p.on(m, i)) {
          next = p.re.lastIndex;
          st.prevEnd = next;
          if (st.lastHadDay) {
            RANGE_DAY_RE.lastIndex = next;
            const r = RANGE_DAY_RE.exec(s);
            if (r !== null) {
              emit(null, null, Number(r[1]), next);
              next = RANGE_DAY_RE.lastIndex;
              st.prevEnd = next;
            }
          }
          break;
        }
      }
    }
    i = next;
  }

  if (st.reason === undefined && st.bestAfterRevision !== null) return dated(st.bestAfterRevision);
  if (LONG_TERM_RE.test(s)) return LONG_TERM;
  if (st.reason !== undefined) return invalid(st.reason);
  if (st.best !== null) return dated(st.best);
  const relative = parseRelativeLimit(s);
  if (relative !== null) return { kind: 'relative', date: null, relative };
  if (IMMEDIATE_RE.test(s)) return IMMEDIATE;
  return invalid(UNRECOGNISED);
}

// ---------------------------------------------------------------------------------------------
// Relative limits

const AMOUNT = '(\\d{1,3}|[一二两三四五六七八九十]{1,3}|半)';
/**
 * "3天", "5个工作日内", "10个工作日", "一个月内", "限期15日", "交办后7日内完成", "收到通知之日起
 * 30日内办结": the whole cell is a limit counted from the day the problem was handed over.
 */
const RELATIVE_LIMIT_RE = new RegExp(
  `^(?:(?:自|从)?(?:${anyOf(RELATIVE_START_WORDS)})(?:通知)?(?:之日|日|后)?(?:起|后)?)?` +
    `(?:${anyOf(LIMIT_WORDS)})?${AMOUNT}(个)?(${anyOf(Object.keys(RELATIVE_UNITS))})` +
    `(?:内|以内|之内)?(?:${anyOf(LIMIT_END_VERBS)})?[.。]?$`,
);

/** The limit a cell sets, relative to the day of 交办, or null. See RELATIVE_LIMIT_RE. */
export function parseRelativeLimit(text: string): RelativeLimit | null {
  const s = String(text ?? '').replace(/\s+/g, '');
  const m = RELATIVE_LIMIT_RE.exec(s);
  if (m === null) return null;
  const [, amountText, ge, unitText] = m;
  if (unitText === '月' && !ge) return null; // "3月内" is March, not three months
  if (amountText === '半') return unitText === '月' ? { amount: 15, unit: 'day' } : null;
  const amount = amountText === '两' ? 2 : cnNumber(amountText.replace(/^两/, '二'));
  if (!(amount > 0)) return null;
  return { amount, unit: RELATIVE_UNITS[unitText as keyof typeof RELATIVE_UNITS] };
}

// ---------------------------------------------------------------------------------------------
// Numbers and cells

function checkYmd(y: number, m: number, d: number): ParsedDate {
  if (!(m >= 1 && m <= 12)) return invalid({ code: 'no-such-month', month: m });
  if (!(y >= MIN_YEAR && y <= MAX_YEAR)) return invalid({ code: 'implausible-year', year: y });
  if (!isRealDate(y, m, d)) return invalid({ code: 'no-such-day', year: y, month: m, day: d });
  return dated(toIso(y, m, d));
}

function checkIso(iso: IsoDate): ParsedDate {
  const y = Number(iso.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR ? dated(iso) : invalid({ code: 'implausible-year', year: y });
}

/**
 * A number that is not date-formatted (or a text of digits): yyyymmdd, yyyymm, a year, a serial
 * that falls in 2000–2099, or (number cells only) 2024.6 for a month.
 */
function readNumber(v: number, raw: string, system: 1900 | 1904, fromCell: boolean): ParsedDate {
  if (!Number.isFinite(v) || v <= 0) return invalid({ code: 'not-a-valid-date', value: raw });
  if (Number.isInteger(v)) {
    if (v >= 19000101 && v <= 21991231) {
      return checkYmd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    }
    if (v >= 190001 && v <= 219912) {
      const y = Math.floor(v / 100);
      const m = v % 100;
      if (m >= 1 && m <= 12 && y >= MIN_YEAR) return dated(endOfMonth(y, m));
      return invalid({ code: 'number-not-date', value: raw });
    }
    if (v >= MIN_YEAR && v <= MAX_YEAR) return dated(toIso(v, 12, 31));
  } else if (fromCell && v > MIN_YEAR && v < MAX_YEAR + 1) {
    // Excel keeps "2024.6" typed into a General cell as the number 2024.6.
    const text = String(v);
    const dot = text.indexOf('.');
    const frac = dot < 0 ? '' : text.slice(dot + 1);
    if (frac === '1') return invalid({ code: 'month-ambiguous', value: raw });
    const m = frac.length >= 1 && frac.length <= 2 ? Number(frac) : NaN;
    if (m >= 1 && m <= 12) return dated(endOfMonth(Math.floor(v), m));
    return invalid({ code: 'number-not-date', value: raw });
  }
  const iso = serialToIso(v, system);
  if (iso !== null) {
    const y = Number(iso.slice(0, 4));
    if (y >= 2000 && y <= 2099) return dated(iso);
  }
  return invalid({ code: 'number-not-date', value: raw });
}

/** A date-formatted number: a serial in the workbook's date system. */
function readSerial(v: number, system: 1900 | 1904): ParsedDate {
  const iso = serialToIso(v, system);
  if (iso !== null) return checkIso(iso);
  // 20240614 typed into a date-formatted cell shows as ####### but means what it says.
  if (Number.isInteger(v) && v >= 19000101 && v <= 21991231) return readNumber(v, String(v), system, true);
  return invalid({ code: 'bad-serial', value: String(v) });
}

/** Reads a cell: date cells, date-formatted numbers, plain numbers and text (see module notes). */
export function parseDateCell(cell: Cell, ctx: DateContext): ParsedDate {
  if (!cell) return MISSING;
  const value = cell.value;
  if (value === null || value === undefined)
    return cell.type === 'error' ? invalid({ code: 'error-value', value: '' }) : MISSING;
  const system = ctx.dateSystem === 1904 ? 1904 : 1900;
  switch (cell.type) {
    case 'empty':
      return MISSING;
    case 'error':
      return invalid({ code: 'error-value', value: String(value) });
    case 'boolean':
      return invalid({ code: 'not-a-date' });
    case 'date': {
      if (typeof value === 'number') return readSerial(value, system);
      const text = String(value);
      const iso = parseIso(text);
      return iso !== null ? checkIso(iso) : readText(text, ctx.asOf, system);
    }
    case 'number':
      if (typeof value === 'number') {
        return isDateFormat(cell.format)
          ? readSerial(value, system)
          : readNumber(value, String(value), system, true);
      }
      return readText(String(value), ctx.asOf, system);
    default:
      return readText(String(value), ctx.asOf, system);
  }
}
