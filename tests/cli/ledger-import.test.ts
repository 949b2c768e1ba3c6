import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import { join } from 'path';
import { execFileSync } from 'child_process';
import { ensureBuilt } from '../helpers/build';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { decodeText, main } from '../../src/cli/ledger-import';

const ROOT = join(__dirname, '..', '..');
const SEED0 = join(ROOT, 'tests', 'fixtures', 'seeds', '000_110dbbfea9921064.txt');
const PLANS = join(ROOT, 'tests', 'fixtures', 'plans');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (t: string) => void out.push(t) },
      stderr: { write: (t: string) => void err.push(t) },
    },
    out,
    err,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(os.tmpdir(), 'ledger-import-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function loadSheet(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0];
}

/** A minimal .docx: one paragraph per line. */
async function makeDocx(lines: string[]): Promise<Buffer> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('ledger-import', () => {
  test('writes a ledger sheet from a seed and prints a Chinese summary', async () => {
    const out = join(dir, 'ledger.xlsx');
    const c = capture();
    expect(await main([SEED0, '--out', out], c.io)).toBe(0);
    const summary = c.out.join('');
    expect(summary).toMatch(/导入 16 个问题、16 项整改措施/);
    expect(summary).toMatch(/0 行缺少责任单位，0 行缺少整改时限/);

    const ws = await loadSheet(out);
    expect(ws.getCell('A1').value).toMatch(/整改台账/);
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '序号',
      '问题类别',
      '存在问题',
      '整改措施',
      '责任单位',
      '责任人',
      '整改时限',
      '整改进展',
      '完成时间',
      '佐证材料',
      '备注',
    ]);
    expect(ws.getCell('B3').value).toBe('聚焦政策落实不到位问题');
    // Category (一) covers its two problems: rows 3-4 merged in column B.
    expect(ws.getCell('B4').isMerged).toBe(true);
    expect(ws.getCell('B4').master.address).toBe('B3');
    expect(ws.getCell('B5').master.address).toBe('B5');
    const deadline = ws.getCell('G3').value as Date;
    expect(deadline.toISOString().slice(0, 10)).toBe('2024-06-14');
    expect(ws.getCell('E3').value).toBe('局属各单位、机关各股室');
    expect(ws.getCell('H3').value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.rowCount).toBe(18);
  });

  test('refuses to overwrite an existing --out file (exit 2)', async () => {
    const out = join(dir, 'exists.xlsx');
    await fs.writeFile(out, 'keep me');
    const c = capture();
    expect(await main([SEED0, '--out', out], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/已经存在/);
    expect(await fs.readFile(out, 'utf8')).toBe('keep me');
  });

  test('an unrecognisable document: a plain Chinese sentence, exit 2, nothing written', async () => {
    const input = join(dir, 'note.txt');
    await fs.writeFile(input, '通知\n明天上午九点开会,请准时参加。');
    const out = join(dir, 'x.xlsx');
    const c = capture();
    expect(await main([input, '--out', out], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/没有从文档中识别出整改问题/);
    expect(c.err.join('')).not.toMatch(/\bat \w/);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  test('when the document’s own totals disagree with the reading, the summary says so', async () => {
    const input = join(PLANS, 'real', '12_audit_numbered_problems.txt');
    const out = join(dir, 'audit.xlsx');
    const c = capture();
    expect(await main([input, '--out', out], c.io)).toBe(0);
    const lines = c.out.join('').split('\n');
    expect(lines[0]).toMatch(/导入 3 个问题、3 项整改措施/);
    expect(lines[2]).toBe(
      '注意：文档写明共有4个问题，本次读出3个问题，两者不一致，可能有漏读或多读，请对照原文逐条核对。',
    );

    const j = capture();
    expect(await main([input, '--json'], j.io)).toBe(0);
    expect(JSON.parse(j.out.join('')).totals).toMatchObject({ problems: 4, measures: null, agrees: false });
  });

  test('agreeing totals add no notice', async () => {
    const c = capture();
    expect(
      await main([join(PLANS, 'real', '11_counter_totals.txt'), '--out', join(dir, 'r.xlsx')], c.io),
    ).toBe(0);
    expect(c.out.join('')).not.toMatch(/注意/);
  });

  test('random bytes named .txt: one sentence, exit 2, nothing written', async () => {
    const input = join(dir, 'noise.txt');
    const bytes = Buffer.alloc(256 * 1024);
    let x = 11;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    await fs.writeFile(input, bytes);
    const out = join(dir, 'noise.xlsx');
    const c = capture();
    expect(await main([input, '--out', out], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/^文件内容不是文字[^\n]*。\n$/);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  test('usage errors are one sentence, exit 2', async () => {
    for (const argv of [
      [],
      [SEED0],
      [SEED0, '--out', 'a.csv'],
      [SEED0, '--json', '--year', '24'],
      ['x.pdf', '--json'],
      [join(dir, 'missing.txt'), '--json'],
    ]) {
      const c = capture();
      expect(await main(argv, c.io)).toBe(2);
      expect(c.err.join('').trim().split('\n')).toHaveLength(1);
    }
  });

  test('--json prints one document with ISO deadlines and the text as written', async () => {
    const c = capture();
    expect(await main([join(PLANS, 'report_quoted.txt'), '--json'], c.io)).toBe(0);
    const doc = JSON.parse(c.out.join(''));
    expect(doc.rows).toHaveLength(7);
    expect(doc.problems).toBe(4);
    expect(doc.rows[4]).toMatchObject({
      problem: '公务接待管理不规范',
      departments: ['办公室'],
      deadline: '2024-08-31',
      deadlineText: '2024年8月底',
      status: '已完成',
    });
    expect(doc.rows[6]).toMatchObject({ deadline: null, deadlineText: '长期坚持' });
  });

  test('--year sets the year of dates written without one', async () => {
    const c = capture();
    expect(
      await main(
        [join(ROOT, 'tests', 'fixtures', 'seeds', '002_79b50bfcf0dec50f.txt'), '--json', '--year', '2024'],
        c.io,
      ),
    ).toBe(0);
    expect(JSON.parse(c.out.join('')).rows[0].deadline).toBe('2024-12-31');
  });

  test('reads GBK text, UTF-8 with BOM, and .docx alike', async () => {
    const gbk = capture();
    expect(await main([join(PLANS, 'circled_gbk.txt'), '--json'], gbk.io)).toBe(0);
    const fromGbk = JSON.parse(gbk.out.join(''));
    expect(fromGbk.rows).toHaveLength(5);
    expect(fromGbk.rows[0].departments).toEqual(['后勤服务中心']);

    const utf8 = readFileSync(join(PLANS, 'circled.txt'));
    const bom = join(dir, 'bom.txt');
    await fs.writeFile(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]));
    const b = capture();
    expect(await main([bom, '--json'], b.io)).toBe(0);
    expect(JSON.parse(b.out.join('')).rows).toEqual(fromGbk.rows);

    const docx = join(dir, 'plan.docx');
    await fs.writeFile(docx, await makeDocx(utf8.toString('utf8').split('\n')));
    const d = capture();
    expect(await main([docx, '--json'], d.io)).toBe(0);
    expect(JSON.parse(d.out.join('')).rows).toEqual(fromGbk.rows);
  });

  test('a broken .docx is one sentence, exit 2', async () => {
    const docx = join(dir, 'broken.docx');
    await fs.writeFile(docx, 'not a zip');
    const c = capture();
    expect(await main([docx, '--json'], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/不是有效的 Word/);
  });

  test('decodeText', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(decodeText(new Uint8Array([0xd5, 0xfb, 0xb8, 0xc4]))).toBe('整改');
    expect(decodeText(new TextEncoder().encode('整改'))).toBe('整改');
  });

  test('bin/ledger-import.js runs the compiled command', () => {
    ensureBuilt();
    const out = join(dir, 'bin.xlsx');
    const stdout = execFileSync(
      process.execPath,
      [join(ROOT, 'bin', 'ledger-import.js'), SEED0, '--out', out],
      {
        encoding: 'utf8',
      },
    );
    expect(stdout).toMatch(/16 个问题/);
    let code = 0;
    try {
      execFileSync(process.execPath, [join(ROOT, 'bin', 'ledger-import.js'), SEED0, '--out', out], {
        stdio: 'pipe',
      });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(2);
  });
});

describe('file names and the destination (issue 9)', () => {
  test('a plan whose name starts with "-" is read after "--"; a folder that is not there is said first', async () => {
    const dashed = join(dir, '-方案.txt');
    await fs.copyFile(SEED0, dashed);
    const out = join(dir, '台账.xlsx');
    const c = capture();
    expect(await main(['--out', out, '--', dashed], c.io)).toBe(0);
    expect(c.err.join('')).toBe('');
    expect((await fs.stat(out)).size).toBeGreaterThan(1000);
    // No temporary file is left next to the ledger.
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const missing = capture();
    expect(await main([SEED0, '--out', join(dir, '没有的文件夹', 'x.xlsx')], missing.io)).toBe(2);
    expect(missing.err.join('')).toContain('输出文件夹不存在');
  });
});
