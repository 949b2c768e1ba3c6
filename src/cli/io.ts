/** What the commands share: output streams and turning every failure into one plain sentence. */
import { DestinationError } from './safeWrite';
import { EXIT } from './usage';
import { WorkbookError } from './workbook';

/** Where a command writes: the process's stdout or stderr, or what a test collects. */
export interface Output {
  write(text: string): unknown;
  /** UTF-8 bytes written as they are (a stream has it; a test's collector of text need not). */
  writeBytes?(bytes: Uint8Array): unknown;
  /**
   * Resolves once the output has passed on what was written to it (at once when it holds nothing):
   * a long output (--json, src/cli/jsonStream.ts) waits on it between pieces, so it never piles up
   * in memory, and then fills the bytes it wrote again. Absent: every write is taken at once (a
   * test's collector, which may keep the bytes it was given: they are then never filled again).
   */
  drained?(): Promise<void>;
}

export interface Io {
  stdout: Output;
  stderr: Output;
}

/**
 * A Node stream as an Output. Writes to files are synchronous; to pipes on POSIX and to terminals
 * on Windows they may complete later (https://nodejs.org/api/process.html#a-note-on-process-io),
 * and until then the stream holds the very bytes it was given. The JSON writer fills its buffer
 * again after `drained`, so `drained` resolves only once every write of bytes has completed (its
 * callback has run: the stream no longer holds them), which also covers back-pressure: the last
 * write done means the queue is empty. Resolving on 'drain' alone was not enough: a piece smaller
 * than the high-water mark queued behind a write in flight never asks for a drain, and the buffer
 * was overwritten while the pipe still held it (the many-findings check's JSON came out garbled on
 * a loaded machine, tests/cli/workbookHostile.test.ts). A write's callback runs also when the
 * stream fails or is destroyed, so nothing waits forever.
 */
export function streamOutput(stream: NodeJS.WritableStream): Output {
  let inFlight = 0;
  let waiting: (() => void)[] = [];
  const written = () => {
    inFlight -= 1;
    if (inFlight > 0) return;
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  return {
    write: (text) => stream.write(text),
    writeBytes: (bytes) => {
      inFlight += 1;
      return stream.write(bytes, written);
    },
    drained: () =>
      inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)),
  };
}

let processIo: Io | undefined;

/** The process's own streams, made once: their error handlers and write counts belong to them. */
export function defaultIo(): Io {
  return (processIo ??= processStreams());
}

function processStreams(): Io {
  // A reader that goes away (`ledger-check --json … | head`) breaks the pipe: the rest of the
  // output has nowhere to go, which is what the clerk asked for, so it is not an error to report
  // with a stack trace. Any other failure to write the report (a full disk) is said once, and the
  // command ends with exit 2 whatever it found.
  let failed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || failed) return;
    failed = true;
    process.stderr.write(
      `命令的输出未能完整写出（${e.code ?? e.message}）。请检查磁盘空间或输出位置后重试。\n`,
    );
    process.once('beforeExit', () => (process.exitCode = EXIT.failed));
  });
  process.stderr.on('error', () => undefined);
  return { stdout: streamOutput(process.stdout), stderr: streamOutput(process.stderr) };
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

/**
 * UTF-8 bytes of escapeControls(text), for text JSON.stringify made: it escapes every C0 control
 * itself (and lone surrogates), so only DEL, the C1 controls and the bidirectional marks can be
 * left, and each has a UTF-8 lead byte of its own (0x7F; 0xC2 then 0x80–0x9F; 0xE2 then 0x80 or
 * 0x81). The text is encoded (writing needs the bytes anyway) and those lead bytes are found with
 * Buffer.indexOf, which is native: measured at 50,000 rows, 30 ms less than the regex over the
 * text. A text that holds one of them is escaped by escapeControls after all.
 */
export function escapedJsonBytes(text: string): Uint8Array {
  // A UTF-16 code unit takes at most 3 bytes in UTF-8.
  const buffer = Buffer.allocUnsafe(text.length * 3);
  const bytes = buffer.subarray(0, buffer.write(text, 'utf8'));
  return hasControlBytes(bytes) ? Buffer.from(escapeControls(text), 'utf8') : bytes;
}

/**
 * escapedJsonBytes in a buffer of its own size, for text made once and written often (the JSON
 * writer's templates keep such bytes).
 */
export function jsonBytes(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  return hasControlBytes(bytes) ? Buffer.from(escapeControls(text), 'utf8') : bytes;
}

/** Are DEL, a C1 control or a bidirectional mark (CONTROLS but C0) among these UTF-8 bytes? */
export function hasControlBytes(bytes: Buffer): boolean {
  if (bytes.includes(0x7f)) return true;
  // U+0080–U+009F: 0xC2 0x80–0x9F (0xC2 0xA0–0xBF are the printable U+00A0–U+00BF).
  for (let i = bytes.indexOf(0xc2); i !== -1; i = bytes.indexOf(0xc2, i + 1)) {
    if (bytes[i + 1] <= 0x9f) return true;
  }
  // U+200E, U+200F, U+202A–U+202E: 0xE2 0x80 then 0x8E, 0x8F, 0xAA–0xAE; U+2066–U+2069: 0xE2 0x81
  // 0xA6–0xA9. Chinese quotation marks (“ ” U+201C/D) share the lead byte, so each is looked at.
  for (let i = bytes.indexOf(0xe2); i !== -1; i = bytes.indexOf(0xe2, i + 1)) {
    const second = bytes[i + 1];
    const third = bytes[i + 2];
    if (second === 0x80 && (third === 0x8e || third === 0x8f || (third >= 0xaa && third <= 0xae)))
      return true;
    if (second === 0x81 && third >= 0xa6 && third <= 0xa9) return true;
  }
  return false;
}

/** Text written escaped; bytes cannot be, so an escaped output takes none (no writeBytes). */
function escaped(out: Output): Output {
  const safe: Output = { write: (text: string) => out.write(escapeControls(text)) };
  const drained = out.drained?.bind(out);
  if (drained) safe.drained = drained;
  return safe;
}

/** The streams, with control characters in everything written shown escaped. */
export function terminalSafe(io: Io): Io {
  return {
    stdout: escaped(io.stdout),
    stderr: escaped(io.stderr),
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
