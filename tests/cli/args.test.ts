import { join } from 'path';
import { main as importMain } from '../../src/cli/ledger-import';
import { main as checkMain } from '../../src/cli/ledger-check';
import { EXIT } from '../../src/cli/usage';

const SEED0 = join(__dirname, '..', 'fixtures', 'seeds', '000_110dbbfea9921064.txt');

async function run(main: typeof importMain, argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
  });
  return { code, out, err };
}

describe('both commands share one argument parser, error type and exit codes', () => {
  it.each([
    ['ledger-check', checkMain, ['a.xlsx', '--bogus']],
    ['ledger-import', importMain, [SEED0, '--bogus']],
  ] as const)('%s: an unknown option → the same Chinese sentence, exit 2', async (_name, main, argv) => {
    const r = await run(main, [...argv]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe('不认识的参数“--bogus”。');
    expect(r.err).not.toMatch(/Unknown option|To specify/);
  });

  it.each([
    ['ledger-check', checkMain, ['a.xlsx', '--out']],
    ['ledger-import', importMain, [SEED0, '--out']],
  ] as const)('%s: an option without its value → the same sentence, exit 2', async (_name, main, argv) => {
    const r = await run(main, [...argv]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err.split('\n')[0]).toContain('参数“--out”后面需要一个值');
  });

  it('a plan named like an option is told to go after --', async () => {
    const r = await run(importMain, ['-方案.txt', '--json']);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain('ledger-import -- -方案.txt');
  });

  it.each([
    ['ledger-check', checkMain, /^用法：ledger-check/],
    ['ledger-import', importMain, /^用法：ledger-import/],
  ] as const)('%s --help → the usage on stdout, exit 0', async (_name, main, usage) => {
    const r = await run(main, ['--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(usage);
    expect(r.err).toBe('');
  });

  it('ledger-import takes --year=YYYY like --year YYYY', async () => {
    const r = await run(importMain, [SEED0, '--json', '--year=2023']);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out).year).toBe(2023);
  });
});
