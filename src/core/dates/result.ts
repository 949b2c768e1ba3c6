/** The answers a date reader gives, and the bounds every reader holds to. */
import type { DateReason, IsoDate, ParsedDate } from '../types';

export const MIN_YEAR = 1950;
export const MAX_YEAR = 2199;
/** Day value meaning "the last day of the month". */
export const END = -1;

export const UNRECOGNISED: DateReason = Object.freeze({ code: 'unrecognised' }) as DateReason;
export const MISSING: ParsedDate = Object.freeze({ kind: 'missing', date: null }) as ParsedDate;
export const LONG_TERM: ParsedDate = Object.freeze({ kind: 'long_term', date: null }) as ParsedDate;
export const IMMEDIATE: ParsedDate = Object.freeze({ kind: 'immediate', date: null }) as ParsedDate;

export const invalid = (reason: DateReason): ParsedDate => ({ kind: 'invalid', date: null, reason });
export const dated = (date: IsoDate): ParsedDate => ({ kind: 'date', date });
