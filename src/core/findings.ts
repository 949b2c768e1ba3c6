/**
 * The finding catalogue: everything the tool knows about each kind of finding, in one entry per
 * code (as Frictionless keeps its error types): severity, title, list order, the zh and en message
 * templates, the mark it gets in the ledger and whether it goes on the 待补充清单.
 *
 * A Finding carries its code, parameters and column; whoever shows it renders the message in its
 * own language (`renderFinding`). The summary sheets always render in Chinese.
 */
import { chineseDate } from './calendar';
import { FIELD_LABELS } from './messages';
import {
  FINDING_CODES,
  type DateReason,
  type Field,
  type Finding,
  type FindingCode,
  type FindingParams,
  type Lang,
  type Severity,
} from './types';

export type { FindingParams } from './types';

/** What a finding asks the clerk to supply on the 待补充清单, in a few Chinese words. */
type ToCompleteLabel = (name: { header: string | null; field: Field | null }) => string;

export interface FindingSpec {
  severity: Severity;
  title: { zh: string; en: string };
  /** Position in a grouped list: what an inspector asks about first comes first. */
  order: number;
  /** The mark the finding's cell gets in the ledger ('missing'), or null for none. */
  mark: 'missing' | null;
  /** The 待补充清单 label when the finding goes on that list, else null. */
  toComplete: ToCompleteLabel | null;
  zh: (p: FindingParams) => string;
  en: (p: FindingParams) => string;
}

/** How many rows a duplicate-index message names before it only counts them. */
export const DUPLICATE_ROWS_NAMED = 5;

const zhField = (p: FindingParams): string => (p.field ? FIELD_LABELS[p.field].zh : '');
const enField = (p: FindingParams): string => (p.field ? FIELD_LABELS[p.field].en : '');
const zhDate = (d: string | undefined): string | undefined => (d ? chineseDate(d) : d);
const year = (p: FindingParams): number => p.year ?? 2024;

function cut(text: string | undefined): string {
  const t = text ?? '';
  return t.length > 40 ? `${[...t].slice(0, 40).join('')}…` : t;
}
const zq = (text: string | undefined): string => `“${cut(text)}”`;
const eq = (text: string | undefined): string => `"${cut(text)}"`;

/** Why a date could not be read, in a few words of the given language. */
export function dateReasonText(reason: DateReason | undefined, lang: Lang): string {
  const zh = lang === 'zh';
  if (!reason) return zh ? '无法识别' : 'not recognised';
  switch (reason.code) {
    case 'unrecognised':
      return zh ? '无法识别的日期' : 'not a recognisable date';
    case 'not-a-date':
      return zh ? '不是日期' : 'not a date';
    case 'no-such-month':
      return zh ? `没有${reason.month}月` : `there is no month ${reason.month}`;
    case 'implausible-year':
      return zh ? `年份${reason.year}不合理` : `the year ${reason.year} is implausible`;
    case 'no-such-day':
      return zh
        ? `${reason.year}年${reason.month}月没有${reason.day}日`
        : `${reason.year}-${String(reason.month).padStart(2, '0')} has no day ${reason.day}`;
    case 'not-a-valid-date':
      return zh ? `${reason.value}不是有效的日期` : `${reason.value} is not a valid date`;
    case 'number-not-date':
      return zh ? `数字${reason.value}不是日期` : `the number ${reason.value} is not a date`;
    case 'month-ambiguous':
      return zh ? `${reason.value}不能确定是1月还是10月` : `${reason.value} could mean January or October`;
    case 'bad-serial':
      return zh ? `${reason.value}不是有效的日期序号` : `${reason.value} is not a valid date serial`;
    case 'error-value':
      return zh
        ? `单元格是错误值${reason.value}`
        : `the cell holds an error value${reason.value ? ` ${reason.value}` : ''}`;
  }
}

function rowList(rows: number[] | undefined, named: number, zh: boolean): string {
  return (rows ?? []).slice(0, named).join(zh ? '、' : ', ');
}

type Entry = Omit<FindingSpec, 'order'>;

const ENTRIES: Record<FindingCode, Entry> = {
  'missing-column': {
    severity: 'error',
    title: { zh: '缺少列', en: 'Missing columns' },
    mark: null,
    toComplete: null,
    zh: (p) => {
      const f = zhField(p);
      const seen = (p.seen ?? []).join('、') || '（无）';
      return `表头中找不到“${f}”列。请添加该列（或在加载项的“列设置”中、命令行用 --map 指定哪一列是${f}）。已识别的表头：${seen}。`;
    },
    en: (p) => {
      const seen = (p.seen ?? []).join(', ') || '(none)';
      return `No "${enField(p)}" column was found in the header. Add one, or choose which column holds it (Column settings in the add-in, --map on the command line). Headers seen: ${seen}.`;
    },
  },
  'relative-deadline-no-start': {
    severity: 'error',
    title: { zh: '相对时限缺交办日期', en: 'Relative deadlines without a start date' },
    mark: null,
    toComplete: null,
    zh: (p) => {
      const rows = rowList(p.rows, 5, true) + ((p.count ?? p.rows?.length ?? 0) > 5 ? '等' : '');
      return `有${p.count}项整改时限是相对期限（如${zq(p.value)}，第${rows}行），但没有交办日期，无法判断是否逾期。请填写这些行的交办时间，或在表头上方写明“交办日期：${year(p)}年6月1日”，或在设置中填写交办日期（命令行用 --issued ${year(p)}-06-01）。`;
    },
    en: (p) => {
      const rows = rowList(p.rows, 5, false) + ((p.count ?? p.rows?.length ?? 0) > 5 ? ', …' : '');
      return `${p.count} deadline(s) are relative (such as ${eq(p.value)}, row(s) ${rows}) but have no date the problem was handed over, so overdue cannot be judged. Fill in their 交办时间, write a line "交办日期：…" above the header, or give the date in the settings (--issued ${year(p)}-06-01 on the command line).`;
    },
  },
  overdue: {
    severity: 'error',
    title: { zh: '逾期未完成', en: 'Overdue' },
    mark: null,
    toComplete: null,
    zh: (p) => `已逾期${p.days}天（整改时限${zhDate(p.deadline)}），尚未完成，请督促落实或说明原因。`,
    en: (p) =>
      `Overdue by ${p.days} day(s) (deadline ${p.deadline}) and not done; follow it up or record why.`,
  },
  'missing-department': {
    severity: 'error',
    title: { zh: '缺责任单位', en: 'No responsible department' },
    mark: 'missing',
    toComplete: ({ header }) => `缺${header ?? FIELD_LABELS.department.zh}`,
    zh: () => '责任单位未填写：每项整改措施都要落实到具体单位，请补充。',
    en: () => 'No responsible department: every measure needs one; please fill it in.',
  },
  'missing-required': {
    severity: 'error',
    title: { zh: '必填项未填', en: 'Required fields empty' },
    mark: 'missing',
    toComplete: ({ header, field }) => `缺${(header ?? (field ? FIELD_LABELS[field].zh : '')) || '必填项'}`,
    zh: (p) => `“${zhField(p)}”未填写，请补充。`,
    en: (p) => `${enField(p)} is empty; please fill it in.`,
  },
  'invalid-date': {
    severity: 'error',
    title: { zh: '日期无法识别', en: 'Unreadable dates' },
    mark: 'missing',
    toComplete: ({ header }) => `${header ?? FIELD_LABELS.deadline.zh}无法识别`,
    zh: (p) =>
      `${zhField(p)}${zq(p.value)}不是有效日期（${dateReasonText(p.reason, 'zh')}），请改为如“${year(p)}年6月30日”的写法。`,
    en: (p) =>
      `${enField(p)} ${eq(p.value)} is not a valid date (${dateReasonText(p.reason, 'en')}); write it like ${year(p)}-06-30.`,
  },
  'due-soon': {
    severity: 'warning',
    title: { zh: '即将到期', en: 'Due soon' },
    mark: null,
    toComplete: null,
    zh: (p) =>
      p.days === 0
        ? `今天到期（整改时限${zhDate(p.deadline)}），请尽快完成。`
        : `还有${p.days}天到期（整改时限${zhDate(p.deadline)}），请抓紧推进。`,
    en: (p) =>
      p.days === 0
        ? `Due today (${p.deadline}); finish it soon.`
        : `Due in ${p.days} day(s) (${p.deadline}); push it forward.`,
  },
  'immediate-not-done': {
    severity: 'warning',
    title: { zh: '立行立改未完成', en: 'Immediate fixes not done' },
    mark: null,
    toComplete: null,
    zh: () => '立行立改事项尚未完成，请尽快整改到位或更新进展。',
    en: () => 'Marked for immediate fixing but not done; fix it now or update the progress.',
  },
  'unknown-status': {
    severity: 'warning',
    title: { zh: '进展无法识别', en: 'Unrecognised progress' },
    mark: null,
    toComplete: ({ header }) => `${header ?? FIELD_LABELS.status.zh}无法识别`,
    zh: (p) => `整改进展${zq(p.value)}无法判断，请写明“已完成”“正在推进”“未启动”或“长期坚持”。`,
    en: (p) =>
      `Progress ${eq(p.value)} is not recognised; write done, in progress, not started or long-term.`,
  },
  'vague-department': {
    severity: 'warning',
    title: { zh: '责任单位不具体', en: 'Vague departments' },
    mark: null,
    toComplete: null,
    zh: (p) => `责任单位${zq(p.department)}不具体，请写明牵头的具体单位。`,
    en: (p) =>
      `Responsible department ${eq(p.department)} names nobody in particular; name the lead department.`,
  },
  'done-without-completion-date': {
    severity: 'warning',
    title: { zh: '已完成但无完成时间', en: 'Done without a completion date' },
    mark: null,
    toComplete: null,
    zh: () => '已标为完成，但没有填写完成时间，请补充完成时间以便销号。',
    en: () => 'Marked done but no completion date; add it so the item can be closed off.',
  },
  'completed-late': {
    severity: 'warning',
    title: { zh: '超期完成', en: 'Completed after the deadline' },
    mark: null,
    toComplete: null,
    zh: (p) =>
      `完成时间${zhDate(p.completedOn)}晚于整改时限${zhDate(p.deadline)}（超期${p.days}天），请在备注中说明原因。`,
    en: (p) =>
      `Completed on ${p.completedOn}, after the deadline ${p.deadline} (${p.days} day(s) late); explain why in the remarks.`,
  },
  'completed-in-future': {
    severity: 'warning',
    title: { zh: '完成时间晚于今天', en: 'Completion dates in the future' },
    mark: null,
    toComplete: null,
    zh: (p) => `完成时间${zhDate(p.completedOn)}还没有到，已完成的事项请填写实际完成日期。`,
    en: (p) =>
      `The completion date ${p.completedOn} has not come yet; a finished item needs the day it was actually finished.`,
  },
  'done-but-planned': {
    severity: 'warning',
    title: { zh: '已完成但措施仍写计划', en: 'Done while the measure is still a plan' },
    mark: null,
    toComplete: null,
    zh: (p) =>
      `已标为完成，但整改措施仍写着${zq(p.value)}，像是计划而非已落实的举措，请核实整改是否真正到位，并把措施改写为已做的事。`,
    en: (p) =>
      `Marked done, but the measure still says ${eq(p.value)}, which reads as a plan; check the work was really done and describe what was done.`,
  },
  'status-in-date-column': {
    severity: 'warning',
    title: { zh: '完成时间填了进展', en: 'Progress written as a completion date' },
    mark: null,
    toComplete: null,
    zh: (p) =>
      `完成时间填的是${zq(p.value)}，应填写完成的日期（如“${year(p)}年6月30日”），进展请写在整改进展列。`,
    en: (p) =>
      `The completion date holds ${eq(p.value)}; write the date it was completed (like ${year(p)}-06-30) and the progress in the progress column.`,
  },
  'date-in-name-column': {
    severity: 'warning',
    title: { zh: '人员或单位列填了日期', en: 'Dates in name columns' },
    mark: null,
    toComplete: null,
    zh: (p) =>
      `${zhField(p)}填的是日期${zq(p.value)}，应填写${p.field === 'person' ? '人名' : '单位名称'}，请核对是否填错列。`,
    en: (p) =>
      `${enField(p)} holds a date ${eq(p.value)} where a ${p.field === 'person' ? 'name' : 'unit'} belongs; check whether it went into the wrong column.`,
  },
  'duplicate-index': {
    severity: 'warning',
    title: { zh: '序号重复', en: 'Duplicate numbers' },
    mark: null,
    toComplete: null,
    // A 序号 restarting per unit repeats on hundreds of rows: name a few and say how many.
    zh: (p) => {
      const n = p.count ?? p.rows?.length ?? 0;
      const rows = rowList(p.rows, DUPLICATE_ROWS_NAMED, true);
      return n > DUPLICATE_ROWS_NAMED
        ? `序号${zq(p.value)}重复${n}次（第${rows}行等），请重新编号。`
        : `序号${zq(p.value)}重复（第${rows}行），请重新编号。`;
    },
    en: (p) => {
      const n = p.count ?? p.rows?.length ?? 0;
      const rows = rowList(p.rows, DUPLICATE_ROWS_NAMED, false);
      return n > DUPLICATE_ROWS_NAMED
        ? `Number ${eq(p.value)} is used ${n} times (rows ${rows}, …); renumber them.`
        : `Number ${eq(p.value)} is used more than once (rows ${rows}); renumber them.`;
    },
  },
  'error-cell': {
    severity: 'warning',
    title: { zh: '单元格错误值', en: 'Error values in cells' },
    mark: null,
    toComplete: null,
    zh: (p) => `${zhField(p)}单元格是错误值${zq(p.value)}，请检查公式。`,
    en: (p) => `The ${enField(p)} cell holds the error ${eq(p.value)}; check its formula.`,
  },
  'calendar-unknown': {
    severity: 'warning',
    title: { zh: '节假日安排未知', en: 'Holiday calendar unknown' },
    mark: null,
    toComplete: null,
    zh: (p) =>
      `按工作日计算的时限用到了${(p.years ?? []).join('、')}年，本工具只知道${p.knownUntil}年及以前的节假日安排，这些年份只按周末推算，请对照当年放假通知核对。`,
    en: (p) =>
      `Working-day deadlines reach into ${(p.years ?? []).join(', ')}; holidays are known only up to ${p.knownUntil}, so those years count weekends only. Check them against that year's holiday notice.`,
  },
  'department-from-unit': {
    severity: 'info',
    title: { zh: '以单位列作责任单位', en: 'Unit column read as department' },
    mark: null,
    toComplete: null,
    zh: (p) =>
      `表中没有“责任单位”列，已把${p.column}列“${p.header ?? ''}”中的单位当作责任单位统计。如不对，请在列设置中（命令行用 --map）指定责任单位列。`,
    en: (p) =>
      `There is no responsible-department column; the units in column ${p.column} ("${p.header ?? ''}") are counted as the responsible departments. If that is wrong, choose the department column (Column settings, or --map).`,
  },
};

/** The catalogue; an entry's `order` is its place in ENTRIES, which is written in list order. */
export const FINDINGS: Readonly<Record<FindingCode, FindingSpec>> = Object.fromEntries(
  Object.entries(ENTRIES).map(([code, e], order) => [code, { ...e, order }]),
) as Record<FindingCode, FindingSpec>;

/** The order finding kinds are listed in. */
export const CODE_ORDER: readonly FindingCode[] = [...FINDING_CODES].sort(
  (a, b) => FINDINGS[a].order - FINDINGS[b].order,
);

export const codeTitles = (lang: Lang): Record<FindingCode, string> =>
  Object.fromEntries(FINDING_CODES.map((c) => [c, FINDINGS[c].title[lang]])) as Record<FindingCode, string>;

/** A finding's message in a language, from its code and parameters. */
export function findingMessage(code: FindingCode, params: FindingParams, lang: Lang): string {
  return FINDINGS[code][lang](params);
}

/** A finding's message in a language (the sheets always ask for Chinese). */
export function renderFinding(f: Pick<Finding, 'code' | 'params'>, lang: Lang): string {
  return findingMessage(f.code, f.params, lang);
}
