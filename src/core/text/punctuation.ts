/**
 * Official (公文) punctuation for Chinese sentences: the comma, colon, semicolon and parentheses
 * are full-width (，：；（）) wherever they sit in Chinese text. Numbers (1,000 · 10:30), English
 * runs ("Excel, Word"), web addresses (https://…), and sentences that are English as a whole keep
 * their half-width marks. Spaces around a mark that becomes full-width are dropped, as full-width
 * marks carry their own spacing.
 *
 * The pane, the command line and the summary sheets write their own sentences with full-width marks
 * in the source; this helper is for sentences composed from parts (and for the test that checks
 * every Chinese sentence the tool writes is already official: `officialPunctuation(s) === s`).
 */

/** Characters that make their neighbourhood Chinese: Han, CJK and full-width punctuation, “”‘’…—. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014]/u;
const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;
const DIGIT = /[0-9]/;
/** A web address: scheme, then characters an address may hold (Chinese and full-width end it). */
const URL =
  /\b[a-z][a-z0-9+.-]*:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|\bwww\.[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）' };

/** Trailing marks that end the sentence rather than the address ("见 https://a.b/c," ). */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const c = url[end - 1];
    if (c === ')') {
      const body = url.slice(0, end);
      const open = (body.match(/\(/g) ?? []).length;
      const close = (body.match(/\)/g) ?? []).length;
      if (close <= open) break;
      end -= 1;
    } else if (c && ".,;:!?'".includes(c)) end -= 1;
    else break;
  }
  return url.slice(0, end);
}

/**
 * True when the text is an English sentence, perhaps naming a few Chinese words: it starts with a
 * Latin letter before any Chinese, and has more Latin letters than Chinese characters.
 */
function isEnglish(text: string): boolean {
  const han = (text.match(HAN) ?? []).length;
  if (han === 0) return true;
  const latin = (text.match(LATIN) ?? []).length;
  const first = /[A-Za-z]|\p{Script=Han}/u.exec(text)?.[0] ?? '';
  return /[A-Za-z]/.test(first) && latin > han;
}

export function officialPunctuation(text: string): string {
  if (!/[,:;()]/.test(text)) return text;
  const chars = [...text];
  const isProtected = new Array<boolean>(chars.length).fill(false);
  // Mark address characters as protected (indices are in code points).
  const units: number[] = [];
  chars.forEach((c, i) => {
    for (let k = 0; k < c.length; k += 1) units.push(i);
  });
  for (const m of text.matchAll(URL)) {
    const url = trimUrl(m[0]);
    const start = units[m.index ?? 0];
    const end = units[(m.index ?? 0) + url.length - 1];
    for (let i = start; i <= end; i += 1) isProtected[i] = true;
  }
  const outside = chars.filter((_, i) => !isProtected[i]).join('');
  if (isEnglish(outside)) return text;

  const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
  const before = (i: number) => {
    let k = i - 1;
    while (k >= 0 && isSpace(chars[k])) k -= 1;
    return k >= 0 ? chars[k] : undefined;
  };
  const after = (i: number) => {
    let k = i + 1;
    while (k < chars.length && isSpace(chars[k])) k += 1;
    return k < chars.length ? chars[k] : undefined;
  };
  const cjk = (c: string | undefined) => c !== undefined && CJK.test(c);
  const digit = (c: string | undefined) => c !== undefined && DIGIT.test(c);

  const convert = new Array<boolean>(chars.length).fill(false);
  // Parentheses in pairs: Chinese inside, or Chinese right before or after the pair.
  const open: number[] = [];
  const pairs: Array<[number, number | null]> = [];
  chars.forEach((c, i) => {
    if (isProtected[i]) return;
    if (c === '(') open.push(i);
    else if (c === ')') {
      const o = open.pop();
      pairs.push(o === undefined ? [i, null] : [o, i]);
    }
  });
  for (const o of open) pairs.push([o, null]);
  for (const [a, b] of pairs) {
    if (b === null) {
      convert[a] = cjk(before(a)) || cjk(after(a));
      continue;
    }
    const inside = chars.slice(a + 1, b).some((c) => CJK.test(c));
    if (inside || cjk(before(a)) || cjk(after(b))) convert[a] = convert[b] = true;
  }
  chars.forEach((c, i) => {
    if (isProtected[i]) return;
    const prev = before(i);
    const next = after(i);
    if (c === ',' || c === ';') {
      if (digit(chars[i - 1]) && digit(chars[i + 1])) return; // 1,000
      convert[i] = cjk(prev) || cjk(next);
    } else if (c === ':') {
      if (digit(chars[i - 1]) && digit(chars[i + 1])) return; // 10:30
      convert[i] = cjk(prev) || (cjk(next) && !digit(prev));
    }
  });

  let out = '';
  chars.forEach((c, i) => {
    if (convert[i]) {
      out = out.replace(/[ \t]+$/, '');
      out += FULL[c];
      return;
    }
    if (isSpace(c)) {
      // Spaces right after a converted mark go; so do spaces right before one (handled above).
      let k = i - 1;
      while (k >= 0 && isSpace(chars[k])) k -= 1;
      if (k >= 0 && convert[k]) return;
    }
    out += c;
  });
  return out;
}
