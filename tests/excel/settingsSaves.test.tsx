/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { OfficeHost } from '../../src/excel/officeHost';
import { STRINGS } from '../../src/taskpane/i18n';
import { defaultSettings } from '../../src/core/options';
import { useLedgerSettings } from '../../src/taskpane/useLedgerSettings';
import { fakeEnv } from '../../src/testhost/fakeEnv';
import { sampleWorkbook } from '../../src/testhost/sampleLedger';

const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 5)));

describe('settings are saved once per change the clerk makes (each save clears Excel’s undo)', () => {
  it('does not save on renders, on a change to the same value, or for every keystroke while a save runs', async () => {
    const wb = sampleWorkbook();
    const host = new OfficeHost(fakeEnv(wb));
    const { result, rerender } = renderHook(() => useLedgerSettings(host, 'zh', STRINGS.zh));
    await flush();
    rerender();
    rerender();
    expect(wb.settingsSaves).toBe(0);
    act(() => result.current.update({ markDone: !result.current.settings.markDone }));
    await flush();
    expect(wb.settingsSaves).toBe(1);
    act(() => result.current.update({ markDone: result.current.settings.markDone }));
    act(() => result.current.update({ asOf: null }));
    await flush();
    expect(wb.settingsSaves).toBe(1);
    act(() => {
      result.current.update({ dueSoonDays: 1 });
      result.current.update({ dueSoonDays: 14 });
    });
    await flush();
    expect(wb.settingsSaves).toBe(2);
    expect((wb.savedSettings['zhenggai.settings'] as { dueSoonDays: number }).dueSoonDays).toBe(14);
    expect(result.current.saveState).toBe('saved');
  });

  it('says in one plain sentence when the workbook would not save them', async () => {
    const wb = sampleWorkbook();
    wb.settingsSaveFails = true;
    const host = new OfficeHost(fakeEnv(wb));
    const err = await host.saveSettings(defaultSettings()).catch((e) => e);
    expect(err).toMatchObject({ code: 'settings-not-saved' });
    expect(err.zh).not.toMatch(/Save Settings Error/);
  });
});
