/**
 * The one place the task pane imports the engine from. Keeping the imports together means the
 * pane's code reads against one small surface, and tests can see at a glance what it uses.
 */
export { checkGrid, type CheckResult } from '../core/check';
export { HEADER_SYNONYMS } from '../core/header';
export { planMarks, type MarkPlan } from '../core/marks';
export {
  summarize,
  reportSentence,
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
export { localToday, parseIso } from '../core/calendar';

/**
 * Modules only some actions need, loaded when first used: the summary sheet planner and the plan
 * importer. (In tests and the bundle they resolve at once; the split keeps start-up light.)
 */
export const loadSummaryPlanner = () => import('../core/summaryPlans');

export type { ImportedRow, ImportResult, ImportSuccess } from '../core/import/parse';

/** The plan importer: its parser, and the layout of parsed rows as a new ledger sheet. */
export const loadImporter = async () => {
  const [{ parsePlan }, layout] = await Promise.all([
    import('../core/import/parse'),
    import('../core/import/layout'),
  ]);
  return {
    parsePlan,
    layoutPlan: (result: import('../core/import/parse').ImportSuccess, sheetName: string) =>
      layout.layoutLedger(result.rows, { name: sheetName }),
  };
};
