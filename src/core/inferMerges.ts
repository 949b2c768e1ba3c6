/**
 * Excel before ExcelApi 1.13 cannot tell the add-in which cells are merged. A category or problem
 * merged down over several measures then reads as a value on the first row and blanks below it,
 * and every measure but the first would seem to have no problem. When merges are unknown, the
 * engine infers those merges the way a clerk reads the sheet: in the category and problem columns,
 * a blank cell on a row that has a measure of its own continues the nearest value above it. A row
 * without a measure (a spacer, 合计, 注) ends the run.
 */
import { cellAt, isBlank, lastRow } from './grid';
import type { Field, Grid, HeaderResult, MergedArea } from './types';

const SPREAD_DOWN: readonly Field[] = ['category', 'problem'];

export function inferMerges(grid: Grid, header: HeaderResult): MergedArea[] {
  const measure = header.columns.measure?.column;
  if (!measure) return [];
  const areas: MergedArea[] = [];
  const end = lastRow(grid);
  for (const field of SPREAD_DOWN) {
    const column = header.columns[field]?.column;
    if (!column) continue;
    let top: number | null = null;
    let bottom = 0;
    const close = () => {
      if (top !== null && bottom > top) areas.push({ top, left: column, bottom, right: column });
      top = null;
    };
    for (let row = header.firstDataRow; row <= end; row++) {
      if (isBlank(cellAt(grid, row, measure))) {
        close();
      } else if (!isBlank(cellAt(grid, row, column))) {
        close();
        top = row;
        bottom = row;
      } else if (top !== null) {
        bottom = row;
      }
    }
    close();
  }
  return areas;
}

/** The grid as the engine should read it: with inferred merges when the host could not tell them. */
export function withKnownMerges(grid: Grid, header: HeaderResult): Grid {
  if (grid.mergesKnown !== false) return grid;
  return { ...grid, merges: [...grid.merges, ...inferMerges(grid, header)], mergesKnown: true };
}
