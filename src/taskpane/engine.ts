/**
 * The one place the task pane imports the engine's code from: every function, table and lazily
 * loaded module of src/core (and the file reader the 汇总 view uses) that the pane runs comes
 * through here, so the pane's code reads against one small surface and tests can see at a glance
 * what it uses. Only types are imported from src/core directly (they leave nothing in the bundle).
 */
export { checkGrid, type CheckResult } from '../core/check';
export { HEADER_SYNONYMS } from '../core/header';
export { planMarks, type MarkPlan } from '../core/marks';
export {
  summarize,
  summarySentence,
  sentenceFigures,
  type LedgerSummary,
  type SentenceFigures,
} from '../core/summary';
export {
  checkOptionsFromSettings,
  defaultSettings,
  ledgerSettingsSchema,
  parseSettings,
  type LedgerSettings,
} from '../core/options';
export { columnLetter, columnNumber, cellText } from '../core/grid';
export { chineseDate, localToday, parseIso } from '../core/calendar';
export { englishDate } from '../core/summary';
export { fieldLabels, severityLabels } from '../core/messages';
export { CODE_ORDER, codeTitles, renderFinding } from '../core/findings';
export { findingRuns } from '../core/findingRuns';
export { FIELDS } from '../core/types';

/**
 * Modules only some actions need, loaded when first used: the summary sheet planner and the
 * importer. (In tests and the bundle they resolve at once; the split keeps start-up light.)
 */
export const loadSummaryPlanner = () => import('../core/summaryPlans');

export type { ImportedRow, ImportResult, ImportSuccess } from '../core/import/parse';

/** The rectification-doc importer (整改方案, 进展通报): its parser, and the layout of parsed rows as a new ledger sheet. */
export const loadImporter = async () => {
  const [{ parseRectificationDoc }, layout] = await Promise.all([
    import('../core/import/parse'),
    import('../core/import/layout'),
  ]);
  return {
    parseRectificationDoc,
    layoutPlan: (result: import('../core/import/parse').ImportSuccess, sheetName: string) =>
      layout.layoutLedger(result.rows, { name: sheetName }),
  };
};

/** The parts of the 汇总 the merge view needs, loaded on first use (a separate chunk in the bundle). */
export const loadMerger = async () => {
  const [consolidate, reader, toolOutput] = await Promise.all([
    import('../core/consolidate'),
    import('../workbook'),
    import('../cli/toolOutput'),
  ]);
  return {
    ...consolidate,
    readWorkbookBytes: reader.readWorkbookBytes,
    WorkbookError: reader.WorkbookError,
    isToolOutput: toolOutput.isToolOutput,
  };
};
