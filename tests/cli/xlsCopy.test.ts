/**
 * `ledger-check --out` on an old .xls: the checked copy is an .xlsx made from it
 * (src/workbook/xls.ts xlsToXlsx), then marked like any .xlsx. Checked on .xls files LibreOffice
 * wrote (tests/fixtures/xls/, the 汇总 fixture's 县民政局 ledger, and the chart-and-pivot fixture
 * saved as .xls here), against LibreOffice: the copy opens, every original sheet's cells read the
 * same as the original's, the merges are LibreOffice's own, every part is strict XML. What the
 * note to the clerk says is carried or lost is measured against LibreOffice's own conversion.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { main, xlsCopyNote } from '../../src/cli/ledger-check';
import { runMain } from '../helpers/cli';
import { XlsxPackage } from '../../src/cli/xlsxPackage';
import { xlsToXlsx } from '../../src/workbook/xls';
import { officialPunctuation } from '../../src/core/text/punctuation';
import { makeTempDir } from '../helpers/xlsx';
import { findSoffice, sofficeConvert } from '../helpers/libreoffice';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = [
  path.join(ROOT, 'tests', 'fixtures', 'xls', '交通运输局专项整治台账.xls'),
  path.join(ROOT, 'tests', 'fixtures', 'xls', '格式批注链接台账.xls'),
  path.join(ROOT, 'tests', 'fixtures', 'units', '县民政局整改台账.xls'),
];
const FORMATTED = FIXTURES[1];
const RICH = path.join(ROOT, 'tests', 'fixtures', 'rich', '图表透视表链接.xlsx');
const TOOL_SHEETS = ['整改汇总', '逾期清单', '待补充清单'];
const SOFFICE = findSoffice();
if (!SOFFICE) console.warn('SKIPPED the LibreOffice comparisons in xlsCopy.test.ts: soffice not found.');
const itLo = SOFFICE ? it : it.skip;

let dir: string;

/** Runs LibreOffice once over several files (one start-up instead of one each). */
function soffice(filter: string, outDir: string, files: string[]): void {
  sofficeConvert(SOFFICE!, { profile: path.join(dir, 'lo-profile'), filter, outDir, files, timeout: 55_000 });
}
// Every sheet to its own UTF-8 CSV (`<file>-<sheet>.csv`), values as shown (formatted).
const CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Every part of a package as text (zip entries by name). */
function partsOf(bytes: Uint8Array): Map<string, string> {
  const pkg = new XlsxPackage(bytes);
  const out = new Map<string, string>();
  for (const name of pkg.entries.keys()) out.set(name, pkg.text(name, 1 << 28)!);
  return out;
}

/** Sheet name → its part's XML, through workbook.xml and its relationships. */
function sheetsOf(parts: Map<string, string>): Map<string, string> {
  const rels = new Map<string, string>();
  for (const m of parts.get('xl/_rels/workbook.xml.rels')!.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])![1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])![1].replace(/^\/?(xl\/)?/, 'xl/');
    rels.set(id, target);
  }
  const out = new Map<string, string>();
  for (const m of parts.get('xl/workbook.xml')!.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, '&');
    const id = /\br:id="([^"]+)"/.exec(m[0])![1];
    out.set(name, parts.get(rels.get(id)!)!);
  }
  return out;
}

const mergesOf = (sheetXml: string) =>
  [...sheetXml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]).sort();
const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

interface Checked {
  xls: string;
  out: string;
  code: number;
  stdout: string;
  stderr: string;
  hashBefore: string;
}
const checked: Checked[] = [];

beforeAll(async () => {
  dir = makeTempDir('zgtz-xls-copy-');
  for (const xls of FIXTURES) {
    const out = path.join(dir, `${path.basename(xls, '.xls')}-检查结果.xlsx`);
    const hashBefore = sha(xls);
    const { code, stdout, stderr } = await runMain(main, [xls, '--as-of', '2026-06-01', '--out', out]);
    checked.push({ xls, out, code, stdout, stderr, hashBefore });
  }
});

describe('ledger-check --out on an .xls', () => {
  it('writes an .xlsx copy and says plainly what it is and what it could not carry', () => {
    for (const c of checked) {
      expect([c.xls, c.stderr, [0, 1].includes(c.code)]).toEqual([c.xls, '', true]);
      expect(fs.existsSync(c.out)).toBe(true);
      const lines = c.stdout.trimEnd().split('\n');
      expect(lines.at(-2)).toMatch(
        /^已写出检查结果：.*检查结果\.xlsx（新增工作表：整改汇总、逾期清单、待补充清单；/,
      );
      expect(lines.at(-1)).toBe(xlsCopyNote(c.xls, 'zh'));
      // The original is never touched.
      expect(sha(c.xls)).toBe(c.hashBefore);
    }
    const note = xlsCopyNote('台账.xls', 'zh');
    expect(note).toBe(officialPunctuation(note));
    expect(note).toMatch(/旧版 \.xls.*\.xlsx.*字体、填充颜色、边框.*未能带入.*另存为 \.xlsx/);
  });

  it('says it in English with --lang en, and on stderr with --json', async () => {
    const out = path.join(dir, 'en.xlsx');
    const args = [FIXTURES[0], '--as-of', '2026-06-01', '--lang', 'en', '--json', '--out', out];
    const { code, stdout, stderr } = await runMain(main, args);
    expect([0, 1]).toContain(code);
    expect(JSON.parse(stdout).sheets[0].name).toBe('专项整治台账');
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(xlsCopyNote(FIXTURES[0], 'en'));
    expect(stderr).toMatch(/old \.xls workbook; the checked copy is an \.xlsx/);
  });

  it('every part of every copy is well-formed XML (strict parser)', () => {
    for (const c of checked) {
      for (const [name, xml] of partsOf(fs.readFileSync(c.out))) {
        if (!/\.(xml|rels|vml)$/.test(name)) continue;
        const p = new SaxesParser({ xmlns: !name.endsWith('.vml') });
        let error: unknown = null;
        p.on('error', (e) => (error = e));
        p.write(xml).close();
        expect([c.xls, name, error]).toEqual([c.xls, name, null]);
      }
    }
  });

  it('marks the ledger sheet and adds the summary sheets, named as the tool names them', () => {
    for (const c of checked) {
      const parts = partsOf(fs.readFileSync(c.out));
      const sheets = sheetsOf(parts);
      for (const s of TOOL_SHEETS) expect([c.xls, s, sheets.has(s)]).toEqual([c.xls, s, true]);
      expect(parts.get('xl/workbook.xml')).toContain('ZGTZ_summary');
    }
    // The formatted fixture has findings (an overdue measure, a missing department): marked.
    const formatted = sheetsOf(partsOf(fs.readFileSync(checked[1].out))).get('专项整改台账')!;
    expect(formatted).toMatch(/<conditionalFormatting\b[\s\S]*整改台账助手:overdue/);
  });

  itLo('opens in LibreOffice; every original sheet reads cell by cell as the original does', () => {
    const csv = path.join(dir, 'csv');
    soffice(CSV, csv, [...FIXTURES, ...checked.map((c) => c.out)]);
    for (const c of checked) {
      const base = path.basename(c.xls, '.xls');
      const originals = fs
        .readdirSync(csv)
        .filter((f) => f.startsWith(`${base}-`) && !f.includes('检查结果'));
      expect(originals.length).toBeGreaterThan(0);
      for (const f of originals) {
        const sheet = f.slice(base.length + 1, -'.csv'.length);
        const copy = path.join(csv, `${base}-检查结果-${sheet}.csv`);
        expect([f, fs.readFileSync(copy, 'utf8')]).toEqual([f, fs.readFileSync(path.join(csv, f), 'utf8')]);
      }
      for (const s of TOOL_SHEETS) {
        const sheetCsv = fs.readFileSync(path.join(csv, `${base}-检查结果-${s}.csv`), 'utf8');
        expect(sheetCsv.length).toBeGreaterThan(0);
      }
    }
    const overdue = fs.readFileSync(path.join(csv, '格式批注链接台账-检查结果-逾期清单.csv'), 'utf8');
    expect(overdue).toContain('按季度拨付养护资金');
  });

  itLo('keeps every merged area LibreOffice reads in the original', () => {
    const lo = path.join(dir, 'lo-xlsx');
    soffice('xlsx:Calc MS Excel 2007 XML', lo, FIXTURES);
    for (const c of checked) {
      const theirs = sheetsOf(
        partsOf(fs.readFileSync(path.join(lo, `${path.basename(c.xls, '.xls')}.xlsx`))),
      );
      const ours = sheetsOf(partsOf(fs.readFileSync(c.out)));
      for (const [name, xml] of theirs) {
        expect([c.xls, name, mergesOf(ours.get(name)!)]).toEqual([c.xls, name, mergesOf(xml)]);
      }
    }
    expect(mergesOf(sheetsOf(partsOf(fs.readFileSync(checked[0].out))).get('专项整治台账')!)).toHaveLength(
      35,
    );
  });
});

describe('what the note says, measured against LibreOffice’s own conversion', () => {
  let theirs: string;
  let ours: string;
  let parts: Map<string, string>;
  beforeAll(async () => {
    const copy = await xlsToXlsx(fs.readFileSync(FORMATTED), '格式批注链接台账.xls');
    parts = partsOf(copy);
    ours = sheetsOf(parts).get('专项整改台账')!;
    if (SOFFICE) {
      const lo = path.join(dir, 'lo-formatted');
      soffice('xlsx:Calc MS Excel 2007 XML', lo, [FORMATTED]);
      theirs = sheetsOf(partsOf(fs.readFileSync(path.join(lo, '格式批注链接台账.xlsx')))).get(
        '专项整改台账',
      )!;
    }
  });

  it('carries formulas, number formats, widths, heights, hidden columns, comments, links', () => {
    expect(ours).toContain('<f>COUNTA(C3:C7)</f>');
    expect(ours).toContain('<f>说明!B1*2</f>');
    expect(parts.get('xl/styles.xml')).toContain('formatCode="0.0%"');
    expect(parts.get('xl/styles.xml')).toMatch(
      /formatCode="yyyy\\年m\\月d\\日"|formatCode="yyyy&quot;年&quot;/,
    );
    expect(ours).toMatch(/<col min="2" max="2"[^>]*width="30"/);
    expect(ours).toMatch(/<col min="9" max="9"[^>]*hidden="(1|true)"/);
    expect(ours).toMatch(/<row r="1"[^>]*ht="36"[^>]*customHeight="1"/);
    expect([...parts.keys()].some((n) => /comments\d*\.xml$/.test(n))).toBe(true);
    expect([...parts.values()].some((x) => x.includes('资金到位情况请财务股核实'))).toBe(true);
    expect(ours).toContain('<hyperlink ref="H5"');
    // Text that looks like a formula stays text.
    expect(sheetsOf(parts).get('说明')).not.toContain('<f>');
    // The copy asks for every formula to be worked out again when first opened.
    expect(parts.get('xl/workbook.xml')).toContain('<calcPr fullCalcOnLoad="1"/>');
  });

  itLo('loses fonts, fills, borders, alignment, panes, conditional formats, validation, page setup', () => {
    const styles = parts.get('xl/styles.xml')!;
    // LibreOffice's conversion keeps each of them; the community edition's keeps none.
    expect(theirs).toMatch(/<conditionalFormatting/);
    expect(theirs).toMatch(/<dataValidation/);
    expect(theirs).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(theirs).toMatch(/<headerFooter/);
    expect(ours).not.toMatch(/<conditionalFormatting|<dataValidation|<pageSetup|<headerFooter|<pane\b/);
    expect(count(styles, /<font>|<font /g)).toBe(1);
    expect(count(styles, /<fill>/g)).toBe(2); // the two every styles part must have
    expect(count(styles, /<border[ >]/g)).toBe(1);
    expect(styles).not.toContain('<alignment');
    expect(ours).not.toMatch(/<sheetView[^>]*>\s*<pane/);
  });

  itLo(
    'loses charts and pivot tables (the chart-and-pivot fixture saved as .xls by LibreOffice)',
    async () => {
      const xlsDir = path.join(dir, 'rich-xls');
      soffice('xls:MS Excel 97', xlsDir, [RICH]);
      const xls = path.join(xlsDir, '图表透视表链接.xls');
      const lo = path.join(dir, 'rich-back');
      soffice('xlsx:Calc MS Excel 2007 XML', lo, [xls]);
      const back = [...partsOf(fs.readFileSync(path.join(lo, '图表透视表链接.xlsx'))).keys()];
      expect(back.some((n) => n.startsWith('xl/charts/'))).toBe(true);
      expect(back.some((n) => n.startsWith('xl/pivotTables/'))).toBe(true);
      const copy = [...partsOf(await xlsToXlsx(fs.readFileSync(xls), 'rich.xls')).keys()];
      expect(copy.some((n) => /charts|pivot|drawings\/drawing/.test(n))).toBe(false);
    },
  );
});
