/**
 * Reports that repeat themselves say so once: the same finding (same kind, same column, same
 * sentence) on consecutive ledger rows is one line, "第5–19行 E列：责任单位未填写……". Rows count as
 * consecutive when they follow one another in the list of findings of that kind with row numbers
 * one apart; rows that are no ledger rows (a blank spacer row, say) break a run. Used by the command
 * line, the pane's finding list and 待补充清单.
 */
import type { Finding, Lang } from './types';

export interface FindingRun<F extends Finding = Finding> {
  /** The first finding of the run; its message stands for all of them. */
  finding: F;
  /** All the findings of the run, in row order. */
  findings: F[];
  firstRow: number | null;
  lastRow: number | null;
}

function sameKind(a: Finding, b: Finding): boolean {
  return a.code === b.code && a.column === b.column && a.message === b.message && a.field === b.field;
}

/** Groups consecutive equal findings (the input order is kept; sheet-level findings stay alone). */
export function findingRuns<F extends Finding>(findings: readonly F[]): FindingRun<F>[] {
  const runs: FindingRun<F>[] = [];
  // The open run per kind key: findings of other kinds may sit between rows of one run.
  const open = new Map<string, FindingRun<F>>();
  for (const f of findings) {
    const key = `${f.code}\u0000${f.column ?? ''}\u0000${f.message}`;
    const run = f.row === null ? undefined : open.get(key);
    if (run && run.lastRow !== null && f.row === run.lastRow + 1 && sameKind(run.finding, f)) {
      run.findings.push(f);
      run.lastRow = f.row;
      continue;
    }
    const fresh: FindingRun<F> = { finding: f, findings: [f], firstRow: f.row, lastRow: f.row };
    runs.push(fresh);
    if (f.row !== null) open.set(key, fresh);
  }
  return runs;
}

/** "第5–19行", "第5行", "rows 5–19", "row 5"; '' for a sheet-level finding. */
export function rowsLabel(run: Pick<FindingRun, 'firstRow' | 'lastRow'>, lang: Lang): string {
  if (run.firstRow === null) return '';
  const span =
    run.lastRow !== null && run.lastRow !== run.firstRow
      ? `${run.firstRow}–${run.lastRow}`
      : `${run.firstRow}`;
  if (lang === 'zh') return `第${span}行`;
  return span.includes('–') ? `rows ${span}` : `row ${span}`;
}
