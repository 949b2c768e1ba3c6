/**
 * The streamed --json writer (src/cli/jsonStream.ts) against what it replaces:
 * `escapeControls(JSON.stringify(doc, null, 2) + '\n')`, byte for byte, on random documents full of
 * control characters, lone surrogates and odd numbers, on real reports of generated ledgers and of
 * the hostile terminal-escapes fixture, through both kinds of output (bytes, text).
 */
import fc from 'fast-check';
import { join } from 'path';
import { writeFileSync } from 'fs';
import { escapeControls, escapedJsonBytes, type Output } from '../../src/cli/io';
import { JsonWriter, StreamedList, StreamedObject } from '../../src/cli/jsonStream';
import { main } from '../../src/cli/ledger-check';
import { ledgerXlsx } from '../../scripts/ledgerXlsx';
import { makeTempDir } from '../helpers/xlsx';

const ROOT = join(__dirname, '..', '..');

/** What the old code printed for a document. */
function expected(doc: unknown): string {
  return escapeControls(JSON.stringify(doc, null, 2) + '\n');
}

/** The same document with its lists and objects down to `depth` made streamed. */
function streamed(v: unknown, depth: number): unknown {
  if (depth === 0 || typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return new StreamedList(v, (item) => streamed(item, depth - 1));
  return new StreamedObject(Object.entries(v).map(([k, m]) => [k, streamed(m, depth - 1)] as const));
}

interface Collected {
  out: Output;
  pieces: (string | Uint8Array)[];
  text(): string;
}

/** An output like process.stdout (takes bytes) or like a test's collector (text only). */
function collector(kind: 'bytes' | 'text'): Collected {
  const pieces: (string | Uint8Array)[] = [];
  const out: Output = { write: (t: string) => pieces.push(t) };
  if (kind === 'bytes') out.writeBytes = (b: Uint8Array) => pieces.push(b);
  return {
    out,
    pieces,
    text: () =>
      pieces
        .map((p) => (typeof p === 'string' ? p : new TextDecoder('utf-8', { fatal: true }).decode(p)))
        .join(''),
  };
}

async function written(doc: unknown, kind: 'bytes' | 'text', sizes = {}): Promise<Collected> {
  const c = collector(kind);
  await new JsonWriter(c.out, sizes).document(doc);
  return c;
}

// Characters that each take a different path: JSON escapes, terminal controls, surrogates, CJK.
const SPECIAL = [
  '"',
  '\\',
  '\n',
  '\t',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00a0',
  '\u00b7',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u201c',
  '\u2014',
  '\ud800',
  '\udfff',
  '😀',
  '整改',
];
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...SPECIAL),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 12,
});
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.double(),
    fc.integer(),
    fc.constantFrom(true, false, null, undefined, -0, NaN, Infinity),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(text, tie('value'), { maxKeys: 6 }),
  ),
}));
const documents = fc.oneof(fc.array(value, { maxLength: 8 }), fc.dictionary(text, value, { maxKeys: 8 }));

describe('JsonWriter', () => {
  it.each(['bytes', 'text'] as const)(
    'writes what JSON.stringify and escapeControls wrote, for any document (%s output)',
    async (kind) => {
      await fc.assert(
        fc.asyncProperty(documents, fc.integer({ min: 0, max: 4 }), async (doc, depth) => {
          const sizes = { piece: 40, batch: 3 };
          const c = await written(streamed(doc, depth), kind, sizes);
          expect(c.text()).toBe(expected(doc));
        }),
        { numRuns: 400 },
      );
    },
  );

  it('ends every piece between two values: each is valid UTF-8 by itself, pairs never split', async () => {
    const doc = Array.from({ length: 2000 }, (_, i) => ({ i, s: '😀'.repeat(i % 7) + '整改\u009b' }));
    const c = await written(new StreamedList(doc, (x) => x), 'bytes', { piece: 100, batch: 5 });
    expect(c.pieces.length).toBeGreaterThan(100);
    for (const p of c.pieces) {
      expect(p).toBeInstanceOf(Uint8Array);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(p as Uint8Array)).not.toThrow();
    }
    expect(c.text()).toBe(expected(doc));
  });

  it('writes nothing more while the output is still passing on what it has', async () => {
    let pending = 0;
    let writesWhilePending = 0;
    let writes = 0;
    const out: Output = {
      write: () => {
        writes++;
        if (pending > 0) writesWhilePending++;
      },
      drained: () => {
        pending++;
        return new Promise((resolve) =>
          setImmediate(() => {
            pending--;
            resolve();
          }),
        );
      },
    };
    const doc = Array.from({ length: 500 }, (_, i) => ({ row: i, text: '整改措施'.repeat(10) }));
    await new JsonWriter(out, { piece: 1000, batch: 8 }).document(new StreamedList(doc, (x) => x));
    expect(writes).toBeGreaterThan(20);
    expect(writesWhilePending).toBe(0);
  });
  it('fills its buffer again only once the output has passed the last piece on', async () => {
    const held: Uint8Array[] = [];
    const passed: Buffer[] = [];
    const pass = () => passed.push(...held.splice(0).map((b) => Buffer.from(b)));
    const out: Output = {
      write: () => {
        throw new Error('an output that takes bytes is given bytes');
      },
      writeBytes: (b: Uint8Array) => held.push(b),
      // Holds what it was given until later, as a pipe on Windows or a socket does.
      drained: () => new Promise((resolve) => setImmediate(() => resolve(void pass()))),
    };
    const doc = Array.from({ length: 300 }, (_, i) => ({ row: i, text: '整改\u009b'.repeat(i % 9) }));
    await new JsonWriter(out, { piece: 200, batch: 4 }).document(new StreamedList(doc, (x) => x));
    pass();
    expect(passed.length).toBeGreaterThan(20);
    expect(new TextDecoder().decode(Buffer.concat(passed))).toBe(expected(doc));
  });
});

describe('escapedJsonBytes', () => {
  it('is escapeControls then UTF-8 for every character JSON.stringify can leave in its text', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const json = JSON.stringify(`a${String.fromCharCode(c)}“b”`);
      const got = Buffer.from(escapedJsonBytes(json));
      const want = Buffer.from(escapeControls(json), 'utf8');
      if (!got.equals(want)) throw new Error(`U+${c.toString(16)}: ${got.toString()} ≠ ${want.toString()}`);
    }
  });
});

describe('ledger-check --json, streamed', () => {
  /** Stdout through a bytes output (as the real stream) and through a text collector. */
  async function runBoth(...argv: string[]): Promise<{ bytes: string; text: string; pieces: number }> {
    const results: Collected[] = [];
    for (const kind of ['bytes', 'text'] as const) {
      const c = collector(kind);
      await main([...argv, '--json'], { stdout: c.out, stderr: { write: () => undefined } });
      results.push(c);
    }
    return { bytes: results[0].text(), text: results[1].text(), pieces: results[0].pieces.length };
  }

  /** A right document is its own JSON.stringify: parsing gives back every value, escapes too. */
  function expectStringifyLayout(out: string): void {
    expect(out).toBe(expected(JSON.parse(out)));
  }

  it('is JSON.stringify’s text on a generated 3,000-row ledger, in many pieces', async () => {
    const dir = makeTempDir();
    const file = join(dir, '台账.xlsx');
    writeFileSync(file, ledgerXlsx(3000));
    for (const lang of ['zh', 'en']) {
      const r = await runBoth(file, '--as-of', '2026-11-21', '--lang', lang);
      expect(r.bytes).toBe(r.text);
      expect(r.pieces).toBeGreaterThan(20);
      expectStringifyLayout(r.bytes);
      expect(JSON.parse(r.bytes).sheets[0].rows).toHaveLength(3000);
    }
  });

  it('shows the hostile fixture’s control characters escaped, as before', async () => {
    const file = join(ROOT, 'tests', 'fixtures', 'hostile', 'terminal-escapes.xlsx');
    const r = await runBoth(file, '--as-of', '2026-11-21');
    expect(r.bytes).toBe(r.text);
    expectStringifyLayout(r.bytes);
    expect(r.bytes).toContain('\\u009B31m红字');
    expect(r.bytes).toContain('\\u202E成完已');
    // eslint-disable-next-line no-control-regex -- no raw control character may be left
    const raw = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
    expect(r.bytes).not.toMatch(raw);
  });

  it('streams the 汇总 of a folder the same way', async () => {
    const r = await runBoth(join(ROOT, 'tests', 'fixtures', 'units'), '--as-of', '2026-11-21');
    expect(r.bytes).toBe(r.text);
    expectStringifyLayout(r.bytes);
    expect(JSON.parse(r.bytes).units.length).toBeGreaterThan(2);
  });
});
