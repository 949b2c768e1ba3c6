/**
 * Is this workbook one the tool wrote (a checked copy, an earlier 汇总)? Both hosts mark every
 * sheet they generate with a workbook-level defined name `ZGTZ_<kind>` (src/cli/checkedWorkbook.ts,
 * src/excel/sheetsWriter.ts), so the workbook part lists one. Merging such a file would count a
 * unit twice. Only xl/workbook.xml is inflated; bytes that are no zip are left to the reader to
 * explain. No Node APIs: the pane uses it on picked files too.
 */
import { strFromU8, unzipSync } from 'fflate';

export function isToolOutput(bytes: Uint8Array): boolean {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' });
    const xml = files['xl/workbook.xml'];
    return !!xml && /<(?:\w+:)?definedName\b[^>]*\bname\s*=\s*["']ZGTZ_/i.test(strFromU8(xml));
  } catch {
    return false;
  }
}
