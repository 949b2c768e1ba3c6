/** Wires the in-memory Excel into the host's OfficeEnv, in place of the Office globals. */
import type { OfficeEnv, SettingsLike } from '../excel/env';
import type { FakeWorkbook } from './fakeExcel';

export function fakeEnv(wb: FakeWorkbook): OfficeEnv {
  return {
    run: <T>(
      batch: (context: Excel.RequestContext) => Promise<T>,
      options?: { delayForCellEdit?: boolean },
    ) => wb.run((ctx) => batch(ctx as unknown as Excel.RequestContext), options),
    isSetSupported: (name, version) => wb.isSetSupported(name, version),
    settings: () => wb.settings() as unknown as SettingsLike,
    displayLanguage: () => wb.displayLanguage,
  };
}
