/**
 * The text scanner: finds every date written in a deadline text ("2024年6月底前", "三季度末",
 * "6月7日至14日") and keeps the latest, and the latest after a revision word (see index.ts for
 * the decisions). Each call keeps its state in its own ScanState: nothing is shared between calls.
 */
import { ADJUST_WORDS, QUARTER_NUMERALS, REVISION_WORDS } from '../lexicon/deadlines';
import { anyOf } from '../lexicon/pattern';
import { daysInMonth, isRealDate, toIso } from '../calendar';
import type { DateReason } from '../types';
import { CN_DIGITS, cnNumber, monthDay, yearNumber, yearPart } from './numerals';
import { END, MAX_YEAR, MIN_YEAR } from './result';

/** Revisions that may move a deadline either way (a delay, 延期, only ever moves it later). */
const ADJUST_RE = new RegExp(anyOf(ADJUST_WORDS));
const REVISION_RE = new RegExp(anyOf(REVISION_WORDS), 'g');

export interface ScanState {
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

/**
 * Records one date written in the text. `year`/`month` null: borrowed from the previous date
 * (or the as-of year). `day` END: the month's last day.
 */
function emit(st: ScanState, year: number | null, month: number | null, day: number, pos: number): void {
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

type Handler = (st: ScanState, m: RegExpExecArray, pos: number) => boolean;
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
  on: (st, m, pos) => (emit(st, Number(m[3]), Number(m[1]), Number(m[2]), pos), true),
};
/** 2024-06-14, 2024.6.14, 2024/6/14, 24.6.14 (one separator throughout). */
const P_YMD: Pattern = {
  re: /(\d{4}|\d{2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/y,
  on: (st, m, pos) => (emit(st, yearNumber(m[1]), Number(m[3]), Number(m[4]), pos), true),
};
/** 20240614 */
const P_COMPACT: Pattern = {
  re: /((?:19|20|21)\d{2})(\d{2})(\d{2})(?!\d)/y,
  on: (st, m, pos) => (emit(st, Number(m[1]), Number(m[2]), Number(m[3]), pos), true),
};
/** 2024.6, 2024-06: the month's end. */
const P_YM: Pattern = {
  re: /(\d{4})\s*[./-]\s*(\d{1,2})(?!\d)/y,
  on: (st, m, pos) => (emit(st, Number(m[1]), Number(m[2]), END, pos), true),
};
/** 2024年6月14日, 2024年6月30 (前). */
const P_CN_YMD: Pattern = {
  re: sticky(`${YN}\\s*年\\s*${DN}\\s*月\\s*${DN}\\s*(?:[日号]|(?!\\d))`),
  on: (st, m, pos) => {
    const y = yearNumber(m[1]);
    const mo = cnNumber(m[2]);
    const d = cnNumber(m[3]);
    if (y < 0 || mo < 0 || d < 0) return false;
    emit(st, y, mo, d, pos);
    return true;
  },
};
/** 2024年6月, 2024年6月底, 2024年6月中旬. */
const P_CN_YM: Pattern = {
  re: sticky(`${YN}\\s*年\\s*${DN}\\s*月份?\\s*${MONTH_SUFFIX}`),
  on: (st, m, pos) => {
    const y = yearNumber(m[1]);
    const mo = cnNumber(m[2]);
    if (y < 0 || mo < 0) return false;
    emit(st, y, mo, monthDay(m[3]), pos);
    return true;
  },
};
/** 2024年第三季度, 2024年三季度末. */
const P_CN_YQ: Pattern = {
  re: sticky(`${YN}\\s*年\\s*(?:第\\s*)?([${QUARTERS}1-4])\\s*季度?(?:末|底)?`),
  on: (st, m, pos) => {
    const y = yearNumber(m[1]);
    if (y < 0) return false;
    emit(st, y, quarterNumber(m[2]) * 3, END, pos);
    return true;
  },
};
/** 2024Q2, 2024年Q2. */
const P_YQ: Pattern = {
  re: /(\d{4})\s*年?\s*[Qq]\s*([1-4])(?!\d)/y,
  on: (st, m, pos) => (emit(st, Number(m[1]), Number(m[2]) * 3, END, pos), true),
};
/** 2024年, 2024年底, 2024年度, 2024年上半年. */
const P_CN_Y: Pattern = {
  re: sticky(`${YN}\\s*年\\s*(?:度\\s*)?${YEAR_SUFFIX}`),
  on: (st, m, pos) => {
    const y = yearNumber(m[1]);
    if (y < 0) return false;
    emit(st, y, yearPart(m[2]), END, pos);
    return true;
  },
};
/** 6月14日, 六月三十日, 6月30 (前). */
const P_CN_MD: Pattern = {
  re: sticky(`${DN}\\s*月\\s*${DN}\\s*(?:[日号]|(?!\\d))`),
  on: (st, m, pos) => {
    const mo = cnNumber(m[1]);
    const d = cnNumber(m[2]);
    if (mo < 0 || d < 0) return false;
    emit(st, null, mo, d, pos);
    return true;
  },
};
/** 6月, 6月底, 十二月底, 6月中旬. */
const P_CN_M: Pattern = {
  re: sticky(`${DN}\\s*月份?\\s*${MONTH_SUFFIX}`),
  on: (st, m, pos) => {
    const mo = cnNumber(m[1]);
    if (mo < 0) return false;
    emit(st, null, mo, monthDay(m[2]), pos);
    return true;
  },
};
/** 一季度, 第二季度, 三季度末, 1季度. */
const P_QUARTER: Pattern = {
  re: sticky(`(?:第\\s*)?([${QUARTERS}1-4])\\s*季度?(?:末|底)?`),
  on: (st, m, pos) => (emit(st, null, quarterNumber(m[1]) * 3, END, pos), true),
};
/** Q2 */
const P_Q: Pattern = {
  re: /[Qq]\s*([1-4])(?!\d)/y,
  on: (st, m, pos) => (emit(st, null, Number(m[1]) * 3, END, pos), true),
};
/** 上半年, 下半年, 年中, 年底, 年末, 年内 (the year of the date before, else the as-of year). */
const P_YEAR_WORD: Pattern = {
  re: /(上半年|下半年|年中|年底|年末|年终|年内)/y,
  on: (st, m, pos) => (emit(st, null, yearPart(m[1]), END, pos), true),
};
/** 6.14, 6/14 (the year borrowed). */
const P_MD: Pattern = {
  re: /(\d{1,2})([./])(\d{1,2})(?!\d|[./]\d)/y,
  on: (st, m, pos) => {
    const mo = Number(m[1]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return false; // "95.5" is no date
    emit(st, null, mo, d, pos);
    return true;
  },
};
/** 14日 after another date ("6月7日-14日"): month and year borrowed. */
const P_DAY: Pattern = {
  re: sticky(`${DN}\\s*[日号](?!内)`),
  on: (st, m, pos) => {
    if (st.ctxMonth === 0) return false;
    const d = cnNumber(m[1]);
    if (d < 0) return false;
    emit(st, null, null, d, pos);
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

/**
 * Reads every date written in `s` (relative words already replaced), taking `year` for a date
 * written without one until a date names its own. The state is this call's own.
 */
export function scanDates(s: string, year: number): ScanState {
  const st: ScanState = {
    ctxYear: year,
    ctxMonth: 0,
    prevIso: null,
    revisionPos: -1,
    text: s,
    prevEnd: 0,
    best: null,
    bestAfterRevision: null,
    reason: undefined,
    lastHadDay: false,
  };
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
        if (m !== null && p.on(st, m, i)) {
          next = p.re.lastIndex;
          st.prevEnd = next;
          if (st.lastHadDay) {
            RANGE_DAY_RE.lastIndex = next;
            const r = RANGE_DAY_RE.exec(s);
            if (r !== null) {
              emit(st, null, null, Number(r[1]), next);
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
  return st;
}
