/**
 * The one argument parser of the commands (ledger-check, ledger-import): Node's parseArgs, with
 * its English, technical messages replaced by a plain Chinese sentence and the command's usage
 * on the next line, thrown as a UsageError (exit 2, src/cli/io.ts).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Node's own parseArgs message said plainly; `command` names the command in the advice. */
function argumentProblem(e: unknown, argv: readonly string[], command: string, fileExt: RegExp): string {
  const code = (e as { code?: string }).code;
  const option = /'(-[^']*)'/.exec(String((e as Error).message))?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // A file whose name starts with "-" ("-rf.xlsx") reads as an option: say how to name it.
    const named = argv.find((a) => a.startsWith('-') && fileExt.test(a));
    const file = named ? `如果“${named}”是文件名，请写在 -- 之后：${command} -- ${named}` : '';
    return file ? `不认识的参数“${option}”。${file}。` : `不认识的参数“${option}”。`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // Node names it '-o, --out <value>' when it has a short form: the long form is the one to say.
    const name = /--[^\s,<]+/.exec(option)?.[0] ?? option.split(/[ ,]/)[0];
    return `参数“${name}”后面需要一个值（值以 - 开头时请写成 --参数=值）。`;
  }
  return '命令参数有误。';
}

export interface CommandSpec<T extends Options> {
  /** The command's name as the clerk types it ('ledger-check'). */
  command: string;
  options: T;
  usage: string;
  /** Names of the files the command reads, to recognise one that looks like an option. */
  fileExt: RegExp;
}

/** The options and the file names of one call; a malformed call throws a UsageError. */
export function parseCommandArgs<T extends Options>(argv: string[], spec: CommandSpec<T>) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: spec.options });
  } catch (e) {
    throw new UsageError(`${argumentProblem(e, argv, spec.command, spec.fileExt)}\n${spec.usage}`);
  }
}
