/**
 * The task pane's pure helpers: everything here takes plain data and returns plain data, so the
 * hooks and components stay thin and these stay easy to test.
 */
import { HostError, type LedgerHost } from '../excel/host';
import { cellText, CODE_ORDER, columnLetter } from './engine';
import type { Strings } from './i18n';
import type { Finding, FindingCode, Grid, HeaderResult, Lang, SheetReport } from '../core/types';
import type { SentenceFigures } from '../core/summary';

export { CODE_ORDER };

export type FigureKey =
  | 'rows'
  | 'completed'
  | 'ongoing'
  | 'overdue'
  | 'longTerm'
  | 'inProgress'
  | 'notStarted'
  | 'unclear'
  | 'dueSoon'
  | 'missingDepartment';
export type FigureTone = 'danger' | 'warning' | 'success' | 'neutral';

export interface Figure {
  key: FigureKey;
  value: number;
  tone: FigureTone;
  /** The finer split shown beneath the tile; its values add up to at most the tile's. */
  parts?: Figure[];
}

/**
 * The counts at the top of the results, grouped as the report sentence counts: 总数 = 已完成 +
 * 正在推进 + 逾期未完成 (each measure in exactly one), the finer split beneath each; then what
 * needs attention besides (即将到期 is among 正在推进; 缺责任单位 cuts across).
 */
export function figuresOf(f: SentenceFigures): { total: Figure; groups: Figure[]; attention: Figure[] } {
  const part = (key: FigureKey, value: number): Figure => ({ key, value, tone: 'neutral' });
  return {
    total: { key: 'rows', value: f.measures, tone: 'neutral' },
    groups: [
      {
        key: 'completed',
        value: f.completed,
        tone: f.completed > 0 ? 'success' : 'neutral',
        parts: [part('longTerm', f.longTerm)],
      },
      {
        key: 'ongoing',
        value: f.ongoing,
        tone: 'neutral',
        parts: [
          part('inProgress', f.ongoingSplit.inProgress),
          part('notStarted', f.ongoingSplit.notStarted),
          ...(f.ongoingSplit.unclear > 0 ? [part('unclear', f.ongoingSplit.unclear)] : []),
        ],
      },
      { key: 'overdue', value: f.overdue, tone: f.overdue > 0 ? 'danger' : 'neutral' },
    ],
    attention: [
      { key: 'dueSoon', value: f.dueSoon, tone: f.dueSoon > 0 ? 'warning' : 'neutral' },
      {
        key: 'missingDepartment',
        value: f.missingDepartment,
        tone: f.missingDepartment > 0 ? 'danger' : 'neutral',
      },
    ],
  };
}

export interface FindingFilter {
  /** Empty: every kind. */
  codes: FindingCode[];
  /** null: every department. */
  department: string | null;
}

export const NO_FILTER: FindingFilter = { codes: [], department: null };

/** Lead departments named in the report, most findings-relevant first: by rows, then first seen. */
export function departmentsOf(report: SheetReport): string[] {
  const counts = new Map<string, number>();
  for (const r of report.rows) for (const d of r.departments) counts.set(d, (counts.get(d) ?? 0) + 1);
  const order = [...counts.keys()];
  return order.sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || order.indexOf(a) - order.indexOf(b),
  );
}

export function filterFindings(report: SheetReport, filter: FindingFilter): Finding[] {
  const codes = filter.codes.length ? new Set(filter.codes) : null;
  let rowsOfDept: Set<number> | null = null;
  if (filter.department !== null) {
    rowsOfDept = new Set(
      report.rows.filter((r) => r.departments.includes(filter.department!)).map((r) => r.row),
    );
  }
  return report.findings.filter(
    (f) => (!codes || codes.has(f.code)) && (!rowsOfDept || (f.row !== null && rowsOfDept.has(f.row))),
  );
}

/** Findings grouped by kind, in CODE_ORDER, empty groups left out. */
export function groupFindings(
  findings: readonly Finding[],
): Array<{ code: FindingCode; findings: Finding[] }> {
  const byCode = new Map<FindingCode, Finding[]>();
  for (const f of findings) {
    const list = byCode.get(f.code) ?? [];
    list.push(f);
    byCode.set(f.code, list);
  }
  const ordered = CODE_ORDER.filter((c) => byCode.has(c));
  for (const c of byCode.keys()) if (!ordered.includes(c)) ordered.push(c);
  return ordered.map((code) => ({ code, findings: byCode.get(code) ?? [] }));
}

/** Kinds present in the report with their counts, in CODE_ORDER. */
export function codesPresent(report: SheetReport): Array<{ code: FindingCode; count: number }> {
  return groupFindings(report.findings).map((g) => ({ code: g.code, count: g.findings.length }));
}

/** The leftmost column the report mapped, as a letter; 'A' when nothing was mapped. */
export function firstMappedColumn(report: SheetReport): string {
  let best: string | null = null;
  let bestNumber = Infinity;
  for (const c of Object.values(report.columns)) {
    if (!c) continue;
    const n = letterToNumber(c.column);
    if (n > 0 && n < bestNumber) {
      bestNumber = n;
      best = c.column.toUpperCase();
    }
  }
  return best ?? 'A';
}

function letterToNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return 0;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The A1 address a finding points at: its cell, else its row's first column, else the header. */
export function findingAddress(finding: Finding, report: SheetReport): string {
  const column = finding.column ? finding.column.toUpperCase() : firstMappedColumn(report);
  const row = finding.row ?? report.headerRows[0] ?? 1;
  return `${column}${row}`;
}

export interface HeaderColumn {
  /** 1-based sheet column. */
  column: number;
  letter: string;
  /** The header text as written (rows of a two-row header joined with '/'); '' when blank. */
  text: string;
}

/** The text a cell shows, with a merged area's value carried to every cell it covers. */
function shownText(grid: Grid, row: number, column: number): string {
  for (const m of grid.merges) {
    if (row >= m.top && row <= m.bottom && column >= m.left && column <= m.right) {
      return textAt(grid, m.top, m.left);
    }
  }
  return textAt(grid, row, column);
}

function textAt(grid: Grid, row: number, column: number): string {
  const r = grid.cells[row - grid.firstRow];
  const cell = r ? r[column - grid.firstColumn] : undefined;
  return cellText(cell).replace(/\s+/g, ' ');
}

function gridWidth(grid: Grid): number {
  let width = 0;
  for (const r of grid.cells) if (r.length > width) width = r.length;
  return width;
}

/**
 * Without a detected header: the row near the top with the most separate texts (a title merged
 * across the sheet counts once, so it never wins over a row of real column headers).
 */
function likelyHeaderRow(grid: Grid, width: number): number {
  let best = grid.firstRow;
  let bestCount = 0;
  const rows = Math.min(grid.cells.length, 30);
  for (let r = 0; r < rows; r++) {
    const row = grid.firstRow + r;
    let count = 0;
    for (let i = 0; i < width; i++) {
      const column = grid.firstColumn + i;
      const inMerge = grid.merges.some(
        (m) =>
          row >= m.top &&
          row <= m.bottom &&
          column >= m.left &&
          column <= m.right &&
          (row !== m.top || column !== m.left),
      );
      if (!inMerge && textAt(grid, row, column)) count++;
    }
    if (count > bestCount) {
      best = row;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The sheet's columns with their header text, for the column choosers. With a detected header the
 * header rows are used; without one, the likeliest header row near the top stands in.
 */
export function headerColumns(grid: Grid, header: Pick<HeaderResult, 'headerRows'> | null): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  const width = Math.min(gridWidth(grid), 200);
  const rows = header && header.headerRows.length ? header.headerRows : [likelyHeaderRow(grid, width)];
  for (let i = 0; i < width; i++) {
    const column = grid.firstColumn + i;
    const parts: string[] = [];
    for (const row of rows) {
      const t = shownText(grid, row, column);
      if (t && !parts.includes(t)) parts.push(t);
    }
    let text = parts.join('/');
    if (text.length > 24) text = `${[...text].slice(0, 24).join('')}…`;
    out.push({ column, letter: columnLetter(column), text });
  }
  // Columns that are blank all the way down the header are of no use to choose from.
  const withText = out.filter((c) => c.text);
  return withText.length ? withText : out;
}

export function isHostError(e: unknown): e is HostError {
  if (e instanceof HostError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return o.name === 'HostError' && typeof o.zh === 'string' && typeof o.en === 'string';
}

export type ActionKey = keyof Strings['actions'];

/** The sentence a clerk sees for a failure: the host's own words, else a plain generic one. */
export function errorText(e: unknown, lang: Lang, t: Strings, action: ActionKey): string {
  if (isHostError(e)) return lang === 'en' ? e.en : e.zh;
  return t.genericError(t.actions[action]);
}

export const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Activates a sheet the tool just wrote (selecting A1), so the clerk sees it and the next check
 * reads it. False when Excel refused (the sheet was written all the same; nothing to undo).
 */
export async function showSheet(host: Pick<LedgerHost, 'selectCell'>, name: string): Promise<boolean> {
  try {
    await host.selectCell(name, 'A1');
    return true;
  } catch {
    return false;
  }
}

/** Conditions a clerk meets in normal work: said to them in a sentence, not logged as errors. */
const EXPECTED_CODES: ReadonlySet<HostError['code']> = new Set([
  'no-sheet',
  'empty-sheet',
  'protected',
  'cell-edit-mode',
  'sheet-changed',
  'unsupported',
  'too-large',
]);

/**
 * Logs a failure for whoever supports the clerk: an expected condition as one info line (no stack
 * trace in the console), anything else as an error with its details.
 */
export function logProblem(e: unknown): void {
  if (isHostError(e) && EXPECTED_CODES.has(e.code)) console.info(`整改台账助手: ${e.code}: ${e.en}`);
  else console.error(e);
}
