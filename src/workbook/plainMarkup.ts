/**
 * A worksheet's plainest markup read by hand, for ./sheet.ts: a cell written as
 * `<c r="B3" s="1" t="s"><v>15</v></c>` (or `<c …/>`, `<c …></c>`), a row's start `<row r="4" …>`
 * and merged areas `<mergeCell ref="A1:B2"/>`. Each reader returns where the markup ends, or -1
 * when it is anything but plain (an entity, a CR or a tab in a value, a quote other than ",
 * space other than one ' ' before each attribute, an unknown attribute on a cell, a formula, an
 * inline string, a tag cut by the end of the piece…): the caller then hands that markup to the
 * strict scanner, which reads (or refuses) it as always. So nothing is accepted here that the
 * scanner would refuse, and what is read means what the scanner's events would have meant
 * (tests/workbook/plainMarkup.test.ts compares the two on every form).
 *
 * Why by hand (measured at 10k rows): the scanner reports five events per cell through a
 * handler, and most of a 10k-row sheet goes by before V8 has compiled that chain of calls; one
 * loop over plain cells is compiled (on-stack) within the first few hundred rows.
 */
import type { MergedArea } from '../core/types';
import { ATTR_NAME_CHAR, digitsAt, sameChars } from './sheetScanner';

/**
 * A plain merged area at lastIndex (sticky): `<mergeCell ref="…"/>` with one reference or two
 * joined by ':', each 1–3 letters of either case and 1–15 digits (as the scanner's cellRef() reads
 * one). Anything else is left to the scanner.
 */
const MERGE_CELL = /<mergeCell ref="([A-Za-z]{1,3})([0-9]{1,15})(?::([A-Za-z]{1,3})([0-9]{1,15}))?"\/>/y;

/** 'A' → 1, 'xfd' → 16384: the column of 1–3 letters of either case (MERGE_CELL's capture). */
function lettersColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}

/** More attributes than this on a tag: left to the scanner. */
const MAX_ATTRIBUTES = 16;

/** Where `what` next occurs at or after `from`; the text's length when nowhere. */
function nextOf(text: string, what: string, from: number): number {
  const i = text.indexOf(what, from);
  return i < 0 ? text.length : i;
}

/**
 * The cell type written at `at` up to a closing quote, as the scanner's cellType() gives it; ''
 * for any other value (left to the scanner).
 */
function cellType(s: string, at: number): string {
  if (s.charCodeAt(at + 1) === 34 /* " */) {
    switch (s.charCodeAt(at)) {
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
  } else if (s.startsWith('str"', at)) return 'str';
  return '';
}

export class PlainMarkup {
  private piece = '';
  /** The next '&', CR and ']]>' at or after the last position asked about (as in the scanner). */
  private nextAmp = -1;
  private nextCr = -1;
  private nextCdEnd = -1;
  /** The attribute names of the row start read last: from, to. */
  private readonly attrs: number[] = new Array<number>(MAX_ATTRIBUTES * 2).fill(0);

  /** What the cell read last says (`row` 0: no reference), or the row start's `r` (0: none). */
  row = 0;
  column = 0;
  type = 'n';
  style = 0;
  /** The cell's <v> text, [valueFrom, valueTo); valueFrom -1 when the cell has no <v>. */
  valueFrom = -1;
  valueTo = -1;
  /** The cell's <v> as a number when it is 1–15 plain digits; else -1. */
  number = -1;

  /** A new piece of text (positions then only grow until the next). */
  reset(piece: string): void {
    this.piece = piece;
    this.nextAmp = this.nextCr = this.nextCdEnd = -1;
  }

  /**
   * The cell at `p` ('<c'); returns the position after it, or -1. Its attributes may only be
   * r, s and t, each once, written ` r="…"`; their values are read strictly as they are scanned (a
   * reference, digits, a known type, then the closing quote), so no entity, '<' or white space can
   * hide in them. A <v> of plain digits is read as a number on the way (`number`; else -1).
   */
  cell(p: number): number {
    const s = this.piece;
    let i = p + 2;
    let row = 0;
    let column = 0;
    let type = 'n';
    let style = 0;
    let seen = 0;
    while (s.charCodeAt(i) === 32) {
      const name = s.charCodeAt(i + 1);
      if (s.charCodeAt(i + 2) !== 61 /* = */ || s.charCodeAt(i + 3) !== 34 /* " */) return -1;
      let j = i + 4;
      if (name === 114 /* r */ && !(seen & 1)) {
        // As the scanner's cellRef() reads a plain reference: 1–3 letters, then the row's digits.
        const from = j;
        for (; ; j++) {
          const c = s.charCodeAt(j) | 0x20;
          if (c < 97 || c > 122) break;
          column = column * 26 + (c - 96);
        }
        if (j === from || j - from > 3) return -1;
        const digits = j;
        for (; ; j++) {
          const d = s.charCodeAt(j) - 48;
          if (!(d >= 0 && d <= 9)) break;
          row = row * 10 + d;
        }
        if (j === digits || j - digits > 15 || row < 1) return -1;
        seen |= 1;
      } else if (name === 115 /* s */ && !(seen & 2)) {
        const from = j;
        for (; ; j++) {
          const d = s.charCodeAt(j) - 48;
          if (!(d >= 0 && d <= 9)) break;
          style = style * 10 + d;
        }
        if (j === from || j - from > 15) return -1;
        seen |= 2;
      } else if (name === 116 /* t */ && !(seen & 4)) {
        type = cellType(s, j);
        if (type === '') return -1;
        j += type.length;
        seen |= 4;
      } else return -1;
      if (s.charCodeAt(j) !== 34) return -1;
      i = j + 1;
    }
    let valueFrom = -1;
    let valueTo = -1;
    let number = -1;
    const c = s.charCodeAt(i);
    if (c === 47 /* / */) {
      if (s.charCodeAt(i + 1) !== 62) return -1;
      i += 2;
    } else if (c !== 62 /* > */) return -1;
    else if (s.startsWith('</c>', i + 1)) i += 5;
    else if (s.startsWith('<v>', i + 1)) {
      valueFrom = i + 4;
      let j = valueFrom;
      let n = 0;
      for (; ; j++) {
        const d = s.charCodeAt(j) - 48;
        if (!(d >= 0 && d <= 9)) break;
        n = n * 10 + d;
      }
      if (s.charCodeAt(j) === 60 /* < */) {
        // Plain digits (1–15 of them: exact as a number), or none.
        if (j > valueFrom && j - valueFrom <= 15) number = n;
      } else {
        j = s.indexOf('<', j);
        if (j < 0 || !this.plainText(valueFrom, j)) return -1;
      }
      valueTo = j;
      if (!s.startsWith('</v></c>', j)) return -1;
      i = j + 8;
    } else return -1;
    this.row = row;
    this.column = column;
    this.type = type;
    this.style = style;
    this.valueFrom = valueFrom;
    this.valueTo = valueTo;
    this.number = number;
    return i;
  }

  /**
   * Plain merged areas from `p` on (`<mergeCell ref="A1:B2"/>`, or one cell's reference), white
   * space between them, each pushed to `areas` while it lies within maxRow × maxColumn and
   * `areas` holds fewer than maxAreas. Returns where the first other markup begins (or a merged
   * area past a limit, which the scanner's path then refuses with its sentence).
   *
   * Each area is matched by one regular expression (MERGE_CELL), not read character by character:
   * the loop then runs little JavaScript per area, and V8 no longer compiles it with two inlined
   * reference readers (about 6 ms of compiling at 10k rows, mostly finished after the last area;
   * telling V8 never to optimise that loop saved 7–13 ms at 10k rows and nothing was lost at 50k).
   */
  mergeCells(p: number, areas: MergedArea[], maxRow: number, maxColumn: number, maxAreas: number): number {
    const s = this.piece;
    const n = s.length;
    const re = MERGE_CELL;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c !== 60 /* < */) {
        if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return p;
        p++;
        continue;
      }
      re.lastIndex = p;
      const m = re.exec(s);
      if (m === null) return p;
      let top = Number(m[2]);
      let left = lettersColumn(m[1]);
      let bottom = top;
      let right = left;
      if (top < 1) return p;
      if (m[3] !== undefined) {
        const lastRow = Number(m[4]);
        const lastColumn = lettersColumn(m[3]);
        if (lastRow < 1) return p;
        // Written either way round ('B2:A1'), as parseRange takes it.
        if (lastRow < top) top = lastRow;
        else bottom = lastRow;
        if (lastColumn < left) left = lastColumn;
        else right = lastColumn;
      }
      if (bottom > maxRow || right > maxColumn || areas.length >= maxAreas) return p;
      areas.push({ top, left, bottom, right });
      p = re.lastIndex;
    }
    return p;
  }

  /**
   * A row's start tag at `p` (`<row`, not self-closing); returns the position after it, or -1.
   * Its attributes run to the tag's end, each one space and `name="value"`; only `r` is used
   * (`row`, 0 when there is none). A name is ASCII as the scanner allows it; a value holds no '<'
   * (the scanner refuses it), '&' or tab, LF or CR (the scanner decodes or normalises them); a
   * repeated name is left to the scanner too.
   *
   * One method where there were two (the row start and its attribute reader): neutral within
   * the noise at 10k rows (50 interleaved runs), kept because it reads more simply.
   */
  rowStart(p: number): number {
    const s = this.piece;
    if (!s.startsWith('<row', p)) return -1;
    const n = s.length;
    const a = this.attrs;
    let count = 0;
    let rFrom = -1;
    let rTo = -1;
    for (let i = p + 4; ;) {
      if (i >= n) return -1;
      let c = s.charCodeAt(i);
      if (c === 62 /* > */) {
        const row = rFrom < 0 ? 0 : digitsAt(s, rFrom, rTo);
        if (rFrom >= 0 && row < 1) return -1;
        this.row = row;
        return i + 1;
      }
      if (c !== 32 || count === MAX_ATTRIBUTES) return -1;
      const nameFrom = ++i;
      c = s.charCodeAt(i);
      if ((c >= 48 && c <= 57) || c === 46 || c === 45) return -1;
      while (i < n) {
        c = s.charCodeAt(i);
        if (c >= 128 || !ATTR_NAME_CHAR[c]) break;
        i++;
      }
      const nameTo = i;
      if (nameTo === nameFrom || c !== 61 /* = */ || s.charCodeAt(i + 1) !== 34 /* " */) return -1;
      const valueFrom = i + 2;
      for (i = valueFrom; i < n; i++) {
        c = s.charCodeAt(i);
        if (c === 34) break;
        if (c === 60 || c === 38 || c < 32) return -1;
      }
      if (i >= n) return -1;
      const len = nameTo - nameFrom;
      const k = count * 2;
      for (let j = 0; j < k; j += 2) {
        if (a[j + 1] - a[j] === len && sameChars(s, a[j], nameFrom, len)) return -1;
      }
      a[k] = nameFrom;
      a[k + 1] = nameTo;
      count++;
      if (len === 1 && s.charCodeAt(nameFrom) === 114 /* r */) {
        rFrom = valueFrom;
        rTo = i;
      }
      i++;
    }
  }

  /** True when [from, to) holds no '&', CR or ']]>' (text the scanner decodes, normalises or refuses). */
  private plainText(from: number, to: number): boolean {
    const s = this.piece;
    if (this.nextAmp < from) this.nextAmp = nextOf(s, '&', from);
    if (this.nextCr < from) this.nextCr = nextOf(s, '\r', from);
    if (this.nextCdEnd < from) this.nextCdEnd = nextOf(s, ']]>', from);
    return this.nextAmp >= to && this.nextCr >= to && this.nextCdEnd >= to;
  }
}
