/**
 * The command-line host's reader: a workbook file in, the engine's grids out (one per worksheet).
 *
 * The bytes → grids part lives in src/workbook/ (no Node API; the task pane loads it too). This
 * module only opens the file safely: regular files only (a FIFO or /dev/zero named .xlsx is
 * refused at once instead of hanging or growing without end), no more than the size cap, read
 * once. Every failure is a WorkbookError whose message is one plain Chinese sentence.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'fs';
import * as nodePath from 'path';
import type { Grid } from '../core/types';
import { inflateRawSync } from 'zlib';
import { LIMITS, WorkbookError, readWorkbookBytes } from '../workbook/read';
import { InflateLimit, listZipEntries, rawEntry, useInflater, type Inflater } from '../workbook/zip';

// Node's native inflate for the reader (the task pane keeps fflate's). Output buffers of the size
// the zip announces: a part then inflates into one buffer instead of 16 KB pieces joined by a
// copy at the end (17 MB sheet: 13–18 ms against 28 ms). A size that lies only costs the join.
export const nativeInflate: Inflater = (raw, maxBytes, expectedBytes) => {
  const chunkSize = Math.max(64 * 1024, Math.min(expectedBytes, maxBytes));
  try {
    return inflateRawSync(raw, {
      maxOutputLength: Math.max(1, Math.min(maxBytes, 0x3fffffff)),
      chunkSize,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimit();
    throw e;
  }
};
useInflater(nativeInflate);

export { WorkbookError, type WorkbookErrorReason } from '../workbook/read';

/** Reads every worksheet of an .xlsx/.xls file into a Grid. Throws WorkbookError (Chinese message). */
export async function readWorkbook(path: string): Promise<Grid[]> {
  return (await readWorkbookFile(path)).grids;
}

/**
 * Worksheet parts as the reader inflated them, for the --out copy: the ledger sheet then need not
 * be inflated a second time (17 MB at 50,000 rows: about 30 ms). Looked up by the part's
 * compressed bytes (a view into the file's bytes), and handed out once.
 */
export class InflatedSheets {
  private readonly parts = new Map<number, Buffer>();

  constructor(private readonly file: Uint8Array) {}

  /** Where `raw` starts in the file, or -1 when it is not a view into the file's bytes. */
  private at(raw: Uint8Array): number {
    return raw.buffer === this.file.buffer ? raw.byteOffset - this.file.byteOffset : -1;
  }

  keep(raw: Uint8Array, inflated: Buffer): void {
    this.parts.set(this.at(raw), inflated);
  }

  /** The inflated bytes of the entry whose compressed bytes are `raw`, once; else undefined. */
  take(raw: Uint8Array): Buffer | undefined {
    const at = this.at(raw);
    const part = this.parts.get(at);
    this.parts.delete(at);
    return part;
  }
}

/** Worksheets smaller than this are not kept: inflating them again costs next to nothing. */
const KEEP_FROM = 1048576;

/** The grids and the file's bytes, for a caller that writes a copy afterwards (read once). */
export async function readWorkbookFile(
  path: string,
  keepSheets = false,
): Promise<{ grids: Grid[]; bytes: Buffer; sheets: InflatedSheets | null }> {
  const bytes = await readRegularFile(path, LIMITS.maxFileBytes);
  const sheets = keepSheets ? keepingInflater(bytes) : null;
  try {
    return { grids: await readWorkbookBuffer(bytes, path), bytes, sheets };
  } catch (e) {
    // Excel leaves a small "~$name.xlsx" owner file next to a workbook it has open.
    if (
      e instanceof WorkbookError &&
      e.reason === 'not-a-workbook' &&
      nodePath.basename(path).startsWith('~$')
    ) {
      throw new WorkbookError(
        'not-a-workbook',
        `这是 Excel 打开工作簿时生成的临时锁定文件：${path} 请选择不带“~$”前缀的原文件。`,
      );
    }
    throw e;
  } finally {
    if (sheets) useInflater(nativeInflate);
  }
}

/**
 * Makes the reader's inflater keep what it inflates of `file`'s large worksheet parts (until
 * readWorkbookFile puts the plain one back). Only worksheets: the shared strings (10 MB at 50,000
 * rows) are never needed again.
 */
function keepingInflater(file: Buffer): InflatedSheets {
  const sheets = new InflatedSheets(file);
  const worksheets = new Set<number>();
  for (const [name, e] of listZipEntries(file) ?? []) {
    const raw = /^xl\/worksheets\/[^/]+\.xml$/i.test(name) ? rawEntry(file, e) : null;
    if (raw) worksheets.add(raw.byteOffset);
  }
  useInflater((raw, maxBytes, expectedBytes) => {
    const out = nativeInflate(raw, maxBytes, expectedBytes);
    if (out.length >= KEEP_FROM && worksheets.has(raw.byteOffset)) sheets.keep(raw, out as Buffer);
    return out;
  });
  return sheets;
}

/** Same as readWorkbook, from the file's bytes. `label` names the file in messages. */
export function readWorkbookBuffer(data: Uint8Array | ArrayBuffer, label = '该文件'): Promise<Grid[]> {
  return readWorkbookBytes(data, label);
}

/**
 * The bytes of a regular file, at most `cap` of them. Opened non-blocking, so a FIFO cannot hang
 * the open; anything but a regular file (FIFO, device, socket, folder) is refused after fstat.
 * Read with the synchronous calls: the command does nothing else meanwhile, and the promise API
 * cost 8–12 ms of CPU on first use (loading and starting it) against about 1 for the read itself.
 */
export async function readRegularFile(path: string, cap: number): Promise<Buffer> {
  return readRegularFileSync(path, cap);
}

function readRegularFileSync(path: string, cap: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw fileError(path, (e as NodeJS.ErrnoException).code);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw fileError(path, 'EISDIR');
    if (!st.isFile()) {
      throw new WorkbookError(
        'not-a-workbook',
        `这不是一个普通文件（可能是设备、管道或特殊文件）：${path} 请指定台账的 .xlsx 文件。`,
      );
    }
    if (st.size > cap) {
      throw new WorkbookError(
        'too-large',
        `文件超过 ${Math.round(cap / 1048576)} MB，不像是一份台账：${path} 请确认选择的文件是否正确。`,
      );
    }
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < buf.length) {
      const bytesRead = readSync(fd, buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === buf.length ? buf : buf.subarray(0, got);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw fileError(path, (e as NodeJS.ErrnoException).code);
  } finally {
    closeSync(fd);
  }
}

function fileError(path: string, code: string | undefined): WorkbookError {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new WorkbookError('not-found', `文件不存在：${path} 请检查路径和文件名是否正确。`);
    case 'EISDIR':
      return new WorkbookError('unreadable', `这是一个文件夹，不是文件：${path} 请指定其中的 .xlsx 文件。`);
    case 'EACCES':
    case 'EPERM':
      return new WorkbookError(
        'unreadable',
        `没有权限读取文件：${path} 请检查文件权限，或把文件复制到自己的文件夹后再试。`,
      );
    case 'EBUSY':
      return new WorkbookError('unreadable', `文件正被其他程序占用：${path} 请先在 Excel 中关闭它再试。`);
    default:
      return new WorkbookError('unreadable', `无法打开文件：${path} 请确认文件可以正常打开后再试。`);
  }
}
