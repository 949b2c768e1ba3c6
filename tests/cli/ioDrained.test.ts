/**
 * `drained` on a stream whose writes complete later (a pipe with a slow reader): it waits only
 * when a write said to wait. Waiting for a 'drain' that never comes left the process with nothing
 * to do, and the command exited with code 0 in the middle of its JSON
 * (tests/cli/workbookHostile.test.ts, many-findings, about 1 run in 6 on a loaded machine).
 */
import { Writable } from 'stream';
import { streamOutput } from '../../src/cli/io';

/** A stream that takes each write 5 ms later, as a pipe does when its reader is slow. */
function slowStream(highWaterMark: number): Writable {
  return new Writable({
    highWaterMark,
    write(_chunk, _encoding, done) {
      setTimeout(done, 5);
    },
  });
}

/** Resolves to 'drained', or 'stuck' when `drained` has not resolved within a second. */
function settle(p: Promise<void>): Promise<string> {
  return Promise.race([
    p.then(() => 'drained'),
    new Promise<string>((r) => setTimeout(() => r('stuck'), 1000).unref()),
  ]);
}

describe('streamOutput.drained', () => {
  it('does not wait for a drain when bytes are queued below the mark', async () => {
    const stream = slowStream(1024);
    const out = streamOutput(stream);
    expect(out.write('第一段')).toBe(true);
    expect(out.write('第二段')).toBe(true);
    expect(stream.writableLength).toBeGreaterThan(0);
    expect(await settle(out.drained!())).toBe('drained');
  });

  it('waits for the drain after a write that said to wait', async () => {
    const stream = slowStream(4);
    const out = streamOutput(stream);
    expect(out.write('超过水位的一段文字')).toBe(false);
    let done = false;
    const waiting = out.drained!().then(() => (done = true));
    expect(done).toBe(false);
    expect(await settle(waiting.then(() => undefined))).toBe('drained');
    expect(stream.writableLength).toBe(0);
  });
});
