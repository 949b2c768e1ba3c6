/**
 * 合并各单位台账 in the pane: the clerk picks the units' files (or takes every sheet of the open
 * workbook), the pane reads and checks them one at a time with the same reader and engine as the
 * command line, shows the units and their figures, and writes the same four sheets through the
 * host. The reader and the 汇总 planner are loaded only when this view is used.
 */
import { useCallback, useState } from 'react';
import type { LedgerHost } from '../excel/host';
import type { ConsolidationResult, FileInput } from '../core/consolidate';
import type { Lang } from '../core/types';
import { checkOptionsFromSettings, loadMerger, type LedgerSettings } from './engine';
import type { Strings } from './i18n';
import { errorText, nextTick } from './logic';
import type { MergeStrings } from './mergeStrings';
import type { Notice } from './useLedgerCheck';
import { useExclusive } from './useExclusive';
import { fileBuffer } from './readFile';

export { loadMerger };

export interface MergeProgress {
  done: number;
  total: number;
  name: string;
}

export interface MergeState {
  busy: 'reading' | 'writing' | null;
  progress: MergeProgress | null;
  result: ConsolidationResult | null;
  /** "共读取…个文件、…个单位、…项措施；…" for the result. */
  totals: string | null;
  /** The report sentence for all units, in the pane's language. */
  sentence: string | null;
  /** Files left out before reading (lock files, the tool's own output). */
  ignored: string[];
  notice: Notice | null;
  dismissNotice: () => void;
  /** Host can read every sheet of the open workbook. */
  canReadWorkbook: boolean;
  readFiles: (files: File[]) => Promise<void>;
  readWorkbook: () => Promise<void>;
  write: () => Promise<void>;
}

export function useMerge(
  host: LedgerHost,
  lang: Lang,
  t: Strings,
  m: MergeStrings,
  settings: LedgerSettings,
): MergeState {
  const [progress, setProgress] = useState<MergeProgress | null>(null);
  const [result, setResult] = useState<ConsolidationResult | null>(null);
  const [totals, setTotals] = useState<string | null>(null);
  const [sentence, setSentence] = useState<string | null>(null);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, exclusive } = useExclusive<'reading' | 'writing'>(() => setProgress(null));

  /** The check's options without the clerk's column choices: those belong to their own sheet. */
  const options = useCallback(
    () => ({ ...checkOptionsFromSettings(settings, lang), columnOverrides: undefined }),
    [lang, settings],
  );

  const finish = useCallback(
    (merged: ConsolidationResult, line: string, said: string) => {
      setResult(merged);
      setTotals(line);
      setSentence(said);
      if (merged.totals.units === 0) setNotice({ intent: 'warning', text: m.nothing });
    },
    [m],
  );

  const readFiles = useCallback(
    (files: File[]) =>
      exclusive('reading', async () => {
        setNotice(null);
        setResult(null);
        setProgress({ done: 0, total: files.length, name: m.loadingReader });
        let merger: Awaited<ReturnType<typeof loadMerger>>;
        try {
          merger = await loadMerger();
        } catch (e) {
          console.error(e);
          setNotice({ intent: 'error', text: m.readerUnavailable });
          return;
        }
        const opts = options();
        const consolidator = new merger.Consolidator({
          asOf: opts.asOf,
          lang,
          dueSoonDays: opts.dueSoonDays,
          detailed: true,
        });
        const skipped: string[] = [];
        // One file at a time: its bytes and grids are let go before the next one is read.
        for (const [i, file] of files.entries()) {
          setProgress({ done: i, total: files.length, name: file.name });
          await nextTick();
          if (file.name.startsWith('~$')) {
            skipped.push(file.name);
            continue;
          }
          let input: FileInput;
          try {
            const bytes = new Uint8Array(await fileBuffer(file));
            if (merger.isToolOutput(bytes)) {
              skipped.push(file.name);
              continue;
            }
            const grids = await merger.readWorkbookBytes(bytes, file.name);
            input = merger.checkFileGrids(file.name, grids, opts, file.lastModified);
          } catch (e) {
            if (!(e instanceof merger.WorkbookError)) console.error(e);
            input = merger.unreadableFile(
              file.name,
              e instanceof merger.WorkbookError ? e.message : m.unexpected,
              file.lastModified,
            );
          }
          consolidator.add(input);
        }
        setIgnored(skipped);
        const merged = consolidator.result();
        finish(merged, merger.totalsLine(merged, lang, false), merger.consolidatedSentence(merged, lang));
      }),
    [exclusive, finish, lang, m, options],
  );

  const readWorkbook = useCallback(
    () =>
      exclusive('reading', async () => {
        setNotice(null);
        setResult(null);
        setIgnored([]);
        if (!host.readAllSheets) {
          setNotice({ intent: 'warning', text: m.sheetsUnsupported });
          return;
        }
        setProgress({ done: 0, total: 1, name: m.readingSheets });
        try {
          const merger = await loadMerger();
          const grids = await host.readAllSheets((p) =>
            setProgress({ done: p.done, total: p.total, name: p.sheet }),
          );
          const opts = options();
          const input = merger.checkFileGrids(m.currentWorkbook, grids, opts);
          if (input.error !== null) {
            setNotice({ intent: 'warning', text: m.noSheets });
            return;
          }
          const merged = merger.consolidate([{ ...input, sheetsAreUnits: true }], {
            asOf: opts.asOf,
            lang,
            dueSoonDays: opts.dueSoonDays,
          });
          finish(merged, merger.totalsLine(merged, lang, false), merger.consolidatedSentence(merged, lang));
        } catch (e) {
          console.error(e);
          setNotice({ intent: 'error', text: errorText(e, lang, t, 'check') });
        }
      }),
    [exclusive, finish, host, lang, m, options, t],
  );

  const write = useCallback(
    () =>
      exclusive('writing', async () => {
        setNotice(null);
        if (!result || result.totals.units === 0) return;
        try {
          const { planMergeSheets } = await loadMerger();
          const written = await host.writeSheets(planMergeSheets(result));
          const details = written.filter((w) => w.name !== w.wanted).map((w) => m.renamed(w.wanted, w.name));
          setNotice({
            intent: details.length ? 'warning' : 'success',
            text: m.written(written.map((w) => w.name)),
            details,
          });
        } catch (e) {
          console.error(e);
          setNotice({ intent: 'error', text: errorText(e, lang, t, 'summary') });
        }
      }),
    [exclusive, host, lang, m, result, t],
  );

  return {
    busy,
    progress,
    result,
    totals,
    sentence,
    ignored,
    notice,
    dismissNotice: useCallback(() => setNotice(null), []),
    canReadWorkbook: typeof host.readAllSheets === 'function',
    readFiles,
    readWorkbook,
    write,
  };
}
