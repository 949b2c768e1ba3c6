/**
 * The zip container of an .xlsx, read from bytes: the central directory, and one entry inflated
 * in bounded chunks, so a part that inflates too far is stopped before it is held in memory. No
 * Node API: the task pane uses the same code. The inflate is the host's: a whole-part one
 * (useInflater: Node's zlib on the command line) or a streaming one (useStreamInflater: fflate's,
 * installed by ./index.ts for the task pane).
 */
import { WorkbookError } from './errors';
import type { Limits } from './limits';

export interface ZipEntry {
  name: string;
  /** General-purpose flags, DOS time and date, CRC-32: what a copy of the entry carries over. */
  flags: number;
  time: number;
  date: number;
  crc32: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && u32(b, 0) === 0x04034b50;
}

const utf8 = new TextDecoder('utf-8');

/** The entries of a zip's central directory; null when the bytes are no readable zip. */
export function listZipEntries(b: Uint8Array): Map<string, ZipEntry> | null {
  if (b.length < 22) return null;
  // The end-of-central-directory record sits in the last 22 + up to 65535 (comment) bytes.
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= floor; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return entries.size ? entries : null;
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    const name = utf8
      .decode(b.subarray(p + 46, p + 46 + nameLength))
      .replace(/\\/g, '/')
      .replace(/^\//, '');
    entries.set(name, {
      name,
      flags: u16(b, p + 8),
      time: u16(b, p + 12),
      date: u16(b, p + 14),
      crc32: u32(b, p + 16),
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      uncompressedSize: u32(b, p + 24),
      localOffset: u32(b, p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Entry names are case-insensitive in practice (Excel finds "xl/Workbook.xml"). */
export function findEntry(entries: Map<string, ZipEntry>, name: string): ZipEntry | undefined {
  const exact = entries.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [k, e] of entries) if (k.toLowerCase() === lower) return e;
  return undefined;
}

/** The raw (still compressed) bytes of an entry; null when the local header is broken. */
export function rawEntry(b: Uint8Array, e: ZipEntry): Uint8Array | null {
  const h = e.localOffset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) return null;
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const end = start + e.compressedSize;
  if (end > b.length) return null;
  return b.subarray(start, end);
}

class Overflow extends Error {}

/**
 * A whole-part inflater a host may supply (the command line passes Node's native zlib, about
 * three times fflate's speed): inflates `raw` (deflate, no header) and throws once the output
 * would pass `maxBytes`. `expectedBytes` is the size the zip's directory announces (a hint: when
 * true, the output can be made in one buffer instead of joined from pieces). Without an inflater,
 * the streaming inflater (fflate's) inflates in 16 KB slices.
 */
export type Inflater = (raw: Uint8Array, maxBytes: number, expectedBytes: number) => Uint8Array;
let inflater: Inflater | null = null;

export function useInflater(fn: Inflater | null): void {
  inflater = fn;
}

/** A streaming inflater of fflate's shape: input pushed in slices, output to its callback. */
export interface StreamInflater {
  push(chunk: Uint8Array, final?: boolean): void;
}
/** Makes a StreamInflater whose output goes to `ondata` (fflate: `(ondata) => new Inflate(ondata)`). */
export type MakeStreamInflater = (ondata: (chunk: Uint8Array) => void) => StreamInflater;
let makeStream: MakeStreamInflater | null = null;

/** The streaming inflater used where no whole-part inflater is given (see ./index.ts). */
export function useStreamInflater(make: MakeStreamInflater | null): void {
  makeStream = make;
}

/** Thrown by an Inflater when the output would pass its limit. */
export class InflateLimit extends Error {}

const SLICE = 16 * 1024;

/**
 * Inflates one entry, handing the output to `sink` chunk by chunk. Stops with a WorkbookError
 * ('too-large') as soon as the output passes `cap`, or passes `limits.maxRatio` times the
 * compressed size once over `limits.ratioFloorBytes`: a 16 KB slice of deflate inflates to at most
 * ~16 MB, so no more than that is ever produced past a cap. Broken data: 'unreadable'. A native
 * inflater's output is handed on in `slice`-byte views (Infinity: all of it in one).
 */
export function inflateEntry(
  b: Uint8Array,
  e: ZipEntry,
  cap: number,
  limits: Limits,
  label: string,
  sink: (chunk: Uint8Array) => void,
  slice = SLICE * 64,
): void {
  const raw = rawEntry(b, e);
  if (!raw || (e.method !== 0 && e.method !== 8)) throw broken(label);
  // A host that supplied no inflater is a mistake of the code, not of the file: said as such,
  // before the try below would report it as a damaged file.
  if (e.method === 8 && !inflater && !makeStream) {
    throw new Error('No inflater: import src/workbook (fflate), or call useInflater first.');
  }
  const ratioCap = Math.max(limits.ratioFloorBytes, raw.length * limits.maxRatio);
  let total = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > cap || total > ratioCap) throw new Overflow();
    sink(chunk);
  };
  try {
    if (e.method === 0) {
      for (let i = 0; i < raw.length; i += SLICE * 64) take(raw.subarray(i, i + SLICE * 64));
      return;
    }
    if (inflater) {
      const limit = Math.min(cap, ratioCap);
      let out: Uint8Array;
      try {
        out = inflater(raw, limit, Math.min(e.uncompressedSize, limit));
      } catch (err) {
        if (err instanceof InflateLimit) {
          total = limit + 1;
          throw new Overflow();
        }
        throw err;
      }
      for (let i = 0; i < out.length; i += slice) take(out.subarray(i, i + slice));
      return;
    }
    const stream = makeStream!(take);
    if (raw.length === 0) stream.push(new Uint8Array(0), true);
    for (let i = 0; i < raw.length; i += SLICE) {
      stream.push(raw.subarray(i, i + SLICE), i + SLICE >= raw.length);
    }
  } catch (err) {
    if (err instanceof Overflow) {
      const over = total > cap ? `超过 ${Math.round(cap / 1048576)} MB` : '压缩比异常（疑似“压缩炸弹”）';
      throw new WorkbookError(
        'too-large',
        `工作簿中的“${e.name}”解压后${over}，为安全起见没有读取：${label} 请在 Excel 中打开并另存为新的 .xlsx 文件后再检查。`,
      );
    }
    if (err instanceof WorkbookError) throw err;
    throw broken(label);
  }
}

function broken(label: string): WorkbookError {
  return new WorkbookError(
    'unreadable',
    `文件不完整或已损坏，无法打开：${label} 可能是下载或复制没有完成。请重新获取原文件，或在 Excel 中打开后另存为 .xlsx。`,
  );
}

/** Text pieces are decoded this many bytes at a time (one piece for all but the largest parts). */
const PIECE = 8 * 1024 * 1024;

/**
 * Inflates one entry and hands its text to `sink` in pieces, each cut just after an ASCII byte
 * where one is near (preferably after a '>'), so a piece ends on a whole character and can be
 * decoded without TextDecoder's streaming mode: 3–5× cheaper on markup (17 MB: 7–10 ms against
 * 21–37 ms). A piece that is mostly Chinese text, or a cut that must fall inside a character (no
 * ASCII byte near), uses the streaming mode.
 * With the streaming inflater (no native one) the pieces are its output chunks, decoded as a stream.
 */
export function inflateText(
  b: Uint8Array,
  e: ZipEntry,
  cap: number,
  limits: Limits,
  label: string,
  sink: (text: string) => void,
): void {
  const decoder = new TextDecoder('utf-8');
  if (!inflater || e.method === 0) {
    inflateEntry(b, e, cap, limits, label, (chunk) => sink(decoder.decode(chunk, { stream: true })));
    sink(decoder.decode());
    return;
  }
  let whole: Uint8Array | null = null;
  inflateEntry(b, e, cap, limits, label, (chunk) => (whole = chunk), Infinity);
  const bytes = whole ?? new Uint8Array(0);
  try {
    for (let from = 0; from < bytes.length;) {
      const to = pieceEnd(bytes, from);
      const stream = (to < bytes.length && bytes[to - 1] >= 0x80) || mostlyWide(bytes, from, to);
      sink(decoder.decode(bytes.subarray(from, to), { stream }));
      from = to;
    }
  } catch (err) {
    // As when the pieces were handed on from inside the inflate (the sentences stay the same).
    if (err instanceof WorkbookError) throw err;
    throw broken(label);
  }
  sink(decoder.decode());
}

/**
 * True when most sampled bytes of [from, to) are past ASCII (Chinese text, as in the shared
 * strings): TextDecoder's streaming path is then the cheaper one (10.7 MB of shared strings:
 * 18 ms against 31 one-shot), while on ASCII markup the one-shot path is (17 MB sheet: 7 ms
 * against 36). Four samples of 1 KB are enough to tell the two kinds of part apart.
 */
function mostlyWide(bytes: Uint8Array, from: number, to: number): boolean {
  let wide = 0;
  let seen = 0;
  for (let k = 0; k < 4; k++) {
    const start = from + Math.floor(((to - from) * k) / 4);
    const end = Math.min(to, start + 1024);
    for (let i = start; i < end; i++) if (bytes[i] >= 0x80) wide++;
    seen += end - start;
  }
  return wide * 2 > seen;
}

/** Where the piece starting at `from` ends: after a '>' or else an ASCII byte near PIECE bytes on. */
function pieceEnd(bytes: Uint8Array, from: number): number {
  const end = from + PIECE;
  if (end >= bytes.length) return bytes.length;
  for (let k = end; k > end - 4096; k--) if (bytes[k - 1] === 0x3e) return k;
  for (let k = end; k > end - 16; k--) if (bytes[k - 1] < 0x80) return k;
  return end;
}

/** The whole entry as text (for the small parts). */
export function entryText(b: Uint8Array, e: ZipEntry, cap: number, limits: Limits, label: string): string {
  const parts: string[] = [];
  inflateText(b, e, cap, limits, label, (text) => parts.push(text));
  return parts.length === 1 ? parts[0] : parts.join('');
}
