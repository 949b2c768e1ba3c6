/**
 * Reads the active sheet's used range into the engine's Grid, in row chunks sized so that every
 * response stays far below Excel on the web's 5 MB payload limit. The number of context.sync()
 * calls depends on the number of chunks only: 1 (used range) + 1 (probe) + chunks + 1 (merges,
 * date system, change check), plus a few when a sheet has more than 512 merged areas.
 */
import { serialToIso } from '../core/calendar';
import type { Cell, Grid, MergedArea } from '../core/types';
import { parseAreaList } from './a1';
import type { OfficeEnv } from './env';
import { errors, isPayloadTooLarge } from './errors';
import type { ReadProgress } from './host';

export interface ReadOptions {
  /** Bytes a response may carry (estimated, worst case); well under the 5 MB limit. */
  budgetBytes?: number;
  /** Rows of the first (probe) chunk used to estimate bytes per row. */
  probeRows?: number;
  /** Rows per merged-area request (Excel answers at most 512 areas per request). */
  mergeBlockRows?: number;
  /** The largest sheet the pane reads, in cells. */
  maxCells?: number;
}

export interface ReadResult {
  grid: Grid;
  /** The used range's address when read ("'台账'!A1:L300"), to detect later changes. */
  address: string;
  syncs: number;
}

const DEFAULTS: Required<ReadOptions> = {
  budgetBytes: 3_000_000,
  probeRows: 100,
  mergeBlockRows: 400,
  maxCells: 3_000_000,
};

/** Worst-case JSON size: non-ASCII characters counted as \uXXXX escapes (6 bytes). */
export function worstCaseBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 5;
  return n;
}

/** True for number formats that show a date ('yyyy"年"m"月"d"日"', 'm/d/yyyy', '[$-804]aaaa'). */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  if (/[yd]/i.test(bare)) return true;
  // 'm' alone is a month only next to date separators (h:mm and mm:ss are minutes).
  return /(^|[^h:])m{1,4}([^:s]|$)/i.test(bare) && /[/\-.年月]/.test(bare);
}

export function toCell(value: unknown, format: string | undefined, type: string | undefined): Cell {
  const t =
    type ??
    (value === '' || value === null || value === undefined
      ? 'Empty'
      : typeof value === 'number'
        ? 'Double'
        : typeof value === 'boolean'
          ? 'Boolean'
          : 'String');
  switch (t) {
    case 'Empty':
      return { type: 'empty', value: null };
    case 'Double':
    case 'Integer':
      return typeof value === 'number'
        ? { type: 'number', value, format: format ?? 'General' }
        : { type: 'text', value: String(value) };
    case 'Boolean':
      return { type: 'boolean', value: value === true || value === 'TRUE' };
    case 'Error':
      return { type: 'error', value: String(value) };
    default:
      if (value === '' || value === null || value === undefined) return { type: 'empty', value: null };
      return { type: 'text', value: String(value), format };
  }
}

interface Chunk {
  start: number;
  rows: number;
}

export async function readActiveSheet(
  env: OfficeEnv,
  onProgress?: (p: ReadProgress) => void,
  options: ReadOptions = {},
  /** Read this sheet instead of the active one (合并各单位台账 reads every sheet). */
  sheetName?: string,
): Promise<ReadResult> {
  const opts = { ...DEFAULTS, ...options };
  const hasMerges = env.isSetSupported('ExcelApi', '1.13');
  const counter = { syncs: 0 };
  return env.run(async (context) => {
    const before = counter.syncs;
    const sheet = sheetName
      ? context.workbook.worksheets.getItem(sheetName)
      : context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,rowCount,columnCount,rowIndex,columnIndex');
    await context.sync();
    counter.syncs++;
    if (used.isNullObject) throw errors.emptySheet(sheet.name);
    const total = used.rowCount;
    const columns = used.columnCount;
    if (total * columns > opts.maxCells) throw errors.tooLarge(total * columns);
    onProgress?.({ done: 0, total });

    const cells: Cell[][] = new Array(total);
    let dateProbe: { row: number; column: number; serial: number } | null = null;
    const take = (chunk: Chunk, range: Excel.Range): number => {
      const { values, numberFormat, valueTypes } = range;
      let maxRow = 0;
      for (let i = 0; i < chunk.rows; i++) {
        const row: Cell[] = new Array(columns);
        for (let j = 0; j < columns; j++) {
          const cell = toCell(values[i]?.[j], numberFormat[i]?.[j], valueTypes?.[i]?.[j]);
          row[j] = cell;
          if (!dateProbe && cell.type === 'number' && cell.format && isDateFormat(cell.format)) {
            dateProbe = { row: chunk.start + i, column: j, serial: cell.value as number };
          }
        }
        cells[chunk.start + i] = row;
        const bytes =
          worstCaseBytes(values[i]) + worstCaseBytes(numberFormat[i]) + worstCaseBytes(valueTypes?.[i] ?? []);
        if (bytes > maxRow) maxRow = bytes;
      }
      return maxRow;
    };
    const rangeOf = (chunk: Chunk) => {
      const r = sheet.getRangeByIndexes(used.rowIndex + chunk.start, used.columnIndex, chunk.rows, columns);
      r.load('values,numberFormat,valueTypes');
      return r;
    };

    // Probe: a small first chunk tells how heavy a row is.
    const probe: Chunk = { start: 0, rows: Math.min(total, opts.probeRows) };
    const probeRange = rangeOf(probe);
    await context.sync();
    counter.syncs++;
    const maxRowBytes = take(probe, probeRange);
    let done = probe.rows;
    onProgress?.({ done, total });
    // Later rows may carry longer text than the probe: assume half again the heaviest row seen,
    // and never less than 24 bytes a cell. A response that is still too large is asked again
    // in halves.
    const perRow = Math.max(maxRowBytes * 1.5, columns * 24);
    let rowsPerSync = Math.max(1, Math.floor(opts.budgetBytes / perRow));

    while (done < total) {
      const chunk: Chunk = { start: done, rows: Math.min(rowsPerSync, total - done) };
      const range = rangeOf(chunk);
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk, by design
        await context.sync();
        counter.syncs++;
      } catch (e) {
        if (isPayloadTooLarge(e) && rowsPerSync > 1) {
          rowsPerSync = Math.max(1, Math.floor(rowsPerSync / 2));
          continue;
        }
        throw e;
      }
      take(chunk, range);
      done += chunk.rows;
      onProgress?.({ done, total });
    }

    // Last round trip: merged areas, the date system, and whether the sheet moved under us.
    const again = sheet.getUsedRangeOrNullObject(true);
    again.load('address');
    const probeCell = dateProbe as { row: number; column: number; serial: number } | null;
    const textCell = probeCell
      ? sheet.getRangeByIndexes(used.rowIndex + probeCell.row, used.columnIndex + probeCell.column, 1, 1)
      : null;
    textCell?.load('text');
    let merges: MergedArea[] = [];
    let mergeAreas: Excel.RangeAreas | null = null;
    if (hasMerges) {
      mergeAreas = used.getMergedAreasOrNullObject();
      mergeAreas.load('address');
    }
    let currentAddress: string | null;
    let shown = '';
    try {
      await context.sync();
      counter.syncs++;
      currentAddress = again.isNullObject ? null : again.address;
      shown = String(textCell?.text?.[0]?.[0] ?? '');
      if (mergeAreas && !mergeAreas.isNullObject) merges = parseAreaList(mergeAreas.address);
    } catch (e) {
      if (!mergeAreas) throw e;
      // More than 512 merged areas: the failed request answered nothing, so ask again without
      // them, then block by block (each block alone, halving a block that still fails).
      const retry = sheet.getUsedRangeOrNullObject(true);
      retry.load('address');
      textCell?.load('text');
      await context.sync();
      counter.syncs++;
      currentAddress = retry.isNullObject ? null : retry.address;
      shown = String(textCell?.text?.[0]?.[0] ?? '');
      merges = await mergesByBlocks(context, sheet, used, total, columns, opts.mergeBlockRows, counter);
    }
    if (currentAddress !== used.address) throw errors.sheetChanged(sheet.name);

    let dateSystem: 1900 | 1904 = 1900;
    if (probeCell && textCell) {
      const y1900 = serialToIso(probeCell.serial, 1900)?.slice(0, 4);
      const y1904 = serialToIso(probeCell.serial, 1904)?.slice(0, 4);
      if (y1904 && y1900 && shown.includes(y1904) && !shown.includes(y1900)) dateSystem = 1904;
    }

    const grid: Grid = {
      sheet: sheet.name,
      firstRow: used.rowIndex + 1,
      firstColumn: used.columnIndex + 1,
      cells,
      merges,
      mergesKnown: hasMerges,
      dateSystem,
    };
    return { grid, address: used.address, syncs: counter.syncs - before };
  });
}

/** Blocks whose merged areas are asked for in one round trip. */
const MERGE_BLOCKS_PER_SYNC = 25;

async function mergesByBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  used: Excel.Range,
  total: number,
  columns: number,
  blockRows: number,
  counter: { syncs: number },
): Promise<MergedArea[]> {
  const seen = new Map<string, MergedArea>();
  const keep = (areas: Excel.RangeAreas) => {
    if (areas.isNullObject) return;
    // Excel gives every merged area that meets a block whole, so one spanning two blocks comes
    // twice: keep it once.
    for (const a of parseAreaList(areas.address)) seen.set(`${a.top}:${a.left}:${a.bottom}:${a.right}`, a);
  };
  const ask = (block: Chunk) => {
    const areas = sheet
      .getRangeByIndexes(used.rowIndex + block.start, used.columnIndex, block.rows, columns)
      .getMergedAreasOrNullObject();
    areas.load('address');
    return areas;
  };
  const blocks: Chunk[] = [];
  for (let start = 0; start < total; start += blockRows)
    blocks.push({ start, rows: Math.min(blockRows, total - start) });
  for (let g = 0; g < blocks.length; g += MERGE_BLOCKS_PER_SYNC) {
    const group = blocks.slice(g, g + MERGE_BLOCKS_PER_SYNC);
    const asked = group.map(ask);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk, by design
      await context.sync();
      counter.syncs++;
      asked.forEach(keep);
      continue;
    } catch {
      // One block of the group has more than 512 merged areas: go block by block, halving.
    }
    const queue = [...group];
    while (queue.length > 0) {
      const block = queue.shift() as Chunk;
      const areas = ask(block);
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk, by design
        await context.sync();
        counter.syncs++;
      } catch (e) {
        if (block.rows <= 1) throw e;
        const half = Math.ceil(block.rows / 2);
        queue.unshift(
          { start: block.start, rows: half },
          { start: block.start + half, rows: block.rows - half },
        );
        continue;
      }
      keep(areas);
    }
  }
  return [...seen.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}
