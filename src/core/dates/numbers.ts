/** Plain numbers and serials read as dates (see index.ts: yyyymmdd, yyyymm, a year, a serial, 2024.6). */
import { endOfMonth, isRealDate, serialToIso, toIso } from '../calendar';
import type { IsoDate, ParsedDate } from '../types';
import { MAX_YEAR, MIN_YEAR, dated, invalid } from './result';

function checkYmd(y: number, m: number, d: number): ParsedDate {
  if (!(m >= 1 && m <= 12)) return invalid({ code: 'no-such-month', month: m });
  if (!(y >= MIN_YEAR && y <= MAX_YEAR)) return invalid({ code: 'implausible-year', year: y });
  if (!isRealDate(y, m, d)) return invalid({ code: 'no-such-day', year: y, month: m, day: d });
  return dated(toIso(y, m, d));
}

export function checkIso(iso: IsoDate): ParsedDate {
  const y = Number(iso.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR ? dated(iso) : invalid({ code: 'implausible-year', year: y });
}

/**
 * A number that is not date-formatted (or a text of digits): yyyymmdd, yyyymm, a year, a serial
 * that falls in 2000–2099, or (number cells only) 2024.6 for a month.
 */
export function readNumber(v: number, raw: string, system: 1900 | 1904, fromCell: boolean): ParsedDate {
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
export function readSerial(v: number, system: 1900 | 1904): ParsedDate {
  const iso = serialToIso(v, system);
  if (iso !== null) return checkIso(iso);
  // 20240614 typed into a date-formatted cell shows as ####### but means what it says.
  if (Number.isInteger(v) && v >= 19000101 && v <= 21991231) return readNumber(v, String(v), system, true);
  return invalid({ code: 'bad-serial', value: String(v) });
}
