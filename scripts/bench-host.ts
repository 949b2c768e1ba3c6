/**
 * The add-in host's traffic with Excel, measured on the in-memory Excel (src/testhost/fakeExcel.ts):
 * for ledgers of 10k and 50k rows × 15 columns with long Chinese text, at ExcelApi 1.7 (Excel
 * 2019), 1.9 and 1.13, how many round trips (context.sync calls) reading the sheet, marking it
 * (applyMarks with the engine's planMarks), marking it again and writing the three summary
 * sheets take, how many bytes go each way (total and largest), and how many conditional-format
 * rules the marks leave on the sheet.
 *
 * The fake counts, per sync, the UTF-8 JSON size of what the response carries (every queued
 * load) and of what the request carries (every queued operation with its arguments plus a fixed
 * overhead). Excel on the web refuses either over 5 MB.
 *
 * Time: the read through the fake host (which includes building the fake's responses and the
 * host's conversion to the engine's Grid) as a ratio to JSON.parse of the same Grid, in the same
 * run (machines here are shared and noisy, so the ratio means more than milliseconds).
 */
import { checkGrid } from '../src/core/check';
import { planMarks } from '../src/core/marks';
import { summarize } from '../src/core/summary';
import { planSummarySheets } from '../src/core/summaryPlans';
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
  requestMax: number;
}

function traffic(wb: FakeWorkbook): Traffic {
  return {
    syncs: wb.syncCount,
    responseTotal: wb.responseBytes.reduce((a, b) => a + b, 0),
    responseMax: Math.max(0, ...wb.responseBytes),
    requestTotal: wb.requestBytes.reduce((a, b) => a + b, 0),
    requestMax: Math.max(0, ...wb.requestBytes),
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
  api: number;
  cells: number;
  merges: number;
  mergesKnown: boolean;
  read: Traffic;
  mark: Traffic;
  remark: Traffic;
  summary: Traffic;
  rules: number;
  markGroups: string;
  overdueRows: number;
  readMs: number;
  parseMs: number;
}

async function benchSize(rows: number, api: number, runs: number): Promise<SizeResult> {
  const wb = ledgerWorkbook(rows, { apiVersion: api });
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

  const settings = defaultSettings();
  const result = checkGrid(grid, checkOptionsFromSettings(settings, 'zh', AS_OF));
  if (!result.ok) throw new Error(`the benchmark ledger should be recognised: ${result.message}`);
  const plan = planMarks(result.report, { markDone: settings.markDone });

  wb.resetCounters();
  await host.applyMarks(plan);
  const mark = traffic(wb);
  const rules = sheet.rules.length;
  // Marking again replaces the tool's rules: it first reads their formulas back.
  wb.resetCounters();
  await host.applyMarks(plan);
  const remark = traffic(wb);
  if (sheet.rules.length !== rules) throw new Error('marking twice should not stack rules');

  const summary = summarize([result.report], { asOf: AS_OF, ledgerName: result.report.name });
  const plans = planSummarySheets(summary, { dueSoonDays: settings.dueSoonDays });
  wb.resetCounters();
  await host.writeSheets(plans);
  const written = traffic(wb);
  const overdue = plans.find((p) => p.kind === 'overdue-list');

  return {
    rows,
    api,
    cells: grid.cells.reduce((n, r) => n + r.length, 0),
    merges: grid.merges.length,
    mergesKnown: grid.mergesKnown !== false,
    read,
    mark,
    remark,
    summary: written,
    rules,
    markGroups: plan.groups.map((g) => `${g.kind} ${g.areas.length}`).join(', '),
    overdueRows: overdue ? overdue.rows.length : 0,
    readMs: median(readTimes),
    parseMs: median(parseTimes),
  };
}

const kb = (n: number) => (n < 10_240 ? `${Math.round(n)} B` : `${(n / 1024).toFixed(0)} KB`);

function line(label: string, t: Traffic): string {
  return [
    label.padEnd(22),
    String(t.syncs).padStart(6),
    kb(t.responseTotal).padStart(11),
    kb(t.responseMax).padStart(10),
    kb(t.requestTotal).padStart(10),
    kb(t.requestMax).padStart(10),
  ].join('  ');
}

export async function benchHost(): Promise<void> {
  console.log(
    '\n整改台账助手 benchmark — the add-in host on the in-memory Excel (src/testhost/fakeExcel.ts), ' +
      `${COLUMNS} columns, long Chinese text, at ExcelApi 1.7 (Excel 2019), 1.9 and 1.13`,
  );
  console.log(
    'bytes: UTF-8 JSON per sync of the response (what loads carry) and of the request (every queued operation ' +
      'with its arguments: values, formats, addresses, rules, fonts, borders, links, merges)\n',
  );
  const results: SizeResult[] = [];
  for (const rows of [10_000, 50_000])
    for (const api of [7, 9, 13]) results.push(await benchSize(rows, api, rows > 10_000 ? 1 : 3));
  let largest = 0;
  for (const r of results) {
    console.log(
      `${r.rows.toLocaleString('en')} rows at ExcelApi 1.${r.api} (${r.cells.toLocaleString('en')} cells, ` +
        `${r.merges.toLocaleString('en')} merged areas ${r.mergesKnown ? 'read' : 'inferred by the engine'})`,
    );
    console.log(
      `${''.padEnd(22)}  ${'syncs'.padStart(6)}  ${'response'.padStart(11)}  ${'largest'.padStart(10)}  ${'request'.padStart(
        10,
      )}  ${'largest'.padStart(10)}`,
    );
    console.log(line('read', r.read));
    console.log(line(`mark (${r.rules} CF rules)`, r.mark));
    console.log(line('mark again', r.remark));
    console.log(line(`summary (逾期 ${r.overdueRows} rows)`, r.summary));
    console.log(`  marks planned: ${r.markGroups}; conditional-format rules on the sheet: ${r.rules}`);
    console.log(
      `  read ${r.readMs.toFixed(0)} ms vs JSON.parse of the same grid ${r.parseMs.toFixed(0)} ms: ratio ${(
        r.readMs / r.parseMs
      ).toFixed(1)}\n`,
    );
    for (const t of [r.read, r.mark, r.remark, r.summary])
      largest = Math.max(largest, t.responseMax, t.requestMax);
  }
  console.log(
    `largest request or response ${(largest / RESPONSE_LIMIT).toFixed(2)} of the 5 MB limit: ${
      largest < RESPONSE_LIMIT ? 'under' : 'OVER'
    }`,
  );
}

if (require.main === module) void benchHost();
