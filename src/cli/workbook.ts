/**
 * The command-line host's reader: an .xlsx file in, the engine's grids out (one per worksheet).
 *
 * Everything that can go wrong with the file itself ends in a WorkbookError whose message is a
 * plain Chinese sentence for the clerk (what happened, what to do), never a raw zip/exceljs error.
 */
import { promises as fs } from 'fs';
import * as nodePath from 'path';
import { inflateRawSync } from 'zlib';
import ExcelJS from 'exceljs';
import { serialToIso } from '../core/calendar';
import type { Cell, Grid, MergedArea } from '../core/types';

export type WorkbookErrorReason = 'not-found' | 'not-a-workbook' | 'encrypted' | 'empty' | 'unreadable';

export class WorkbookError extends Error {
  constructor(
    public reason: WorkbookErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

// ---------------------------------------------------------------------------------------------
// exceljs knows no format string for the locale-dependent built-in number formats (ids 27–36 and
// 50–58). Chinese Excel and WPS write exactly those for 年月日 dates (31 = yyyy"年"m"月"d"日",
// 57/58 = yyyy"年"m"月" / m"月"d"日") without spelling the format out, so exceljs would hand the
// dates over as bare serial numbers with no format. Teach it the zh-CN strings (reading only:
// the writer never calls this).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NumFmtXform = require('exceljs/lib/xlsx/xform/style/numfmt-xform') as {
  getDefaultFmtCode: ((id: number) => string | undefined) & { zhPatched?: boolean };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DEFAULT_FORMATS = require('exceljs/lib/xlsx/defaultnumformats') as Record<
  number,
  Record<string, string>
>;
if (!NumFmtXform.getDefaultFmtCode.zhPatched) {
  const original = NumFmtXform.getDefaultFmtCode;
  const patched = (id: number): string | undefined => original(id) ?? DEFAULT_FORMATS[id]?.['zh-cn'];
  NumFmtXform.getDefaultFmtCode = Object.assign(patched, { zhPatched: true });
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Reads every worksheet of an .xlsx file into a Grid. Throws WorkbookError (Chinese message). */
export async function readWorkbook(path: string): Promise<Grid[]> {
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (e) {
    throw fileError(path, (e as NodeJS.ErrnoException).code);
  }
  try {
    return await readWorkbookBuffer(data, path);
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
  }
}

/** Same as readWorkbook, from the file's bytes. `label` names the file in messages. */
export async function readWorkbookBuffer(data: Buffer | ArrayBuffer, label = '该文件'): Promise<Grid[]> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data));
  const entries = checkContainer(buf, label);

  // exceljs only accepts date1904="1"; the file format also allows "true". Read the flag ourselves.
  const declared1904 = readDate1904(buf, entries);

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new WorkbookError(
      'unreadable',
      `无法读取工作簿：${label} 文件可能已损坏或内容不完整。请在 Excel 中打开它，另存为新的 .xlsx 文件后再检查。`,
    );
  }

  const loaded1904 = Boolean(wb.properties?.date1904);
  const dates: DateSystems = {
    loaded: loaded1904 ? 1904 : 1900,
    actual: loaded1904 || declared1904 ? 1904 : 1900,
  };

  const grids: Grid[] = [];
  for (const ws of wb.worksheets) grids.push(readSheet(ws, dates));
  if (grids.every((g) => g.cells.length === 0)) {
    throw new WorkbookError('empty', `工作簿里没有任何内容：${label} 请确认选择的是填好的台账文件。`);
  }
  return grids;
}

// ---------------------------------------------------------------------------------------------
// File and container checks

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

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Rejects what is not an .xlsx container; returns the zip's entries. */
function checkContainer(buf: Buffer, label: string): Map<string, ZipEntry> {
  if (buf.length === 0) {
    throw new WorkbookError(
      'not-a-workbook',
      `文件是空的(0 字节)，不是 Excel 工作簿(.xlsx)：${label} 请重新导出或另存为 .xlsx。`,
    );
  }
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    // An OLE compound file: an encrypted .xlsx, or an old binary .xls. Stream names are UTF-16LE.
    const has = (name: string) => buf.includes(Buffer.from(name, 'utf16le'));
    if (has('EncryptedPackage') || has('EncryptionInfo')) {
      throw new WorkbookError(
        'encrypted',
        `文件已加密(设置了打开密码)：${label} 请在 Excel 中取消密码，另存为 .xlsx 后再检查。`,
      );
    }
    if (has('Workbook') || has('Book')) {
      throw new WorkbookError(
        'not-a-workbook',
        `这是旧版 Excel 97-2003 工作簿(.xls)：${label} 请在 Excel 中“另存为” .xlsx 格式后再检查。`,
      );
    }
    throw new WorkbookError(
      'encrypted',
      `文件已加密，或是旧版 .xls 文件：${label} 请在 Excel 中打开，取消密码并另存为 .xlsx 后再检查。`,
    );
  }
  const isZip = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  const entries = isZip ? listZipEntries(buf) : null;
  if (isZip && !entries) {
    throw new WorkbookError(
      'unreadable',
      `文件不完整或已损坏，无法打开：${label} 可能是下载或复制没有完成。请重新获取原文件，或在 Excel 中打开后另存为 .xlsx。`,
    );
  }
  if (!entries) {
    throw new WorkbookError(
      'not-a-workbook',
      `这不是 Excel 工作簿(.xlsx)：${label} 如果它是 .xls、.csv、.et 或网页导出的表格，请在 Excel 或 WPS 中打开并另存为 .xlsx。`,
    );
  }
  if (!entries.has('xl/workbook.xml')) {
    let what = '这是一个压缩文件，不是 Excel 工作簿(.xlsx)';
    if (entries.has('xl/workbook.bin')) what = '这是 Excel 二进制工作簿(.xlsb)，本工具只能读取 .xlsx';
    else if (entries.has('word/document.xml')) what = '这是 Word 文档，不是 Excel 工作簿(.xlsx)';
    else if (entries.has('ppt/presentation.xml')) what = '这是 PowerPoint 演示文稿，不是 Excel 工作簿(.xlsx)';
    else if (entries.has('content.xml')) what = '这是 OpenDocument 文件(.ods 等)，不是 Excel 工作簿(.xlsx)';
    throw new WorkbookError(
      'not-a-workbook',
      `${what}：${label} 请选择台账的 .xlsx 文件，或在 Excel 中另存为 .xlsx。`,
    );
  }
  return entries;
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip's central directory; null when the bytes are no readable zip. */
function listZipEntries(buf: Buffer): Map<string, ZipEntry> | null {
  // The end-of-central-directory record sits in the last 22 + up to 65535 (comment) bytes.
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return entries.size ? entries : null;
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const name = buf
      .toString('utf8', p + 46, p + 46 + nameLength)
      .replace(/\\/g, '/')
      .replace(/^\//, '');
    entries.set(name, {
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readZipText(buf: Buffer, entry: ZipEntry | undefined): string | null {
  if (!entry) return null;
  try {
    const h = entry.localOffset;
    if (buf.readUInt32LE(h) !== 0x04034b50) return null;
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const raw = buf.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) return raw.toString('utf8');
    if (entry.method === 8) return inflateRawSync(raw).toString('utf8');
    return null;
  } catch {
    return null;
  }
}

/** True when xl/workbook.xml declares the 1904 date system in any spelling the format allows. */
function readDate1904(buf: Buffer, entries: Map<string, ZipEntry>): boolean {
  const xml = readZipText(buf, entries.get('xl/workbook.xml'));
  if (!xml) return false;
  const m = /<(?:\w+:)?workbookPr\b[^>]*?\bdate1904\s*=\s*["']\s*(\w+)\s*["']/.exec(xml);
  return !!m && (m[1] === '1' || m[1].toLowerCase() === 'true');
}

// ---------------------------------------------------------------------------------------------
// Sheets and cells

interface DateSystems {
  /** The system exceljs used to turn serials into Dates. */
  loaded: 1900 | 1904;
  /** The system the workbook really uses. */
  actual: 1900 | 1904;
}

const EMPTY_CELL = (): Cell => ({ type: 'empty', value: null });

function readSheet(ws: ExcelJS.Worksheet, dates: DateSystems): Grid {
  const found: { row: number; col: number; cell: Cell }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      // A merged area's other cells repeat the master's value in exceljs: they are empty here.
      if (c.type === ExcelJS.ValueType.Merge) return;
      const cell = convertCell(c, dates);
      if (cell.type === 'empty' && !cell.formula) return;
      found.push({ row: rowNumber, col: colNumber, cell });
      if (rowNumber < top) top = rowNumber;
      if (rowNumber > bottom) bottom = rowNumber;
      if (colNumber < left) left = colNumber;
      if (colNumber > right) right = colNumber;
    });
  });

  const merges = readMerges(ws);
  const grid: Grid = {
    sheet: ws.name,
    firstRow: 1,
    firstColumn: 1,
    cells: [],
    merges,
    dateSystem: dates.actual,
  };
  if (bottom === 0) return grid;

  grid.firstRow = top;
  grid.firstColumn = left;
  const cells: Cell[][] = Array.from({ length: bottom - top + 1 }, () => []);
  for (const { row, col, cell } of found) {
    const r = cells[row - top];
    const i = col - left;
    while (r.length < i) r.push(EMPTY_CELL());
    r[i] = cell;
  }
  grid.cells = cells;
  return grid;
}

function readMerges(ws: ExcelJS.Worksheet): MergedArea[] {
  const out: MergedArea[] = [];
  const list = (ws.model as { merges?: string[] }).merges ?? [];
  for (const a1 of list) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a1.trim());
    if (!m) continue;
    const c1 = letters(m[1]);
    const r1 = Number(m[2]);
    const c2 = m[3] ? letters(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    out.push({
      top: Math.min(r1, r2),
      left: Math.min(c1, c2),
      bottom: Math.max(r1, r2),
      right: Math.max(c1, c2),
    });
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

function letters(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function convertCell(c: ExcelJS.Cell, dates: DateSystems): Cell {
  const numFmt = typeof c.numFmt === 'string' && c.numFmt !== '' ? c.numFmt : undefined;
  return convertValue(c.value, numFmt, dates);
}

function convertValue(v: unknown, numFmt: string | undefined, dates: DateSystems): Cell {
  if (v === null || v === undefined) return EMPTY_CELL();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { type: 'error', value: '#NUM!' };
    return { type: 'number', value: v, format: numFmt ?? 'General' };
  }
  if (typeof v === 'string') return v === '' ? EMPTY_CELL() : { type: 'text', value: v };
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  if (v instanceof Date) return convertDate(v, numFmt, dates);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) {
      return { ...convertValue(o.result, numFmt, dates), formula: true };
    }
    if ('error' in o) return { type: 'error', value: String(o.error) };
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: unknown }[])
        .map((run) => (typeof run?.text === 'string' ? run.text : ''))
        .join('');
      return text === '' ? EMPTY_CELL() : { type: 'text', value: text };
    }
    if ('hyperlink' in o || 'text' in o) {
      const inner = convertValue(o.text ?? null, numFmt, dates);
      if (inner.type !== 'empty') return inner;
      return typeof o.hyperlink === 'string' && o.hyperlink !== ''
        ? { type: 'text', value: o.hyperlink }
        : EMPTY_CELL();
    }
  }
  return EMPTY_CELL();
}

const MS_PER_DAY = 86_400_000;

/**
 * exceljs turns every date-formatted serial into a JS Date (UTC midnight for a whole day). Undo
 * that exactly, then read the serial with the engine's own calendar, so Excel's 1900 quirks and a
 * 1904 workbook come out as Excel shows them.
 */
function convertDate(d: Date, numFmt: string | undefined, dates: DateSystems): Cell {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return { type: 'error', value: '#NUM!' };
  const raw = ms / MS_PER_DAY + 25569 - (dates.loaded === 1904 ? 1462 : 0);
  const serial = Math.round(raw * 1e8) / 1e8;
  const format = numFmt ?? 'yyyy-mm-dd';
  if (isTimeOnlyFormat(format)) return { type: 'number', value: serial, format };
  const iso = serialToIso(serial, dates.actual);
  if (!iso) return { type: 'number', value: serial, format };
  return { type: 'date', value: iso, format };
}

/** A format that shows a time of day but no day, month or year ('h:mm', '[h]:mm:ss', 'mm:ss'). */
function isTimeOnlyFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  if (/[yYdDeE年日]/.test(bare)) return false;
  return /[hHsS时秒]/.test(bare);
}
