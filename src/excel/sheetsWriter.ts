/**
 * Writes tool-made sheets (summaries, lists, imported ledgers) from SheetPlans with Office.js.
 *
 * - Text is always literal text: the cells get the text number format '@' before any value, so a
 *   value starting with = + - @ stays text. Whether Excel keeps or drops a leading apostrophe in a
 *   text-formatted cell is not documented, so cells whose text starts with one of ' = + - @ are
 *   read back after writing and written again with a quote prefix where Excel changed them.
 * - Every operation counts against the request budget (batcher.ts), so a 逾期清单 of 10,000 rows is
 *   written in several requests, each far under Excel on the web's 5 MB.
 * - Regenerating writes into the tool's existing sheet (cleared first) instead of deleting it, so
 *   the clerk's formulas that point at it keep working. A new sheet that cannot be finished is
 *   deleted again; the sentence names what was written.
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
import { formatArea, quoteSheet } from '../core/a1';
import { Batcher, type BatcherOptions } from './batcher';
import { runOptions, supports } from './capabilities';
import { errors, throwIfCancelled } from './errors';
import { HostError } from './host';
import type { OfficeEnv } from './env';
import type { WriteControl, WrittenSheet } from './host';
import { DEFAULT_DATE_FORMAT, generatedSheetMarker, MARKER_PREFIX, PLAN_STYLES } from '../core/protocol';
import { markerSheet, queueMarkers } from './toolSheets';

export { MARKER_PREFIX };
export { DEFAULT_DATE_FORMAT };

/**
 * Summaries and lists are regenerated: a new run replaces the tool's earlier sheet. An imported
 * ledger is not: once written it is the clerk's working document, so writing another never
 * replaces it (it gets a free name instead) and it carries no marker.
 */
export function isRegenerated(kind: SheetPlan['kind']): boolean {
  return kind !== 'imported-ledger';
}

export const markerName = generatedSheetMarker;

/** Excel column width in points for a width in characters (about 7.5 px a character). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7.5 + 5) * 0.75 * 100) / 100;
}

/** Texts Excel might turn into something else even in a text-formatted cell: read back after writing. */
export function needsCheck(text: string): boolean {
  return /^['=+\-@]/.test(text);
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

/** PLAN_STYLES (src/core/protocol.ts) in Office.js terms. */
const STYLES = Object.fromEntries(
  Object.entries(PLAN_STYLES).map(([style, s]): [string, StyleSpec] => [
    style,
    {
      bold: s.bold,
      italic: s.italic,
      size: s.size,
      fill: s.fill && `#${s.fill}`,
      border: s.border,
      horizontal: capital(s.horizontal),
      vertical: capital(s.vertical),
      wrap: s.wrap,
    },
  ]),
) as Record<PlanStyle, StyleSpec>;

function capital<T extends string>(v: T | undefined): Capitalize<T> | undefined {
  return v ? ((v[0].toUpperCase() + v.slice(1)) as Capitalize<T>) : undefined;
}

const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
] as const;

/** Operations applyStyle queues for a style (for the request budget). */
function styleOps(style: PlanStyle): number {
  const s = STYLES[style];
  return (
    [s.bold, s.italic, s.size, s.color, s.fill, s.horizontal, s.vertical, s.wrap].filter(Boolean).length +
    (s.border ? EDGES.length : 0)
  );
}

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

export interface WriteOptions extends BatcherOptions {
  /** The workbook's date system when a read told it; otherwise the writer asks Excel. */
  dateSystem?: 1900 | 1904;
}

/** Rows of values and formats written per operation (the budget splits requests further). */
const ROWS_PER_WRITE = 500;

function hasDates(plan: SheetPlan): boolean {
  return plan.rows.some((row) => row.some((c) => c?.kind === 'date'));
}

export async function writeSheets(
  env: OfficeEnv,
  plans: SheetPlan[],
  opts: WriteOptions = {},
  control: WriteControl = {},
): Promise<WrittenSheet[]> {
  if (plans.length === 0) return [];
  const { signal, onProgress } = control;
  throwIfCancelled(signal);
  const canPageLayout = supports(env, 'pageLayout');
  // Progress counts plan rows whose values have gone to Excel.
  const rows = { written: 0, total: plans.reduce((n, p) => n + p.rows.length, 0) };
  const report = () => onProgress?.(Math.min(rows.written, rows.total), rows.total);
  return env.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const names = context.workbook.names;
    names.load('items/name');
    const protection = context.workbook.protection;
    protection.load('protected');
    await context.sync();
    const markers = queueMarkers(names.items);
    if (markers.length > 0) await context.sync();
    const taken = sheets.items.map((ws) => ws.name);
    const targets = plans.map((plan) => {
      const key = markerName(plan.kind).toUpperCase();
      const marker = isRegenerated(plan.kind) ? markers.find((m) => m.key === key) : undefined;
      const existing = marker ? markerSheet(marker) : null;
      return { plan, marker, existing: existing !== null && taken.includes(existing) ? existing : null };
    });
    // Adding a sheet to a workbook whose structure is protected fails: say so before anything.
    if (protection.protected && targets.some((t) => t.existing === null)) throw errors.workbookProtected();
    report();

    /*
     * All or nothing, also when the clerk cancels: the write is staged so that it commits last.
     * 1. New sheets are written whole first, without their markers. A cancel (checked before every
     *    round trip) or a failure here deletes every sheet this run added: the workbook is as before.
     * 2. The last moment to stop. Then the commit, which a cancel no longer interrupts: the markers
     *    of the new sheets (one request), then the tool's existing sheets rewritten in place.
     * The in-place sheets are not staged on a copy: the clerk's formulas point at the sheet itself,
     * and on ExcelApi 1.7 (Excel 2019) a staged copy could only be moved in by deleting the sheet
     * (breaking those formulas) or by Range.copyFrom, which needs ExcelApi 1.9. So a cancel takes
     * effect while new sheets are being written; once the in-place rewrite has begun it runs to the
     * end (a failure there names the sheets written whole, as before).
     */
    let system: 1900 | 1904 | null = opts.dateSystem ?? null;
    const done = new Map<SheetPlan, WrittenSheet>();
    const created: string[] = [];
    const fresh = targets.filter((t) => t.existing === null);
    try {
      for (const { plan } of fresh) {
        const batch = new Batcher(context, { ...opts, signal, onSync: report });
        const name = safeSheetName(plan.name, taken);
        const ws = () => context.workbook.worksheets.getItem(name);
        taken.push(name);
        await batch.step(name, 1, () => sheets.add(name));
        created.push(name);
        if (system === null && hasDates(plan)) system = await dateSystemOf(context, batch, ws);
        await writePlan(batch, ws, plan, system ?? 1900, canPageLayout, rows);
        await batch.flush();
        throwIfCancelled(signal);
        await fixChangedTexts(context, batch, ws, plan);
        done.set(plan, { name, wanted: plan.name, replaced: false });
      }
      throwIfCancelled(signal);
      const commit = new Batcher(context, opts);
      for (const { plan, marker } of fresh) {
        if (!isRegenerated(plan.kind)) continue;
        const name = (done.get(plan) as WrittenSheet).name;
        await commit.step([name, plan.name], 2, () => {
          marker?.item.delete();
          context.workbook.names.add(
            markerName(plan.kind),
            context.workbook.worksheets.getItem(name).getRange('A1'),
            plan.name,
          );
        });
      }
      await commit.flush();
    } catch (e) {
      if (created.length > 0) {
        try {
          // As patient as the writer: a clerk still in a cell gets the same wait.
          const cleanup = new Batcher(context, opts);
          for (const name of created)
            await cleanup.step(name, 1, () => context.workbook.worksheets.getItem(name).delete());
          await cleanup.flush();
        } catch {
          // The sentence below says a sheet may be left unfinished.
        }
      }
      if (e instanceof HostError) throw e;
      throw errors.sheetsIncomplete(e, []);
    }

    const inOrder = () => plans.flatMap((p) => (done.has(p) ? [done.get(p) as WrittenSheet] : []));
    for (const { plan, existing } of targets) {
      if (existing === null) continue;
      const batch = new Batcher(context, { ...opts, onSync: report });
      const ws = () => context.workbook.worksheets.getItem(existing);
      try {
        // In place: the clerk's formulas that point at this sheet stay valid.
        const charts = ws().charts;
        charts.load('items/name');
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one look per regenerated sheet
        await context.sync();
        await batch.step(null, 4 + charts.items.length, () => {
          const sheet = ws();
          for (const chart of charts.items) sheet.charts.getItem(chart.name).delete();
          sheet.getRange().unmerge();
          sheet.getRange().clear();
          // Heights the last run set for its rows would stay on rows that now hold other text.
          sheet.getRange().format.autofitRows();
          sheet.freezePanes.unfreeze();
        });
        if (system === null && hasDates(plan)) system = await dateSystemOf(context, batch, ws);
        await writePlan(batch, ws, plan, system ?? 1900, canPageLayout, rows);
        await batch.flush();
        await fixChangedTexts(context, batch, ws, plan);
        done.set(plan, { name: existing, wanted: plan.name, replaced: true });
      } catch (e) {
        if (e instanceof HostError) throw e;
        throw errors.sheetsIncomplete(
          e,
          inOrder().map((w) => w.name),
        );
      }
    }
    report();
    return inOrder();
  }, runOptions(env));
}

/**
 * The workbook's date system, asked of Excel when no read told it (an import before any check):
 * serial 400 is shown as 1901 in the 1900 system and as 1905 in the 1904 system. Asked in A1 of
 * the sheet being written, which the plan's first row overwrites.
 */
async function dateSystemOf(
  context: Excel.RequestContext,
  batch: Batcher,
  ws: () => Excel.Worksheet,
): Promise<1900 | 1904> {
  await batch.flush();
  const probe = ws().getRange('A1');
  probe.numberFormat = [['yyyy']];
  probe.values = [[400]];
  probe.load('text');
  await context.sync();
  return String(probe.text?.[0]?.[0] ?? '').includes('1905') ? 1904 : 1900;
}

/** Reads back the texts Excel might have changed (see needsCheck) and writes them again quoted. */
async function fixChangedTexts(
  context: Excel.RequestContext,
  batch: Batcher,
  ws: () => Excel.Worksheet,
  plan: SheetPlan,
): Promise<void> {
  const checks: Array<{ row: number; column: number; text: string; range: Excel.Range }> = [];
  plan.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || (cell.kind !== 'text' && cell.kind !== 'link') || !needsCheck(cell.text)) return;
      const range = ws().getRangeByIndexes(r, c, 1, 1);
      range.load('values');
      checks.push({ row: r, column: c, text: cell.text, range });
    }),
  );
  if (checks.length === 0) return;
  await context.sync();
  for (const check of checks) {
    if (String(check.range.values?.[0]?.[0] ?? '') === check.text) continue;
    await batch.step([check.text], 1, () => {
      ws().getRangeByIndexes(check.row, check.column, 1, 1).values = [[`'${check.text}`]];
    });
  }
  await batch.flush();
}

async function writePlan(
  batch: Batcher,
  ws: () => Excel.Worksheet,
  plan: SheetPlan,
  dateSystem: 1900 | 1904,
  canPageLayout: boolean,
  rows: { written: number },
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
  const formats: string[][] = [];
  const values: Array<Array<string | number>> = [];
  plan.rows.forEach((row, r) => {
    const f: string[] = new Array(width).fill('General');
    const v: Array<string | number> = new Array(width).fill('');
    row.forEach((cell, c) => {
      if (!cell) return;
      switch (cell.kind) {
        case 'text':
          f[c] = '@';
          v[c] = cell.text;
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
          v[c] = cell.text;
          links.push({ row: r + 1, column: c + 1, cell });
          break;
      }
    });
    formats.push(f);
    values.push(v);
  });
  // Text format first, then the values, so no text is ever read as a number or formula.
  for (let start = 0; start < values.length; start += ROWS_PER_WRITE) {
    const f = formats.slice(start, start + ROWS_PER_WRITE);
    const v = values.slice(start, start + ROWS_PER_WRITE);
    await batch.step([f, v], 2, () => {
      const range = ws().getRangeByIndexes(start, 0, v.length, width);
      range.numberFormat = f;
      range.values = v;
    });
    rows.written += v.length;
  }
  for (const { area, style } of styleBlocks(styles)) {
    const address = formatArea(area);
    await batch.step([address, STYLES[style]], styleOps(style), () =>
      applyStyle(ws().getRange(address), style),
    );
  }
  for (const { row, column, cell } of links) {
    const address = `${columnLetter(column)}${row}`;
    const hyperlink = {
      documentReference: `${quoteSheet(cell.sheet)}!${cell.cell}`,
      textToDisplay: cell.text,
    };
    await batch.step([address, hyperlink, '#0563C1', 'Single'], 3, () => {
      const target = ws().getRange(address);
      target.hyperlink = hyperlink;
      target.format.font.color = '#0563C1';
      target.format.font.underline = 'Single' as Excel.RangeUnderlineStyle;
    });
  }
  for (const m of plan.merges) {
    if (m.bottom === m.top && m.right === m.left) continue;
    const address = formatArea(m);
    await batch.step(address, 1, () => ws().getRange(address).merge(false));
  }
  for (let i = 0; i < plan.columnWidths.length; i++) {
    const w = plan.columnWidths[i];
    if (!Number.isFinite(w) || w <= 0) continue;
    const address = `${columnLetter(i + 1)}:${columnLetter(i + 1)}`;
    await batch.step([address, w], 1, () => (ws().getRange(address).format.columnWidth = widthPoints(w)));
  }
  // Excel does not fit a row's height to wrapped text in merged cells: the plan says how tall.
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    if (!Number.isFinite(height) || height <= 0) continue;
    await batch.step([row, height], 1, () => (ws().getRange(`${row}:${row}`).format.rowHeight = height));
  }
  if (plan.headerRow > 0)
    await batch.step(plan.headerRow, 1, () => ws().freezePanes.freezeRows(plan.headerRow));
  if (canPageLayout) {
    await batch.step(plan.headerRow, 4, () => {
      const sheet = ws();
      sheet.pageLayout.orientation = 'Landscape' as Excel.PageOrientation;
      sheet.pageLayout.paperSize = 'A4' as Excel.PaperType;
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (plan.headerRow > 0) sheet.pageLayout.setPrintTitleRows(`$${plan.headerRow}:$${plan.headerRow}`);
    });
  }
  // Charts need ExcelApi 1.1, and the series' category labels 1.7: drawn on every supported Excel.
  for (const chart of plan.charts)
    await batch.step(chart, 8 + chart.seriesColumns.length, () => addChart(ws(), chart));
}
