/**
 * The sheets of a workbook the tool generated (整改汇总, 逾期清单, 待补充清单, an imported ledger):
 * each carries a workbook-level defined name `ZGTZ_<kind>` pointing at its A1 (written by
 * src/cli/checkedWorkbook.ts and src/excel/sheetsWriter.ts). Re-checking a checked copy must not
 * read them as ledgers: 逾期清单 would count every overdue measure twice. Only xl/workbook.xml is
 * inflated, after the reader has accepted the file.
 */
import { strFromU8, unzipSync } from 'fflate';
import { sheetOfReference } from '../core/a1';
import { MARKER_PREFIX } from '../core/protocol';
import { decodeXml } from './ooxml';

const DEFINED_NAME = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
const NAME_ATTR = new RegExp(`\\bname\\s*=\\s*(["'])(${MARKER_PREFIX}[^"']*)\\1`);

/** Sheet name → the kind of tool sheet it is ('overdue_list'), for every marked sheet. */
export function toolSheetKinds(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' });
    const part = files['xl/workbook.xml'];
    if (!part) return out;
    xml = strFromU8(part);
  } catch {
    return out; // not a zip (an .xls): no marked sheets
  }
  for (const m of xml.matchAll(DEFINED_NAME)) {
    const name = NAME_ATTR.exec(m[1]);
    if (!name) continue;
    const sheet = sheetOfReference(decodeXml(m[2]).trim());
    if (sheet) out.set(sheet, name[2].slice(MARKER_PREFIX.length));
  }
  return out;
}
