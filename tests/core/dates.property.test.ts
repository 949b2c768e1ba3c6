import fc from 'fast-check';
import { daysInMonth, isoToSerial, parseIso, toIso } from '../../src/core/calendar';
import { isDateFormat, parseDateCell, parseDateText } from '../../src/core/dates';
import { dateReasonText } from '../../src/core/findings';
import type { Cell, ParsedDate } from '../../src/core/types';

const RUNS = { numRuns: 1000 };

/** A real calendar date in 1950..2099. */
const realDate = fc
  .record({
    y: fc.integer({ min: 1950, max: 2099 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

const asOf = realDate.map(({ y, m, d }) => toIso(y, m, d));

function wellFormed(r: ParsedDate): void {
  // 'relative' (issue 10): "5日", "3天" are limits counted from the day of 交办.
  expect(['date', 'long_term', 'immediate', 'invalid', 'missing', 'relative']).toContain(r.kind);
  if (r.kind === 'relative') {
    expect(r.relative?.amount).toBeGreaterThan(0);
    expect(['day', 'workday', 'week', 'month']).toContain(r.relative?.unit);
  }
  if (r.kind === 'date') {
    expect(r.date).not.toBeNull();
    expect(parseIso(r.date as string)).toBe(r.date);
  } else {
    expect(r.date).toBeNull();
  }
  if (r.kind === 'invalid') {
    // A reason code that words itself in both languages, Chinese only in the Chinese one.
    expect(typeof r.reason?.code).toBe('string');
    expect(dateReasonText(r.reason, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    expect(dateReasonText(r.reason, 'en')).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
  }
}

/** Strings made of the characters dates are written with, so the parser's paths are exercised. */
const dateish = fc
  .array(
    fc.constantFrom(
      ...'0123456789０１２３４５６７８９年月日号底末前后至到-~—–/.．季度第上下半旬中初QqT :：（）()\n\u3000'.split(
        '',
      ),
      '一',
      '二',
      '三',
      '十',
      '〇',
      '长期',
      '立行立改',
      '延期至',
      '调整为',
      '今年',
      '下月',
      '2024',
      '24',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  dateish,
);

const anyFormat = fc.oneof(
  fc.constant(undefined),
  fc.string(),
  fc.constantFrom('General', 'yyyy/m/d', '0.00', '[h]:mm:ss', 'yyyy"年"m"月"d"日"', '@', 'mmm-yy'),
);

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant<Cell>({ type: 'empty', value: null }),
  anyText.map((value): Cell => ({ type: 'text', value })),
  fc
    .record({ v: fc.double(), format: anyFormat })
    .map(({ v, format }): Cell => ({ type: 'number', value: v, format })),
  fc
    .record({ v: fc.integer({ min: -100000, max: 30000000 }), format: anyFormat })
    .map(({ v, format }): Cell => ({ type: 'number', value: v, format })),
  fc.boolean().map((value): Cell => ({ type: 'boolean', value })),
  fc.oneof(asOf, fc.string()).map((value): Cell => ({ type: 'date', value })),
  fc.string().map((value): Cell => ({ type: 'error', value })),
  // Hosts should not send these, but a malformed cell must not throw either.
  fc
    .record({
      type: fc.constantFrom<Cell['type']>('empty', 'text', 'number', 'boolean', 'date', 'error'),
      value: fc.oneof(fc.constant(null), fc.string(), fc.double(), fc.boolean()),
    })
    .map((c): Cell => c),
);

describe('dates: properties', () => {
  it('parseDateText never throws and returns a well-formed result', () => {
    fc.assert(
      fc.property(anyText, asOf, (t, a) => {
        wellFormed(parseDateText(t, a));
      }),
      RUNS,
    );
  });

  it('parseDateCell never throws and returns a well-formed result, in both date systems', () => {
    fc.assert(
      fc.property(anyCell, asOf, fc.constantFrom<1900 | 1904>(1900, 1904), (c, a, dateSystem) => {
        wellFormed(parseDateCell(c, { asOf: a, dateSystem }));
      }),
      RUNS,
    );
  });

  it('isDateFormat never throws', () => {
    fc.assert(
      fc.property(anyFormat, (f) => {
        expect(typeof isDateFormat(f)).toBe('boolean');
      }),
      RUNS,
    );
  });

  it('round-trips every written form of a real date', () => {
    fc.assert(
      fc.property(realDate, asOf, ({ y, m, d }, a) => {
        const iso = toIso(y, m, d);
        for (const t of [
          `${y}年${m}月${d}日`,
          `${y}.${m}.${d}`,
          `${y}/${m}/${d}`,
          iso,
          `${y}年${m}月${d}日前`,
        ]) {
          expect(parseDateText(t, a)).toEqual({ kind: 'date', date: iso });
        }
      }),
      RUNS,
    );
  });

  it('a year-less date takes the as-of year', () => {
    fc.assert(
      fc.property(realDate, asOf, ({ m, d }, a) => {
        const asOfYear = Number(a.slice(0, 4));
        const r = parseDateText(`${m}月${d}日`, a);
        if (m === 2 && d === 29 && daysInMonth(asOfYear, 2) === 28) {
          expect(r.kind).toBe('invalid');
        } else {
          expect(r).toEqual({ kind: 'date', date: toIso(asOfYear, m, d) });
        }
      }),
      RUNS,
    );
  });

  it('a month is read as its last day', () => {
    fc.assert(
      fc.property(realDate, asOf, ({ y, m }, a) => {
        const want = toIso(y, m, daysInMonth(y, m));
        expect(parseDateText(`${y}年${m}月`, a)).toEqual({ kind: 'date', date: want });
        expect(parseDateText(`${y}年${m}月底前`, a)).toEqual({ kind: 'date', date: want });
      }),
      RUNS,
    );
  });

  it('a range gives its end', () => {
    fc.assert(
      fc.property(realDate, realDate, asOf, (p, q, a) => {
        const [s, e] = toIso(p.y, p.m, p.d) <= toIso(q.y, q.m, q.d) ? [p, q] : [q, p];
        const want = toIso(e.y, e.m, e.d);
        expect(parseDateText(`${s.y}年${s.m}月${s.d}日至${e.y}年${e.m}月${e.d}日`, a)).toEqual({
          kind: 'date',
          date: want,
        });
        expect(parseDateText(`${s.y}.${s.m}.${s.d}-${e.y}.${e.m}.${e.d}`, a)).toEqual({
          kind: 'date',
          date: want,
        });
      }),
      RUNS,
    );
  });

  it('a date-formatted serial gives its date in both systems', () => {
    fc.assert(
      fc.property(
        realDate,
        asOf,
        fc.constantFrom<1900 | 1904>(1900, 1904),
        fc.constantFrom(
          'yyyy/m/d',
          'yyyy"年"m"月"d"日"',
          'm/d/yy',
          '[$-804]yyyy-mm-dd',
          '[DBNum1]m"月"d"日"',
        ),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        ({ y, m, d }, a, dateSystem, format, time) => {
          const iso = toIso(y, m, d);
          const value = isoToSerial(iso, dateSystem) + time;
          expect(parseDateCell({ type: 'number', value, format }, { asOf: a, dateSystem })).toEqual({
            kind: 'date',
            date: iso,
          });
        },
      ),
      RUNS,
    );
  });

  it('a date cell gives its date', () => {
    fc.assert(
      fc.property(realDate, asOf, ({ y, m, d }, a) => {
        const iso = toIso(y, m, d);
        expect(parseDateCell({ type: 'date', value: iso }, { asOf: a, dateSystem: 1900 })).toEqual({
          kind: 'date',
          date: iso,
        });
      }),
      RUNS,
    );
  });

  it('an impossible day is invalid, never rolled over', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 40 }),
        asOf,
        (y, m, d, a) => {
          if (d >= 1 && d <= daysInMonth(y, m)) return;
          const r = parseDateText(`${y}年${m}月${d}日`, a);
          expect(r).toEqual({
            kind: 'invalid',
            date: null,
            reason: { code: 'no-such-day', year: y, month: m, day: d },
          });
          expect(dateReasonText(r.reason, 'zh')).toBe(`${y}年${m}月没有${d}日`);
        },
      ),
      RUNS,
    );
  });
});
