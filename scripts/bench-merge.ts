/**
 * 汇总 benchmark (`npm run bench` runs it after scripts/bench.ts): many units' ledgers merged in one
 * process, one file at a time, as `ledger-check 文件夹 [--out 汇总.xlsx]` does.
 *
 * - 200 unit ledgers of 50 rows, keeping every row for the 汇总 sheets (as with --out), then the
 *   sheets planned and the 汇总 workbook written.
 * - 2,000 unit ledgers of 100 rows, counts only (as without --out).
 *
 * Per file it times reading (bytes → grids, the shared reader), checking (the engine) and merging
 * (Consolidator.add: unit name, per-unit figures, the rows kept), and prints them as a ratio to
 * reading that file alone. Heap after a full GC is sampled as the files go by: it must stay flat
 * in the number of files (what grows is only the rows kept for the sheets).
 * Files are generated ledgers (scripts/ledgerXlsx.ts: 14 columns, long Chinese text, merges).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeMergedWorkbook } from '../src/cli/consolidateWrite';
import { readWorkbookBuffer } from '../src/cli/workbook';
import { Consolidator, checkFileGrids, planMergeSheets } from '../src/core/consolidate';
import { DEFAULT_REQUIRED, type CheckOptions } from '../src/core/types';
import { ledgerXlsx } from './ledgerXlsx';

const OPTIONS: CheckOptions = {
  asOf: '2026-11-21',
  dueSoonDays: 7,
  required: [...DEFAULT_REQUIRED],
  lang: 'zh',
};
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
/**
 * CPU milliseconds of this process (user + system). The machine is shared: wall-clock time would
 * count the other jobs' turns too, CPU time counts only ours (the reader is synchronous).
 */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * The median of per-file wall-clock times. Process CPU (above) also counts V8's background threads
 * (concurrent marking and sweeping, the optimising compiler), which run beside whichever step comes
 * next: a short step right after the check, the merge, is charged with work the reading and
 * checking caused. A step's median wall time is its own thread's time when the machine lets it
 * run; the other jobs' turns and the GC pauses fall into the upper half.
 */
function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}

function heapAfterGc(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

interface Run {
  files: number;
  rows: number;
  readMs: number;
  checkMs: number;
  mergeMs: number;
  /** Reading and checking one file alone (CPU ms, mean). */
  aloneMs: number;
  /** Reading it alone, without the check. */
  aloneReadMs: number;
  heap: { files: number; heap: number }[];
  /** Median wall-clock ms of each step over the files (see medianOf). */
  median: { read: number; check: number; merge: number };
  totalMs: number;
  measures: number;
  planMs?: number;
  writeMs?: number;
}

async function run(files: number, rows: number, detailed: boolean): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), `bench-merge-${rows}-`));
  // Each unit's own file, named the way units name them (the unit comes from the file name).
  const bytes = ledgerXlsx(rows);
  const paths: string[] = [];
  for (let i = 0; i < files; i++) {
    const p = join(dir, `第${String(i + 1).padStart(4, '0')}单位整改台账.xlsx`);
    writeFileSync(p, bytes);
    paths.push(p);
  }
  // Warm up the reader, the engine and the merge on a few files (a clerk's second file is warm too).
  const warm = new Consolidator({ asOf: OPTIONS.asOf, detailed });
  for (const p of paths.slice(0, 20))
    warm.add(checkFileGrids(p, await readWorkbookBuffer(readFileSync(p), p), OPTIONS));
  // One file alone, as `ledger-check 文件.xlsx` reads and checks it: the mean of 15 runs, measured
  // like the files in the merge (CPU time, same warm process).
  let aloneRead = 0;
  let aloneAll = 0;
  for (let i = 0; i < 15; i++) {
    const bytesAlone = readFileSync(paths[0]);
    const t = cpuMs();
    const g = await readWorkbookBuffer(bytesAlone, 'x');
    aloneRead += cpuMs() - t;
    checkFileGrids(paths[0], g, OPTIONS);
    aloneAll += cpuMs() - t;
  }
  const aloneMs = aloneAll / 15;

  const consolidator = new Consolidator({ asOf: OPTIONS.asOf, dueSoonDays: 7, detailed });
  const heap: Run['heap'] = [{ files: 0, heap: heapAfterGc() }];
  const every = Math.max(1, Math.floor(files / 4));
  let readMs = 0;
  let checkMs = 0;
  let mergeMs = 0;
  const wall = { read: [] as number[], check: [] as number[], merge: [] as number[] };
  const start = performance.now();
  for (let i = 0; i < files; i++) {
    const fileBytes = readFileSync(paths[i]);
    const w0 = performance.now();
    const t0 = cpuMs();
    const grids = await readWorkbookBuffer(fileBytes, paths[i]);
    const t1 = cpuMs();
    const w1 = performance.now();
    const input = checkFileGrids(paths[i], grids, OPTIONS, i);
    const w2 = performance.now();
    const t2 = cpuMs();
    consolidator.add(input);
    const t3 = cpuMs();
    const w3 = performance.now();
    wall.read.push(w1 - w0);
    wall.check.push(w2 - w1);
    wall.merge.push(w3 - w2);
    readMs += t1 - t0;
    checkMs += t2 - t1;
    mergeMs += t3 - t2;
    if ((i + 1) % every === 0) heap.push({ files: i + 1, heap: heapAfterGc() });
  }
  const t4 = cpuMs();
  const result = consolidator.result();
  mergeMs += cpuMs() - t4;
  const out: Run = {
    files,
    rows,
    readMs,
    checkMs,
    mergeMs,
    aloneMs,
    aloneReadMs: aloneRead / 15,
    heap,
    median: { read: medianOf(wall.read), check: medianOf(wall.check), merge: medianOf(wall.merge) },
    totalMs: performance.now() - start,
    measures: result.totals.measures,
  };
  if (detailed) {
    const t5 = performance.now();
    const plans = planMergeSheets(result);
    out.planMs = performance.now() - t5;
    const t6 = performance.now();
    await writeMergedWorkbook(join(dir, '汇总.xlsx'), plans);
    out.writeMs = performance.now() - t6;
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

function report(r: Run, label: string): void {
  const per = (ms: number) => ms / r.files;
  const perFile = per(r.readMs + r.checkMs + r.mergeMs);
  console.log(`\n${label}: ${r.files} files × ${r.rows} rows = ${r.measures.toLocaleString('en')} measures`);
  console.log(
    `  one file alone (CPU ms, mean of 15): read ${r.aloneReadMs.toFixed(2)}, read and check ${r.aloneMs.toFixed(2)}`,
  );
  console.log(
    `  per file in the merge (CPU ms): read ${per(r.readMs).toFixed(2)}, check ${per(r.checkMs).toFixed(2)}, merge ${per(
      r.mergeMs,
    ).toFixed(3)} → ${(perFile / r.aloneMs).toFixed(2)} × reading and checking it alone`,
  );
  console.log(
    `  merge itself: ${((100 * r.mergeMs) / (r.readMs + r.checkMs)).toFixed(1)} % of reading and checking (target < 10 %), ${(
      (100 * r.mergeMs) /
      r.readMs
    ).toFixed(1)} % of reading alone; all files: ${(r.totalMs / 1000).toFixed(1)} s wall clock`,
  );
  const md = r.median;
  console.log(
    `  median wall clock per file (ms): read ${md.read.toFixed(2)}, check ${md.check.toFixed(2)}, merge ${md.merge.toFixed(
      3,
    )} → merge ${((100 * md.merge) / md.read).toFixed(1)} % of reading, ${(
      (100 * md.merge) /
      (md.read + md.check)
    ).toFixed(1)} % of reading and checking`,
  );
  if (r.planMs !== undefined) {
    console.log(
      `  planning the four 汇总 sheets: ${r.planMs.toFixed(0)} ms; writing 汇总.xlsx: ${r.writeMs!.toFixed(0)} ms`,
    );
  }
  console.log(
    `  heap after GC, by files merged: ${r.heap.map((h) => `${h.files}: ${mb(h.heap)}`).join(' · ')}`,
  );
}

async function main(): Promise<void> {
  if (!gc) console.log('(run with node --expose-gc for heap figures after a full GC)');
  console.log('整改台账助手 benchmark — 汇总 of many units’ ledgers, one file at a time');
  report(await run(200, 50, true), '200 unit ledgers, rows kept for the 汇总 sheets (--out)');
  report(await run(2000, 100, false), '2,000 unit ledgers, counts only');
  console.log(`\npeak RSS of this process: ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

if (require.main === module) void main();
