/**
 * Brackets around notes ("整改时限(年月日)", "【必填】", "县教育局（2024年6月）"): the pairs a note is
 * written in, and the removal of round-bracket notes, half- or full-width, shared by the header
 * reader, the plan reader and the consolidation's unit names.
 */

/** Bracket pairs whose content is a note, after half-width folding. */
export const NOTE_BRACKETS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['【', '】'],
  ['〔', '〕'],
  ['<', '>'],
  ['〈', '〉'],
  ['「', '」'],
  ['{', '}'],
];

const ROUND_NOTES = new Map<number, RegExp>();

/**
 * `text` with every round-bracket note — (…) or （…）, the two widths mixed freely — replaced by
 * `by`. With `maxInner`, a note longer than that many characters is text and stays.
 */
export function withoutRoundNotes(text: string, by = '', maxInner = -1): string {
  let re = ROUND_NOTES.get(maxInner);
  if (!re) {
    re = new RegExp(`[(（][^)）]${maxInner < 0 ? '*' : `{0,${maxInner}}`}[)）]`, 'g');
    ROUND_NOTES.set(maxInner, re);
  }
  return text.replace(re, by);
}
