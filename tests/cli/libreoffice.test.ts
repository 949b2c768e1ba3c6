/**
 * Round trip through LibreOffice: the checked workbook must open in another spreadsheet program
 * and come back with the same summary numbers and the same original sheets. Converts the --out
 * workbook with `soffice --headless --convert-to xlsx` and reads the result with exceljs.
 *
 * Skips, with a note, when LibreOffice is not installed (Debian: libreoffice-calc-nogui). Set
 * SOFFICE to the program's path when it is not on PATH (SOFFICE=/nonexistent shows the skip).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
// jszip comes with exceljs; used to look at the raw hyperlink XML LibreOffice writes.
import JSZip from 'jszip';
import { writeCheckedWorkbook } from '../../src/cli/checkedWorkbook';
import { planMarks } from '../../src/core/marks';
import { summarySentence, summarize, type Counts } from '../../src/core/summary';
import { planSummarySheets } from '../../src/core/summaryPlans';
import type { SheetReport } from '../../src/core/types';
import {
  ledgerWorkbook,
  report,
  row,
  sheetA,
  sheetB,
  sheetSnapshot,
  type CellSnapshot,
} from '../helpers/reports';
import { findSoffice, sofficeConvert } from '../helpers/libreoffice';

const SOFFICE = findSoffice();
if (!SOFFICE) {
  const where = process.env.SOFFICE ? ` at ${process.env.SOFFICE}` : '';
  console.warn(
    `SKIPPED tests/cli/libreoffice.test.ts: LibreOffice (soffice) was not found${where}. ` +
      'Install it (Debian/Ubuntu: apt-get install -y libreoffice-calc-nogui) or set SOFFICE=/path/to/soffice.',
  );
}
const describeLo = SOFFICE ? describe : describe.skip;

const AS_OF = '2024-04-15';

/** Converts an .xlsx with LibreOffice and returns the path of the converted copy. */
function convert(file: string, outDir: string, profile: string): string {
  sofficeConvert(SOFFICE!, {
    profile,
    filter: 'xlsx:Calc MS Excel 2007 XML',
    outDir,
    files: [file],
    timeout: 180_000,
  });
  const converted = path.join(outDir, path.basename(file));
  if (!fs.existsSync(converted)) throw new Error(`LibreOffice wrote no ${converted}`);
  return converted;
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * What must survive another program: the value, the formula, and the number format where one was
 * set. LibreOffice writes 'General' for cells that had no format and drops quotes that a format
 * does not need ('yyyy"年"m"月"d"日"' comes back as 'yyyy年m月d日', the same format), so formats
 * are compared without quotes, case-insensitively, with 'General' as "none".
 */
function comparable(snap: Record<string, CellSnapshot>): Record<string, CellSnapshot> {
  const out: Record<string, CellSnapshot> = {};
  for (const [address, c] of Object.entries(snap)) {
    const fmt =
      c.numFmt && c.numFmt.toLowerCase() !== 'general' ? c.numFmt.toLowerCase().replace(/"/g, '') : null;
    out[address] = { ...c, numFmt: fmt };
  }
  return out;
}

/** The plain value of a cell (rich text joined, hyperlinks as their text). */
function plain(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (v && typeof v === 'object' && 'hyperlink' in v) return (v as ExcelJS.CellHyperlinkValue).text;
  if (v && typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result;
  return v;
}

/** Rows of a sheet as plain values, 1-based columns kept in place. */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: unknown[] = [];
    r.eachCell({ includeEmpty: false }, (c, col) => {
      cells[col - 1] = plain(c);
    });
    out[n - 1] = cells;
  });
  return out;
}

function findRow(rows: unknown[][], first: string): unknown[] {
  const r = rows.find((x) => x && x[0] === first);
  if (!r) throw new Error(`no row starting with ${first}`);
  return r;
}

const groupValues = (name: string, c: Counts) => [
  name,
  c.measures,
  c.done,
  c.longTerm,
  c.inProgress,
  c.notStarted,
  c.unknown + c.missingStatus,
  c.overdue,
  c.dueSoon,
];

describeLo('LibreOffice round trip', () => {
  let dir: string;
  let input: string;
  let converted: ExcelJS.Workbook;
  let convertedPath: string;
  let original: ExcelJS.Workbook;
  const evil = '=HYPERLINK("http://evil.example","点我")';
  const hostile = report('丙队', [
    row({ row: 4, problem: evil, measure: '+1+1', dept: '@财务科', deadline: '2024-03-01', overdue: 45 }),
    row({ row: 5, problem: '-2', measure: '=1/0', dept: '办公室', state: 'done' }),
  ]);
  const reports: SheetReport[] = [sheetA(), sheetB(), hostile];
  const summary = summarize(reports, { asOf: AS_OF, ledgerName: '系统巡察整改台账' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zgtz-lo-'));
    const wb = ledgerWorkbook(reports);
    const notes = wb.addWorksheet('说明');
    notes.getCell('A1').value = '本工作簿由办公室维护';
    notes.getCell('B2').value = 0.25;
    notes.getCell('B2').numFmt = '0%';
    input = path.join(dir, 'ledger.xlsx');
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, 'ledger-checked.xlsx');
    await writeCheckedWorkbook(
      input,
      out,
      planSummarySheets(summary, { dueSoonDays: 7 }),
      reports.map((r) => planMarks(r)),
    );
    convertedPath = convert(out, path.join(dir, 'lo'), path.join(dir, 'profile'));
    converted = await read(convertedPath);
    original = await read(input);
  }, 240_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every sheet is there, in order', () => {
    expect(converted.worksheets.map((w) => w.name)).toEqual([
      '甲局',
      '乙所',
      '丙队',
      '说明',
      '整改汇总',
      '逾期清单',
      '待补充清单',
    ]);
  });

  test('the original sheets equal the input cell by cell', () => {
    for (const ws of original.worksheets) {
      const back = converted.getWorksheet(ws.name)!;
      expect({ sheet: ws.name, cells: comparable(sheetSnapshot(back)) }).toEqual({
        sheet: ws.name,
        cells: comparable(sheetSnapshot(ws)),
      });
      expect(back.model.merges.sort()).toEqual(ws.model.merges.sort());
    }
  });

  test('the summary numbers are the engine’s', () => {
    const rows = rowsOf(converted.getWorksheet('整改汇总')!);
    expect(rows[3][0]).toBe(summarySentence(summary, 'zh'));
    // the merged sentence keeps the height the plan gave it (no host auto-fits merged cells)
    const plan = planSummarySheets(summary, { dueSoonDays: 7 })[0];
    expect(plan.rowHeights?.[4]).toBeGreaterThanOrEqual(30);
    expect(converted.getWorksheet('整改汇总')!.getRow(4).height).toBeCloseTo(plan.rowHeights![4], 0);
    const t = summary.totals;
    expect(findRow(rows, '梳理问题（个）')[1]).toBe(summary.problems);
    expect(findRow(rows, '制定整改措施（项）')[1]).toBe(t.measures);
    expect(findRow(rows, '已完成（项）')[1]).toBe(t.completed);
    expect(findRow(rows, '正在推进（项）')[1]).toBe(t.ongoing);
    expect(findRow(rows, '逾期未完成（项）')[1]).toBe(t.overdue);
    expect(findRow(rows, '即将到期（项）')[1]).toBe(t.dueSoon);
    expect(findRow(rows, '完成率')[1]).toBeCloseTo(t.completionRate!, 10);

    const header = rows.findIndex((r) => r && r[0] === '责任单位');
    const depts = rows.slice(header + 1, header + 1 + summary.byDepartment.length).map((r) => r.slice(0, 9));
    expect(depts).toEqual(summary.byDepartment.map((d) => groupValues(d.name, d)));
    const ageing = rows.findIndex((r) => r && r[0] === '逾期时长');
    expect(rows.slice(ageing + 1, ageing + 5).map((r) => r[1])).toEqual([
      summary.ageing.upTo30,
      summary.ageing.upTo90,
      summary.ageing.over90,
      t.overdue,
    ]);
  });

  test('the lists keep their order, links and formula-looking text', () => {
    const ws = converted.getWorksheet('逾期清单')!;
    const rows = rowsOf(ws);
    const items = rows.slice(3).filter((r) => r && typeof r[0] === 'number');
    expect(items.map((r) => `${r[1]}!${r[11]}`)).toEqual(
      summary.alerts.map((a) => `${a.sheet}!第${a.row}行`),
    );
    expect(items.map((r) => r[2])).toContain(evil);
    const strings: string[] = [];
    ws.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.formula).toBeFalsy();
        // LibreOffice writes mixed-script text as rich text runs (one font per script)
        const v = plain(c);
        if (typeof v === 'string') strings.push(v);
      }),
    );
    expect(strings).toEqual(expect.arrayContaining([evil, '+1+1', '@财务科']));
    // exceljs reads an in-workbook (location-only) link as its text; the link itself is checked below
    expect(plain(ws.getRow(4).getCell(12))).toBe(`第${summary.alerts[0].row}行`);
    expect(
      rowsOf(converted.getWorksheet('待补充清单')!)
        .slice(3)
        .filter((r) => r && typeof r[0] === 'number'),
    ).toHaveLength(summary.toComplete.length);
  });

  test('marks and markers survive', () => {
    type Cf = { rules: Array<{ formulae?: string[] }> };
    const cfs = (converted.getWorksheet('甲局') as unknown as { conditionalFormattings: Cf[] })
      .conditionalFormattings;
    const formulas = cfs.flatMap((cf) => cf.rules.flatMap((r) => r.formulae ?? []));
    expect(formulas.some((f) => f.includes('整改台账助手:overdue'))).toBe(true);
    const names = converted.definedNames.model.map((d) => d.name);
    expect(names).toEqual(
      expect.arrayContaining(['ZGTZ_summary', 'ZGTZ_overdue_list', 'ZGTZ_to_complete_list']),
    );
  });

  /*
   * In-workbook links are written as Excel writes them, `<hyperlink location="'Sheet'!D9"/>` with no
   * relationship (src/cli/xlsxFile.ts). Written the exceljs way (an external relationship "#…"),
   * LibreOffice saved them as "'Sheet'!D9%23%23'Sheet'!D9", a dead link.
   */
  test('links still jump to the ledger cell after LibreOffice saves the file', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(convertedPath));
    const first = summary.alerts[0];
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const locations: string[] = [];
    for (const f of sheets) {
      const xml = await zip.file(f)!.async('string');
      for (const m of xml.matchAll(/<hyperlink ref="L4"([^>]*)>/g)) {
        expect(m[1]).not.toMatch(/r:id=/);
        const location = /location="([^"]*)"/.exec(m[1]);
        if (location) locations.push(location[1]);
      }
    }
    expect(locations.map((l) => l.replace(/&apos;/g, "'"))).toEqual([`'${first.sheet}'!${first.cell}`]);
  });
});
