/**
 * The clerk's settings: loaded from the workbook when the pane opens, saved back on every change
 * (saves run one after another, so the last change is the one that stays).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LedgerHost } from '../excel/host';
import { defaultSettings, ledgerSettingsSchema, parseSettings, type LedgerSettings } from './engine';
import { errorText } from './logic';
import type { Strings } from './i18n';
import type { Lang } from '../core/types';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface SettingsState {
  settings: LedgerSettings;
  /** False until the saved settings were read (or found missing). */
  loaded: boolean;
  saveState: SaveState;
  /** A sentence for the clerk when loading or saving failed. */
  error: string | null;
  /** Applies a change and saves it. */
  update: (change: Partial<LedgerSettings> | ((s: LedgerSettings) => LedgerSettings)) => void;
}

export function useLedgerSettings(host: LedgerHost, lang: Lang, t: Strings): SettingsState {
  const [settings, setSettings] = useState<LedgerSettings>(() => defaultSettings());
  const [loaded, setLoaded] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const changedBeforeLoad = useRef(false);
  const current = useRef(settings);
  const saveChain = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);

  useEffect(() => {
    let alive = true;
    host
      .loadSettings()
      .then((saved) => {
        if (!alive) return;
        // A clerk who changed something while loading keeps the change.
        if (saved && !changedBeforeLoad.current) {
          const parsed = parseSettings(saved);
          current.current = parsed;
          setSettings(parsed);
        }
      })
      .catch((e: unknown) => {
        if (alive) setError(errorText(e, lang, t, 'loadSettings'));
      })
      .finally(() => {
        if (alive) setLoaded(true);
      });
    return () => {
      alive = false;
    };
    // Load once per host; language changes do not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const update = useCallback<SettingsState['update']>(
    (change) => {
      const prev = current.current;
      const parsed = ledgerSettingsSchema.safeParse(
        typeof change === 'function' ? change(prev) : { ...prev, ...change },
      );
      // A value the schema refuses (a typed-in 999 days) is ignored rather than resetting everything.
      if (!parsed.success) return;
      const next = parsed.data;
      // Each save to the workbook clears Excel's undo list: save only what really changed.
      if (JSON.stringify(next) === JSON.stringify(prev)) return;
      changedBeforeLoad.current = true;
      current.current = next;
      setSettings(next);
      setSaveState('saving');
      setError(null);
      pending.current++;
      saveChain.current = saveChain.current
        // Changes made while a save runs (typing 1, 4 into 提前提醒天数) are saved once, the last one.
        .then(() => (current.current === next ? host.saveSettings(next) : undefined))
        .then(
          () => {
            pending.current--;
            if (pending.current === 0) setSaveState('saved');
          },
          (e: unknown) => {
            pending.current--;
            setSaveState('error');
            setError(errorText(e, lang, t, 'settings'));
          },
        );
    },
    [host, lang, t],
  );

  return { settings, loaded, saveState, error, update };
}
