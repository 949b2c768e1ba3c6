/**
 * The one place that folds text a clerk typed into the form the engine compares: full-width ASCII
 * (U+FF01–U+FF5E) to ASCII, the ideographic space to a space, and invisible characters (zero-width
 * spaces and joiners, the word joiner, the byte-order mark, the soft hyphen) removed.
 *
 * Header matching, the date reader and the progress reader all fold with these functions; what
 * differs between them (whether whitespace is dropped, whether the soft hyphen counts) is a choice
 * of function here, not a private copy of the character ranges.
 */

/** Zero-width space/non-joiner/joiner, word joiner, byte-order mark: a regex class body. */
export const ZERO_WIDTH_CLASS = '\\u200B-\\u200D\\u2060\\uFEFF';
/** Characters that show nothing: the zero-width ones and the soft hyphen (a regex class body). */
export const INVISIBLE_CLASS = `${ZERO_WIDTH_CLASS}\\u00AD`;
/** Full-width ASCII and the ideographic space (a regex class body). */
export const FULL_WIDTH_CLASS = '\\uFF01-\\uFF5E\\u3000';

const FULL_WIDTH_RE = new RegExp(`[${FULL_WIDTH_CLASS}]`);
const FULL_WIDTH_G = new RegExp(`[${FULL_WIDTH_CLASS}]`, 'g');
const INVISIBLE_G = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');
const WIDE_OR_INVISIBLE_RE = new RegExp(`[${FULL_WIDTH_CLASS}${INVISIBLE_CLASS}]`);
const SPACE_OR_ZERO_WIDTH_G = new RegExp(`[\\s${ZERO_WIDTH_CLASS}]+`, 'g');

/** One full-width character (U+FF01–U+FF5E or U+3000) as its ASCII form. */
export function halfWidthChar(ch: string): string {
  return ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/** One character's code as toHalfWidth leaves it (halfWidthOf by code, no string made). */
export function halfWidthCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code === 0x3000 ? 0x20 : code;
}

/** One character as toHalfWidth leaves it: full-width ASCII and the ideographic space folded. */
export function halfWidthOf(ch: string): string {
  const code = ch.charCodeAt(0);
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000 ? halfWidthChar(ch) : ch;
}

/** Full-width ASCII → ASCII, ideographic space → space; other characters unchanged. */
export function toHalfWidth(text: string): string {
  return FULL_WIDTH_RE.test(text) ? text.replace(FULL_WIDTH_G, halfWidthChar) : text;
}

/** Half-width folding and invisible characters (soft hyphen too) removed. */
export function foldText(text: string): string {
  if (!WIDE_OR_INVISIBLE_RE.test(text)) return text;
  return text.replace(INVISIBLE_G, '').replace(FULL_WIDTH_G, halfWidthChar);
}

const KEPT_RE = new RegExp(`[^\\s${ZERO_WIDTH_CLASS}]`);

/**
 * Where compactText's result starts in `text`: the first character that is neither whitespace nor
 * zero-width, or -1 when compactText gives ''. Lets a caller that only needs the start (a pattern
 * anchored at ^) look at one character instead of compacting the whole text.
 */
export function firstKeptIndex(text: string): number {
  // Most texts start with a Chinese character or visible ASCII: kept, no regex needed.
  const first = text.charCodeAt(0);
  if ((first >= 0x21 && first <= 0x7e) || (first >= 0x3400 && first <= 0x9fff)) return 0;
  return text.search(KEPT_RE);
}

/**
 * Text compared for identity (headers, problem keys): half-width folding, then every whitespace
 * character (line breaks, ideographic and no-break spaces) and zero-width character removed.
 */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(SPACE_OR_ZERO_WIDTH_G, '');
}
