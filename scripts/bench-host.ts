/**
 * The add-in host's traffic with Excel, measured on the in-memory Excel (src/testhost/fakeExcel.ts):
 * for ledgers of 10k and 50k rows × 15 columns with long Chinese text, how many round trips
 * (context.sync calls) reading the sheet (readActiveSheet) and marking it (applyMarks with the
 * engine's planMarks of that ledger's report) take, and how many bytes go each way.
 *
 * The fake counts, per sync, the JSON size (UTF-8) of what the response carries (every queued
 * load) and of what the request writes (values, formats, added rules); queued loads themselves
 * are not counted as request bytes, so reading shows only a few. Excel on the web refuses a
 * response over 5 MB; the reader aims well below that.
 *
 * Time: the read through the fake host (which includes building the fake's responses and the
 * host's conversion to the engine's Grid) as a ratio to JSON.parse of the same Grid, in the same
 * run (machines here are shared and noisy, so the ratio means more than milliseconds).
 */
import { checkGrid } from '../src/core/check';
import { planMarks } from '../src/core/marks';
import { checkOptionsFromSettings, defaultSettings } from '../src/core/options';
import type { Grid } from '../src/core/types';
import type { FakeWorkbook } from '../src/testhost/fakeExcel';
import { ledgerWorkbook } from '../src/testhost/longLedger';
import { createMemoryHost } from '../src/testhost/memoryHost';

const COLUMNS = 15;
const AS_OF = '2026-11-21';
const RESPONSE_LIMIT = 5 * 1024 * 1024;

interface Traffic {
  syncs: number;
  responseTotal: number;
  responseMax: number;
  requestTotal: number;
}

function traffic(wb: FakeWorkbook): Traffic {
  return {
    syncs: wb.syncCount,
    responseTotal: wb.responseBytes.reduce((a, b) => a + b, 0),
    responseMax: Math.max(0, ...wb.responseBytes),
    requestTotal: wb.requestBytes.reduce((a, b) => a + b, 0),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface SizeResult {
  rows: number;
  cells: number;
  merges: number;
  read: Traffic;
  mark: Traffic;
  remark: Traffic;
  rules: number;
  markGroups: string;
  readMs: number;
  parseMs: number;
}

async function benchSize(rows: number, runs: number): Promise<SizeResult> {
  const wb = ledgerWorkbook(rows);
  const host = createMemoryHost(wb);
  const sheet = wb.sheets[0];

  const readTimes: number[] = [];
  const parseTimes: number[] = [];
  let grid: Grid | undefined;
  let read: Traffic | undefined;
  for (let i = 0; i < runs; i++) {
    gc();
    wb.resetCounters();
    const [g, ms] = await timed(() => host.readActiveSheet());
    readTimes.push(ms);
    read = traffic(wb);
    grid = g;
    const json = JSON.stringify(g);
    gc();
    parseTimes.push((await timed(() => JSON.parse(json) as Grid))[1]);
  }
  if (!grid || !read) throw new Error('nothing read');

  const result = checkGrid(grid, checkOptionsFromSettings(defaultSettings(), 'zh', AS_OF));
  if (!result.ok) throw new Error(`the benchmark ledger should be recognised: ${result.message}`);
  const plan = planMarks(result.report, { markDone: defaultSettings().markDone });

  wb.resetCounters();
  await host.applyMarks(plan);
  const mark = traffic(wb);
  const rules = sheet.rules.length;
  // Marking again replaces the tool's rules: it first reads their formulas back.
  wb.resetCounters();
  await host.applyMarks(plan);
  const remark = traffic(wb);
  if (sheet.rules.length !== rules) throw new Error('marking twice should not stack rules');

  return {
    rows,
    cells: grid.cells.reduce((n, r) => n + r.length, 0),
    merges: grid.merges.length,
    read,
    mark,
    remark,
    rules,
    markGroups: plan.groups.map((g) => `${g.kind} ${g.areas.length}`).join(', '),
    readMs: median(readTimes),
    parseMs: median(parseTimes),
  };
}

const kb = (n: number) => (n < 10_240 ? `${Math.round(n)} B` : `${(n / 1024).toFixed(0)} KB`);

function line(label: string, t: Traffic): string {
  const per = (n: number) => (t.syncs > 0 ? kb(n / t.syncs) : '-');
  return [
    label.padEnd(17),
    String(t.syncs).padStart(6),
    kb(t.responseTotal).padStart(11),
    kb(t.responseMax).padStart(10),
    per(t.responseTotal).padStart(10),
    kb(t.requestTotal).padStart(10),
    per(t.requestTotal).padStart(10),
  ].join('  ');
}

export async function benchHost(): Promise<void> {
  console.log(
    '\n整改台账助手 benchmark — the add-in host on the in-memory Excel (src/testhost/fakeExcel.ts), ' +
      `${COLUMNS} columns, long Chinese text`,
  );
  console.log(
    'bytes: UTF-8 JSON per sync of the response (what loads carry) and of the request (values written, ' +
      'addresses, rules with formulas and colours)\n',
  );
  const results = [await benchSize(10_000, 5), await benchSize(50_000, 3)];
  for (const r of results) {
    console.log(
      `${r.rows.toLocaleString('en')} rows (${r.cells.toLocaleString('en')} cells, ${r.merges.toLocaleString(
        'en',
      )} merged areas)`,
    );
    console.log(
      `${''.padEnd(17)}  ${'syncs'.padStart(6)}  ${'response'.padStart(11)}  ${'largest'.padStart(
        10,
      )}  ${'per sync'.padStart(10)}  ${'request'.padStart(10)}  ${'per sync'.padStart(10)}`,
    );
    console.log(line('read', r.read));
    console.log(line(`mark (${r.rules} rules)`, r.mark));
    console.log(line('mark again', r.remark));
    console.log(`  marks planned: ${r.markGroups}`);
    console.log(
      `  read ${r.readMs.toFixed(0)} ms vs JSON.parse of the same grid ${r.parseMs.toFixed(0)} ms: ratio ${(
        r.readMs / r.parseMs
      ).toFixed(1)} (median of runs)`,
    );
    const largest = Math.max(r.read.responseMax, r.mark.responseMax, r.remark.responseMax);
    console.log(
      `  largest response ${(largest / RESPONSE_LIMIT).toFixed(2)} of the 5 MB limit: ${
        largest < RESPONSE_LIMIT ? 'under' : 'OVER'
      }\n`,
    );
  }
}

if (require.main === module) void benchHost();
