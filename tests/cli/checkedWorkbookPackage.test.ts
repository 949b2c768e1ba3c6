/**
 * `--out` as a surgical edit of the clerk's package, checked on files the tool did not write:
 * - a workbook LibreOffice made with a chart, a pivot table and the clerk's links (one into the
 *   workbook, one to a web page) — tests/fixtures/rich/, made by make-rich.bas in LibreOffice;
 * - the hostile corpus's U+FFFE and formula-like cells.
 * Every part of each copy parses with a strict XML parser; the parts the tool does not edit are
 * byte for byte the original's; LibreOffice opens and saves the copy keeping all of it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { main } from '../../src/cli/ledger-check';
import { XlsxPackage } from '../../src/cli/xlsxPackage';
import { readWorkbook } from '../../src/cli/workbook';
import { listZipEntries, rawEntry } from '../../src/workbook/zip';
import { makeTempDir } from '../helpers/xlsx';
import { findSoffice, sofficeConvert } from '../helpers/libreoffice';

const ROOT = path.join(__dirname, '..', '..');
const RICH = path.join(ROOT, 'tests', 'fixtures', 'rich', '图表透视表链接.xlsx');
const HOSTILE = path.join(ROOT, 'tests', 'fixtures', 'hostile');
const SOFFICE = findSoffice();
if (!SOFFICE)
  console.warn('SKIPPED the LibreOffice round trips in checkedWorkbookPackage.test.ts: soffice not found.');
const itLo = SOFFICE ? it : it.skip;

let dir: string;
beforeAll(() => {
  dir = makeTempDir('zgtz-package-');
});

function memoryIo() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
    },
  };
}

async function checkOut(input: string, out: string, asOf: string) {
  const { io, out: text } = memoryIo();
  const code = await main([input, '--as-of', asOf, '--out', out], io);
  return { code, ...text };
}

/** Every XML part of a package, as text. */
function parts(file: string): Map<string, string> {
  const pkg = new XlsxPackage(fs.readFileSync(file));
  const out = new Map<string, string>();
  for (const name of pkg.entries.keys()) {
    if (/\.(xml|rels)$/i.test(name)) out.set(name, pkg.text(name, 1 << 28)!);
  }
  return out;
}

function expectStrictXml(file: string): void {
  for (const [name, xml] of parts(file)) {
    const p = new SaxesParser({ xmlns: true });
    let error: unknown = null;
    p.on('error', (e) => (error = e));
    p.write(xml).close();
    expect([name, error]).toEqual([name, null]);
  }
}

function convert(file: string, outDir: string): string {
  const profile = path.join(dir, 'lo-profile');
  sofficeConvert(SOFFICE!, {
    profile,
    filter: 'xlsx:Calc MS Excel 2007 XML',
    outDir,
    files: [file],
    timeout: 120_000,
  });
  return path.join(outDir, path.basename(file));
}

describe('--out on a workbook with a chart, a pivot table and the clerk’s links', () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(dir, 'rich-checked.xlsx');
    // As of 2027 every deadline (2026-12-31) has passed: the ledger sheet gets marks.
    const r = await checkOut(RICH, out, '2027-01-15');
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
  });

  it('every part of the copy is well-formed XML (strict parser)', () => {
    expectStrictXml(out);
  });

  it('copies every part it does not edit byte for byte, compressed data included', () => {
    const a = fs.readFileSync(RICH);
    const b = fs.readFileSync(out);
    const ea = listZipEntries(a)!;
    const eb = listZipEntries(b)!;
    const edited = new Set([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      '[Content_Types].xml',
      'xl/worksheets/sheet1.xml',
    ]);
    for (const [name, e] of ea) {
      expect(eb.has(name)).toBe(true);
      if (edited.has(name)) continue;
      expect([name, Buffer.from(rawEntry(b, eb.get(name)!)!).equals(Buffer.from(rawEntry(a, e)!))]).toEqual([
        name,
        true,
      ]);
    }
    for (const p of ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/drawings/drawing1.xml']) {
      expect(eb.has(p)).toBe(true);
    }
  });

  it('edits the ledger sheet after its cells only: marks at their schema place, links and drawing kept', () => {
    const before = parts(RICH).get('xl/worksheets/sheet1.xml')!;
    const after = parts(out).get('xl/worksheets/sheet1.xml')!;
    const cut = before.indexOf('</sheetData>');
    expect(after.slice(0, cut)).toBe(before.slice(0, cut));
    const cf = after.indexOf('<conditionalFormatting');
    expect(cf).toBeGreaterThan(cut);
    expect(cf).toBeLessThan(after.indexOf('<hyperlinks'));
    expect(after).toContain('N("整改台账助手:overdue")=0');
    expect(after).toContain('location="统计!A1"');
    expect(after).toMatch(/<hyperlink ref="H3" r:id="rId1"/);
    expect(after).toMatch(/<drawing r:id="rId2"\/>/);
    // The tool's sheets and markers are in the workbook.
    const wb = parts(out).get('xl/workbook.xml')!;
    for (const s of ['整改汇总', '逾期清单', '待补充清单']) expect(wb).toContain(`name="${s}"`);
    expect(wb).toContain('<definedName name="ZGTZ_summary">');
  });

  itLo('LibreOffice opens and saves the copy with chart, pivot table, links and marks intact', async () => {
    const saved = convert(out, path.join(dir, 'lo-rich'));
    const p = parts(saved);
    const names = [...p.keys()];
    expect(names.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n))).toBe(true);
    const sheet1 = p.get('xl/worksheets/sheet1.xml')!;
    expect(sheet1).toContain('整改台账助手:overdue');
    expect(sheet1).toMatch(/location="'?统计'?!A1"/);
    const rels = p.get('xl/worksheets/_rels/sheet1.xml.rels')!;
    expect(rels).toContain('https://www.gov.cn/');
    const grids = await readWorkbook(saved);
    expect(grids.map((g) => g.sheet)).toEqual(['台账', '统计', '整改汇总', '逾期清单', '待补充清单']);
  });
});

describe('--out with hostile text', () => {
  it('U+FFFE in the ledger: the copy is well-formed and LibreOffice keeps every later string', async () => {
    const out = path.join(dir, 'fffe-checked.xlsx');
    const r = await checkOut(path.join(HOSTILE, 'fffe-cell.xlsx'), out, '2027-06-01');
    expect([0, 1]).toContain(r.code);
    expectStrictXml(out);
    // The 逾期清单 quotes the problem: U+FFFE written the OOXML way, not raw.
    const all = [...parts(out).values()].join('');
    expect(all).toContain('问题一_xFFFE_后面的字');
    expect(all).not.toContain('\uFFFE');
    if (!SOFFICE) return;
    const saved = convert(out, path.join(dir, 'lo-fffe'));
    const grids = await readWorkbook(saved);
    const texts = grids.flatMap((g) => g.cells.flat().map((c) => String(c.value)));
    expect(texts.some((t) => t.includes('后面的字'))).toBe(true);
    expect(texts.some((t) => t.includes('措施'))).toBe(true);
    expect(texts).toContain('问题2：窗口办事拖拉');
  }, 120_000);

  it('formula-like text is written as text with Excel’s apostrophe, never as a formula', async () => {
    const out = path.join(dir, 'formula-checked.xlsx');
    const r = await checkOut(path.join(HOSTILE, 'formula-like.xlsx'), out, '2027-06-01');
    expect([0, 1]).toContain(r.code);
    expectStrictXml(out);
    const p = parts(out);
    const styles = p.get('xl/styles.xml')!;
    const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf\b[^>]*>/g)].map(
      (m) => m[0],
    );
    const input = parts(path.join(HOSTILE, 'formula-like.xlsx'));
    const newSheets = [...p.entries()].filter(
      ([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && !input.has(n),
    );
    expect(newSheets.length).toBe(3);
    let seen = 0;
    for (const [, xml] of newSheets) {
      expect(xml).not.toMatch(/<f[\s>]/);
      for (const m of xml.matchAll(
        /<c r="[A-Z]+\d+" s="(\d+)" t="inlineStr"><is><t xml:space="preserve">([^<]*)</g,
      )) {
        const xf = xfs[Number(m[1])];
        expect(xf).toContain('numFmtId="49"');
        if (m[2].startsWith('=cmd')) {
          seen++;
          expect(m[2]).toBe("=cmd|' /C calc'!A0");
          expect(xf).toContain('quotePrefix="1"');
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('the destination', () => {
  it('an existing file is never replaced, and the check does not even start', async () => {
    const out = path.join(dir, 'exists.xlsx');
    fs.writeFileSync(out, 'mine');
    const r = await checkOut(RICH, out, '2027-01-15');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('已存在');
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
  });

  it('a symlink planted at the destination is not followed', async () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep');
    const out = path.join(dir, 'planted.xlsx');
    fs.symlinkSync(victim, out);
    const r = await checkOut(RICH, out, '2027-01-15');
    expect(r.code).toBe(2);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
  });

  it('a missing folder is said before the check, not after it', async () => {
    const r = await checkOut(RICH, path.join(dir, 'no-such-folder', 'x.xlsx'), '2027-01-15');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('输出文件夹不存在');
  });

  it('leaves no temporary file behind', () => {
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
