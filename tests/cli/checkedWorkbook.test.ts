import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as crypto from 'crypto';
import ExcelJS from 'exceljs';
// jszip comes with exceljs; used here only to write a sheet-scoped defined name as Excel does.
import JSZip from 'jszip';
import {
  writeCheckedWorkbook,
  generatedSheets,
  generatedSheetMarker,
  markFormula,
  MARK_TAG,
  sameFile,
} from '../../src/cli/checkedWorkbook';
import { planMarks, MARK_ORDER } from '../../src/core/marks';
import { markFormula as officeMarkFormula } from '../../src/excel/marksWriter';
import { markerName as officeMarkerName } from '../../src/excel/sheetsWriter';
import { summarize } from '../../src/core/summary';
import { planSummarySheets } from '../../src/core/summaryPlans';
import type { SheetReport } from '../../src/core/types';
import { ledgerWorkbook, report, row, sheetA, sheetB, sheetSnapshot } from '../helpers/reports';

const AS_OF = '2024-04-15';
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zgtz-checked-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function writeInput(name: string, reports: SheetReport[], extra?: (wb: ExcelJS.Workbook) => void) {
  const wb = ledgerWorkbook(reports);
  const notes = wb.addWorksheet('说明');
  notes.getCell('A1').value = '本工作簿由办公室维护';
  notes.getCell('B2').value = 0.25;
  notes.getCell('B2').numFmt = '0%';
  extra?.(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function plansFor(reports: SheetReport[]) {
  const summary = summarize(reports, { asOf: AS_OF, ledgerName: '甲局巡察整改台账' });
  return {
    summary,
    plans: planSummarySheets(summary, { dueSoonDays: 7 }),
    marks: reports.map((r) => planMarks(r)),
  };
}

/** The <hyperlink> elements of a sheet, found by name, straight from the file's XML. */
async function sheetHyperlinks(file: string, sheet: string) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const xml = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
  const unquote = (v: string) =>
    v
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<hyperlink ([^>]*)\/>/g)].map((m) => ({
    ref: /ref="([^"]*)"/.exec(m[1])?.[1],
    location: unquote(/location="([^"]*)"/.exec(m[1])?.[1] ?? ''),
    rId: /r:id="([^"]*)"/.exec(m[1])?.[1] ?? null,
  }));
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

type Cf = { ref: string; rules: Array<{ priority?: number; formulae?: string[]; style?: ExcelJS.Style }> };
const cfs = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
const toolRules = (ws: ExcelJS.Worksheet) =>
  cfs(ws).flatMap((cf) =>
    cf.rules
      .filter((r) => (r.formulae ?? []).some((f) => f.includes(MARK_TAG)))
      .map((r) => ({ ref: cf.ref, ...r })),
  );

describe('writeCheckedWorkbook', () => {
  test('keeps every original sheet cell by cell and adds the three sheets, marked', async () => {
    const reports = [sheetA()];
    const input = await writeInput('one.xlsx', reports);
    const before = sha(input);
    const out = path.join(dir, 'one-checked.xlsx');
    const { plans, marks } = plansFor(reports);
    const result = await writeCheckedWorkbook(input, out, plans, marks);

    expect(result).toEqual({ written: ['整改汇总', '逾期清单', '待补充清单'], renamed: [] });
    expect(sha(input)).toBe(before);

    const a = await read(input);
    const b = await read(out);
    expect(b.worksheets.map((w) => w.name)).toEqual(['甲局', '说明', '整改汇总', '逾期清单', '待补充清单']);
    for (const ws of a.worksheets) {
      const copy = b.getWorksheet(ws.name)!;
      expect(sheetSnapshot(copy)).toEqual(sheetSnapshot(ws));
      expect(Object.keys(sheetSnapshot(ws)).length).toBeGreaterThan(1);
      expect(copy.model.merges.sort()).toEqual(ws.model.merges.sort());
      expect(copy.getColumn(4).width).toBe(ws.getColumn(4).width);
    }
    // spot checks that the snapshot sees what matters
    const ledger = sheetSnapshot(b.getWorksheet('甲局')!);
    expect(ledger.G6).toEqual({
      value: '2024-03-16T00:00:00.000Z',
      formula: null,
      numFmt: 'yyyy"年"m"月"d"日"',
    });
    expect(ledger.B14).toEqual({ value: { result: 9 }, formula: 'COUNTA(D4:D12)', numFmt: null });
    expect(ledger.C14.numFmt).toBe('0.00');

    expect(generatedSheets(b)).toEqual({
      ZGTZ_summary: ['整改汇总'],
      ZGTZ_overdue_list: ['逾期清单'],
      ZGTZ_to_complete_list: ['待补充清单'],
    });
  });

  test('marks become tagged conditional formats ahead of the clerk’s own rule', async () => {
    const reports = [sheetA()];
    const input = await writeInput('marks.xlsx', reports);
    const out = path.join(dir, 'marks-checked.xlsx');
    const { plans, marks } = plansFor(reports);
    await writeCheckedWorkbook(input, out, plans, marks);
    const ws = (await read(out)).getWorksheet('甲局')!;
    const ours = toolRules(ws);
    expect(ours.map((r) => [r.formulae?.[0], r.priority])).toEqual(
      marks[0].groups.map((g, i) => [markFormula(g.kind), i + 1]),
    );
    const overdue = ours.find((r) => r.formulae?.[0] === markFormula('overdue'))!;
    expect(overdue.ref).toBe(marks[0].groups.find((g) => g.kind === 'overdue')!.areas.join(' '));
    expect(overdue.style?.fill).toMatchObject({ bgColor: { argb: 'FFFFC7CE' } });
    expect(overdue.style?.font?.color).toMatchObject({ argb: 'FF9C0006' });
    const clerks = cfs(ws)
      .flatMap((cf) => cf.rules)
      .filter((r) => r.formulae?.[0] === 'ISBLANK($A4)');
    expect(clerks).toHaveLength(1);
    expect(clerks[0].priority).toBe(ours.length + 1);
  });

  test('regenerating replaces the tool’s sheets and marks instead of adding more', async () => {
    const reports = [sheetA()];
    const input = await writeInput('regen.xlsx', reports, (wb) => {
      // a rule an earlier version of the tool wrote, with its older tag
      wb.getWorksheet('甲局')!.addConditionalFormatting({
        ref: 'A9:H9',
        rules: [{ type: 'expression', priority: 1, formulae: ['N("zhenggai-mark:overdue")=0'] }],
      });
    });
    const first = path.join(dir, 'regen-1.xlsx');
    const second = path.join(dir, 'regen-2.xlsx');
    const { plans, marks } = plansFor(reports);
    await writeCheckedWorkbook(input, first, plans, marks);
    const result = await writeCheckedWorkbook(first, second, plans, marks);
    expect(result.renamed).toEqual([]);
    const wb = await read(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['甲局', '说明', '整改汇总', '逾期清单', '待补充清单']);
    expect(toolRules(wb.getWorksheet('甲局')!)).toHaveLength(marks[0].groups.length);
    expect(cfs(wb.getWorksheet('甲局')!).flatMap((c) => c.rules)).toHaveLength(marks[0].groups.length + 1);
    expect(wb.definedNames.model.filter((d) => d.name.startsWith('ZGTZ_'))).toHaveLength(3);
    // the ledger itself is still the input's
    expect(sheetSnapshot(wb.getWorksheet('甲局')!)).toEqual(
      sheetSnapshot((await read(input)).getWorksheet('甲局')!),
    );
  });

  test('a sheet the clerk renamed is still recognised by its marker and replaced', async () => {
    const reports = [sheetA()];
    const input = await writeInput('renamed.xlsx', reports);
    const first = path.join(dir, 'renamed-1.xlsx');
    const { plans, marks } = plansFor(reports);
    await writeCheckedWorkbook(input, first, plans, marks);
    // What Excel does when the clerk renames a sheet: the defined name follows it.
    const wb = await read(first);
    wb.getWorksheet('整改汇总')!.name = '汇总(4月)';
    wb.definedNames.model = wb.definedNames.model.map((d) =>
      d.name === 'ZGTZ_summary' ? { ...d, ranges: ["'汇总(4月)'!$A$1"] } : d,
    );
    const edited = path.join(dir, 'renamed-edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const out = path.join(dir, 'renamed-2.xlsx');
    await writeCheckedWorkbook(edited, out, plans, marks);
    const names = (await read(out)).worksheets.map((w) => w.name);
    expect(names).toEqual(['甲局', '说明', '整改汇总', '逾期清单', '待补充清单']);
    expect(names).not.toContain('汇总(4月)');
  });

  test('a clerk’s own 整改汇总 is kept; ours gets a suffix, and keeps it on regeneration', async () => {
    const reports = [sheetA()];
    const input = await writeInput('clerk.xlsx', reports, (wb) => {
      const own = wb.addWorksheet('整改汇总');
      own.getCell('A1').value = '办公室自己做的汇总';
      own.getCell('B3').value = { formula: '甲局!B14', result: 9 };
    });
    const { plans, marks } = plansFor(reports);
    const first = path.join(dir, 'clerk-1.xlsx');
    const r1 = await writeCheckedWorkbook(input, first, plans, marks);
    expect(r1.renamed).toEqual([{ wanted: '整改汇总', name: '整改汇总(2)' }]);
    expect(r1.written).toEqual(['整改汇总(2)', '逾期清单', '待补充清单']);
    const wb1 = await read(first);
    expect(sheetSnapshot(wb1.getWorksheet('整改汇总')!)).toEqual(
      sheetSnapshot((await read(input)).getWorksheet('整改汇总')!),
    );
    expect(wb1.getWorksheet('整改汇总(2)')!.getCell('A1').value).toBe('甲局巡察整改台账汇总');

    const second = path.join(dir, 'clerk-2.xlsx');
    const r2 = await writeCheckedWorkbook(first, second, plans, marks);
    expect(r2.renamed).toEqual([{ wanted: '整改汇总', name: '整改汇总(2)' }]);
    const wb2 = await read(second);
    expect(wb2.worksheets.map((w) => w.name)).toEqual([
      '甲局',
      '说明',
      '整改汇总',
      '整改汇总(2)',
      '逾期清单',
      '待补充清单',
    ]);
    expect(wb2.getWorksheet('整改汇总')!.getCell('A1').value).toBe('办公室自己做的汇总');
  });

  test('formula-looking text from the ledger reads back as strings; links point at the ledger cell', async () => {
    const evil = '=HYPERLINK("http://evil.example","点我")';
    const rep = report('台账', [
      row({ row: 4, problem: evil, measure: '+1+1', dept: '@财务科', deadline: '2024-03-01', overdue: 45 }),
      row({ row: 5, problem: '-2', measure: '=1/0', dept: '', deadline: '2024-04-10', overdue: 5 }),
    ]);
    rep.findings.push({
      code: 'missing-department',
      severity: 'error',
      row: 5,
      column: 'E',
      field: 'department',
      columnNumber: 5,
      params: { field: 'department' },
      message: '=请填写责任单位',
    });
    const input = await writeInput('evil.xlsx', [rep]);
    const { plans, marks } = plansFor([rep]);
    const out = path.join(dir, 'evil-checked.xlsx');
    await writeCheckedWorkbook(input, out, plans, marks);
    const wb = await read(out);
    const list = wb.getWorksheet('逾期清单')!;
    const strings: string[] = [];
    for (const ws of [list, wb.getWorksheet('待补充清单')!]) {
      ws.eachRow((r) =>
        r.eachCell((c) => {
          expect(c.formula).toBeFalsy();
          if (c.type === ExcelJS.ValueType.String) strings.push(c.value as string);
        }),
      );
    }
    expect(strings).toEqual(
      expect.arrayContaining([
        evil,
        '+1+1',
        '@财务科',
        '-2',
        '=1/0',
        '责任单位未填写：每项整改措施都要落实到具体单位，请补充。',
      ]),
    );
    // The 说明 column is the catalogue's Chinese sentence, never the finding's rendered message.
    expect(strings).not.toContain('=请填写责任单位');
    // row 4 of the list is the most overdue measure: its link jumps to 台账!D4
    // (exceljs reads an in-workbook link back as its text only; the link is in the sheet XML)
    expect(list.getRow(4).getCell(11).value).toBe('第4行');
    const links = await sheetHyperlinks(out, '逾期清单');
    expect(links.find((l) => l.ref === 'K4')).toEqual({ ref: 'K4', location: "'台账'!D4", rId: null });
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.rId).toBeNull();
  });

  test('several ledger sheets: every one kept, marks on each', async () => {
    const reports = [sheetA(), sheetB()];
    const input = await writeInput('two.xlsx', reports);
    const out = path.join(dir, 'two-checked.xlsx');
    const { plans, marks } = plansFor(reports);
    await writeCheckedWorkbook(input, out, plans, marks);
    const [a, b] = [await read(input), await read(out)];
    for (const ws of a.worksheets) expect(sheetSnapshot(b.getWorksheet(ws.name)!)).toEqual(sheetSnapshot(ws));
    expect(toolRules(b.getWorksheet('乙所')!).length).toBe(marks[1].groups.length);
    expect(b.getWorksheet('逾期清单')!.getRow(3).getCell(2).value).toBe('工作表');
  });

  test('never writes the input: same path, relative path, symlink, hard link', async () => {
    const reports = [sheetA()];
    const input = await writeInput('keep.xlsx', reports);
    const before = sha(input);
    const { plans, marks } = plansFor(reports);
    const link = path.join(dir, 'keep-link.xlsx');
    fs.symlinkSync(input, link);
    const hard = path.join(dir, 'keep-hard.xlsx');
    fs.linkSync(input, hard);
    const relative = path.relative(process.cwd(), input);
    for (const target of [input, relative, path.join(dir, '.', 'sub', '..', 'keep.xlsx'), link, hard]) {
      await expect(writeCheckedWorkbook(input, target, plans, marks)).rejects.toThrow(/原文件/);
    }
    await expect(writeCheckedWorkbook(link, input, plans, marks)).rejects.toThrow(/原文件/);
    expect(sha(input)).toBe(before);
    expect(sameFile(input, path.join(dir, 'other.xlsx'))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a mark plan for a sheet that is not there is an error, and nothing is written', async () => {
    const reports = [sheetA()];
    const input = await writeInput('nosheet.xlsx', reports);
    const out = path.join(dir, 'nosheet-checked.xlsx');
    const { plans } = plansFor(reports);
    await expect(writeCheckedWorkbook(input, out, plans, [{ sheet: '不存在', groups: [] }])).rejects.toThrow(
      /不存在/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test('speaks the Office.js host’s language: same mark formulas, same marker names', () => {
    for (const kind of MARK_ORDER) expect(`=${markFormula(kind)}`).toBe(officeMarkFormula(kind));
    for (const kind of ['summary', 'overdue-list', 'to-complete-list', 'imported-ledger'] as const) {
      expect(generatedSheetMarker(kind)).toBe(officeMarkerName(kind));
    }
  });

  test('a sheet-scoped marker (as the add-in writes it in Excel) is recognised and replaced', async () => {
    const reports = [sheetA()];
    const input = await writeInput('scoped.xlsx', reports, (wb) => {
      wb.addWorksheet('整改汇总').getCell('A1').value = '加载项上次生成的汇总';
    });
    // Put <definedName name="ZGTZ_summary" localSheetId="2">'整改汇总'!$A$1</definedName> in.
    const zip = await JSZip.loadAsync(fs.readFileSync(input));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const name = `<definedName name="ZGTZ_summary" localSheetId="2" comment="整改汇总">'整改汇总'!$A$1</definedName>`;
    const patched = xml.includes('<definedNames>')
      ? xml.replace('<definedNames>', `<definedNames>${name}`)
      : xml.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
    zip.file('xl/workbook.xml', patched);
    const scoped = path.join(dir, 'scoped-patched.xlsx');
    fs.writeFileSync(scoped, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(generatedSheets(await read(scoped))).toEqual({ ZGTZ_summary: ['整改汇总'] });

    const out = path.join(dir, 'scoped-checked.xlsx');
    const { plans, marks } = plansFor(reports);
    const result = await writeCheckedWorkbook(scoped, out, plans, marks);
    expect(result.renamed).toEqual([]);
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['甲局', '说明', '整改汇总', '逾期清单', '待补充清单']);
    expect(wb.getWorksheet('整改汇总')!.getCell('A1').value).toBe('甲局巡察整改台账汇总');
  });
});
