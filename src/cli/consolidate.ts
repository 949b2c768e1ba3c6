/**
 * `ledger-check` over several files and folders (汇总): every unit's ledger is read and checked one
 * file at a time (the workbook and its grids are let go before the next file), one report line per
 * file, then the combined figures. `--out 汇总.xlsx` writes a new workbook with 汇总台账, 各单位情况,
 * 逾期清单 and 待补充清单; it never writes over a file.
 *
 * Folders are searched with their subfolders for .xlsx, .xlsm and .xls files (an .xls is listed as
 * unreadable with the reason until the reader takes it). Skipped: Office's lock files (~$…), hidden
 * files, the --out file, and workbooks this tool wrote (they carry its ZGTZ_ names: a checked copy
 * or an earlier 汇总 would count a unit twice); the report names the files it skipped.
 *
 * Exit 0: every file read, no errors in any ledger. 1: some ledger has errors, or some file could
 * not be read (the rest are merged). 2: nothing could be merged, or the call itself was wrong.
 */
import { promises as fs, statSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { chineseDate } from '../core/calendar';
import {
  Consolidator,
  UNIT_SOURCE_LABELS,
  checkFileGrids,
  consolidatedSentence,
  parseUnitMapping,
  planMergeSheets,
  totalsLine,
  unreadableFile,
  type ConsolidationResult,
  type FileOutcome,
} from '../core/consolidate';
import type { CheckOptions, Lang } from '../core/types';
import { UsageError, type Io } from './io';
import { StreamedList, StreamedObject, writeJson } from './jsonStream';
import { checkDestination } from './safeWrite';
import { isToolOutput } from './toolOutput';
import { EXIT } from './usage';
import { LIMITS } from '../workbook/limits';
import { WorkbookError, readRegularFile, readWorkbookBuffer } from './workbook';

export interface ConsolidateArgs {
  files: string[];
  json: boolean;
  out?: string;
  /** A mapping file: file or name → unit. */
  units?: string;
  options: CheckOptions;
}

const WORKBOOK_EXT = /\.(?:xlsx|xlsm|xls)$/i;

export interface FoundFiles {
  files: string[];
  /** Files left out, with why (lock files, the tool's own output, the --out file). */
  ignored: { file: string; reason: string }[];
  /** Paths given that do not exist. */
  missing: string[];
}

/** The workbook files under the given paths, folders searched depth-first in name order. */
export function findWorkbookFiles(paths: string[], out?: string): FoundFiles {
  const found: FoundFiles = { files: [], ignored: [], missing: [] };
  const seen = new Set<string>();
  const outPath = out ? resolve(out) : null;
  const visit = (p: string, given: boolean) => {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      if (given) found.missing.push(p);
      return;
    }
    const name = basename(p);
    if (isDir) {
      if (!given && name.startsWith('.')) return;
      let entries: string[] = [];
      try {
        entries = readdirSync(p).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
      } catch {
        found.ignored.push({ file: p, reason: '文件夹无法打开' });
        return;
      }
      for (const e of entries) visit(join(p, e), false);
      return;
    }
    const abs = resolve(p);
    if (seen.has(abs)) return;
    seen.add(abs);
    if (name.startsWith('~$')) {
      found.ignored.push({ file: p, reason: 'Excel 打开文件时生成的临时锁定文件' });
      return;
    }
    if (!given && (name.startsWith('.') || !WORKBOOK_EXT.test(name))) return;
    if (outPath && abs === outPath) {
      found.ignored.push({ file: p, reason: '本次写出的汇总文件' });
      return;
    }
    found.files.push(p);
  };
  for (const p of paths) visit(p, true);
  return found;
}

/** One report line per file: each unit in it with where its name came from and its figures. */
function fileLine(consolidator: Consolidator, f: FileOutcome, lang: Lang): string {
  const zh = lang === 'zh';
  if (f.error !== null) return zh ? `  ${f.file}：未能读取。${f.error}` : `  ${f.file}: not read. ${f.error}`;
  const units = f.units.map((u) => {
    const src = UNIT_SOURCE_LABELS[u.source][lang];
    const r = consolidator.unitFrom(u.unit, f.file);
    const figures = !r
      ? zh
        ? '与其他文件属同一单位，未重复合并（见下方注意）'
        : 'same unit as another file, not merged twice (see the note below)'
      : zh
        ? `措施${r.counts.measures}项，逾期${r.counts.overdue}项，缺责任单位${r.missingDepartment}项，待补充${r.toCompleteCount}行`
        : `${r.counts.measures} measures, ${r.counts.overdue} overdue, ${r.missingDepartment} without department, ${r.toCompleteCount} to complete`;
    return zh ? `${u.unit}（名称取自${src}）：${figures}` : `${u.unit} (name from ${src}): ${figures}`;
  });
  return `  ${f.file}${zh ? '：' : ': '}${units.join(zh ? '；' : '; ')}`;
}

async function readMapping(path: string): Promise<Map<string, string>> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch {
    throw new UsageError(`单位名称映射文件不存在或无法读取：${path}`);
  }
  let textContent: string;
  try {
    textContent = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    textContent = new TextDecoder('gb18030').decode(bytes);
  }
  const { map, badLines } = parseUnitMapping(textContent);
  if (badLines.length > 0) {
    throw new UsageError(
      `单位名称映射文件第${badLines.join('、')}行看不懂：每行应写成“文件名或原名称=单位名称”。`,
    );
  }
  return map;
}

export async function consolidateMain(args: ConsolidateArgs, io: Io): Promise<number> {
  const { options } = args;
  const zh = options.lang === 'zh';
  if (args.out !== undefined) {
    if (!/\.xlsx$/i.test(args.out)) throw new UsageError(`--out 的文件名应以 .xlsx 结尾：${args.out}`);
    // Before any file is read: the folder exists and is writable, and nothing is there by that name.
    checkDestination(args.out);
  }
  const mapping = args.units ? await readMapping(args.units) : undefined;
  const found = findWorkbookFiles(args.files, args.out);
  if (found.missing.length > 0) {
    throw new UsageError(`找不到：${found.missing.join('、')}。请检查路径是否正确。`);
  }
  if (found.files.length === 0) {
    throw new UsageError(`在 ${args.files.join('、')} 中没有找到 .xlsx 台账文件。`);
  }

  const consolidator = new Consolidator({
    asOf: options.asOf,
    lang: options.lang,
    dueSoonDays: options.dueSoonDays,
    detailed: args.out !== undefined,
    mapping,
  });
  const ignored = found.ignored.map((i) => ({ ...i, file: displayPath(i.file, args.files) }));
  const out = args.json ? null : io.stdout;
  out?.write(
    zh
      ? `整改台账汇总检查（截至${chineseDate(options.asOf)}）\n`
      : `Ledgers of many units, checked as of ${options.asOf}\n`,
  );

  // One file at a time: its bytes, grids and reports are dropped before the next is read.
  for (const file of found.files) {
    const shown = displayPath(file, args.files);
    let modified: number | undefined;
    let input;
    try {
      modified = statSync(file).mtimeMs;
      // Regular files only, within the size cap (a FIFO or a device named .xlsx is refused at once).
      const bytes = await readRegularFile(file, LIMITS.maxFileBytes);
      if (isToolOutput(bytes)) {
        ignored.push({
          file: shown,
          reason: zh ? '本工具生成的检查结果或汇总' : "this tool's own output",
        });
        continue;
      }
      const grids = await readWorkbookBuffer(bytes, basename(file));
      input = { ...checkFileGrids(shown, grids, options, modified), folder: unitFolder(file, args.files) };
    } catch (e) {
      const reason =
        e instanceof WorkbookError
          ? e.message
          : zh
            ? '读取时发生意外错误，请在 Excel 中打开并另存为 .xlsx 后再试。'
            : 'unexpected error while reading; open it in Excel and save it again as .xlsx.';
      input = unreadableFile(shown, reason, modified);
    }
    const outcome = consolidator.add(input);
    if (out) out.write(`${fileLine(consolidator, outcome, options.lang)}\n`);
  }

  const result = consolidator.result();
  if (args.json) {
    await writeJson(io.stdout, jsonDocument(result, ignored));
  } else {
    const lines: string[] = [''];
    for (const d of result.duplicates) {
      lines.push(
        zh
          ? `注意：${d.dropped} 与 ${d.kept} 都是“${d.unit}”的台账，只合并了 ${d.kept}（修改时间较晚），未重复计数。如确属不同单位，请用 --units 映射文件区分。`
          : `Note: ${d.dropped} and ${d.kept} are both ledgers of "${d.unit}"; only ${d.kept} (modified later) was merged.`,
      );
    }
    if (ignored.length > 0) {
      lines.push(
        zh
          ? `跳过的文件：${ignored.map((i) => `${i.file}（${i.reason}）`).join('、')}`
          : `Skipped: ${ignored.map((i) => `${i.file} (${i.reason})`).join(', ')}`,
      );
    }
    lines.push(totalsLine(result, options.lang));
    lines.push(consolidatedSentence(result, options.lang));
    io.stdout.write(lines.join('\n') + '\n');
  }

  if (result.totals.units === 0) {
    io.stderr.write(
      zh
        ? '没有一个文件能够合并：请确认选择的是各单位填好的台账 .xlsx 文件。\n'
        : 'No file could be merged: choose the units’ filled-in .xlsx ledgers.\n',
    );
    return EXIT.failed;
  }
  if (args.out !== undefined) {
    // exceljs loads only when a 汇总 is written (ledger-check --help stays fast).
    const { writeMergedWorkbook } = await import('./consolidateWrite');
    const written = await writeMergedWorkbook(args.out, planMergeSheets(result));
    (args.json ? io.stderr : io.stdout).write(
      zh
        ? `已写出汇总：${args.out}（工作表：${written.join('、')}）\n`
        : `Wrote ${args.out} (sheets: ${written.join(', ')})\n`,
    );
  }
  const anyErrors = result.units.some((u) => u.errors > 0);
  return anyErrors || result.totals.unreadable > 0 ? EXIT.findings : EXIT.ok;
}

/** A file as the report shows it: relative to the folder it was found in, else as given. */
/**
 * The folder that may name a file's unit: the folder it sits in when that is a subfolder of a
 * folder given (各单位报送/城关镇/整改台账.xlsx), or the folder typed with a file given by itself
 * (城关镇/整改台账.xlsx). Never a folder the clerk gave (各单位报送/整改台账.xlsx says no unit) nor
 * the current folder (整改台账.xlsx).
 */
function unitFolder(file: string, given: string[]): string | undefined {
  const parent = dirname(file);
  if (given.some((g) => resolve(g) === resolve(file))) {
    return parent === '.' || parent === '' ? undefined : basename(resolve(parent));
  }
  if (given.some((g) => resolve(g) === resolve(parent))) return undefined;
  return basename(resolve(parent));
}

function displayPath(file: string, given: string[]): string {
  for (const g of given) {
    try {
      if (statSync(g).isDirectory()) {
        const rel = relative(g, file);
        if (!rel.startsWith('..')) return join(basename(resolve(g)), rel);
      }
    } catch {
      // not there: shown as given
    }
  }
  return file;
}

/** The 汇总 as JSON, its lists of files and units streamed (src/cli/jsonStream.ts). */
export function jsonDocument(
  result: ConsolidationResult,
  ignored: { file: string; reason: string }[],
): StreamedObject {
  return new StreamedObject([
    ['asOf', result.asOf],
    [
      'files',
      new StreamedList(result.files, (f) => ({
        file: f.file,
        unit: f.units.length > 0 ? f.units.map((u) => u.unit).join('、') : null,
        units: f.units.map((u) => {
          const r = result.units.find((x) => x.unit === u.unit && x.file === f.file);
          return {
            name: u.unit,
            source: u.source,
            merged: u.merged,
            measures: u.measures,
            overdue: r?.counts.overdue ?? null,
            missingDepartment: r?.missingDepartment ?? null,
            toComplete: r?.toCompleteCount ?? null,
          };
        }),
        sheets: f.units.flatMap((u) => u.sheets.map((name) => ({ name, unit: u.unit }))),
        skippedSheets: f.skipped,
        error: f.error,
      })),
    ],
    ['duplicates', result.duplicates],
    ['ignored', ignored],
    [
      'units',
      new StreamedList(result.units, (u) => ({
        name: u.unit,
        source: u.source,
        file: u.file,
        sheets: u.sheets,
        problems: u.problems,
        measures: u.counts.measures,
        done: u.counts.done,
        longTerm: u.counts.longTerm,
        ongoing: u.counts.ongoing,
        overdue: u.counts.overdue,
        dueSoon: u.counts.dueSoon,
        missingDepartment: u.missingDepartment,
        toComplete: u.toCompleteCount,
        onTimeRate: u.onTime.rate,
        sentence: u.sentence,
      })),
    ],
    [
      'total',
      {
        files: result.totals.files,
        unreadable: result.totals.unreadable,
        units: result.totals.units,
        measures: result.totals.measures,
        problems: result.totals.problems,
        done: result.totals.counts.done,
        longTerm: result.totals.counts.longTerm,
        ongoing: result.totals.counts.ongoing,
        overdue: result.totals.counts.overdue,
        dueSoon: result.totals.counts.dueSoon,
        missingDepartment: result.totals.missingDepartment,
        toComplete: result.totals.toComplete,
        onTimeRate: result.totals.onTime.rate,
        sentence: result.sentence,
        line: totalsLine(result),
      },
    ],
  ]);
}
