/**
 * Writes the 汇总 workbook: a NEW file holding only the tool's sheets (汇总台账, 各单位情况, 逾期清单,
 * 待补充清单), each marked with its `ZGTZ_<kind>` defined name like every sheet the tool makes.
 * It never writes over a file: the bytes go to a temporary file that is then linked to the target
 * name, which fails if a file of that name appeared meanwhile.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { SheetPlan } from '../core/sheetPlan';
import { generatedSheetMarker } from './checkedWorkbook';
import { UsageError } from './io';
import { applySheetPlan } from './sheetWriter';
import { workbookBuffer } from './xlsxFile';

/** Writes the plans into a new workbook at outPath; returns the sheet names written. */
export async function writeMergedWorkbook(outPath: string, plans: SheetPlan[]): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '整改台账助手';
  const written: string[] = [];
  for (const plan of plans) {
    const ws = applySheetPlan(wb, plan);
    wb.definedNames.add(`'${ws.name.replace(/'/g, "''")}'!$A$1`, generatedSheetMarker(plan.kind));
    written.push(ws.name);
  }
  const target = path.resolve(outPath);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, await workbookBuffer(wb));
    fs.linkSync(tmp, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`文件“${outPath}”已存在，为免覆盖没有写出。请换一个文件名，或先删除该文件。`);
    }
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return written;
}
