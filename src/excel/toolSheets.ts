/**
 * How the add-in tells the sheets it made from the clerk's own, in one place (the command line's
 * counterpart is src/cli/toolSheets.ts):
 * - a summary, list or imported ledger carries a workbook-level defined name `ZGTZ_<kind>` that
 *   refers to its A1 (written by sheetsWriter.ts, and by the command line);
 * - a mark table is a hidden sheet named `ZGTZ_标注_<n>` (marksWriter.ts).
 * Such a sheet is never checked as a ledger nor merged as a unit's ledger.
 */

/** Defined names that mark a sheet the tool generated start with this. */
export const MARKER_PREFIX = 'ZGTZ_';
/** Sheets holding mark tables start with this; the rest is a number. */
export const MARK_TABLE_PREFIX = 'ZGTZ_标注_';
/** The kind the engine is told for a mark table (Grid.toolSheet). */
export const MARK_TABLE_KIND = 'mark_table';

/** The sheet a reference or a name's formula points at: "='逾期 清单'!$A$1" → "逾期 清单"; else null. */
export function sheetOfReference(reference: string): string | null {
  const ref = reference.startsWith('=') ? reference.slice(1) : reference;
  const bang = ref.lastIndexOf('!');
  if (bang <= 0) return null;
  const part = ref.slice(0, bang);
  if (part.startsWith("'") && part.endsWith("'")) return part.slice(1, -1).replace(/''/g, "'");
  // '=#REF!' is a name whose sheet was deleted (a sheet named so would be quoted).
  return part.startsWith('#') ? null : part;
}

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
