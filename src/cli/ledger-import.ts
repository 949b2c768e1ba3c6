/**
 * ledger-import PLAN.(txt|docx) --out LEDGER.xlsx [--year YYYY] [--json]
 *
 * Reads a rectification doc (整改方案 or 进展通报) and writes a new ledger workbook (never over an
 * existing file), or with --json prints { rows, problems, measures, missing, year, mode, warnings,
 * totals } (totals: what the document states about itself and whether the reading agrees):
 * `deadline` is ISO (YYYY-MM-DD) when the deadline resolves to a date, else null; `deadlineText`
 * is the deadline as the document writes it ("2024年6月底", "长期坚持", "四季度").
 *
 * Exit codes as for every command (src/cli/usage.ts EXIT): 0 done; 2 not done (usage, unreadable,
 * unrecognised, --out exists, an unexpected failure). Errors are one plain Chinese sentence on stderr.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { layoutLedger } from '../core/import/layout';
import { parseRectificationDoc, type ImportSuccess } from '../core/import/parse';
import { writeSync } from 'fs';
import { parseCommandArgs } from './args';
import { UsageError, defaultIo, runCommand, terminalSafe, type Io } from './io';
import { DestinationError, checkDestination, writeExclusive } from './safeWrite';
import { applySheetPlan } from './sheetWriter';
import { EXIT, LEDGER_IMPORT_USAGE } from './usage';
import { workbookBuffer } from './xlsxFile';

const USAGE = LEDGER_IMPORT_USAGE;

interface Args {
  input: string;
  out: string | null;
  year: number | undefined;
  json: boolean;
}

function parseImportArgs(argv: string[]): Args {
  const { values, positionals } = parseCommandArgs(argv, {
    command: 'ledger-import',
    usage: USAGE,
    fileExt: /\.(txt|text|docx?)$/i,
    options: {
      out: { type: 'string', short: 'o' },
      year: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) throw new UsageError(USAGE, EXIT.ok);
  const [input, extra] = positionals;
  if (extra !== undefined) throw new UsageError(`只能导入一个文件，多出了 ${extra}。`);
  if (!input) throw new UsageError(`没有指定要导入的文件。${USAGE}`);
  const json = values.json === true;
  const out = values.out || null;
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) throw new UsageError('--year 要写四位年份，例如 --year 2024。');
    year = Number(values.year);
  }
  if (!json && !out) throw new UsageError('请用 --out 指定要写入的台账文件（.xlsx），或用 --json 输出结果。');
  if (out && !/\.xlsx$/i.test(out)) throw new UsageError('--out 的文件名要以 .xlsx 结尾。');
  return { input, out, year, json };
}

/** Text from a .txt file's bytes: UTF-8 (with or without BOM), else GB18030/GBK. */
export function decodeText(bytes: Uint8Array): string {
  let b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

async function readDocText(file: string): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.doc')
    throw new UsageError('不支持旧版 .doc 文件，请在 Word 里另存为 .docx 或 .txt 后再导入。');
  if (ext !== '.txt' && ext !== '.docx' && ext !== '.text') {
    throw new UsageError(`只能导入 .txt 或 .docx 文件，${path.basename(file)} 不是。`);
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new UsageError(`打不开文件 ${file}，请确认路径正确。`);
  }
  if (ext === '.docx') {
    try {
      const mammoth = await import('mammoth');
      const result = await mammoth.extractRawText({ buffer: bytes });
      return result.value;
    } catch {
      throw new UsageError(`${path.basename(file)} 不是有效的 Word（.docx）文件，无法读取。`);
    }
  }
  return decodeText(bytes);
}

function summary(result: ImportSuccess, input: string, out: string, sheet: string): string {
  const lines = [
    `已从 ${path.basename(input)} 导入 ${result.problems} 个问题、${result.measures} 项整改措施，写入 ${out} 的工作表“${sheet}”。`,
    `其中 ${result.missing.department} 行缺少责任单位，${result.missing.deadline} 行缺少整改时限` +
      (result.missing.problem ? `，${result.missing.problem} 行缺少存在问题` : '') +
      (result.missing.measure ? `，${result.missing.measure} 行缺少整改措施` : '') +
      '；这些单元格留空，检查时会提示补填。',
  ];
  // The document's own totals disagree with the reading: the clerk must know the count may be off.
  if (result.totals.agrees === false) lines.push(`注意：${result.totals.note}`);
  const notes = result.warnings.filter((w) => !/行缺少/.test(w));
  for (const w of notes) lines.push(`提示：${w}`);
  return lines.join('\n') + '\n';
}

const UNEXPECTED = '导入没有完成：处理文件时发生意外错误。请确认文件能在 Word 或记事本中正常打开后重试。';

export async function main(argv: string[], rawIo: Io = defaultIo()): Promise<number> {
  const io = terminalSafe(rawIo);
  return runCommand(
    io,
    async () => {
      const args = parseImportArgs(argv);
      if (args.out) {
        // Before the import: an existing file or an unusable folder is said at once.
        try {
          checkDestination(args.out);
        } catch (e) {
          if (!(e instanceof DestinationError)) throw e;
          throw new UsageError(
            /已存在/.test(e.message)
              ? `${args.out} 已经存在，为免覆盖原有文件没有写入；请换一个 --out 文件名。`
              : e.message,
          );
        }
      }
      const text = await readDocText(args.input);
      const result = parseRectificationDoc(text, { year: args.year });
      if (!result.ok) throw new UsageError(result.message);

      if (args.json) {
        const doc = {
          rows: result.rows,
          problems: result.problems,
          measures: result.measures,
          missing: result.missing,
          year: result.year,
          mode: result.mode,
          warnings: result.warnings,
          totals: result.totals,
        };
        io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
        if (!args.out) return EXIT.ok;
      }

      const out = args.out!;
      const wb = new ExcelJS.Workbook();
      wb.creator = '整改台账助手';
      const base = path.basename(args.input).replace(/\.[^.]+$/, '');
      const ws = applySheetPlan(wb, layoutLedger(result.rows, { title: `${base} 整改台账` }));
      const buf = await workbookBuffer(wb);
      try {
        // An exclusive temporary file linked to the name: never overwrites, never leaves a 0-byte
        // file behind when the run is killed (src/cli/safeWrite.ts).
        writeExclusive(out, (fd) => {
          for (let done = 0; done < buf.length;) done += writeSync(fd, buf, done, buf.length - done);
        });
      } catch (e) {
        if (e instanceof DestinationError) {
          throw new UsageError(
            /已存在|已被创建/.test(e.message)
              ? `${out} 已经存在，为免覆盖原有文件没有写入；请换一个 --out 文件名。`
              : e.message,
          );
        }
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(`无法写入 ${out}（${code ?? '写入失败'}），请确认目录存在且可写。`);
      }
      if (!args.json) io.stdout.write(summary(result, args.input, out, ws.name));
      return EXIT.ok;
    },
    UNEXPECTED,
  );
}
