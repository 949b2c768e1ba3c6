/** The terminal report: counts first, then findings grouped by kind, rows as Excel shows them. */
import { chineseDate } from '../core/calendar';
import { CODE_ORDER, CODE_TITLES, SEVERITY_LABELS } from '../core/messages';
import type { Finding, FindingCode, Lang, SheetReport } from '../core/types';

export interface SkippedSheet {
  name: string;
  reason: string;
}

/**
 * The counts: first the progress states, which add up to the measures; then, among them, what is
 * overdue or due soon (an overdue measure is also 正在推进 or 未启动, so it is said as 其中).
 */
function countsLine(r: SheetReport, lang: Lang): string {
  const s = r.stats;
  const unclear = s.unknown + s.missingStatus;
  const zh = lang === 'zh';
  const states = zh
    ? [`已完成 ${s.done}`, `正在推进 ${s.inProgress}`, `长期 ${s.longTerm}`, `未启动 ${s.notStarted}`]
    : [
        `done ${s.done}`,
        `in progress ${s.inProgress}`,
        `long-term ${s.longTerm}`,
        `not started ${s.notStarted}`,
      ];
  if (unclear > 0) states.push(zh ? `进展不明 ${unclear}` : `progress unclear ${unclear}`);
  const among = zh
    ? `其中逾期 ${s.overdue} · 即将到期 ${s.dueSoon}；缺责任单位 ${s.missingDepartment}`
    : `of which overdue ${s.overdue} · due soon ${s.dueSoon}; no department ${s.missingDepartment}`;
  return `${states.join(' · ')}${zh ? '；' : '; '}${among}`;
}

function where(f: Finding, lang: Lang): string {
  if (f.row === null) return lang === 'zh' ? '表头' : 'header';
  if (lang === 'zh') return f.column ? `第${f.row}行 ${f.column}列` : `第${f.row}行`;
  return f.column ? `row ${f.row}, column ${f.column}` : `row ${f.row}`;
}

function sheetSection(r: SheetReport, lang: Lang, maxPerKind: number): string[] {
  const s = r.stats;
  const headerRows = r.headerRows.join(lang === 'zh' ? '–' : '-');
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
        ? `【${CODE_TITLES[code].zh}】${list.length} 条（${sev}）`
        : `[${CODE_TITLES[code].en}] ${list.length} (${sev})`,
    );
    const colon = lang === 'zh' ? '：' : ': ';
    for (const f of list.slice(0, maxPerKind)) out.push(`  ${where(f, lang)}${colon}${f.message}`);
    if (list.length > maxPerKind) {
      const more = list.length - maxPerKind;
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
