/**
 * The file layer's benchmark (part of npm run bench): generated .xlsx ledgers of 10k, 50k and 100k
 * rows shaped like real ones (scripts/ledgerXlsx.ts), read and checked end to end by the real
 * command, with ratios measured in the same run (machines here are shared and noisy; ratios mean
 * more than seconds). Every figure comes from a fresh process (scripts/bench-worker.cjs) running the
 * compiled command as a clerk does, once, with the Node flags of its launcher's shebang and its output
 * going to /dev/null:
 *
 * - check / floor: `ledger-check --json` against the floor, inflating the sheet part and one saxes
 *   pass over it, both as the first run of a fresh process (target ≤ 3);
 * - out / check: `ledger-check --json --out COPY.xlsx` against the check (target ≤ 1.5);
 * each ratio the median of the rounds' own ratios (floor, check, copy and text report run one after
 * the other in every round); the CPU columns are the medians of each kind of run.
 * - memory / sheet: peak RSS growth of the check over the sheet part's inflated size, for the text
 *   report and for --json (target < 10).
 *
 * `npm run bench -- --500k` also measures 500,000 rows once (linear within the default heap).
 */
import { spawnSync } from 'child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { launcherFlags } from './launcherFlags';
import { ledgerXlsx } from './ledgerXlsx';

const WORKER = join(__dirname, 'bench-worker.cjs');
const AS_OF = ['--as-of', '2026-11-21'];
/** The Node flags bin/ledger-check.js's shebang gives a clerk's run; floor and check both get them. */
const NODE_FLAGS = launcherFlags();

interface CommandRun {
  ms: number;
  growth: number;
}
interface FloorRun {
  cold: number;
  warm: number;
  sheetBytes: number;
}

/** Runs the worker in a fresh process, its stdout to /dev/null, and returns what it measured. */
function fresh<T>(dir: string, args: string[]): T {
  const result = join(dir, 'result.json');
  const devNull = openSync('/dev/null', 'w');
  try {
    const child = spawnSync(process.execPath, ['--expose-gc', ...NODE_FLAGS, WORKER, result, ...args], {
      stdio: ['ignore', devNull, 'pipe'],
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`bench worker failed: ${child.stderr}`);
    return JSON.parse(readFileSync(result, 'utf8')) as T;
  } finally {
    closeSync(devNull);
    rmSync(result, { force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fixed = (n: number, width: number, digits = 0) => n.toFixed(digits).padStart(width);

export async function benchFiles(sizes: number[] = [10_000, 50_000, 100_000]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zgtz-bench-'));
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  console.log(
    `File layer — the compiled ledger-check on .xlsx end to end, CPU ms, fresh processes (node ${NODE_FLAGS.join(' ')}, as the bin), median of runs\n`,
  );
  console.log(
    'rows      file      sheet    floor  (warm)   check   --out   check/floor  out/check  memory/sheet  (--json)',
  );
  try {
    for (const rows of sizes) {
      const bytes = ledgerXlsx(rows);
      const input = join(dir, `ledger-${rows}.xlsx`);
      writeFileSync(input, bytes);
      // At 10k one run moves by ±15 ms of about 230, and more on a busy machine: more rounds there
      // steady the median. At 50k and 100k the copy's ratio moved by ±0.03 between whole runs of 7
      // rounds (1.46–1.52 on one evening), as much as its margin: 11 rounds.
      const runs = rows <= 10_000 ? 15 : rows <= 100_000 ? 11 : 1;
      const floors: FloorRun[] = [];
      const checks: CommandRun[] = [];
      const outs: number[] = [];
      const texts: CommandRun[] = [];
      for (let i = 0; i < runs; i++) {
        floors.push(fresh<FloorRun>(dir, ['floor', input]));
        checks.push(fresh<CommandRun>(dir, ['check', input, '--json', ...AS_OF]));
        const out = join(dir, `out-${rows}-${i}.xlsx`);
        outs.push(fresh<CommandRun>(dir, ['check', input, '--json', ...AS_OF, '--out', out]).ms);
        rmSync(out);
        texts.push(fresh<CommandRun>(dir, ['check', input, ...AS_OF]));
      }
      const sheetBytes = floors[0].sheetBytes;
      const f = median(floors.map((r) => r.cold));
      const warm = median(floors.map((r) => r.warm));
      const c = median(checks.map((r) => r.ms));
      const o = median(outs);
      // Each ratio from the runs of one round (a second or two apart), then the median over the
      // rounds: a neighbour's load that comes and goes between rounds falls on both sides of a ratio.
      const checkFloor = median(checks.map((r, k) => r.ms / floors[k].cold));
      const outCheck = median(outs.map((ms, k) => ms / checks[k].ms));
      const memText = median(texts.map((r) => r.growth)) / sheetBytes;
      const memJson = median(checks.map((r) => r.growth)) / sheetBytes;
      console.log(
        `${String(rows).padEnd(9)} ${mb(bytes.length).padStart(8)} ${mb(sheetBytes).padStart(9)} ${fixed(f, 7)} ${fixed(warm, 7)} ${fixed(c, 7)} ${fixed(o, 7)}   ${fixed(checkFloor, 11, 2)}  ${fixed(outCheck, 9, 2)}  ${fixed(memText, 12, 1)}  ${fixed(memJson, 8, 1)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    '\ntargets: check/floor ≤ 3, out/check ≤ 1.5, memory/sheet < 10 (peak RSS growth of the check over the' +
      ' inflated sheet, text report; --json: the same with --json). Floor and check are each the first run' +
      ' of a fresh process; (warm) is the floor’s lowest of three later passes, for reference.\n',
  );
}

if (require.main === module) {
  if (process.argv.includes('--500k')) void benchFiles([500_000]);
  else if (process.argv.includes('--quick')) void benchFiles([10_000, 50_000]);
  else void benchFiles();
}
