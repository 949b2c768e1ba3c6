/** `ledger-check --out`: a checked copy of the workbook with marks and summary sheets added. */
import { basename, extname } from 'node:path';
import { planMarks } from '../core/marks';
import { summarize } from '../core/summary';
import { planSummarySheets } from '../core/summaryPlans';
import type { CheckOptions, SheetReport } from '../core/types';
import { writeCheckedWorkbook } from './checkedWorkbook';
import type { InflatedSheets } from './workbook';

/** Writes the copy and returns the sentence that tells the clerk what was written. */
export async function writeOutput(
  inputPath: string,
  outPath: string,
  reports: SheetReport[],
  options: CheckOptions,
  input?: Uint8Array,
  sheets?: InflatedSheets | null,
): Promise<string> {
  const ledgerName = basename(inputPath, extname(inputPath));
  const summary = summarize(reports, { asOf: options.asOf, ledgerName });
  const plans = planSummarySheets(summary, reports, { dueSoonDays: options.dueSoonDays });
  const marks = reports.map((r) => planMarks(r));
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
