/**
 * Writes tool-made sheets (summaries, lists, imported ledgers) from SheetPlans with Office.js.
 *
 * - Text is always literal text: the cells get the text number format '@' before any value, and a
 *   value starting with = + - @ is written with a leading apostrophe, so it never becomes a formula.
 * - A sheet made by the tool is marked by a workbook-level defined name per kind (`ZGTZ_summary`,
 *   `ZGTZ_overdue_list`, …) referring to its A1 — the same marker the command line writes
 *   (src/cli/checkedWorkbook.ts). A name is saved with the file and follows a renamed sheet, so
 *   regenerating finds and replaces the tool's own sheet; a clerk's sheet of the same name carries
 *   no marker and is never touched: the new sheet gets a free name (safeSheetName).
 */
import { isoToSerial } from '../core/calendar';
import { columnLetter } from '../core/grid';
import {
  safeSheetName,
  type ChartPlan,
  type PlanCell,
  type PlanStyle,
  type SheetPlan,
} from '../core/sheetPlan';
import type { MergedArea } from '../core/types';
import { formatArea, quoteSheet } from './a1';
import { worstCaseBytes } from './readSheet';
import { supports } from './capabilities';
import type { OfficeEnv } from './env';
import type { WrittenSheet } from './host';

export const MARKER_PREFIX = 'ZGTZ_';
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
/** Estimated bytes of values and formats sent per sync (requests are limited to 5 MB too). */
const REQUEST_BUDGET = 1_500_000;

/**
 * Summaries and lists are regenerated: a new run replaces the tool's earlier sheet. An imported
 * ledger is not: once written it is the clerk's working document, so writing another never
 * replaces it (it gets a free name instead) and it carries no marker.
 */
export function isRegenerated(kind: SheetPlan['kind']): boolean {
  return kind !== 'imported-ledger';
}

export function markerName(kind: SheetPlan['kind']): string {
  return MARKER_PREFIX + kind.replace(/[^A-Za-z0-9]/g, '_');
}

/** Excel column width in points for a width in characters (about 7.5 px a character). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7.5 + 5) * 0.75 * 100) / 100;
}

/** The value to write for a text cell: an apostrophe keeps =, +, -, @ literal. */
export function literalText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) || text.startsWith("'") ? `'${text}` : text;
}

function cellStyle(cell: Exclude<PlanCell, null>): PlanStyle {
  return cell.style ?? (cell.kind === 'number' ? 'number' : 'cell');
}

interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fill?: string;
  color?: string;
  border?: boolean;
  horizontal?: 'Center' | 'Left' | 'Right';
  vertical?: 'Top' | 'Center';
  wrap?: boolean;
}

const STYLES: Record<PlanStyle, StyleSpec> = {
  title: { bold: true, size: 16, horizontal: 'Center', vertical: 'Center', wrap: true },
  subtitle: { size: 11, horizontal: 'Left', vertical: 'Center', wrap: true },
  header: { bold: true, fill: '#D9D9D9', border: true, horizontal: 'Center', vertical: 'Center', wrap: true },
  cell: { border: true, vertical: 'Top', wrap: true },
  number: { border: true, horizontal: 'Right', vertical: 'Top' },
  total: { bold: true, fill: '#F2F2F2', border: true, vertical: 'Top', wrap: true },
  note: { italic: true, size: 10, vertical: 'Top', wrap: true },
  sentence: { vertical: 'Top', wrap: true },
};

const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
] as const;

function applyStyle(range: Excel.Range, style: PlanStyle): void {
  const s = STYLES[style];
  const f = range.format;
  if (s.bold) f.font.bold = true;
  if (s.italic) f.font.italic = true;
  if (s.size) f.font.size = s.size;
  if (s.color) f.font.color = s.color;
  if (s.fill) f.fill.color = s.fill;
  if (s.horizontal) f.horizontalAlignment = s.horizontal as Excel.HorizontalAlignment;
  if (s.vertical) f.verticalAlignment = s.vertical as Excel.VerticalAlignment;
  if (s.wrap) f.wrapText = true;
  if (s.border) {
    for (const edge of EDGES)
      f.borders.getItem(edge as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
  }
}

/** Rectangles of equal style: runs along each row, joined down while the run repeats. */
export function styleBlocks(
  styles: Array<Array<PlanStyle | null>>,
): Array<{ area: MergedArea; style: PlanStyle }> {
  const open = new Map<string, { area: MergedArea; style: PlanStyle }>();
  const done: Array<{ area: MergedArea; style: PlanStyle }> = [];
  styles.forEach((row, r) => {
    const runs: Array<{ left: number; right: number; style: PlanStyle }> = [];
    row.forEach((st, c) => {
      if (!st) return;
      const last = runs[runs.length - 1];
      if (last && last.style === st && last.right === c) last.right = c + 1;
      else runs.push({ left: c + 1, right: c + 1, style: st });
    });
    const next = new Map<string, { area: MergedArea; style: PlanStyle }>();
    for (const run of runs) {
      const key = `${run.left}:${run.right}:${run.style}`;
      const prev = open.get(key);
      if (prev) {
        prev.area.bottom = r + 1;
        next.set(key, prev);
        open.delete(key);
      } else
        next.set(key, {
          area: { top: r + 1, bottom: r + 1, left: run.left, right: run.right },
          style: run.style,
        });
    }
    for (const closed of open.values()) done.push(closed);
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  });
  for (const v of open.values()) done.push(v);
  return done;
}

function addChart(sheet: Excel.Worksheet, chart: ChartPlan): void {
  if (chart.seriesColumns.length === 0 || chart.lastRow < chart.firstRow) return;
  const headerRow = Math.max(1, chart.firstRow - 1);
  const rows = chart.lastRow - headerRow + 1;
  const first = Math.min(...chart.seriesColumns);
  const last = Math.max(...chart.seriesColumns);
  const contiguous = last - first + 1 === chart.seriesColumns.length;
  // Series must sit side by side; otherwise the block between them is charted.
  const source = sheet.getRangeByIndexes(
    headerRow - 1,
    first - 1,
    rows,
    contiguous ? last - first + 1 : last - first + 1,
  );
  const c = sheet.charts.add('BarStacked' as Excel.ChartType, source, 'Columns' as Excel.ChartSeriesBy);
  c.title.text = chart.title;
  const labels = sheet.getRangeByIndexes(
    chart.firstRow - 1,
    chart.labelColumn - 1,
    chart.lastRow - chart.firstRow + 1,
    1,
  );
  for (let i = 0; i < last - first + 1; i++) c.series.getItemAt(i).setXAxisValues(labels);
  const anchor = /^([A-Z]+)(\d+)$/.exec(chart.anchor);
  if (anchor) {
    const startCol = anchor[1];
    const startRow = Number(anchor[2]);
    let endCol = 0;
    for (const ch of startCol) endCol = endCol * 26 + ch.charCodeAt(0) - 64;
    c.setPosition(
      chart.anchor,
      `${columnLetter(endCol + chart.widthColumns - 1)}${startRow + chart.heightRows - 1}`,
    );
  }
}

export async function writeSheets(
  env: OfficeEnv,
  plans: SheetPlan[],
  opts: { dateSystem?: 1900 | 1904 } = {},
): Promise<WrittenSheet[]> {
  if (plans.length === 0) return [];
  const canPageLayout = supports(env, 'pageLayout');
  const system = opts.dateSystem ?? 1900;
  return env.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const names = context.workbook.names;
    names.load('items/name');
    await context.sync();
    const markers = names.items
      .filter((n) => n.name.toUpperCase().startsWith(MARKER_PREFIX))
      .map((item) => {
        const range = item.getRangeOrNullObject();
        range.load('address');
        return { item, range, key: item.name.toUpperCase() };
      });
    if (markers.length > 0) await context.sync();
    // Where each marker points ("'整改汇总'!A1"); null when its sheet is gone (#REF!).
    const sheetOf = (m: (typeof markers)[number]): string | null => {
      if (m.range.isNullObject) return null;
      const address = m.range.address;
      const local = address.slice(0, address.lastIndexOf('!'));
      return local.startsWith("'") ? local.slice(1, -1).replace(/''/g, "'") : local;
    };
    const taken = sheets.items.map((ws) => ws.name);
    const written: WrittenSheet[] = [];

    for (const plan of plans) {
      const key = markerName(plan.kind).toUpperCase();
      const marker = isRegenerated(plan.kind) ? markers.find((m) => m.key === key) : undefined;
      let replaced = false;
      if (marker) {
        const oldName = sheetOf(marker);
        marker.item.delete();
        markers.splice(markers.indexOf(marker), 1);
        if (oldName !== null && taken.includes(oldName)) {
          sheets.getItem(oldName).delete();
          taken.splice(taken.indexOf(oldName), 1);
          replaced = true;
        }
      }
      const name = safeSheetName(plan.name, taken);
      taken.push(name);
      const sheet = sheets.add(name);
      await writePlan(context, sheet, plan, system);
      if (isRegenerated(plan.kind))
        context.workbook.names.add(markerName(plan.kind), sheet.getRange('A1'), plan.name);
      for (const m of plan.merges) {
        if (m.bottom > m.top || m.right > m.left) sheet.getRange(formatArea(m)).merge(false);
      }
      plan.columnWidths.forEach((w, i) => {
        if (Number.isFinite(w) && w > 0)
          sheet.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = widthPoints(w);
      });
      // Excel does not fit a row's height to wrapped text in merged cells: the plan says how tall.
      for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
        if (Number.isFinite(height) && height > 0) sheet.getRange(`${row}:${row}`).format.rowHeight = height;
      }
      if (plan.headerRow > 0) sheet.freezePanes.freezeRows(plan.headerRow);
      if (canPageLayout) {
        sheet.pageLayout.orientation = 'Landscape' as Excel.PageOrientation;
        sheet.pageLayout.paperSize = 'A4' as Excel.PaperType;
        sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (plan.headerRow > 0) sheet.pageLayout.setPrintTitleRows(`$${plan.headerRow}:$${plan.headerRow}`);
      }
      // Charts need ExcelApi 1.1, and the series' category labels 1.7: drawn on every supported Excel.
      for (const chart of plan.charts) addChart(sheet, chart);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per sheet, by design
      await context.sync();
      written.push({ name, wanted: plan.name, replaced });
    }
    return written;
  });

  async function writePlan(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    plan: SheetPlan,
    dateSystem: 1900 | 1904,
  ): Promise<void> {
    const width = Math.max(1, plan.columnWidths.length, ...plan.rows.map((r) => r.length));
    const styles: Array<Array<PlanStyle | null>> = plan.rows.map(() =>
      new Array<PlanStyle | null>(width).fill(null),
    );
    plan.rows.forEach((row, r) => row.forEach((cell, c) => cell && (styles[r][c] = cellStyle(cell))));
    for (const m of plan.merges) {
      const anchor = styles[m.top - 1]?.[m.left - 1];
      if (!anchor) continue;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (styles[r - 1]) styles[r - 1][c - 1] = anchor;
    }
    const links: Array<{ row: number; column: number; cell: Extract<PlanCell, { kind: 'link' }> }> = [];
    let start = 0;
    let formats: string[][] = [];
    let values: Array<Array<string | number>> = [];
    let bytes = 0;
    const flush = async (last: boolean) => {
      if (values.length > 0) {
        const range = sheet.getRangeByIndexes(start, 0, values.length, width);
        range.numberFormat = formats; // text format first, so no text is ever read as a number or formula
        range.values = values;
        start += values.length;
      }
      formats = [];
      values = [];
      bytes = 0;
      if (!last) await context.sync();
    };
    for (let r = 0; r < plan.rows.length; r++) {
      const row = plan.rows[r];
      const f: string[] = new Array(width).fill('General');
      const v: Array<string | number> = new Array(width).fill('');
      row.forEach((cell, c) => {
        if (!cell) return;
        switch (cell.kind) {
          case 'text':
            f[c] = '@';
            v[c] = literalText(cell.text);
            break;
          case 'number':
            f[c] = cell.format ?? 'General';
            v[c] = cell.value;
            break;
          case 'date':
            f[c] = cell.format ?? DEFAULT_DATE_FORMAT;
            v[c] = isoToSerial(cell.date, dateSystem);
            break;
          case 'link':
            f[c] = '@';
            v[c] = literalText(cell.text);
            links.push({ row: r + 1, column: c + 1, cell });
            break;
        }
      });
      const rowBytes = worstCaseBytes(f) + worstCaseBytes(v);
      if (values.length > 0 && bytes + rowBytes > REQUEST_BUDGET) await flush(false);
      formats.push(f);
      values.push(v);
      bytes += rowBytes;
    }
    await flush(true);
    for (const { area, style } of styleBlocks(styles)) applyStyle(sheet.getRange(formatArea(area)), style);
    for (const { row, column, cell } of links) {
      const target = sheet.getRange(`${columnLetter(column)}${row}`);
      target.hyperlink = {
        documentReference: `${quoteSheet(cell.sheet)}!${cell.cell}`,
        textToDisplay: cell.text,
      };
      target.format.font.color = '#0563C1';
      target.format.font.underline = 'Single' as Excel.RangeUnderlineStyle;
    }
  }
}
