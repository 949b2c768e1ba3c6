/**
 * What the command loads for a job (the "heavy modules loaded when needed"): the real bin,
 * run as a clerk runs it, reports at exit every module it loaded. A check, with or without --out,
 * loads none of the libraries it does not use: zod (the settings schema) only for --config, never
 * exceljs, jszip or SheetJS for an .xlsx, never fflate (the task pane's inflate; the command has
 * Node's zlib). A plain check loads neither the copy's writer nor the 汇总. zod alone was half of a
 * check's start-up (42 of 84 ms of CPU loading modules); fflate, the writer and the 汇总 another
 * 15–20 ms (a 30-row check 122 → 105 ms wall).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ensureBuilt } from '../helpers/build';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'samples', '交通运输局专项整治台账.xlsx');

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'zgtz-startup-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs bin/ledger-check.js; returns its result and the packages it loaded from node_modules. */
function check(args: string[]) {
  const preload = join(dir, 'loaded.cjs');
  const report = join(dir, 'loaded.json');
  rmSync(report, { force: true });
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, ` +
      `JSON.stringify(Object.keys(require.cache))));\n`,
  );
  const child = spawnSync(
    process.execPath,
    ['--require', preload, join(ROOT, 'bin', 'ledger-check.js'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 55_000,
    },
  );
  const packages = new Set<string>();
  const modules = new Set<string>();
  for (const file of JSON.parse(readFileSync(report, 'utf8')) as string[]) {
    const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (m) packages.add(m[1].replace('\\', '/'));
    const own = /[\\/]build[\\/](.+)\.js$/.exec(file);
    if (own && !m) modules.add(own[1].replace(/\\/g, '/'));
  }
  return { child, packages, modules };
}

const UNUSED = ['zod', 'exceljs', 'jszip', '@e965/xlsx', 'mammoth', 'fflate'];

it('a check and its checked copy load none of the libraries they do not use', () => {
  const out = join(dir, '副本.xlsx');
  const { child, packages } = check([SAMPLE, '--as-of', '2026-11-21', '--json', '--out', out]);
  expect(child.stderr).toMatch(/^已写出检查结果：/);
  expect(child.status).toBe(1);
  expect(JSON.parse(child.stdout).sheets[0].stats).toMatchObject({ rows: 30, overdue: 5 });
  for (const name of UNUSED) expect([...packages]).not.toContain(name);
});

it('zod is loaded for a settings file, and the settings apply', () => {
  const config = join(dir, '设置.json');
  writeFileSync(config, JSON.stringify({ version: 1, dueSoonDays: 0, asOf: '2026-11-21' }));
  const { child, packages } = check([SAMPLE, '--config', config, '--json']);
  expect(child.stderr).toBe('');
  expect(JSON.parse(child.stdout).asOf).toBe('2026-11-21');
  expect(packages).toContain('zod');
});

it("a plain check loads neither the copy's writer nor the 汇总, which a copy and a folder load", () => {
  const plain = check([SAMPLE, '--as-of', '2026-11-21']);
  expect(plain.child.status).toBe(1);
  expect(plain.child.stdout).toContain('共 30 项措施');
  expect(plain.modules).toContain('cli/ledger-check');
  for (const name of ['cli/output', 'cli/checkedWorkbook', 'cli/xlsxPackage', 'cli/consolidate']) {
    expect([...plain.modules]).not.toContain(name);
  }
  for (const name of UNUSED) expect([...plain.packages]).not.toContain(name);

  const copy = check([SAMPLE, '--as-of', '2026-11-21', '--out', join(dir, '副本2.xlsx')]);
  expect(copy.child.stdout).toContain('已写出检查结果');
  expect(copy.modules).toContain('cli/checkedWorkbook');
  expect([...copy.modules]).not.toContain('cli/consolidate');

  const folder = check([join(ROOT, 'samples'), '--as-of', '2026-11-21']);
  expect(folder.child.stderr).toBe('');
  expect(folder.modules).toContain('cli/consolidate');
});
