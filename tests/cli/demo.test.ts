/** npm run demo (scripts/demo.ts), run in-process. */
import { existsSync, readdirSync, rmSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../scripts/demo';
import { makeTempDir } from '../helpers/xlsx';

const SENTENCE =
  '截至2026年11月21日，共梳理问题16个，制定整改措施30项，已完成16项（其中长期任务已取得阶段性成效5项），正在推进9项，逾期未完成5项。';

async function runDemo(opts: Parameters<typeof main>[1]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
    opts,
  );
  return { code, stdout, stderr };
}

let tmpRoot: string;
beforeEach(() => {
  tmpRoot = makeTempDir('ledger-demo-test-');
});
afterEach(() => {
  rmSync(tmpRoot, { recursive: true, force: true });
});

describe('scripts/demo.ts', () => {
  it('checks the sample as of a fixed date, prints the report, the copy and the report sentence', async () => {
    const r = await runDemo({ tmpRoot });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    // First line: which sample, and that the as-of date is fixed.
    expect(lines[0]).toContain('交通运输局专项整治台账.xlsx');
    expect(lines[0]).toContain('2026年11月21日');
    expect(lines[0]).toContain('固定');
    // The command's report.
    expect(r.stdout).toContain('整改台账检查报告');
    expect(r.stdout).toContain(
      '  已完成 16（其中长期任务 5） · 正在推进 9（推进中 8 · 未启动 0 · 进展不明 1） · 逾期未完成 5；即将到期 3（属正在推进）；缺责任单位 1',
    );
    expect(r.stdout).toMatch(/第35行 H列：[^\n]*逾期/);
    // The report sentence, with the sample's real numbers.
    expect(r.stdout).toContain(`汇总表中的报告句：${SENTENCE}`);
    // The command's exit 1 is explained in one line.
    expect(lines.filter((l) => l.includes('退出码是 1'))).toHaveLength(1);
  });

  it('writes the checked copy into a fresh folder under the temp root, and says where', async () => {
    const r = await runDemo({ tmpRoot });
    const dirs = readdirSync(tmpRoot);
    expect(dirs).toHaveLength(1);
    const copy = join(tmpRoot, dirs[0], '交通运输局专项整治台账-检查结果.xlsx');
    expect(existsSync(copy)).toBe(true);
    expect(r.stdout).toContain(`在：${copy}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      '专项整治台账',
      '整改汇总',
      '逾期清单',
      '待补充清单',
    ]);
    const texts: string[] = [];
    wb.getWorksheet('整改汇总')!.eachRow((row) => row.eachCell((c) => void texts.push(c.text)));
    expect(texts).toContain(SENTENCE);

    // A second run never reuses the first folder.
    await runDemo({ tmpRoot });
    expect(readdirSync(tmpRoot)).toHaveLength(2);
  });

  it('exits 2 with a plain sentence when the ledger cannot be checked', async () => {
    const r = await runDemo({ tmpRoot, sample: join(tmpRoot, '不存在的台账.xlsx') });
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('汇总表中的报告句');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toContain('文件不存在');
    expect(lines[lines.length - 1]).toContain('演示没有完成');
    expect(r.stderr).not.toMatch(/Error|\bat \S+ \(/);
  });
});
