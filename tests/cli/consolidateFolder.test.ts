/**
 * A unit named by its folder: the lead office sorts what each unit sent into a folder of the
 * unit's name, and the files inside are all called 整改台账.xlsx. The ledger copied in is a real
 * unit fixture with no 填报单位 line and a sheet called Sheet1, so nothing else names the unit.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/ledger-check';

const LEDGER = join(
  __dirname,
  '..',
  'fixtures',
  'units',
  '附件2：县卫生健康局巡察整改台账（2024年6月）.xlsx',
);

async function run(...argv: string[]) {
  let stdout = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: () => undefined },
  });
  return { code, doc: JSON.parse(stdout) };
}

/** 县委巡察办/{城关镇,河口乡,第二批}/整改台账.xlsx; the given folder itself reads as a unit too. */
function folders(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'folders-')), '县委巡察办');
  for (const [sub, name] of [
    ['城关镇', '整改台账.xlsx'],
    ['河口乡', '附件2：整改台账（2024年6月）.xlsx'],
    ['第二批', '巡察整改落实情况.xlsx'],
  ]) {
    mkdirSync(join(root, sub), { recursive: true });
    copyFileSync(LEDGER, join(root, sub, name));
  }
  copyFileSync(LEDGER, join(root, '整改台账.xlsx'));
  return root;
}

const units = (doc: { files: { file: string; units: { name: string; source: string }[] }[] }) =>
  Object.fromEntries(
    doc.files.map((f) => [f.file, f.units.map((u) => `${u.name}（${u.source}）`).join('、')]),
  );

describe('a folder names the unit when the file name does not', () => {
  it('takes a subfolder’s name, never the folder given or one that names no unit', async () => {
    const root = folders();
    const { doc } = await run(root, '--as-of', '2024-06-30', '--json');
    expect(units(doc)).toEqual({
      '县委巡察办/城关镇/整改台账.xlsx': '城关镇（folder-name）',
      '县委巡察办/河口乡/附件2：整改台账（2024年6月）.xlsx': '河口乡（folder-name）',
      // 第二批 names no unit: the file's own name is shown, for the clerk to map.
      '县委巡察办/第二批/巡察整改落实情况.xlsx': '巡察整改落实情况（file-name）',
      // The folder the clerk gave is where the files were collected, not a unit.
      '县委巡察办/整改台账.xlsx': '整改台账（file-name）',
    });
    // Each unit's measures are merged once: four files, four units, no duplicates.
    expect(doc.total.units).toBe(4);
    expect(doc.duplicates).toEqual([]);
  });

  it('takes the folder typed with a file, and a file name that names a unit wins', async () => {
    const root = folders();
    copyFileSync(LEDGER, join(root, '城关镇', '城关镇人民政府整改台账.xlsx'));
    const { doc } = await run(
      join(root, '河口乡', '附件2：整改台账（2024年6月）.xlsx'),
      join(root, '城关镇', '城关镇人民政府整改台账.xlsx'),
      '--as-of',
      '2024-06-30',
      '--json',
    );
    expect(doc.files.map((f: { units: { name: string; source: string }[] }) => f.units[0])).toEqual([
      expect.objectContaining({ name: '河口乡', source: 'folder-name' }),
      expect.objectContaining({ name: '城关镇人民政府', source: 'file-name' }),
    ]);
  });
});
