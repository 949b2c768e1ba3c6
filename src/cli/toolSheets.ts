/**
 * The sheets of a workbook the tool generated (整改汇总, 逾期清单, 待补充清单, an imported ledger):
 * each carries a workbook-level defined name `ZGTZ_<kind>` pointing at its A1 (written by
 * src/cli/checkedWorkbook.ts and src/excel/sheetsWriter.ts). Re-checking a checked copy must not
 * read them as ledgers: 逾期清单 would count every overdue measure twice. Only xl/workbook.xml is
 * inflated, after the reader has accepted the file.
 */
import { strFromU8, unzipSync } from 'fflate';

const DEFINED_NAME = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
const NAME_ATTR = /\bname\s*=\s*(["'])(ZGTZ_[^"']*)\1/;

function decodeXml(text: string): string {
  return text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** 'Sheet'!$A$1 or Sheet!$A$1 → Sheet. */
function sheetOfRange(range: string): string {
  const bang = range.lastIndexOf('!');
  const sheet = bang < 0 ? '' : range.slice(0, bang).trim();
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

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
    const sheet = sheetOfRange(decodeXml(m[2]));
    if (sheet) out.set(sheet, name[2].slice('ZGTZ_'.length));
  }
  return out;
}
