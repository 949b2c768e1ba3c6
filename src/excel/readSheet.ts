/**
 * Reads the active sheet's used range into the engine's Grid, in row chunks sized so that every
 * response stays far below Excel on the web's 5 MB payload limit. The number of context.sync()
 * calls depends on the number of chunks only: 1 (used range) + 1 (probe) + chunks + 1 (merges,
 * date system, change check), plus a few when a sheet has more than 512 merged areas. A sheet the
 * tool made (toolSheets.ts) is told by the first round trip and not read further.
 */
import { serialToIso } from '../core/calendar';
import type { Cell, Grid, MergedArea } from '../core/types';
import { parseAreaList } from '../core/a1';
import { isDateFormat } from '../core/numberFormat';
import { runOptions, supports } from './capabilities';
import type { OfficeEnv } from './env';
import { errors, isPayloadTooLarge } from './errors';
import type { ReadProgress } from './host';
import { toolSheetKind } from './toolSheets';

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

/** The engine's test (src/core/numberFormat.ts), re-exported for this host's readers. */
export { isDateFormat };

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
  const hasMerges = supports(env, 'mergedAreas');
  const counter = { syncs: 0 };
  return env.run(async (context) => {
    const before = counter.syncs;
    const sheet = sheetName
      ? context.workbook.worksheets.getItem(sheetName)
      : context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,rowCount,columnCount,rowIndex,columnIndex');
    // The defined names ride along in the first round trip: they tell a sheet the tool made.
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    await context.sync();
    counter.syncs++;
    const toolSheet = toolSheetKind(sheet.name, names.items);
    if (toolSheet) {
      // Never read as a ledger: the engine says so (checkGrid), nothing more is read.
      const grid: Grid = {
        sheet: sheet.name,
        firstRow: 1,
        firstColumn: 1,
        cells: [],
        merges: [],
        dateSystem: 1900,
        toolSheet,
      };
      return { grid, address: used.isNullObject ? '' : used.address, syncs: counter.syncs - before };
    }
    if (used.isNullObject) throw errors.emptySheet(sheet.name);
    const total = used.rowCount;
    const columns = used.columnCount;
    if (total * columns > opts.maxCells) throw errors.tooLarge(total * columns);
    onProgress?.({ done: 0, total });

    const cells: Cell[][] = new Array(total);
    // Date cells whose shown text tells the date system: the first of each date format, a few.
    const dateProbes: DateProbe[] = [];
    const probedFormats = new Set<string>();
    const take = (chunk: Chunk, range: Excel.Range): number => {
      const { values, numberFormat, valueTypes } = range;
      let maxRow = 0;
      for (let i = 0; i < chunk.rows; i++) {
        const row: Cell[] = new Array(columns);
        for (let j = 0; j < columns; j++) {
          const cell = toCell(values[i]?.[j], numberFormat[i]?.[j], valueTypes?.[i]?.[j]);
          row[j] = cell;
          if (
            dateProbes.length < MAX_DATE_PROBES &&
            cell.type === 'number' &&
            cell.format &&
            !probedFormats.has(cell.format) &&
            isDateFormat(cell.format) &&
            !/[hs]/i.test(cell.format.replace(/"[^"]*"/g, ''))
          ) {
            probedFormats.add(cell.format);
            dateProbes.push({ row: chunk.start + i, column: j, serial: cell.value as number });
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
    const probeCells = dateProbes.map((p) => {
      const r = sheet.getRangeByIndexes(used.rowIndex + p.row, used.columnIndex + p.column, 1, 1);
      r.load('text');
      return r;
    });
    let merges: MergedArea[] | null = [];
    let mergeAreas: Excel.RangeAreas | null = null;
    if (hasMerges) {
      mergeAreas = used.getMergedAreasOrNullObject();
      mergeAreas.load('address');
    }
    let currentAddress: string | null;
    try {
      await context.sync();
      counter.syncs++;
      currentAddress = again.isNullObject ? null : again.address;
      if (mergeAreas && !mergeAreas.isNullObject) merges = parseAreaList(mergeAreas.address);
    } catch (e) {
      if (!mergeAreas) throw e;
      // More than 512 merged areas: the failed request answered nothing, so ask again without
      // them, then block by block.
      const retry = sheet.getUsedRangeOrNullObject(true);
      retry.load('address');
      for (const r of probeCells) r.load('text');
      await context.sync();
      counter.syncs++;
      currentAddress = retry.isNullObject ? null : retry.address;
      merges = await mergesByBlocks(context, sheet, used, total, columns, opts.mergeBlockRows, counter);
    }
    if (currentAddress !== used.address) throw errors.sheetChanged(sheet.name);

    const shown = probeCells.map((r, i) => ({
      serial: dateProbes[i].serial,
      text: String(r.text?.[0]?.[0] ?? ''),
    }));
    const dateSystem = dateSystemFromShown(shown);

    const grid: Grid = {
      sheet: sheet.name,
      firstRow: used.rowIndex + 1,
      firstColumn: used.columnIndex + 1,
      cells,
      // When Excel would not tell (no API, or too many areas even row by row), the engine infers
      // the usual merges exactly as on Excel 2019.
      merges: merges ?? [],
      mergesKnown: hasMerges && merges !== null,
      dateSystem,
    };
    return { grid, address: used.address, syncs: counter.syncs - before };
  }, runOptions(env));
}

/** Blocks whose merged areas are asked for in one round trip. */
const MERGE_BLOCKS_PER_SYNC = 25;
/** Date cells (of different formats) whose text is read to tell the date system. */
const MAX_DATE_PROBES = 6;

interface DateProbe {
  row: number;
  column: number;
  serial: number;
}

/** Year, month and day of a serial in a date system (UTC arithmetic, the 1900 leap-year bug aside). */
function ymd(serial: number, system: 1900 | 1904): [number, number, number] | null {
  const iso = serialToIso(serial, system);
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
}

/**
 * True when the numbers a date cell shows ("2024年1月1日", "1月1日", "24/1/1") can be that serial
 * in this date system: each number is the year (four or two digits), the month or the day, each
 * field used once. The two systems are 4 years and 1 day apart, so a shown day or year decides.
 */
export function shownAs(serial: number, text: string, system: 1900 | 1904): boolean {
  const date = ymd(serial, system);
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  if (!date || numbers.length === 0 || numbers.length > 3) return false;
  const [y, m, d] = date;
  const fields: number[][] = [[y, y % 100], [m], [d]];
  const used = [false, false, false];
  const assign = (i: number): boolean => {
    if (i === numbers.length) return true;
    for (let f = 0; f < 3; f++) {
      if (used[f] || !fields[f].includes(numbers[i])) continue;
      used[f] = true;
      if (assign(i + 1)) return true;
      used[f] = false;
    }
    return false;
  };
  return assign(0);
}

/** 1904 only when some date cell is shown as 1904 would and not as 1900 would. */
export function dateSystemFromShown(shown: Array<{ serial: number; text: string }>): 1900 | 1904 {
  for (const { serial, text } of shown) {
    const a = shownAs(serial, text, 1900);
    const b = shownAs(serial, text, 1904);
    if (a !== b) return b ? 1904 : 1900;
  }
  return 1900;
}

/**
 * Merged areas of a sheet with more than 512 of them, block by block. Excel answers an area whose
 * top-left lies in the block whole, but one that only reaches into it from above comes clipped
 * (an assumption modelled in the fake): every area is met whole in the block holding its top-left
 * cell, and a clipped piece is always inside that whole area, so pieces inside another area are
 * dropped (merged areas never overlap). Null when Excel will not tell even row by row.
 */
async function mergesByBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  used: Excel.Range,
  total: number,
  columns: number,
  blockRows: number,
  counter: { syncs: number },
): Promise<MergedArea[] | null> {
  const seen = new Map<string, MergedArea>();
  const keep = (areas: Excel.RangeAreas) => {
    if (areas.isNullObject) return;
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
      } catch {
        counter.syncs++;
        if (block.rows <= 1) return null;
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
  return wholeAreas([...seen.values()]);
}

/** Drops areas that lie inside another (clipped pieces of an area met whole elsewhere). */
export function wholeAreas(areas: MergedArea[]): MergedArea[] {
  const sorted = [...areas].sort(
    (a, b) => a.top - b.top || a.left - b.left || b.bottom - a.bottom || b.right - a.right,
  );
  const out: MergedArea[] = [];
  // Areas that may still contain later ones (their bottom is not above the current top).
  let open: MergedArea[] = [];
  for (const a of sorted) {
    open = open.filter((o) => o.bottom >= a.top);
    const inside = open.some(
      (o) => o.left <= a.left && o.right >= a.right && o.top <= a.top && o.bottom >= a.bottom,
    );
    if (inside) continue;
    out.push(a);
    open.push(a);
  }
  return out;
}
