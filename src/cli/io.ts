/** What the commands share: output streams and turning every failure into one plain sentence. */
import { DestinationError } from './safeWrite';
import { EXIT } from './usage';
import { WorkbookError } from './workbook';

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export function defaultIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr };
}

/**
 * Characters a terminal would act on instead of showing: C0 controls but tab and line feed (ESC
 * starts clear-screen and title sequences, CR and BS overwrite the line, BEL rings), DEL, C1
 * controls (U+009B is a one-character CSI), and the bidirectional overrides that reorder what is
 * shown. A cell holding them (written `_x001B_` in the file) could erase the error lines.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text with every such character shown as \uXXXX (valid inside JSON strings too). */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The streams, with control characters in everything written shown escaped. */
export function terminalSafe(io: Io): Io {
  return {
    stdout: { write: (text: string) => io.stdout.write(escapeControls(text)) },
    stderr: { write: (text: string) => io.stderr.write(escapeControls(text)) },
  };
}

/**
 * The one error type of the commands: a mistake in how the command was called, or a file that
 * cannot be used, said plainly; exit 2 (EXIT.failed), or 0 for an answer such as --help.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    public readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const UNEXPECTED = '检查没有完成：处理文件时发生意外错误。请确认文件能在 Excel 中正常打开后重试。';

/**
 * Runs a command body. Known failures print their own sentence; anything else prints the plain
 * sentence `unexpected` (the stack only with LEDGER_DEBUG=1), so a clerk never sees a stack trace.
 * Exit codes mean the same for every command (src/cli/usage.ts EXIT).
 */
export async function runCommand(
  io: Io,
  body: () => Promise<number>,
  unexpected: string = UNEXPECTED,
): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      (e.exitCode === 0 ? io.stdout : io.stderr).write(e.message + '\n');
      return e.exitCode;
    }
    if (e instanceof WorkbookError || e instanceof DestinationError) {
      io.stderr.write(e.message + '\n');
      return EXIT.failed;
    }
    io.stderr.write(unexpected + '\n');
    if (process.env.LEDGER_DEBUG) io.stderr.write(String((e as Error)?.stack ?? e) + '\n');
    return EXIT.failed;
  }
}
