/**
 * Applies a SheetPlan (src/core/sheetPlan.ts) to an ExcelJS workbook. Any plan kind: the imported
 * ledger, summaries, overdue lists. The Office.js host does the same with its own API.
 *
 * - Text cells are written as JS strings, which exceljs always stores as string cells (never a
 *   formula), so "=SUM(A1)", "+1", "-1", "@x" stay literal (tests/cli/sheetWriter.test.ts checks).
 * - The sheet is always new: when plan.name is taken, a free name is chosen (safeSheetName), so
 *   nothing already in the workbook is overwritten. Callers that want to replace a generated sheet
 *   remove it first. The returned worksheet carries the name actually used.
 * - A text cell with '' is written as a styled blank cell (borders, no value).
 * - Charts (plan.charts) are skipped: exceljs cannot draw charts.
 * - plan.rowHeights (points) are set as given; other rows keep Excel's automatic height.
 * - Write the workbook with workbookBuffer (src/cli/xlsxFile.ts), not wb.xlsx.write*: it stores
 *   the link cells as in-workbook links that other spreadsheet programs follow.
 */
import type ExcelJS from 'exceljs';
import { quoteSheet } from '../core/a1';
import { fromIso } from '../core/calendar';
import { DEFAULT_DATE_FORMAT, PLAN_STYLES } from '../core/protocol';
import { safeSheetName, type PlanCell, type PlanStyle, type SheetPlan } from '../core/sheetPlan';

export { DEFAULT_DATE_FORMAT };

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

interface StyleSpec {
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill;
  border?: Partial<ExcelJS.Borders>;
  alignment?: Partial<ExcelJS.Alignment>;
}

/** PLAN_STYLES (src/core/protocol.ts) in exceljs terms. */
function styleSpec(style: PlanStyle): StyleSpec {
  const s = PLAN_STYLES[style];
  const spec: StyleSpec = {};
  if (s.bold || s.italic || s.size) {
    spec.font = {};
    if (s.bold) spec.font.bold = true;
    if (s.italic) spec.font.italic = true;
    if (s.size) spec.font.size = s.size;
  }
  if (s.fill) spec.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } };
  if (s.border) spec.border = THIN;
  spec.alignment = {};
  if (s.horizontal) spec.alignment.horizontal = s.horizontal;
  if (s.vertical) spec.alignment.vertical = s.vertical === 'center' ? 'middle' : s.vertical;
  if (s.wrap) spec.alignment.wrapText = true;
  return spec;
}

/** The style a cell gets when the plan names none. */
function defaultStyle(cell: Exclude<PlanCell, null>): PlanStyle {
  return cell.kind === 'number' ? 'number' : 'cell';
}

function applyStyle(target: ExcelJS.Cell, style: PlanStyle): void {
  const spec = styleSpec(style);
  if (spec.font) target.font = { ...spec.font };
  if (spec.fill) target.fill = { ...spec.fill } as ExcelJS.Fill;
  if (spec.border) target.border = { ...spec.border };
  if (spec.alignment) target.alignment = { ...spec.alignment };
}

/** A sheet name as an A1 reference needs it (the engine's, src/core/a1.ts). */
export const quoteSheetName = quoteSheet;

function writeCell(target: ExcelJS.Cell, cell: Exclude<PlanCell, null>): void {
  switch (cell.kind) {
    case 'text':
      // A JS string is always a string cell in exceljs (formulas need { formula }). An empty text
      // is a styled blank: the cell gets its borders but no value, so it reads as empty.
      if (cell.text !== '') target.value = cell.text;
      break;
    case 'number':
      target.value = cell.value;
      if (cell.format) target.numFmt = cell.format;
      break;
    case 'date': {
      const { year, month, day } = fromIso(cell.date);
      target.value = new Date(Date.UTC(year, month - 1, day));
      target.numFmt = cell.format ?? DEFAULT_DATE_FORMAT;
      break;
    }
    case 'link':
      target.value = { text: cell.text, hyperlink: `#${quoteSheetName(cell.sheet)}!${cell.cell}` };
      break;
  }
  applyStyle(target, cell.style ?? defaultStyle(cell));
  if (cell.kind === 'link') target.font = { ...target.font, color: { argb: 'FF0563C1' }, underline: true };
}

export function applySheetPlan(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const name = safeSheetName(
    plan.name,
    wb.worksheets.map((w) => w.name),
  );
  const ws = wb.addWorksheet(name);

  plan.columnWidths.forEach((w, i) => {
    if (Number.isFinite(w) && w > 0) ws.getColumn(i + 1).width = w;
  });

  plan.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === null) return;
      writeCell(ws.getCell(r + 1, c + 1), cell);
    });
  });

  for (const m of plan.merges) {
    if (m.bottom < m.top || m.right < m.left || (m.bottom === m.top && m.right === m.left)) continue;
    // Cells covered by the merge take the top-left cell's style, so borders run all round.
    const anchor = plan.rows[m.top - 1]?.[m.left - 1] ?? null;
    if (anchor) {
      const style = anchor.style ?? defaultStyle(anchor);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          applyStyle(ws.getCell(r, c), style);
        }
      }
    }
    ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }

  // Merged wrapped lines: no host auto-fits their rows, so the plan gives the height.
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    const r = Number(row);
    if (Number.isInteger(r) && r >= 1 && Number.isFinite(height) && height > 0) {
      ws.getRow(r).height = Math.min(height, 409);
    }
  }

  if (plan.headerRow > 0) {
    ws.views = [
      { state: 'frozen', xSplit: 0, ySplit: plan.headerRow, topLeftCell: `A${plan.headerRow + 1}` },
    ];
  }
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(plan.headerRow > 0 ? { printTitlesRow: `${plan.headerRow}:${plan.headerRow}` } : {}),
  };

  // plan.charts: exceljs cannot draw charts, so they are skipped here; the Office.js host draws them.
  return ws;
}
