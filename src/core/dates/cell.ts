/** Reads a deadline or completion-date cell, whatever Excel holds in it. */
import { isDateFormat } from '../numberFormat';
import { parseIso } from '../calendar';
import type { Cell, IsoDate, ParsedDate } from '../types';
import { checkIso, readNumber, readSerial } from './numbers';
import { MISSING, invalid } from './result';
import { readText } from './text';

export interface DateContext {
  asOf: IsoDate;
  dateSystem: 1900 | 1904;
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
