/**
 * Ledger from a rectification doc (issue 5): paste or open the 整改方案's text, preview the rows it yields, and only
 * then write them to a new sheet. Editing the text after a preview asks for a new preview, so what
 * is written is always what the clerk saw.
 */
import { useCallback, useState } from 'react';
import type { LedgerHost } from '../excel/host';
import type { Lang } from '../core/types';
import { loadImporter, type ImportSuccess } from './engine';
import { errorText, logProblem, showSheet } from './logic';
import type { Strings } from './i18n';
import type { Notice } from './useLedgerCheck';
import { useExclusive } from './useExclusive';
import { fileBuffer, fileText } from './readFile';

export type Preview =
  { ok: true; text: string; result: ImportSuccess } | { ok: false; text: string; message: string };

export interface DocImportState {
  text: string;
  setText: (text: string) => void;
  sheetName: string;
  setSheetName: (name: string) => void;
  preview: Preview | null;
  /** The preview no longer matches the text. */
  previewStale: boolean;
  busy: 'reading-file' | 'preview' | 'write' | null;
  notice: Notice | null;
  dismissNotice: () => void;
  runPreview: () => Promise<void>;
  write: () => Promise<void>;
  openFile: (file: File) => Promise<void>;
}

export function useDocImport(host: LedgerHost, lang: Lang, t: Strings): DocImportState {
  const [text, setTextState] = useState('');
  const [sheetName, setSheetName] = useState(t.defaultSheetName);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, exclusive } = useExclusive<Exclude<DocImportState['busy'], null>>();

  const setText = useCallback((next: string) => {
    setTextState(next);
    setNotice(null);
  }, []);

  const runPreview = useCallback(
    () =>
      exclusive('preview', async () => {
        setNotice(null);
        if (!text.trim()) {
          setPreview(null);
          setNotice({ intent: 'info', text: t.importEmpty });
          return;
        }
        try {
          const { parseRectificationDoc } = await loadImporter();
          const result = parseRectificationDoc(text);
          setPreview(result.ok ? { ok: true, text, result } : { ok: false, text, message: result.message });
        } catch (e) {
          logProblem(e);
          setPreview(null);
          setNotice({ intent: 'error', text: t.notAvailable });
        }
      }),
    [exclusive, t, text],
  );

  const write = useCallback(
    () =>
      exclusive('write', async () => {
        setNotice(null);
        // Only what was previewed, unchanged, is written.
        if (!preview || !preview.ok || preview.text !== text) {
          setNotice({ intent: 'info', text: preview ? t.importChanged : t.importEmpty });
          return;
        }
        try {
          const { layoutPlan } = await loadImporter();
          const plan = layoutPlan(preview.result, sheetName.trim() || t.defaultSheetName);
          const [written] = await host.writeSheets([plan]);
          const name = written?.name ?? plan.name;
          const { missing } = preview.result;
          const details = [t.importLacking(missing.department, missing.deadline)];
          if (written && written.name !== written.wanted)
            details.push(t.sheetRenamed(written.wanted, written.name));
          if (written?.replaced) details.push(t.importReplaced);
          // Show what was written, so the next 检查台账 checks the new ledger, and say so.
          if (await showSheet(host, name)) details.push(t.sheetShown(name));
          // The preview is done with: a second click must not write the same rows again.
          setPreview(null);
          setNotice({
            intent:
              missing.department > 0 || missing.deadline > 0 || written?.replaced ? 'warning' : 'success',
            text: t.importWritten(name, preview.result.rows.length),
            details,
          });
        } catch (e) {
          logProblem(e);
          setNotice({ intent: 'error', text: errorText(e, lang, t, 'import') });
        }
      }),
    [exclusive, host, lang, preview, sheetName, t, text],
  );

  const openFile = useCallback(
    (file: File) =>
      exclusive('reading-file', async () => {
        setNotice(null);
        const name = file.name.toLowerCase();
        try {
          if (name.endsWith('.docx')) {
            let extract: ((buffer: ArrayBuffer) => Promise<string>) | null = null;
            try {
              const mammoth = await import('mammoth');
              const api = mammoth.default ?? mammoth;
              extract = async (arrayBuffer) => (await api.extractRawText({ arrayBuffer })).value;
            } catch (e) {
              logProblem(e);
              setNotice({ intent: 'warning', text: t.importFileDocxUnavailable });
              return;
            }
            setText(await extract(await fileBuffer(file)));
          } else {
            setText(await fileText(file));
          }
          setPreview(null);
        } catch (e) {
          logProblem(e);
          setNotice({ intent: 'warning', text: t.importFileReadError });
        }
      }),
    [exclusive, setText, t],
  );

  return {
    text,
    setText,
    sheetName,
    setSheetName,
    preview,
    previewStale: preview !== null && preview.text !== text,
    busy,
    notice,
    dismissNotice: useCallback(() => setNotice(null), []),
    runPreview,
    write,
    openFile,
  };
}
