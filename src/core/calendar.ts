/** Calendar arithmetic on IsoDate strings. Proleptic Gregorian, no time zones. */
import type { IsoDate } from './types';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  // Compared one by one: an array literal here was built anew on every dated row of a check.
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year-month-day names a real calendar date (years 1000–9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function toIso(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function fromIso(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict YYYY-MM-DD string; null when it is not a real date. */
export function parseIso(text: string): IsoDate | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? toIso(y, mo, d) : null;
}

const MS_PER_DAY = 86_400_000;

/** Two digits of an ISO date at `at` as a number, or -1 when either is not a digit. */
function twoDigits(date: string, at: number): number {
  const a = date.charCodeAt(at) - 48;
  const b = date.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days since 1970-01-01 (what daysBetween subtracts); for callers that subtract from one date often. */
export function dayNumber(date: IsoDate): number {
  // Read from the characters: a check asks this for every dated row, and fromIso builds an object
  // and three strings each time. Anything but digits in place takes fromIso's way (same answer).
  if (date.length === 10) {
    const hi = twoDigits(date, 0);
    const lo = twoDigits(date, 2);
    const month = twoDigits(date, 5);
    const day = twoDigits(date, 8);
    if (hi >= 0 && lo >= 0 && month >= 0 && day >= 0) {
      const year = hi * 100 + lo;
      // Date.UTC reads years 0–99 as 1900–1999 and rolls impossible days over: it answers those.
      if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))
        return civilDays(year, month, day);
      return Date.UTC(year, month - 1, day) / MS_PER_DAY;
    }
  }
  const { year, month, day } = fromIso(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * Days from 1970-01-01 to a real proleptic Gregorian date, as Date.UTC / MS_PER_DAY gives them
 * (Howard Hinnant's days_from_civil), in integer arithmetic: no Date call on every dated row.
 */
function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date((dayNumber(date) + days) * MS_PER_DAY);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The last day of a month. */
export function endOfMonth(year: number, month: number): IsoDate {
  return toIso(year, month, daysInMonth(year, month));
}

/**
 * Converts an Excel date serial to a calendar date, or null when the serial is no date
 * (zero, negative, or beyond 9999-12-31). The time part of a serial is dropped.
 * 1900 system: serial 1 = 1900-01-01, and Excel's phantom 1900-02-29 (serial 60) is not a date.
 * 1904 system: serial 0 = 1904-01-01.
 */
export function serialToIso(serial: number, system: 1900 | 1904 = 1900): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  let unixDays: number;
  if (system === 1904) {
    if (whole < 0) return null;
    unixDays = whole - 24107; // 1904-01-01 is 24107 days before 1970-01-01
  } else {
    if (whole < 1 || whole === 60) return null;
    unixDays = whole - (whole > 60 ? 25569 : 25568);
  }
  const d = new Date(unixDays * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (year > 9999) return null;
  return toIso(year, d.getUTCMonth() + 1, d.getUTCDate());
}

/** The inverse of serialToIso: the serial Excel stores for a calendar date. */
export function isoToSerial(date: IsoDate, system: 1900 | 1904 = 1900): number {
  const unixDays = dayNumber(date);
  if (system === 1904) return unixDays + 24107;
  const serial = unixDays + 25569;
  return serial > 60 ? serial : serial - 1;
}

/** Today's date in the machine's local time zone. */
export function localToday(now: Date = new Date()): IsoDate {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A date as Chinese text reads it: 2026年11月21日. */
export function chineseDate(date: IsoDate): string {
  const { year, month, day } = fromIso(date);
  return `${year}年${month}月${day}日`;
}
