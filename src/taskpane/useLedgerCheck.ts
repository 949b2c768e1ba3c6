/**
 * The check, its results and the actions on them (clear marks, write summary, go to a finding),
 * as a hook with plain state, so a test can drive it through a fake LedgerHost.
 */
import { useCallback, useRef, useState } from 'react';
import type { LedgerHost, ReadProgress, WrittenSheet } from '../excel/host';
import type { Finding, Grid, HeaderResult, Lang, SheetReport } from '../core/types';
import {
  checkGrid,
  checkOptionsFromSettings,
  loadSummaryPlanner,
  planMarks,
  reportSentence,
  summarize,
  type LedgerSettings,
  type LedgerSummary,
} from './engine';
import { errorText, logProblem, findingAddress, showSheet, nextTick, type ActionKey } from './logic';
import type { Strings } from './i18n';
import { useExclusive } from './useExclusive';

export type Phase = 'reading' | 'checking' | 'marking';

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
   * Stops the running check between chunks: while reading (after any chunk) or before marking.
   * Nothing has been written by then, so nothing is left half-done. Marking itself is one short
   * host call (a few round trips even for 50,000 rows) and is not interrupted.
   */
  cancel: () => void;
  /** True from a cancel request until the check stops. */
  cancelling: boolean;
}

/** Thrown inside the check when the clerk cancelled; never shown. */
class Cancelled extends Error {}

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
  const cancelRequested = useRef(false);
  const [cancelling, setCancelling] = useState(false);
  const cancel = useCallback(() => {
    cancelRequested.current = true;
    setCancelling(true);
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
        cancelRequested.current = false;
        setCancelling(false);
        const stopIfCancelled = () => {
          if (cancelRequested.current) throw new Cancelled();
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
            sentence: reportSentence(summary, lang),
            asOf: options.asOf,
            settings: usedSettings,
          });
          setPhase('marking');
          await nextTick();
          try {
            await host.applyMarks(planMarks(report, { markDone: usedSettings.markDone }));
          } catch (e) {
            // The results stand; only the colouring failed (a protected sheet, cell edit mode).
            logProblem(e);
            setNotice({
              intent: 'warning',
              text: t.marksNotApplied,
              details: [errorText(e, lang, t, 'check')],
            });
          }
        } catch (e) {
          if (cancelRequested.current) {
            // Cancelled before anything was written: the earlier results (if any) still stand.
            setNotice({ intent: 'info', text: t.checkCancelled });
            return;
          }
          // A failed check replaces the old results: they were for another sheet or another moment.
          setOutcome(null);
          fail(e, 'check');
        } finally {
          cancelRequested.current = false;
          setCancelling(false);
        }
      }),
    [exclusive, fail, host, lang, settings, t],
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
        try {
          const { planSummarySheets } = await loadSummaryPlanner();
          const plans = planSummarySheets(outcome.summary, [outcome.report], {
            dueSoonDays: outcome.settings.dueSoonDays,
          });
          const written = await host.writeSheets(plans);
          const notice = writtenNotice(written, t);
          // Show the new 整改汇总; the next 检查台账 would check it, so say how to get back.
          if (written[0] && (await showSheet(host, written[0].name)))
            notice.details = [
              ...(notice.details ?? []),
              t.summaryShown(written[0].name, outcome.report.name),
            ];
          setNotice(notice);
        } catch (e) {
          fail(e, 'summary');
        }
      }),
    [exclusive, fail, host, outcome, t],
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
