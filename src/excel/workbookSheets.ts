/**
 * Every sheet of the open workbook as grids, for 合并各单位台账 (a workbook with one sheet per unit
 * is common). Sheets this tool generated (marked by a `ZGTZ_<kind>` name, see sheetsWriter.ts) and
 * empty sheets are left out, so an earlier 汇总 in the same workbook is never merged again. Each
 * sheet is read like the active one (readSheet.ts): in chunks, with its merged areas.
 */
import type { Grid } from '../core/types';
import type { OfficeEnv } from './env';
import { HostError } from './host';
import { readActiveSheet, type ReadOptions } from './readSheet';
import { MARK_TABLE_PREFIX, markerSheet, queueMarkers } from './toolSheets';

/** The sheet names in tab order, and the ones the tool generated. */
async function listSheets(env: OfficeEnv): Promise<{ names: string[]; generated: Set<string> }> {
  return env.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const names = context.workbook.names;
    names.load('items/name');
    await context.sync();
    const markers = queueMarkers(names.items);
    if (markers.length > 0) await context.sync();
    const generated = new Set<string>();
    for (const m of markers) {
      const sheet = markerSheet(m);
      if (sheet) generated.add(sheet);
    }
    return { names: sheets.items.map((s) => s.name), generated };
  });
}

export async function readAllSheets(
  env: OfficeEnv,
  options: ReadOptions | undefined,
  onProgress?: (p: { sheet: string; done: number; total: number }) => void,
): Promise<Grid[]> {
  const { names, generated } = await listSheets(env);
  // The hidden mark tables (marksWriter.ts) are the tool's too.
  const wanted = names.filter((n) => !generated.has(n) && !n.startsWith(MARK_TABLE_PREFIX));
  const grids: Grid[] = [];
  for (const [i, name] of wanted.entries()) {
    onProgress?.({ sheet: name, done: i, total: wanted.length });
    try {
      grids.push((await readActiveSheet(env, undefined, options, name)).grid);
    } catch (e) {
      if (e instanceof HostError && e.code === 'empty-sheet') continue;
      throw e;
    }
  }
  onProgress?.({ sheet: '', done: wanted.length, total: wanted.length });
  return grids;
}
