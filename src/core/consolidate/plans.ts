/**
 * The 汇总 workbook's sheets as SheetPlans both hosts write (src/cli/sheetWriter.ts, src/excel/sheetsWriter.ts):
 *
 * - 汇总台账 (kind 'merged-ledger'): every merged unit's measures in the standard columns, with
 *   填报单位 and the source file, sheet and row; category and problem cells merged down as in the
 *   units' sheets (never across two units or sheets). 填报单位 is written on every row, unmerged,
 *   so the clerk can filter by unit.
 * - 各单位情况 (kind 'unit-summary'): the sentence for all units, one row per unit worst first with
 *   its own sentence, a 合计 row, the definitions, the files that could not be read and the
 *   duplicate files, and a stacked bar chart of the units' progress (hosts that can draw one).
 * - 逾期清单 / 待补充清单 (kinds 'merged-overdue-list', 'merged-to-complete-list'): grouped by unit in
 *   the same order, each line with its source file, sheet and row and a link to its 汇总台账 row.
 *
 * Everything from the ledgers goes in as text. Pure: no I/O.
 */
import { CN_DATE_FORMAT } from '../protocol';
import { chineseDate } from '../calendar';
import { FIELD_LABELS, STATE_LABELS } from '../messages';
import type { ChartPlan, PlanCell, PlanStyle, SheetPlan } from '../sheetPlan';
import { num, text } from '../sheetPlan';
import { issueLabel, mergedRowHeights, PlanBuilder } from '../summaryPlans';
import { FIELDS, type Field } from '../types';
import type { ConsolidationResult, MergedRow, UnitResult } from './consolidation';
import { alertsOf, totalsLine } from './consolidation';
import { UNIT_SOURCE_LABELS } from './unitName';

export const MERGE_SHEET_NAMES = {
  'merged-ledger': '汇总台账',
  'unit-summary': '各单位情况',
  'merged-overdue-list': '逾期清单',
  'merged-to-complete-list': '待补充清单',
} as const;

const PERCENT_FORMAT = '0.0%';
const COUNT_FORMAT = '0';
const count = (n: number, style: PlanStyle = 'number'): PlanCell => num(n, style, COUNT_FORMAT);
const rate = (r: number | null, style: PlanStyle = 'number'): PlanCell =>
  r === null ? text('—', style) : num(r, style, PERCENT_FORMAT);
const baseName = (f: string) => f.replace(/^.*[\\/]/, '');

/** The fields of the standard ledger, without 序号 (the merged ledger numbers its rows anew). */
const LEDGER_FIELDS: Field[] = FIELDS.filter((f) => f !== 'index');

/** A date written plainly (2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日) or as the date format shows it. */
const PLAIN_DATE = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/;

/** A date cell when the source held a plain date; otherwise the text as written (nothing is reworded). */
function dateOrText(iso: string | null, written: string | undefined): PlanCell {
  const w = (written ?? '').trim();
  if (iso && (w === '' || PLAIN_DATE.test(w) || /^\d+(\.\d+)?$/.test(w)))
    return { kind: 'date', date: iso, format: CN_DATE_FORMAT, style: 'cell' };
  return text(written ?? '', 'cell');
}

function fieldCell(r: MergedRow, f: Field): PlanCell {
  if (f === 'deadline')
    return r.deadlineKind === 'date'
      ? dateOrText(r.deadline, r.text.deadline)
      : text(r.text.deadline ?? '', 'cell');
  if (f === 'completedOn') return dateOrText(r.completedOn, r.text.completedOn);
  return text(r.text[f] ?? '', 'cell');
}

/** Heights for merged multi-line rows; for a long ledger only its title rows are looked at. */
function finish(plan: SheetPlan, titleRowsOnly = false): SheetPlan {
  const rows = titleRowsOnly ? plan.rows.slice(0, plan.headerRow) : plan.rows;
  const rowHeights = mergedRowHeights(rows, plan.merges, plan.columnWidths);
  return Object.keys(rowHeights).length > 0 ? { ...plan, rowHeights } : plan;
}

/** Where each merged measure sits on 汇总台账: `${file}\0${sheet}\0${row}` → plan row. */
type RowIndex = Map<string, number>;
const rowKey = (file: string, sheet: string, row: number) => `${file}\u0000${sheet}\u0000${row}`;

// ---------------------------------------------------------------------------------------------
// 汇总台账

const MERGED_HEADERS = [
  FIELD_LABELS.index.zh,
  '填报单位',
  ...LEDGER_FIELDS.map((f) => FIELD_LABELS[f].zh),
  '来源文件',
  '来源工作表',
  '来源行',
];
const FIELD_WIDTHS: Record<Field, number> = {
  index: 6,
  category: 14,
  problem: 32,
  measure: 36,
  department: 16,
  cooperating: 14,
  person: 10,
  deadline: 14,
  status: 20,
  completedOn: 14,
  evidence: 16,
  remarks: 14,
};

/** Rows that continue a merged area of the same file and sheet: category by text, problem by key. */
function mergeRuns(
  rows: MergedRow[],
  firstPlanRow: number,
  column: number,
  same: (a: MergedRow, b: MergedRow) => boolean,
  out: SheetPlan['merges'],
): void {
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const continues =
      i < rows.length &&
      rows[i].file === rows[start].file &&
      rows[i].sheet === rows[start].sheet &&
      rows[i].row > rows[i - 1].row &&
      same(rows[start], rows[i]);
    if (continues) continue;
    if (i - start > 1)
      out.push({ top: firstPlanRow + start, left: column, bottom: firstPlanRow + i - 1, right: column });
    start = i;
  }
}

function mergedLedgerPlan(result: ConsolidationResult, index: RowIndex): SheetPlan {
  const b = new PlanBuilder(MERGED_HEADERS.length);
  const t = result.totals;
  b.line('各单位整改台账汇总', 'title');
  b.line(
    `截至${chineseDate(result.asOf)}，${t.units}个单位共${t.measures}项整改措施；按“各单位情况”的顺序排列，每行注明来源文件、工作表和行号。`,
    'subtitle',
  );
  const headerRow = b.row(MERGED_HEADERS.map((h) => text(h, 'header')));
  const all: MergedRow[] = [];
  for (const u of result.units) {
    for (const r of u.rows) {
      const planRow = b.row([
        count(all.length + 1),
        text(r.unit, 'cell'),
        ...LEDGER_FIELDS.map((f) => fieldCell(r, f)),
        text(baseName(r.file), 'cell'),
        text(r.sheet, 'cell'),
        count(r.row),
      ]);
      index.set(rowKey(r.file, r.sheet, r.row), planRow);
      all.push(r);
    }
  }
  const col = (f: Field) => 3 + LEDGER_FIELDS.indexOf(f);
  mergeRuns(
    all,
    headerRow + 1,
    col('category'),
    (a, c) => !!a.text.category?.trim() && a.text.category === c.text.category,
    b.merges,
  );
  mergeRuns(
    all,
    headerRow + 1,
    col('problem'),
    (a, c) =>
      a.problemKey.startsWith('merge:') && a.problemKey === c.problemKey && a.text.problem === c.text.problem,
    b.merges,
  );
  if (all.length === 0) b.line('没有可合并的整改措施。', 'note');
  return {
    name: MERGE_SHEET_NAMES['merged-ledger'],
    kind: 'merged-ledger',
    columnWidths: [6, 16, ...LEDGER_FIELDS.map((f) => FIELD_WIDTHS[f]), 22, 12, 7],
    rows: b.rows,
    merges: b.merges,
    headerRow,
    charts: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 各单位情况

const UNIT_HEADERS = [
  '序号',
  '填报单位',
  '措施数',
  STATE_LABELS.done.zh,
  STATE_LABELS.long_term.zh,
  STATE_LABELS.in_progress.zh,
  '逾期',
  '即将到期',
  '缺责任单位',
  '待补充',
  '按期完成率',
  '名称来源',
  '来源文件',
  '整改进展（报告句）',
];
/** 已完成, 长期坚持, 正在推进, 逾期: they partition the measures, so they are the chart's series. */
const CHART_SERIES = [4, 5, 6, 7];

function unitRow(n: number, u: UnitResult): PlanCell[] {
  const c = u.counts;
  return [
    count(n),
    text(u.unit, 'cell'),
    count(c.measures),
    count(c.done),
    count(c.longTerm),
    count(c.ongoing),
    count(c.overdue),
    count(c.dueSoon),
    count(u.missingDepartment),
    count(u.toCompleteCount),
    rate(u.onTime.rate),
    text(UNIT_SOURCE_LABELS[u.source].zh, 'cell'),
    text(baseName(u.file), 'cell'),
    text(u.sentence, 'cell'),
  ];
}

function unitSummaryPlan(result: ConsolidationResult): SheetPlan {
  const b = new PlanBuilder(UNIT_HEADERS.length);
  const t = result.totals;
  b.line('各单位整改情况', 'title');
  b.line(`截至${chineseDate(result.asOf)}。${totalsLine(result, 'zh', false)}`, 'subtitle');
  b.line(result.sentence, 'sentence');
  b.blank();
  const headerRow = b.row(UNIT_HEADERS.map((h) => text(h, 'header')));
  result.units.forEach((u, i) => b.row(unitRow(i + 1, u)));
  const lastUnitRow = headerRow + result.units.length;
  const c = t.counts;
  b.row([
    text('合计', 'total'),
    text(`${t.units}个单位`, 'total'),
    count(c.measures, 'total'),
    count(c.done, 'total'),
    count(c.longTerm, 'total'),
    count(c.ongoing, 'total'),
    count(c.overdue, 'total'),
    count(c.dueSoon, 'total'),
    count(t.missingDepartment, 'total'),
    count(t.toComplete, 'total'),
    rate(t.onTime.rate, 'total'),
    text('', 'total'),
    text(`${t.files - t.unreadable}个文件`, 'total'),
    text('', 'total'),
  ]);
  b.blank();
  const window = result.dueSoonDays !== undefined ? `${result.dueSoonDays}日内到期` : '临近整改时限';
  b.line(
    '注：1. 已完成 + 长期坚持 + 正在推进 + 逾期 = 措施数，每项措施只计一次；“正在推进”含未启动和进展未填写、无法识别而未逾期的措施；“长期坚持”为已取得阶段性成效的长期任务，报告句把它计入“已完成”。',
    'note',
  );
  b.line(
    `2. 逾期：整改时限已过、未完成且非长期任务；即将到期：${window}且未完成。缺责任单位、待补充为行数，明细见“待补充清单”。`,
    'note',
  );
  b.line(
    '3. 按期完成率 = 按期完成的措施 ÷ 整改时限已到的措施（长期任务不计）。整改时限已到：时限为具体日期且不晚于统计日；按期完成：已完成，且完成时间不晚于整改时限（未填完成时间的按期计，检查结果另提醒补填）。没有到期措施的单位记“—”。',
    'note',
  );
  b.line('4. 排序：逾期多的在前，其次为缺责任单位、待补充多的，再次为按期完成率低的，便于逐一督促。', 'note');

  const unreadable = result.files.filter((f) => f.error !== null);
  if (unreadable.length > 0) {
    b.blank();
    b.line(`未能读取的文件（${unreadable.length}个，未计入上表，请联系报送单位重新报送）`, 'subtitle');
    b.row([text('序号', 'header'), text('文件', 'header'), text('原因', 'header')]);
    b.merges.push({ top: b.rows.length, left: 3, bottom: b.rows.length, right: UNIT_HEADERS.length });
    unreadable.forEach((f, i) => {
      const r = b.row([count(i + 1), text(baseName(f.file), 'cell'), text(f.error ?? '', 'cell')]);
      b.merges.push({ top: r, left: 3, bottom: r, right: UNIT_HEADERS.length });
    });
  }
  if (result.duplicates.length > 0) {
    b.blank();
    b.line(
      `同一单位报送了多个文件（${result.duplicates.length}个文件未合并，以免重复计数；如确属不同单位，请用单位名称映射文件区分）`,
      'subtitle',
    );
    b.row([
      text('序号', 'header'),
      text('填报单位', 'header'),
      text('已合并的文件', 'header'),
      text('未合并的文件', 'header'),
    ]);
    b.merges.push({ top: b.rows.length, left: 4, bottom: b.rows.length, right: UNIT_HEADERS.length });
    result.duplicates.forEach((d, i) => {
      const r = b.row([
        count(i + 1),
        text(d.unit, 'cell'),
        text(baseName(d.kept), 'cell'),
        text(baseName(d.dropped), 'cell'),
      ]);
      b.merges.push({ top: r, left: 4, bottom: r, right: UNIT_HEADERS.length });
    });
  }

  const charts: ChartPlan[] = [];
  if (result.units.length > 0) {
    charts.push({
      title: '各单位整改进展',
      firstRow: headerRow + 1,
      lastRow: lastUnitRow,
      labelColumn: 2,
      seriesColumns: CHART_SERIES,
      anchor: `B${b.rows.length + 2}`,
      widthColumns: 10,
      heightRows: Math.max(15, result.units.length + 6),
    });
  }
  return {
    name: MERGE_SHEET_NAMES['unit-summary'],
    kind: 'unit-summary',
    columnWidths: [6, 18, 8, 8, 7, 9, 7, 9, 11, 8, 11, 11, 20, 60],
    rows: b.rows,
    merges: b.merges,
    headerRow,
    charts,
  };
}

// ---------------------------------------------------------------------------------------------
// 逾期清单 and 待补充清单, grouped by unit

function ledgerLink(index: RowIndex, file: string, sheet: string, row: number): PlanCell {
  const at = index.get(rowKey(file, sheet, row));
  if (at === undefined) return text('', 'cell');
  return {
    kind: 'link',
    text: `第${at}行`,
    sheet: MERGE_SHEET_NAMES['merged-ledger'],
    cell: `E${at}`,
    style: 'cell',
  };
}

function overdueListPlan(result: ConsolidationResult, index: RowIndex): SheetPlan {
  const headers = [
    '序号',
    '填报单位',
    '存在问题',
    '整改措施',
    '责任单位',
    '整改时限',
    '预警',
    '逾期天数',
    '剩余天数',
    '整改进展',
    '来源文件',
    '来源工作表',
    '来源行',
    '汇总台账',
  ];
  const b = new PlanBuilder(headers.length);
  const overdue = result.totals.counts.overdue;
  const dueSoon = result.totals.counts.dueSoon;
  b.line('各单位逾期及即将到期清单', 'title');
  b.line(
    `截至${chineseDate(result.asOf)}，逾期未完成${overdue}项，即将到期${dueSoon}项；按单位分组（顺序同“各单位情况”），可按单位筛选后退回补充。`,
    'subtitle',
  );
  const headerRow = b.row(headers.map((h) => text(h, 'header')));
  let n = 0;
  for (const u of result.units) {
    const alerts = alertsOf(u, result.asOf);
    if (alerts.length === 0) continue;
    const o = alerts.filter((a) => a.kind === 'overdue').length;
    b.line(`${u.unit}：逾期${o}项，即将到期${alerts.length - o}项（${baseName(u.file)}）`, 'total');
    for (const a of alerts) {
      b.row([
        count(++n),
        text(u.unit, 'cell'),
        text(a.problem, 'cell'),
        text(a.measure, 'cell'),
        text(a.departments.join('、'), 'cell'),
        a.deadline
          ? { kind: 'date', date: a.deadline, format: CN_DATE_FORMAT, style: 'cell' }
          : text(a.deadlineText, 'cell'),
        text(a.kind === 'overdue' ? '逾期' : '即将到期', 'cell'),
        a.daysOverdue === null ? text('', 'cell') : count(a.daysOverdue),
        a.daysLeft === null ? text('', 'cell') : count(a.daysLeft),
        text(a.statusText, 'cell'),
        text(baseName(u.file), 'cell'),
        text(a.sheet, 'cell'),
        count(a.row),
        ledgerLink(index, u.file, a.sheet, a.row),
      ]);
    }
  }
  if (n === 0) b.line('各单位均没有逾期或即将到期的整改措施。', 'note');
  return {
    name: MERGE_SHEET_NAMES['merged-overdue-list'],
    kind: 'merged-overdue-list',
    columnWidths: [6, 16, 28, 32, 16, 14, 9, 9, 9, 18, 20, 12, 7, 10],
    rows: b.rows,
    merges: b.merges,
    headerRow,
    charts: [],
  };
}

function toCompleteListPlan(result: ConsolidationResult, index: RowIndex): SheetPlan {
  const headers = [
    '序号',
    '填报单位',
    '存在问题',
    '整改措施',
    '待补充内容',
    '说明',
    '来源文件',
    '来源工作表',
    '来源行',
    '汇总台账',
  ];
  const b = new PlanBuilder(headers.length);
  b.line('各单位待补充事项清单', 'title');
  b.line(
    `截至${chineseDate(result.asOf)}，共${result.totals.toComplete}行需补充或更正，其中缺责任单位${result.totals.missingDepartment}行；按单位分组，可按单位筛选后退回补充。`,
    'subtitle',
  );
  const headerRow = b.row(headers.map((h) => text(h, 'header')));
  let n = 0;
  for (const u of result.units) {
    if (u.toComplete.length === 0) continue;
    b.line(
      `${u.unit}：待补充${u.toComplete.length}行，其中缺责任单位${u.missingDepartment}行（${baseName(u.file)}）`,
      'total',
    );
    for (const item of u.toComplete) {
      b.row([
        count(++n),
        text(u.unit, 'cell'),
        text(item.problem, 'cell'),
        text(item.measure, 'cell'),
        text([...new Set(item.issues.map(issueLabel))].join('、'), 'cell'),
        text([...new Set(item.issues.map((x) => x.message).filter(Boolean))].join('\n'), 'cell'),
        text(baseName(u.file), 'cell'),
        text(item.sheet, 'cell'),
        count(item.row),
        ledgerLink(index, u.file, item.sheet, item.row),
      ]);
    }
  }
  if (n === 0) b.line('各单位必填项均已填写，没有待补充的事项。', 'note');
  return {
    name: MERGE_SHEET_NAMES['merged-to-complete-list'],
    kind: 'merged-to-complete-list',
    columnWidths: [6, 16, 28, 32, 20, 36, 20, 12, 7, 10],
    rows: b.rows,
    merges: b.merges,
    headerRow,
    charts: [],
  };
}

/** The four 汇总 sheets, in order: 汇总台账, 各单位情况, 逾期清单, 待补充清单. Needs a detailed result. */
export function planMergeSheets(result: ConsolidationResult): SheetPlan[] {
  if (!result.detailed) throw new Error('planMergeSheets needs a consolidation that kept the rows');
  const index: RowIndex = new Map();
  const ledger = mergedLedgerPlan(result, index);
  return [
    finish(ledger, true),
    finish(unitSummaryPlan(result)),
    finish(overdueListPlan(result, index)),
    finish(toCompleteListPlan(result, index)),
  ];
}
