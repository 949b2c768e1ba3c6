/**
 * Relative deadlines ("5个工作日内", "一个月内", "限期15日"), counted from the day a problem was
 * handed over (交办/下发): the row's own 交办时间 column, else a 交办日期/下发时间 line above the
 * header, else the date the clerk gives (--issued, or the pane's setting).
 *
 * Counting (decided in docs/domain.md, where the spec is silent; this is how 督查 notices are read and how 期间 are counted
 * in Chinese administrative practice): the day of 交办 is not counted. N天/N日 → N calendar days
 * later; N周 → 7N days; N个月 → the same day N months later (the month's last day when it has no
 * such day); 半个月 → 15 days; N个工作日 → the N-th working day after 交办, skipping weekends and
 * public holidays and counting make-up working days (holidays.ts). A calendar-day limit ending on a
 * holiday is not moved.
 */
import { addDays, daysInMonth, fromIso, toIso } from './calendar';
import { parseDateCell } from './dates';
import { cellAt, cellText } from './grid';
import { addWorkdays } from './holidays';
import type { Grid, HeaderResult, IsoDate, RelativeLimit } from './types';

export interface ResolvedLimit {
  date: IsoDate;
  /** Years whose holidays were not known (working days guessed from weekends only). */
  guessedYears: number[];
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = fromIso(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return toIso(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The deadline a relative limit sets for a problem handed over on `start`. */
export function resolveRelative(start: IsoDate, limit: RelativeLimit): ResolvedLimit {
  switch (limit.unit) {
    case 'workday':
      return addWorkdays(start, limit.amount);
    case 'week':
      return { date: addDays(start, 7 * limit.amount), guessedYears: [] };
    case 'month':
      return { date: addMonths(start, limit.amount), guessedYears: [] };
    default:
      return { date: addDays(start, limit.amount), guessedYears: [] };
  }
}

/** "交办日期：2024年6月3日", "下发时间:2024-06-03", or the label with the date in the next cell. */
const ISSUED_LINE = /(?:交办|下发|移交|转办)(?:日期|时间)\s*[:：]?\s*(.*)$/s;

/**
 * A 交办日期/下发时间 line above the header: the first such label in the rows above the header
 * whose text after the label (or the next non-empty cell to its right) reads as a date.
 */
export function findIssuedLine(
  grid: Grid,
  header: HeaderResult,
  asOf: IsoDate,
): HeaderResult['issuedLine'] | undefined {
  const top = header.headerRows[0] ?? grid.firstRow;
  const ctx = { asOf, dateSystem: grid.dateSystem };
  for (let r = grid.firstRow; r < top; r++) {
    const cells = grid.cells[r - grid.firstRow] ?? [];
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell || cell.type !== 'text') continue;
      const m = ISSUED_LINE.exec(cellText(cell));
      if (!m) continue;
      const column = grid.firstColumn + i;
      const rest = m[1].trim();
      if (rest) {
        const parsed = parseDateCell({ type: 'text', value: rest }, ctx);
        if (parsed.kind === 'date' && parsed.date)
          return { date: parsed.date, row: r, column, text: cellText(cell) };
        continue;
      }
      for (let j = i + 1; j < cells.length; j++) {
        const next = cellAt(grid, r, grid.firstColumn + j);
        if (next.type === 'empty') continue;
        const parsed = parseDateCell(next, ctx);
        if (parsed.kind === 'date' && parsed.date)
          return { date: parsed.date, row: r, column: grid.firstColumn + j, text: cellText(next) };
        break;
      }
    }
  }
  return undefined;
}
