/** The terminal report: counts first, then findings grouped by kind, rows as Excel shows them. */
import { chineseDate } from '../core/calendar';
import { findingRuns, rowsLabel, type FindingRun } from '../core/findingRuns';
import { sentenceFigures } from '../core/summary';
import { CODE_ORDER, FINDINGS, renderFinding } from '../core/findings';
import { SEVERITY_LABELS } from '../core/messages';
import type { Finding, FindingCode, Lang, SheetReport } from '../core/types';

export interface SkippedSheet {
  name: string;
  reason: string;
}

/**
 * The counts, as the report sentence counts them: 已完成 + 正在推进 + 逾期未完成 = the measures
 * (each measure in one of the three; long-term counts as completed), the finer split in brackets;
 * then 即将到期 (among 正在推进) and rows without a department. The pane's tiles say the same.
 */
function countsLine(r: SheetReport, lang: Lang): string {
  const f = sentenceFigures(r);
  const s = f.ongoingSplit;
  if (lang === 'zh') {
    const ongoing = [`推进中 ${s.inProgress}`, `未启动 ${s.notStarted}`];
    if (s.unclear > 0) ongoing.push(`进展不明 ${s.unclear}`);
    return (
      `已完成 ${f.completed}（其中长期任务 ${f.longTerm}） · 正在推进 ${f.ongoing}（${ongoing.join(' · ')}） · ` +
      `逾期未完成 ${f.overdue}；即将到期 ${f.dueSoon}（属正在推进）；缺责任单位 ${f.missingDepartment}`
    );
  }
  const ongoing = [`under way ${s.inProgress}`, `not started ${s.notStarted}`];
  if (s.unclear > 0) ongoing.push(`unclear ${s.unclear}`);
  return (
    `completed ${f.completed} (of which long-term ${f.longTerm}) · in progress ${f.ongoing} (${ongoing.join(' · ')}) · ` +
    `overdue ${f.overdue}; due soon ${f.dueSoon} (among in progress); no department ${f.missingDepartment}`
  );
}

/** Where a run of findings is: "第5–19行 E列", "表头" for a sheet-level finding. */
function where(run: FindingRun, lang: Lang): string {
  const f = run.finding;
  if (f.row === null) return lang === 'zh' ? '表头' : 'header';
  const rows = rowsLabel(run, lang);
  if (lang === 'zh') return f.column ? `${rows} ${f.column}列` : rows;
  return f.column ? `${rows}, column ${f.column}` : rows;
}

function sheetSection(r: SheetReport, lang: Lang, maxPerKind: number): string[] {
  const s = r.stats;
  // First and last row: a header may be up to five rows deep ("第3–5行").
  const headerRows =
    r.headerRows.length > 1
      ? `${r.headerRows[0]}${lang === 'zh' ? '–' : '-'}${r.headerRows[r.headerRows.length - 1]}`
      : `${r.headerRows[0]}`;
  const out: string[] = [];
  out.push(
    lang === 'zh'
      ? `工作表“${r.name}”：表头在第${headerRows}行，共 ${s.rows} 项措施（${s.problems} 个问题）`
      : `Sheet "${r.name}": header on row ${headerRows}, ${s.rows} measures (${s.problems} problems)`,
  );
  out.push(`  ${countsLine(r, lang)}`);
  out.push(
    lang === 'zh'
      ? `  错误 ${s.errors} 条，提醒 ${s.warnings} 条${r.valid ? '：没有需要立即处理的问题。' : '。'}`
      : `  ${s.errors} error(s), ${s.warnings} warning(s)${r.valid ? ': nothing needs fixing right now.' : '.'}`,
  );
  const groups = new Map<FindingCode, Finding[]>();
  for (const f of r.findings) {
    const list = groups.get(f.code);
    if (list) list.push(f);
    else groups.set(f.code, [f]);
  }
  for (const code of CODE_ORDER) {
    const list = groups.get(code);
    if (!list) continue;
    const sev = SEVERITY_LABELS[list[0].severity][lang];
    out.push('');
    out.push(
      lang === 'zh'
        ? `【${FINDINGS[code].title.zh}】${list.length} 条（${sev}）`
        : `[${FINDINGS[code].title.en}] ${list.length} (${sev})`,
    );
    const colon = lang === 'zh' ? '：' : ': ';
    // The same finding on consecutive rows is one line; the count above stays the number of findings.
    const runs = findingRuns(list);
    for (const run of runs.slice(0, maxPerKind))
      out.push(`  ${where(run, lang)}${colon}${renderFinding(run.finding, lang)}`);
    if (runs.length > maxPerKind) {
      const more = runs.slice(maxPerKind).reduce((n, run) => n + run.findings.length, 0);
      out.push(
        lang === 'zh'
          ? `  ……另有 ${more} 条，用 --json 查看全部。`
          : `  … ${more} more; use --json to see all.`,
      );
    }
  }
  return out;
}

export function formatReport(
  file: string,
  asOf: string,
  reports: SheetReport[],
  skipped: SkippedSheet[],
  lang: Lang,
  maxPerKind = 50,
): string {
  const out: string[] = [];
  out.push(lang === 'zh' ? '整改台账检查报告' : 'Rectification ledger check');
  out.push(lang === 'zh' ? `文件：${file}    截至：${chineseDate(asOf)}` : `File: ${file}    As of: ${asOf}`);
  for (const r of reports) {
    out.push('');
    out.push(...sheetSection(r, lang, maxPerKind));
  }
  if (skipped.length) {
    out.push('');
    out.push(
      lang === 'zh'
        ? `跳过的工作表：${skipped.map((s) => `“${s.name}”（${s.reason}）`).join('、')}`
        : `Skipped sheets: ${skipped.map((s) => `"${s.name}" (${s.reason})`).join(', ')}`,
    );
  }
  return out.join('\n') + '\n';
}
