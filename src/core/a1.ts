/** A1-address helpers shared by the engine's mark layout, the Office.js host and the in-memory Excel. Pure. */
import { columnLetter, columnNumber } from './grid';
import type { MergedArea } from './types';

/** 'A5:L7', 'E9', 'C:C', '6:6', '$A$5:$L$7', "'台账'!A5:L7" → 1-based rectangle; null when not an address. */
export function parseArea(address: string): MergedArea | null {
  const bang = address.lastIndexOf('!');
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(local);
  if (cols) {
    const [l, r] = [columnNumber(cols[1]), columnNumber(cols[2])];
    return { top: 1, bottom: 1048576, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) {
    const [t, b] = [Number(rows[1]), Number(rows[2])];
    return { top: Math.min(t, b), bottom: Math.max(t, b), left: 1, right: 16384 };
  }
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local);
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

/** Every rectangle in a RangeAreas address such as "Sheet1!A1:B4, 'a,b'!D1:D4". */
export function parseAreaList(address: string): MergedArea[] {
  const out: MergedArea[] = [];
  const re = /(?:^|!|,\s*)\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?=\s*,|\s*$)/g;
  for (const m of address.matchAll(re)) {
    const a = parseArea(m[4] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`);
    if (a) out.push(a);
  }
  return out;
}

export function formatArea(a: MergedArea): string {
  const tl = `${columnLetter(a.left)}${a.top}`;
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom}`;
}

/** A sheet name as a formula or reference needs it: always quoted, inner quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The sheet a reference or a name's formula points at: "='逾期 清单'!$A$1" → "逾期 清单"; else null. */
export function sheetOfReference(reference: string): string | null {
  const ref = reference.startsWith('=') ? reference.slice(1) : reference;
  const bang = ref.lastIndexOf('!');
  if (bang <= 0) return null;
  const part = ref.slice(0, bang);
  if (part.startsWith("'") && part.endsWith("'")) return part.slice(1, -1).replace(/''/g, "'");
  // '=#REF!' is a name whose sheet was deleted (a sheet named so would be quoted).
  return part.startsWith('#') ? null : part;
}

export function intersects(a: MergedArea, b: MergedArea): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
