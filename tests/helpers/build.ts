/**
 * The bins run the compiled command in build/ (npm run build:cli). Tests that start the real
 * launcher call ensureBuilt() first: it compiles when build/ is missing or older than any source
 * file of the command, once per machine at a time (a lock folder keeps parallel Jest workers from
 * compiling together).
 */
import { execFileSync } from 'child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const STAMP = join(ROOT, 'build', 'cli', 'ledger-check.js');
const SOURCES = ['src/cli', 'src/core', 'src/workbook'].map((d) => join(ROOT, d));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale(): boolean {
  try {
    return statSync(STAMP).mtimeMs < Math.max(...SOURCES.map(newest));
  } catch {
    return true;
  }
}

export function ensureBuilt(): void {
  if (!stale()) return;
  const lock = join(ROOT, 'build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('build.lock held for 2 minutes');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (stale()) {
      execFileSync(
        process.execPath,
        [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')],
        {
          cwd: ROOT,
          stdio: 'pipe',
        },
      );
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
