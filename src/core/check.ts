/**
 * The engine's entry point: a sheet's grid in, a report out (Frictionless-style: valid, stats,
 * findings), or a plain reason why the sheet is not a ledger.
 */
import { cellText, columnLetter } from './grid';
import { detectHeader } from './header';
import { withKnownMerges } from './inferMerges';
import { findingMessage } from './messages';
import { makeFinding, judgeRow, rowShapeSchema, type RowContext } from './rules';
import { extractRows } from './rows';
import type {
  CheckOptions,
  Field,
  Finding,
  Grid,
  HeaderResult,
  LedgerRow,
  RowReport,
  SheetReport,
  SheetStats,
} from './types';

export type CheckResult =
  | { ok: true; report: SheetReport; header: HeaderResult }
  | { ok: false; reason: 'no-header'; message: string; seen: string[] };

const HEADER_SCAN_ROWS = 30;

/** Non-empty texts of the first rows, to tell the clerk what the checker saw when it found no header. */
function textsNearTop(grid: Grid): string[] {
  const seen: string[] = [];
  for (const row of grid.cells.slice(0, HEADER_SCAN_ROWS)) {
    for (const cell of row) {
      const t = cellText(cell);
      if (t && cell.type === 'text' && !seen.includes(t)) seen.push(t.length > 20 ? `${t.slice(0, 20)}…` : t);
      if (seen.length >= 20) return seen;
    }
  }
  return seen;
}

function noHeaderMessage(grid: Grid, seen: string[], lang: CheckOptions['lang']): string {
  if (lang === 'en') {
    return `Sheet "${grid.sheet}" has no ledger header: no row names the problem, the measure and other ledger columns. Check that this is the ledger sheet and that its header names columns such as 存在问题, 整改措施 and 责任单位.`;
  }
  const hint = seen.length ? `前几行的内容有：${seen.slice(0, 8).join('、')}。` : '这张表是空的。';
  return `工作表“${grid.sheet}”里找不到台账表头（应有“存在问题”“整改措施”“责任单位”等列）。${hint}请确认这是台账所在的工作表，且表头写有这些列名。`;
}

/** The 序号 cell's origin for a row: the top row of a merged area in that column, else the row. */
function indexOrigins(grid: Grid, column: number): Map<number, number> {
  const origin = new Map<number, number>();
  for (const m of grid.merges) {
    if (m.left > column || m.right < column) continue;
    for (let row = m.top + 1; row <= m.bottom; row++) origin.set(row, m.top);
  }
  return origin;
}

/** One duplicate-index finding per row whose 序号 (from a different cell) repeats another row's. */
function duplicateIndexFindings(
  rows: LedgerRow[],
  grid: Grid,
  header: HeaderResult,
  options: CheckOptions,
): Finding[] {
  const indexColumn = header.columns.index?.column;
  if (!indexColumn) return [];
  const origins = indexOrigins(grid, indexColumn);
  const byValue = new Map<string, number[]>();
  const seenOrigins = new Set<number>();
  for (const r of rows) {
    const value = cellText(r.cells.index);
    if (!value) continue;
    const origin = origins.get(r.row) ?? r.row;
    if (seenOrigins.has(origin)) continue; // one 序号 merged over several measures is one number
    seenOrigins.add(origin);
    const list = byValue.get(value);
    if (list) list.push(origin);
    else byValue.set(value, [origin]);
  }
  const findings: Finding[] = [];
  for (const [value, at] of byValue) {
    if (at.length < 2) continue;
    for (const row of at) {
      findings.push(makeFinding('duplicate-index', row, 'index', header, { value, rows: at }, options));
    }
  }
  return findings;
}

function computeStats(rows: RowReport[], findings: Finding[]): SheetStats {
  const stats: SheetStats = {
    rows: rows.length,
    problems: new Set(rows.map((r) => r.problemKey)).size,
    done: 0,
    inProgress: 0,
    longTerm: 0,
    notStarted: 0,
    unknown: 0,
    missingStatus: 0,
    overdue: 0,
    dueSoon: 0,
    missingDepartment: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
  };
  const stateKey = {
    done: 'done',
    in_progress: 'inProgress',
    long_term: 'longTerm',
    not_started: 'notStarted',
    unknown: 'unknown',
    missing: 'missingStatus',
  } as const;
  for (const r of rows) {
    stats[stateKey[r.state]]++;
    if (r.overdue) stats.overdue++;
    if (r.dueSoon) stats.dueSoon++;
  }
  for (const f of findings) {
    if (f.code === 'missing-department') stats.missingDepartment++;
    if (f.severity === 'error') stats.errors++;
    else if (f.severity === 'warning') stats.warnings++;
    else stats.infos++;
  }
  return stats;
}

export function checkGrid(sheet: Grid, options: CheckOptions): CheckResult {
  const header = detectHeader(sheet, options.columnOverrides);
  if (!header) {
    const seen = textsNearTop(sheet);
    return { ok: false, reason: 'no-header', message: noHeaderMessage(sheet, seen, options.lang), seen };
  }
  const grid = withKnownMerges(sheet, header);

  const findings: Finding[] = [];
  for (const field of options.required) {
    if (!header.columns[field]) {
      findings.push({
        code: 'missing-column',
        severity: 'error',
        row: null,
        column: null,
        field,
        message: findingMessage('missing-column', { field, seen: header.seen }, options.lang),
      });
    }
  }

  const ctx: RowContext = {
    options,
    header,
    fields: Object.keys(header.columns) as Field[],
    dateSystem: grid.dateSystem,
    shape: rowShapeSchema(options.required.filter((f: Field) => header.columns[f])),
  };
  const ledgerRows = extractRows(grid, header);
  const rowFindings: Finding[] = [];
  const rows = ledgerRows.map((r) => judgeRow(r, ctx, rowFindings));
  // Appended one by one: push(...list) overflows the stack past ~125,000 findings.
  for (const f of duplicateIndexFindings(ledgerRows, grid, header, options)) rowFindings.push(f);
  rowFindings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  for (const f of rowFindings) findings.push(f);

  const columns: SheetReport['columns'] = {};
  for (const [field, mapping] of Object.entries(header.columns)) {
    if (mapping) columns[field as Field] = { column: columnLetter(mapping.column), header: mapping.header };
  }
  const stats = computeStats(rows, findings);
  return {
    ok: true,
    header,
    report: {
      name: grid.sheet,
      valid: stats.errors === 0,
      headerRows: header.headerRows,
      columns,
      rows,
      findings,
      stats,
    },
  };
}
