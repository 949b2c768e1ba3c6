/**
 * How the add-in tells the sheets it made from the clerk's own, in one place (the command line's
 * counterpart is src/cli/toolSheets.ts):
 * - a summary, list or imported ledger carries a workbook-level defined name `ZGTZ_<kind>` that
 *   refers to its A1 (written by sheetsWriter.ts, and by the command line);
 * - a mark table is a hidden sheet named `ZGTZ_标注_<n>` (marksWriter.ts).
 * Such a sheet is never checked as a ledger nor merged as a unit's ledger.
 */

import { sheetOfReference } from '../core/a1';
import { MARK_TABLE_KIND, MARK_TABLE_PREFIX, MARKER_PREFIX } from '../core/protocol';

/** The names themselves are the host protocol's (src/core/protocol.ts). */
export { MARK_TABLE_KIND, MARK_TABLE_PREFIX, MARKER_PREFIX };

export { sheetOfReference };

/**
 * The kind of tool-made sheet `sheet` is ('summary', 'overdue_list', 'mark_table'), or undefined
 * for the clerk's own sheet. `names` are the workbook's defined names with their formulas
 * (NamedItem.formula, ExcelApi 1.7), loaded in the same round trip as the sheet.
 */
export function toolSheetKind(
  sheet: string,
  names: ReadonlyArray<{ name: string; formula?: unknown }>,
): string | undefined {
  if (sheet.startsWith(MARK_TABLE_PREFIX)) return MARK_TABLE_KIND;
  for (const n of names) {
    if (!n.name.toUpperCase().startsWith(MARKER_PREFIX) || typeof n.formula !== 'string') continue;
    if (sheetOfReference(n.formula) === sheet) return n.name.slice(MARKER_PREFIX.length);
  }
  return undefined;
}

/** A workbook name marking a tool-made sheet, with its range queued for loading. */
export interface Marker {
  item: Excel.NamedItem;
  /** The name upper-cased (Excel compares names case-insensitively). */
  key: string;
  range: Excel.Range;
}

/**
 * Queues the range of every marker among the workbook's names (loaded with 'items/name'); the
 * caller syncs once when the list is not empty, then asks markerSheet where each points.
 */
export function queueMarkers(names: readonly Excel.NamedItem[]): Marker[] {
  return names
    .filter((n) => n.name.toUpperCase().startsWith(MARKER_PREFIX))
    .map((item) => {
      const range = item.getRangeOrNullObject();
      range.load('address');
      return { item, range, key: item.name.toUpperCase() };
    });
}

/** The sheet a loaded marker points at ("'整改汇总'!A1" → 整改汇总); null when its sheet is gone. */
export function markerSheet(m: Marker): string | null {
  return m.range.isNullObject ? null : sheetOfReference(m.range.address ?? '');
}
