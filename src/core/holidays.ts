/**
 * China's working-day calendar: weekends, public holidays (放假) and the make-up working days
 * (调休上班) the State Council announces each year, from the `chinese-days` package's data
 * (https://github.com/vsme/chinese-days; its JSON only, no code, so the engine stays pure).
 *
 * The calendar is known for the years the package has data for (HOLIDAY_YEARS); the State Council
 * publishes a year's arrangement in the preceding November or December, so the last known year is
 * the current one until the package is updated. Outside those years a day is a working day when it
 * is Monday to Friday, and the caller is told which years were guessed so it can warn the clerk.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { addDays, fromIso } from './calendar';
import type { IsoDate } from './types';

const HOLIDAYS = new Set(Object.keys(data.holidays));
const MAKE_UP_WORKDAYS = new Set(Object.keys(data.workdays));

function yearRange(): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const day of HOLIDAYS) {
    const y = Number(day.slice(0, 4));
    if (y < first) first = y;
    if (y > last) last = y;
  }
  return { first, last };
}

/** The first and last year whose holidays and make-up working days are known. */
export const HOLIDAY_YEARS: Readonly<{ first: number; last: number }> = Object.freeze(yearRange());

/** Monday to Friday. */
function isWeekday(date: IsoDate): boolean {
  const { year, month, day } = fromIso(date);
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** Whether the year's holidays are known. */
export function isKnownYear(year: number): boolean {
  return year >= HOLIDAY_YEARS.first && year <= HOLIDAY_YEARS.last;
}

/**
 * Whether a day is a working day: a make-up working day (a weekend day worked instead) is; a
 * public holiday is not; otherwise Monday to Friday are. For unknown years, weekdays only.
 */
export function isWorkday(date: IsoDate): boolean {
  if (MAKE_UP_WORKDAYS.has(date)) return true;
  if (HOLIDAYS.has(date)) return false;
  return isWeekday(date);
}

/**
 * The n-th working day after `start` (start itself not counted: 交办 on a Friday with 1个工作日
 * is due the next working day). `guessedYears`: years passed through whose holidays are unknown.
 */
export function addWorkdays(start: IsoDate, n: number): { date: IsoDate; guessedYears: number[] } {
  const guessed = new Set<number>();
  let date = start;
  let left = Math.max(0, Math.floor(n));
  // Bounded: 5 working days in any 7, holidays at most a few weeks a year.
  let guard = left * 3 + 60;
  while (left > 0 && guard-- > 0) {
    date = addDays(date, 1);
    const year = Number(date.slice(0, 4));
    if (!isKnownYear(year)) guessed.add(year);
    if (isWorkday(date)) left--;
  }
  return { date, guessedYears: [...guessed].sort() };
}
