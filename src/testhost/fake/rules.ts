/**
 * Which fill a conditional format shows on a cell: the rules of a sheet evaluated in priority
 * order, for the custom formulas the tool writes (an always-true tagged rule, or a tagged rule
 * comparing a cell of another sheet with a text). Relative references move with the cell from the
 * top-left of the rule's first area, as in Excel
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalrangeformatrule).
 */
import { columnLetter, columnNumber } from '../../core/grid';
import type { FakeRule, FakeSheet } from './model';

type Lookup = (sheet: string) => FakeSheet | undefined;

const ALWAYS = /^=N\("[^"]*"\)=0$/;
const LOOKUP = /^=AND\(N\("[^"]*"\)=0,'((?:[^']|'')+)'!(\$?)([A-Z]{1,3})(\$?)(\d+)="([^"]*)"\)$/;

function holds(rule: FakeRule, row: number, column: number, sheets: Lookup): boolean | null {
  if (ALWAYS.test(rule.formula)) return true;
  const m = LOOKUP.exec(rule.formula);
  if (!m) return null;
  const anchor = rule.areas[0];
  const target = sheets(m[1].replace(/''/g, "'"));
  if (!target || !anchor) return false; // #REF!: the rule shows nothing
  const c = m[2] ? columnNumber(m[3]) : columnNumber(m[3]) + (column - anchor.left);
  const r = m[4] ? Number(m[5]) : Number(m[5]) + (row - anchor.top);
  return String(target.get(r, c)?.value ?? '') === m[6];
}

/** The fill the first true rule gives the cell (rules earlier in the list have priority). */
export function shownFill(sheet: FakeSheet, row: number, column: number, sheets: Lookup): string | null {
  for (const rule of sheet.rules) {
    if (!rule.areas.some((a) => row >= a.top && row <= a.bottom && column >= a.left && column <= a.right))
      continue;
    if (holds(rule, row, column, sheets)) return rule.fill;
  }
  return null;
}

/** Every coloured cell of a sheet's area as 'E9' → fill, for comparisons. */
export function shownFills(
  sheet: FakeSheet,
  area: { top: number; left: number; bottom: number; right: number },
  sheets: Lookup,
): Map<string, string> {
  const out = new Map<string, string>();
  for (let r = area.top; r <= area.bottom; r++)
    for (let c = area.left; c <= area.right; c++) {
      const fill = shownFill(sheet, r, c, sheets);
      if (fill) out.set(`${columnLetter(c)}${r}`, fill);
    }
  return out;
}
