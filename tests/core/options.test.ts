import { parseFieldList } from '../../src/core/fieldList';
import { checkOptionsFromSettings, defaultSettings, parseSettings } from '../../src/core/options';

describe('settings saved with a workbook', () => {
  it('has sound defaults', () => {
    expect(defaultSettings()).toEqual({
      version: 1,
      columnOverrides: {},
      required: ['problem', 'measure', 'department', 'deadline', 'status'],
      dueSoonDays: 7,
      asOf: null,
      markDone: false,
    });
  });

  it('keeps what is valid and falls back to defaults for a malformed blob instead of failing', () => {
    expect(
      parseSettings({ dueSoonDays: 14, columnOverrides: { department: 5, cooperating: null } }),
    ).toMatchObject({
      dueSoonDays: 14,
      columnOverrides: { department: 5, cooperating: null },
    });
    for (const bad of [
      null,
      'x',
      42,
      { dueSoonDays: -1 },
      { asOf: '2024-02-30' },
      { required: ['nonsense'] },
      { columnOverrides: { department: 0 } },
    ]) {
      expect(parseSettings(bad)).toEqual(defaultSettings());
    }
  });

  it('turns settings into check options, with today when no as-of date is fixed', () => {
    expect(checkOptionsFromSettings(defaultSettings(), 'zh', '2026-11-21').asOf).toBe('2026-11-21');
    expect(checkOptionsFromSettings(parseSettings({ asOf: '2026-06-30' }), 'en', '2026-11-21')).toMatchObject(
      {
        asOf: '2026-06-30',
        lang: 'en',
      },
    );
  });

  it('reads a list of field names and reports the ones it does not know', () => {
    expect(parseFieldList('problem, measure，department')).toEqual({
      fields: ['problem', 'measure', 'department'],
      unknown: [],
    });
    expect(parseFieldList('problem,owner')).toEqual({ fields: ['problem'], unknown: ['owner'] });
  });
});
