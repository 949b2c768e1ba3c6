/**
 * A rectification plan or progress report (整改方案, 实施方案, 整改进展通报, 审计整改报告, 问题清单) as
 * plain text → ledger rows, one per measure. Pure: no I/O. Never throws: any text gives rows or a
 * failure with one plain Chinese sentence. Time is linear in the text.
 *
 * How it reads a document:
 * 0. What is not a plan is refused, and the text is cut into trustworthy lines first
 *    (segment.ts: one-line documents, 【label】 blocks, footers, flattened tables).
 * 1. The numbered lines (一、 (一) 1. (1) ①) form an outline tree with scored levels (outline.ts).
 * 2. Sections that are not problems (指导思想, 工作步骤, 下一步打算, …) are dropped (sections.ts).
 *    When the document labels its fields anywhere ("整改措施:", "责任单位:", "〔责任单位:…〕",
 *    "针对“…”的问题"), a top-level section that labels nothing is dropped too.
 * 3. What a level means is inferred from its content and its siblings, not its depth: an item
 *    with a measure label or a quoted problem is a problem, and so is a plain item among such
 *    siblings; an item whose unlabelled children read like actions, or that states a shortfall
 *    over children that do not, is a problem with those measures; an item over problems is a
 *    category (a 方面 heading always is); a leaf such as "聚焦X,开展Y专项整治。重点整治…" is
 *    category X, measure Y, problem the rest.
 * 4. Deadlines: the item's own (整改时限:, a bracketed tail), else the last quarter of its
 *    推进计划, else the end of the rectification phase of the schedule (全面整改阶段(…至…)).
 * 5. The document's own totals are compared with the reading (totals.ts); when they disagree, the
 *    other readings (VARIANTS) are tried and the first that agrees is kept.
 * The words all of this relies on are in lexicon.ts.
 */
import { localToday } from '../calendar';
import { dateReasonText } from '../findings';
import type { IsoDate, ParsedDate } from '../types';
import { documentYear, isoYear, lastQuarterLabel, readDeadline } from './deadline';
import {
  closingStatus,
  endsWithCategory,
  entriesOf,
  type Entry,
  type FieldKey,
  labelLineKey,
  looksLikeMeasure,
  looksLikeProblem,
  quotedProblem,
  splitDepartments,
  splitEnumeration,
  splitFocusAction,
  statusPhrase,
  tidy,
} from './fields';
import {
  buildOutline,
  liftTrailingFieldLines,
  matchNumbering,
  nodeText,
  type OutlineNode,
  walkNodes,
} from './outline';
import {
  MAX_CELL_CHARS,
  readTable,
  REFUSE_CELL_TOO_LONG,
  refusal,
  segmentLines,
  type Table,
} from './segment';
import { DEADLINE_TAIL_WORDS } from '../lexicon/deadlines';
import { REPORT_TITLE_WORDS } from '../lexicon/sections';
import { headingCounts, readTotals, type Totals, withoutCount } from './totals';
import {
  findPhases,
  headingOf,
  isContainerHeading,
  isNonProblemHeading,
  isProblemHeading,
  rectificationPhase,
  type Phase,
} from './sections';

export interface ImportedRow {
  category: string;
  problem: string;
  measure: string;
  departments: string[];
  /** The department text as written. */
  departmentsText: string;
  person: string;
  /** The deadline as a date when one could be resolved, else null (long-running, immediate, none). */
  deadline: IsoDate | null;
  /** The deadline as written ("2024年6月底", "长期坚持", "四季度", "6月7日至6月14日"); '' when none. */
  deadlineText: string;
  /** Where the deadline came from: the item itself, its 推进计划, the phase schedule, or nowhere. */
  deadlineSource: 'item' | 'plan' | 'phase' | 'none';
  /** Progress as the report states it ("已完成", "正在推进"); '' for a plan. */
  status: string;
  /** 推进计划, 配合单位, 佐证材料 and 备注 as written. */
  remarks: string;
  /** 1-based number of the problem this measure belongs to (rows of one problem share it). */
  problemIndex: number;
}

export interface ImportMissing {
  problem: number;
  measure: number;
  department: number;
  deadline: number;
}

export interface ImportSuccess {
  ok: true;
  rows: ImportedRow[];
  /** Distinct problems with a problem text. */
  problems: number;
  /** Measures (= rows). */
  measures: number;
  /** Rows lacking each required cell. */
  missing: ImportMissing;
  /** The year dates without one were read in. */
  year: number;
  /** 'report' for a 进展通报 (针对“…”的问题), else 'plan' for a 整改方案: the values --json has always written. */
  mode: 'plan' | 'report';
  warnings: string[];
  /**
   * The totals the document states about itself and whether the reading agrees. When it does not
   * (agrees === false), `totals.note` is the sentence the command and the pane show the clerk.
   */
  totals: Totals;
}

export interface ImportFailure {
  ok: false;
  message: string;
}

export type ImportResult = ImportSuccess | ImportFailure;

export interface ImportOptions {
  /** The year for dates written without one; default: the document's own year, else asOf's. */
  year?: number;
  /** Today, for the default year; default: the machine's date. */
  asOf?: IsoDate;
}

export const UNRECOGNISED_MESSAGE =
  '没有从文档中识别出整改问题或整改措施：请确认它是整改方案或整改进展通报，且问题带有编号（一、（一）1.）或“整改措施：”“责任单位：”等标注。';

type Defaults = Partial<Record<FieldKey, string>>;

interface Draft {
  category: string;
  problem: string;
  measure: string;
  fields: Defaults;
  status: string;
  group: number;
}

const ITEM_LABEL_KEYS: FieldKey[] = ['measure', 'problem', 'department', 'outcome'];
const INHERITED: FieldKey[] = ['department', 'cooperating', 'person', 'deadline'];

function hasItemLabels(text: string): boolean {
  return (
    entriesOf(text).some((e) => ITEM_LABEL_KEYS.some((k) => e.fields[k] !== undefined)) ||
    quotedProblem(text) !== null
  );
}

/**
 * Ways of reading the same outline. The first is the usual one; the others are tried only when the
 * document states totals the usual reading does not match, and kept only when they do match.
 */
interface Variant {
  /** A measure paragraph without enumeration is split at its semicolons ("…；…"). */
  semicolons?: boolean;
  /** A measure paragraph is one measure even when it enumerates (一是…二是…): the document counts paragraphs. */
  whole?: boolean;
}

const VARIANTS: Variant[] = [{}, { semicolons: true }, { whole: true }];

/** "开展专项整治，通报批评；建立正负面清单": clauses at full or half-width semicolons, each long enough to be a measure. */
function splitSemicolons(text: string): string[] {
  const parts = text.split(/[;；]/).map(tidy).filter(Boolean);
  return parts.length > 1 && parts.every((p) => p.length >= 6) ? parts : [text];
}

class Reader {
  drafts: Draft[] = [];
  private group = 0;
  private labelledCache = new Map<OutlineNode, boolean>();

  constructor(
    readonly progressDoc: boolean,
    readonly variant: Variant = {},
  ) {}

  newGroup(): number {
    return ++this.group;
  }

  subtreeLabelled(node: OutlineNode): boolean {
    const hit = this.labelledCache.get(node);
    if (hit !== undefined) return hit;
    let labelled = false;
    for (const n of walkNodes(node)) {
      if (n.kind !== 'root' && (hasItemLabels(nodeText(n)) || quotedProblem(n.title))) {
        labelled = true;
        break;
      }
    }
    this.labelledCache.set(node, labelled);
    return labelled;
  }

  /** Emits the measures of one entry of a problem. */
  emit(
    category: string,
    problem: string,
    measureText: string,
    fields: Defaults,
    group: number,
    entryStatus = '',
  ): void {
    let text = measureText;
    let status = fields.status ?? entryStatus;
    if (this.progressDoc && !fields.status) {
      const closing = closingStatus(text);
      if (closing) {
        status = status || closing.status;
        text = closing.rest;
      }
    }
    let parts = this.variant.whole ? [tidy(text)].filter(Boolean) : splitEnumeration(text);
    if (this.variant.semicolons && parts.length === 1) parts = splitSemicolons(parts[0]);
    if (!parts.length) parts.push('');
    for (const part of parts) {
      const own = this.progressDoc && !fields.status ? statusPhrase(part) : '';
      this.drafts.push({ category, problem, measure: part, fields, status: own || status, group });
    }
  }

  /** Children read as the measures of `node` (each child's own fields win over the node's). */
  childMeasures(
    node: OutlineNode,
    category: string,
    problem: string,
    defaults: Defaults,
    group: number,
  ): void {
    for (const child of node.children) {
      const entries = entriesOf(nodeText(child));
      entries.forEach((e, i) => {
        const fields = { ...defaults, ...e.fields };
        const text = i === 0 ? e.lead : (e.fields.measure ?? e.lead);
        this.emit(category, problem, text, fields, group);
        for (const grand of child.children) this.emit(category, problem, nodeText(grand), fields, group);
      });
    }
  }

  /**
   * Reads one item. `problemSibling`: most of its siblings are problems (quoted or labelled), so a
   * plain item among them is a problem too: its first sentence the problem, the rest its measures.
   */
  walk(node: OutlineNode, category: string, inherited: Defaults, problemSibling = false): void {
    const own = nodeText(node);
    const entries = entriesOf(own);
    const first = entries[0];
    const quoted = quotedProblem(first.lead);
    const labelled = entries.some(
      (e) =>
        e.fields.measure !== undefined || e.fields.outcome !== undefined || e.fields.problem !== undefined,
    );
    const children = node.children.filter((c) => !(isNonProblemHeading(c.title) && !this.subtreeLabelled(c)));
    const defaults: Defaults = { ...inherited };
    for (const k of INHERITED)
      if (first.fields[k] !== undefined && !labelled && !quoted) defaults[k] = first.fields[k];

    if (labelled || quoted) {
      this.problemItem(node, category, entries, quoted, inherited, children);
      return;
    }

    if (children.length) {
      const leafChildren = children.every((c) => c.children.length === 0 && !this.subtreeLabelsMeasure(c));
      const actions = children.filter((c) => looksLikeMeasure(c.title)).length;
      const heading = headingOf(node.title);
      const childrenAreMeasures =
        leafChildren &&
        !/方面|类$/.test(heading) &&
        (actions * 2 >= children.length ||
          (looksLikeProblem(heading) && children.every((c) => !looksLikeProblem(headingOf(c.title)))));
      if (childrenAreMeasures) {
        const group = this.newGroup();
        const problem = tidy(first.lead);
        this.childMeasures({ ...node, children }, category, problem, { ...defaults, ...first.fields }, group);
        return;
      }
      const nextCategory =
        isContainerHeading(node.title) ||
        (isProblemHeading(node.title) && /^(?:关于)?[^,，。]{0,6}(?:问题|情况)$/.test(headingOf(node.title)))
          ? category
          : tidy(withoutCount(headingOf(node.title)).replace(/[。:：]$/, ''));
      // Siblings take the same role: a plain item among problems is a problem.
      const problems = children.filter((c) => this.subtreeLabelsMeasure(c)).length;
      const siblingsAreProblems = problems * 2 >= children.length && problems > 0;
      for (const c of children) this.walk(c, nextCategory, defaults, siblingsAreProblems);
      return;
    }

    // A leaf without a measure label.
    const fields = { ...inherited, ...first.fields };
    const heading = headingOf(node.title);
    const rest = tidy(first.lead.slice(Math.min(first.lead.length, heading.length)).replace(/^[。\s]+/, ''));
    const split = rest ? splitFocusAction(heading) : null;
    const group = this.newGroup();
    if (problemSibling && rest && !looksLikeMeasure(heading)) {
      this.emit(
        category,
        tidy(heading.replace(/^(?:针对|关于)/, '').replace(/的?问题$/, '')),
        rest,
        fields,
        group,
      );
    } else if (split) {
      this.emit(split.focus, rest, split.action, fields, group);
    } else if (looksLikeMeasure(first.lead) && !looksLikeProblem(first.lead)) {
      this.emit(category, '', first.lead, fields, group);
    } else {
      this.emit(category, tidy(first.lead), '', fields, group);
    }
  }

  /** True when an item carries a measure/problem label or quoted problem (not only a department). */
  subtreeLabelsMeasure(node: OutlineNode): boolean {
    const entries = entriesOf(nodeText(node));
    return (
      entries.some(
        (e) =>
          e.fields.measure !== undefined || e.fields.problem !== undefined || e.fields.outcome !== undefined,
      ) || quotedProblem(node.title) !== null
    );
  }

  problemItem(
    node: OutlineNode,
    category: string,
    entries: Entry[],
    quoted: { problem: string; rest: string } | null,
    inherited: Defaults,
    children: OutlineNode[],
  ): void {
    let group = this.newGroup();
    const first = entries[0];
    let problem = quoted ? quoted.problem : (first.fields.problem ?? tidy(first.lead));
    let cat = category;
    if (
      !quoted &&
      first.fields.problem !== undefined &&
      first.lead &&
      !cat &&
      !isContainerHeading(first.lead) &&
      !isNonProblemHeading(first.lead)
    )
      cat = tidy(headingOf(first.lead));
    let emitted = false;
    entries.forEach((e, i) => {
      if (i > 0 && e.fields.problem !== undefined) {
        group = this.newGroup();
        problem = e.fields.problem;
      }
      const fields = { ...inherited, ...e.fields };
      // 整改情况 written beside 整改措施 says how far the measures got: it is their status.
      if (e.fields.measure !== undefined && e.fields.outcome !== undefined && fields.status === undefined)
        fields.status = e.fields.outcome;
      let measure = e.fields.measure ?? e.fields.outcome ?? '';
      if (i === 0 && quoted && e.fields.measure === undefined) {
        measure = [quoted.rest, e.fields.outcome ?? ''].filter(Boolean).join('\n');
      }
      if (!measure && children.length && i === entries.length - 1) return;
      this.emit(cat, problem, measure, fields, group);
      emitted = true;
    });
    if (children.length) {
      const defaults = { ...inherited, ...entries[entries.length - 1].fields };
      delete defaults.measure;
      delete defaults.outcome;
      delete defaults.problem;
      const subProblems = children.some(
        (c) => this.subtreeLabelsMeasure(c) && quotedProblem(c.title) !== null,
      );
      if (subProblems) {
        for (const c of children) this.walk(c, cat || problem, defaults);
      } else {
        this.childMeasures({ ...node, children }, cat, problem, defaults, group);
      }
      emitted = true;
    }
    if (!emitted) this.emit(cat, problem, '', { ...inherited, ...first.fields }, group);
  }
}

const DEADLINE_TAIL = new RegExp(
  `[(（]((?:\\d{4}年)?[^()（）]{0,12}?(?:${DEADLINE_TAIL_WORDS.join('|')})[^()（）]{0,4})[)）][。;；]?$`,
);

/** Reads a rectification document (整改方案 or 进展通报). Never throws. */
export function parseRectificationDoc(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return parseInner(String(text ?? ''), options);
  } catch {
    return { ok: false, message: UNRECOGNISED_MESSAGE };
  }
}

function parseInner(text: string, options: ImportOptions): ImportResult {
  const refused = refusal(text);
  if (refused) return { ok: false, message: refused };
  const lines = segmentLines(text);
  if (!lines.length) return { ok: false, message: '文档是空的，没有可以导入的内容。' };
  const warnings: string[] = [];

  const year = yearOf(lines, options, warnings);
  const table = readTable(lines);
  const progressDoc = isProgressDoc(lines);
  // An unnumbered line that opens a group: a problem label ("问题二：…", "存在问题：…") or a 方面 heading.
  const root = buildOutline(lines, (l) => labelLineKey(l) === 'problem' || endsWithCategory(l));
  const probe = new Reader(progressDoc);
  liftTrailingFieldLines(
    root,
    (l) => {
      const k = labelLineKey(l);
      return k !== null && k !== 'measure' && k !== 'problem' && k !== 'outcome';
    },
    (n) => probe.subtreeLabelsMeasure(n),
  );

  // Read the usual way; when the document's own totals disagree, try the other readings and keep
  // the first that agrees.
  let first: ImportResult | null = null;
  for (const variant of VARIANTS) {
    const r = readDocument({ lines, root, table, progressDoc, year, warnings: [...warnings] }, variant);
    if (!r.ok) return r;
    if (r.totals.agrees !== false) return r;
    first ??= r;
  }
  return first!;
}

/** The year for dates written without one: --year, else the document's, else the as-of year (with a warning). */
function yearOf(lines: string[], options: ImportOptions, warnings: string[]): number {
  if (options.year) return options.year;
  const docYear = documentYear(lines);
  if (docYear) return docYear;
  const year = isoYear(options.asOf ?? localToday());
  warnings.push(`文档没有写年份，未写年份的日期按${year}年计（可用 --year 指定）。`);
  return year;
}

/** A 进展通报 rather than a 整改方案: its title says so, or its items open with "针对“…”". */
function isProgressDoc(lines: string[]): boolean {
  return (
    REPORT_TITLE_WORDS.some((w) => lines[0].includes(w)) ||
    lines.some((l) => /^(?:\d{1,3}[.．、]|[(（]\d{1,3}[)）])?[ \u3000]{0,4}针对[ \u3000]{0,4}[“"「]/.test(l))
  );
}

interface Prepared {
  lines: string[];
  root: OutlineNode;
  table: Table | null;
  progressDoc: boolean;
  year: number;
  warnings: string[];
}

function readDocument(
  { lines, root, table, progressDoc, year, warnings }: Prepared,
  variant: Variant,
): ImportResult {
  const reader = new Reader(progressDoc, variant);
  collectDrafts(reader, root, table);
  const drafts = reader.drafts;
  if (!drafts.length || drafts.every((d) => !d.problem && !d.measure))
    return { ok: false, message: UNRECOGNISED_MESSAGE };

  const phase = rectificationPhase(findPhases(root));
  const phaseEnd = phase ? readDeadline(phase.range, year) : null;
  const groupNumber = new Map<number, number>();
  const rows = drafts.map((d) => toImportedRow(d, year, phase, phaseEnd, groupNumber, warnings));
  const byPhase = rows.filter((r) => r.deadlineSource === 'phase').length;
  const bySchedule = rows.filter((r) => r.deadlineSource === 'plan').length;

  if (byPhase) {
    warnings.push(
      `${byPhase}项措施没有写整改时限，按“${phase!.name}（${phase!.range}）”取${phaseEnd!.date}。`,
    );
  }
  if (bySchedule) warnings.push(`${bySchedule}项措施的整改时限取推进计划的最后一个季度末。`);

  const missing = countMissing(rows, warnings);

  const problemKeys = new Set(rows.filter((r) => r.problem).map((r) => r.problemIndex));
  for (const r of rows) {
    if (
      [r.category, r.problem, r.measure, r.departmentsText, r.status, r.remarks].some(
        (v) => v.length > MAX_CELL_CHARS,
      )
    )
      return { ok: false, message: REFUSE_CELL_TOO_LONG };
  }
  const totals = readTotals(
    openingText(lines),
    headingCounts(lines.map((l) => matchNumbering(l)?.rest ?? '').filter(Boolean)),
    { problems: problemKeys.size, measures: rows.length },
    table?.statedTotal ?? null,
  );
  return {
    ok: true,
    rows,
    problems: problemKeys.size,
    measures: rows.length,
    missing,
    year,
    mode: progressDoc ? 'report' : 'plan',
    warnings,
    totals,
  };
}

/** The drafts of a document: labelled entries before any numbered line, then the table or the outline's sections. */
function collectDrafts(reader: Reader, root: OutlineNode, table: Table | null): void {
  // Labelled entries before any numbered line (documents made only of "具体举措:" blocks).
  for (const e of entriesOf(nodeText(root))) {
    if (e.fields.measure === undefined && e.fields.problem === undefined && e.fields.outcome === undefined)
      continue;
    const group = reader.newGroup();
    const fields = { ...e.fields };
    if (fields.measure !== undefined && fields.outcome !== undefined && fields.status === undefined)
      fields.status = fields.outcome;
    reader.emit('', e.fields.problem ?? '', e.fields.measure ?? e.fields.outcome ?? '', fields, group);
  }

  if (table) {
    reader.drafts.length = 0;
    let last = '';
    let group = 0;
    for (const t of table.rows) {
      const key = `${t.fields.category ?? ''}\u0000${t.fields.problem ?? ''}`;
      if (key !== last || !t.fields.problem) group = reader.newGroup();
      last = key;
      reader.drafts.push({
        category: tidy(t.fields.category ?? ''),
        problem: tidy(t.fields.problem ?? ''),
        measure: tidy(t.fields.measure ?? ''),
        fields: t.fields,
        status: t.fields.status ?? '',
        group,
      });
    }
  }
  const docLabelled = root.children.some((c) => reader.subtreeLabelled(c)) || reader.drafts.length > 0;
  for (const section of table ? [] : root.children) {
    const labelled = reader.subtreeLabelled(section);
    if (isNonProblemHeading(section.title) && !(labelled && isProblemHeading(section.title))) continue;
    if (docLabelled && !labelled && !isProblemHeading(section.title)) continue;
    if (!labelled && isNonProblemHeading(section.title)) continue;
    reader.walk(section, '', {});
  }
}

/** Where a row's deadline comes from: its own 整改时限, a (…前完成) tail, the 推进计划's last quarter, or the phase. */
function rowDeadline(
  d: Draft,
  year: number,
  phase: Phase | null,
  phaseEnd: ParsedDate | null,
  warnings: string[],
): Pick<ImportedRow, 'deadline' | 'deadlineText' | 'deadlineSource'> {
  const f = d.fields;
  if (f.deadline) {
    const deadlineText = tidy(f.deadline).replace(/[。.]$/, '');
    const p = readDeadline(deadlineText, year);
    if (p.kind === 'invalid')
      warnings.push(`整改时限“${deadlineText}”不是有效日期（${dateReasonText(p.reason, 'zh')}），请核对。`);
    return { deadline: p.kind === 'date' ? p.date : null, deadlineText, deadlineSource: 'item' };
  }
  const q = f.schedule ? lastQuarterLabel(f.schedule) : null;
  const tail = DEADLINE_TAIL.exec(d.measure);
  if (tail) {
    const p = readDeadline(tail[1], year);
    return { deadline: p.kind === 'date' ? p.date : null, deadlineText: tail[1], deadlineSource: 'item' };
  }
  if (q) return { deadline: readDeadline(q.label, year).date, deadlineText: q.label, deadlineSource: 'plan' };
  if (phase && phaseEnd?.kind === 'date')
    return { deadline: phaseEnd.date, deadlineText: phase.range, deadlineSource: 'phase' };
  return { deadline: null, deadlineText: '', deadlineSource: 'none' };
}

/** One imported row from a draft; `groupNumber` renumbers problem groups in row order. */
function toImportedRow(
  d: Draft,
  year: number,
  phase: Phase | null,
  phaseEnd: ParsedDate | null,
  groupNumber: Map<number, number>,
  warnings: string[],
): ImportedRow {
  if (!groupNumber.has(d.group)) groupNumber.set(d.group, groupNumber.size + 1);
  const f = d.fields;
  const departmentsText = tidy(f.department ?? '').replace(/[。.]$/, '');
  const remarks = [
    f.schedule ? `推进计划：${f.schedule}` : '',
    f.cooperating ? `配合单位：${f.cooperating}` : '',
    f.evidence ? `佐证材料：${f.evidence}` : '',
    f.remarks ?? '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    category: d.category,
    problem: d.problem,
    measure: d.measure,
    departments: splitDepartments(departmentsText),
    departmentsText,
    person: tidy(f.person ?? ''),
    ...rowDeadline(d, year, phase, phaseEnd, warnings),
    status: tidy(d.status).replace(/[。.]$/, ''),
    remarks,
    problemIndex: groupNumber.get(d.group)!,
  };
}

/** Counts the rows missing each required field, with a warning for each. */
function countMissing(rows: ImportedRow[], warnings: string[]): ImportMissing {
  const missing: ImportMissing = {
    problem: rows.filter((r) => !r.problem).length,
    measure: rows.filter((r) => !r.measure).length,
    department: rows.filter((r) => r.departments.length === 0).length,
    deadline: rows.filter((r) => !r.deadlineText).length,
  };
  if (missing.problem) warnings.push(`${missing.problem}行缺少存在问题。`);
  if (missing.measure) warnings.push(`${missing.measure}行缺少整改措施。`);
  if (missing.department) warnings.push(`${missing.department}行缺少责任单位。`);
  if (missing.deadline) warnings.push(`${missing.deadline}行缺少整改时限。`);
  return missing;
}

/** The lines before the first numbered section that may hold problems: where a document states its totals. */
function openingText(lines: string[]): string {
  const out: string[] = [];
  for (const l of lines) {
    const m = matchNumbering(l);
    if (m && !isNonProblemHeading(m.rest)) break;
    out.push(l);
  }
  return out.join('\n');
}
