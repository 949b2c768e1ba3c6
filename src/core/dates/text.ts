/** Deadlines written as text: placeholders, relative words (今年, 下月), long-term and immediate words, dates. */
import { memoByText } from '../memo';
import { toHalfWidth } from '../text/fold';
import {
  IMMEDIATE_WORDS,
  LONG_TERM_WORDS,
  NEXT_MONTH_WORDS,
  NEXT_YEAR_WORDS,
  PERIOD_UNITS,
  PERIODIC_PREFIXES,
  THIS_MONTH_WORDS,
  THIS_YEAR_WORDS,
} from '../lexicon/deadlines';
import { anyOf } from '../lexicon/pattern';
import { fromIso } from '../calendar';
import type { IsoDate, ParsedDate } from '../types';
import { readNumber } from './numbers';
import { parseRelativeLimit } from './relativeLimit';
import { IMMEDIATE, LONG_TERM, MISSING, UNRECOGNISED, dated, invalid } from './result';
import { scanDates } from './scan';

const THIS_YEAR_G = new RegExp(anyOf(THIS_YEAR_WORDS), 'g');
const NEXT_YEAR_G = new RegExp(anyOf(NEXT_YEAR_WORDS), 'g');
const THIS_MONTH_G = new RegExp(anyOf(THIS_MONTH_WORDS), 'g');
const NEXT_MONTH_G = new RegExp(anyOf(NEXT_MONTH_WORDS), 'g');
const RELATIVE_RE = new RegExp(
  anyOf([...THIS_YEAR_WORDS, ...NEXT_YEAR_WORDS, ...THIS_MONTH_WORDS, ...NEXT_MONTH_WORDS]),
);
const PLACEHOLDER_RE = /^[\s/\\\-—–―_.。,，、·~*]*$|^(?:无|暂无|空)$/;
const INTEGER_RE = /^\d+$/;
const SERIAL_TEXT_RE = /^\d{5}\.\d+$/;
const LONG_TERM_RE = new RegExp(
  `${anyOf(LONG_TERM_WORDS)}|[${PERIODIC_PREFIXES.join('')}][${PERIOD_UNITS.join('')}]`,
);
const IMMEDIATE_RE = new RegExp(anyOf(IMMEDIATE_WORDS));

function replaceRelative(s: string, y: number, m: number): string {
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return s
    .replace(THIS_YEAR_G, `${y}年`)
    .replace(NEXT_YEAR_G, `${y + 1}年`)
    .replace(THIS_MONTH_G, `${y}年${m}月`)
    .replace(NEXT_MONTH_G, `${ny}年${nm}月`);
}

/** Reads a deadline or completion date written as text. */
export function parseDateText(text: string, asOf: IsoDate): ParsedDate {
  return readText(text, asOf, 1900);
}

/** Reads text, remembering recent answers: a ledger writes the same deadline texts again and again. */
export function readText(raw: string, asOf: IsoDate, system: 1900 | 1904): ParsedDate {
  if (typeof raw !== 'string' || asOf.length !== 10) return readTextOnce(raw, asOf, system);
  return answersFor(asOf, system)(raw);
}

/**
 * One memo per as-of date and date system (a year-less "6月底前" reads differently under each):
 * looking a text up costs no key built per cell. A check asks under one context; the few kept
 * cover the hosts that check several sheets or workbooks in turn.
 */
const contexts = { 1900: new Map<string, Answers>(), 1904: new Map<string, Answers>() };
const MAX_CONTEXTS = 16;
type Answers = (raw: string) => ParsedDate;

function answersFor(asOf: IsoDate, system: 1900 | 1904): Answers {
  const sys = system === 1904 ? 1904 : 1900;
  const byAsOf = contexts[sys];
  let answers = byAsOf.get(asOf);
  if (answers === undefined) {
    if (byAsOf.size >= MAX_CONTEXTS) byAsOf.clear();
    answers = newAnswers(asOf, sys);
    byAsOf.set(asOf, answers);
  }
  return answers;
}

/**
 * The memo of one context, made in a function of its own: an arrow written in answersFor would
 * make V8 allocate answersFor's variables in a context object on every call (every text date).
 */
function newAnswers(asOf: IsoDate, system: 1900 | 1904): Answers {
  return memoByText((raw: string): ParsedDate => Object.freeze(readTextOnce(raw, asOf, system)));
}

function readTextOnce(raw: string, asOf: IsoDate, system: 1900 | 1904): ParsedDate {
  let s = typeof raw === 'string' ? raw : String(raw ?? '');
  s = toHalfWidth(s);
  s = s.trim();
  if (PLACEHOLDER_RE.test(s)) return MISSING;
  if (INTEGER_RE.test(s) || SERIAL_TEXT_RE.test(s)) return readNumber(Number(s), s, system, false);

  const { year, month } = fromIso(String(asOf));
  if (RELATIVE_RE.test(s)) s = replaceRelative(s, year, month);

  const st = scanDates(s, year);
  if (st.reason === undefined && st.bestAfterRevision !== null) return dated(st.bestAfterRevision);
  if (LONG_TERM_RE.test(s)) return LONG_TERM;
  if (st.reason !== undefined) return invalid(st.reason);
  if (st.best !== null) return dated(st.best);
  const relative = parseRelativeLimit(s);
  if (relative !== null) return { kind: 'relative', date: null, relative };
  if (IMMEDIATE_RE.test(s)) return IMMEDIATE;
  return invalid(UNRECOGNISED);
}
