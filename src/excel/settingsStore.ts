/** Settings saved inside the workbook (Office document settings), validated on the way in. */
import { parseSettings, type LedgerSettings } from '../core/options';
import type { OfficeEnv } from './env';
import { HostError } from './host';

export const SETTINGS_KEY = 'zhenggai.settings';

export function loadSettings(env: OfficeEnv): LedgerSettings | null {
  const raw = env.settings().get(SETTINGS_KEY);
  if (raw === null || raw === undefined) return null;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return parseSettings(null);
    }
  }
  return parseSettings(value);
}

export function saveSettings(env: OfficeEnv, settings: LedgerSettings): Promise<void> {
  const store = env.settings();
  store.set(SETTINGS_KEY, parseSettings(settings));
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      if (result && String(result.status).toLowerCase() === 'failed') {
        const why = result.error?.message ?? '';
        reject(new HostError('unknown', `设置未能保存：${why}`, `The settings could not be saved: ${why}`));
      } else resolve();
    });
  });
}
