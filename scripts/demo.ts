/**
 * npm run demo: checks the bundled sample ledger as a clerk would, with the command itself.
 *
 * 1. prints the report (`ledger-check samples/交通运输局专项整治台账.xlsx --as-of 2026-11-21`);
 * 2. writes the checked copy with the summary sheets (整改汇总, 逾期清单, 待补充清单) into a fresh
 *    temporary folder, never next to the sample, and says where it is;
 * 3. prints the one-sentence progress report the summary sheet carries.
 *
 * The as-of date is fixed, so the demo shows the same picture on any day. Exit 0 when the check
 * ran (the sample has errors on purpose: the command's exit 1 is said in one line, not passed on),
 * 2 when it could not run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, isAbsolute, join, relative } from 'node:path';
import { chineseDate } from '../src/core/calendar';
import { checkGrid } from '../src/core/check';
import { summarySentence, summarize } from '../src/core/summary';
import {
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_REQUIRED,
  type CheckOptions,
  type SheetReport,
} from '../src/core/types';
import { main as ledgerCheck } from '../src/cli/ledger-check';
import { defaultIo, type Io } from '../src/cli/io';
import { readWorkbook } from '../src/cli/workbook';

export const DEMO_SAMPLE = join(__dirname, '..', 'samples', '交通运输局专项整治台账.xlsx');
export const DEMO_AS_OF = '2026-11-21';

export interface DemoOptions {
  /** The ledger to check (the bundled sample unless a test says otherwise). */
  sample?: string;
  /** Where the fresh temporary folder is made (os.tmpdir() unless a test says otherwise). */
  tmpRoot?: string;
}

/** The path as short as it can be said from the current folder ("samples/…xlsx" from the repo). */
function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** The same check the command ran, for the report sentence (the command returns only its exit code). */
async function sentenceFor(file: string): Promise<string> {
  const options: CheckOptions = {
    asOf: DEMO_AS_OF,
    dueSoonDays: DEFAULT_DUE_SOON_DAYS,
    required: [...DEFAULT_REQUIRED],
    lang: 'zh',
  };
  const reports: SheetReport[] = [];
  for (const grid of await readWorkbook(file)) {
    const result = checkGrid(grid, options);
    if (result.ok) reports.push(result.report);
  }
  const summary = summarize(reports, { asOf: DEMO_AS_OF, ledgerName: basename(file, extname(file)) });
  return summarySentence(summary, 'zh');
}

export async function main(io: Io = defaultIo(), opts: DemoOptions = {}): Promise<number> {
  const file = shortPath(opts.sample ?? DEMO_SAMPLE);
  io.stdout.write(
    `演示：检查示例台账“${file}”，截至日期固定为${chineseDate(DEMO_AS_OF)}（不取今天），所以每次演示看到的结果都相同。\n\n`,
  );

  let outPath: string;
  try {
    const dir = mkdtempSync(join(opts.tmpRoot ?? tmpdir(), 'zgtz-demo-'));
    outPath = join(dir, `${basename(file, extname(file))}-检查结果.xlsx`);
  } catch {
    io.stderr.write('演示没有完成：无法在临时文件夹中新建目录，请检查磁盘空间和权限后重试。\n');
    return 2;
  }

  const code = await ledgerCheck([file, '--as-of', DEMO_AS_OF, '--out', outPath], io);
  if (code !== 0 && code !== 1) {
    io.stderr.write('演示没有完成：示例台账未能检查，原因见上一行。\n');
    return 2;
  }

  let sentence: string;
  try {
    sentence = await sentenceFor(file);
  } catch {
    io.stderr.write('演示没有完成：读取示例台账生成报告句时出错，请重新运行 npm run samples 后再试。\n');
    return 2;
  }

  io.stdout.write('\n');
  io.stdout.write(`检查后的副本（含整改汇总、逾期清单、待补充清单）在：${outPath}\n`);
  io.stdout.write(`汇总表中的报告句：${sentence}\n`);
  if (code === 1) {
    io.stdout.write(
      '示例台账中有需要处理的错误（逾期、缺责任单位、日期无法识别，是有意留下的），所以命令的退出码是 1；演示本身已正常完成。\n',
    );
  }
  return 0;
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
