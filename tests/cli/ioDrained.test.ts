/**
 * `drained` on a stream whose writes complete later (a pipe on POSIX with a slow reader): it
 * resolves once the stream holds none of the bytes it was given, whether or not a write asked for
 * a drain. The JSON writer fills its buffer again after it; resolving while a small piece was still
 * queued let the buffer be overwritten under the pipe, and the many-findings check's JSON came out
 * garbled on a loaded machine (tests/cli/workbookHostile.test.ts). Waiting for a 'drain' that never
 * comes, earlier, ended the process in the middle of its output.
 */
import { spawn, spawnSync } from 'child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Writable } from 'stream';
import { streamOutput } from '../../src/cli/io';
import { ledgerXlsx } from '../../scripts/ledgerXlsx';

/**
 * A stream that takes each write 5 ms later, as a pipe does when its reader is slow, and keeps the
 * chunks it was given by reference, as a pipe's queue does, reading them only when it takes them.
 */
function slowStream(highWaterMark: number): { stream: Writable; received: () => string } {
  const taken: string[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      setTimeout(() => {
        taken.push(chunk.toString('utf8'));
        done();
      }, 5);
    },
  });
  return { stream, received: () => taken.join('') };
}

/** Resolves to 'drained', or 'stuck' when `drained` has not resolved within a second. */
function settle(p: Promise<void>): Promise<string> {
  return Promise.race([
    p.then(() => 'drained'),
    new Promise<string>((r) => setTimeout(() => r('stuck'), 1000).unref()),
  ]);
}

describe('streamOutput.drained', () => {
  it('resolves at once when nothing is in flight', async () => {
    const { stream } = slowStream(1024);
    expect(await settle(streamOutput(stream).drained!())).toBe('drained');
  });

  it('waits for bytes queued below the mark, so a buffer filled again after it is never read twice', async () => {
    const { stream, received } = slowStream(1024);
    const out = streamOutput(stream);
    const buffer = Buffer.alloc(64);
    const pieces = ['第一段，', '第二段，', '第三段。'];
    for (const piece of pieces) {
      const n = buffer.write(piece, 'utf8');
      // Below the mark: the write does not ask to wait, yet the stream still holds the bytes.
      expect(out.writeBytes!(buffer.subarray(0, n))).toBe(true);
      expect(await settle(out.drained!())).toBe('drained');
    }
    expect(received()).toBe(pieces.join(''));
  });

  it('waits after a write that said to wait, until the queue is empty', async () => {
    const { stream } = slowStream(4);
    const out = streamOutput(stream);
    expect(out.writeBytes!(Buffer.from('超过水位的一段文字'))).toBe(false);
    let done = false;
    const waiting = out.drained!().then(() => (done = true));
    expect(done).toBe(false);
    expect(await settle(waiting.then(() => undefined))).toBe('drained');
    expect(stream.writableLength).toBe(0);
  });

  it('does not wait forever on a stream destroyed with bytes in flight (a reader that went away)', async () => {
    const { stream } = slowStream(1024);
    stream.on('error', () => undefined);
    const out = streamOutput(stream);
    out.writeBytes!(Buffer.from('一段'));
    out.writeBytes!(Buffer.from('又一段'));
    stream.destroy(new Error('EPIPE'));
    expect(await settle(out.drained!())).toBe('drained');
  });
});

describe('the command when its output fails (the compiled bin)', () => {
  const BIN = join(__dirname, '..', '..', 'bin', 'ledger-check.js');
  const SAMPLE = join(__dirname, '..', '..', 'samples', '营商环境专项行动台账.xlsx');

  it('a reader that goes away (| head): ends quietly, no stack trace', async () => {
    // A report far larger than a pipe holds (2,000 rows: about 1.4 MB of JSON).
    const dir = mkdtempSync(join(tmpdir(), 'zgtz-pipe-'));
    const ledger = join(dir, '台账.xlsx');
    writeFileSync(ledger, ledgerXlsx(2000));
    const child = spawn(process.execPath, [BIN, '--json', ledger], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Read the first piece, then go away as `head -c 100` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/Error|at \w|node:/);
    expect([0, 1]).toContain(code);
    rmSync(dir, { recursive: true, force: true });
  });

  const SENTENCE = '命令的输出未能完整写出（ENOSPC）。请检查磁盘空间或输出位置后重试。';
  /** Runs a bin with its stdout on /dev/full (every write fails with ENOSPC). */
  function toFullDisk(bin: string, args: string[]) {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', fd, 'pipe'] });
      return { stderr: r.stderr.toString('utf8'), status: r.status };
    } finally {
      closeSync(fd);
    }
  }

  const full = existsSync('/dev/full') ? it : it.skip;
  full('a full disk (/dev/full): one sentence, exit 2', () => {
    const r = toFullDisk(BIN, ['--json', SAMPLE]);
    expect(r.stderr.trim()).toBe(SENTENCE);
    expect(r.status).toBe(2);
  });

  full('ledger-import --json on a full disk: the same sentence, which names no check', () => {
    const plan = join(__dirname, '..', 'fixtures', 'seeds', '000_110dbbfea9921064.txt');
    const r = toFullDisk(join(__dirname, '..', '..', 'bin', 'ledger-import.js'), [plan, '--json']);
    expect(r.stderr.trim()).toBe(SENTENCE);
    expect(r.status).toBe(2);
  });
});
