/**
 * What is not a plan is refused with one plain Chinese sentence, and any text is read (or refused)
 * in time linear in its length.
 */
import fc from 'fast-check';
import { parseRectificationDoc } from '../../src/core/import/parse';
import { officialPunctuation } from '../../src/core/text/punctuation';
import {
  MAX_TEXT_CHARS,
  REFUSE_BINARY,
  REFUSE_CELL_TOO_LONG,
  REFUSE_NOT_CHINESE,
  REFUSE_TOO_LARGE,
  segmentLines,
} from '../../src/core/import/segment';

const PLAN =
  '整改方案\n一、存在问题\n1.台账不全。整改措施:补齐台账。责任单位:办公室。整改时限:2024年6月底。\n';

function randomBytesAsText(n: number, seed: number): string {
  // A deterministic pseudo-random byte stream decoded the way the command decodes a .txt (GB18030).
  const bytes = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return new TextDecoder('gb18030').decode(bytes);
}

describe('refusals', () => {
  test('random bytes named .txt are refused, not imported as problems', () => {
    const r = parseRectificationDoc(randomBytesAsText(256 * 1024, 7));
    expect(r).toEqual({ ok: false, message: REFUSE_BINARY });
  });

  test('mostly non-Chinese text is refused', () => {
    const r = parseRectificationDoc('1. Fix the ledger. Owner: office. Due: 2024-06-30.\n'.repeat(40));
    expect(r).toEqual({ ok: false, message: REFUSE_NOT_CHINESE });
  });

  test('text over 5 MB is refused before it is read', () => {
    const big = PLAN + '说'.repeat(MAX_TEXT_CHARS);
    const t0 = Date.now();
    expect(parseRectificationDoc(big)).toEqual({ ok: false, message: REFUSE_TOO_LARGE });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test('a measure longer than an Excel cell is refused', () => {
    const r = parseRectificationDoc(PLAN.replace('补齐台账。', '补齐台账' + '并核对'.repeat(12000) + '。'));
    expect(r).toEqual({ ok: false, message: REFUSE_CELL_TOO_LONG });
  });

  test('every refusal is one Chinese sentence', () => {
    for (const m of [REFUSE_BINARY, REFUSE_NOT_CHINESE, REFUSE_TOO_LARGE, REFUSE_CELL_TOO_LONG]) {
      expect(m).toMatch(/^[^。]+。$/);
      expect(officialPunctuation(m)).toBe(m);
    }
  });

  test('300,000 spaces after a heading are read quickly', () => {
    const t0 = Date.now();
    const r = parseRectificationDoc(
      `整改方案\n一、存在问题${' '.repeat(300000)}\n1.台账不全。整改措施:补齐台账。`,
    );
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(r.ok).toBe(true);
  });
});

describe('segmentation', () => {
  test('footer lines are cut off the end', () => {
    expect(segmentLines('1.问题。\n欢迎监督。联系电话:123\n中共XX县XX局党组\n2024年9月30日')).toEqual([
      '1.问题。',
    ]);
  });
  test('a unit and date on one line, or glued after the last sentence, are footer too', () => {
    expect(segmentLines('1.问题。\n中共XX县XX局党组 2024年9月30日')).toEqual(['1.问题。']);
    expect(segmentLines('1.问题。建立长效机制。2024年9月30日')).toEqual(['1.问题。建立长效机制。']);
    expect(segmentLines('1.问题。建立长效机制。特此通报。')).toEqual(['1.问题。建立长效机制。']);
  });

  test('a document on one line is cut before spaced markers', () => {
    expect(segmentLines('方案 一、存在问题 （一）作风方面 1.会多。')).toEqual([
      '方案',
      '一、存在问题',
      '（一）作风方面',
      '1.会多。',
    ]);
  });
  test('【label】 blocks become label lines', () => {
    expect(segmentLines('【存在问题】会多。【整改措施】精简。')).toEqual([
      '存在问题：会多。',
      '整改措施：精简。',
    ]);
  });
});

/** Fastest of a few runs, in ms (the first run warms the JIT up). */
function timeOf(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

describe('any text: rows or a plain refusal, in linear time', () => {
  const pieces = [
    '一、',
    '(一)',
    '（二）',
    '1.',
    '2、',
    '(1)',
    '（5）',
    '①',
    '②',
    '整改措施:',
    '责任单位:',
    '问题整改责任单位：',
    '〔责任单位:',
    '〕',
    '【存在问题】',
    '【整改期限】',
    '【',
    '】',
    '问题1：',
    '具体举措:',
    '针对“',
    '”的问题',
    '关于“',
    '”方面',
    '一是',
    '二是',
    '已完成',
    '整改时限:',
    '6月7日至6月14日',
    '阶段(',
    ')',
    '\n',
    '。',
    ';',
    '；',
    '、',
    ' ',
    '   ',
    '\u3000',
    '|',
    '\t',
    '工作要求',
    '方面',
    '联系电话',
    '欢迎',
    '2024年9月30日',
    '共梳理问题3个',
    '制定整改措施40项',
    '不到位',
    'X',
    '目前',
  ];
  const arbitrary = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((a) => a.join('')),
  );

  test('rows or a refusal, never a throw', () => {
    fc.assert(
      fc.property(arbitrary, (s) => {
        const r = parseRectificationDoc(s, { asOf: '2024-01-01' });
        if (r.ok) {
          expect(r.rows.length).toBeGreaterThan(0);
          expect(r.measures).toBe(r.rows.length);
          expect([true, false, null]).toContain(r.totals.agrees);
        } else {
          expect(r.message).toMatch(/。$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('time grows linearly: 8× the text takes well under 8²× the time', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 20, maxLength: 40 }), (unit) => {
        const small = unit.join('').repeat(300);
        const large = small.repeat(8);
        parseRectificationDoc(small, { asOf: '2024-01-01' }); // warm the JIT up
        // Linear would be 8×, quadratic 64×: 24× plus a fixed allowance. On a busy shared machine
        // one measurement can be noise; a quadratic reading fails every attempt.
        let ratio = '';
        for (let attempt = 0; attempt < 3; attempt++) {
          const ts = timeOf(() => parseRectificationDoc(small, { asOf: '2024-01-01' }));
          const tl = timeOf(() => parseRectificationDoc(large, { asOf: '2024-01-01' }));
          if (tl < 24 * ts + 300) return;
          ratio = `${tl.toFixed(0)} ms for 8× the text against ${ts.toFixed(0)} ms`;
        }
        throw new Error(ratio);
      }),
      // No shrinking: each run times whole documents, and a failure is worth seeing as it came.
      { numRuns: 8, endOnFailure: true },
    );
  });
});
