/**
 * The reader gives the same grids whichever inflater it runs on: Node's zlib, which the command
 * line passes in (one buffer, decoded in large pieces), and fflate's streaming inflate, which the
 * task pane uses (chunks decoded as a stream). Real and generated ledgers, and the hostile corpus
 * (the same error for each).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { nativeInflate } from '../../src/cli/workbook';
import { readWorkbookBytes } from '../../src/workbook';
import { useInflater, useStreamInflater } from '../../src/workbook/zip';
import { Inflate } from 'fflate';
import { WorkbookError } from '../../src/workbook/read';
import { ledgerXlsx } from '../../scripts/ledgerXlsx';

const FIXTURES = join(__dirname, '..', 'fixtures');

function xlsxUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? xlsxUnder(join(dir, d.name)) : d.name.endsWith('.xlsx') ? [join(dir, d.name)] : [],
  );
}

async function outcome(bytes: Uint8Array): Promise<unknown> {
  try {
    return await readWorkbookBytes(bytes, 'x.xlsx');
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function both(bytes: Uint8Array): Promise<[unknown, unknown]> {
  try {
    useInflater(null);
    const byFflate = await outcome(bytes);
    useInflater(nativeInflate);
    return [byFflate, await outcome(bytes)];
  } finally {
    useInflater(nativeInflate);
  }
}

describe('fflate and native zlib give the same grids', () => {
  const files = xlsxUnder(FIXTURES).filter((f) => !/bomb|rows-past|merge-whole|many-findings/.test(f));

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s', async (_name, file) => {
    const [a, b] = await both(readFileSync(file));
    expect(b).toEqual(a);
  });

  it('a generated 3,000-row ledger (a sheet of several fflate chunks)', async () => {
    const [a, b] = await both(ledgerXlsx(3000));
    expect(b).toEqual(a);
    expect((b as { cells: unknown[] }[])[0].cells.length).toBe(3002);
  });
});

it('a host that supplied no inflater is told so, not that the file is damaged', async () => {
  const bytes = ledgerXlsx(10);
  try {
    useInflater(null);
    useStreamInflater(null);
    const error = await readWorkbookBytes(bytes, 'x.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(/No inflater/);
  } finally {
    useStreamInflater((ondata) => new Inflate(ondata));
    useInflater(nativeInflate);
  }
  expect(await outcome(bytes)).toHaveLength(1);
});
