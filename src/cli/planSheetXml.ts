/**
 * A SheetPlan (src/core/sheetPlan.ts) as the XML of a new worksheet part, for the surgical
 * `--out` (src/cli/checkedWorkbook.ts). The Office.js host applies the same plans with its API.
 *
 * - Text is an inline string in a cell formatted '@' (Text), as the add-in writes it; text that
 *   starts like a formula (= + - @, tab, CR) also gets Excel's leading apostrophe (quotePrefix),
 *   so F2 then Enter in Excel keeps it text. Characters XML cannot carry are written `_xHHHH_`.
 * - A link is an in-workbook `<hyperlink location=…>` (no relationship), as Excel writes one.
 * - Merged areas carry the top-left cell's style on every covered cell (borders all round).
 * - Charts (plan.charts) are skipped, as in the exceljs writer; the Office.js host draws them.
 */
import { isoToSerial } from '../core/calendar';
import { DEFAULT_DATE_FORMAT } from '../core/protocol';
import type { PlanCell, PlanStyle, SheetPlan } from '../core/sheetPlan';
import { colName, escAttr, looksLikeFormula, quoteSheet, xstring } from './ooxml';
import type { StyleBook } from './styleBook';

export { DEFAULT_DATE_FORMAT };

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function defaultStyle(cell: Exclude<PlanCell, null>): PlanStyle {
  return cell.kind === 'number' ? 'number' : 'cell';
}

function cellXml(
  ref: string,
  cell: Exclude<PlanCell, null>,
  styles: StyleBook,
  dateSystem: 1900 | 1904,
): string {
  const style = cell.style ?? defaultStyle(cell);
  switch (cell.kind) {
    case 'text':
    case 'link': {
      const s = styles.xf({
        style,
        format: '@',
        quotePrefix: looksLikeFormula(cell.text),
        link: cell.kind === 'link',
      });
      if (cell.text === '') return `<c r="${ref}" s="${s}"/>`;
      return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${xstring(cell.text)}</t></is></c>`;
    }
    case 'number': {
      const s = styles.xf({ style, format: cell.format ?? 'General' });
      if (!Number.isFinite(cell.value)) return `<c r="${ref}" s="${s}"/>`;
      return `<c r="${ref}" s="${s}"><v>${cell.value}</v></c>`;
    }
    case 'date': {
      const s = styles.xf({ style, format: cell.format ?? DEFAULT_DATE_FORMAT });
      return `<c r="${ref}" s="${s}"><v>${isoToSerial(cell.date, dateSystem)}</v></c>`;
    }
  }
}

export function planSheetXml(plan: SheetPlan, styles: StyleBook, dateSystem: 1900 | 1904): string {
  // Cells by row and column, with the covered cells of merged areas styled like their anchor.
  const rows = new Map<number, Map<number, string>>();
  const put = (r: number, c: number, xml: string) => {
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    row.set(c, xml);
  };
  const links: string[] = [];
  let width = 0;
  plan.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const ref = `${colName(c + 1)}${r + 1}`;
      put(r + 1, c + 1, cellXml(ref, cell, styles, dateSystem));
      if (c + 1 > width) width = c + 1;
      if (cell.kind === 'link') {
        links.push(
          `<hyperlink ref="${ref}" location="${escAttr(`${quoteSheet(cell.sheet)}!${cell.cell}`)}"/>`,
        );
      }
    });
  });
  const merges: string[] = [];
  for (const m of plan.merges) {
    if (m.bottom < m.top || m.right < m.left || (m.bottom === m.top && m.right === m.left)) continue;
    const anchor = plan.rows[m.top - 1]?.[m.left - 1] ?? null;
    if (anchor) {
      const s = styles.xf({
        style: anchor.style ?? defaultStyle(anchor),
        format: anchor.kind === 'text' || anchor.kind === 'link' ? '@' : 'General',
      });
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          if (!rows.get(r)?.has(c)) put(r, c, `<c r="${colName(c)}${r}" s="${s}"/>`);
        }
      }
    }
    merges.push(`<mergeCell ref="${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}"/>`);
    if (m.right > width) width = m.right;
  }

  const heights = plan.rowHeights ?? {};
  const sheetData: string[] = [];
  const rowNumbers = [...new Set([...rows.keys(), ...Object.keys(heights).map(Number)])]
    .filter((r) => Number.isInteger(r) && r >= 1)
    .sort((a, b) => a - b);
  for (const r of rowNumbers) {
    const h = heights[r];
    const ht = Number.isFinite(h) && h > 0 ? ` ht="${Math.min(h, 409)}" customHeight="1"` : '';
    const cells = [...(rows.get(r) ?? new Map<number, string>()).entries()].sort((a, b) => a[0] - b[0]);
    sheetData.push(`<row r="${r}"${ht}>${cells.map(([, x]) => x).join('')}</row>`);
  }

  const cols = plan.columnWidths
    .map((w, i) =>
      Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '',
    )
    .join('');
  const last = rowNumbers.length ? rowNumbers[rowNumbers.length - 1] : 1;
  const pane =
    plan.headerRow > 0
      ? `<pane ySplit="${plan.headerRow}" topLeftCell="A${plan.headerRow + 1}" activePane="bottomLeft" state="frozen"/>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS}" xmlns:r="${RNS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${colName(Math.max(width, 1))}${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${sheetData.join('')}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '') +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `</worksheet>`
  );
}
