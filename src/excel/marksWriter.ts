/**
 * Marks are conditional formats the tool recognises as its own by their formula, so the clerk's
 * values, formulas, number formats, fills and fonts are never touched, and clearing them restores
 * the sheet exactly — also after the workbook was saved, closed and opened again.
 *
 * Excel slows down badly with thousands of conditional formats, and Excel 2019 (ExcelApi 1.7)
 * cannot put one rule on many areas, so one rule per area would grow with the ledger. Instead the
 * tool writes the engine's mark table (core/marks.ts markLayout) into a hidden sheet of its own
 * and adds at most one rule per kind (four at most, whatever the size), each over the rectangle
 * its marks span, looking its cell up in that table:
 *   =AND(N("整改台账助手:overdue")=0,'ZGTZ_标注_1'!$A5="overdue")     (row marks: column A)
 *   =AND(N("整改台账助手:missing")=0,'ZGTZ_标注_1'!F5="missing")      (cell marks: one column right)
 * The tag in N("…") is the one the command line writes (src/cli/checkedWorkbook.ts), so either tool
 * recognises and removes the other's marks. The table's A1 says what it is and B1 names the ledger
 * sheet it belongs to.
 *
 * Nothing half-done: the table is written first (invisible until a rule points at it), then one
 * request adds the new rules and deletes the old rules and tables. When that fails, what was
 * added is removed again; if even that cannot be done, the sentence says so, and the next
 * marking or clearing removes every leftover, because it removes all the tool's rules and tables
 * of the sheet.
 *
 * Cancelling (WriteControl.signal) is honoured before every round trip up to the last one: until
 * then the only change is the hidden table, which is taken back, so the old marks stay as they
 * were. The last request (new rules in, old rules out) is the point of no return; a cancel that
 * arrives while it runs is too late and the new marks stand whole.
 */
import { MARK_COLOURS, MARK_ORDER, markLayout, type MarkKind, type MarkPlan } from '../core/marks';
import { columnLetter } from '../core/grid';
import { formatArea } from '../core/a1';
import { RequestBudget } from './budget';
import { runOptions } from './capabilities';
import type { OfficeEnv } from './env';
import { errors, throwIfCancelled, toHostError } from './errors';
import type { WriteControl } from './host';
import { isToolFormula, MARK_TABLE_PREFIX, MARK_TAG, markFormula as coreMarkFormula } from '../core/protocol';

export { isToolFormula, MARK_TABLE_PREFIX, MARK_TAG };
const TABLE_TITLE = '整改台账助手标注数据(请勿修改;清除标记时自动删除)';
/** Rows of the mark table written per operation. */
const TABLE_ROWS_PER_WRITE = 20_000;

/** A mark's rule formula as Office.js takes it (src/core/protocol.ts, with the leading '='). */
export function markFormula(kind: MarkKind, table?: string, ref?: string): string {
  return `=${coreMarkFormula(kind, table, ref)}`;
}

/** Mark tables a formula refers to ('ZGTZ_标注_3'). */
function tablesIn(formula: string): string[] {
  const out: string[] = [];
  for (const m of formula.matchAll(/'((?:[^']|'')+)'!/g)) {
    const name = m[1].replace(/''/g, "'");
    if (name.startsWith(MARK_TABLE_PREFIX)) out.push(name);
  }
  return out;
}

interface State {
  sheet: Excel.Worksheet;
  /** The tool's rules on the sheet (loaded), to delete. */
  toolRules: Excel.ConditionalFormat[];
  /** Mark tables of this sheet, to delete. */
  tables: string[];
  /** Every sheet name in the workbook. */
  names: string[];
  structureProtected: boolean;
}

/**
 * Reads what marking or clearing needs, in three round trips whatever the size: the sheet (or
 * null), then its protection, rules and used range, then the rules' formulas and the owners of
 * the tool's tables. Refuses a missing or protected sheet, and a sheet that changed.
 */
async function inspect(
  context: Excel.RequestContext,
  sheetName: string | null,
  expectAddress?: string,
): Promise<State> {
  const sheet = sheetName
    ? context.workbook.worksheets.getItemOrNullObject(sheetName)
    : context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const all = context.workbook.worksheets;
  all.load('items/name');
  const workbookProtection = context.workbook.protection;
  workbookProtection.load('protected');
  await context.sync();
  // Nothing may be loaded through a null object (it fails the whole request): check first.
  if (sheet.isNullObject) throw errors.noSheet();
  sheet.protection.load('protected');
  const rules = sheet.getRange().conditionalFormats;
  rules.load('items/type');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address');
  await context.sync();
  if (sheet.protection.protected) throw errors.protectedSheet(sheet.name);
  if (expectAddress !== undefined && (used.isNullObject || used.address !== expectAddress)) {
    throw errors.sheetChanged(sheet.name);
  }
  const custom = rules.items.filter((cf) => cf.type === 'Custom');
  const formulas = custom.map((cf) => {
    const rule = cf.custom.rule;
    rule.load('formula');
    return rule;
  });
  const names = all.items.map((ws) => ws.name);
  const owners = names
    .filter((n) => n.startsWith(MARK_TABLE_PREFIX))
    .map((name) => {
      const head = all.getItem(name).getRange('A1:B1');
      head.load('values');
      return { name, head };
    });
  if (custom.length > 0 || owners.length > 0) await context.sync();
  const toolRules: Excel.ConditionalFormat[] = [];
  const tables = new Set<string>();
  custom.forEach((cf, i) => {
    const formula = formulas[i].formula;
    if (!isToolFormula(formula)) return;
    toolRules.push(cf);
    for (const t of tablesIn(formula)) if (names.includes(t)) tables.add(t);
  });
  // Only tables the tool wrote (its title in A1) for this sheet (B1): never a clerk's look-alike.
  for (const o of owners) {
    const [title, owner] = o.head.values?.[0] ?? [];
    if (title === TABLE_TITLE && owner === sheet.name) tables.add(o.name);
  }
  return { sheet, toolRules, tables: [...tables], names, structureProtected: !!workbookProtection.protected };
}

function queueRemoval(context: Excel.RequestContext, state: State, keep?: string): void {
  for (const cf of state.toolRules) cf.delete();
  for (const t of state.tables) if (t !== keep) context.workbook.worksheets.getItem(t).delete();
}

export async function clearMarks(env: OfficeEnv): Promise<number> {
  return env.run(async (context) => {
    const state = await inspect(context, null);
    if (state.tables.length > 0 && state.structureProtected) throw errors.workbookProtected();
    queueRemoval(context, state);
    await context.sync();
    return state.toolRules.length;
  }, runOptions(env));
}

function freeTableName(taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = `${MARK_TABLE_PREFIX}${i}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * Replaces the tool's marks on plan.sheet. `expectAddress` is the used range the plan was made
 * from: when the sheet's used range differs now, rows may have moved and nothing is marked.
 * Returns the number of rules added (at most one per kind).
 */
export async function applyMarks(
  env: OfficeEnv,
  plan: MarkPlan,
  expectAddress?: string,
  control: WriteControl = {},
): Promise<number> {
  const { signal, onProgress } = control;
  const layout = markLayout(plan);
  const kinds = MARK_ORDER.filter((k) => layout.bounds[k]);
  throwIfCancelled(signal);
  return env.run(async (context) => {
    const state = await inspect(context, plan.sheet, expectAddress);
    // Only reads so far; from here on every step before the last can be taken back.
    throwIfCancelled(signal);
    if (kinds.length === 0) {
      if (state.tables.length > 0 && state.structureProtected) throw errors.workbookProtected();
      queueRemoval(context, state);
      await context.sync();
      return 0;
    }
    if (state.structureProtected) throw errors.workbookProtected();

    const tableName = freeTableName(state.names);
    const rows = { written: 0, total: tableRows(layout) };
    onProgress?.(0, rows.total);
    const budget = new RequestBudget(context, undefined, {
      signal,
      onFlush: () => onProgress?.(rows.written, rows.total),
    });
    const table = context.workbook.worksheets.add(tableName);
    table.visibility = 'Hidden' as Excel.SheetVisibility;
    table.getRange('A1:B1').values = [[TABLE_TITLE, state.sheet.name]];
    const added: Excel.ConditionalFormat[] = [];
    try {
      await writeTable(table, layout, budget, rows);
      // The last moment to stop: nothing but the (hidden) table is queued or written yet.
      throwIfCancelled(signal);
      // One request: the new rules (lowest priority first, each moved to the top), then the old
      // rules and tables go.
      for (const kind of [...kinds].reverse()) {
        const b = layout.bounds[kind];
        if (!b) continue;
        const ref = kind === 'missing' ? `${columnLetter(b.left + 1)}${b.top}` : `$A${b.top}`;
        const cf = state.sheet
          .getRange(formatArea(b))
          .conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
        const colours = MARK_COLOURS[kind];
        cf.custom.rule.formula = markFormula(kind, tableName, ref);
        cf.custom.format.fill.color = colours.fill;
        cf.custom.format.font.color = colours.font;
        if (colours.bold) cf.custom.format.font.bold = true;
        if (kind === 'missing') cf.stopIfTrue = true;
        cf.priority = 0;
        added.push(cf);
      }
      queueRemoval(context, state, tableName);
      await context.sync();
      onProgress?.(rows.total, rows.total);
    } catch (e) {
      // Take back what was added, so the sheet keeps its old marks.
      try {
        for (const cf of added) cf.delete();
        context.workbook.worksheets.getItem(tableName).delete();
        await context.sync();
      } catch {
        // Cell-edit mode refuses a whole request, so the marks are as they were; at most the
        // hidden table is left, and the next marking or clearing removes it.
        if (toHostError(e).code === 'cell-edit-mode') throw errors.cellEditMode();
        throw errors.marksIncomplete(e);
      }
      throw e;
    }
    return added.length;
  }, runOptions(env));
}

/** Rows of mark-table values writeTable writes (the unit of marking's progress). */
function tableRows(layout: ReturnType<typeof markLayout>): number {
  let n = 0;
  if (layout.rows.size > 0) {
    const rowNumbers = [...layout.rows.keys()];
    n += Math.max(...rowNumbers) - Math.min(...rowNumbers) + 1;
  }
  const span = new Map<number, { top: number; bottom: number }>();
  for (const { row, column } of layout.cells) {
    const s = span.get(column);
    if (!s) span.set(column, { top: row, bottom: row });
    else {
      s.top = Math.min(s.top, row);
      s.bottom = Math.max(s.bottom, row);
    }
  }
  for (const s of span.values()) n += s.bottom - s.top + 1;
  return n;
}

/** The mark table: row kinds in column A, 'missing' one column right of the marked cell. */
async function writeTable(
  table: Excel.Worksheet,
  layout: ReturnType<typeof markLayout>,
  budget: RequestBudget,
  rows: { written: number },
): Promise<void> {
  const write = async (top: number, column: number, values: string[][]) => {
    for (let i = 0; i < values.length; i += TABLE_ROWS_PER_WRITE) {
      const part = values.slice(i, i + TABLE_ROWS_PER_WRITE);
      await budget.before(part);
      // Plain lowercase words: never read as numbers or formulas, so no text format is needed.
      table.getRangeByIndexes(top - 1 + i, column - 1, part.length, 1).values = part;
      rows.written += part.length;
    }
  };
  if (layout.rows.size > 0) {
    const rowNumbers = [...layout.rows.keys()];
    const top = Math.min(...rowNumbers);
    const bottom = Math.max(...rowNumbers);
    const values: string[][] = [];
    for (let r = top; r <= bottom; r++) values.push([layout.rows.get(r) ?? '']);
    await write(top, 1, values);
  }
  const byColumn = new Map<number, number[]>();
  for (const { row, column } of layout.cells) {
    const list = byColumn.get(column) ?? [];
    list.push(row);
    byColumn.set(column, list);
  }
  for (const [column, rows] of byColumn) {
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    const marked = new Set(rows);
    const values: string[][] = [];
    for (let r = top; r <= bottom; r++) values.push([marked.has(r) ? 'missing' : '']);
    await write(top, column + 1, values);
  }
}
