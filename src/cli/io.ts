/** What the commands share: output streams and turning every failure into one plain sentence. */
import { WorkbookError } from './workbook';

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export function defaultIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr };
}

/** A mistake in how the command was called, or a file that cannot be used: said plainly, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    public readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Runs a command body. Known failures print their own sentence; anything else prints a plain
 * sentence too (the stack only with LEDGER_DEBUG=1), so a clerk never sees a stack trace.
 */
export async function runCommand(io: Io, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      (e.exitCode === 0 ? io.stdout : io.stderr).write(e.message + '\n');
      return e.exitCode;
    }
    if (e instanceof WorkbookError) {
      io.stderr.write(e.message + '\n');
      return 2;
    }
    io.stderr.write('检查没有完成：处理文件时发生意外错误。请确认文件能在 Excel 中正常打开后重试。\n');
    if (process.env.LEDGER_DEBUG) io.stderr.write(String((e as Error)?.stack ?? e) + '\n');
    return 2;
  }
}
