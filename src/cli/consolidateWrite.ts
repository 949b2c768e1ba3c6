/**
 * Writes the 汇总 workbook: a NEW file holding only the tool's sheets (汇总台账, 各单位情况, 逾期清单,
 * 待补充清单), each marked with its `ZGTZ_<kind>` defined name like every sheet the tool makes.
 *
 * It goes through the same writer as `--out` on a single ledger (src/cli/checkedWorkbook.ts: the
 * plans as worksheet XML, the no-overwrite exclusive write), starting from the smallest workbook
 * there is: one empty sheet that carries the 汇总台账 marker, so the writer replaces it like any
 * earlier sheet of the tool. Nothing of the template is left in the result.
 */
import { strToU8, zipSync } from 'fflate';
import type { SheetPlan } from '../core/sheetPlan';
import { generatedSheetMarker, writeCheckedWorkbook } from './checkedWorkbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** An .xlsx with one empty sheet marked as the kind `placeholder` (replaced by the writer). */
export function templateWorkbook(placeholder: SheetPlan['kind']): Uint8Array {
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  return zipSync({
    '[Content_Types].xml': xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `</Types>`,
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': xml(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
        `<sheets><sheet name="placeholder" sheetId="1" r:id="rId1"/></sheets>` +
        `<definedNames><definedName name="${generatedSheetMarker(placeholder)}">placeholder!$A$1</definedName></definedNames>` +
        `</workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': xml(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': xml(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`),
  });
}

/** Writes the plans into a new workbook at outPath (never over a file); returns the sheet names written. */
export async function writeMergedWorkbook(outPath: string, plans: SheetPlan[]): Promise<string[]> {
  if (plans.length === 0) throw new Error('no sheets to write');
  const template = templateWorkbook(plans[0].kind);
  const { written } = await writeCheckedWorkbook('汇总模板.xlsx', outPath, plans, [], template);
  return written;
}
