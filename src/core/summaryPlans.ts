/**
 * The three sheets handed to an inspection team, as SheetPlans the hosts write:
 *
 * - 整改汇总 (kind 'summary'): title, as-of date, the report sentence, a totals table, tables by
 *   lead department, cooperating department, category and (several sheets) by sheet, overdue
 *   ageing, 注 lines stating the definitions, and a stacked bar chart by department.
 * - 逾期清单 (kind 'overdue-list'): every overdue and due-soon measure, most overdue first, with a
 *   link to its ledger row.
 * - 待补充清单 (kind 'to-complete-list'): every row with a missing or unreadable required field,
 *   missing departments first, naming what is missing, with a link to the cell.
 *
 * Everything from the ledger goes in as kind 'text' (hosts keep = + - @ literal). Pure: no I/O.
 * The definitions behind the numbers are in summary.ts.
 */
import { CN_DATE_FORMAT, DEFAULT_FONT_SIZE, PLAN_STYLES } from './protocol';
import { FINDINGS } from './findings';
import { fieldLabels, STATE_LABELS } from './messages';
import type { ChartPlan, PlanCell, PlanStyle, SheetPlan } from './sheetPlan';
import { num, text } from './sheetPlan';
import { columnLetter } from './grid';
import {
  type AlertItem,
  chineseDate,
  type Counts,
  type GroupCounts,
  type LedgerSummary,
  type ToCompleteIssue,
  type ToCompleteItem,
  summarySentence,
} from './summary';

export const SUMMARY_SHEET_NAMES = {
  summary: '整改汇总',
  'overdue-list': '逾期清单',
  'to-complete-list': '待补充清单',
} as const;

export interface SummaryPlanOptions {
  /** The due-soon window the check used, for the 即将到期 note; omitted when unknown. */
  dueSoonDays?: number;
}

const PERCENT_FORMAT = '0.0%';
const COUNT_FORMAT = '0';

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const FIELD_LABELS = fieldLabels('zh');

const count = (n: number, style: PlanStyle = 'number'): PlanCell => num(n, style, COUNT_FORMAT);
const rate = (r: number | null, style: PlanStyle = 'number'): PlanCell =>
  r === null ? text('—', style) : num(r, style, PERCENT_FORMAT);

/** Builds a plan row by row; merges a line across the full width when asked. */
export class PlanBuilder {
  readonly rows: PlanCell[][] = [];
  readonly merges: SheetPlan['merges'] = [];
  constructor(readonly width: number) {}
  get nextRow(): number {
    return this.rows.length + 1;
  }
  row(cells: PlanCell[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }
  /** A single text spanning the whole width (title, sentence, note). */
  line(value: string, style: PlanStyle): number {
    const r = this.row([text(value, style)]);
    if (this.width > 1) this.merges.push({ top: r, left: 1, bottom: r, right: this.width });
    return r;
  }
  blank(): void {
    this.rows.push([]);
  }
}

// ---------------------------------------------------------------------------------------------
// Row heights for merged wrapped lines

/** Points per line of 11pt text (CJK fonts such as 等线 and 宋体 need about 15), and the padding. */
const LINE_POINTS = 15;
const ROW_PADDING_POINTS = 3;
/** Excel's largest row height. */
const MAX_ROW_POINTS = 409;

/**
 * Column-width units of a CJK character at 11pt. A column width counts the default font's digits
 * (about 7 pixels); a CJK glyph is about 15 pixels, so a little over 2. Erring wide costs a blank
 * line at worst; erring narrow cuts the text off.
 */
const WIDE_CHAR_UNITS = 2.2;

/**
 * How wide a text is in column-width units: a CJK (or other full-width) character about 2, an
 * ASCII one about 1. Anything past Latin-1 counts as wide, which errs on the side of a taller row.
 */
export function textWidthUnits(value: string): number {
  let units = 0;
  for (const ch of value) units += ch.codePointAt(0)! > 0xff ? WIDE_CHAR_UNITS : 1;
  return units;
}

/** Estimated wrapped lines of a text in a cell `width` units wide (explicit line breaks kept). */
export function estimateLines(value: string, width: number, fontSize = 11): number {
  // A cell's margins take about one unit; the text scales with its font size.
  const usable = Math.max(1, width - 1);
  return value
    .split(/\r\n|\r|\n/)
    .reduce((n, line) => n + Math.max(1, Math.ceil((textWidthUnits(line) * fontSize) / 11 / usable)), 0);
}

/**
 * Heights for the rows whose merged text needs more than one line. Excel, WPS and LibreOffice
 * never auto-fit a row for a merged cell, so such a row would show one cut-off line; rows
 * without a merged multi-line text keep the host's automatic height and are not listed. A row's
 * height covers every text in it (a merged one over the merged columns' widths, any other over
 * its column's width).
 */
export function mergedRowHeights(
  rows: PlanCell[][],
  merges: SheetPlan['merges'],
  columnWidths: number[],
): Record<number, number> {
  const colWidth = (c: number) => {
    const w = columnWidths[c - 1];
    return Number.isFinite(w) && w > 0 ? w : 8.43; // Excel's default column width
  };
  const spanOf = new Map<string, { left: number; right: number }>();
  // Only a row where a one-row merge starts can need a height: the others are not even measured
  // (a 逾期清单 of 14,000 rows has two such rows; measuring every text cost 40 ms at 50,000 rows).
  const spanRows = new Set<number>();
  for (const m of merges) {
    // Only merges within one row: a taller merge has several rows to spread its text over.
    if (m.top === m.bottom && m.right > m.left) {
      spanOf.set(`${m.top},${m.left}`, m);
      spanRows.add(m.top);
    }
  }
  // The cells merges cover, on those rows only (a key string per covered cell of every row cost
  // about 10 ms at 50,000 rows).
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      if (!spanRows.has(r)) continue;
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
  }
  const heights: Record<number, number> = {};
  rows.forEach((cells, i) => {
    const r = i + 1;
    if (!spanRows.has(r)) return;
    let needed = 0;
    let mergedWraps = false;
    cells.forEach((cell, j) => {
      const c = j + 1;
      if (!cell || covered.has(`${r},${c}`) || (cell.kind !== 'text' && cell.kind !== 'link')) return;
      const span = spanOf.get(`${r},${c}`);
      let width = 0;
      for (let k = span?.left ?? c; k <= (span?.right ?? c); k++) width += colWidth(k);
      const size = PLAN_STYLES[cell.style ?? 'cell'].size ?? DEFAULT_FONT_SIZE;
      const lines = estimateLines(cell.text, width, size);
      if (span && lines > 1) mergedWraps = true;
      needed = Math.max(needed, lines * Math.ceil((LINE_POINTS * Math.max(size, 11)) / 11));
    });
    if (mergedWraps) heights[r] = Math.min(MAX_ROW_POINTS, needed + ROW_PADDING_POINTS);
  });
  return heights;
}

/** The plan with heights for its merged multi-line rows (none: the plan as it was). */
function withRowHeights(plan: SheetPlan): SheetPlan {
  const rowHeights = mergedRowHeights(plan.rows, plan.merges, plan.columnWidths);
  return Object.keys(rowHeights).length > 0 ? { ...plan, rowHeights } : plan;
}

// ---------------------------------------------------------------------------------------------
// 整改汇总

const GROUP_HEADERS = [
  '措施数',
  STATE_LABELS.done.zh,
  STATE_LABELS.long_term.zh,
  STATE_LABELS.in_progress.zh,
  STATE_LABELS.not_started.zh,
  '进展未明',
  '逾期',
  '即将到期',
  '完成率',
];
/** Plan columns (1-based) of the state columns that partition the measures: the chart's series. */
const STATE_SERIES_COLUMNS = [3, 4, 5, 6, 7];

function groupRow(
  name: string,
  c: Counts,
  nameStyle: PlanStyle = 'cell',
  numStyle: PlanStyle = 'number',
): PlanCell[] {
  return [
    text(name, nameStyle),
    count(c.measures, numStyle),
    count(c.done, numStyle),
    count(c.longTerm, numStyle),
    count(c.inProgress, numStyle),
    count(c.notStarted, numStyle),
    count(c.unknown + c.missingStatus, numStyle),
    count(c.overdue, numStyle),
    count(c.dueSoon, numStyle),
    rate(c.completionRate, numStyle),
  ];
}

/** A table of group rows; returns the plan rows of its first and last data rows (0 when empty). */
function groupTable(
  b: PlanBuilder,
  firstHeader: string,
  groups: GroupCounts[],
  extra: { name: string; counts: Counts } | null,
  total: Counts | null,
): { first: number; last: number } {
  b.row([text(firstHeader, 'header'), ...GROUP_HEADERS.map((h) => text(h, 'header'))]);
  let first = 0;
  let last = 0;
  for (const g of groups) {
    last = b.row(groupRow(g.name, g));
    first ||= last;
  }
  if (extra) b.row(groupRow(extra.name, extra.counts, 'note', 'number'));
  if (total) b.row(groupRow('合计', total, 'total', 'total'));
  return { first, last };
}

function summaryPlan(summary: LedgerSummary, opts: SummaryPlanOptions): SheetPlan {
  const width = 1 + GROUP_HEADERS.length;
  const b = new PlanBuilder(width);
  const t = summary.totals;
  const charts: ChartPlan[] = [];
  let section = 0;
  const heading = (title: string) => b.line(`${CN_NUMERALS[section++] ?? section}、${title}`, 'subtitle');

  b.line(`${summary.ledgerName || '整改台账'}汇总`, 'title');
  const scope =
    summary.sheets.length > 1
      ? `；统计范围：${summary.sheets.join('、')}（共${summary.sheets.length}个工作表）`
      : '';
  b.line(`截至${chineseDate(summary.asOf)}${scope}`, 'subtitle');
  b.blank();
  b.line(summarySentence(summary, 'zh'), 'sentence');
  b.blank();

  heading('总体情况');
  b.row([text('项目', 'header'), text('数量', 'header'), text('说明', 'header')]);
  b.merges.push({ top: b.nextRow - 1, left: 3, bottom: b.nextRow - 1, right: width });
  const item = (label: string, value: PlanCell, note: string) => {
    const r = b.row([text(label, 'cell'), value, text(note, 'cell')]);
    b.merges.push({ top: r, left: 3, bottom: r, right: width });
  };
  const unclear = t.unknown + t.missingStatus;
  item('梳理问题（个）', count(summary.problems), '问题单元格合并覆盖多条措施的，计为一个问题');
  item('制定整改措施（项）', count(t.measures), '台账中的措施行数');
  item('已完成（项）', count(t.completed), `其中已完成${t.done}项，长期任务已取得阶段性成效${t.longTerm}项`);
  item(
    '正在推进（项）',
    count(t.ongoing),
    `未逾期的未完成措施（推进中、未启动、进展未填写或无法识别）；全部措施中推进中${t.inProgress}项、未启动${t.notStarted}项、进展未明${unclear}项`,
  );
  item('逾期未完成（项）', count(t.overdue), '整改时限已过、未完成且非长期任务的措施，见“逾期清单”');
  const window = opts.dueSoonDays !== undefined ? `${opts.dueSoonDays}日内到期` : '临近整改时限';
  item('即将到期（项）', count(t.dueSoon), `${window}且未完成的措施，见“逾期清单”`);
  item('完成率', rate(t.completionRate), '已完成 ÷ 整改措施，长期任务计入已完成');
  item('待补充（行）', count(summary.toComplete.length), '必填项缺失或无法识别的台账行，见“待补充清单”');
  b.blank();

  heading('按责任单位统计（牵头单位）');
  const deptTable = groupTable(
    b,
    '责任单位',
    summary.byDepartment,
    summary.noDepartment ? { name: '（未填写责任单位）', counts: summary.noDepartment } : null,
    null,
  );
  if (deptTable.first > 0) {
    charts.push({
      title: '各责任单位整改进展',
      firstRow: deptTable.first,
      lastRow: deptTable.last,
      labelColumn: 1,
      seriesColumns: STATE_SERIES_COLUMNS,
      anchor: `${columnLetter(width + 2)}${deptTable.first - 1}`,
      widthColumns: 8,
      heightRows: Math.max(15, deptTable.last - deptTable.first + 6),
    });
  }
  b.line('注：一条措施有多个责任单位的，每个单位各计一次，故各单位措施数之和可能大于措施总数。', 'note');
  b.blank();

  if (summary.byCooperating.length > 0) {
    heading('按配合单位统计');
    groupTable(b, '配合单位', summary.byCooperating, null, null);
    b.line('注：配合单位与牵头单位分开统计；一条措施有多个配合单位的，每个单位各计一次。', 'note');
    b.blank();
  }

  if (summary.hasCategory) {
    heading('按问题类别统计');
    groupTable(
      b,
      '问题类别',
      summary.byCategory,
      summary.uncategorised ? { name: '（未分类）', counts: summary.uncategorised } : null,
      t,
    );
    b.blank();
  }

  if (summary.bySheet.length > 1) {
    heading('按工作表统计');
    groupTable(b, '工作表', summary.bySheet, null, t);
    b.blank();
  }

  heading('逾期时长分布');
  b.row([text('逾期时长', 'header'), text('措施数', 'header')]);
  b.row([text('1—30天', 'cell'), count(summary.ageing.upTo30)]);
  b.row([text('31—90天', 'cell'), count(summary.ageing.upTo90)]);
  b.row([text('90天以上', 'cell'), count(summary.ageing.over90)]);
  b.row([text('合计', 'total'), count(t.overdue, 'total')]);
  b.blank();

  b.line(
    '注：1. 完成率 = 已完成 ÷ 整改措施；长期任务（已取得阶段性成效）计入已完成，与报告句中的“已完成”一致。',
    'note',
  );
  b.line(
    '2. 已完成 + 正在推进 + 逾期未完成 = 整改措施；“正在推进”含未启动及进展未填写、无法识别而未逾期的措施，每条措施只计一次。',
    'note',
  );
  b.line(
    '3. “进展未明”为整改进展未填写或无法识别的措施；表中“正在推进”为进展写明推进中的措施（含已逾期的）。',
    'note',
  );

  return {
    name: SUMMARY_SHEET_NAMES.summary,
    kind: 'summary',
    columnWidths: [26, 11, 11, 11, 11, 11, 11, 11, 11, 11],
    rows: b.rows,
    merges: b.merges,
    // Several tables share the sheet: no single header to freeze.
    headerRow: 0,
    charts,
  };
}

// ---------------------------------------------------------------------------------------------
// 逾期清单

function deadlineCell(deadline: string | null, written: string): PlanCell {
  if (deadline) return { kind: 'date', date: deadline, format: CN_DATE_FORMAT, style: 'cell' };
  return text(written, 'cell');
}

/**
 * The cells many 逾期清单 lines have alike (departments, deadline, 预警, day counts, status), made
 * once each and the same object put on every line that has it: plans are read-only data (no
 * host changes a plan's cell). A list of 14,000 lines held 170,000 cell objects, every one kept
 * until the sheet is written; about half are now shared, which V8 no longer has to copy out of
 * its young generation.
 */
class SharedCells {
  private readonly texts = new Map<string, PlanCell>();
  private readonly counts = new Map<number, PlanCell>();
  private readonly dates = new Map<string, PlanCell>();
  private readonly lists = new Map<readonly string[], PlanCell>();

  /** A short text in the 'cell' style. */
  text(value: string): PlanCell {
    let cell = this.texts.get(value);
    if (cell === undefined) this.texts.set(value, (cell = text(value, 'cell')));
    return cell;
  }

  /**
   * A list of names, joined with 、. The engine's lists are frozen and shared by every row with
   * the same cell text, so a list is looked up by itself before its text is joined (up to 1,024
   * lists, so lists built per row by other callers do not pile up).
   */
  names(list: readonly string[]): PlanCell {
    let cell = this.lists.get(list);
    if (cell === undefined) {
      cell = this.text(list.join('、'));
      if (this.lists.size < 1024) this.lists.set(list, cell);
    }
    return cell;
  }

  /** A count in the 'number' style, or no cell. */
  count(n: number | null): PlanCell {
    if (n === null) return null;
    let cell = this.counts.get(n);
    if (cell === undefined) this.counts.set(n, (cell = count(n)));
    return cell;
  }

  deadline(deadline: string | null, written: string): PlanCell {
    if (!deadline) return this.text(written);
    let cell = this.dates.get(deadline);
    if (cell === undefined) this.dates.set(deadline, (cell = deadlineCell(deadline, written)));
    return cell;
  }
}

/**
 * One 逾期清单 line. One array per line, made whole (14,000 lines at 50,000 rows): pushing onto a
 * one-cell array grew it to 17 slots; the 工作表 column goes in afterwards, only with several
 * sheets. A function of its own, called per line (V8 compiles it once, at its own size, rather
 * than the loop with the whole plan around it). The array is made by `Array.of`, not a literal:
 * V8 watches what becomes of each literal's arrays, and when nearly all survive (a plan is kept
 * until it is written) it throws away the compiled code that made them, so this was compiled
 * twice at 50,000 rows (as tallyRows was for the alerts; see summary.ts's Alert).
 */
function overdueLine(a: AlertItem, n: number, shared: SharedCells, multiSheet: boolean): PlanCell[] {
  const cells: PlanCell[] = Array.of<PlanCell>(
    count(n),
    text(a.problem, 'cell'),
    text(a.measure, 'cell'),
    shared.names(a.departments),
    shared.names(a.cooperating),
    shared.deadline(a.deadline, a.deadlineText),
    shared.text(a.kind === 'overdue' ? '逾期' : '即将到期'),
    shared.count(a.daysOverdue),
    shared.count(a.daysLeft),
    shared.text(a.statusText || `（${STATE_LABELS[a.state].zh}）`),
    { kind: 'link', text: `第${a.row}行`, sheet: a.sheet, cell: a.cell, style: 'cell' },
  );
  if (multiSheet) cells.splice(1, 0, shared.text(a.sheet));
  return cells;
}

function overduePlan(summary: LedgerSummary, multiSheet: boolean): SheetPlan {
  const headers = [
    '序号',
    ...(multiSheet ? ['工作表'] : []),
    '存在问题',
    '整改措施',
    '责任单位',
    '配合单位',
    '整改时限',
    '预警',
    '逾期天数',
    '剩余天数',
    '整改进展',
    '定位',
  ];
  const widths = [6, ...(multiSheet ? [12] : []), 30, 36, 16, 14, 16, 10, 9, 9, 20, 10];
  const b = new PlanBuilder(headers.length);
  const overdue = summary.alerts.filter((a) => a.kind === 'overdue').length;
  const dueSoon = summary.alerts.length - overdue;
  b.line(`${summary.ledgerName || '整改台账'}逾期及即将到期清单`, 'title');
  b.line(
    `截至${chineseDate(summary.asOf)}，逾期未完成${overdue}项，即将到期${dueSoon}项；逾期的按逾期天数从多到少排列，即将到期的按剩余天数从少到多排列。`,
    'subtitle',
  );
  const headerRow = b.row(headers.map((h) => text(h, 'header')));
  const shared = new SharedCells();
  const alerts = summary.alerts;
  for (let i = 0; i < alerts.length; i++) b.row(overdueLine(alerts[i], i + 1, shared, multiSheet));
  if (summary.alerts.length === 0) b.line('没有逾期或即将到期的整改措施。', 'note');
  return {
    name: SUMMARY_SHEET_NAMES['overdue-list'],
    kind: 'overdue-list',
    columnWidths: widths,
    rows: b.rows,
    merges: b.merges,
    headerRow,
    charts: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 待补充清单

/** What an issue asks the clerk to supply, in a few words: "缺责任单位", "整改时限无法识别". */
export function issueLabel(issue: ToCompleteIssue): string {
  const label = FINDINGS[issue.code].toComplete;
  if (label) return label({ header: issue.header, field: issue.field });
  return issue.header ?? (issue.field ? FIELD_LABELS[issue.field] : '');
}

function toCompletePlan(summary: LedgerSummary, multiSheet: boolean): SheetPlan {
  const headers = [
    '序号',
    ...(multiSheet ? ['工作表'] : []),
    '行号',
    '存在问题',
    '整改措施',
    '待补充内容',
    '说明',
    '定位',
  ];
  const widths = [6, ...(multiSheet ? [12] : []), 7, 30, 34, 22, 34, 10];
  const b = new PlanBuilder(headers.length);
  const noDept = summary.toComplete.filter((t) => t.missingDepartment).length;
  b.line(`${summary.ledgerName || '整改台账'}待补充事项清单`, 'title');
  b.line(
    `截至${chineseDate(summary.asOf)}，共${summary.toComplete.length}行需补充或更正，其中缺责任单位${noDept}行（排在前面）。`,
    'subtitle',
  );
  const headerRow = b.row(headers.map((h) => text(h, 'header')));
  // Consecutive rows needing the same thing are one line ("5–19", issue 10): a unit sent 15 rows
  // without a department reads one line, not fifteen. The link goes to the first row's cell.
  const runs: { items: ToCompleteItem[]; labels: string[]; messages: string[] }[] = [];
  for (const item of summary.toComplete) {
    const labels = [...new Set(item.issues.map(issueLabel))];
    const messages = [...new Set(item.issues.map((x) => x.message).filter(Boolean))];
    const prev = runs[runs.length - 1];
    const last = prev?.items[prev.items.length - 1];
    if (
      prev &&
      last!.sheet === item.sheet &&
      last!.row + 1 === item.row &&
      prev.labels.join('\n') === labels.join('\n') &&
      prev.messages.join('\n') === messages.join('\n')
    )
      prev.items.push(item);
    else runs.push({ items: [item], labels, messages });
  }
  runs.forEach(({ items, labels, messages }, i) => {
    const item = items[0];
    const n = items.length;
    const more = n > 1 ? ` 等${n}行` : '';
    b.row([
      count(i + 1),
      ...(multiSheet ? [text(item.sheet, 'cell')] : []),
      n > 1 ? text(`${item.row}–${items[n - 1].row}`, 'cell') : count(item.row),
      text(item.problem + more, 'cell'),
      text(item.measure + more, 'cell'),
      text(labels.join('、'), 'cell'),
      text(messages.join('\n'), 'cell'),
      { kind: 'link', text: item.cell, sheet: item.sheet, cell: item.cell, style: 'cell' },
    ]);
  });
  if (summary.toComplete.length === 0) b.line('必填项均已填写，没有待补充的事项。', 'note');
  return {
    name: SUMMARY_SHEET_NAMES['to-complete-list'],
    kind: 'to-complete-list',
    columnWidths: widths,
    rows: b.rows,
    merges: b.merges,
    headerRow,
    charts: [],
  };
}

/**
 * The three summary sheets, in the order they should appear: 整改汇总, 逾期清单, 待补充清单.
 * The lists carry a 工作表 column when more than one ledger sheet was summarised.
 */
export function planSummarySheets(summary: LedgerSummary, opts: SummaryPlanOptions = {}): SheetPlan[] {
  const multiSheet = summary.sheets.length > 1;
  return [
    summaryPlan(summary, opts),
    overduePlan(summary, multiSheet),
    toCompletePlan(summary, multiSheet),
  ].map(withRowHeights);
}
