import { useCallback, useRef, useState } from 'react';

/**
 * Runs one action at a time: a second click while one runs is ignored (a clerk double-clicking
 * 检查台账 must not read and mark the sheet twice). `busy` names the action running, for the UI;
 * `after` runs once the action ended, however it ended.
 */
export function useExclusive<Kind extends string>(after?: () => void) {
  const [busy, setBusy] = useState<Kind | null>(null);
  const running = useRef(false);
  const afterRef = useRef(after);
  afterRef.current = after;
  const exclusive = useCallback(async (kind: Kind, body: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(kind);
    try {
      await body();
    } finally {
      running.current = false;
      setBusy(null);
      afterRef.current?.();
    }
  }, []);
  return { busy, exclusive };
}
