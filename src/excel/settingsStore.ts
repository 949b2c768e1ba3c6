/** Settings saved inside the workbook (Office document settings), validated on the way in. */
import { parseSettings, type LedgerSettings } from '../core/options';
import type { OfficeEnv } from './env';
import { errors } from './errors';

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
      // saveAsync can fail (read-only document, a save under way): one plain sentence, not Office's.
      if (result && String(result.status).toLowerCase() === 'failed') reject(errors.settingsNotSaved());
      else resolve();
    });
  });
}
