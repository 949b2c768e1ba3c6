/** LibreOffice for the round-trip tests: finding it, and converting files with it headless. */
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync } from 'fs';
import { pathToFileURL } from 'url';

/** The LibreOffice program: $SOFFICE when set (and nothing else), else the usual names and places. */
export function findSoffice(): string | null {
  const candidates = process.env.SOFFICE
    ? [process.env.SOFFICE]
    : [
        'soffice',
        'libreoffice',
        '/Applications/LibreOffice.app/Contents/MacOS/soffice',
        'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
      ];
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0 && /LibreOffice/i.test(r.stdout)) return c;
  }
  return null;
}

export interface Conversion {
  /** A folder for LibreOffice's user profile (its own, so runs never share or lock one). */
  profile: string;
  /** The --convert-to filter, e.g. 'xlsx:Calc MS Excel 2007 XML'. */
  filter: string;
  outDir: string;
  /** Converted in one start-up of LibreOffice. */
  files: string[];
  /** How long the conversion may take, in ms. */
  timeout: number;
}

/** Converts files with LibreOffice, headless, into `outDir` (each keeps its name, new extension). */
export function sofficeConvert(soffice: string, c: Conversion): void {
  mkdirSync(c.outDir, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(c.profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      c.filter,
      '--outdir',
      c.outDir,
      ...c.files,
    ],
    { stdio: 'pipe', timeout: c.timeout },
  );
}
