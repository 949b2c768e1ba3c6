/** Small helpers for writing SpreadsheetML text by hand, safely. */
import { quoteSheet, sheetOfReference } from '../core/a1';

/** Decodes the five XML entities and character references. */
export function decodeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_m, hex, dec, name) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
  });
}

/** The attributes of one start tag (`name="value"` or `name='value'`), values decoded. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/**
 * Characters XML 1.0 cannot carry at all: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone
 * surrogates. Written raw they make the part not well-formed (LibreOffice then silently drops
 * every later string).
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character xstring changes: an underscore (of `_xHHHH_`), a forbidden one, & < >. */
const XSTRING_SPECIAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[_&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Any character escAttr changes. */
const ATTR_SPECIAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const hex4 = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/**
 * Cell text for an OOXML string (ST_Xstring): a literal `_xHHHH_` keeps its underscore as
 * `_x005F_`, then forbidden characters become `_xHHHH_` (as Excel writes them), then XML escapes.
 */
export function xstring(text: string): string {
  // Nearly every ledger text has none of these: skipping three replaces for it saves about a third
  // of the time the 逾期清单 takes to write at 50,000 rows.
  if (!XSTRING_SPECIAL.test(text)) return text;
  return escText(
    text
      .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F_${m.slice(1)}`)
      .replace(FORBIDDEN, (c) => `_x${hex4(c)}_`),
  );
}

export function escText(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** An attribute value; forbidden characters (which no attribute may hold) become U+FFFD. */
export function escAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"\r\n\t]/g, (c) => ATTR_ESCAPES[c]!);
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** 1 → 'A', 27 → 'AA'. */
export function colName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as an A1 reference needs it (the engine's, src/core/a1.ts). */
export { quoteSheet };

/** 'Sheet'!$A$1 or Sheet!$A$1 → Sheet; '' when it names none (the engine's sheetOfReference). */
export function sheetOfRange(range: string): string {
  return sheetOfReference(range) ?? '';
}

/**
 * = + - @ tab CR and their full-width forms ＝ ＋ － ＠, by character code. Compared, not looked up
 * in a Set: asked for every text cell the tool writes, and nearly every ledger text starts with a
 * character between the two groups, which the first two comparisons settle.
 */
function isFormulaStart(c: number): boolean {
  if (c > 64 && c < 0xff0b) return false;
  if (c <= 64) return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
  return c === 0xff1d || c === 0xff0b || c === 0xff0d || c === 0xff20;
}

/** Text a spreadsheet would take for a formula or a number sign when edited (F2, Enter). */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && isFormulaStart(text.charCodeAt(0));
}

/**
 * Index of the first child element among `names` (prefixed with `p`) in `xml` from `from`, or -1.
 * Used to insert an element at its schema position.
 */
export function firstElement(xml: string, p: string, names: readonly string[], from = 0): number {
  let best = -1;
  for (const n of names) {
    const re = new RegExp(`<${p}${n}[\\s/>]`, 'g');
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}
