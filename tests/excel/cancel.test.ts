/**
 * Cancelling marking and the summary sheets (issue 12 point 11) on the in-memory Excel with the
 * real host code: a cancel at every round trip leaves the workbook exactly as it was before, or
 * (when it comes during the last, committing step) exactly as an uncancelled run leaves it.
 * Never anything in between. Progress is told after every round trip.
 */
import { createHash } from 'node:crypto';
import { checkGrid } from '../../src/core/check';
import { planMarks, type MarkPlan } from '../../src/core/marks';
import type { SheetPlan } from '../../src/core/sheetPlan';
import { summarize } from '../../src/core/summary';
import { planSummarySheets } from '../../src/core/summaryPlans';
import { DEFAULT_REQUIRED } from '../../src/core/types';
import { HostError } from '../../src/excel/host';
import { OfficeHost } from '../../src/excel/officeHost';
import { fakeEnv } from '../../src/testhost/fakeEnv';
import type { FakeWorkbook } from '../../src/testhost/fakeExcel';
import { ledgerWorkbook } from '../../src/testhost/longLedger';

const ROWS = 1500;
const options = { asOf: '2024-06-30', dueSoonDays: 7, required: [...DEFAULT_REQUIRED], lang: 'zh' as const };
/** A small request budget, so that a 2,000-row ledger's summary takes many round trips. */
const WRITE = { budget: 60_000 };

/**
 * Everything the workbook keeps, as a digest (chart names come from a session counter: left out),
 * so that a failure prints two short strings instead of two workbooks.
 */
function snapshot(wb: FakeWorkbook): string {
  const text = JSON.stringify(
    {
      sheets: wb.sheets.map((s) => ({ ...s, charts: s.charts.map((c) => ({ ...c, name: undefined })) })),
      names: wb.names,
      active: wb.activeSheet,
    },
    (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value),
  );
  return `${createHash('sha1').update(text).digest('hex')} (${text.length} chars)`;
}

let plans: { marksA: MarkPlan; marksB: MarkPlan; sheets: SheetPlan[] };
beforeAll(async () => {
  const wb = ledgerWorkbook(ROWS);
  const result = checkGrid(await new OfficeHost(fakeEnv(wb)).readActiveSheet(), options);
  if (!result.ok) throw new Error(result.message);
  const summary = summarize([result.report], { asOf: options.asOf, ledgerName: result.report.name });
  plans = {
    marksA: planMarks(result.report, { markDone: true }),
    marksB: planMarks(result.report, {}),
    sheets: planSummarySheets(summary),
  };
});

/**
 * Runs `write` on a workbook prepared by `setup`, cancelling during round trip k (counted from the
 * write's start) for every k the uncancelled write takes, and checks all or nothing each time.
 */
async function cancelEverywhere(
  setup: (wb: FakeWorkbook, host: OfficeHost) => Promise<void>,
  write: (host: OfficeHost, signal: AbortSignal) => Promise<unknown>,
): Promise<{ cancelled: number; tooLate: number; syncs: number }> {
  const fresh = async () => {
    const wb = ledgerWorkbook(ROWS);
    const host = new OfficeHost(fakeEnv(wb), { write: WRITE });
    await setup(wb, host);
    return { wb, host };
  };
  const reference = await fresh();
  const start = reference.wb.syncCount;
  await write(reference.host, new AbortController().signal);
  const syncs = reference.wb.syncCount - start;
  const after = snapshot(reference.wb);

  let cancelled = 0;
  let tooLate = 0;
  for (let k = 0; k < syncs; k++) {
    const { wb, host } = await fresh();
    const before = snapshot(wb);
    const controller = new AbortController();
    const at = wb.syncCount + k;
    wb.beforeSync = (i) => {
      if (i === at) controller.abort();
    };
    const outcome = await write(host, controller.signal).then(
      () => 'done',
      (e: unknown) => e,
    );
    if (outcome === 'done') {
      tooLate++;
      expect(snapshot(wb)).toBe(after);
    } else {
      cancelled++;
      expect(outcome).toBeInstanceOf(HostError);
      expect(outcome).toMatchObject({ code: 'cancelled' });
      expect(snapshot(wb)).toBe(before);
    }
  }
  return { cancelled, tooLate, syncs };
}

describe('cancelling marks', () => {
  it('keeps the old marks when cancelled at any round trip before the last', async () => {
    const r = await cancelEverywhere(
      async (_wb, host) => {
        await host.applyMarks(plans.marksA);
      },
      (host, signal) => host.applyMarks(plans.marksB, { signal }),
    );
    // Two round trips look; the last one makes the new marks live.
    expect(r).toEqual({ cancelled: r.syncs - 1, tooLate: 1, syncs: r.syncs });
    expect(r.syncs).toBeGreaterThanOrEqual(3);
  });

  it('does nothing at all when cancelled before it starts, and tells progress in mark-table rows', async () => {
    const wb = ledgerWorkbook(ROWS);
    const host = new OfficeHost(fakeEnv(wb));
    await host.applyMarks(plans.marksA);
    const before = snapshot(wb);
    const syncs = wb.syncCount;
    const controller = new AbortController();
    controller.abort();
    await expect(host.applyMarks(plans.marksB, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(wb.syncCount).toBe(syncs);
    expect(snapshot(wb)).toBe(before);

    const seen: Array<[number, number]> = [];
    await host.applyMarks(plans.marksB, { onProgress: (done, total) => seen.push([done, total]) });
    const total = seen[0][1];
    expect(total).toBeGreaterThanOrEqual(ROWS);
    expect(seen[0]).toEqual([0, total]);
    expect(seen[seen.length - 1]).toEqual([total, total]);
  });
});

describe('cancelling the summary sheets', () => {
  it('written the first time: a cancel before the markers deletes every new sheet', async () => {
    const r = await cancelEverywhere(
      async () => undefined,
      (host, signal) => host.writeSheets(plans.sheets, { signal }),
    );
    expect(r.syncs).toBeGreaterThan(10);
    expect(r.cancelled).toBeGreaterThan(r.syncs - 3);
    expect(r.tooLate).toBeGreaterThanOrEqual(1);
  });

  it('regenerated while the clerk deleted one list: the in-place rewrite commits last', async () => {
    const r = await cancelEverywhere(
      async (wb, host) => {
        await host.writeSheets(plans.sheets);
        // As Excel deletes a sheet: the names that pointed at it now say #REF!.
        wb.sheets.splice(
          wb.sheets.findIndex((s) => s.name === '逾期清单'),
          1,
        );
        for (const n of wb.names) if (n.reference.startsWith("'逾期清单'!")) n.reference = '#REF!';
      },
      (host, signal) => host.writeSheets(plans.sheets, { signal }),
    );
    expect(r.cancelled).toBeGreaterThan(3);
    expect(r.tooLate).toBeGreaterThanOrEqual(2);
  });

  it('tells progress after every round trip, up to every plan row', async () => {
    const wb = ledgerWorkbook(ROWS);
    const host = new OfficeHost(fakeEnv(wb), { write: WRITE });
    const seen: Array<[number, number]> = [];
    const start = wb.syncCount;
    await host.writeSheets(plans.sheets, { onProgress: (done, total) => seen.push([done, total]) });
    const total = plans.sheets.reduce((n, p) => n + p.rows.length, 0);
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    expect(seen[seen.length - 1][0]).toBe(total);
    expect(new Set(seen.map(([d]) => d)).size).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeGreaterThanOrEqual(wb.syncCount - start - 3);
  });
});
