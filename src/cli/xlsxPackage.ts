/**
 * An .xlsx package edited in place of a rewrite: the original zip's entries are copied byte for
 * byte (compressed data, CRC and dates as they were), only the parts named are replaced or added,
 * and the result is streamed to a file descriptor. Nothing the tool does not understand (charts,
 * pivot tables, macros, external links, slicers, custom XML) is ever parsed, so nothing is lost.
 */
import { writeSync } from 'fs';
import { crc32, deflateRawSync, inflateRawSync } from 'zlib';
import { LIMITS } from '../workbook/limits';
import { findEntry, listZipEntries, rawEntry, type ZipEntry } from '../workbook/zip';

export class XlsxPackage {
  readonly entries: Map<string, ZipEntry>;
  /** Replaced or added parts (part name → bytes), and removed parts. */
  private readonly changed = new Map<string, Buffer>();
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
    if (own) return own;
    const e = this.entries.get(name)!;
    const raw = rawEntry(this.bytes, e);
    if (!raw) throw new Error(`broken entry ${name}`);
    if (e.method === 0) return Buffer.from(raw);
    return inflateRawSync(raw, { maxOutputLength: Math.min(cap, 0x3fffffff) });
  }

  text(part: string, cap: number = LIMITS.maxSmallPartBytes): string | null {
    return this.read(part, cap)?.toString('utf8') ?? null;
  }

  write(part: string, data: string | Buffer): void {
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
    const fresh = (name: string, data: Buffer, time: number, date: number) => {
      // A large edited part (a ledger sheet of 100k+ rows) is deflated fast rather than small: level 1
      // takes a third of level 6's time for a file about a fifth larger.
      const deflated = deflateRawSync(data, { level: data.length > 4 * 1048576 ? 1 : 6 });
      entry(
        name,
        { method: 8, crc: crc32(data), csize: deflated.length, usize: data.length, time, date },
        deflated,
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
