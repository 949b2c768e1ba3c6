/**
 * The check, its results and the actions on them (clear marks, write summary, go to a finding),
 * as a hook with plain state, so a test can drive it through a fake LedgerHost.
 */
import { useCallback, useRef, useState } from 'react';
import { HostError, type LedgerHost, type ReadProgress, type WrittenSheet } from '../excel/host';
import type { Finding, Grid, HeaderResult, Lang, SheetReport } from '../core/types';
import {
  checkGrid,
  checkOptionsFromSettings,
  loadSummaryPlanner,
  planMarks,
  summarySentence,
  summarize,
  type LedgerSettings,
  type LedgerSummary,
} from './engine';
import { errorText, logProblem, findingAddress, showSheet, nextTick, type ActionKey } from './logic';
import type { Strings } from './i18n';
import { useExclusive } from './useExclusive';

export type Phase = 'reading' | 'checking' | 'marking' | 'writing';

export interface CheckedResult {
  kind: 'done';
  report: SheetReport;
  header: HeaderResult;
  summary: LedgerSummary;
  sentence: string;
  asOf: string;
  /** The settings the check ran with, to tell when the results are out of date. */
  settings: LedgerSettings;
}

export interface NoHeaderResult {
  kind: 'no-header';
  sheet: string;
  message: string;
  seen: string[];
  settings: LedgerSettings;
}

export type CheckOutcome = CheckedResult | NoHeaderResult;

export type Busy = 'check' | 'clear' | 'summary' | null;

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: string;
  /** Further lines (sheets renamed, the host's reason). */
  details?: string[];
}

export interface LedgerCheckState {
  busy: Busy;
  phase: Phase | null;
  progress: ReadProgress | null;
  outcome: CheckOutcome | null;
  /** The last sheet read and its header, for the column choosers. */
  columnsSource: { grid: Grid; header: HeaderResult | null } | null;
  notice: Notice | null;
  dismissNotice: () => void;
  runCheck: () => Promise<void>;
  clearMarks: () => Promise<void>;
  writeSummary: () => Promise<void>;
  goTo: (finding: Finding) => Promise<void>;
  /**
   * Stops the running check or summary between round trips: while reading (after any chunk),
   * before marking, or while marking or writing the summary sheets up to their last step (the host
   * takes back what it wrote, see WriteControl). Nothing is left half-done: a cancel that comes
   * too late lets the write finish whole, and the notice says so.
   */
  cancel: () => void;
  /** True from a cancel request until the check stops. */
  cancelling: boolean;
}

/** Thrown inside the check when the clerk cancelled; never shown. */
class Cancelled extends Error {}

/** The host stopped a write because the clerk cancelled (nothing was changed). */
function isCancelled(e: unknown): boolean {
  return e instanceof HostError && e.code === 'cancelled';
}

export function useLedgerCheck(
  host: LedgerHost,
  lang: Lang,
  t: Strings,
  settings: LedgerSettings,
): LedgerCheckState {
  const [phase, setPhase] = useState<Phase | null>(null);
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [columnsSource, setColumnsSource] = useState<LedgerCheckState['columnsSource']>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // One controller per run; cancel() aborts it, the host checks it between round trips.
  const controller = useRef<AbortController | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const cancel = useCallback(() => {
    if (!controller.current || controller.current.signal.aborted) return;
    controller.current.abort();
    setCancelling(true);
  }, []);
  const start = useCallback(() => {
    controller.current = new AbortController();
    setCancelling(false);
    return controller.current.signal;
  }, []);
  const { busy, exclusive } = useExclusive<Exclude<Busy, null>>(() => {
    setPhase(null);
    setProgress(null);
  });

  const fail = useCallback(
    (e: unknown, action: ActionKey) => {
      // The clerk gets a plain sentence; the details stay in the console for whoever supports them.
      logProblem(e);
      setNotice({ intent: 'error', text: errorText(e, lang, t, action) });
    },
    [lang, t],
  );

  const runCheck = useCallback(
    () =>
      exclusive('check', async () => {
        setNotice(null);
        setPhase('reading');
        setProgress(null);
        const signal = start();
        const stopIfCancelled = () => {
          if (signal.aborted) throw new Cancelled();
        };
        const usedSettings = settings;
        try {
          const grid = await host.readActiveSheet((p) => {
            // Between chunks: a cancel stops the read here (the host reads only, so nothing to undo).
            stopIfCancelled();
            setProgress({ done: p.done, total: p.total });
          });
          stopIfCancelled();
          setPhase('checking');
          await nextTick();
          stopIfCancelled();
          const options = checkOptionsFromSettings(usedSettings, lang);
          const result = checkGrid(grid, options);
          // The last moment to stop: after this the results are shown and the sheet is marked.
          await nextTick();
          stopIfCancelled();
          if (!result.ok && result.reason === 'tool-sheet') {
            // A summary, list or mark table the tool wrote: said in one sentence, nothing marked.
            setOutcome(null);
            setColumnsSource(null);
            setNotice({ intent: 'info', text: t.toolSheet(grid.sheet) });
            return;
          }
          if (!result.ok) {
            setColumnsSource({ grid, header: null });
            setOutcome({
              kind: 'no-header',
              sheet: grid.sheet,
              message: result.message,
              seen: result.seen,
              settings: usedSettings,
            });
            return;
          }
          const { report, header } = result;
          const summary = summarize([report], { asOf: options.asOf, ledgerName: report.name });
          setColumnsSource({ grid, header });
          setOutcome({
            kind: 'done',
            report,
            header,
            summary,
            sentence: summarySentence(summary, lang),
            asOf: options.asOf,
            settings: usedSettings,
          });
          setPhase('marking');
          setProgress(null);
          await nextTick();
          try {
            await host.applyMarks(planMarks(report, { markDone: usedSettings.markDone }), {
              signal,
              onProgress: (done, total) => setProgress({ done, total }),
            });
          } catch (e) {
            if (isCancelled(e)) {
              // The host took back what it wrote: the results stand, the old marks are kept.
              setNotice({ intent: 'info', text: t.marksCancelled });
              return;
            }
            // The results stand; only the colouring failed (a protected sheet, cell edit mode).
            logProblem(e);
            setNotice({
              intent: 'warning',
              text: t.marksNotApplied,
              details: [errorText(e, lang, t, 'check')],
            });
          }
        } catch (e) {
          if (signal.aborted) {
            // Cancelled before anything was written: the earlier results (if any) still stand.
            setNotice({ intent: 'info', text: t.checkCancelled });
            return;
          }
          // A failed check replaces the old results: they were for another sheet or another moment.
          setOutcome(null);
          fail(e, 'check');
        } finally {
          controller.current = null;
          setCancelling(false);
        }
      }),
    [exclusive, fail, host, lang, settings, start, t],
  );

  const clearMarks = useCallback(
    () =>
      exclusive('clear', async () => {
        setNotice(null);
        try {
          const removed = await host.clearMarks();
          setNotice({ intent: 'success', text: t.marksCleared(removed) });
        } catch (e) {
          fail(e, 'clearMarks');
        }
      }),
    [exclusive, fail, host, t],
  );

  const writeSummary = useCallback(
    () =>
      exclusive('summary', async () => {
        setNotice(null);
        if (!outcome || outcome.kind !== 'done') {
          setNotice({ intent: 'info', text: t.needCheckFirst });
          return;
        }
        const signal = start();
        setPhase('writing');
        setProgress(null);
        try {
          const { planSummarySheets } = await loadSummaryPlanner();
          const plans = planSummarySheets(outcome.summary, {
            dueSoonDays: outcome.settings.dueSoonDays,
          });
          const written = await host.writeSheets(plans, {
            signal,
            onProgress: (done, total) => setProgress({ done, total }),
          });
          const notice = writtenNotice(written, t);
          // A cancel during the last step came too late: the sheets were written whole.
          if (signal.aborted) notice.details = [t.cancelTooLate, ...(notice.details ?? [])];
          // Show the new 整改汇总; the next 检查台账 would check it, so say how to get back.
          if (written[0] && (await showSheet(host, written[0].name)))
            notice.details = [
              ...(notice.details ?? []),
              t.summaryShown(written[0].name, outcome.report.name),
            ];
          setNotice(notice);
        } catch (e) {
          if (isCancelled(e)) {
            setNotice({ intent: 'info', text: t.summaryCancelled });
            return;
          }
          fail(e, 'summary');
        } finally {
          controller.current = null;
          setCancelling(false);
        }
      }),
    [exclusive, fail, host, outcome, start, t],
  );

  const goTo = useCallback(
    async (finding: Finding) => {
      if (!outcome || outcome.kind !== 'done') return;
      try {
        await host.selectCell(outcome.report.name, findingAddress(finding, outcome.report));
      } catch (e) {
        fail(e, 'select');
      }
    },
    [fail, host, outcome],
  );

  const dismissNotice = useCallback(() => setNotice(null), []);

  return {
    busy,
    phase,
    progress,
    outcome,
    columnsSource,
    notice,
    dismissNotice,
    runCheck,
    clearMarks,
    writeSummary,
    goTo,
    cancel,
    cancelling,
  };
}

export function writtenNotice(written: WrittenSheet[], t: Strings): Notice {
  const details: string[] = [];
  for (const w of written) {
    if (w.name !== w.wanted) details.push(t.sheetRenamed(w.wanted, w.name));
  }
  return { intent: 'success', text: t.sheetsWritten(written.map((w) => w.name)), details };
}
