/**
 * `--out` takes the ledger sheet as the reader inflated it (src/cli/workbook.ts, InflatedSheets)
 * instead of inflating it a second time. The copy must come out the same as when the sheet is
 * inflated again from the original's compressed bytes, and only worksheets are kept.
 */
import * as fs from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { writeCheckedWorkbook } from '../../src/cli/checkedWorkbook';
import { readWorkbookFile } from '../../src/cli/workbook';
import { XlsxPackage } from '../../src/cli/xlsxPackage';
import { planMarks } from '../../src/core/marks';
import { checkGrid } from '../../src/core/check';
import { summarize } from '../../src/core/summary';
import { planSummarySheets } from '../../src/core/summaryPlans';
import { DEFAULT_REQUIRED, type CheckOptions, type SheetReport } from '../../src/core/types';
import { listZipEntries, rawEntry } from '../../src/workbook/zip';
import { ledgerXlsx } from '../../scripts/ledgerXlsx';
import { makeTempDir } from '../helpers/xlsx';

const AS_OF = '2026-11-21';
const OPTIONS: CheckOptions = {
  asOf: AS_OF,
  dueSoonDays: 7,
  required: [...DEFAULT_REQUIRED],
  lang: 'zh',
  issuedOn: null,
};
let dir: string;
let file: string;

beforeAll(() => {
  dir = makeTempDir('zgtz-inflated-');
  file = path.join(dir, '五千行台账.xlsx');
  // 5,000 rows: a 1.6 MB sheet, past the 1 MB from which the reader keeps it.
  fs.writeFileSync(file, ledgerXlsx(5000));
});

function raw(bytes: Uint8Array, part: string): Uint8Array {
  return rawEntry(bytes, listZipEntries(bytes)!.get(part)!)!;
}

/** Every part of a package, inflated. */
function parts(out: string): Map<string, Buffer> {
  const pkg = new XlsxPackage(fs.readFileSync(out));
  return new Map([...pkg.entries.keys()].map((name) => [name, pkg.read(name, 1 << 28)!]));
}

describe('the reader’s inflated sheets, handed to --out', () => {
  test('kept only when asked, only worksheets, each handed out once', async () => {
    expect((await readWorkbookFile(file)).sheets).toBeNull();
    const { bytes, sheets } = await readWorkbookFile(file, true);
    const sheet = raw(bytes, 'xl/worksheets/sheet1.xml');
    const kept = sheets!.take(sheet)!;
    expect(kept.length).toBeGreaterThan(1048576);
    expect(kept.equals(inflateRawSync(sheet))).toBe(true);
    expect(sheets!.take(sheet)).toBeUndefined();
    // The shared strings (large too) are not kept: nothing needs them again.
    const strings = raw(bytes, 'xl/sharedStrings.xml');
    expect(inflateRawSync(strings).length).toBeGreaterThan(1048576);
    expect(sheets!.take(strings)).toBeUndefined();
    // The reader's plain inflater is back: a later read keeps nothing.
    const again = await readWorkbookFile(file, true);
    const plain = await readWorkbookFile(file);
    expect(plain.sheets).toBeNull();
    expect(again.sheets!.take(raw(again.bytes, 'xl/worksheets/sheet1.xml'))).toBeDefined();
  });

  test('the copy is part for part the one made by inflating the sheet again', async () => {
    const { grids, bytes, sheets } = await readWorkbookFile(file, true);
    const reports: SheetReport[] = grids.map((g) => {
      const r = checkGrid(g, OPTIONS);
      if (!r.ok) throw new Error('not a ledger');
      return r.report;
    });
    const summary = summarize(reports, { asOf: AS_OF, ledgerName: '五千行台账' });
    const plans = planSummarySheets(summary, { dueSoonDays: 7 });
    const marks = reports.map((r) => planMarks(r));
    expect(marks[0].groups.length).toBeGreaterThan(0);
    const held = path.join(dir, 'held.xlsx');
    const again = path.join(dir, 'again.xlsx');
    await writeCheckedWorkbook(file, held, plans, marks, bytes, sheets);
    // The copy took the kept sheet (it is handed out once).
    expect(sheets!.take(raw(bytes, 'xl/worksheets/sheet1.xml'))).toBeUndefined();
    await writeCheckedWorkbook(file, again, plans, marks, bytes);
    const a = parts(held);
    const b = parts(again);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, data] of a) expect([name, data.equals(b.get(name)!)]).toEqual([name, true]);
    // The marked sheet really is marked: its conditional formats follow the cells.
    expect(a.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toMatch(
      /<\/sheetData>[\s\S]*<conditionalFormatting/,
    );
  });
});
