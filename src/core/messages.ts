/**
 * The engine's labels in Chinese and English: fields, progress states and severities. The finding
 * messages are in the finding catalogue (findings.ts).
 */
import type { Field, Lang, ProgressState, Severity } from './types';

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

/** The one label table for progress states: long-term is 长期坚持 everywhere. */
export const STATE_LABELS: Record<ProgressState, { zh: string; en: string }> = {
  done: { zh: '已完成', en: 'Done' },
  in_progress: { zh: '正在推进', en: 'In progress' },
  long_term: { zh: '长期坚持', en: 'Long-term' },
  not_started: { zh: '未启动', en: 'Not started' },
  unknown: { zh: '无法识别', en: 'Unrecognised' },
  missing: { zh: '未填写', en: 'Not filled in' },
};

export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '提醒', en: 'warning' },
  info: { zh: '提示', en: 'note' },
};

function inLanguage<K extends string>(
  table: Record<K, { zh: string; en: string }>,
  lang: Lang,
): Record<K, string> {
  return Object.fromEntries(
    Object.entries(table).map(([k, v]) => [k, (v as { zh: string; en: string })[lang]]),
  ) as Record<K, string>;
}

export const fieldLabels = (lang: Lang): Record<Field, string> => inLanguage(FIELD_LABELS, lang);
export const severityLabels = (lang: Lang): Record<Severity, string> => inLanguage(SEVERITY_LABELS, lang);
