/**
 * An output folder the clerk may not write in, for real: the compiled command (node
 * bin/ledger-check.js) runs as a user without write permission on it. Tests run as root here, and
 * root may write anywhere, so as root the command runs as nobody (uid/gid 65534) on a folder root
 * owns with mode 0755; as anyone else, on a folder of their own with mode 0555. It must say so in
 * one sentence before the check starts (at once, nothing about the input), exit 2, leave no file.
 */
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ensureBuilt } from '../helpers/build';
import { makeTempDir } from '../helpers/xlsx';
import { ledgerXlsx } from '../../scripts/ledgerXlsx';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ledger-check.js');
const SAMPLE = join(ROOT, 'samples', '交通运输局专项整治台账.xlsx');
const AS_OF = ['--as-of', '2026-11-21'];
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

let base: string;
let locked: string;
/** How the command is started: as nobody when the tests run as root. */
let as: SpawnSyncOptions;
/** Why the tests cannot run here, if they cannot. */
let skipReason: string | null = null;

beforeAll(() => {
  ensureBuilt();
  base = makeTempDir('zgtz-unwritable-');
  // mkdtemp makes the folder 0700; the other user must be able to enter it and read the inputs.
  chmodSync(base, 0o755);
  mkdirSync(join(base, 'input'), { mode: 0o755 });
  locked = join(base, '只读文件夹');
  mkdirSync(locked, { mode: 0o755 });
  if (!asRoot) chmodSync(locked, 0o555);
  as = asRoot ? { uid: NOBODY, gid: NOBODY } : {};
  // The repository must be readable by that user: the launcher loads build/ and node_modules/.
  const probe = spawnSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(join(ROOT, 'build', 'cli', 'ledger-check.js'))})`],
    {
      ...as,
      cwd: base,
      encoding: 'utf8',
    },
  );
  if (probe.status !== 0) {
    skipReason = `uid ${NOBODY} cannot load the compiled command from ${ROOT} (a folder on the way is not readable by others)`;
    console.warn(`SKIPPED outputFolder.test.ts: ${skipReason}.`);
  }
}, 60_000);

afterAll(() => {
  if (!asRoot) chmodSync(locked, 0o755);
  rmSync(base, { recursive: true, force: true });
});

/** An input the other user can read: copied into the 0755 folder. */
function input(name: string, bytes?: Uint8Array): string {
  const file = join(base, 'input', name);
  if (bytes) writeFileSync(file, bytes, { mode: 0o644 });
  else copyFileSync(SAMPLE, file);
  chmodSync(file, 0o644);
  return file;
}

function runAsOther(args: string[]) {
  const env = { ...process.env };
  delete env.LEDGER_DEBUG;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    ...as,
    cwd: base,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 55_000,
  });
  return { ...r, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Exit 2, nothing on stdout, one sentence on stderr naming the folder, no file left in it. */
function expectRefused(r: ReturnType<typeof runAsOther>, inputName: string): void {
  expect(r.error).toBeUndefined();
  expect(r.stdout).toBe('');
  const lines = String(r.stderr).trimEnd().split('\n');
  expect(lines).toEqual([`没有权限在文件夹中写入：${locked} 请换一个有写入权限的保存位置。`]);
  expect(r.stderr).not.toContain(inputName);
  expect(r.stderr).not.toMatch(/\bat \w|Error|EACCES/);
  expect(r.status).toBe(2);
  expect(readdirSync(locked)).toEqual([]);
}

const itReal = (name: string, fn: () => void) =>
  it(name, () => {
    if (skipReason) return; // said once in beforeAll
    fn();
  });

describe(`--out into a folder the user may not write in (${asRoot ? 'as nobody, folder 0755 owned by root' : 'folder 0555'})`, () => {
  itReal('the folder is really not writable for that user', () => {
    const r = spawnSync('sh', ['-c', `touch "${join(locked, 'probe')}"`], { ...as, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(readdirSync(locked)).toEqual([]);
  });

  itReal('says so in one sentence, exit 2, and leaves no file', () => {
    const file = input('交通运输局专项整治台账.xlsx');
    expectRefused(runAsOther([file, ...AS_OF, '--out', join(locked, '检查结果.xlsx')]), '交通运输局');
    // --json too: still nothing on stdout.
    expectRefused(
      runAsOther([file, ...AS_OF, '--json', '--out', join(locked, '检查结果.xlsx')]),
      '交通运输局',
    );
  });

  itReal('says it before the input is read: a file that is no workbook is not what it talks about', () => {
    const file = input('不是工作簿.xlsx', new TextEncoder().encode('这是一个文本文件，不是工作簿。\n'));
    expectRefused(runAsOther([file, ...AS_OF, '--out', join(locked, '检查结果.xlsx')]), '不是工作簿');
  });

  itReal('says it at once: far sooner than checking a 20,000-row ledger takes', () => {
    const file = input('两万行台账.xlsx', ledgerXlsx(20_000));
    const check = runAsOther([file, ...AS_OF]);
    expect(check.status).toBe(1);
    const refused = runAsOther([file, ...AS_OF, '--out', join(locked, '检查结果.xlsx')]);
    expectRefused(refused, '两万行台账');
    expect(refused.ms).toBeLessThan(check.ms / 2);
  });

  itReal('the 汇总 of a folder says it before reading any unit’s file', () => {
    const units = join(base, 'input', '各单位');
    mkdirSync(units, { mode: 0o755 });
    copyFileSync(SAMPLE, join(units, '甲单位整改台账.xlsx'));
    chmodSync(join(units, '甲单位整改台账.xlsx'), 0o644);
    expectRefused(runAsOther([units, ...AS_OF, '--out', join(locked, '汇总.xlsx')]), '甲单位');
  });
});
