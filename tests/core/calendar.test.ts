import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  endOfMonth,
  isoToSerial,
  isRealDate,
  localToday,
  parseIso,
  serialToIso,
} from '../../src/core/calendar';

describe('calendar', () => {
  it('knows real dates from impossible ones', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2024, 2, 30)).toBe(false);
    expect(isRealDate(2024, 13, 1)).toBe(false);
    expect(isRealDate(2024, 4, 31)).toBe(false);
    expect(parseIso('2024-02-30')).toBeNull();
    expect(parseIso('2024-6-3')).toBeNull();
    expect(parseIso(' 2024-06-03 ')).toBe('2024-06-03');
  });

  it('converts Excel serials in the 1900 system, including its phantom 29 February 1900', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(45016)).toBe('2023-03-31');
    expect(serialToIso(45016.75)).toBe('2023-03-31');
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(-5)).toBeNull();
    expect(serialToIso(3e6)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
  });

  it('converts Excel serials in the 1904 system', () => {
    expect(serialToIso(0, 1904)).toBe('1904-01-01');
    expect(serialToIso(45016 - 1462, 1904)).toBe('2023-03-31');
  });

  it('round-trips every date through serials in both systems', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1904-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(serialToIso(isoToSerial(iso, 1900), 1900)).toBe(iso);
          expect(serialToIso(isoToSerial(iso, 1904), 1904)).toBe(iso);
        },
      ),
    );
  });

  it('counts days across months, leap days and years', () => {
    expect(daysBetween('2026-10-31', '2026-11-21')).toBe(21);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-11-21', '2026-11-21')).toBe(0);
    expect(daysBetween('2026-11-21', '2025-11-21')).toBe(-365);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2026, 6)).toBe('2026-06-30');
  });

  it('counts days as Date.UTC does, for every date and for strings that are no date', () => {
    // daysBetween reads the digits itself (no Date per row); the platform's clock is the reference.
    const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
    const iso = (y: number, m: number, d: number) =>
      `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1000, 0, 1)),
          max: new Date(Date.UTC(9999, 11, 31)),
          noInvalidDate: true,
        }),
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(2199, 11, 31)),
          noInvalidDate: true,
        }),
        (a, b) => {
          const [ya, ma, da] = [a.getUTCFullYear(), a.getUTCMonth() + 1, a.getUTCDate()];
          const [yb, mb, db] = [b.getUTCFullYear(), b.getUTCMonth() + 1, b.getUTCDate()];
          expect(daysBetween(iso(ya, ma, da), iso(yb, mb, db))).toBe(
            Math.round(day(yb, mb, db) - day(ya, ma, da)),
          );
        },
      ),
      { numRuns: 2000 },
    );
    // Not real dates: rolled over as Date.UTC rolls them (two-digit years are 19xx there).
    for (const [text, y, m, d] of [
      ['2024-02-30', 2024, 2, 30],
      ['2024-13-01', 2024, 13, 1],
      ['2024-00-10', 2024, 0, 10],
      ['0024-01-01', 24, 1, 1],
      ['2023-02-29', 2023, 2, 29],
    ] as const) {
      expect(daysBetween('2026-11-21', text)).toBe(Math.round(day(y, m, d) - day(2026, 11, 21)));
    }
  });

  it('takes today in the local time zone', () => {
    expect(localToday(new Date(2026, 10, 21, 23, 59))).toBe('2026-11-21');
    expect(localToday(new Date(2026, 0, 1, 0, 1))).toBe('2026-01-01');
  });
});
