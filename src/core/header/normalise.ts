/** Header text normalised for matching: no spaces, notes, numbering or required-field symbols. */
import { compactText } from '../text/fold';
import { memoByText } from '../memo';
import { CIRCLED_NUMBERS, CN_DIGITS, FULL_STOP_NUMBERS, PARENTHESISED_NUMBERS } from '../lexicon/numbering';
import { escapeRegex } from '../lexicon/pattern';
import { NOTE_BRACKETS } from '../text/brackets';

export { compactText };

const INNER_NOTE = new RegExp(
  NOTE_BRACKETS.map(
    ([o, c]) => `${escapeRegex(o)}[^${escapeRegex(o)}${escapeRegex(c)}]*${escapeRegex(c)}`,
  ).join('|'),
  'g',
);
const ANY_BRACKET = new RegExp(
  `[${NOTE_BRACKETS.map(([o, c]) => escapeRegex(o) + escapeRegex(c)).join('')}《》]`,
  'g',
);
/** An opening bracket that is never closed: the rest of the text is its note ("整改时限(年月日"). */
const UNCLOSED_NOTE = new RegExp(
  `[${NOTE_BRACKETS.map(([o]) => escapeRegex(o)).join('')}][^${NOTE_BRACKETS.map(([, c]) => escapeRegex(c)).join('')}]*$`,
);

const LEADING_SYMBOLS = /^[*※★☆▲△■□●○◆◇#]+/;
const TRAILING_SYMBOLS = /[:*※★☆]+$/;
const LEADING_NUMBERING = new RegExp(
  `^(?:\\d{1,2}[.、)]|[${CN_DIGITS}]{1,3}[、.]|[${CIRCLED_NUMBERS}${PARENTHESISED_NUMBERS}${FULL_STOP_NUMBERS}])`,
);

/**
 * Normalises header text for matching: removes all whitespace (line breaks, ideographic spaces),
 * converts full-width ASCII to half-width, strips bracketed notes — (…) [… ] 【…】 〔…〕 <…> 〈…〉
 * 「…」, an unclosed trailing "(…" too — unless the note is the whole header ("(备注)" → "备注"),
 * drops the marks of book titles 《》 but keeps their words (they name things, not notes), strips
 * trailing colons and required-field symbols (* ※), leading symbols and leading numbering
 * ("1.", "一、", "①"; a bare number stays).
 */
export function normalizeHeader(text: string): string {
  return normalizeRemembered(text);
}

/** Header detection and row extraction normalise the same few header texts many times. */
const normalizeRemembered = memoByText(normalizeOnce);

function normalizeOnce(text: string): string {
  let s = compactText(text);
  s = s.replace(TRAILING_SYMBOLS, '');
  // Innermost first, until no bracketed note is left.
  for (;;) {
    const next = s.replace(INNER_NOTE, '');
    if (next === s) break;
    if (next.replace(ANY_BRACKET, '').replace(TRAILING_SYMBOLS, '') === '') {
      // The note is all there is: keep its words.
      s = s.replace(ANY_BRACKET, '');
      break;
    }
    s = next;
  }
  const unclosed = s.replace(UNCLOSED_NOTE, '');
  if (unclosed !== s && unclosed !== '') s = unclosed;
  s = s.replace(ANY_BRACKET, '');
  s = s.replace(TRAILING_SYMBOLS, '');
  const unprefixed = s.replace(LEADING_SYMBOLS, '');
  if (unprefixed) s = unprefixed;
  const unnumbered = s.replace(LEADING_NUMBERING, '');
  if (unnumbered) s = unnumbered;
  return s.replace(TRAILING_SYMBOLS, '');
}
