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
      if (typeof value === 'number') return serialDate(value, system);
      const text = String(value);
      return isoDate(text) ?? readText(text, ctx.asOf, system);
    }
    case 'number':
      if (typeof value === 'number') {
        return isDateFormat(cell.format)
          ? serialDate(value, system)
          : readNumber(value, String(value), system, true);
      }
      return readText(String(value), ctx.asOf, system);
    default:
      return readText(String(value), ctx.asOf, system);
  }
}

/**
 * Date cells repeat the same few hundred days down a ledger, so their answers are remembered
 * (frozen: every row with that day shares one). Neither answer depends on the as-of date; a serial
 * depends on the date system, so each system has its own memo. Bounded: cleared when full.
 */
const MAX_REMEMBERED = 4096;
const isoAnswers = new Map<string, ParsedDate | null>();
const serialAnswers = { 1900: new Map<number, ParsedDate>(), 1904: new Map<number, ParsedDate>() };

/** A date cell's text as an ISO date (checked for a plausible year), or null when it is other text. */
function isoDate(text: string): ParsedDate | null {
  const hit = isoAnswers.get(text);
  if (hit !== undefined) return hit;
  const iso = parseIso(text);
  const answer = iso !== null ? Object.freeze(checkIso(iso)) : null;
  if (isoAnswers.size >= MAX_REMEMBERED) isoAnswers.clear();
  isoAnswers.set(text, answer);
  return answer;
}

function serialDate(value: number, system: 1900 | 1904): ParsedDate {
  const answers = serialAnswers[system];
  const hit = answers.get(value);
  if (hit !== undefined) return hit;
  const answer = Object.freeze(readSerial(value, system));
  if (answers.size >= MAX_REMEMBERED) answers.clear();
  answers.set(value, answer);
  return answer;
}
