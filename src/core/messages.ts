/**
 * Every sentence the engine says to a clerk, in Chinese and English. Each one says what is wrong
 * and what to do about it.
 */
import { chineseDate } from './calendar';
import type { Field, FindingCode, Lang, ProgressState, Severity } from './types';

export const FIELD_LABELS: Record<Field, { zh: string; en: string }> = {
  index: { zh: '序号', en: 'No.' },
  category: { zh: '问题类别', en: 'Category' },
  problem: { zh: '存在问题', en: 'Problem' },
  measure: { zh: '整改措施', en: 'Measure' },
  department: { zh: '责任单位', en: 'Responsible department' },
  cooperating: { zh: '配合单位', en: 'Cooperating departments' },
  person: { zh: '责任人', en: 'Responsible person' },
  deadline: { zh: '整改时限', en: 'Deadline' },
  status: { zh: '整改进展', en: 'Progress' },
  completedOn: { zh: '完成时间', en: 'Completed on' },
  evidence: { zh: '佐证材料', en: 'Evidence' },
  remarks: { zh: '备注', en: 'Remarks' },
};

export const STATE_LABELS: Record<ProgressState, { zh: string; en: string }> = {
  done: { zh: '已完成', en: 'Done' },
  in_progress: { zh: '正在推进', en: 'In progress' },
  long_term: { zh: '长期坚持', en: 'Long-term' },
  not_started: { zh: '未启动', en: 'Not started' },
  unknown: { zh: '无法识别', en: 'Unrecognised' },
  missing: { zh: '未填写', en: 'Not filled in' },
};

/** What each kind of finding is called in a grouped list. */
export const CODE_TITLES: Record<FindingCode, { zh: string; en: string }> = {
  'missing-column': { zh: '缺少列', en: 'Missing columns' },
  'missing-required': { zh: '必填项未填', en: 'Required fields empty' },
  'missing-department': { zh: '缺责任单位', en: 'No responsible department' },
  'invalid-date': { zh: '日期无法识别', en: 'Unreadable dates' },
  'unknown-status': { zh: '进展无法识别', en: 'Unrecognised progress' },
  overdue: { zh: '逾期未完成', en: 'Overdue' },
  'due-soon': { zh: '即将到期', en: 'Due soon' },
  'done-without-completion-date': { zh: '已完成但无完成时间', en: 'Done without a completion date' },
  'completed-late': { zh: '超期完成', en: 'Completed after the deadline' },
  'duplicate-index': { zh: '序号重复', en: 'Duplicate numbers' },
  'vague-department': { zh: '责任单位不具体', en: 'Vague departments' },
  'immediate-not-done': { zh: '立行立改未完成', en: 'Immediate fixes not done' },
  'error-cell': { zh: '单元格错误值', en: 'Error values in cells' },
  'department-from-unit': { zh: '以单位列作责任单位', en: 'Unit column read as department' },
  'relative-deadline-no-start': { zh: '相对时限缺交办日期', en: 'Relative deadlines without a start date' },
  'calendar-unknown': { zh: '节假日安排未知', en: 'Holiday calendar unknown' },
  'date-in-name-column': { zh: '人员或单位列填了日期', en: 'Dates in name columns' },
  'status-in-date-column': { zh: '完成时间填了进展', en: 'Progress written as a completion date' },
  'completed-in-future': { zh: '完成时间晚于今天', en: 'Completion dates in the future' },
  'done-but-planned': { zh: '已完成但措施仍写计划', en: 'Done while the measure is still a plan' },
};

export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '提醒', en: 'warning' },
  info: { zh: '提示', en: 'note' },
};

/** The order finding kinds are listed in: what an inspector asks about first comes first. */
export const CODE_ORDER: readonly FindingCode[] = [
  'missing-column',
  'relative-deadline-no-start',
  'overdue',
  'missing-department',
  'missing-required',
  'invalid-date',
  'due-soon',
  'immediate-not-done',
  'unknown-status',
  'vague-department',
  'done-without-completion-date',
  'completed-late',
  'completed-in-future',
  'done-but-planned',
  'status-in-date-column',
  'date-in-name-column',
  'duplicate-index',
  'error-cell',
  'calendar-unknown',
  'department-from-unit',
];

function inLanguage<K extends string>(
  table: Record<K, { zh: string; en: string }>,
  lang: Lang,
): Record<K, string> {
  return Object.fromEntries(
    Object.entries(table).map(([k, v]) => [k, (v as { zh: string; en: string })[lang]]),
  ) as Record<K, string>;
}

export const fieldLabels = (lang: Lang): Record<Field, string> => inLanguage(FIELD_LABELS, lang);
export const codeTitles = (lang: Lang): Record<FindingCode, string> => inLanguage(CODE_TITLES, lang);
export const severityLabels = (lang: Lang): Record<Severity, string> => inLanguage(SEVERITY_LABELS, lang);

/** How many rows a duplicate-index message names before it only counts them. */
const DUPLICATE_ROWS_NAMED = 5;

export type MessageParams = {
  field?: Field;
  header?: string;
  seen?: string[];
  value?: string;
  reason?: string;
  deadline?: string;
  completedOn?: string;
  days?: number;
  rows?: number[];
  department?: string;
  /** The year example dates are written in (the ledger's own year). */
  year?: number;
  /** How many rows a sheet-level finding is about. */
  count?: number;
  /** A column letter, for sheet-level findings about one column. */
  column?: string;
};

function label(field: Field | undefined, lang: Lang): string {
  return field ? FIELD_LABELS[field][lang] : '';
}

function quote(text: string | undefined, lang: Lang): string {
  const t = (text ?? '').length > 40 ? `${[...(text ?? '')].slice(0, 40).join('')}…` : (text ?? '');
  return lang === 'zh' ? `“${t}”` : `"${t}"`;
}

export function findingMessage(code: FindingCode, p: MessageParams, lang: Lang): string {
  const zh = lang === 'zh';
  const f = label(p.field, lang);
  const deadline = p.deadline && zh ? chineseDate(p.deadline) : p.deadline;
  const completedOn = p.completedOn && zh ? chineseDate(p.completedOn) : p.completedOn;
  const year = p.year ?? 2024;
  switch (code) {
    case 'missing-column': {
      const seen = (p.seen ?? []).join(zh ? '、' : ', ') || (zh ? '（无）' : '(none)');
      return zh
        ? `表头中找不到“${f}”列。请添加该列（或在加载项的“列设置”中、命令行用 --map 指定哪一列是${f}）。已识别的表头：${seen}。`
        : `No "${f}" column was found in the header. Add one, or choose which column holds it (Column settings in the add-in, --map on the command line). Headers seen: ${seen}.`;
    }
    case 'missing-required':
      return zh ? `“${f}”未填写，请补充。` : `${f} is empty; please fill it in.`;
    case 'missing-department':
      return zh
        ? '责任单位未填写：每项整改措施都要落实到具体单位，请补充。'
        : 'No responsible department: every measure needs one; please fill it in.';
    case 'invalid-date':
      return zh
        ? `${f}${quote(p.value, lang)}不是有效日期（${p.reason ?? '无法识别'}），请改为如“${year}年6月30日”的写法。`
        : `${f} ${quote(p.value, lang)} is not a valid date (${p.reason ?? 'not recognised'}); write it like ${year}-06-30.`;
    case 'unknown-status':
      return zh
        ? `整改进展${quote(p.value, lang)}无法判断，请写明“已完成”“正在推进”“未启动”或“长期坚持”。`
        : `Progress ${quote(p.value, lang)} is not recognised; write done, in progress, not started or long-term.`;
    case 'overdue':
      return zh
        ? `已逾期${p.days}天（整改时限${deadline}），尚未完成，请督促落实或说明原因。`
        : `Overdue by ${p.days} day(s) (deadline ${deadline}) and not done; follow it up or record why.`;
    case 'due-soon':
      return zh
        ? p.days === 0
          ? `今天到期（整改时限${deadline}），请尽快完成。`
          : `还有${p.days}天到期（整改时限${deadline}），请抓紧推进。`
        : p.days === 0
          ? `Due today (${deadline}); finish it soon.`
          : `Due in ${p.days} day(s) (${deadline}); push it forward.`;
    case 'done-without-completion-date':
      return zh
        ? '已标为完成，但没有填写完成时间，请补充完成时间以便销号。'
        : 'Marked done but no completion date; add it so the item can be closed off.';
    case 'completed-late':
      return zh
        ? `完成时间${completedOn}晚于整改时限${deadline}（超期${p.days}天），请在备注中说明原因。`
        : `Completed on ${completedOn}, after the deadline ${deadline} (${p.days} day(s) late); explain why in the remarks.`;
    case 'duplicate-index': {
      // A 序号 restarting per unit repeats on hundreds of rows: name a few and say how many.
      const all = p.rows ?? [];
      const rows = all.slice(0, DUPLICATE_ROWS_NAMED).join(zh ? '、' : ', ');
      if (all.length > DUPLICATE_ROWS_NAMED) {
        return zh
          ? `序号${quote(p.value, lang)}重复${all.length}次（第${rows}行等），请重新编号。`
          : `Number ${quote(p.value, lang)} is used ${all.length} times (rows ${rows}, …); renumber them.`;
      }
      return zh
        ? `序号${quote(p.value, lang)}重复（第${rows}行），请重新编号。`
        : `Number ${quote(p.value, lang)} is used more than once (rows ${rows}); renumber them.`;
    }
    case 'vague-department':
      return zh
        ? `责任单位${quote(p.department, lang)}不具体，请写明牵头的具体单位。`
        : `Responsible department ${quote(p.department, lang)} names nobody in particular; name the lead department.`;
    case 'immediate-not-done':
      return zh
        ? '立行立改事项尚未完成，请尽快整改到位或更新进展。'
        : 'Marked for immediate fixing but not done; fix it now or update the progress.';
    case 'error-cell':
      return zh
        ? `${f}单元格是错误值${quote(p.value, lang)}，请检查公式。`
        : `The ${f} cell holds the error ${quote(p.value, lang)}; check its formula.`;
    case 'department-from-unit':
      return zh
        ? `表中没有“责任单位”列，已把${p.column}列“${p.header ?? ''}”中的单位当作责任单位统计。如不对，请在列设置中（命令行用 --map）指定责任单位列。`
        : `There is no responsible-department column; the units in column ${p.column} ("${p.header ?? ''}") are counted as the responsible departments. If that is wrong, choose the department column (Column settings, or --map).`;
    case 'relative-deadline-no-start': {
      const rows =
        (p.rows ?? []).slice(0, 5).join(zh ? '、' : ', ') +
        ((p.rows?.length ?? 0) > 5 ? (zh ? '等' : ', …') : '');
      return zh
        ? `有${p.count}项整改时限是相对期限（如${quote(p.value, lang)}，第${rows}行），但没有交办日期，无法判断是否逾期。请填写这些行的交办时间，或在表头上方写明“交办日期：${year}年6月1日”，或在设置中填写交办日期（命令行用 --issued ${year}-06-01）。`
        : `${p.count} deadline(s) are relative (such as ${quote(p.value, lang)}, row(s) ${rows}) but have no date the problem was handed over, so overdue cannot be judged. Fill in their 交办时间, write a line "交办日期：…" above the header, or give the date in the settings (--issued ${year}-06-01 on the command line).`;
    }
    case 'calendar-unknown':
      return zh
        ? `按工作日计算的时限用到了${p.value}年，本工具只知道${p.reason}年及以前的节假日安排，这些年份只按周末推算，请对照当年放假通知核对。`
        : `Working-day deadlines reach into ${p.value}; holidays are known only up to ${p.reason}, so those years count weekends only. Check them against that year's holiday notice.`;
    case 'date-in-name-column':
      return zh
        ? `${f}填的是日期${quote(p.value, lang)}，应填写${p.field === 'person' ? '人名' : '单位名称'}，请核对是否填错列。`
        : `${f} holds a date ${quote(p.value, lang)} where a ${p.field === 'person' ? 'name' : 'unit'} belongs; check whether it went into the wrong column.`;
    case 'status-in-date-column':
      return zh
        ? `完成时间填的是${quote(p.value, lang)}，应填写完成的日期（如“${year}年6月30日”），进展请写在整改进展列。`
        : `The completion date holds ${quote(p.value, lang)}; write the date it was completed (like ${year}-06-30) and the progress in the progress column.`;
    case 'completed-in-future':
      return zh
        ? `完成时间${completedOn}还没有到，已完成的事项请填写实际完成日期。`
        : `The completion date ${completedOn} has not come yet; a finished item needs the day it was actually finished.`;
    case 'done-but-planned':
      return zh
        ? `已标为完成，但整改措施仍写着${quote(p.value, lang)}，像是计划而非已落实的举措，请核实整改是否真正到位，并把措施改写为已做的事。`
        : `Marked done, but the measure still says ${quote(p.value, lang)}, which reads as a plan; check the work was really done and describe what was done.`;
  }
}
