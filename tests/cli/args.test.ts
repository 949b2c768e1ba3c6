import { join } from 'path';
import { main as importMain } from '../../src/cli/ledger-import';
import { main as checkMain } from '../../src/cli/ledger-check';
import { EXIT } from '../../src/cli/usage';
import { runMain } from '../helpers/cli';

const SEED0 = join(__dirname, '..', 'fixtures', 'seeds', '000_110dbbfea9921064.txt');

describe('both commands share one argument parser, error type and exit codes', () => {
  it.each([
    ['ledger-check', checkMain, ['a.xlsx', '--bogus']],
    ['ledger-import', importMain, [SEED0, '--bogus']],
  ] as const)('%s: an unknown option → the same Chinese sentence, exit 2', async (_name, main, argv) => {
    const r = await runMain(main, [...argv]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('不认识的参数“--bogus”。');
    expect(r.stderr).not.toMatch(/Unknown option|To specify/);
  });

  it.each([
    ['ledger-check', checkMain, ['a.xlsx', '--out']],
    ['ledger-import', importMain, [SEED0, '--out']],
  ] as const)('%s: an option without its value → the same sentence, exit 2', async (_name, main, argv) => {
    const r = await runMain(main, [...argv]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr.split('\n')[0]).toContain('参数“--out”后面需要一个值');
  });

  it('a plan named like an option is told to go after --', async () => {
    const r = await runMain(importMain, ['-方案.txt', '--json']);
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr).toContain('ledger-import -- -方案.txt');
  });

  it.each([
    ['ledger-check', checkMain, /^用法：ledger-check/],
    ['ledger-import', importMain, /^用法：ledger-import/],
  ] as const)('%s --help → the usage on stdout, exit 0', async (_name, main, usage) => {
    const r = await runMain(main, ['--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(usage);
    expect(r.stderr).toBe('');
  });

  it('ledger-import takes --year=YYYY like --year YYYY', async () => {
    const r = await runMain(importMain, [SEED0, '--json', '--year=2023']);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.stdout).year).toBe(2023);
  });
});
