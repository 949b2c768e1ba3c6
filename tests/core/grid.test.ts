import fc from 'fast-check';
import { cellText } from '../../src/core/grid';

/** Every character ECMAScript's trim() removes (WhiteSpace and LineTerminator), and near misses. */
const EDGES = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\u3001',
  '\uff01',
  '\uff5e',
  '\uff61',
  '~',
  '!',
  '一',
  '鿿',
  '㐀',
  'a',
  '。',
  '（',
  '）',
];

describe('cellText', () => {
  test('reads a text cell as String.prototype.trim does, with or without its fast path', () => {
    const edge = fc.constantFrom(...EDGES);
    const text = fc
      .tuple(
        fc.array(edge, { maxLength: 3 }),
        fc.string({ unit: 'grapheme', maxLength: 8 }),
        fc.array(edge, { maxLength: 3 }),
      )
      .map(([a, middle, b]) => a.join('') + middle + b.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(cellText({ type: 'text', value })).toBe(value.trim());
        expect(cellText({ type: 'date', value })).toBe(value.trim());
      }),
      { numRuns: 2000 },
    );
  });

  test('numbers, flags and empty cells', () => {
    expect(cellText({ type: 'number', value: 12 })).toBe('12');
    expect(cellText({ type: 'boolean', value: true })).toBe('TRUE');
    expect(cellText({ type: 'empty', value: null })).toBe('');
    expect(cellText(undefined)).toBe('');
  });
});
