/**
 * An .xlsx package edited in place of a rewrite: the original zip's entries are copied byte for
 * byte (compressed data, CRC and dates as they were), only the parts named are replaced or added,
 * and the result is streamed to a file descriptor. Nothing the tool does not understand (charts,
 * pivot tables, macros, external links, slicers, custom XML) is ever parsed, so nothing is lost.
 */
import { once } from 'events';
import { writeSync } from 'fs';
import {
  crc32,
  createDeflateRaw,
  createInflateRaw,
  deflateRawSync,
  inflateRawSync,
  type DeflateRaw,
} from 'zlib';
import { LIMITS } from '../workbook/limits';
import { findEntry, listZipEntries, rawEntry, type ZipEntry } from '../workbook/zip';

/** A part already deflated, with what its zip entry needs. */
export interface DeflatedPart {
  deflated: Buffer;
  crc: number;
  size: number;
}

/**
 * Parts larger than this are deflated at level 1, the others at 6: on the worksheet XML of a
 * ledger, level 1 takes a third to a quarter of level 6's time for a part about a quarter larger
 * (the 3.3 MB sheet of a 10,000-row ledger: 8 ms and 566 KB against 26 ms and 451 KB; its 2.8 MB
 * 逾期清单 likewise). The line was 4 MB until 2026-12-01; at 1 MB the copy of a 10,000-row ledger
 * costs about 20 ms less CPU for a file of 850 KB instead of 690. Smaller parts (styles, the
 * 整改汇总, a ledger of a few thousand rows) keep level 6: there it costs next to nothing.
 */
export const BIG_PART = 1048576;
const levelFor = (size: number) => (size > BIG_PART ? 1 : 6);
/**
 * A part up to this size is held and deflated in one synchronous call; a larger one is streamed
 * through zlib as it comes. zlib's stream costs some milliseconds of JavaScript a part in a fresh
 * process (the ledger sheet and 逾期清单 of a 10,000-row ledger are 3.3 and 2.8 MB): held whole,
 * they cost a copy of a few MB instead. The bytes are the same either way (level by size).
 */
const STREAM_PART = 4 * 1048576;
/** A large part goes to zlib in batches of about this size (fewer trips to its thread). */
const BATCH = 1048576;
/**
 * A chunk at least this large goes to zlib on its own, as it is (the writer's chunks are about
 * 1 MB, a little less when the next text would not fit): joining it with the next one into a
 * batch of BATCH bytes copied the whole 逾期清单 once more.
 */
const WHOLE_CHUNK = BATCH / 2;

/**
 * Buffers of CHUNK_BYTES for the chunks of the parts the copy makes (src/cli/planSheetXml.ts),
 * used again once PartDeflater is done with them: a fresh MB costs about 0.4–0.7 ms of page faults
 * the first time it is written, so the 28 MB 逾期清单 of a 100,000-row ledger written into fresh
 * buffers took about 20 ms longer (210 → 191 ms, measured writing it alone). Only buffers this
 * pool made are taken back, and only by PartDeflater, after zlib's write callback or after it has
 * copied them: a chunk that goes anywhere else is simply never used again.
 */
export class ChunkPool {
  static readonly CHUNK_BYTES = 1048576;
  private readonly free: ArrayBufferLike[] = [];
  private readonly made = new WeakSet<ArrayBufferLike>();

  /** A buffer of at least `bytes` (CHUNK_BYTES when that is enough), its contents undefined. */
  take(bytes: number): Buffer {
    if (bytes > ChunkPool.CHUNK_BYTES) return Buffer.allocUnsafe(bytes);
    const free = this.free.pop();
    if (free) return Buffer.from(free);
    const buffer = Buffer.allocUnsafeSlow(ChunkPool.CHUNK_BYTES);
    this.made.add(buffer.buffer);
    return buffer;
  }

  /** A chunk whose bytes nothing will read again; kept for reuse when the pool made it. */
  giveBack(chunk: Uint8Array): void {
    const buffer = chunk.buffer;
    if (this.made.has(buffer) && this.free.length < 8 && !this.free.includes(buffer)) this.free.push(buffer);
  }
}

/** The pool the copy's writers take their chunks from (see ChunkPool). */
export const chunkPool = new ChunkPool();

/**
 * Deflates a part handed over in chunks, so a large one (the marked ledger sheet, a 逾期清单 of
 * 14 MB) is never held whole a second time: chunks are held until the part passes STREAM_PART (a
 * smaller part is deflated in one go, at level 6 up to BIG_PART, else 1), then streamed through
 * zlib at level 1 as they come. The bytes are those of deflateRawSync over the whole part at the
 * same level: zlib's output does not depend on how its input is cut when nothing is flushed (the
 * tests compare them). Chunks from `chunkPool` go back to it once zlib is done with them.
 */
export class PartDeflater {
  private held: Uint8Array[] = [];
  private heldSize = 0;
  private crc = 0;
  private size = 0;
  private stream: DeflateRaw | null = null;
  private finished: Promise<unknown> | null = null;
  private readonly out: Buffer[] = [];

  async add(chunk: Uint8Array): Promise<void> {
    if (chunk.length === 0) return;
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.held.push(chunk);
    this.heldSize += chunk.length;
    if (!this.stream && this.size > STREAM_PART) this.start();
    if (this.stream && (this.heldSize >= BATCH || chunk.length >= WHOLE_CHUNK)) await this.push();
  }

  async end(): Promise<DeflatedPart> {
    let deflated: Buffer;
    if (!this.stream) {
      const held = this.held;
      const whole = held.length === 1 ? held[0] : Buffer.concat(held, this.heldSize);
      deflated = deflateRawSync(whole, { level: levelFor(this.size) });
      for (const chunk of held) chunkPool.giveBack(chunk);
    } else {
      await this.push();
      this.stream.end();
      await this.finished;
      deflated = Buffer.concat(this.out);
    }
    this.held = [];
    return { deflated, crc: this.crc >>> 0, size: this.size };
  }

  /** Drops the part (the caller writes it another way): zlib's stream is closed. */
  abort(): void {
    this.stream?.destroy();
    this.stream = null;
    this.held = [];
  }

  private start(): void {
    const stream = createDeflateRaw({ level: levelFor(this.size), chunkSize: BATCH });
    stream.on('data', (d: Buffer) => this.out.push(d));
    this.finished = once(stream, 'end');
    // Awaited in end(); meanwhile an error must not count as unhandled (it would end the process).
    this.finished.catch(() => undefined);
    this.stream = stream;
  }

  private async push(): Promise<void> {
    if (this.heldSize === 0) return;
    const held = this.held;
    this.held = [];
    this.heldSize = 0;
    // Large chunks go as they are; small ones are joined into one batch (fewer trips to zlib).
    if (held.every((c) => c.length >= WHOLE_CHUNK)) {
      for (const chunk of held) await this.write(chunk);
    } else if (held.length === 1) {
      await this.write(held[0]);
    } else {
      const batch = Buffer.concat(held);
      for (const chunk of held) chunkPool.giveBack(chunk);
      await this.write(batch);
    }
  }

  /** Writes a batch to zlib; it goes back to the pool once zlib has read it (its write callback). */
  private async write(batch: Uint8Array): Promise<void> {
    if (!this.stream!.write(batch, () => chunkPool.giveBack(batch))) await once(this.stream!, 'drain');
  }
}

/** A part's chunks, deflated (see PartDeflater). */
export async function deflatePart(chunks: Iterable<Uint8Array>): Promise<DeflatedPart> {
  const d = new PartDeflater();
  try {
    for (const chunk of chunks) await d.add(chunk);
    return await d.end();
  } catch (e) {
    d.abort();
    throw e;
  }
}

function isDeflated(data: Buffer | DeflatedPart): data is DeflatedPart {
  return !Buffer.isBuffer(data);
}

export class XlsxPackage {
  readonly entries: Map<string, ZipEntry>;
  /** Replaced or added parts (part name → bytes, or deflated already), and removed parts. */
  private readonly changed = new Map<string, Buffer | DeflatedPart>();
  private readonly removed = new Set<string>();

  constructor(private readonly bytes: Uint8Array) {
    const entries = listZipEntries(bytes);
    if (!entries) throw new Error('not a zip');
    this.entries = entries;
  }

  /** The actual entry name for a part (names match case-insensitively), or null. */
  name(part: string): string | null {
    if (this.changed.has(part)) return part;
    const e = findEntry(this.entries, part);
    return e && !this.removed.has(e.name) ? e.name : null;
  }

  has(part: string): boolean {
    return this.name(part) !== null;
  }

  /** A part's bytes (inflated with a cap), or null when there is no such part. */
  read(part: string, cap: number = LIMITS.maxSheetBytes): Buffer | null {
    const name = this.name(part);
    if (name === null) return null;
    const own = this.changed.get(name);
    if (own) return isDeflated(own) ? inflateRawSync(own.deflated) : own;
    const e = this.entries.get(name)!;
    const raw = rawEntry(this.bytes, e);
    if (!raw) throw new Error(`broken entry ${name}`);
    if (e.method === 0) return Buffer.from(raw);
    return inflateRawSync(raw, { maxOutputLength: Math.min(cap, 0x3fffffff) });
  }

  /** A part's compressed bytes as they are in the original file, or null once it was changed. */
  original(part: string): Uint8Array | null {
    const name = this.name(part);
    if (name === null || this.changed.has(name)) return null;
    return rawEntry(this.bytes, this.entries.get(name)!);
  }

  /**
   * A part's bytes in chunks of about 1 MB as zlib inflates them, so a large sheet need not be
   * held whole; the same cap as read(). Nothing when there is no such part.
   */
  async *chunks(part: string, cap: number = LIMITS.maxSheetBytes): AsyncGenerator<Buffer> {
    const name = this.name(part);
    if (name === null) return;
    const own = this.changed.get(name);
    if (own) {
      yield isDeflated(own) ? inflateRawSync(own.deflated) : own;
      return;
    }
    const e = this.entries.get(name)!;
    const raw = rawEntry(this.bytes, e);
    if (!raw) throw new Error(`broken entry ${name}`);
    if (e.method === 0) {
      yield Buffer.from(raw);
      return;
    }
    const inflater = createInflateRaw({ chunkSize: BATCH });
    inflater.end(raw);
    let size = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > cap) throw new RangeError(`${name} inflates past ${cap} bytes`);
        yield chunk;
      }
    } finally {
      inflater.destroy();
    }
  }

  text(part: string, cap: number = LIMITS.maxSmallPartBytes): string | null {
    return this.read(part, cap)?.toString('utf8') ?? null;
  }

  write(part: string, data: string | Buffer | DeflatedPart): void {
    const name = this.name(part) ?? part;
    this.removed.delete(name);
    this.changed.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  remove(part: string): void {
    const name = this.name(part);
    if (name === null) return;
    this.changed.delete(name);
    if (this.entries.has(name)) this.removed.add(name);
  }

  /** Streams the package to an open file descriptor: originals first, in their order, then new parts. */
  writeTo(fd: number): void {
    const central: Buffer[] = [];
    let offset = 0;
    const put = (b: Uint8Array) => {
      let done = 0;
      while (done < b.length) done += writeSync(fd, b, done, b.length - done);
      offset += b.length;
    };
    const entry = (
      name: string,
      meta: { method: number; crc: number; csize: number; usize: number; time: number; date: number },
      data: Uint8Array,
    ) => {
      const nameBytes = Buffer.from(name, 'utf8');
      const flags = 0x0800; // UTF-8 names; sizes in the local header (no data descriptor)
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(meta.method, 8);
      local.writeUInt16LE(meta.time, 10);
      local.writeUInt16LE(meta.date, 12);
      local.writeUInt32LE(meta.crc >>> 0, 14);
      local.writeUInt32LE(meta.csize, 18);
      local.writeUInt32LE(meta.usize, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      local.writeUInt16LE(0, 28);
      const at = offset;
      put(local);
      put(nameBytes);
      put(data);
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(flags, 8);
      c.writeUInt16LE(meta.method, 10);
      c.writeUInt16LE(meta.time, 12);
      c.writeUInt16LE(meta.date, 14);
      c.writeUInt32LE(meta.crc >>> 0, 16);
      c.writeUInt32LE(meta.csize, 20);
      c.writeUInt32LE(meta.usize, 24);
      c.writeUInt16LE(nameBytes.length, 28);
      c.writeUInt32LE(at, 42);
      central.push(c, nameBytes);
    };
    const fresh = (name: string, data: Buffer | DeflatedPart, time: number, date: number) => {
      const part = isDeflated(data)
        ? data
        : {
            deflated: deflateRawSync(data, { level: levelFor(data.length) }),
            crc: crc32(data),
            size: data.length,
          };
      entry(
        name,
        { method: 8, crc: part.crc, csize: part.deflated.length, usize: part.size, time, date },
        part.deflated,
      );
    };
    const now = dosDateTime(new Date());
    for (const [name, e] of this.entries) {
      if (this.removed.has(name)) continue;
      const own = this.changed.get(name);
      if (own) {
        fresh(name, own, e.time, e.date);
        continue;
      }
      const raw = rawEntry(this.bytes, e);
      if (!raw) throw new Error(`broken entry ${name}`);
      entry(
        name,
        {
          method: e.method,
          crc: e.crc32,
          csize: e.compressedSize,
          usize: e.uncompressedSize,
          time: e.time,
          date: e.date,
        },
        raw,
      );
    }
    for (const [name, data] of this.changed) {
      if (!this.entries.has(name)) fresh(name, data, now.time, now.date);
    }
    const cdStart = offset;
    let cdSize = 0;
    for (const b of central) {
      put(b);
      cdSize += b.length;
    }
    const count = central.length / 2;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(cdStart, 16);
    put(end);
  }
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
