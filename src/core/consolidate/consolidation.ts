/**
 * Merging many units' ledgers (汇总), one file at a time: each file's checked sheets are reduced to
 * what the 汇总 sheets need (per-unit counts, and, when asked, the rows and lists) and then let go,
 * so memory does not grow with the files' size, only with the measures kept.
 *
 * Definitions (printed under 各单位情况, see plans.ts):
 * - A unit's counts are summary.ts's over its sheets: 已完成 (done), 长期 (long-term, with results),
 *   正在推进 (not completed, not overdue: in progress, not started, progress unclear), 逾期 (overdue,
 *   not completed). These four add up to 措施数.
 * - 缺责任单位: rows without a responsible department; 待补充: rows on the 待补充清单.
 * - 按期完成率 = measures done by their deadline ÷ measures whose deadline has come (a date on or
 *   before the as-of date), long-term measures apart. Done by the deadline: done, with a completion
 *   date on or before the deadline, or with no completion date (the check asks for it separately).
 *   Null when no deadline has come.
 * - Two files of one unit: the one modified last is merged, the other is listed as a duplicate and
 *   not merged (never added twice). Equal times: the first one given is kept.
 */
import { checkGrid } from '../check';
import {
  emptyCounts,
  sentenceFigures,
  summarize,
  summarySentence,
  goesOnToComplete,
  type AlertItem,
  type Counts,
  type LedgerSummary,
  type ToCompleteItem,
} from '../summary';
import type { CheckOptions, DeadlineKind, Field, Grid, IsoDate, Lang, SheetReport } from '../types';
import {
  fileNameUnit,
  fillLineUnit,
  folderNameUnit,
  mappingKey,
  sheetNameIsUnit,
  type UnitNameSource,
} from './unitName';

/** One ledger sheet of a file, checked, with the unit its 填报单位 line names (if any). */
export interface CheckedSheet {
  report: SheetReport;
  fillUnit: string | null;
}

/** What a host hands over per file: its checked ledger sheets, or why it could not be read. */
export interface FileInput {
  /** The file as the clerk knows it (a path or a name). */
  file: string;
  /** Last modified, ms since 1970; decides which of two files of one unit is merged. */
  modified?: number;
  sheets: CheckedSheet[];
  /** Sheets that are not ledgers (no header), with the reason. */
  skipped: { name: string; reason: string }[];
  /** Why the file could not be read, as one sentence; null when it was read. */
  error: string | null;
  /**
   * The name of the folder the file sits in, when the host knows the clerk sorted the files by
   * unit into folders (a subfolder of a folder given, or a folder typed with the file); it names
   * the unit when the file's own name does not (see folderNameUnit).
   */
  folder?: string;
  /**
   * Every sheet is a unit of its own (the open workbook in the pane, whose file name says
   * nothing): a sheet without a 填报单位 line is named by its sheet name.
   */
  sheetsAreUnits?: boolean;
}

/**
 * Checks every sheet of a file's grids and notes the 填报单位 line of each ledger sheet. A workbook
 * with no ledger sheet at all becomes an unreadable file with the reason.
 */
export function checkFileGrids(
  file: string,
  grids: Grid[],
  options: CheckOptions,
  modified?: number,
): FileInput {
  const sheets: CheckedSheet[] = [];
  const skipped: FileInput['skipped'] = [];
  for (const grid of grids) {
    const result = checkGrid(grid, options);
    if (result.ok) {
      sheets.push({ report: result.report, fillUnit: fillLineUnit(grid, result.header.headerRows[0]) });
    } else {
      skipped.push({ name: grid.sheet, reason: options.lang === 'en' ? 'no ledger header' : '没有台账表头' });
    }
  }
  const error =
    sheets.length === 0
      ? options.lang === 'en'
        ? 'no sheet has a ledger header (columns such as 存在问题, 整改措施, 责任单位)'
        : '没有一张工作表带有台账表头（应有“存在问题”“整改措施”“责任单位”等列）'
      : null;
  return { file, modified, sheets, skipped, error };
}

/** An unreadable file, as the hosts report it. */
export function unreadableFile(file: string, reason: string, modified?: number): FileInput {
  return { file, modified, sheets: [], skipped: [], error: reason };
}

/** One unit's part of a file: the sheets its name covers. */
export interface UnitPart {
  unit: string;
  source: UnitNameSource;
  reports: SheetReport[];
}

/** Which unit each ledger sheet of a file belongs to (see unitName.ts for the order of sources). */
export function unitsOfFile(input: FileInput, mapping?: ReadonlyMap<string, string>): UnitPart[] {
  const multi = input.sheets.length > 1;
  const fromFile = fileNameUnit(input.file);
  const fromFolder = !fromFile && input.folder ? folderNameUnit(input.folder) : null;
  const bareFile = () =>
    input.file
      .replace(/^.*[\\/]/, '')
      .replace(/\.[^.]+$/, '')
      .trim();
  const parts = new Map<string, UnitPart>();
  for (const s of input.sheets) {
    let unit: string;
    let source: UnitNameSource;
    if (s.fillUnit) {
      unit = s.fillUnit;
      source = 'fill-line';
    } else if (input.sheetsAreUnits || (multi && sheetNameIsUnit(s.report.name))) {
      unit = s.report.name.trim();
      source = 'sheet-name';
    } else if (fromFile) {
      unit = fromFile;
      source = 'file-name';
    } else if (fromFolder) {
      unit = fromFolder;
      source = 'folder-name';
    } else if (sheetNameIsUnit(s.report.name)) {
      unit = s.report.name.trim();
      source = 'sheet-name';
    } else {
      // Neither says which unit: the file's own name, so the clerk sees it and can map it.
      unit = bareFile() || s.report.name;
      source = 'file-name';
    }
    if (mapping && mapping.size > 0) {
      for (const key of [s.report.name, unit, input.file]) {
        const mapped = mapping.get(mappingKey(key));
        if (mapped) {
          unit = mapped;
          source = 'mapping';
          break;
        }
      }
    }
    const part = parts.get(unit);
    if (part) part.reports.push(s.report);
    else parts.set(unit, { unit, source, reports: [s.report] });
  }
  return [...parts.values()];
}

/** A measure of the merged ledger, reduced to what the 汇总台账 shows. */
export interface MergedRow {
  unit: string;
  file: string;
  sheet: string;
  row: number;
  text: Partial<Record<Field, string>>;
  deadline: IsoDate | null;
  deadlineKind: DeadlineKind;
  completedOn: IsoDate | null;
  problemKey: string;
}

export interface OnTime {
  /** Measures whose deadline (a date) has come, long-term apart. */
  due: number;
  /** Of those, done by the deadline. */
  onTime: number;
  /** onTime / due; null when due is 0. */
  rate: number | null;
}

/** One unit's figures (and, when kept, its rows and list items). */
export interface UnitResult {
  unit: string;
  source: UnitNameSource;
  file: string;
  modified?: number;
  sheets: string[];
  problems: number;
  counts: Counts;
  missingDepartment: number;
  toCompleteCount: number;
  /** Error findings over the unit's sheets (overdue, missing departments, …). */
  errors: number;
  onTime: OnTime;
  /** The report sentence for this unit alone, in Chinese (it goes on 各单位情况). */
  sentence: string;
  rows: MergedRow[];
  /**
   * The unit's sheets cut to their overdue and due-soon rows (kept only when detailed), in sheet
   * order: alertsOf makes the unit's 逾期清单 lines from them when the sheets are planned.
   */
  alertSheets: SheetReport[];
  /** The unit's 待补充清单 lines (kept only when detailed). */
  toComplete: ToCompleteItem[];
}

/** A file as accounted for in the totals. */
export interface FileOutcome {
  file: string;
  units: { unit: string; source: UnitNameSource; sheets: string[]; measures: number; merged: boolean }[];
  skipped: FileInput['skipped'];
  error: string | null;
}

export interface Duplicate {
  unit: string;
  /** The file merged. */
  kept: string;
  /** The file not merged. */
  dropped: string;
}

export interface ConsolidationResult {
  asOf: IsoDate;
  dueSoonDays?: number;
  /** Every file, in the order given. */
  files: FileOutcome[];
  /** Units merged, worst first (see sortUnits). */
  units: UnitResult[];
  duplicates: Duplicate[];
  totals: {
    files: number;
    unreadable: number;
    units: number;
    measures: number;
    problems: number;
    counts: Counts;
    missingDepartment: number;
    toComplete: number;
    onTime: OnTime;
  };
  /** The report sentence for all units together, in Chinese (the sheets are always Chinese). */
  sentence: string;
  /** Rows and lists were kept (for the 汇总 sheets). */
  detailed: boolean;
}

function addCounts(into: Counts, c: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) {
    if (k === 'completionRate') continue;
    into[k] += c[k];
  }
  into.completionRate = into.measures > 0 ? into.completed / into.measures : null;
}

/** 按期完成 over a unit's rows (see the file comment). */
export function onTimeOf(reports: SheetReport[], asOf: IsoDate): OnTime {
  let due = 0;
  let onTime = 0;
  for (const report of reports) {
    for (const r of report.rows) {
      if (r.state === 'long_term' || r.deadlineKind === 'long_term') continue;
      if (r.deadlineKind !== 'date' || !r.deadline || r.deadline > asOf) continue;
      due++;
      if (r.state === 'done' && (!r.completedOn || r.completedOn <= r.deadline)) onTime++;
    }
  }
  return { due, onTime, rate: due > 0 ? onTime / due : null };
}

/** A LedgerSummary carrying only what summarySentence reads. */
function sentenceOf(problems: number, totals: Counts, asOf: IsoDate, lang: Lang): string {
  const summary: LedgerSummary = {
    ledgerName: '',
    asOf,
    sheets: [],
    problems,
    totals,
    byDepartment: [],
    byCooperating: [],
    noDepartment: null,
    hasCategory: false,
    byCategory: [],
    uncategorised: null,
    bySheet: [],
    ageing: { upTo30: 0, upTo90: 0, over90: 0 },
    alerts: [],
    toComplete: [],
  };
  return summarySentence(summary, lang);
}

/**
 * A sheet cut to the rows with a finding of the 待补充清单, and those findings: what summarize
 * makes that list from. Everything else it would count into tables the merge does not keep (by
 * department, by category, by sheet, ageing).
 */
function toCompleteView(report: SheetReport): SheetReport {
  const findings = report.findings.filter((f) => f.row !== null && goesOnToComplete(f.code));
  if (findings.length === 0) return { ...report, rows: [], findings };
  const listed = new Set<number>();
  for (const f of findings) listed.add(f.row!);
  return { ...report, rows: report.rows.filter((r) => listed.has(r.row)), findings };
}

/** A sheet cut to its overdue and due-soon rows, without findings: what the 逾期清单 is made from. */
function alertView(report: SheetReport): SheetReport {
  return { ...report, rows: report.rows.filter((r) => r.overdue || r.dueSoon), findings: [] };
}

/**
 * A unit's 逾期清单 lines: summarize's alerts over its sheets (overdue first, most overdue first;
 * then due soon). Made when the sheets are planned, not as each file is merged: the merge keeps
 * only the rows they come from.
 */
export function alertsOf(unit: UnitResult, asOf: IsoDate): AlertItem[] {
  if (!unit.alertSheets.some((s) => s.rows.length > 0)) return [];
  return summarize(unit.alertSheets, { asOf, ledgerName: unit.unit }).alerts;
}

/**
 * One unit's figures. Counts are summary.ts's (sentenceFigures: the same per-row rule as the
 * 整改汇总 sheet), problems are the check's count per sheet as summarize takes them, and the 待补充清单 comes from
 * summarize over only the rows that can be on it (the 逾期清单 likewise, later: alertsOf), so each
 * rule stays written once, in summary.ts.
 */
function unitResult(
  part: UnitPart,
  input: FileInput,
  options: { asOf: IsoDate; lang: Lang; detailed: boolean },
): UnitResult {
  const counts = emptyCounts();
  let problems = 0;
  let errors = 0;
  const rows: MergedRow[] = [];
  for (const report of part.reports) {
    addCounts(counts, sentenceFigures(report));
    errors += report.stats.errors;
    // Distinct problems per sheet: the check's count, as summarize takes it.
    problems += report.stats.problems;
    if (!options.detailed) continue;
    for (const r of report.rows) {
      rows.push({
        unit: part.unit,
        file: input.file,
        sheet: report.name,
        row: r.row,
        text: r.text,
        deadline: r.deadline,
        deadlineKind: r.deadlineKind,
        completedOn: r.completedOn,
        problemKey: r.problemKey,
      });
    }
  }
  const lists = summarize(part.reports.map(toCompleteView), { asOf: options.asOf, ledgerName: part.unit });
  let missingDepartment = 0;
  for (const t of lists.toComplete) if (t.missingDepartment) missingDepartment++;
  return {
    unit: part.unit,
    source: part.source,
    file: input.file,
    modified: input.modified,
    sheets: part.reports.map((r) => r.name),
    problems,
    counts,
    missingDepartment,
    toCompleteCount: lists.toComplete.length,
    errors,
    onTime: onTimeOf(part.reports, options.asOf),
    sentence: sentenceOf(problems, counts, options.asOf, 'zh'),
    rows,
    alertSheets: options.detailed ? part.reports.map(alertView) : [],
    toComplete: options.detailed ? lists.toComplete : [],
  };
}

/** Units that need a call first: most overdue, then missing departments, then to complete, then the lowest on-time rate. */
export function sortUnits(units: UnitResult[]): UnitResult[] {
  return [...units].sort(
    (a, b) =>
      b.counts.overdue - a.counts.overdue ||
      b.missingDepartment - a.missingDepartment ||
      b.toCompleteCount - a.toCompleteCount ||
      (a.onTime.rate ?? 2) - (b.onTime.rate ?? 2) ||
      b.counts.measures - a.counts.measures ||
      a.unit.localeCompare(b.unit, 'zh-Hans-CN'),
  );
}

export interface ConsolidatorOptions {
  asOf: IsoDate;
  lang?: Lang;
  dueSoonDays?: number;
  /** Keep every row and list item for the 汇总 sheets (false: counts only). */
  detailed?: boolean;
  mapping?: ReadonlyMap<string, string>;
}

/** Takes one file at a time; `result()` gives the merged figures at any point. */
export class Consolidator {
  private readonly files: FileOutcome[] = [];
  private readonly units = new Map<string, UnitResult>();
  private readonly order: string[] = [];
  private readonly duplicates: Duplicate[] = [];
  private readonly lang: Lang;
  private readonly detailed: boolean;

  constructor(private readonly options: ConsolidatorOptions) {
    this.lang = options.lang ?? 'zh';
    this.detailed = options.detailed ?? true;
  }

  /** Adds one file; returns how it was accounted for. */
  add(input: FileInput): FileOutcome {
    const outcome: FileOutcome = { file: input.file, units: [], skipped: input.skipped, error: input.error };
    this.files.push(outcome);
    if (input.error !== null) return outcome;
    for (const part of unitsOfFile(input, this.options.mapping)) {
      const result = unitResult(part, input, {
        asOf: this.options.asOf,
        lang: this.lang,
        detailed: this.detailed,
      });
      const entry = {
        unit: part.unit,
        source: part.source,
        sheets: result.sheets,
        measures: result.counts.measures,
        merged: true,
      };
      outcome.units.push(entry);
      const earlier = this.units.get(part.unit);
      if (!earlier) {
        this.units.set(part.unit, result);
        this.order.push(part.unit);
        continue;
      }
      const newer = (input.modified ?? 0) > (earlier.modified ?? 0);
      if (newer) {
        this.units.set(part.unit, result);
        this.duplicates.push({ unit: part.unit, kept: input.file, dropped: earlier.file });
        for (const f of this.files) {
          if (f.file !== earlier.file) continue;
          for (const u of f.units) if (u.unit === part.unit) u.merged = false;
        }
      } else {
        entry.merged = false;
        this.duplicates.push({ unit: part.unit, kept: earlier.file, dropped: input.file });
      }
    }
    return outcome;
  }

  /** The unit as merged from that file; undefined when another file of the unit was kept. */
  unitFrom(unit: string, file: string): UnitResult | undefined {
    const u = this.units.get(unit);
    return u && u.file === file ? u : undefined;
  }

  result(): ConsolidationResult {
    const units = sortUnits(this.order.map((u) => this.units.get(u)!));
    const counts = emptyCounts();
    let problems = 0;
    let missingDepartment = 0;
    let toComplete = 0;
    let due = 0;
    let onTime = 0;
    for (const u of units) {
      addCounts(counts, u.counts);
      problems += u.problems;
      missingDepartment += u.missingDepartment;
      toComplete += u.toCompleteCount;
      due += u.onTime.due;
      onTime += u.onTime.onTime;
    }
    return {
      asOf: this.options.asOf,
      dueSoonDays: this.options.dueSoonDays,
      files: this.files,
      units,
      duplicates: this.duplicates,
      totals: {
        files: this.files.length,
        unreadable: this.files.filter((f) => f.error !== null).length,
        units: units.length,
        measures: counts.measures,
        problems,
        counts,
        missingDepartment,
        toComplete,
        onTime: { due, onTime, rate: due > 0 ? onTime / due : null },
      },
      sentence: sentenceOf(problems, counts, this.options.asOf, 'zh'),
      detailed: this.detailed,
    };
  }
}

/** Merges files already in memory (the pane; tests). */
export function consolidate(inputs: Iterable<FileInput>, options: ConsolidatorOptions): ConsolidationResult {
  const c = new Consolidator(options);
  for (const input of inputs) c.add(input);
  return c.result();
}

/** The report sentence for all units in the clerk's language (result.sentence is the Chinese one). */
export function consolidatedSentence(result: ConsolidationResult, lang: Lang): string {
  return lang === 'zh'
    ? result.sentence
    : sentenceOf(result.totals.problems, result.totals.counts, result.asOf, lang);
}

/**
 * The totals in one line, as the command line and the pane say them:
 * "共读取20个文件、18个单位、532项措施；2个文件未能读取：甲.xlsx（…）、乙.xls（…）。"
 */
export function totalsLine(result: ConsolidationResult, lang: Lang = 'zh', withReasons = true): string {
  const t = result.totals;
  const bad = result.files.filter((f) => f.error !== null);
  const name = (f: string) => f.replace(/^.*[\\/]/, '');
  const dups = result.duplicates;
  if (lang === 'en') {
    let s = `Read ${t.files} file(s), ${t.units} unit(s), ${t.measures} measure(s)`;
    if (bad.length) {
      s += `; ${bad.length} file(s) could not be read`;
      s += withReasons ? `: ${bad.map((f) => `${name(f.file)} (${f.error})`).join(', ')}` : ' (listed below)';
    }
    if (dups.length) {
      s += `; ${dups.length} file(s) of a unit already merged were not merged again`;
      s += withReasons
        ? `: ${dups.map((d) => `${name(d.dropped)} (${d.unit}, ${name(d.kept)} used)`).join(', ')}`
        : ' (listed below)';
    }
    return s + '.';
  }
  let s = `共读取${t.files}个文件、${t.units}个单位、${t.measures}项措施`;
  if (bad.length) {
    s += `；${bad.length}个文件未能读取`;
    s += withReasons
      ? `：${bad.map((f) => `${name(f.file)}（${stripStop(f.error!)}）`).join('、')}`
      : '（见下）';
  }
  if (dups.length) {
    s += `；${dups.length}个文件与其他文件属同一单位，未重复合并`;
    s += withReasons
      ? `：${dups.map((d) => `${name(d.dropped)}（${d.unit}，已采用${name(d.kept)}）`).join('、')}`
      : '（见下）';
  }
  return s + '。';
}

function stripStop(s: string): string {
  return s.replace(/[。.]\s*$/, '');
}
