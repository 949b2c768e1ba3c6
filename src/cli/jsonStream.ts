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
 * The text is encoded into one byte buffer as it is made (each text whole, so a surrogate pair is
 * never split, and escaping control characters text by text gives what escaping the whole would)
 * and handed to the output about 32 KB at a time, always between two texts. Lists with an
 * `ItemTemplate` (the report's rows and findings, src/cli/jsonReport.ts) skip JSON.stringify and
 * the encoding for the parts of an item that repeat: the template writes bytes it made once.
 *
 * Measured at 50,000 rows (README "JSON output"): the buffer is filled again once the output has
 * passed a piece on (`Output.drained`), as a fresh buffer per piece cost page faults; no text is
 * kept as a string larger than one batch (larger strings are made in V8's large-object space,
 * which only a full collection of the whole heap frees again).
 */
import { escapeControls, escapedJsonBytes, hasControlBytes, type Output } from './io';

/** Bytes: a piece is handed to the output once it holds this many. */
const PIECE = 32 * 1024;

/**
 * Plain items of a streamed list are turned into text this many at a time, by one call of
 * JSON.stringify that indents them itself (see `batchText`); 64 rows are about 20,000 characters.
 */
const BATCH = 64;

/**
 * Writes one item of a list as the JSON text `JSON.stringify` gives its `map`ped value at `indent`,
 * through the writer's `bytes`, `integer` and `text`. Returns false, having written nothing, when
 * it cannot (a value JSON.stringify would leave out, say): the item is then written from `map`.
 * One template serves one list, so it may keep what it made (by identity of frozen objects).
 */
export interface ItemTemplate<T> {
  write(item: T, indent: number, writer: JsonWriter): boolean;
  /**
   * True once the template finds it does not pay (most items unlike any before, each made anew):
   * the rest of the list is then written as a plain one, by JSON.stringify in batches.
   */
  readonly gaveUp: boolean;
}

/**
 * A list written one item at a time: `map` makes each item's value only when it is written; or, with
 * a `template`, the template writes the item's text itself (`map` then defines that text).
 */
export class StreamedList<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
    readonly template?: ItemTemplate<T>,
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
export function lineBreak(indent: number): string {
  return (breaks[indent] ??= '\n' + ' '.repeat(indent));
}

/** A plain value written at a depth: JSON.stringify's text with its lines moved in. */
export function valueText(v: unknown, indent: number): string {
  const text = JSON.stringify(v, null, 2) ?? 'null';
  // A line feed inside a string is written \n, so every line feed in the text is a line break.
  return indent === 0 ? text : text.replaceAll('\n', lineBreak(indent));
}

/** Frozen objects' texts kept per depth, at most: a bound on memory. */
const KEPT_TEXTS = 10_000;

/**
 * Texts of values at a depth for templates. A frozen object's text is made once per depth and
 * kept, keyed by the object: the engine shares one frozen object between the rows and findings
 * that say the same (params, department lists), and a frozen object cannot change while the
 * document is written. Other objects are stringified each time.
 */
export class JsonTexts {
  /** Per indentation: frozen object → its text there. */
  private readonly frozen: Map<object, string>[] = [];

  /**
   * JSON.stringify's text of `v` as a member's value at `indent`; undefined for a value it leaves
   * out of objects.
   */
  value(v: unknown, indent: number): string | undefined {
    if (typeof v !== 'object' || v === null) return JSON.stringify(v);
    if (!Object.isFrozen(v)) return valueText(v, indent);
    const texts = (this.frozen[indent] ??= new Map());
    let text = texts.get(v);
    if (text === undefined) {
      text = valueText(v, indent);
      if (texts.size < KEPT_TEXTS) texts.set(v, text);
    }
    return text;
  }
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

/** `[` or `,` and the line break before an item of a list at a depth, as bytes, made once. */
const itemStarts: [Uint8Array, Uint8Array][] = [];
function itemStart(indent: number, first: boolean): Uint8Array {
  const starts = (itemStarts[indent] ??= [
    Buffer.from('[' + lineBreak(indent + 2)),
    Buffer.from(',' + lineBreak(indent + 2)),
  ]);
  return starts[first ? 0 : 1];
}

const decoder = new TextDecoder();

/** Writes one document as `JSON.stringify(doc, null, 2) + '\n'` reads, as escaped UTF-8 bytes. */
export class JsonWriter {
  /** Texts of frozen objects, for templates. */
  readonly texts = new JsonTexts();
  /** The piece being filled: `pos` bytes so far. Room for a batch's text, 3 bytes a character. */
  private buffer: Buffer;
  private pos = 0;
  private readonly piece: number;
  private readonly batch: number;

  /** `sizes` is for tests, to cut small documents into many pieces and batches. */
  constructor(
    private readonly out: Output,
    sizes: { piece?: number; batch?: number } = {},
  ) {
    this.piece = sizes.piece ?? PIECE;
    this.batch = sizes.batch ?? BATCH;
    this.buffer = Buffer.allocUnsafe(4 * this.piece);
  }

  async document(doc: unknown): Promise<void> {
    await this.streamed(doc, 0);
    this.text('\n');
    await this.flush();
  }

  /** JSON text, control characters escaped as it is encoded. */
  text(text: string): void {
    const most = text.length * 3; // a UTF-16 code unit takes at most 3 bytes in UTF-8
    if (this.pos + most > this.buffer.length) {
      this.handOver();
      if (most > this.buffer.length) return this.pass(escapedJsonBytes(text));
    }
    const start = this.pos;
    const end = start + this.buffer.write(text, start, 'utf8');
    if (!hasControlBytes(this.buffer.subarray(start, end))) {
      this.pos = end;
      return;
    }
    this.pos = start;
    this.bytes(Buffer.from(escapeControls(text), 'utf8'));
  }

  /** UTF-8 bytes of JSON text whose control characters are already escaped (`jsonBytes`). */
  bytes(bytes: Uint8Array): void {
    if (this.pos + bytes.length > this.buffer.length) {
      this.handOver();
      if (bytes.length > this.buffer.length) return this.pass(bytes);
    }
    this.buffer.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** A number's JSON text; a whole number from 0 to 2^31 − 1 written digit by digit. */
  integer(n: number): void {
    if (!(n >= 0 && n <= 0x7fffffff && (n | 0) === n)) return this.text(JSON.stringify(n) ?? 'null');
    if (this.pos + 10 > this.buffer.length) this.handOver();
    let end = this.pos + 1;
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) end++;
    const buffer = this.buffer;
    let at = end;
    let rest = n;
    do {
      const next = (rest / 10) | 0;
      buffer[--at] = 0x30 + rest - next * 10;
      rest = next;
    } while (rest > 0);
    this.pos = end;
  }

  private async streamed(v: unknown, indent: number): Promise<void> {
    if (v instanceof StreamedList) await this.list(v, indent);
    else if (v instanceof StreamedObject) await this.object(v, indent);
    else this.text(valueText(v, indent));
  }

  private async list<T>(list: StreamedList<T>, indent: number): Promise<void> {
    const { items, map, template } = list;
    if (items.length === 0) {
      this.text('[]');
      return;
    }
    const start = template ? await this.templated(items, map, template, indent) : 0;
    await this.plain(items, start, map, indent);
    this.text(lineBreak(indent) + ']');
  }

  /** Items from `start` on, plain ones in batches by JSON.stringify, streamed ones one by one. */
  private async plain<T>(
    items: readonly T[],
    start: number,
    map: (item: T) => unknown,
    indent: number,
  ): Promise<void> {
    const inner = lineBreak(indent + 2);
    const batch: unknown[] = [];
    const writeBatch = () => {
      if (batch.length === 0) return;
      this.text(batchText(batch, indent));
      batch.length = 0;
    };
    for (let i = start; i < items.length; i++) {
      const item = map(items[i]);
      if (isStreamed(item)) {
        writeBatch();
        this.text((i === 0 ? '[' : ',') + inner);
        await this.streamed(item, indent + 2);
      } else {
        if (batch.length === 0) this.text((i === 0 ? '[' : ',') + inner);
        batch.push(item);
        if (batch.length < this.batch) continue;
        writeBatch();
      }
      if (this.pos >= this.piece) await this.flush();
    }
    writeBatch();
  }

  /**
   * Items written by their template (or, where it cannot, JSON.stringify of `map`), until the end
   * or until the template gives up; returns where it stopped.
   */
  private async templated<T>(
    items: readonly T[],
    map: (item: T) => unknown,
    template: ItemTemplate<T>,
    indent: number,
  ): Promise<number> {
    let i = 0;
    while (i < items.length && !template.gaveUp) {
      i = this.fill(items, i, map, template, indent);
      await this.flush();
    }
    return i;
  }

  /**
   * Writes items from `start` until the piece is full; returns where it stopped (the template's
   * giving up is looked at between pieces). A function of its own, not the loop of the async `templated`: V8 then optimises it
   * as a function instead of replacing the running loop, which it threw away when the rows ended
   * (measured: 0–2 ms less).
   */
  private fill<T>(
    items: readonly T[],
    start: number,
    map: (item: T) => unknown,
    template: ItemTemplate<T>,
    indent: number,
  ): number {
    const comma = itemStart(indent, false);
    let i = start;
    while (i < items.length && this.pos < this.piece) {
      this.bytes(i === 0 ? itemStart(indent, true) : comma);
      if (!template.write(items[i], indent + 2, this)) this.text(valueText(map(items[i]), indent + 2));
      i++;
    }
    return i;
  }

  private async object(obj: StreamedObject, indent: number): Promise<void> {
    const inner = lineBreak(indent + 2);
    let first = true;
    for (const [name, member] of obj.members) {
      if (isOmitted(member)) continue;
      this.text((first ? '{' : ',') + inner + JSON.stringify(name) + ': ');
      first = false;
      await this.streamed(member, indent + 2);
      if (this.pos >= this.piece) await this.flush();
    }
    this.text(first ? '{}' : lineBreak(indent) + '}');
  }

  /**
   * Hands the piece to the output and waits while the output holds bytes it has not passed on;
   * then the buffer is free to fill again.
   */
  private async flush(): Promise<void> {
    if (this.pos === 0) return;
    const handedOver = this.give(this.buffer.subarray(0, this.pos));
    this.pos = 0;
    if (!handedOver) return;
    if (this.out.drained) await this.out.drained();
    else this.buffer = Buffer.allocUnsafe(this.buffer.length); // the output may keep what it took
  }

  /** A piece given to the output without waiting (a value too large for the room left). */
  private handOver(): void {
    if (this.pos === 0) return;
    const handedOver = this.give(this.buffer.subarray(0, this.pos));
    this.pos = 0;
    if (handedOver) this.buffer = Buffer.allocUnsafe(this.buffer.length);
  }

  /** Bytes larger than the buffer, passed on by themselves. */
  private pass(bytes: Uint8Array): void {
    this.give(bytes);
  }

  /**
   * Gives bytes to the output: as they are, or decoded for an output that takes only text (every
   * piece ends between two values, so it holds whole characters). True when the output was given
   * the bytes themselves, so that it may still hold them.
   */
  private give(bytes: Uint8Array): boolean {
    if (this.out.writeBytes) {
      this.out.writeBytes(bytes);
      return true;
    }
    this.out.write(decoder.decode(bytes));
    return false;
  }
}

/** Writes `doc` to `out` as `JSON.stringify(doc, null, 2) + '\n'` would, in pieces. */
export function writeJson(out: Output, doc: unknown): Promise<void> {
  return new JsonWriter(out).document(doc);
}
