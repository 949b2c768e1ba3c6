/**
 * A hand-written, streaming XML scanner for worksheet parts, in place of saxes for the one part
 * that is large (the reader's own cost was mostly saxes's per-character state machine and its
 * per-tag attribute objects). It reports the same events the reader used from saxes (open tag,
 * text, close tag), with no object per tag: the attributes the reader needs are left in fields.
 *
 * Linear and bounded: every search is an indexOf from where the last one stopped; a tag, a
 * processing instruction or a DOCTYPE may not run past MAX_TOKEN characters (text, comments and
 * CDATA sections are streamed, never held). Malformed XML throws ScanError, which the reader
 * turns into its plain "damaged" sentence: mismatched or unclosed tags, text or a second element
 * outside the root, a character XML does not allow, an unknown entity (no DTD entity is ever
 * expanded), '<' in an attribute value. CDATA content is skipped, as the reader skipped saxes's
 * cdata events; line ends in text are normalised (CR LF and CR to LF) as XML requires.
 */

export class ScanError extends Error {}

/** Longest tag, processing instruction or DOCTYPE held while waiting for its end. */
export const MAX_TOKEN = 1024 * 1024;

export interface ScanHandler {
  /** `name` is the local name (prefix dropped). The tag's attributes are in the scanner's fields. */
  open(name: string, scanner: SheetScanner): void;
  text(s: string): void;
  close(name: string): void;
}

/** Characters XML 1.0 does not allow (lone surrogates are let through, as by TextDecoder's U+FFFD). */
// eslint-disable-next-line no-control-regex -- these are the characters refused
const BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** An XML name, near enough (letters of any script, digits, . - _ :; not starting with a digit). */
const NAME = /^[A-Za-z_:\u00C0-\uFFFD][\w.:\-\u00B7\u00C0-\uFFFD]*$/;
const ONE_CHAR = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
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

/** A cell's t attribute: the usual values as constants, so no new string per cell stays behind. */
function cellType(raw: string): string {
  switch (raw) {
    case 's':
      return 's';
    case 'n':
      return 'n';
    case 'str':
      return 'str';
    case 'inlineStr':
      return 'inlineStr';
    case 'b':
      return 'b';
    case 'e':
      return 'e';
    default:
      return decodeEntities(raw);
  }
}

function dup(): never {
  throw new ScanError('repeated attribute');
}

/** An attribute name: ASCII letters, digits, . - _ : (not leading with a digit, . or -), or any non-ASCII. */
function isNameAt(buf: string, from: number, to: number): boolean {
  const f = buf.charCodeAt(from);
  if ((f >= 48 && f <= 57) || f === 46 || f === 45) return false;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c >= 128) continue;
    if ((c | 0x20) >= 97 && (c | 0x20) <= 122) continue;
    if ((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95 || c === 58) continue;
    return false;
  }
  return true;
}

/** What the scanner is inside of when a chunk ends. */
const Mode = { Normal: 0, Comment: 1, Cdata: 2 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

export class SheetScanner {
  /** Attributes of the tag being opened, by exact name (`r`, `t`, `s`) and by local name (`ref`). */
  r: string | undefined = undefined;
  t: string | undefined = undefined;
  s: string | undefined = undefined;
  ref: string | undefined = undefined;

  private pending = '';
  private mode: Mode = Mode.Normal;
  private stack: string[] = [];
  /** Local names of the open elements. */
  private locals: string[] = [];
  /** Element names already found well formed. */
  private names = new Set<string>();
  private rootSeen = false;
  /** Where the content of a comment or CDATA section that runs past the chunk begins. */
  private skipFrom = 0;
  /** Anything read yet (the XML declaration may only come first). */
  private seen = false;

  constructor(private readonly h: ScanHandler) {}

  write(chunk: string): void {
    if (BAD_CHAR.test(chunk)) throw new ScanError('character');
    const buf = this.pending === '' ? chunk : this.pending + chunk;
    this.pending = '';
    this.scan(buf);
  }

  close(): void {
    if (this.pending !== '' || this.mode !== Mode.Normal) throw new ScanError('unfinished');
    if (this.stack.length !== 0 || !this.rootSeen) throw new ScanError('unclosed');
  }

  /** Text between markup: delivered when inside the root, else it must be white space. */
  private text(raw: string): void {
    this.seen = true;
    if (raw.indexOf(']]>') >= 0) throw new ScanError(']]> in text');
    if (this.stack.length === 0) {
      for (let i = 0; i < raw.length; i++) if (!isSpace(raw.charCodeAt(i))) throw new ScanError('text');
      return;
    }
    this.h.text(textOf(raw));
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
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
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
        if (keep > pos) this.text(buf.slice(pos, keep));
        this.pending = buf.slice(keep);
        return;
      }
      if (lt > pos) this.text(buf.slice(pos, lt));
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
      const gt = buf.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      let e = gt;
      while (e > lt + 2 && isSpace(buf.charCodeAt(e - 1))) e--;
      const depth = this.stack.length;
      const top = depth === 0 ? '' : this.stack[depth - 1];
      if (depth === 0 || e - lt - 2 !== top.length || !buf.startsWith(top, lt + 2))
        throw new ScanError('mismatched');
      this.stack.pop();
      this.h.close(this.locals.pop()!);
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
      if (this.stack.length === 0) throw new ScanError('cdata');
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

  /** The element name at [from, to), without a new string for the names of every cell. */
  private nameAt(buf: string, from: number, to: number): string {
    const len = to - from;
    if (len === 1) {
      const c = buf.charCodeAt(from);
      if (c < 128) return ONE_CHAR[c];
    } else if (len === 3 && buf.startsWith('row', from)) return 'row';
    return buf.slice(from, to);
  }

  private openTag(buf: string, lt: number): number {
    const n = buf.length;
    let i = lt + 1;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 62 || c === 47 || isSpace(c)) break;
      if (c === 60 || c === 61 || c === 34 || c === 39) throw new ScanError('name');
      i++;
    }
    if (i >= n) return -1;
    if (i === lt + 1) throw new ScanError('name');
    const name = this.nameAt(buf, lt + 1, i);
    if (!this.names.has(name)) {
      if (!NAME.test(name)) throw new ScanError('name');
      this.names.add(name);
    }
    this.r = this.t = this.s = this.ref = undefined;
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
        if (this.stack.length === 0) {
          if (this.rootSeen) throw new ScanError('second root');
          this.rootSeen = true;
        }
        const local = name.length === 1 ? name : localName(name);
        if (selfClosing) {
          this.h.open(local, this);
          this.h.close(local);
        } else {
          this.stack.push(name);
          this.locals.push(local);
          this.h.open(local, this);
        }
        return i + 1;
      }
      if (i === start) throw new ScanError('attribute');
      // name = "value"
      const a = i;
      while (i < n) {
        const d = buf.charCodeAt(i);
        if (d === 61 || isSpace(d) || d === 62 || d === 47 || d === 60 || d === 34 || d === 39) break;
        i++;
      }
      if (i >= n) return -1;
      const attrEnd = i;
      if (attrEnd === a || !isNameAt(buf, a, attrEnd)) throw new ScanError('attribute');
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (buf.charCodeAt(i) !== 61) throw new ScanError('attribute');
      i++;
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const q = buf.charCodeAt(i);
      if (q !== 34 && q !== 39) throw new ScanError('attribute');
      const close = buf.indexOf(q === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      const raw = buf.slice(i + 1, close);
      if (raw.indexOf('<') >= 0) throw new ScanError('attribute');
      i = close + 1;
      const len = attrEnd - a;
      const first = buf.charCodeAt(a);
      if (len === 1) {
        // (A repeated attribute is an error; checked for the ones read.)
        if (first === 114) this.r = this.r === undefined ? decodeEntities(raw) : dup();
        else if (first === 116) this.t = this.t === undefined ? cellType(raw) : dup();
        else if (first === 115) this.s = this.s === undefined ? decodeEntities(raw) : dup();
        else if (raw.indexOf('&') >= 0) decodeEntities(raw);
      } else if (buf.startsWith('ref', attrEnd - 3) && (len === 3 || buf.charCodeAt(attrEnd - 4) === 58)) {
        if (len === 3 && this.ref !== undefined) dup();
        this.ref = decodeEntities(raw);
      } else if (raw.indexOf('&') >= 0) decodeEntities(raw);
    }
  }
}
