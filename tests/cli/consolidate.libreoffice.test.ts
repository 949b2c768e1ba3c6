/**
 * The 汇总 workbook through LibreOffice (`soffice --headless --convert-to xlsx`), as a clerk who
 * opens it in another spreadsheet program and saves it: every value, merged area, A4 landscape
 * print setting and the tool's ZGTZ_ names come back, so merging the folder again still skips it.
 * Skips with a note when LibreOffice is not installed (see tests/cli/libreoffice.test.ts).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/ledger-check';
import { isToolOutput } from '../../src/cli/toolOutput';
import { readWorkbook } from '../../src/cli/workbook';
import { cellText } from '../../src/core/grid';
import type { Grid } from '../../src/core/types';
import { findSoffice, sofficeConvert } from '../helpers/libreoffice';

const SOFFICE = findSoffice();
if (!SOFFICE)
  console.warn('SKIPPED tests/cli/consolidate.libreoffice.test.ts: LibreOffice (soffice) was not found.');
const describeLo = SOFFICE ? describe : describe.skip;

/** Every non-empty cell as `A1 → text` (dates as YYYY-MM-DD, numbers rounded to 6 places). */
function cells(g: Grid): Record<string, string> {
  const out: Record<string, string> = {};
  g.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      let t = cellText(c);
      if (c.type === 'number') t = String(Math.round((c.value as number) * 1e6) / 1e6);
      if (t) out[`${j + g.firstColumn},${i + g.firstRow}`] = t;
    }),
  );
  return out;
}

describeLo('the 汇总 workbook after LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'units-lo-'));
  const folder = join(dir, '各单位报送');
  const out = join(dir, '汇总.xlsx');
  let back = '';

  beforeAll(async () => {
    cpSync(join(__dirname, '..', 'fixtures', 'units'), folder, { recursive: true });
    utimesSync(join(folder, '县财政局整改台账（修改后）.xlsx'), new Date(), new Date());
    const code = await main([folder, '--as-of', '2024-06-30', '--out', out], {
      stdout: { write: () => true },
      stderr: { write: () => true },
    });
    expect(code).toBe(1);
    const loDir = join(dir, 'lo');
    const profile = join(dir, 'profile');
    sofficeConvert(SOFFICE!, {
      profile,
      filter: 'xlsx:Calc MS Excel 2007 XML',
      outDir: loDir,
      files: [out],
      timeout: 180_000,
    });
    back = join(loDir, basename(out));
    expect(existsSync(back)).toBe(true);
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the four sheets come back with the same values and merged areas', async () => {
    const before = await readWorkbook(out);
    const after = await readWorkbook(back);
    expect(after.map((g) => g.sheet)).toEqual(['汇总台账', '各单位情况', '逾期清单', '待补充清单']);
    for (const g of before) {
      const a = after.find((x) => x.sheet === g.sheet)!;
      expect({ sheet: g.sheet, cells: cells(a) }).toEqual({ sheet: g.sheet, cells: cells(g) });
      const key = (m: Grid['merges'][number]) => `${m.top}:${m.left}:${m.bottom}:${m.right}`;
      expect(a.merges.map(key).sort()).toEqual(g.merges.map(key).sort());
    }
    // Still one 汇总台账 row per measure of the units (27, see tests/cli/consolidate.test.ts).
    const ledger = after[0].cells.map((r) => r.map((c) => cellText(c)));
    expect(ledger.slice(ledger.findIndex((r) => r[0] === '序号') + 1)).toHaveLength(27);
  });

  // (The frozen header row does not survive a headless conversion, which has no view to keep it.)
  test('prints on A4 landscape with the header row on every page, and keeps the tool’s names', async () => {
    const zip = await JSZip.loadAsync(readFileSync(back));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    for (const name of [
      'ZGTZ_merged_ledger',
      'ZGTZ_unit_summary',
      'ZGTZ_merged_overdue_list',
      'ZGTZ_merged_to_complete_list',
    ]) {
      expect(workbook).toContain(`name="${name}"`);
    }
    expect(isToolOutput(readFileSync(back))).toBe(true);
    expect(workbook.match(/name="_xlnm.Print_Titles"/g)).toHaveLength(4);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(4);
    for (const s of sheets) {
      const xml = await zip.file(s)!.async('string');
      expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
      expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    }
  });
});
