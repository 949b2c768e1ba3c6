/**
 * Workbook bytes → the engine's grids, for every host that has the file's bytes (the command line
 * reads the file, the task pane gets it from the clerk). No Node, DOM or Office.js API here. Hosts
 * import ./index, which supplies fflate's inflate; the command line imports this module and
 * supplies Node's zlib (src/cli/workbook.ts), so it never loads fflate.
 *
 * - .xlsx / .xlsm: our own one-pass reader (./xlsx.ts), chosen by measurement over SheetJS (see the
 *   README, "Reading workbooks").
 * - .xls (Excel 97–2003) and WPS .et, the same binary format: SheetJS Community Edition
 *   (@e965/xlsx), loaded only when such a file comes.
 * Every failure is a WorkbookError with one Chinese sentence.
 */
import type { Grid } from '../core/types';
import { WorkbookError } from './errors';
import { LIMITS, type Limits } from './limits';
import { readXlsx } from './xlsx';
import { findEntry, isZip, listZipEntries } from './zip';

export { WorkbookError, type WorkbookErrorReason } from './errors';
export { LIMITS, type Limits } from './limits';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isCfb(b: Uint8Array): boolean {
  return b.length >= 8 && CFB_MAGIC.every((x, i) => b[i] === x);
}

/** True when the UTF-16LE name occurs in the bytes (CFB directory entries). */
function hasUtf16(b: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    if (b[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Reads every worksheet of a workbook's bytes into a Grid. `label` names the file in messages. */
export async function readWorkbookBytes(
  data: Uint8Array | ArrayBuffer,
  label = '该文件',
  limits: Limits = LIMITS,
): Promise<Grid[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) {
    throw new WorkbookError(
      'not-a-workbook',
      `文件是空的（0 字节），不是 Excel 工作簿：${label} 请重新导出或另存为 .xlsx。`,
    );
  }
  if (bytes.length > limits.maxFileBytes) {
    throw new WorkbookError(
      'too-large',
      `文件超过 ${Math.round(limits.maxFileBytes / 1048576)} MB，不像是一份台账：${label} 请确认选择的文件是否正确。`,
    );
  }
  let grids: Grid[];
  if (isCfb(bytes)) grids = await readCfb(bytes, label, limits);
  else grids = readZip(bytes, label, limits);
  if (grids.every((g) => g.cells.length === 0)) {
    throw new WorkbookError('empty', `工作簿里没有任何内容：${label} 请确认选择的是填好的台账文件。`);
  }
  return grids;
}

function readZip(bytes: Uint8Array, label: string, limits: Limits): Grid[] {
  const entries = isZip(bytes) ? listZipEntries(bytes) : null;
  if (isZip(bytes) && !entries) {
    throw new WorkbookError(
      'unreadable',
      `文件不完整或已损坏，无法打开：${label} 可能是下载或复制没有完成。请重新获取原文件，或在 Excel 中打开后另存为 .xlsx。`,
    );
  }
  if (!entries) {
    throw new WorkbookError(
      'not-a-workbook',
      `这不是 Excel 工作簿（.xlsx）：${label} 如果它是 .csv、.et 或网页导出的表格，请在 Excel 或 WPS 中打开并另存为 .xlsx。`,
    );
  }
  if (!findEntry(entries, 'xl/workbook.xml')) {
    let what = '这是一个压缩文件，不是 Excel 工作簿（.xlsx）';
    if (findEntry(entries, 'xl/workbook.bin'))
      what = '这是 Excel 二进制工作簿（.xlsb），本工具只能读取 .xlsx 和 .xls';
    else if (entries.has('word/document.xml')) what = '这是 Word 文档，不是 Excel 工作簿（.xlsx）';
    else if (entries.has('ppt/presentation.xml'))
      what = '这是 PowerPoint 演示文稿，不是 Excel 工作簿（.xlsx）';
    else if (entries.has('content.xml'))
      what = '这是 OpenDocument 文件（.ods 等），不是 Excel 工作簿（.xlsx）';
    throw new WorkbookError(
      'not-a-workbook',
      `${what}：${label} 请选择台账的 .xlsx 文件，或在 Excel 中另存为 .xlsx。`,
    );
  }
  return readXlsx(bytes, entries, limits, label);
}

/** An OLE compound file: an encrypted .xlsx, or an .xls / .et workbook. */
async function readCfb(bytes: Uint8Array, label: string, limits: Limits): Promise<Grid[]> {
  if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) {
    throw new WorkbookError(
      'encrypted',
      `文件已加密（设置了打开密码）：${label} 请在 Excel 中取消密码，另存为 .xlsx 后再检查。`,
    );
  }
  if (!hasUtf16(bytes, 'Workbook') && !hasUtf16(bytes, 'Book')) {
    throw new WorkbookError(
      'encrypted',
      `文件已加密，或不是能读取的 Excel 文件：${label} 请在 Excel 中打开，取消密码并另存为 .xlsx 后再检查。`,
    );
  }
  const { readXls } = await import('./xls');
  return readXls(bytes, label, limits);
}
