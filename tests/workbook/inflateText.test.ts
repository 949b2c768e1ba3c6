/**
 * inflateText cuts a large part into pieces and decodes each without TextDecoder's streaming mode
 * where it can (src/workbook/zip.ts): the text must come out exactly as one decode of the whole
 * part would give it, wherever the cuts fall — inside Chinese text, in a long run with no ASCII
 * byte near the cut, on broken UTF-8 — with Node's zlib and with fflate alike.
 */
import { zipSync } from 'fflate';
import { nativeInflate } from '../../src/cli/workbook';
import { LIMITS } from '../../src/workbook';
import { inflateText, listZipEntries, useInflater } from '../../src/workbook/zip';

const MB = 1024 * 1024;

/** About 17 MB of sheet-like bytes with awkward runs placed across the 8 MB and 16 MB marks. */
function awkwardBytes(): Uint8Array {
  const parts: Buffer[] = [];
  let size = 0;
  const add = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  const markup = Buffer.from('<c r="A1" t="s"><v>17</v></c><c r="B1" t="str"><v>整改措施</v></c>');
  const fill = (to: number) => {
    while (size + markup.length <= to) add(markup);
  };
  // Chinese text (3 bytes a character) straddling the first cut, with no '>' for 8 KB before it.
  fill(8 * MB - 6000);
  add(Buffer.from('落实'.repeat(2000)));
  // A run of 40 KB with no ASCII byte at all straddling the second cut, then broken sequences.
  fill(16 * MB - 20_000);
  add(Buffer.from('整'.repeat(40_000 / 3)));
  add(Buffer.from([0xe6, 0x95, 0x3e, 0xe6, 0x80, 0xf0, 0x9f, 0x98, 0xe6]));
  add(Buffer.from('</v>'));
  fill(17 * MB);
  // A part that ends in the middle of a character.
  add(Buffer.from([0xe6, 0x95]));
  return Buffer.concat(parts, size);
}

function textOf(bytes: Uint8Array): string[] {
  const zip = zipSync({ 'xl/worksheets/sheet1.xml': [bytes, { level: 1 }] });
  const entries = listZipEntries(zip)!;
  const entry = entries.get('xl/worksheets/sheet1.xml')!;
  expect(entry.method).toBe(8);
  const pieces: string[] = [];
  inflateText(zip, entry, LIMITS.maxSheetBytes, LIMITS, 'x.xlsx', (t) => pieces.push(t));
  return pieces;
}

describe('inflateText', () => {
  const bytes = awkwardBytes();
  const whole = new TextDecoder().decode(bytes);

  afterAll(() => useInflater(nativeInflate));

  it('gives the one-shot decode of the whole part, in several pieces, with Node zlib', () => {
    useInflater(nativeInflate);
    const pieces = textOf(bytes);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.join('') === whole).toBe(true);
    expect(whole.endsWith('\uFFFD')).toBe(true);
  });

  it('gives the same with fflate', () => {
    useInflater(null);
    expect(textOf(bytes).join('') === whole).toBe(true);
  });
});
