/**
 * ledger-check FILE.xlsx [--sheet NAME] [--as-of YYYY-MM-DD] [--due-soon-days N]
 *              [--required a,b,c] [--lang zh|en] [--json] [--out CHECKED.xlsx]
 *              [--issued YYYY-MM-DD] [--map field=COLUMN,…] [--config 台账设置.json]
 *
 * --config reads the settings the task pane saves (src/core/options.ts), from a file; the other
 * options given on the command line win over it. --map names columns by letter (J), range (L:O:
 * every column names the field) or header text (整改要求); see src/core/columnMap.ts.
 *
 * Exit 0: no error findings. 1: error findings. 2: the file could not be checked (one plain
 * sentence on stderr, never a stack trace).
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { localToday, parseIso } from '../core/calendar';
import { checkGrid } from '../core/check';
import { parseColumnMap, resolveColumnMap, type MapEntry } from '../core/columnMap';
import { parseFieldList } from '../core/fieldList';
import type { LedgerSettings } from '../core/options';
import {
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_REQUIRED,
  type CheckOptions,
  type Grid,
  type Lang,
  type SheetReport,
} from '../core/types';
import { parseCommandArgs } from './args';
import { toolSheetKinds } from './toolSheets';
import { formatReport, type SkippedSheet } from './format';
import { UsageError, type Io, defaultIo, runCommand, terminalSafe } from './io';
import { readWorkbookFile, type InflatedSheets } from './workbook';
import { checkDestination } from './safeWrite';
import { isZip as isZipBytes } from '../workbook/zip';
// The copy's writer (./output) and the 汇总 (./consolidate) are imported when a call asks for them
// (--out; several files or a folder), so a plain check starts without loading them.
import type { OutputPlan } from './output';
import { writeJsonReport } from './jsonReport';
import { EXIT, LEDGER_CHECK_USAGE } from './usage';

const USAGE_ZH = LEDGER_CHECK_USAGE;

/** True when the call is for several units (src/cli/consolidate.ts): more than one path, or a folder. */
function isConsolidateCall(paths: string[]): boolean {
  if (paths.length > 1) return true;
  try {
    return paths.length === 1 && statSync(paths[0]).isDirectory();
  } catch {
    return false;
  }
}

export interface CheckArgs {
  file: string;
  /** Every path given; several (or a folder) means a 汇总 of many units (src/cli/consolidate.ts). */
  files: string[];
  /** 汇总: a file mapping file names or found names to unit names. */
  units?: string;
  sheet?: string;
  json: boolean;
  out?: string;
  options: CheckOptions;
  /** --map, resolved per sheet (header texts differ between sheets). */
  map: MapEntry[];
}

export async function parseCheckArgs(argv: string[], today: string = localToday()): Promise<CheckArgs> {
  const parsed = parseCommandArgs(argv, {
    command: 'ledger-check',
    usage: USAGE_ZH,
    fileExt: /\.(xlsx|xls|et)$/i,
    options: {
      sheet: { type: 'string' },
      'as-of': { type: 'string' },
      'due-soon-days': { type: 'string' },
      required: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      units: { type: 'string' },
      issued: { type: 'string' },
      map: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError(USAGE_ZH, 0);
  if (positionals.length === 0) throw new UsageError(`请指定要检查的 .xlsx 文件或文件夹。\n${USAGE_ZH}`);

  const lang = (values.lang ?? 'zh') as Lang;
  if (lang !== 'zh' && lang !== 'en') throw new UsageError('--lang 只能是 zh 或 en。');

  const config = values.config !== undefined ? await readConfig(values.config) : null;

  let asOf = config?.asOf ?? today;
  if (values['as-of'] !== undefined) {
    const d = parseIso(values['as-of']);
    if (!d) throw new UsageError(`--as-of 的日期“${values['as-of']}”无效，请写成 2024-06-30 这样的格式。`);
    asOf = d;
  }

  let dueSoonDays = config?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (values['due-soon-days'] !== undefined) {
    const n = /^\s*\d+\s*$/.test(values['due-soon-days']) ? Number(values['due-soon-days']) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 365) {
      throw new UsageError('--due-soon-days 应为 0 到 365 之间的整数天数。');
    }
    dueSoonDays = n;
  }

  let required = config ? [...config.required] : [...DEFAULT_REQUIRED];
  if (values.required !== undefined) {
    const { fields, unknown } = parseFieldList(values.required);
    if (unknown.length) {
      throw new UsageError(`--required 中有不认识的字段：${unknown.join('、')}。\n${USAGE_ZH}`);
    }
    if (fields.length === 0) throw new UsageError(`--required 至少要写一个字段。\n${USAGE_ZH}`);
    required = fields;
  }

  let issuedOn = config?.issuedOn ?? null;
  if (values.issued !== undefined) {
    issuedOn = parseIso(values.issued);
    if (!issuedOn)
      throw new UsageError(
        `--issued 的日期“${values.issued}”无效，请写成 2024-06-03 这样的格式（问题交办的日期）。`,
      );
  }

  let map: MapEntry[] = [];
  if (values.map !== undefined) {
    const { entries, problems } = parseColumnMap(values.map);
    if (problems.length || entries.length === 0) {
      throw new UsageError(
        `--map 中“${problems.join('，') || values.map}”看不懂。请写成“字段=列”，多项用逗号隔开，例如 --map measure=J,department=L:O,issued=C。\n${USAGE_ZH}`,
      );
    }
    map = entries;
  }

  const options: CheckOptions = { asOf, dueSoonDays, required, lang, issuedOn };
  if (config) {
    options.columnOverrides = config.columnOverrides;
    if (config.extraColumns) options.extraColumns = config.extraColumns;
    if (config.issuedColumn !== undefined) options.issuedColumn = config.issuedColumn;
  }
  return {
    file: positionals[0],
    files: positionals,
    units: values.units,
    sheet: values.sheet,
    json: values.json ?? false,
    out: values.out,
    options,
    map,
  };
}

/**
 * The pane's settings, from a JSON file; a file that cannot be used is said plainly. The settings
 * schema (and zod with it, half of the command's start-up) is loaded only here.
 */
async function readConfig(path: string): Promise<LedgerSettings> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `设置文件“${path}”不存在，请检查路径。`
        : code
          ? `无法读取设置文件“${path}”，请检查文件是否可以打开。`
          : `设置文件“${path}”不是有效的 JSON，请检查格式（与加载项保存的设置相同）。`,
    );
  }
  const { ledgerSettingsSchema } = await import('../core/options');
  const parsed = ledgerSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '（整体）';
    throw new UsageError(`设置文件“${path}”中“${where}”一项的值不对，请按加载项保存的设置格式修改后再试。`);
  }
  return parsed.data;
}

/** The options for one sheet: --map resolved against its header texts, over the configured columns. */
function optionsFor(args: CheckArgs, grid: Grid): CheckOptions {
  if (args.map.length === 0) return args.options;
  const choice = resolveColumnMap(args.map, grid);
  const o = args.options;
  return {
    ...o,
    columnOverrides: { ...o.columnOverrides, ...choice.columnOverrides },
    extraColumns: { ...o.extraColumns, ...choice.extraColumns },
    ...(choice.issuedColumn !== undefined ? { issuedColumn: choice.issuedColumn } : {}),
  };
}

/** A --map header text that no sheet to be checked has is said at once, before any check. */
function checkMapFits(args: CheckArgs, grids: Grid[]): void {
  if (args.map.length === 0 || grids.length === 0) return;
  const found = new Set<string>();
  for (const g of grids) {
    const { unresolved } = resolveColumnMap(args.map, g);
    for (const e of args.map) if (!unresolved.includes(e.written)) found.add(e.written);
  }
  const nowhere = args.map.filter((e) => !found.has(e.written)).map((e) => e.written);
  if (nowhere.length) {
    throw new UsageError(
      `--map 中的“${nowhere.join('，')}”在表头里找不到这样写的列。请改用列字母（如 measure=J），或照表头原样书写。`,
    );
  }
}

/** Marks the sheets the tool generated (ZGTZ_ names), so that they are never read as ledgers. */
function markToolSheets(grids: Grid[], bytes: Uint8Array): void {
  const kinds = toolSheetKinds(bytes);
  for (const g of grids) {
    const kind = kinds.get(g.sheet);
    if (kind) g.toolSheet = kind;
  }
}

/**
 * What the clerk must know about a checked copy of an .xls/.et: it is an .xlsx, and what the
 * conversion could not carry (src/workbook/xls.ts xlsToXlsx; measured in tests/cli/xlsCopy.test.ts).
 */
export function xlsCopyNote(file: string, lang: Lang): string {
  return lang === 'zh'
    ? `注意：原文件“${file}”是旧版 .xls 格式，检查结果副本存为 .xlsx 格式。单元格内容、公式、数字格式、合并单元格、列宽、行高、隐藏的行列、批注、超链接和名称已带入副本；字体、填充颜色、边框、对齐和自动换行、冻结窗格、条件格式、数据验证、页面设置、图表和数据透视表未能带入。如需全部保留，请先在 Excel 或 WPS 中把原文件另存为 .xlsx，再用 --out 检查。`
    : `Note: "${file}" is an old .xls workbook; the checked copy is an .xlsx. Cell contents, formulas, number formats, merged cells, column widths, row heights, hidden rows and columns, comments, links and names were carried into the copy; fonts, fill colours, borders, alignment and wrapping, frozen panes, conditional formats, data validation, page setup, charts and pivot tables were not. To keep everything, save the original as .xlsx in Excel or WPS first, then run --out on that.`;
}

/** The checked copy never replaces the ledger, nor any other file already there. */
function refuseToOverwrite(input: string, out: string): void {
  if (resolve(out) === resolve(input)) {
    throw new UsageError(
      `--out 不能是被检查的原文件：原台账不会被改写。请换一个文件名，例如“${out.replace(/\.xlsx$/i, '')}-检查结果.xlsx”。`,
    );
  }
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out 的文件名应以 .xlsx 结尾：${out}`);
  // Before the check starts: a folder that cannot take the copy is said at once, not after it.
  checkDestination(out);
}

/**
 * Reads the workbook and checks its sheets. The grids live only in here: once the reports are made
 * nothing holds them, so writing the --out copy afterwards does not carry (and garbage-collect
 * over) every cell of the workbook.
 */
async function checkFile(args: CheckArgs): Promise<{
  reports: SheetReport[];
  skipped: SkippedSheet[];
  bytes: Uint8Array;
  sheets: InflatedSheets | null;
}> {
  // With --out, the reader keeps the large sheets it inflates, so the copy does not inflate them again.
  const { grids, bytes, sheets } = await readWorkbookFile(args.file, args.out !== undefined);
  const { options } = args;
  markToolSheets(grids, bytes);
  checkMapFits(
    args,
    grids.filter((g) => (args.sheet !== undefined ? g.sheet === args.sheet : !g.toolSheet)),
  );

  const reports: SheetReport[] = [];
  const skipped: SkippedSheet[] = [];
  if (args.sheet !== undefined) {
    const grid = grids.find((g) => g.sheet === args.sheet);
    if (!grid) {
      throw new UsageError(
        `工作簿中没有名为“${args.sheet}”的工作表。现有工作表：${grids.map((g) => g.sheet).join('、')}。`,
      );
    }
    const result = checkGrid(grid, optionsFor(args, grid));
    if (!result.ok) throw new UsageError(result.message);
    reports.push(result.report);
  } else {
    for (const grid of grids) {
      const result = checkGrid(grid, optionsFor(args, grid));
      if (result.ok) reports.push(result.report);
      else
        skipped.push({
          name: grid.sheet,
          reason:
            result.reason === 'tool-sheet'
              ? options.lang === 'zh'
                ? '本工具生成的工作表'
                : 'made by this tool'
              : options.lang === 'zh'
                ? '没有台账表头'
                : 'no ledger header',
        });
    }
    if (reports.length === 0) {
      throw new UsageError(
        options.lang === 'zh'
          ? `“${args.file}”中没有一张工作表带有台账表头（应有“存在问题”“整改措施”“责任单位”等列），无法检查。`
          : `No sheet in "${args.file}" has a ledger header (columns such as problem, measure, department); nothing to check.`,
      );
    }
  }
  return { reports, skipped, bytes, sheets };
}

export async function main(argv: string[], rawIo: Io = defaultIo()): Promise<number> {
  const io = terminalSafe(rawIo);
  return runCommand(io, async () => {
    const args = await parseCheckArgs(argv);
    if (isConsolidateCall(args.files)) {
      if (args.sheet !== undefined)
        throw new UsageError('汇总多个文件时不能用 --sheet：每个文件的台账工作表都会读取。');
      return (await import('./consolidate')).consolidateMain(args, io);
    }
    if (args.out !== undefined) refuseToOverwrite(args.file, args.out);
    const { options } = args;
    // The reports live only inside checkAndReport: the copy is written once they can be let go of.
    const { exitCode, copy, bytes, sheets } = await checkAndReport(args, rawIo, io);

    if (args.out !== undefined && copy) {
      // An .xls/.et is copied into an .xlsx first; the marks go onto that copy (xlsCopyNote).
      const old = !isZipBytes(bytes);
      const input = old ? await (await import('../workbook/xls')).xlsToXlsx(bytes, args.file) : bytes;
      const { writeOutput } = await import('./output');
      const note = await writeOutput(args.file, args.out, copy, options, input, old ? null : sheets);
      const lines = old ? [note, xlsCopyNote(args.file, options.lang)] : [note];
      (args.json ? io.stderr : io.stdout).write(lines.join('\n') + '\n');
    }
    return exitCode;
  });
}

/**
 * Checks the file, writes the report, and with --out plans the copy (output.ts's planOutput).
 * Returns what the copy needs but not the reports: a suspended async function keeps its locals
 * alive, so if `main` held them they would stay on the heap while the copy is written.
 */
async function checkAndReport(
  args: CheckArgs,
  rawIo: Io,
  io: Io,
): Promise<{ exitCode: number; copy: OutputPlan | null; bytes: Uint8Array; sheets: InflatedSheets | null }> {
  const { options } = args;
  const { reports, skipped, bytes, sheets } = await checkFile(args);

  // The raw stream: the JSON writer escapes control characters itself, faster (jsonStream.ts).
  if (args.json)
    await writeJsonReport(rawIo.stdout, { file: args.file, asOf: options.asOf }, reports, skipped);
  else io.stdout.write(formatReport(args.file, options.asOf, reports, skipped, options.lang));

  return {
    exitCode: reports.some((r) => !r.valid) ? EXIT.findings : EXIT.ok,
    copy: args.out !== undefined ? (await import('./output')).planOutput(args.file, reports, options) : null,
    bytes,
    sheets,
  };
}
