/**
 * Every Office API version check of the add-in, in one place (as Script Lab keeps its host
 * detection in one module). The table says which ExcelApi requirement set each feature needs
 * (https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets);
 * host code asks `supports(env, 'mergedAreas')` and never spells a version itself.
 *
 * Excel 2019 bought with a volume licence (common in government offices) stops at ExcelApi 1.7,
 * so 1.7 is the floor and everything above it is optional.
 */
import type { OfficeEnv } from './env';

export const REQUIREMENTS = {
  /** The add-in at all: getRangeByIndexes, getItemOrNullObject, conditional formats, hyperlinks,
   * freezePanes, workbook protection, chart series' setXAxisValues. */
  addin: '1.7',
  /** Worksheet.pageLayout (orientation, paper size, print titles). */
  pageLayout: '1.9',
  /** Excel.run({ delayForCellEdit }) waits for the clerk to leave a cell instead of failing. */
  delayForCellEdit: '1.11',
  /** Range.getMergedAreasOrNullObject. */
  mergedAreas: '1.13',
} as const;

export type Feature = keyof typeof REQUIREMENTS;

export function supports(env: Pick<OfficeEnv, 'isSetSupported'>, feature: Feature): boolean {
  try {
    return env.isSetSupported('ExcelApi', REQUIREMENTS[feature]);
  } catch {
    return false;
  }
}

/** Excel.run options the host uses where the Excel supports them. */
export function runOptions(env: Pick<OfficeEnv, 'isSetSupported'>): { delayForCellEdit?: boolean } {
  return supports(env, 'delayForCellEdit') ? { delayForCellEdit: true } : {};
}
