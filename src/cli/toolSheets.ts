/**
 * The sheets of a workbook the tool generated (整改汇总, 逾期清单, 待补充清单, an imported ledger):
 * each carries a workbook-level defined name `ZGTZ_<kind>` pointing at its A1 (written by
 * src/cli/checkedWorkbook.ts and src/excel/sheetsWriter.ts). Re-checking a checked copy must not
 * read them as ledgers: 逾期清单 would count every overdue measure twice. Only xl/workbook.xml is
 * inflated again, after the reader has accepted the file, by the reader's own zip code (the zip's
 * directory, the host's inflater, the small parts' cap): fflate's unzipSync took 2.5–4.5 ms for
 * it on a 10k-row ledger, cold, and inflated the part uncapped.
 */
import { sheetOfReference } from '../core/a1';
import { MARKER_PREFIX } from '../core/protocol';
import { LIMITS } from '../workbook/limits';
import { entryText, isZip, listZipEntries } from '../workbook/zip';
import { decodeXml } from './ooxml';

const DEFINED_NAME = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
const NAME_ATTR = new RegExp(`\\bname\\s*=\\s*(["'])(${MARKER_PREFIX}[^"']*)\\1`);

/** Sheet name → the kind of tool sheet it is ('overdue_list'), for every marked sheet. */
export function toolSheetKinds(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  // Not a zip (an .xls): no marked sheets.
  const entry = isZip(bytes) ? listZipEntries(bytes)?.get('xl/workbook.xml') : undefined;
  if (!entry) return out;
  let xml: string;
  try {
    xml = entryText(bytes, entry, LIMITS.maxSmallPartBytes, LIMITS, '');
  } catch {
    return out;
  }
  for (const m of xml.matchAll(DEFINED_NAME)) {
    const name = NAME_ATTR.exec(m[1]);
    if (!name) continue;
    const sheet = sheetOfReference(decodeXml(m[2]).trim());
    if (sheet) out.set(sheet, name[2].slice(MARKER_PREFIX.length));
  }
  return out;
}
