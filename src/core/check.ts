/**
 * The engine's entry point: a sheet's grid in, a report out (Frictionless-style: valid, stats,
 * findings), or a plain reason why the sheet is not a ledger.
 */
import { parseDateCell } from './dates';
import { cellText, columnLetter, lastColumn, lastRow } from './grid';
import { HOLIDAY_YEARS } from './holidays';
import { detectHeader, partialHeader, type PartialHeader } from './header';
import { FIELD_LABELS } from './messages';
import { findIssuedLine } from './relative';
import { withKnownMerges } from './inferMerges';
import { DUPLICATE_ROWS_NAMED, FINDINGS, findingMessage } from './findings';
import { makeFinding, judgeRow, rowContext, type RowContext } from './rules';
import { copyLedgerRow, visitLedgerRows } from './rows';
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
  | { ok: false; reason: 'no-header' | 'tool-sheet'; message: string; seen: string[] };

const HEADER_SCAN_ROWS = 30;

/** Non-empty texts of the first rows, to tell the clerk what the checker saw when it found no header. */
function textsNearTop(grid: Grid): string[] {
  const seen: string[] = [];
  for (const row of grid.cells.slice(0, HEADER_SCAN_ROWS)) {
    for (const cell of row) {
      const t = cellText(cell);
      const shown = t.length > 20 ? `${t.slice(0, 20)}…` : t;
      if (t && cell.type === 'text' && !seen.includes(shown)) seen.push(shown);
      if (seen.length >= 20) return seen;
    }
  }
  return seen;
}

function noHeaderMessage(
  grid: Grid,
  seen: string[],
  partial: PartialHeader | null,
  lang: CheckOptions['lang'],
): string {
  const zh = lang === 'zh';
  if (partial) {
    // Say what was found, and what a ledger needs besides.
    const found = partial.found
      .map((f) =>
        zh
          ? `“${f.label.replace(/\s+/g, '')}”（${columnLetter(f.column)}列，作${FIELD_LABELS[f.field].zh}）`
          : `"${f.label.replace(/\s+/g, '')}" (column ${columnLetter(f.column)}, ${FIELD_LABELS[f.field].en})`,
      )
      .join(zh ? '、' : ', ');
    const has = new Set(partial.found.map((f) => f.field));
    const lacking = (['problem', 'measure', 'department', 'deadline'] as const).filter((f) => !has.has(f));
    // 公文 style lists quoted names without a separator: “存在问题”“责任单位”.
    const lack = lacking
      .map((f) => (zh ? `“${FIELD_LABELS[f].zh}”` : FIELD_LABELS[f].en))
      .join(zh ? '' : ', ');
    const missing = zh
      ? lacking.length
        ? `没有${lack}等列`
        : '这一行的其他表头大多无法识别'
      : lacking.length
        ? `and no ${lack} column`
        : 'and most other headers in that row are not recognised';
    return zh
      ? `工作表“${grid.sheet}”里找不到台账表头：第${partial.row}行只认出了${found}，${missing}。请确认这是台账所在的工作表；如果是，请在表头写明这些列名，或指定各列（加载项的“列设置”，命令行用 --map）。`
      : `Sheet "${grid.sheet}" does not look like a ledger: row ${partial.row} names only ${found}, ${missing}. Check that this is the ledger sheet; if it is, name those columns in the header or map them (Column settings, or --map).`;
  }
  if (!zh) {
    return `Sheet "${grid.sheet}" has no ledger header: no row names the problem, the measure and other ledger columns. Check that this is the ledger sheet and that its header names columns such as 存在问题, 整改措施 and 责任单位.`;
  }
  const hint = seen.length ? `前几行的内容有：${seen.slice(0, 8).join('、')}。` : '这张表是空的。';
  return `工作表“${grid.sheet}”里找不到台账表头（应有“存在问题”“整改措施”“责任单位”等列）。${hint}请确认这是台账所在的工作表，且表头写有这些列名。`;
}

function toolSheetMessage(grid: Grid, lang: CheckOptions['lang']): string {
  return lang === 'zh'
    ? `工作表“${grid.sheet}”是本工具生成的（汇总或清单），不是台账，不作检查。请检查原台账所在的工作表。`
    : `Sheet "${grid.sheet}" was made by this tool (a summary or list), not a ledger; it is not checked. Check the ledger sheet itself.`;
}

/** How many ledger rows, from the top, tell the ledger's year (ledgerYear). */
const YEAR_SAMPLE = 500;

/** The year most of the ledger's deadlines fall in, for example dates in messages; else the as-of year. */
function ledgerYear(rows: readonly LedgerRow[], grid: Grid, options: CheckOptions): number {
  const counts = new Map<number, number>();
  const ctx = { asOf: options.asOf, dateSystem: grid.dateSystem };
  for (const r of rows) {
    const cell = r.cells.deadline;
    if (!cell || cell.type === 'empty') continue;
    const parsed = parseDateCell(cell, ctx);
    if (parsed.kind !== 'date' || !parsed.date) continue;
    const y = Number(parsed.date.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best = Number(options.asOf.slice(0, 4));
  let most = 0;
  for (const [y, n] of counts) if (n > most || (n === most && y > best)) [best, most] = [y, n];
  return best;
}

/**
 * Duplicate 序号: each ledger row's number is noted as the rows are judged (`note`), and `findings`
 * gives one finding per row whose 序号 (from a different cell) repeats another row's.
 */
function duplicateIndexTally(grid: Grid, header: HeaderResult, options: CheckOptions) {
  const indexColumn = header.columns.index?.column;
  // The 序号 cell's origin for each row of the grid: the top row of a merged area in that column
  // (0: the row itself), and which rows are such tops. Typed arrays: one slot per row, no map.
  const first = grid.firstRow;
  const { origin, isTop } = indexOrigins(grid, indexColumn);
  // Most numbers are used once: the first row is kept as a number, an array only from the second.
  // A 序号 typed as a whole number is kept under that number (no string made and hashed per row:
  // measured 30 ms of a 50k-row check); any other under its text. findings() joins the two, as a
  // number's text is String(n).
  const byNumber = new Map<number, Rows>();
  const byText = new Map<string, Rows>();
  const seenOrigins = new Set<number>();
  return {
    note(r: Readonly<LedgerRow>): void {
      if (!indexColumn) return;
      const cell = r.cells.index;
      const number =
        cell !== undefined && cell.type === 'number' && typeof cell.value === 'number' ? cell.value : NaN;
      const whole = Number.isInteger(number) && number >= 0 && number < 0x40000000;
      const value = whole ? '' : cellText(cell);
      if (!whole && !value) return;
      const at = r.row - first;
      const own = origin[at] || r.row;
      // An origin comes round again only on the rows below it in its merged area (rows come in
      // order), so only merged areas and their top rows need remembering, not every row.
      if (own !== r.row || isTop[at] === 1) {
        if (seenOrigins.has(own)) return; // one 序号 merged over several measures is one number
        seenOrigins.add(own);
      }
      if (whole) byNumber.set(number, noteRow(byNumber.get(number), own));
      else byText.set(value, noteRow(byText.get(value), own));
    },
    findings(): Finding[] {
      const byValue = byText;
      const noText = byText.size === 0;
      // forEach, not for…of over entries: no [key, value] array per entry (one per 序号: 25,000
      // at 50,000 rows, made while the loop still ran in the interpreter).
      byNumber.forEach((at, number) => {
        // A number used once, with no 序号 written as text to meet: nothing to join.
        if (typeof at === 'number' && noText) return;
        const value = String(number);
        byValue.set(value, joinRows(byValue.get(value), at));
      });
      const findings: Finding[] = [];
      // (The order of the values does not matter: a row has one 序号, so at most one of these
      // findings, and the findings are put in row order afterwards.)
      byValue.forEach((at, value) => {
        if (typeof at === 'number') return;
        // The first few rows and how many: a 序号 restarting per unit repeats on thousands of rows.
        const params = { value, rows: at.slice(0, DUPLICATE_ROWS_NAMED), count: at.length };
        for (let i = 0; i < at.length; i++) {
          findings.push(makeFinding('duplicate-index', at[i], 'index', header, params, options));
        }
      });
      return findings;
    },
  };
}

/**
 * The 序号 cell's origin for each row of the grid: the top row of a merged area in that column
 * (0: the row itself), and which rows are such tops. Typed arrays: one slot per row, no map. A
 * function of its own so that V8 compiles only this loop over every merged area when it gets hot
 * (on-stack replacement compiles the whole function the loop is in: 2.7 ms at 10k rows when it
 * was duplicateIndexTally).
 */
function indexOrigins(
  grid: Grid,
  indexColumn: number | undefined,
): { origin: Int32Array; isTop: Uint8Array } {
  const first = grid.firstRow;
  const height = indexColumn ? Math.max(0, lastRow(grid) - first + 1) : 0;
  const origin = new Int32Array(height);
  const isTop = new Uint8Array(height);
  if (!indexColumn) return { origin, isTop };
  const merges = grid.merges;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    if (m.left > indexColumn || m.right < indexColumn) continue;
    for (let row = Math.max(m.top + 1, first); row <= m.bottom && row - first < height; row++) {
      origin[row - first] = m.top;
      if (m.top >= first && m.top - first < height) isTop[m.top - first] = 1;
    }
  }
  return { origin, isTop };
}

/** The rows a 序号 was seen on, in order: one row as a number, more as an array. */
type Rows = number | number[];

function noteRow(rows: Rows | undefined, row: number): Rows {
  if (rows === undefined) return row;
  if (typeof rows === 'number') return [rows, row];
  rows.push(row);
  return rows;
}

/** Two lists of rows (each in order, no row in both) as one, in order. */
function joinRows(a: Rows | undefined, b: Rows): Rows {
  if (a === undefined) return b;
  const left = typeof a === 'number' ? [a] : a;
  const right = typeof b === 'number' ? [b] : b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length || (i < left.length && left[i] < right[j])) out.push(left[i++]);
    else out.push(right[j++]);
  }
  return out;
}

/** The counters of a sheet's stats, all zero (in the order the report prints them). */
function emptyStats(): SheetStats {
  return {
    rows: 0,
    problems: 0,
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
}

/**
 * Counts one judged row into the stats, as it is judged: no second loop over the rows afterwards
 * (a loop that V8 compiled on its own, by on-stack replacement, at every check).
 */
function countRow(stats: SheetStats, r: RowReport): void {
  stats.rows++;
  // A switch, not stats[key[r.state]]++: named counters, no keyed access per row.
  switch (r.state) {
    case 'done':
      stats.done++;
      break;
    case 'in_progress':
      stats.inProgress++;
      break;
    case 'long_term':
      stats.longTerm++;
      break;
    case 'not_started':
      stats.notStarted++;
      break;
    case 'unknown':
      stats.unknown++;
      break;
    case 'missing':
      stats.missingStatus++;
      break;
  }
  if (r.overdue) stats.overdue++;
  if (r.dueSoon) stats.dueSoon++;
}

/** Counts the sheet's findings into the stats. */
function countFindings(stats: SheetStats, findings: Finding[]): void {
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.code === 'missing-department') stats.missingDepartment++;
    if (f.severity === 'error') stats.errors++;
    else if (f.severity === 'warning') stats.warnings++;
    else stats.infos++;
  }
}

export function checkGrid(sheet: Grid, options: CheckOptions): CheckResult {
  if (sheet.toolSheet) {
    return { ok: false, reason: 'tool-sheet', message: toolSheetMessage(sheet, options.lang), seen: [] };
  }
  // The grid's width is a walk over every row: once, for the header and the rows.
  const width = lastColumn(sheet);
  const header = detectHeader(
    sheet,
    options.columnOverrides,
    { extraColumns: options.extraColumns, issuedColumn: options.issuedColumn },
    width,
  );
  if (!header) {
    const seen = textsNearTop(sheet);
    const partial = partialHeader(sheet);
    return {
      ok: false,
      reason: 'no-header',
      message: noHeaderMessage(sheet, seen, partial, options.lang),
      seen,
    };
  }
  const grid = withKnownMerges(sheet, header);
  const issuedLine = findIssuedLine(grid, header, options.asOf);
  if (issuedLine) header.issuedLine = issuedLine;

  // The sheet's own findings (missing columns, the department column, relative deadlines).
  const sheetFindings: Finding[] = [];
  for (const field of options.required) {
    if (!header.columns[field]) {
      sheetFindings.push({
        code: 'missing-column',
        severity: FINDINGS['missing-column'].severity,
        row: null,
        column: null,
        columnNumber: null,
        field,
        params: { field, seen: header.seen },
        message: findingMessage('missing-column', { field, seen: header.seen }, options.lang),
      });
    }
  }

  const dept = header.columns.department;
  if (dept?.fromUnit) {
    sheetFindings.push(
      makeFinding(
        'department-from-unit',
        null,
        'department',
        header,
        { header: dept.header, column: columnLetter(dept.column) },
        options,
      ),
    );
  }

  const rowFindings: Finding[] = [];
  const rows: RowReport[] = [];
  const duplicates = duplicateIndexTally(grid, header, options);
  // Every row's messages use the ledger's year, known from its first rows: those are kept (copied:
  // see visitLedgerRows) until it is, then judged; every later row is judged as it comes, and only
  // its judgement is kept. One walk over the sheet.
  let ctx: RowContext | null = null;
  const firstRows: LedgerRow[] = [];
  const stats = emptyStats();
  // One visitor for every row (not a visitor calling a judge): one function fewer on the path of
  // each row for V8 to run and compile.
  const visit = (r: Readonly<LedgerRow>): void => {
    if (ctx === null) {
      firstRows.push(copyLedgerRow(r));
      if (firstRows.length === YEAR_SAMPLE) start();
      return;
    }
    const report = judgeRow(r, ctx, rowFindings);
    rows.push(report);
    countRow(stats, report);
    duplicates.note(r);
  };
  const start = (): RowContext => {
    ctx = rowContext({
      options,
      header,
      fields: Object.keys(header.columns) as Field[],
      dateSystem: grid.dateSystem,
      // A blank in a 是否完成整改 column means "not yet", not a missing status.
      required: options.required.filter(
        (f: Field) => header.columns[f] && !(f === 'status' && header.columns.status?.yesNo),
      ),
      exampleYear: ledgerYear(firstRows, grid, options),
      issuedFallback: issuedLine?.date ?? options.issuedOn ?? null,
      relative: { withoutStart: [], example: '', guessedYears: new Set() },
    });
    const judged = ctx;
    for (const r of firstRows) visit(r);
    firstRows.length = 0;
    return judged;
  };
  const problems = visitLedgerRows(grid, header, visit, width);
  ctx ??= start();
  if (ctx.relative.withoutStart.length > 0) {
    sheetFindings.push(
      makeFinding(
        'relative-deadline-no-start',
        null,
        'deadline',
        header,
        {
          count: ctx.relative.withoutStart.length,
          rows: ctx.relative.withoutStart.slice(0, 5),
          value: ctx.relative.example,
          year: ctx.exampleYear,
        },
        options,
      ),
    );
  }
  if (ctx.relative.guessedYears.size > 0) {
    sheetFindings.push(
      makeFinding(
        'calendar-unknown',
        null,
        'deadline',
        header,
        { years: [...ctx.relative.guessedYears], knownUntil: HOLIDAY_YEARS.last },
        options,
      ),
    );
  }
  // Appended one by one: push(...list) overflows the stack past ~125,000 findings.
  const repeated = duplicates.findings();
  for (const f of repeated) rowFindings.push(f);
  // The rows were judged in order, so their findings are in row order already; only duplicate-
  // 序号 findings, added last, need sorting in (a stable sort: a row's own findings stay first).
  if (repeated.length > 0) rowFindings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  // The sheet's own findings (a few) go in front of the rows' (tens of thousands), rather than the
  // rows' being copied behind them one by one.
  rowFindings.unshift(...sheetFindings);
  const allFindings = rowFindings;

  const columns: SheetReport['columns'] = {};
  for (const [field, mapping] of Object.entries(header.columns)) {
    if (mapping) columns[field as Field] = { column: columnLetter(mapping.column), header: mapping.header };
  }
  stats.problems = problems;
  countFindings(stats, allFindings);
  return {
    ok: true,
    header,
    report: {
      name: grid.sheet,
      valid: stats.errors === 0,
      headerRows: header.headerRows,
      columns,
      rows,
      findings: allFindings,
      stats,
    },
  };
}
