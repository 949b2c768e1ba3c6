/**
 * Deadlines for imported measures: the shared date reader (src/core/dates/) does the reading;
 * this module only finds what to read in a plan (the last quarter of a 推进计划, the document year).
 */
import { parseDateText } from '../dates';
import type { IsoDate, ParsedDate } from '../types';
import { QUARTER_NUMERALS } from '../lexicon/deadlines';

/** "三、四季度", "第二季度", "1季度": one or more quarter numerals before 季度. */
const QUARTERS_SOURCE = `((?:[${QUARTER_NUMERALS.join('')}1-4][、,，和及]?)+)季度`;
const QUARTERS_G = new RegExp(QUARTERS_SOURCE, 'g');
const QUARTER_LABELS_G = new RegExp(QUARTERS_SOURCE, 'g');

/** Reads one deadline text; a date without a year takes `year`. */
export function readDeadline(raw: string, year: number): ParsedDate {
  return parseDateText(raw, `${year}-01-01`);
}

/** The latest quarter a text names: "三、四季度" → 4, "第二季度" → 2; null when none. */
export function lastQuarter(text: string): number | null {
  let best: number | null = null;
  const re = QUARTERS_G;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const ch of m[1]) {
      const n = /[1-4]/.test(ch) ? Number(ch) : QUARTER_NUMERALS.indexOf(ch) + 1;
      if (n >= 1 && n <= 4 && (best === null || n > best)) best = n;
    }
  }
  return best;
}

/** The last quarter label of a 推进计划 as written ("四季度", "三、四季度"), with its quarter. */
export function lastQuarterLabel(plan: string): { label: string; quarter: number } | null {
  let found: { label: string; quarter: number } | null = null;
  const re = QUARTER_LABELS_G;
  re.lastIndex = 0;
  for (let m = re.exec(plan); m; m = re.exec(plan)) {
    const q = lastQuarter(m[0]);
    if (q && (!found || q >= found.quarter)) found = { label: m[0], quarter: q };
  }
  return found;
}

/** The year a document is about: the first 4-digit year in its title lines, else anywhere. */
export function documentYear(lines: string[]): number | null {
  const pick = (s: string): number | null => {
    const m = /((?:19|20)\d{2})\s*(?:年|〕|\]|】|\))/.exec(s);
    return m ? Number(m[1]) : null;
  };
  for (const l of lines.slice(0, 3)) {
    const y = pick(l);
    if (y) return y;
  }
  for (const l of lines) {
    const y = pick(l);
    if (y) return y;
  }
  return null;
}

export function isoYear(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
