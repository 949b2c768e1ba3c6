/**
 * Marks are conditional formats the tool recognises as its own by their formula, so the clerk's
 * values, formulas, number formats, fills and fonts are never touched, and clearing them restores
 * the sheet exactly — also after the workbook was saved, closed and opened again.
 *
 * Each rule is a custom-formula rule that is always true and carries a tag in a string literal:
 *   =N("整改台账助手:overdue")=0
 * — the same tag the command line writes (src/cli/checkedWorkbook.ts), so either tool recognises
 * and replaces the other's marks, and a clerk sees in 条件格式 › 管理规则 where a colour comes from.
 * Cost: clear = 2 syncs (list rules, read custom formulas) + the write; apply = clear + one sync
 * per 200 new rules. Neither depends on the number of rows or findings beyond that.
 */
import { MARK_COLOURS, MARK_ORDER, type MarkKind, type MarkPlan } from '../core/marks';
import { chunkAddresses } from './a1';
import type { OfficeEnv } from './env';
import { errors } from './errors';

export const MARK_TAG = '整改台账助手:';
const RULES_PER_SYNC = 200;

export function markFormula(kind: MarkKind): string {
  return `=N("${MARK_TAG}${kind}")=0`;
}

export function isToolFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.includes(`"${MARK_TAG}`);
}

/** Queues deletion of the tool's rules on a sheet; resolves to how many there were. */
async function queueRemoval(context: Excel.RequestContext, loaded: Excel.ConditionalFormatCollection): Promise<number> {
  const custom = loaded.items.filter((cf) => cf.type === 'Custom');
  const rules = custom.map((cf) => {
    const rule = cf.custom.rule;
    rule.load('formula');
    return rule;
  });
  if (custom.length > 0) await context.sync();
  let removed = 0;
  custom.forEach((cf, i) => {
    if (isToolFormula(rules[i].formula)) {
      cf.delete();
      removed++;
    }
  });
  return removed;
}

interface Target {
  sheet: Excel.Worksheet;
  rules: Excel.ConditionalFormatCollection;
  used: Excel.Range;
}

function target(context: Excel.RequestContext, sheetName: string | null): Target {
  const sheet = sheetName
    ? context.workbook.worksheets.getItemOrNullObject(sheetName)
    : context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  sheet.protection.load('protected');
  const rules = sheet.getRange().conditionalFormats;
  rules.load('items/type');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address');
  return { sheet, rules, used };
}

export async function clearMarks(env: OfficeEnv): Promise<number> {
  return env.run(async (context) => {
    const t = target(context, null);
    await context.sync();
    if (t.sheet.protection.protected) throw errors.protectedSheet(t.sheet.name);
    const removed = await queueRemoval(context, t.rules);
    await context.sync();
    return removed;
  });
}

/**
 * Replaces the tool's marks on plan.sheet. `expectAddress` is the used range the plan was made
 * from: when the sheet's used range differs now, rows may have moved and nothing is marked.
 */
export async function applyMarks(env: OfficeEnv, plan: MarkPlan, expectAddress?: string): Promise<number> {
  const areasSupported = env.isSetSupported('ExcelApi', '1.9');
  return env.run(async (context) => {
    const t = target(context, plan.sheet);
    await context.sync();
    if (t.sheet.isNullObject) throw errors.noSheet();
    if (t.sheet.protection.protected) throw errors.protectedSheet(t.sheet.name);
    if (expectAddress !== undefined && (t.used.isNullObject || t.used.address !== expectAddress)) {
      throw errors.sheetChanged(t.sheet.name);
    }
    await queueRemoval(context, t.rules);

    // Lowest priority first: each new rule is moved to the top, so the plan's first group
    // ('missing', the cell rule) ends up above the row rules.
    const groups = [...plan.groups].sort((a, b) => MARK_ORDER.indexOf(b.kind) - MARK_ORDER.indexOf(a.kind));
    let added = 0;
    for (const group of groups) {
      const colours = MARK_COLOURS[group.kind];
      const targets = areasSupported ? chunkAddresses(group.areas) : group.areas;
      for (const address of targets) {
        const where = areasSupported ? t.sheet.getRanges(address) : t.sheet.getRange(address);
        const cf = where.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
        cf.custom.rule.formula = markFormula(group.kind);
        cf.custom.format.fill.color = colours.fill;
        cf.custom.format.font.color = colours.font;
        if (colours.bold) cf.custom.format.font.bold = true;
        if (group.kind === 'missing') cf.stopIfTrue = true;
        cf.priority = 0;
        added++;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk, by design
        if (added % RULES_PER_SYNC === 0) await context.sync();
      }
    }
    await context.sync();
    return added;
  });
}
