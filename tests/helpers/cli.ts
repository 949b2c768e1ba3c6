/** Running a command's `main` in-process, with streams that collect what it writes. */
import type { Io } from '../../src/cli/io';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(
  main: (argv: string[], io: Io) => Promise<number>,
  argv: string[],
): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}
