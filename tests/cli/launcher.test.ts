/**
 * The launchers in bin/ pass Node flags through their shebang (`#!/usr/bin/env -S node FLAGS`):
 * the kernel and env run them on Linux and macOS, npm's cmd-shim (the package npm itself uses to
 * make the .cmd, .ps1 and sh launchers at install on Windows) reads the same line. Each route is run
 * or generated here, not assumed; the npm scripts that start the bins are kept on the same flags.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import cmdShim from 'cmd-shim';
import { ensureBuilt } from '../helpers/build';
import { launcherFlags } from '../../scripts/launcherFlags';

const ROOT = join(__dirname, '..', '..');
const BINS = ['ledger-check', 'ledger-import'] as const;
const SAMPLE = join(ROOT, 'samples', '交通运输局专项整治台账.xlsx');

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'zgtz-launcher-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the shebang’s Node flags', () => {
  it('are the same for both commands and every one is a flag Node documents', () => {
    const flags = launcherFlags('ledger-check');
    expect(flags).toEqual(['--max-semi-space-size=2', '--v8-pool-size=0']);
    expect(launcherFlags('ledger-import')).toEqual(flags);
    // allowedNodeEnvironmentFlags: the flags Node's CLI documentation lists for NODE_OPTIONS,
    // V8's documented ones included (https://nodejs.org/api/process.html).
    for (const flag of flags) {
      expect(process.allowedNodeEnvironmentFlags.has(flag.split('=')[0])).toBe(true);
    }
  });

  it('are passed by the npm scripts that run the bins', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    expect(scripts.check).toBe(`node ${launcherFlags().join(' ')} bin/ledger-check.js`);
    expect(scripts.import).toBe(`node ${launcherFlags('ledger-import').join(' ')} bin/ledger-import.js`);
  });
});

/** Runs a file as the system does (its shebang), with a preload that reports Node's own flags. */
function runWithFlagsReported(file: string, args: string[]) {
  const preload = join(dir, 'execArgv.cjs');
  const report = join(dir, 'execArgv.json');
  rmSync(report, { force: true });
  writeFileSync(
    preload,
    `require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.execArgv));\n`,
  );
  const child = spawnSync(file, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--require ${preload}` },
    timeout: 55_000,
  });
  const execArgv = JSON.parse(readFileSync(report, 'utf8')) as string[];
  return { child, execArgv };
}

describe('run as a program (the kernel reads the shebang, env -S splits it)', () => {
  it('ledger-check checks a ledger with the flags in effect', () => {
    const { child, execArgv } = runWithFlagsReported(join(ROOT, 'bin', 'ledger-check.js'), [
      SAMPLE,
      '--as-of',
      '2026-11-21',
      '--json',
    ]);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    expect(JSON.parse(child.stdout).sheets[0].stats).toMatchObject({ rows: 30, overdue: 5 });
    expect(execArgv).toEqual(launcherFlags());
  });

  it('ledger-import answers with its usage sentence and the flags in effect', () => {
    const { child, execArgv } = runWithFlagsReported(join(ROOT, 'bin', 'ledger-import.js'), []);
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/^没有指定要导入的文件。用法：ledger-import/);
    expect(execArgv).toEqual(launcherFlags('ledger-import'));
  });
});

describe('npm’s launchers for Windows (cmd-shim, as npm install makes them)', () => {
  it.each(BINS)('%s.cmd and .ps1 start node with the flags, then the script', async (bin) => {
    const shim = join(dir, bin);
    await cmdShim(join(ROOT, 'bin', `${bin}.js`), shim);
    const flags = launcherFlags(bin).join(' ');
    const cmd = readFileSync(`${shim}.cmd`, 'utf8');
    expect(cmd).toMatch(new RegExp(`"%_prog%" ${flags} "%dp0%\\\\[^"]*bin\\\\${bin}\\.js" %\\*`));
    const ps1 = readFileSync(`${shim}.ps1`, 'utf8');
    expect(ps1).toContain(`"node$exe" ${flags} "$basedir/`);
  });

  it('the sh launcher it makes (Git Bash, Cygwin) runs the command with the flags', async () => {
    const shim = join(dir, 'sh', 'ledger-check');
    await cmdShim(join(ROOT, 'bin', 'ledger-check.js'), shim);
    const { child, execArgv } = runWithFlagsReported(shim, ['--help']);
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('用法：ledger-check');
    expect(execArgv).toEqual(launcherFlags());
  });
});
