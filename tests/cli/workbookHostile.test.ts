/**
 * The hostile corpus (tests/fixtures/hostile/, written by scripts/make-hostile.ts) through the real
 * command, one process per file: each run ends within 60 s and 1 GB (heap capped, peak RSS
 * measured), exits 0, 1 or 2, prints one plain sentence and never a stack trace, and leaves the
 * input as it was.
 */
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, readdirSync, statSync, symlinkSync } from 'fs';
import { join } from 'path';
import { ensureBuilt } from '../helpers/build';
import { makeTempDir } from '../helpers/xlsx';

const ROOT = join(__dirname, '..', '..');
const HOSTILE = join(ROOT, 'tests', 'fixtures', 'hostile');
const BIN = join(ROOT, 'bin', 'ledger-check.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  maxRssMb: number;
}

/** Runs ledger-check in a fresh process with a 1 GB heap; reports its peak RSS. */
function runCheck(args: string[]): Promise<Run> {
  const wrapper =
    "process.on('exit',()=>process.stderr.write('\\n@@MAXRSS '+process.resourceUsage().maxRSS+'\\n'));" +
    `process.argv.splice(1,0,'ledger-check');require(${JSON.stringify(BIN)});`;
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=1024', '-e', wrapper, ...args], {
      cwd: ROOT,
      env: { ...process.env, LEDGER_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /\n@@MAXRSS (\d+)\n/.exec(stderr);
      resolve({
        code,
        stdout,
        stderr: stderr.replace(/\n@@MAXRSS \d+\n/, ''),
        ms: Date.now() - start,
        maxRssMb: m ? Number(m[1]) / 1024 : Infinity,
      });
    });
  });
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** The bounds every hostile run keeps, whatever it says. */
function expectBounded(r: Run): void {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.ms).toBeLessThan(60_000);
  expect(r.maxRssMb).toBeLessThan(1024);
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/\n\s+at |Error:|FATAL|heap out of memory|node:internal/);
  // No raw terminal control characters reach the terminal.
  // eslint-disable-next-line no-control-regex
  expect(all).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
}

async function check(file: string, ...more: string[]): Promise<Run> {
  const path = join(HOSTILE, file);
  const before = sha(path);
  const r = await runCheck([path, '--as-of', '2026-06-01', ...more]);
  expectBounded(r);
  expect(sha(path)).toBe(before);
  return r;
}

describe('hostile corpus through ledger-check', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('the corpus is there (npm run hostile writes it)', () => {
    for (const f of ['bomb-sheet.xlsx', 'bomb-workbook.xlsx', 'many-findings.xlsx']) {
      expect(existsSync(join(HOSTILE, f))).toBe(true);
    }
  });

  it('a sheet part that inflates to 160 MB: refused with a sentence', async () => {
    const r = await check('bomb-sheet.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/超过|压缩比异常/);
  });

  it('a workbook.xml that inflates to 256 MB: refused before it is held', async () => {
    const r = await check('bomb-workbook.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xl/workbook.xml');
  });

  it('200,000 "<workbookPr " in a comment: read in moments', async () => {
    const r = await check('workbookpr-comment.xlsx');
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('one merge over A1:XFD1048576: ends with a sentence (no header is visible under it)', async () => {
    const r = await check('merge-whole-sheet.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('台账表头');
  });

  it('40,000 merged areas: checked normally', async () => {
    const r = await check('merges-40000.xlsx', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sheets[0].stats.rows).toBe(3);
  });

  it('U+FFFE in cells: read as written', async () => {
    const r = await check('fffe-cell.xlsx', '--json');
    const doc = JSON.parse(r.stdout);
    expect(doc.sheets[0].stats.rows).toBe(2);
  });

  it('terminal escapes in cells: shown as \\uXXXX, never sent raw', async () => {
    const r = await check('terminal-escapes.xlsx');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\\u009B31m红字');
    expect(r.stdout).toContain('\\u202E成完已');
    const j = await check('terminal-escapes.xlsx', '--json');
    expect(() => JSON.parse(j.stdout)).not.toThrow();
  });

  it('formula-like text: read as text', async () => {
    const r = await check('formula-like.xlsx', '--json');
    expect(r.code).toBe(0);
  });

  it('a row past 1,048,576: refused, naming the limit', async () => {
    const r = await check('rows-past-limit.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1048576');
  });

  it('a sheet part missing from the zip: damaged, not "empty"', async () => {
    const r = await check('missing-sheet-part.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺失');
    expect(r.stderr).not.toContain('没有任何内容');
  });

  it('entities in a DTD (billion laughs, an external file): refused, nothing expanded', async () => {
    const r = await check('entities.xlsx');
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/aaaaaaaaaa|root:/);
  });

  it('more than 125,000 findings on one sheet; duplicate numbers named a few at a time', async () => {
    const r = await check('many-findings.xlsx', '--json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).sheets[0].findings as { code: string; message: string }[];
    expect(findings.length).toBeGreaterThan(125_000);
    const dup = findings.filter((f) => f.code === 'duplicate-index');
    expect(dup).toHaveLength(40_000);
    expect(dup[0].message).toMatch(/^序号“1”重复40000次（第2、3、4、5、6行等）/);
    expect(r.stdout.length).toBeLessThan(100 * 1024 * 1024);
  });

  it('a FIFO named .xlsx: refused at once, not waited on', async () => {
    const dir = makeTempDir('hostile-');
    const fifo = join(dir, '台账.xlsx');
    execFileSync('mkfifo', [fifo]);
    const r = await runCheck([fifo]);
    expectBounded(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是一个普通文件');
    expect(r.ms).toBeLessThan(10_000);
  });

  it('SIGTERM while the copy is written: exit 143, no temporary file, never a partial file', () => {
    const dir = makeTempDir('hostile-');
    const out = join(dir, '检查结果.xlsx');
    const script =
      `const { writeSync } = require('fs');` +
      `const { writeExclusive } = require(${JSON.stringify(join(ROOT, 'build', 'cli', 'safeWrite.js'))});` +
      `writeExclusive(${JSON.stringify(out)}, (fd) => {` +
      `  process.kill(process.pid, 'SIGTERM');` +
      `  const b = Buffer.alloc(1 << 20, 1);` +
      `  for (let i = 0; i < 8; i++) writeSync(fd, b);` +
      `});` +
      `setTimeout(() => process.stdout.write('not stopped'), 2000);`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(143);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The write is synchronous: the signal is obeyed right after it, so the copy is whole or absent.
    if (existsSync(out)) expect(statSync(out).size).toBe(8 << 20);
  });

  it('/dev/zero behind a .xlsx name: refused at once', async () => {
    const dir = makeTempDir('hostile-');
    const link = join(dir, '台账.xlsx');
    symlinkSync('/dev/zero', link);
    const r = await runCheck([link]);
    expectBounded(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是一个普通文件');
  });
});
