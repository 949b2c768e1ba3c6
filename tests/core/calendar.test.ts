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

  it('takes today in the local time zone', () => {
    expect(localToday(new Date(2026, 10, 21, 23, 59))).toBe('2026-11-21');
    expect(localToday(new Date(2026, 0, 1, 0, 1))).toBe('2026-01-01');
  });
});
