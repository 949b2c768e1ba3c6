/**
 * Merged areas' references as a worksheet writes them ('A1:B3', and the odd ways some writers
 * do), for ./sheet.ts.
 */
import type { MergedArea } from '../core/types';

/** 'AB12' → [12, 28]; null when it is no cell reference. */
export function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return [row, col];
}

/** A merged area's `ref` ('A1:B3'); plain references are read from the characters. */
export function parseRange(ref: string): MergedArea | null {
  return plainRange(ref) ?? oddRange(ref);
}

/** 'A1:B3' or 'A1' written plainly (letters, then digits); null for anything else. */
function plainRange(ref: string): MergedArea | null {
  const top = plainRef(ref, 0);
  if (top < 0) return null;
  const left = refColumn;
  let bottom = top;
  let right = left;
  if (refEnd < ref.length) {
    if (ref.charCodeAt(refEnd) !== 58 /* : */) return null;
    bottom = plainRef(ref, refEnd + 1);
    if (bottom < 0 || refEnd !== ref.length) return null;
    right = refColumn;
  }
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** Where the reference plainRef read last ends, and its column. */
let refEnd = 0;
let refColumn = 0;

/** The row of the plain reference at `from` ('AB12…' → 12; refColumn 28), or -1. */
function plainRef(ref: string, from: number): number {
  let i = from;
  let col = 0;
  for (; i < ref.length && i - from <= 3; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === from || i - from > 3) return -1;
  const digits = i;
  let row = 0;
  for (; i < ref.length && i - digits < 8; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (i === digits || row < 1) return -1;
  refEnd = i;
  refColumn = col;
  return row;
}

/** Any other way of writing a range ('$A$1:$B$3', ' a1 ', 'A1:B2:C3'), read as Excel's files allow. */
function oddRange(ref: string): MergedArea | null {
  const [a, b = a] = ref.replace(/\$/g, '').trim().split(':');
  const p = parseRef(a);
  const q = parseRef(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p[0], q[0]),
    left: Math.min(p[1], q[1]),
    bottom: Math.max(p[0], q[0]),
    right: Math.max(p[1], q[1]),
  };
}
