/**
 * The totals a document states about itself ("共梳理问题17个，制定整改措施30项", "巡察反馈25个问题",
 * "(共3个具体问题、8条整改措施)") and whether the reading agrees with them. Only the opening of the
 * document counts (the lines before the first section that holds problems): that is where the
 * totals of the whole document are written; counts inside a section are that section's own.
 */
import { numberingValue } from './outline';
import { TOTAL_MEASURE_NOUNS, TOTAL_PROBLEM_NOUNS } from '../lexicon/sections';

export interface Totals {
  /** Problems the document says it has; null when it says nothing. */
  problems: number | null;
  /** Measures the document says it has; null when it says nothing. */
  measures: number | null;
  /** true: every stated total matches the reading; false: one does not; null: none stated. */
  agrees: boolean | null;
  /** The sentence to show the clerk when they disagree; '' otherwise. */
  note: string;
}

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const NUM = '(\\d{1,4}|[一二三四五六七八九十百两]{1,5})';
const PROBLEM_NOUN = `(?:${alt(TOTAL_PROBLEM_NOUNS)})`;
const MEASURE_NOUN = `(?:${alt(TOTAL_MEASURE_NOUNS)})`;

/** "问题5个", "问题有1项" / "25个问题", "3个具体问题" (not "问题线索"). */
const PROBLEM_RES = [
  new RegExp(`${PROBLEM_NOUN}(?:有|共|共计)?[ \\u3000]{0,2}${NUM}[ \\u3000]{0,2}(?:个|项|条)`),
  new RegExp(`${NUM}[ \\u3000]{0,2}(?:个|项|条)(?:具体|突出|主要|反馈)?问题(?!线索)`),
];
/** "整改措施9项" / "8条整改措施". */
const MEASURE_RES = [
  new RegExp(`${MEASURE_NOUN}[ \\u3000]{0,2}${NUM}[ \\u3000]{0,2}(?:项|条|个)`),
  new RegExp(`${NUM}[ \\u3000]{0,2}(?:项|条|个)(?:具体)?${MEASURE_NOUN}`),
];

function toNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  return numberingValue(s.replace('两', '二'));
}

function firstNumber(text: string, res: RegExp[]): number | null {
  let best: { at: number; n: number } | null = null;
  for (const re of res) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, n: toNumber(m[1]) };
  }
  return best ? best.n : null;
}

/** The totals stated in `opening` (the text before the first section with problems), checked against the reading. */
export function readTotals(
  opening: string,
  /** Counts the headings state for their own parts, summed (used when the opening states none). */
  headings: { problems: number | null; measures: number | null },
  read: { problems: number; measures: number },
  /** Measures a table's 合计 row states, used when the text states none. */
  tableTotal: number | null = null,
): Totals {
  const text = opening.length > 20000 ? opening.slice(0, 20000) : opening;
  const problems = firstNumber(text, PROBLEM_RES) ?? headings.problems;
  const measures = firstNumber(text, MEASURE_RES) ?? headings.measures ?? tableTotal;
  if (problems === null && measures === null) return { problems, measures, agrees: null, note: '' };
  const agrees =
    (problems === null || problems === read.problems) && (measures === null || measures === read.measures);
  if (agrees) return { problems, measures, agrees, note: '' };
  const stated = [
    problems !== null ? `${problems}个问题` : '',
    measures !== null ? `${measures}项整改措施` : '',
  ]
    .filter(Boolean)
    .join('、');
  const got = [
    problems !== null ? `${read.problems}个问题` : '',
    measures !== null ? `${read.measures}项整改措施` : '',
  ]
    .filter(Boolean)
    .join('、');
  return {
    problems,
    measures,
    agrees,
    note: `文档写明共有${stated}，本次读出${got}，两者不一致，可能有漏读或多读，请对照原文逐条核对。`,
  };
}

/** A count in brackets at the end of a heading: "（共3个具体问题、8条整改措施）", "城关镇（9个）". */
const HEADING_COUNT = new RegExp(
  `[(（][ \\u3000]{0,2}(?:共|计)?${NUM}[ \\u3000]{0,2}(?:个|项|条)(?:具体|突出)?(?:问题)?(?:[、，,；;][ \\u3000]{0,2}${NUM}[ \\u3000]{0,2}(?:项|条|个)(?:具体)?(?:整改)?(?:措施|举措))?[ \\u3000]{0,2}[)）][。:：]?$`,
);

/** The heading without its count in brackets. */
export function withoutCount(heading: string): string {
  return heading.replace(HEADING_COUNT, '');
}

/** The counts headings state for their own parts, summed; null where no heading states one. */
export function headingCounts(headings: string[]): { problems: number | null; measures: number | null } {
  let problems: number | null = null;
  let measures: number | null = null;
  for (const h of headings) {
    const m = HEADING_COUNT.exec(h.length > 200 ? h.slice(-200) : h);
    if (!m) continue;
    problems = (problems ?? 0) + toNumber(m[1]);
    if (m[2]) measures = (measures ?? 0) + toNumber(m[2]);
  }
  return { problems, measures };
}
