/**
 * The report's row and finding templates (src/cli/jsonReport.ts) and the writer's cache of frozen
 * objects' texts (JsonTexts, src/cli/jsonStream.ts) against what they replace: JSON.stringify of
 * the same values, control characters escaped afterwards, byte for byte. The items share frozen
 * lists, params and messages as the engine's do, so the kept texts are used again and again, at
 * several depths, holding escapes and control characters.
 */
import fc from 'fast-check';
import { escapeControls, type Output } from '../../src/cli/io';
import { FindingTemplate, findingValue, RowTemplate, rowValue } from '../../src/cli/jsonReport';
import { JsonTexts, JsonWriter, StreamedList, StreamedObject } from '../../src/cli/jsonStream';
import { FIELDS, FINDING_CODES, type Finding, type RowReport } from '../../src/core/types';

/** What the old code printed for a document. */
function expected(doc: unknown): string {
  return escapeControls(JSON.stringify(doc, null, 2) + '\n');
}

/** Everything written, as text: bytes kept as they came (copied, as the writer reuses its buffer). */
async function written(doc: unknown, sizes: { piece?: number } = {}): Promise<string> {
  const pieces: Buffer[] = [];
  const out: Output = {
    write: (t: string) => pieces.push(Buffer.from(t, 'utf8')),
    writeBytes: (b: Uint8Array) => pieces.push(Buffer.from(b)),
    drained: () => Promise.resolve(),
  };
  await new JsonWriter(out, sizes).document(doc);
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(pieces));
}

/**
 * Rows and findings in a sheet object nested `depth` lists deep, and again one list deeper in the
 * same document (so one writer meets the same frozen values at two indentations).
 */
function nested(rows: RowReport[], findings: Finding[], depth: number) {
  const sheet = (templated: boolean, levels: number) => {
    let doc: unknown = templated
      ? new StreamedObject([
          ['rows', new StreamedList(rows, rowValue, new RowTemplate())],
          ['findings', new StreamedList(findings, findingValue, new FindingTemplate())],
        ])
      : { rows: rows.map(rowValue), findings: findings.map(findingValue) };
    for (let i = 0; i < levels; i++) doc = templated ? new StreamedList([doc], (x) => x) : [doc];
    return doc;
  };
  return {
    streamed: new StreamedObject([
      ['sheet', sheet(true, depth)],
      ['deeper', sheet(true, depth + 1)],
    ]),
    plain: { sheet: sheet(false, depth), deeper: sheet(false, depth + 1) },
  };
}

// Texts that take every path: JSON escapes, terminal controls (C0, DEL, C1, bidirectional marks),
// lone surrogates, a pair, Chinese quotation marks (which share a UTF-8 lead byte with the marks).
const text = fc.string({
  unit: fc.constantFrom(
    '整改',
    '"',
    '\\',
    '\n',
    '\u001b',
    '\u007f',
    '\u009b',
    '\u202e',
    '\ud800',
    '😀',
    '“',
    'a',
  ),
  maxLength: 6,
});

/** A few frozen values, shared between items as the engine shares them. */
function frozenPool<T>(arb: fc.Arbitrary<T>) {
  return fc.array(
    arb.map((v) => Object.freeze(v)),
    { minLength: 1, maxLength: 4 },
  );
}

const world = fc.record({
  lists: frozenPool(fc.array(text, { maxLength: 3 })),
  messages: fc.array(text, { minLength: 1, maxLength: 4 }),
  params: frozenPool(
    fc.record(
      {
        field: fc.constantFrom(...FIELDS),
        value: text,
        days: fc.integer(),
        rows: fc.array(fc.nat(), { maxLength: 3 }),
      },
      { requiredKeys: ['field'] },
    ),
  ),
});

function rowsOf(w: { lists: readonly (readonly string[])[] }) {
  const pick = <T>(xs: readonly T[]) => fc.nat({ max: xs.length - 1 }).map((i) => xs[i]);
  return fc.array(
    fc.record({
      row: fc.oneof(fc.nat({ max: 1_100_000 }), fc.constantFrom(0x7fffffff, 0x80000000, -1, 1.5, -0, NaN)),
      state: fc.constantFrom('done', 'in_progress', 'missing'),
      deadline: fc.constantFrom('2026-01-02', '2026-03-01', null),
      deadlineKind: fc.constantFrom('date', 'missing'),
      overdue: fc.boolean(),
      daysOverdue: fc.constantFrom(null, 3, 300),
      dueSoon: fc.boolean(),
      daysLeft: fc.constantFrom(null, 0, 7),
      departments: pick(w.lists),
      cooperating: fc.oneof(pick(w.lists), fc.array(text, { maxLength: 2 })),
      completedOn: fc.constantFrom(null, '2026-02-03'),
      problemKey: fc.constant(''),
      text: fc.constant({}),
    }),
    { maxLength: 40 },
  ) as unknown as fc.Arbitrary<RowReport[]>;
}

function findingsOf(w: { messages: string[]; params: readonly object[] }) {
  const pick = <T>(xs: readonly T[]) => fc.nat({ max: xs.length - 1 }).map((i) => xs[i]);
  return fc.array(
    fc.record({
      code: fc.constantFrom(...FINDING_CODES),
      severity: fc.constantFrom('error', 'warning', 'info'),
      row: fc.oneof(fc.nat({ max: 1_100_000 }), fc.constant(null)),
      column: fc.constantFrom('A', 'F', null),
      field: fc.constantFrom('deadline', null),
      columnNumber: fc.constant(null),
      message: pick(w.messages),
      params: fc.oneof(pick(w.params), fc.record({ value: text })),
    }),
    { maxLength: 40 },
  ) as unknown as fc.Arbitrary<Finding[]>;
}

describe('RowTemplate and FindingTemplate', () => {
  it('write what JSON.stringify and escapeControls wrote, sharing frozen values, at any depth', async () => {
    const items = world.chain((w) => fc.tuple(rowsOf(w), findingsOf(w), fc.nat({ max: 3 })));
    await fc.assert(
      fc.asyncProperty(items, async ([rows, findings, depth]) => {
        const { streamed, plain } = nested(rows, findings, depth);
        expect(await written(streamed, { piece: 64 })).toBe(expected(plain));
      }),
      { numRuns: 300 },
    );
  });

  it('escape a control character inside a message kept for many findings, every time', async () => {
    const params = Object.freeze({ field: 'status' as const, value: '\u001b[2J' });
    const message = '进展“\u009b31m已完成\u202e”\\"\n';
    const findings = Array.from({ length: 500 }, (_, i) => ({
      code: 'unknown-status' as const,
      severity: 'warning' as const,
      row: i + 2,
      column: 'G',
      field: 'status' as const,
      columnNumber: 7,
      message,
      params,
    }));
    const { streamed, plain } = nested([], findings, 1);
    const out = await written(streamed, { piece: 100 });
    expect(out).toBe(expected(plain));
    expect(out.split('\\u009B31m已完成\\u202E').length - 1).toBe(1000);
    expect(out.split('\\u001b[2J').length - 1).toBe(1000);
    // eslint-disable-next-line no-control-regex -- no raw control character may be left
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E]/);
  });

  it('give one shared row list its own text at each depth it is written at', async () => {
    const departments = Object.freeze(['办公室', '财务股']) as string[];
    const row = (n: number): RowReport => ({
      row: n,
      state: 'in_progress',
      deadline: '2026-06-30',
      deadlineKind: 'date',
      overdue: false,
      daysOverdue: null,
      dueSoon: false,
      daysLeft: 20,
      departments,
      cooperating: departments,
      completedOn: null,
      problemKey: '',
      text: {},
    });
    const rows = [row(2), row(3)];
    for (const depth of [0, 1, 2]) {
      const { streamed, plain } = nested(rows, [], depth);
      expect(await written(streamed)).toBe(expected(plain));
    }
    // One writer, the same list at two depths in one document.
    const doc = new StreamedObject([
      ['a', new StreamedList(rows, rowValue, new RowTemplate())],
      ['b', new StreamedList([rows], (r) => new StreamedList(r, rowValue, new RowTemplate()))],
    ]);
    expect(await written(doc)).toBe(expected({ a: rows.map(rowValue), b: [rows.map(rowValue)] }));
  });

  it('give up where most rows are unlike any before, and the rest is written in batches', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i): RowReport => ({
      row: i + 2,
      state: 'in_progress',
      deadline: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
      deadlineKind: 'date',
      overdue: false,
      daysOverdue: null,
      dueSoon: false,
      daysLeft: 20,
      // Every row its own (frozen) list: every row is a miss.
      departments: Object.freeze([`第${i}组\u009b`]) as string[],
      cooperating: [],
      completedOn: null,
      problemKey: '',
      text: {},
    }));
    const template = new RowTemplate();
    const doc = new StreamedObject([['rows', new StreamedList(rows, rowValue, template)]]);
    expect(await written(doc, { piece: 500 })).toBe(expected({ rows: rows.map(rowValue) }));
    expect(template.gaveUp).toBe(true);
    // Rows alike (a few lists, shared and frozen as the engine's) never make it give up.
    const none = Object.freeze<string[]>([]) as string[];
    const alike = rows.map((r, i) => ({ ...r, departments: rows[i % 7].departments, cooperating: none }));
    const kept = new RowTemplate();
    const doc2 = new StreamedObject([['rows', new StreamedList(alike, rowValue, kept)]]);
    expect(await written(doc2)).toBe(expected({ rows: alike.map(rowValue) }));
    expect(kept.gaveUp).toBe(false);
  });

  it('leave out a member JSON.stringify leaves out (a value the types do not allow)', async () => {
    const odd = {
      row: 5,
      state: 'done',
      deadline: undefined,
      departments: Object.freeze([]),
    } as unknown as RowReport;
    const findings = [
      { code: 'overdue', severity: 'error', row: 5, message: undefined, params: {} },
    ] as unknown as Finding[];
    const { streamed, plain } = nested([odd, odd], findings, 1);
    expect(await written(streamed)).toBe(expected(plain));
  });
});

describe('JsonTexts', () => {
  it('keeps a frozen object’s text per depth, and never an unfrozen one’s', () => {
    const texts = new JsonTexts();
    const shared = Object.freeze({ field: 'department', seen: Object.freeze(['a"b', '\u009b']) });
    expect(texts.value(shared, 2)).toBe(JSON.stringify(shared, null, 2).replaceAll('\n', '\n  '));
    expect(texts.value(shared, 6)).toBe(JSON.stringify(shared, null, 2).replaceAll('\n', '\n      '));
    expect(texts.value(shared, 2)).toBe(JSON.stringify(shared, null, 2).replaceAll('\n', '\n  '));
    const changing = { n: 1 };
    expect(texts.value(changing, 2)).toContain('"n": 1');
    changing.n = 2;
    expect(texts.value(changing, 2)).toContain('"n": 2');
    expect(texts.value('“引号”\n', 4)).toBe(JSON.stringify('“引号”\n'));
  });
});
