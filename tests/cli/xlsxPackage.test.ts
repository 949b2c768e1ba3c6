/**
 * The package writer's deflating: a part handed over in chunks (the marked ledger sheet as its
 * untouched head and edited tail, a new sheet as its XML is made) must come out as the very bytes
 * zlib gives for the whole part in one call, at the level the size calls for, so the copy is the
 * same whichever way a part was produced. Checked on worksheet XML shaped like a real ledger's,
 * cut at random places, either side of the line (BIG_PART, 1 MB) where the level changes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { crc32, deflateRawSync, inflateRawSync } from 'zlib';
import { writeCheckedWorkbook } from '../../src/cli/checkedWorkbook';
import {
  BIG_PART,
  chunkPool,
  ChunkPool,
  deflatePart,
  PartDeflater,
  XlsxPackage,
} from '../../src/cli/xlsxPackage';
import { markFormula } from '../../src/core/protocol';
import { listZipEntries, rawEntry } from '../../src/workbook/zip';
import { makeTempDir } from '../helpers/xlsx';

const DEPARTMENTS = ['县住建局', '县交通运输局', '县市场监管局、县商务局', '各乡镇人民政府'];
const STATUSES = ['已完成', '推进中', '长期坚持', '未启动', ''];

/**
 * A worksheet part of about `bytes` bytes: inline-string rows of Chinese text, as ledgers have;
 * `after` goes after </sheetData>.
 */
function sheetXml(bytes: number, after = ''): Buffer {
  const rows: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  let size = rows[0].length;
  for (let r = 1; size < bytes; r++) {
    const cells = [
      `问题${r % 97}：政策落实不到位，服务意识不强，群众反映办事难、办事慢（第${r}条）`,
      `建立健全工作机制，${r % 13}月底前完成专项整治，形成长效管理制度`,
      DEPARTMENTS[r % DEPARTMENTS.length],
      `2026年${(r % 12) + 1}月${(r % 28) + 1}日`,
      STATUSES[r % STATUSES.length],
    ]
      .map((t, c) => `<c r="${'ABCDE'[c]}${r}" t="inlineStr"><is><t>${t}</t></is></c>`)
      .join('');
    const row = `<row r="${r}">${cells}</row>`;
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  rows.push(`</sheetData>${after}</worksheet>`);
  return Buffer.from(rows.join(''), 'utf8');
}

/** `data` cut into pieces at pseudo-random places (a fixed seed: the same cuts every run). */
function cut(data: Buffer, pieces: number, seed: number): Buffer[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const at = [...new Set(Array.from({ length: pieces - 1 }, () => Math.floor(next() * data.length)))].sort(
    (a, b) => a - b,
  );
  const out: Buffer[] = [];
  let from = 0;
  for (const to of [...at, data.length]) {
    out.push(data.subarray(from, to));
    from = to;
  }
  return out;
}

describe('deflating a part in chunks', () => {
  const big = sheetXml(6 * 1048576);
  const small = sheetXml(BIG_PART / 2);

  it('a part over BIG_PART: the bytes of one level-1 deflate of the whole, however it is cut', async () => {
    const whole = deflateRawSync(big, { level: 1 });
    for (const [pieces, seed] of [
      [1, 1],
      [2, 7],
      // Pieces around half a MB: some go to zlib as they are, the smaller ones joined.
      [8, 5],
      [12, 17],
      [300, 11],
      [5000, 13],
    ]) {
      const part = await deflatePart(cut(big, pieces, seed));
      expect([pieces, part.deflated.equals(whole)]).toEqual([pieces, true]);
      expect(part.size).toBe(big.length);
      expect(part.crc).toBe(crc32(big));
    }
  });

  it('a part of BIG_PART or less: one level-6 deflate, as before', async () => {
    const part = await deflatePart(cut(small, 40, 3));
    expect(part.deflated.equals(deflateRawSync(small, { level: 6 }))).toBe(true);
    expect(inflateRawSync(part.deflated).equals(small)).toBe(true);
  });

  it('exactly BIG_PART stays at level 6; one byte more goes to level 1', async () => {
    const four = Buffer.concat([small, Buffer.alloc(BIG_PART - small.length, 0x20)]);
    const five = Buffer.concat([four, Buffer.from(' ')]);
    expect((await deflatePart(cut(four, 9, 5))).deflated.equals(deflateRawSync(four, { level: 6 }))).toBe(
      true,
    );
    expect((await deflatePart(cut(five, 9, 5))).deflated.equals(deflateRawSync(five, { level: 1 }))).toBe(
      true,
    );
  });

  it('chunks from the pool are used again only once zlib has read them', async () => {
    // Written as the copy's writer writes: each piece copied into a chunk taken from the pool.
    const write = async (data: Buffer, piece: number) => {
      const d = new PartDeflater();
      for (let at = 0; at < data.length; at += piece) {
        const chunk = chunkPool.take(ChunkPool.CHUNK_BYTES);
        const n = data.copy(chunk, 0, at, Math.min(at + piece, data.length));
        await d.add(chunk.subarray(0, n));
      }
      return d.end();
    };
    const other = Buffer.from(big).reverse();
    // Large pieces go to zlib one by one (back after its write callback), small ones joined
    // first (back once copied), and a small part in one go: every part reads back whole.
    const parts = [
      [big, 700000],
      [other, 300000],
      [small, 100000],
      [big, 1048576],
    ] as const;
    const written: Awaited<ReturnType<typeof write>>[] = [];
    for (const [data, piece] of parts) written.push(await write(data, piece));
    parts.forEach(([data], i) => {
      expect(inflateRawSync(written[i].deflated).equals(data)).toBe(true);
      expect(written[i].crc).toBe(crc32(data));
    });
  });

  it('the pool takes back only buffers it made', () => {
    const pool = new ChunkPool();
    const stranger = Buffer.alloc(ChunkPool.CHUNK_BYTES);
    pool.giveBack(stranger);
    expect(pool.take(10).buffer).not.toBe(stranger.buffer);
    const own = pool.take(10);
    pool.giveBack(own.subarray(0, 5));
    expect(pool.take(10).buffer).toBe(own.buffer);
    expect(pool.take(ChunkPool.CHUNK_BYTES + 1).length).toBe(ChunkPool.CHUNK_BYTES + 1);
  });

  it('a part whose source fails half-way: the error comes through', async () => {
    function* failing() {
      yield* cut(big, 10, 19);
      throw new Error('the plan broke');
    }
    await expect(deflatePart(failing())).rejects.toThrow('the plan broke');
  });

  it('an empty part is an empty deflate stream', async () => {
    const d = new PartDeflater();
    await d.add(Buffer.alloc(0));
    const part = await d.end();
    expect(part.size).toBe(0);
    expect(inflateRawSync(part.deflated).length).toBe(0);
  });

  it('a package with a deflated part writes a zip entry that reads back', async () => {
    const dir = makeTempDir('zgtz-xlsxpackage-');
    const src = path.join(__dirname, '..', 'fixtures', 'real', '督查室交办台账.xlsx');
    const pkg = new XlsxPackage(fs.readFileSync(src));
    pkg.write('xl/worksheets/sheet9.xml', await deflatePart(cut(big, 50, 17)));
    expect(pkg.read('xl/worksheets/sheet9.xml', 1 << 28)!.equals(big)).toBe(true);
    const out = path.join(dir, 'copy.xlsx');
    const fd = fs.openSync(out, 'wx');
    pkg.writeTo(fd);
    fs.closeSync(fd);
    const bytes = fs.readFileSync(out);
    const e = listZipEntries(bytes)!.get('xl/worksheets/sheet9.xml')!;
    expect(e.uncompressedSize).toBe(big.length);
    expect(e.crc32 >>> 0).toBe(crc32(big));
    expect(inflateRawSync(rawEntry(bytes, e)!).equals(big)).toBe(true);
  });
});

describe('marking a large ledger sheet', () => {
  const FIXTURE = path.join(__dirname, '..', 'fixtures', 'real', '督查室交办台账.xlsx');
  const SHEET = 'xl/worksheets/sheet1.xml';
  const dir = makeTempDir('zgtz-marklarge-');
  const links = (n: number) =>
    `<hyperlinks>${Array.from({ length: n }, (_, i) => `<hyperlink ref="A${i + 1}" location="'交办问题'!B${i + 1}"/>`).join('')}</hyperlinks>`;
  const plan = { sheet: '交办问题', groups: [{ kind: 'overdue' as const, areas: ['A5:H7', 'A9:H9'] }] };

  /** The fixture with its ledger sheet replaced by `sheet`, marked by --out's writer. */
  async function markedCopy(name: string, sheet: Buffer): Promise<{ before: string; after: string }> {
    const pkg = new XlsxPackage(fs.readFileSync(FIXTURE));
    pkg.write(SHEET, sheet);
    const input = path.join(dir, `${name}.xlsx`);
    const fd = fs.openSync(input, 'wx');
    pkg.writeTo(fd);
    fs.closeSync(fd);
    const out = path.join(dir, `${name}-checked.xlsx`);
    await writeCheckedWorkbook(input, out, [], [plan]);
    const copy = new XlsxPackage(fs.readFileSync(out));
    return { before: sheet.toString('utf8'), after: copy.read(SHEET, 1 << 28)!.toString('utf8') };
  }

  /** The sheet with the tool's rule put just ahead of <hyperlinks> (its schema place). */
  function expected(before: string): string {
    const at = before.lastIndexOf('<hyperlinks>');
    const rule =
      `<conditionalFormatting sqref="A5:H7 A9:H9"><cfRule type="expression" dxfId="0" priority="1">` +
      `<formula>${markFormula('overdue')}</formula></cfRule></conditionalFormatting>`;
    return before.slice(0, at) + rule + before.slice(at);
  }

  it('streams a sheet of 6 MB through (cells untouched, the rule at its place)', async () => {
    const { before, after } = await markedCopy('streamed', sheetXml(6 * 1048576, links(200)));
    expect(after.length).toBe(expected(before).length);
    expect(after === expected(before)).toBe(true);
  });

  it('merged areas after the cells pass as they are; rules after them are edited as before', async () => {
    // As Excel orders them: mergeCells, then the tool's earlier rule and the clerk's, then the rest.
    const merges = `<mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="A5:A7"/></mergeCells>`;
    const oldRule =
      `<conditionalFormatting sqref="A9:H9"><cfRule type="expression" dxfId="0" priority="1">` +
      `<formula>N("整改台账助手:overdue")=0</formula></cfRule></conditionalFormatting>`;
    const clerks =
      `<conditionalFormatting sqref="E5:E9"><cfRule type="expression" dxfId="1" priority="2">` +
      `<formula>ISBLANK(E5)</formula></cfRule></conditionalFormatting>`;
    const sheet = sheetXml(2 * 1048576, merges + oldRule + clerks + links(3));
    const { before, after } = await markedCopy('merged', sheet);
    const ours =
      `<conditionalFormatting sqref="A5:H7 A9:H9"><cfRule type="expression" dxfId="0" priority="1">` +
      `<formula>${markFormula('overdue')}</formula></cfRule></conditionalFormatting>`;
    const at = before.indexOf(oldRule);
    expect(after).toBe(
      before.slice(0, at) +
        ours +
        clerks.replace('priority="2"', 'priority="3"') +
        before.slice(at + oldRule.length + clerks.length),
    );
  });

  it('a part after the cells longer than what streaming keeps back: the same result, held whole', async () => {
    // 100,000 links are about 6 MB after </sheetData>, more than the 4 MB kept back.
    const { before, after } = await markedCopy('whole', sheetXml(6 * 1048576, links(100_000)));
    expect(after.length).toBe(expected(before).length);
    expect(after === expected(before)).toBe(true);
  });
});
