/**
 * The merge computes a unit's figures without summarize's by-department and by-category tables
 * (issue 14's speed target). What it reports must still be exactly summarize's over the unit's
 * sheets: checked on the units' fixtures and the real ledgers, on three as-of dates.
 */
import { join } from 'path';
import { readWorkbook } from '../../src/cli/workbook';
import { alertsOf, checkFileGrids, consolidate, unitsOfFile } from '../../src/core/consolidate';
import { summarySentence, summarize } from '../../src/core/summary';
import { DEFAULT_REQUIRED, type CheckOptions } from '../../src/core/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'units');

describe('a unit’s figures are summarize’s over its sheets', () => {
  const files = [
    ...[
      '县教育局整改台账.xlsx',
      '县民政局整改台账.xls',
      '县财政局整改台账.xlsx',
      '各乡镇整改台账.xlsx',
      '附件2：县卫生健康局巡察整改台账（2024年6月）.xlsx',
      '第二批/县水利局整改台账.xlsx',
    ].map((f) => join(FIXTURES, f)),
    ...['住建局隐患整改台账.xlsx', '督查室交办台账.xlsx'].map((f) =>
      join(__dirname, '..', 'fixtures', 'real', f),
    ),
  ];
  it.each(['2024-06-30', '2025-03-01', '2026-11-21'])('as of %s', async (asOf) => {
    const options: CheckOptions = { asOf, dueSoonDays: 7, required: [...DEFAULT_REQUIRED], lang: 'zh' };
    const inputs = await Promise.all(
      files.map(async (f, i) => checkFileGrids(f, await readWorkbook(f), options, i)),
    );
    let alerts = 0;
    let toComplete = 0;
    for (const detailed of [true, false]) {
      const result = consolidate(inputs, { asOf, detailed });
      expect(result.units.length).toBeGreaterThanOrEqual(files.length);
      for (const input of inputs) {
        for (const part of unitsOfFile(input)) {
          const u = result.units.find((x) => x.unit === part.unit)!;
          const s = summarize(part.reports, { asOf, ledgerName: part.unit });
          expect(u.problems).toBe(s.problems);
          expect(u.counts).toEqual(s.totals);
          expect(u.toCompleteCount).toBe(s.toComplete.length);
          expect(u.missingDepartment).toBe(s.toComplete.filter((t) => t.missingDepartment).length);
          expect(u.sentence).toBe(summarySentence(s, 'zh'));
          expect(alertsOf(u, asOf)).toEqual(detailed ? s.alerts : []);
          expect(u.toComplete).toEqual(detailed ? s.toComplete : []);
          if (detailed) {
            alerts += s.alerts.length;
            toComplete += s.toComplete.length;
          }
        }
      }
    }
    // The comparison saw lists to compare.
    expect(alerts).toBeGreaterThan(0);
    expect(toComplete).toBeGreaterThan(0);
  });
});
