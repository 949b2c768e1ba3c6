/**
 * The bug issue 8 fixed: `ledger-check --lang en --out` wrote English sentences into the 说明
 * column of 待补充清单 (the sheets go to the inspection team as they are, in Chinese), and English
 * messages carried Chinese date reasons ("(2026年2月没有30日)").
 */
import { rmSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/ledger-check';
import { runMain, type CommandRun } from '../helpers/cli';
import { makeTempDir } from '../helpers/xlsx';

const SAMPLE1 = join(__dirname, '..', '..', 'samples', '交通运输局专项整治台账.xlsx');
/** Han characters and full-width punctuation. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

let dir: string;
beforeAll(() => {
  dir = makeTempDir('findings-language-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]): Promise<CommandRun> {
  return runMain(main, argv);
}

/** The 说明 column of 待补充清单, below its header. */
async function explanations(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('待补充清单')!;
  let column = 0;
  const out: string[] = [];
  ws.eachRow((row) => {
    if (column === 0) {
      row.eachCell((c, n) => {
        if (c.text === '说明') column = n;
      });
      return;
    }
    const t = row.getCell(column).text;
    if (t) out.push(t);
  });
  return out;
}

describe('ledger-check --lang en --out', () => {
  it('writes Chinese into 待补充清单 and speaks English on stdout, with no Chinese reasons', async () => {
    const out = join(dir, 'checked-en.xlsx');
    const r = await run(SAMPLE1, '--as-of', '2026-11-21', '--lang', 'en', '--json', '--out', out);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const findings = doc.sheets[0].findings as {
      code: string;
      row: number;
      message: string;
      params: Record<string, unknown>;
    }[];

    // The sheet: every 说明 is a Chinese sentence, the unreadable date's reason in Chinese.
    const notes = await explanations(out);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n).toMatch(CJK);
    for (const n of notes) expect(n).not.toMatch(/\b(?:is not|please|fill it in|write it like)\b/i);
    expect(notes.join('\n')).toContain('不是有效日期（2026年2月没有30日）');

    // stdout: English messages; the clerk's own text is quoted, everything else has no CJK.
    const invalid = findings.find((f) => f.code === 'invalid-date' && f.row === 15)!;
    expect(invalid.message).toContain('(2026-02 has no day 30)');
    expect(invalid.params).toMatchObject({
      field: 'deadline',
      reason: { code: 'no-such-day', year: 2026, month: 2, day: 30 },
    });
    for (const f of findings) {
      const ours = f.message.replace(/"[^"]*"/g, '""');
      expect([f.code, ours, CJK.test(ours)]).toEqual([f.code, ours, false]);
    }
  });

  it('the Chinese report writes the same sheet', async () => {
    const en = join(dir, 'checked-en2.xlsx');
    const zh = join(dir, 'checked-zh.xlsx');
    await run(SAMPLE1, '--as-of', '2026-11-21', '--lang', 'en', '--out', en);
    await run(SAMPLE1, '--as-of', '2026-11-21', '--out', zh);
    expect(await explanations(en)).toEqual(await explanations(zh));
  });
});
