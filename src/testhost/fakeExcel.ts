/**
 * An in-memory Excel: the part of the Office.js object model the add-in uses, with the same
 * batching shape (queue operations and loads, then `context.sync()`), so the host code runs
 * unchanged against it in unit tests, the benchmark and the browser test page.
 *
 * Purpose-built rather than office-addin-mock: the tests need behaviour, not stubs. The parts:
 * - fake/model.ts and fake/workbook.ts: sheets, cells, rules, names, charts, options;
 * - fake/context.ts: the request context, operations applied in order at sync, payload limits,
 *   cell-edit mode, sync and byte accounting;
 * - fake/proxies.ts: worksheets, ranges, merged areas, conditional formats, names, charts;
 * - fake/numberFormat.ts: what Range.text shows.
 * Which behaviours are documented (with links) and which are assumptions: see the README.
 */
import { columnLetter } from '../core/grid';

export {
  FakeError,
  FakeSheet,
  type FakeCell,
  type FakeChart,
  type FakeExcelOptions,
  type FakeName,
  type FakeRule,
} from './fake/model';
export { FakeWorkbook } from './fake/workbook';
export { FakeContext, PAYLOAD_LIMIT } from './fake/context';
export { MAX_MERGED_AREAS, MAX_RANGES_ADDRESS, MAX_READ_CELLS } from './fake/proxies';

/** A1 address of a fake sheet's corner cell, for tests. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
