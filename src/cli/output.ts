/** `ledger-check --out`: a checked copy of the workbook with marks and summary sheets added. */
import { basename, extname } from 'node:path';
import { planMarks } from '../core/marks';
import { summarize, type LedgerSummary } from '../core/summary';
import { planSummarySheets } from '../core/summaryPlans';
import type { MarkPlan } from '../core/marks';
import type { CheckOptions, SheetReport } from '../core/types';
import { writeCheckedWorkbook } from './checkedWorkbook';
import type { InflatedSheets } from './workbook';

/**
 * What the copy is made from: the summary and each ledger sheet's marks, which hold none of the
 * check's reports (the alerts and lists share the reports' strings and frozen lists only).
 */
export interface OutputPlan {
  summary: LedgerSummary;
  marks: MarkPlan[];
}

/**
 * Plans the copy from the check's reports. Apart from writing it (writeOutput) so that the caller
 * can let go of the reports, and of everything the check made, before the copy is written: they
 * are most of the heap (at 50,000 rows about 40 MB of RowReports and findings), and V8's full
 * collection, which the copy's allocations start about once per run, then has a fraction of it
 * to mark. So the summary sheets are planned in writeOutput: most of what the copy keeps for a
 * while (the 逾期清单's lines) is made after the reports can go.
 */
export function planOutput(inputPath: string, reports: SheetReport[], options: CheckOptions): OutputPlan {
  const ledgerName = basename(inputPath, extname(inputPath));
  const summary = summarize(reports, { asOf: options.asOf, ledgerName });
  const marks = reports.map((r) => planMarks(r));
  return { summary, marks };
}

/** Writes the copy planned by planOutput and returns the sentence that tells the clerk what was written. */
export async function writeOutput(
  inputPath: string,
  outPath: string,
  { summary, marks }: OutputPlan,
  options: CheckOptions,
  input?: Uint8Array,
  sheets?: InflatedSheets | null,
): Promise<string> {
  const plans = planSummarySheets(summary, { dueSoonDays: options.dueSoonDays });
  const result = await writeCheckedWorkbook(inputPath, outPath, plans, marks, input, sheets);
  const zh = options.lang === 'zh';
  const lines = [
    zh
      ? `已写出检查结果：${outPath}（新增工作表：${result.written.join('、')}；原有工作表保持不变）`
      : `Wrote ${outPath} (added sheets: ${result.written.join(', ')}; the original sheets are unchanged)`,
  ];
  for (const r of result.renamed) {
    lines.push(
      zh
        ? `注意：工作簿中已有您自己的“${r.wanted}”工作表，未覆盖，新表命名为“${r.name}”。`
        : `Note: the workbook already has a sheet of your own named "${r.wanted}"; it was kept and the new one is "${r.name}".`,
    );
  }
  return lines.join('\n');
}
