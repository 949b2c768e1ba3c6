/**
 * The .xlsx reader: the zip's bytes in, one Grid per worksheet out, in one pass over each part.
 *
 * Every part is inflated and its text fed in large pieces to our own strict scanner
 * (./sheetScanner.ts, checked against saxes in tests/cli/sheetScanner.test.ts): the worksheets,
 * the shared strings and the small parts (workbook, relationships, styles). Values, types, number
 * formats (for dates), shared strings and the merge list are all that is read (no styles model
 * beyond the number format of each style). Every cap in LIMITS is checked as the data arrives.
 * No Node API: the task pane loads this too.
 */
import type { Grid } from '../core/types';
import type { SheetState } from './cells';
import { WorkbookError, damaged } from './errors';
import type { Limits } from './limits';
import { SharedStringsReader, decodeXString } from './sharedStrings';
import { SheetReader } from './sheet';
import { SheetScanner } from './sheetScanner';
import { isDateFormat } from '../core/numberFormat';
import { BUILTIN_FORMATS } from './numberFormats';
import { entryText, findEntry, inflateText, type ZipEntry } from './zip';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_STYLES = /\/styles$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;

interface Context {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  limits: Limits;
  label: string;
  /** Cells read so far over the workbook. */
  cells: number;
}

/** Scans a whole small XML text, calling `open`/`close`. Broken XML: the damaged sentence. */
function scanXml(
  xml: string,
  label: string,
  handlers: { open: (name: string, tag: SheetScanner) => void; close?: (name: string) => void },
): void {
  const p = new SheetScanner({ open: handlers.open, text() {}, close: handlers.close ?? (() => {}) });
  try {
    p.write(xml);
    p.close();
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw damaged(label);
  }
}

function partText(ctx: Context, name: string, cap = ctx.limits.maxSmallPartBytes): string | null {
  const e = findEntry(ctx.entries, name);
  return e ? entryText(ctx.bytes, e, cap, ctx.limits, ctx.label) : null;
}

/** Relationship id → { type, target part name } of a part's .rels. */
function readRels(ctx: Context, part: string): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const xml = partText(ctx, `${dir}_rels/${part.slice(slash + 1)}.rels`);
  const out = new Map<string, { type: string; target: string }>();
  if (xml === null) return out;
  scanXml(xml, ctx.label, {
    open(name, t) {
      if (name !== 'Relationship') return;
      const id = t.attr('Id');
      const target = t.attr('Target');
      if (!id || !target || t.attr('TargetMode') === 'External') return;
      out.set(id, { type: t.attr('Type') ?? '', target: resolvePart(dir, target) });
    },
  });
  return out;
}

/** A relationship target as a part name: relative to the source's folder, or absolute. */
export function resolvePart(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export { decodeXString };

interface WorkbookInfo {
  sheets: { name: string; part: string | null }[];
  date1904: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

function readWorkbookPart(ctx: Context, workbookPart: string): WorkbookInfo {
  const xml = partText(ctx, workbookPart);
  if (xml === null) throw damaged(ctx.label);
  const rels = readRels(ctx, workbookPart);
  const info: WorkbookInfo = { sheets: [], date1904: false, stylesPart: null, sharedStringsPart: null };
  scanXml(xml, ctx.label, {
    open(name, t) {
      if (name === 'workbookPr') {
        const v = (t.attr('date1904') ?? '').trim().toLowerCase();
        info.date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const rel = rels.get(t.attr('id') ?? '');
        // Chart sheets and dialog sheets hold no cells.
        if (rel && !REL_WORKSHEET.test(rel.type)) return;
        info.sheets.push({ name: t.attr('name') ?? '', part: rel ? rel.target : null });
      }
    },
  });
  for (const r of rels.values()) {
    if (REL_STYLES.test(r.type)) info.stylesPart = r.target;
    if (REL_SHARED_STRINGS.test(r.type)) info.sharedStringsPart = r.target;
  }
  return info;
}

/** Number format per cell style index (cellXfs), null for General. */
function readStyles(ctx: Context, part: string | null): (string | null)[] {
  const xml = part ? partText(ctx, part) : null;
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  scanXml(xml, ctx.label, {
    open(name, t) {
      if (name === 'numFmt') custom.set(Number(t.attr('numFmtId')), t.attr('formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(t.attr('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => {
    const f = custom.get(id) ?? BUILTIN_FORMATS[id];
    return f === undefined || f === '' || f === 'General' ? null : f;
  });
}

/** The shared strings (./sharedStrings.ts). */
function readSharedStrings(ctx: Context, part: string | null): string[] {
  const e = part ? findEntry(ctx.entries, part) : undefined;
  if (!e) return [];
  const reader = new SharedStringsReader();
  try {
    inflateText(ctx.bytes, e, ctx.limits.maxSharedStringsBytes, ctx.limits, ctx.label, (text) => {
      try {
        reader.write(text);
      } catch (err) {
        throw err instanceof WorkbookError ? err : damaged(ctx.label);
      }
    });
    reader.close();
  } catch (err) {
    if (err instanceof WorkbookError) throw err;
    throw damaged(ctx.label);
  }
  return reader.strings;
}

/** Reads one worksheet part into a Grid, its text inflated straight into the reader. */
function readSheet(ctx: Context, name: string, e: ZipEntry, s: SheetState): Grid {
  const reader = new SheetReader(ctx, name, s);
  try {
    inflateText(ctx.bytes, e, ctx.limits.maxSheetBytes, ctx.limits, ctx.label, (text) => reader.write(text));
    return reader.finish();
  } catch (err) {
    if (err instanceof WorkbookError) throw err;
    throw damaged(ctx.label);
  }
}

/** Reads every worksheet of an .xlsx package (already known to be a zip). */
export function readXlsx(
  bytes: Uint8Array,
  entries: Map<string, ZipEntry>,
  limits: Limits,
  label: string,
): Grid[] {
  const ctx: Context = { bytes, entries, limits, label, cells: 0 };
  let workbookPart = 'xl/workbook.xml';
  for (const r of readRels(ctx, '').values()) {
    if (REL_OFFICE_DOCUMENT.test(r.type)) workbookPart = r.target;
  }
  const info = readWorkbookPart(ctx, workbookPart);
  const formats = readStyles(ctx, info.stylesPart);
  const strings = readSharedStrings(ctx, info.sharedStringsPart);
  const dateStyles = formats.map((f) => f !== null && isDateFormat(f));
  const state: SheetState = {
    strings,
    formats,
    dateStyles,
    dateSystem: info.date1904 ? 1904 : 1900,
    stringCells: [],
    dateCells: [],
  };
  const grids: Grid[] = [];
  for (const sheet of info.sheets) {
    const e = sheet.part ? findEntry(entries, sheet.part) : undefined;
    if (!e) {
      throw new WorkbookError(
        'unreadable',
        `工作表“${sheet.name}”的内容在文件中缺失，文件已损坏：${label} 请在 Excel 中打开它，另存为新的 .xlsx 文件后再检查。`,
      );
    }
    grids.push(readSheet(ctx, sheet.name, e, state));
  }
  return grids;
}
