/**
 * The file layer's benchmark (part of npm run bench): generated .xlsx ledgers of 10k, 50k and 100k
 * rows shaped like real ones (scripts/ledgerXlsx.ts), read and checked end to end, with ratios
 * measured in the same run (machines here are shared and noisy; ratios mean more than seconds):
 *
 * - check / floor: `ledger-check --json` in-process (read the bytes, check, JSON the report)
 *   against the floor, inflating the sheet part and one SAX pass over it, measured in a fresh
 *   process (target ≤ 3; not met, see the README);
 * - out / check: the same plus writing the checked copy (`--out`) (target ≤ 1.5);
 * - peak memory / inflated sheet: peak RSS growth of a fresh process that checks the file, over
 *   the sheet part's inflated size (target < 10).
 *
 * `npm run bench -- --500k` also measures 500,000 rows once (linear within the default heap).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { inflateRawSync } from 'zlib';
import { SaxesParser } from 'saxes';
import { writeCheckedWorkbook } from '../src/cli/checkedWorkbook';
import { readWorkbookBuffer } from '../src/cli/workbook';
import { checkGrid } from '../src/core/check';
import { planMarks } from '../src/core/marks';
import { summarize } from '../src/core/summary';
import { planSummarySheets } from '../src/core/summaryPlans';
import { DEFAULT_REQUIRED, type CheckOptions, type SheetReport } from '../src/core/types';
import { listZipEntries, rawEntry } from '../src/workbook/zip';
import { ledgerXlsx } from './ledgerXlsx';

const OPTIONS: CheckOptions = {
  asOf: '2026-11-21',
  dueSoonDays: 7,
  required: [...DEFAULT_REQUIRED],
  lang: 'zh',
};

/**
 * CPU time (user + system) of this process, in ms: every step here is synchronous on one thread,
 * and CPU time does not count the other processes of a shared machine the way wall time does.
 */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
/** Collects garbage before each measurement, so no step pays for the one before it. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function ms(fn: () => void): number {
  gc();
  const t = cpu();
  fn();
  return cpu() - t;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function sheetRaw(bytes: Uint8Array): Uint8Array {
  const e = listZipEntries(bytes)!.get('xl/worksheets/sheet1.xml')!;
  return rawEntry(bytes, e)!;
}

/** The floor: inflate the sheet part and make one SAX pass over it. */
function floor(bytes: Uint8Array): number {
  return ms(() => {
    const xml = inflateRawSync(sheetRaw(bytes)).toString('utf8');
    new SaxesParser().write(xml).close();
  });
}

async function check(bytes: Uint8Array, json = true): Promise<SheetReport[]> {
  const grids = await readWorkbookBuffer(bytes, 'bench.xlsx');
  const reports: SheetReport[] = [];
  for (const g of grids) {
    const r = checkGrid(g, OPTIONS);
    if (r.ok) reports.push(r.report);
  }
  if (json) JSON.stringify(reports);
  return reports;
}

async function checkAndWrite(bytes: Uint8Array, input: string, out: string): Promise<void> {
  const reports = await check(bytes);
  const summary = summarize(reports, { asOf: OPTIONS.asOf, ledgerName: 'bench' });
  const plans = planSummarySheets(summary, reports, { dueSoonDays: OPTIONS.dueSoonDays });
  await writeCheckedWorkbook(
    input,
    out,
    plans,
    reports.map((r) => planMarks(r)),
    bytes,
  );
}

/**
 * Run in a fresh process on a file the parent wrote: peak RSS growth of one check (the process's
 * lifetime peak, so nothing before the check may allocate much: the file is read, not generated).
 */
async function memoryWorker(file: string): Promise<void> {
  const bytes = readFileSync(file);
  const sheetBytes = inflateRawSync(sheetRaw(bytes)).length;
  global.gc?.();
  const base = process.memoryUsage().rss;
  // The check as the text report needs it; --json also holds the whole document as one string.
  const reports = await check(bytes, process.argv.includes('--json'));
  const peak = Math.max(process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  process.stdout.write(
    JSON.stringify({ sheetBytes, growth: peak - base, findings: reports[0].findings.length }),
  );
}

/**
 * One check (or check and --out) in a fresh process, as the command runs: once per process. In one
 * long process the reader's second and later runs take about 2.5× its first (V8 type feedback
 * from the earlier runs), which no clerk's run sees.
 */
async function runWorker(file: string, out: string | null): Promise<void> {
  const bytes = readFileSync(file);
  gc();
  const t = cpu();
  if (out) await checkAndWrite(bytes, file, out);
  else await check(bytes);
  process.stdout.write(JSON.stringify({ ms: cpu() - t }));
}

function freshRun(file: string, out: string | null): number {
  const args = ['--expose-gc', '--import', 'tsx', __filename, '--run-worker', file, ...(out ? [out] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout).ms;
}

/**
 * The floor in a fresh process, before any other use of saxes: once the reader has run saxes with
 * its handlers, a bare pass in the same process takes about 4× as long, which would flatter every
 * ratio against it. The lowest of three passes.
 */
function floorWorker(rows: number): void {
  const bytes = ledgerXlsx(rows);
  const times = [floor(bytes), floor(bytes), floor(bytes)];
  process.stdout.write(JSON.stringify({ floor: Math.min(...times) }));
}

function freshFloor(rows: number): number {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', __filename, '--floor-worker', String(rows)],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout).floor;
}

function memory(file: string, json = false): { sheetBytes: number; growth: number } {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', __filename, '--memory-worker', file, ...(json ? ['--json'] : [])],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout);
}

export async function benchFiles(sizes: number[] = [10_000, 50_000, 100_000]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zgtz-bench-'));
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  console.log('File layer — .xlsx end to end, CPU ms; ratios measured in this run (median of runs)\n');
  console.log(
    'rows      file      sheet     floor ms   check ms   out ms    check/floor  out/check  memory/sheet  (--json)',
  );
  try {
    for (const rows of sizes) {
      const bytes = ledgerXlsx(rows);
      const input = join(dir, `ledger-${rows}.xlsx`);
      writeFileSync(input, bytes);
      const runs = rows <= 10_000 ? 3 : rows <= 50_000 ? 2 : 1;
      const floors: number[] = [];
      const checks: number[] = [];
      const outs: number[] = [];
      floors.push(freshFloor(rows));
      for (let i = 0; i < runs; i++) {
        checks.push(freshRun(input, null));
        const out = join(dir, `out-${rows}-${i}.xlsx`);
        outs.push(freshRun(input, out));
        rmSync(out);
      }
      const mem = memory(input);
      const memJson = memory(input, true);
      const [f, c, o] = [median(floors), median(checks), median(outs)];
      console.log(
        `${String(rows).padEnd(9)} ${mb(bytes.length).padStart(8)} ${mb(mem.sheetBytes).padStart(9)}  ${f
          .toFixed(0)
          .padStart(
            8,
          )}  ${c.toFixed(0).padStart(9)}  ${o.toFixed(0).padStart(7)}    ${(c / f).toFixed(2).padStart(9)}  ${(
          o / c
        )
          .toFixed(2)
          .padStart(9)}  ${(mem.growth / mem.sheetBytes).toFixed(1).padStart(12)}  ${(
          memJson.growth / mem.sheetBytes
        )
          .toFixed(1)
          .padStart(8)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    '\ntargets: check/floor ≤ 3, out/check ≤ 1.5, memory/sheet < 10 (peak RSS growth of a fresh process over the' +
      ' inflated sheet; --json: the same holding the JSON document)\n',
  );
}

if (require.main === module) {
  const i = process.argv.indexOf('--memory-worker');
  const f = process.argv.indexOf('--floor-worker');
  const w = process.argv.indexOf('--run-worker');
  if (w >= 0) void runWorker(process.argv[w + 1], process.argv[w + 2] ?? null);
  else if (i >= 0) void memoryWorker(process.argv[i + 1]);
  else if (f >= 0) floorWorker(Number(process.argv[f + 1]));
  else if (process.argv.includes('--500k')) void benchFiles([500_000]);
  else if (process.argv.includes('--quick')) void benchFiles([10_000, 50_000]);
  else void benchFiles();
}
