/**
 * A hand-written, streaming XML scanner for the parts of an .xlsx, in place of saxes (the reader's
 * own cost was mostly saxes's per-character state machine and its per-tag attribute objects). It
 * reports open tag, text and close tag, with no object and no string per tag: a handler asks for
 * the attributes and the text it needs (`attr`, `numAttr`, `cellRef`, `text`, `textDigits`), which
 * are read from the positions the scanner noted, and only while the event lasts.
 *
 * Linear and bounded: every search is an indexOf from where the last one stopped; a tag, a
 * processing instruction or a DOCTYPE may not run past MAX_TOKEN characters (text, comments and
 * CDATA sections are streamed, never held). Malformed XML throws ScanError, which the reader
 * turns into its plain "damaged" sentence: mismatched or unclosed tags, text or a second element
 * outside the root, a character XML does not allow, an unknown entity (no DTD entity is ever
 * expanded), '<' in an attribute value, a repeated attribute. CDATA content is skipped, as the
 * reader skipped saxes's cdata events; line ends in text are normalised (CR LF and CR to LF) as XML
 * requires.
 */

import { parseRef } from './ranges';

export class ScanError extends Error {}

/** Longest tag, processing instruction or DOCTYPE held while waiting for its end. */
export const MAX_TOKEN = 1024 * 1024;

export interface ScanHandler {
  /** `name` is the local name (prefix dropped); the tag's attributes through `tag`. */
  open(name: string, tag: SheetScanner): void;
  /** A piece of text inside the root (one text may come in several pieces): `tag.text()`. */
  text(tag: SheetScanner): void;
  close(name: string): void;
}

/** Characters XML 1.0 does not allow (lone surrogates are let through, as by TextDecoder's U+FFFD). */
// eslint-disable-next-line no-control-regex -- these are the characters refused
export const BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** An XML name, near enough (letters of any script, digits, . - _ :; not starting with a digit). */
const NAME = /^[A-Za-z_:\u00C0-\uFFFD][\w.:\-\u00B7\u00C0-\uFFFD]*$/;
const ONE_CHAR = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** How the characters below 128 end an element name: part of it, ending it, or not allowed. */
const PART = 0;
const END = 1;
const BAD = 2;
const NAME_END = Array.from({ length: 128 }, (_, c) =>
  c === 62 || c === 47 || isSpace(c) ? END : c === 60 || c === 61 || c === 34 || c === 39 ? BAD : PART,
);
/** The characters below 128 allowed in an attribute name: letters, digits, . - _ : */
export const ATTR_NAME_CHAR = Array.from({ length: 128 }, (_, c) =>
  /[A-Za-z0-9._:-]/.test(String.fromCharCode(c)),
);
/** The characters below 128 that are an element name by themselves. */
const ONE_CHAR_NAME = Array.from({ length: 128 }, (_, c) => /[A-Za-z_:]/.test(String.fromCharCode(c)));
/** Literal white space other than ' ' in an attribute value (each becomes a space). */
const ATTR_SPACE = /[\t\n\r]/;
/** Element names remembered (with their local names) so a tag's name is found, not sliced. */
const KNOWN_NAMES = 64;
/** Up to this many attributes, a repeat is found by comparing positions; past it, with a Set. */
const FEW_ATTRIBUTES = 8;

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * The element names the reader compares with, as the very constants it compares with: a name
 * sliced from the text is an equal but different string, and each comparison with it would then
 * read both strings through (it also threw V8's compiled comparisons back to slower code).
 */
const XLSX_NAMES = new Map(
  [
    // The most frequent first: nameAt tries them in this order.
    'row',
    'mergeCell',
    'si',
    'rPh',
    'is',
    'Relationship',
    'sheet',
    'xf',
    'numFmt',
    'worksheet',
    'sheetData',
    'mergeCells',
    'sst',
    'Relationships',
    'workbook',
    'workbookPr',
    'sheets',
    'styleSheet',
    'numFmts',
    'cellXfs',
  ].map((n) => [n, n]),
);

/** The local name of an element name, as one of XLSX_NAMES where it is one. */
function canonicalLocal(name: string): string {
  const local = localName(name);
  return local === name ? name : (XLSX_NAMES.get(local) ?? local);
}

/** Where `what` next occurs at or after `from`; the buffer's length when nowhere. */
function nextOf(buf: string, what: string, from: number): number {
  const i = buf.indexOf(what, from);
  return i < 0 ? buf.length : i;
}

/** Replaces the five predefined entities and character references; anything else is an error. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw new ScanError('entity');
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) throw new ScanError('entity');
      const code = parseInt(digits, hex ? 16 : 10);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new ScanError('entity');
      ch = String.fromCodePoint(code);
      if (BAD_CHAR.test(ch)) throw new ScanError('entity');
    } else {
      ch = PREDEFINED[ref];
      if (ch === undefined) throw new ScanError('entity');
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

function textOf(raw: string): string {
  const s = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  return decodeEntities(s);
}

/** Position after the comment's '-->', or -1 when not in `buf`; '--' inside a comment is an error. */
function commentEnd(buf: string, from: number): number {
  const d = buf.indexOf('--', from);
  if (d < 0 || d + 2 >= buf.length) return -1;
  if (buf.charCodeAt(d + 2) !== 62) throw new ScanError('-- in comment');
  return d + 3;
}

function cdataEnd(buf: string, from: number): number {
  const end = buf.indexOf(']]>', from);
  return end < 0 ? -1 : end + 3;
}

/** The plain digits at [from, to) as a number (up to 15 of them, so exact); -1 otherwise. */
export function digitsAt(buf: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** True when the `len` characters at `i` and at `j` are the same. */
export function sameChars(buf: string, i: number, j: number, len: number): boolean {
  for (let d = 0; d < len; d++) if (buf.charCodeAt(i + d) !== buf.charCodeAt(j + d)) return false;
  return true;
}

/** True when `name` is written at `at` (names are short: a loop is cheaper than startsWith). */
function sameAs(buf: string, at: number, name: string): boolean {
  for (let d = 0; d < name.length; d++) if (buf.charCodeAt(at + d) !== name.charCodeAt(d)) return false;
  return true;
}

/** What the scanner is inside of when a chunk ends. */
const Mode = { Normal: 0, Comment: 1, Cdata: 2 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

export class SheetScanner {
  /** The column of the reference `cellRef` read last (1-based). */
  refColumn = 0;

  private buf = '';
  private pending = '';
  private mode: Mode = Mode.Normal;
  /**
   * The open elements' names and local names, `depth` of them. (Arrays that start out holding a
   * string, and a separate depth: an empty array literal is an array of small integers to V8, and
   * code compiled for one scanner's arrays was thrown back by the next scanner's.)
   */
  private stack: string[] = [''];
  private locals: string[] = [''];
  private depth = 0;
  /** Element names found well formed, with their local names (the .xlsx names, then up to KNOWN_NAMES). */
  private known: string[] = [...XLSX_NAMES.keys()];
  private knownLocals: string[] = [...XLSX_NAMES.keys()];
  /** Past KNOWN_NAMES: names found well formed. */
  private names = new Set<string>();
  /** The local name of the tag whose name was read last. */
  private lastLocal = '';
  private rootSeen = false;
  /** Where the content of a comment or CDATA section that runs past the chunk begins. */
  private skipFrom = 0;
  /** Anything read yet (the XML declaration may only come first). */
  private seen = false;
  /** The attributes of the tag being opened: name from, name to, value from, value to. */
  private attrs: number[] = [];
  private attrCount = 0;
  /** Where the records of the attributes named exactly r, s and t are (-1: none on this tag). */
  private rAt = -1;
  private sAt = -1;
  private tAt = -1;
  /** The names of a tag with many attributes. */
  private attrNames = new Set<string>();
  /** The text piece being reported: its span, and its decoded form when it is not plain. */
  private textFrom = 0;
  private textTo = 0;
  private decoded: string | null = null;
  /**
   * The next '<', '&', CR and ']]>' at or after the last position asked about (-1: not looked
   * for yet; the buffer's length: none). Positions only grow within a buffer, so each search
   * starts past the last answer and the searches together cross the buffer once.
   */
  private nextLt = -1;
  private nextAmp = -1;
  private nextCr = -1;
  private nextCdEnd = -1;

  constructor(private readonly h: ScanHandler) {}

  /**
   * For a reader that reads plain markup by hand between the scanner's tokens: takes piece[p, q)
   * (q < 0: the rest) and returns q, where the reader may go on by hand, or -1 when the scanner
   * took the rest of the piece because q lies inside a comment, CDATA or a tag (the rest at once,
   * never a bit at a time, which would make it re-read what it holds).
   */
  writeUntil(piece: string, p: number, q: number): number {
    if (q < 0) {
      this.write(piece.slice(p));
      return -1;
    }
    this.write(piece.slice(p, q));
    if (this.restingIn() !== undefined) return q;
    this.write(piece.slice(q));
    return -1;
  }

  write(chunk: string): void {
    if (BAD_CHAR.test(chunk)) throw new ScanError('character');
    const buf = this.pending === '' ? chunk : this.pending + chunk;
    this.pending = '';
    this.buf = buf;
    // Searched here once per piece, so the hot code never meets a search it has not seen.
    this.nextLt = -1;
    this.nextAmp = nextOf(buf, '&', 0);
    this.nextCr = nextOf(buf, '\r', 0);
    this.nextCdEnd = nextOf(buf, ']]>', 0);
    this.scan(buf);
  }

  close(): void {
    if (this.pending !== '' || this.mode !== Mode.Normal) throw new ScanError('unfinished');
    if (this.depth !== 0 || !this.rootSeen) throw new ScanError('unclosed');
  }

  /**
   * The name (as written) of the innermost open element when the scanner stands between two
   * tokens with nothing held back; undefined otherwise. (The shared strings' and the worksheets'
   * readers read their plainest markup by hand only there: ./sharedStrings.ts, ./sheet.ts.)
   */
  restingIn(): string | undefined {
    return this.depth > 0 && this.pending === '' && this.mode === Mode.Normal
      ? this.stack[this.depth - 1]
      : undefined;
  }

  /** How many elements are open. */
  get openCount(): number {
    return this.depth;
  }

  // ---- What a handler asks during an event ----

  /** An attribute of the tag being opened, decoded: by its exact name, else by its local name. */
  attr(name: string): string | undefined {
    const k = this.find(name, true);
    return k < 0 ? undefined : this.valueAt(k);
  }

  /** An attribute by its exact name as Number() reads it (' 3 ' is 3); `absent` when there is none. */
  numAttr(name: string, absent: number): number {
    const k = name === 's' ? this.sAt : name === 'r' ? this.rAt : this.find(name, false);
    if (k < 0) return absent;
    const n = digitsAt(this.buf, this.attrs[k + 2], this.attrs[k + 3]);
    return n >= 0 ? n : Number(this.valueAt(k));
  }

  /** A cell's `t` attribute (exact name); the usual values as constants, so no string per cell. */
  cellType(): string | undefined {
    const k = this.tAt;
    if (k < 0) return undefined;
    const buf = this.buf;
    const from = this.attrs[k + 2];
    const len = this.attrs[k + 3] - from;
    if (len === 1) {
      switch (buf.charCodeAt(from)) {
        case 115:
          return 's';
        case 110:
          return 'n';
        case 98:
          return 'b';
        case 101:
          return 'e';
        case 100:
          return 'd';
      }
    } else if (len === 3 && buf.startsWith('str', from)) return 'str';
    else if (len === 9 && buf.startsWith('inlineStr', from)) return 'inlineStr';
    return this.valueAt(k);
  }

  /** The k-th attribute's value: white space normalised as XML says (saxes did too), then decoded. */
  private valueAt(k: number): string {
    const raw = this.buf.slice(this.attrs[k + 2], this.attrs[k + 3]);
    return decodeEntities(ATTR_SPACE.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
  }

  /**
   * The `r` attribute (exact name) as a cell reference: its row ('AB12' → 12, and refColumn = 28); 0 when the
   * tag has no `r`, -1 when it is no reference. Plain references are read from the characters.
   */
  cellRef(): number {
    const k = this.rAt;
    if (k < 0) return 0;
    const buf = this.buf;
    const to = this.attrs[k + 3];
    let i = this.attrs[k + 2];
    const from = i;
    let col = 0;
    for (; i < to; i++) {
      const c = buf.charCodeAt(i) | 0x20;
      if (c < 97 || c > 122) break;
      col = col * 26 + (c - 96);
    }
    const row = digitsAt(buf, i, to);
    if (i === from || i - from > 3 || row < 1) return row === -1 ? this.oddRef() : -1;
    this.refColumn = col;
    return row;
  }

  /** A reference that is not plain letters and digits (an entity, a sign, a fraction): as written. */
  private oddRef(): number {
    const cell = parseRef(this.valueAt(this.rAt));
    if (cell === null) return -1;
    this.refColumn = cell[1];
    return cell[0];
  }

  /** The text piece being reported, with entities replaced and line ends normalised. */
  text(): string {
    return this.decoded ?? this.buf.slice(this.textFrom, this.textTo);
  }

  /** The text piece as a number when it is 1–15 plain digits (a shared string's index); else -1. */
  textDigits(): number {
    return this.decoded === null ? digitsAt(this.buf, this.textFrom, this.textTo) : -1;
  }

  // ---- Scanning ----

  /** Position of the attribute's record with this exact name, else (`local`) this local name; -1. */
  private find(name: string, local: boolean): number {
    const a = this.attrs;
    const buf = this.buf;
    const n = this.attrCount * 4;
    const len = name.length;
    for (let k = 0; k < n; k += 4) {
      if (a[k + 1] - a[k] === len && buf.startsWith(name, a[k])) return k;
    }
    if (!local) return -1;
    for (let k = 0; k < n; k += 4) {
      let colon = a[k];
      while (colon < a[k + 1] && buf.charCodeAt(colon) !== 58) colon++;
      if (colon < a[k + 1] && a[k + 1] - colon - 1 === len && buf.startsWith(name, colon + 1)) return k;
    }
    return -1;
  }

  private ltFrom(from: number): number {
    if (this.nextLt < from) this.nextLt = nextOf(this.buf, '<', from);
    return this.nextLt;
  }

  private ampFrom(from: number): number {
    if (this.nextAmp < from) this.nextAmp = nextOf(this.buf, '&', from);
    return this.nextAmp;
  }

  /** Text between markup: reported when inside the root, else it must be white space. */
  private textPiece(from: number, to: number): void {
    this.seen = true;
    const buf = this.buf;
    if (this.nextCdEnd < from) this.nextCdEnd = nextOf(buf, ']]>', from);
    if (this.nextCdEnd < to) {
      // ']]>' may begin in this text and end past it only when the text ends the buffer.
      throw new ScanError(']]> in text');
    }
    if (this.depth === 0) {
      for (let i = from; i < to; i++) if (!isSpace(buf.charCodeAt(i))) throw new ScanError('text');
      return;
    }
    if (this.nextCr < from) this.nextCr = nextOf(buf, '\r', from);
    this.decoded = this.ampFrom(from) < to || this.nextCr < to ? textOf(buf.slice(from, to)) : null;
    this.textFrom = from;
    this.textTo = to;
    this.h.text(this);
    this.decoded = null;
  }

  private scan(buf: string): void {
    let pos = 0;
    const n = buf.length;
    // Skipping a comment or CDATA section that began in an earlier chunk.
    if (this.mode !== Mode.Normal) {
      const end = this.mode === Mode.Comment ? commentEnd(buf, 0) : cdataEnd(buf, 0);
      if (end < 0) {
        this.pending = buf.slice(Math.max(0, n - 2));
        return;
      }
      pos = end;
      this.mode = Mode.Normal;
    }
    while (pos < n) {
      // Markup mostly follows markup at once ('<c …><v>', '</v></c>'): no search needed then.
      const lt = buf.charCodeAt(pos) === 60 ? pos : this.ltFrom(pos);
      if (lt >= n) {
        // Text to the end of the chunk: keep back a split entity or a CR that may precede LF.
        let keep = n;
        const amp = buf.lastIndexOf('&');
        if (amp >= pos && buf.indexOf(';', amp) < 0) keep = amp;
        // A CR that may precede LF, and "]]" that may precede ">" (not allowed in text).
        while (
          keep > pos &&
          n - keep < 2 &&
          (buf.charCodeAt(keep - 1) === 13 || buf.charCodeAt(keep - 1) === 93)
        )
          keep--;
        if (n - keep > 16) throw new ScanError('entity');
        if (keep > pos) this.textPiece(pos, keep);
        this.pending = buf.slice(keep);
        return;
      }
      if (lt > pos) this.textPiece(pos, lt);
      pos = lt;
      const next = this.markup(buf, lt);
      if (next < 0) {
        // The markup runs past this chunk.
        if (this.mode === Mode.Normal) {
          if (n - lt > MAX_TOKEN) throw new ScanError('token too long');
          this.pending = buf.slice(lt);
        } else this.pending = buf.slice(Math.max(this.skipFrom, n - 2));
        return;
      }
      pos = next;
    }
  }

  /** Reads the markup at `lt`; returns the position after it, or -1 when it is not complete. */
  private markup(buf: string, lt: number): number {
    const n = buf.length;
    if (lt + 1 >= n) return -1;
    const c = buf.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      // The usual close tag, '</' + the open element's name + '>', is matched without a search.
      const depth0 = this.depth;
      if (depth0 > 0) {
        const top = this.stack[depth0 - 1];
        const end = lt + 2 + top.length;
        if (buf.charCodeAt(end) === 62 && sameAs(buf, lt + 2, top)) {
          this.depth = depth0 - 1;
          this.h.close(this.locals[depth0 - 1]);
          return end + 1;
        }
      }
      const gt = buf.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      let e = gt;
      while (e > lt + 2 && isSpace(buf.charCodeAt(e - 1))) e--;
      const depth = this.depth;
      const top = depth === 0 ? '' : this.stack[depth - 1];
      if (depth === 0 || e - lt - 2 !== top.length || !buf.startsWith(top, lt + 2))
        throw new ScanError('mismatched');
      this.depth = depth - 1;
      this.h.close(this.locals[depth - 1]);
      return gt + 1;
    }
    if (c === 63 /* ? */) {
      const end = buf.indexOf('?>', lt + 2);
      if (end < 0) return -1;
      // A processing instruction needs a target; <?xml …?> only as the very first thing.
      let e = lt + 2;
      while (e < end && !isSpace(buf.charCodeAt(e))) e++;
      if (!NAME.test(buf.slice(lt + 2, e))) throw new ScanError('processing instruction');
      if (e - lt === 5 && buf.slice(lt + 2, e).toLowerCase() === 'xml' && (this.seen || lt !== 0))
        throw new ScanError('xml declaration');
      this.seen = true;
      return end + 2;
    }
    this.seen = true;
    if (c === 33 /* ! */) return this.bang(buf, lt);
    return this.openTag(buf, lt);
  }

  private bang(buf: string, lt: number): number {
    const n = buf.length;
    if (n - lt < 4) return -1;
    if (buf.startsWith('<!--', lt)) {
      const end = commentEnd(buf, lt + 4);
      if (end >= 0) return end;
      this.mode = Mode.Comment;
      this.skipFrom = lt + 4;
      return -1;
    }
    if (n - lt < 9) return -1;
    if (buf.startsWith('<![CDATA[', lt)) {
      if (this.depth === 0) throw new ScanError('cdata');
      const end = cdataEnd(buf, lt + 9);
      if (end >= 0) return end;
      this.mode = Mode.Cdata;
      this.skipFrom = lt + 9;
      return -1;
    }
    if (buf.startsWith('<!DOCTYPE', lt)) {
      if (this.rootSeen) throw new ScanError('doctype');
      // An internal subset's declarations are skipped, never used: its entities stay unknown.
      const open = buf.indexOf('[', lt);
      const gt0 = buf.indexOf('>', lt);
      if (gt0 < 0) return -1;
      if (open >= 0 && open < gt0) {
        const close = buf.indexOf(']', open);
        if (close < 0) return -1;
        const gt = buf.indexOf('>', close);
        return gt < 0 ? -1 : gt + 1;
      }
      return gt0 + 1;
    }
    throw new ScanError('markup');
  }

  /**
   * The element name at [from, to), checked once and then found again without a new string (a
   * sheet has a few dozen names and hundreds of thousands of tags). Sets lastLocal.
   */
  private nameAt(buf: string, from: number, to: number): string {
    const len = to - from;
    if (len === 1) {
      const c = buf.charCodeAt(from);
      if (c < 128) {
        if (!ONE_CHAR_NAME[c]) throw new ScanError('name');
        const name = ONE_CHAR[c];
        this.lastLocal = name;
        return name;
      }
    }
    const known = this.known;
    for (let k = 0; k < known.length; k++) {
      const name = known[k];
      if (name.length === len && buf.startsWith(name, from)) {
        this.lastLocal = this.knownLocals[k];
        return name;
      }
    }
    const sliced = buf.slice(from, to);
    const name = XLSX_NAMES.get(sliced) ?? sliced;
    if (!this.names.has(name)) {
      if (!NAME.test(name)) throw new ScanError('name');
      if (known.length < XLSX_NAMES.size + KNOWN_NAMES) {
        known.push(name);
        this.knownLocals.push(canonicalLocal(name));
      } else this.names.add(name);
    }
    this.lastLocal = canonicalLocal(name);
    return name;
  }

  private openTag(buf: string, lt: number): number {
    const n = buf.length;
    let i = lt + 1;
    for (; i < n; i++) {
      const c = buf.charCodeAt(i);
      if (c >= 128) continue;
      const kind = NAME_END[c];
      if (kind === END) break;
      if (kind === BAD) throw new ScanError('name');
    }
    if (i >= n) return -1;
    if (i === lt + 1) throw new ScanError('name');
    const name = this.nameAt(buf, lt + 1, i);
    const local = this.lastLocal;
    this.attrCount = 0;
    this.rAt = this.sAt = this.tAt = -1;
    for (;;) {
      const start = i;
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = buf.charCodeAt(i);
      if (c === 62 /* > */ || c === 47 /* / */) {
        let selfClosing = false;
        if (c === 47) {
          if (i + 1 >= n) return -1;
          if (buf.charCodeAt(i + 1) !== 62) throw new ScanError('tag');
          selfClosing = true;
          i++;
        }
        if (this.depth === 0) {
          if (this.rootSeen) throw new ScanError('second root');
          this.rootSeen = true;
        }
        if (selfClosing) {
          this.h.open(local, this);
          this.h.close(local);
        } else {
          this.stack[this.depth] = name;
          this.locals[this.depth] = local;
          this.depth++;
          this.h.open(local, this);
        }
        return i + 1;
      }
      if (i === start) throw new ScanError('attribute');
      i = this.attribute(buf, i);
      if (i < 0) return -1;
    }
  }

  /**
   * Reads one `name = "value"` at `a` and notes its positions; returns the position after it, or
   * -1 when it runs past the buffer. A name: ASCII letters, digits, . - _ : (not leading with a
   * digit, . or -), or any non-ASCII character.
   */
  private attribute(buf: string, a: number): number {
    const n = buf.length;
    const f = buf.charCodeAt(a);
    if ((f >= 48 && f <= 57) || f === 46 || f === 45) throw new ScanError('attribute');
    let i = a;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c < 128 && !ATTR_NAME_CHAR[c]) break;
      i++;
    }
    if (i >= n) return -1;
    const nameEnd = i;
    if (nameEnd === a) throw new ScanError('attribute');
    while (i < n && isSpace(buf.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (buf.charCodeAt(i) !== 61 /* = */) throw new ScanError('attribute');
    i++;
    while (i < n && isSpace(buf.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const q = buf.charCodeAt(i);
    if (q !== 34 && q !== 39) throw new ScanError('attribute');
    // The value, read here (values are short): '<' is an error, an entity is checked now.
    const from = i + 1;
    let amp = false;
    for (i = from; i < n; i++) {
      const c = buf.charCodeAt(i);
      if (c === q) break;
      if (c === 60) throw new ScanError('< in attribute');
      if (c === 38) amp = true;
    }
    if (i >= n) return -1;
    if (amp) decodeEntities(buf.slice(from, i));
    this.note(a, nameEnd, from, i);
    return i + 1;
  }

  /** Notes an attribute's positions; a name already on the tag is an error. */
  private note(nameFrom: number, nameTo: number, valueFrom: number, valueTo: number): void {
    const a = this.attrs;
    const buf = this.buf;
    const k = this.attrCount * 4;
    const len = nameTo - nameFrom;
    if (this.attrCount < FEW_ATTRIBUTES) {
      for (let j = 0; j < k; j += 4) {
        if (a[j + 1] - a[j] === len && sameChars(buf, a[j], nameFrom, len)) {
          throw new ScanError('repeated attribute');
        }
      }
    } else {
      if (this.attrCount === FEW_ATTRIBUTES) {
        this.attrNames.clear();
        for (let j = 0; j < k; j += 4) this.attrNames.add(buf.slice(a[j], a[j + 1]));
      }
      const name = buf.slice(nameFrom, nameTo);
      if (this.attrNames.has(name)) throw new ScanError('repeated attribute');
      this.attrNames.add(name);
    }
    if (len === 1) {
      // A cell's r, s and t, found again without a search.
      const c = buf.charCodeAt(nameFrom);
      if (c === 114) this.rAt = k;
      else if (c === 115) this.sAt = k;
      else if (c === 116) this.tAt = k;
    }
    a[k] = nameFrom;
    a[k + 1] = nameTo;
    a[k + 2] = valueFrom;
    a[k + 3] = valueTo;
    this.attrCount++;
  }
}
