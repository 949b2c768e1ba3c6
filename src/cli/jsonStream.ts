/**
 * `--json` output written as a stream: exactly the text `JSON.stringify(doc, null, 2) + '\n'` with
 * control characters shown escaped (escapeControls, src/cli/io.ts), produced a part at a time and
 * handed to the output in pieces of about 32 KB. The writer escapes them itself: give it the raw
 * output (through a terminal-safe one the text is only looked at twice).
 *
 * Why: a 50,000-row ledger's report is a 32-million-character document. Built whole, it existed
 * three times over (the string, its copy with control characters escaped, the UTF-8 bytes),
 * 150 MB on top of the check; streamed, only one piece exists at a time.
 *
 * The document is plain data, except that its large lists are `StreamedList`s (each item made
 * only when it is written) inside `StreamedObject`s (members in order). The streamed parts follow
 * JSON.stringify's rules (members that are undefined, functions or symbols are left out, null in
 * a list; an empty list or object is `[]` or `{}`); everything else is written by JSON.stringify
 * itself, so the text is its text.
 *
 * A piece always ends between two values, never inside a string, so a surrogate pair is never
 * split between two writes (each write is encoded to UTF-8 on its own), and escaping control
 * characters piece by piece gives what escaping the whole would.
 *
 * Measured at 50,000 rows (README "JSON output"): pieces are kept under 64 KB of two-byte text
 * because larger strings are made in V8's large-object space, which only a full collection of the
 * whole heap (the workbook and its report) frees again: 64 KB pieces cost 30 ms more than 32 KB.
 */
import { escapeControls, escapedJsonBytes, type Output } from './io';

/** Characters: a write costs little, and the piece is small enough to be cheap garbage. */
const PIECE = 32 * 1024;

/**
 * Plain items of a streamed list are turned into text this many at a time, by one call of
 * JSON.stringify that indents them itself (see `batchText`); 64 rows are about 20,000 characters.
 */
const BATCH = 64;

/** A list written one item at a time: `map` makes each item's value only when it is written. */
export class StreamedList<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}
}

/** An object whose members (some of them streamed lists) are written in this order. */
export class StreamedObject {
  constructor(readonly members: readonly (readonly [string, unknown])[]) {}
}

function isStreamed(v: unknown): v is StreamedList<unknown> | StreamedObject {
  return v instanceof StreamedList || v instanceof StreamedObject;
}

/** Values JSON.stringify leaves out of an object. */
function isOmitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** `\n` and the indentation of a given depth, made once per depth. */
const breaks: string[] = [];
function lineBreak(indent: number): string {
  return (breaks[indent] ??= '\n' + ' '.repeat(indent));
}

/** A plain value written at a depth: JSON.stringify's text with its lines moved in. */
function valueText(v: unknown, indent: number): string {
  const text = JSON.stringify(v, null, 2) ?? 'null';
  // A line feed inside a string is written \n, so every line feed in the text is a line break.
  return indent === 0 ? text : text.replaceAll('\n', lineBreak(indent));
}

/**
 * Items of a list at `indent` (the items themselves one level in), as JSON.stringify would write
 * them there, separated by `,` and line breaks. Rather than stringify each item and move its lines
 * in (measured: a third more time at 50,000 rows), the batch is wrapped in as many one-item lists
 * as it is deep, so that JSON.stringify indents it itself, and the wrapping is cut off again.
 */
function batchText(items: unknown[], indent: number): string {
  let wrapped: unknown = items;
  for (let depth = 0; depth < indent; depth += 2) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each level opened is `[` and a line break one step deeper; each closed, a line break and `]`.
  let head = 0;
  let tail = 0;
  for (let depth = 0; depth <= indent; depth += 2) {
    head += 2 + depth + 2;
    tail += 2 + depth;
  }
  return text.slice(head, text.length - tail);
}

/** Writes one document as `JSON.stringify(doc, null, 2) + '\n'` reads. */
export class JsonWriter {
  private buffer = '';
  private readonly piece: number;
  private readonly batch: number;

  /** `sizes` is for tests, to cut small documents into many pieces and batches. */
  constructor(
    private readonly out: Output,
    sizes: { piece?: number; batch?: number } = {},
  ) {
    this.piece = sizes.piece ?? PIECE;
    this.batch = sizes.batch ?? BATCH;
  }

  async document(doc: unknown): Promise<void> {
    await this.streamed(doc, 0);
    this.buffer += '\n';
    await this.flush();
  }

  private async streamed(v: unknown, indent: number): Promise<void> {
    if (v instanceof StreamedList) await this.list(v, indent);
    else if (v instanceof StreamedObject) await this.object(v, indent);
    else this.buffer += valueText(v, indent);
  }

  private async list<T>(list: StreamedList<T>, indent: number): Promise<void> {
    const { items, map } = list;
    if (items.length === 0) {
      this.buffer += '[]';
      return;
    }
    const inner = lineBreak(indent + 2);
    const batch: unknown[] = [];
    const writeBatch = () => {
      if (batch.length === 0) return;
      this.buffer += batchText(batch, indent);
      batch.length = 0;
    };
    for (let i = 0; i < items.length; i++) {
      const item = map(items[i]);
      if (isStreamed(item)) {
        writeBatch();
        this.buffer += (i === 0 ? '[' : ',') + inner;
        await this.streamed(item, indent + 2);
      } else {
        if (batch.length === 0) this.buffer += (i === 0 ? '[' : ',') + inner;
        batch.push(item);
        if (batch.length < this.batch) continue;
        writeBatch();
      }
      if (this.buffer.length >= this.piece) await this.flush();
    }
    writeBatch();
    this.buffer += lineBreak(indent) + ']';
  }

  private async object(obj: StreamedObject, indent: number): Promise<void> {
    const inner = lineBreak(indent + 2);
    let first = true;
    for (const [name, member] of obj.members) {
      if (isOmitted(member)) continue;
      this.buffer += (first ? '{' : ',') + inner + JSON.stringify(name) + ': ';
      first = false;
      await this.streamed(member, indent + 2);
      if (this.buffer.length >= this.piece) await this.flush();
    }
    this.buffer += first ? '{}' : lineBreak(indent) + '}';
  }

  /** Hands the piece to the output, then waits while the output holds bytes it has not passed on. */
  private async flush(): Promise<void> {
    if (this.buffer === '') return;
    const piece = this.buffer;
    this.buffer = '';
    if (this.out.writeBytes) this.out.writeBytes(escapedJsonBytes(piece));
    else this.out.write(escapeControls(piece));
    if (this.out.drained) await this.out.drained();
  }
}

/** Writes `doc` to `out` as `JSON.stringify(doc, null, 2) + '\n'` would, in pieces. */
export function writeJson(out: Output, doc: unknown): Promise<void> {
  return new JsonWriter(out).document(doc);
}
