/**
 * Writes the checked workbook for the command line: a copy of the clerk's workbook with the marks
 * as conditional formatting on the ledger sheets and the tool's sheets (整改汇总, 逾期清单,
 * 待补充清单, …) added. The input file is never written.
 *
 * Original sheets: read and written back by exceljs, cells untouched (values, formulas, number
 * formats, styles, merges). The only change to a ledger sheet is its conditional formatting: the
 * tool's earlier rules are removed and the new ones put first (the clerk's own rules keep their
 * order, after ours). exceljs cannot carry everything an .xlsx may hold (charts, pivot tables,
 * slicers, defined names that are formulas rather than ranges are dropped on the way through);
 * that is why the output is always a new file.
 *
 * Marks: one rule per MarkGroup, type 'expression', formula `N("整改台账助手:<kind>")=0` (always
 * true: N() of a text is 0), the same tag the Office.js host writes (src/excel/marksWriter.ts), so
 * the add-in clears marks the command line made and the other way round (tests/cli checks the two
 * agree). The tag is how the tool recognises its own rules (an earlier tag, "zhenggai-mark:", is
 * recognised too); the clerk's rules are never touched, and a clerk sees in 条件格式 › 管理规则
 * where a colour comes from.
 *
 * Generated sheets are recognised by a defined name per kind, `ZGTZ_summary`, `ZGTZ_overdue_list`,
 * `ZGTZ_to_complete_list`, `ZGTZ_imported_ledger` (the names src/excel/sheetsWriter.ts uses),
 * referring to A1 of the sheet the tool made, workbook-level (the only kind exceljs can write; it
 * reads a sheet-scoped name as workbook-level too, so either is found here). Why a defined name: Excel keeps it pointing at the sheet when the clerk
 * renames or moves the sheet, it survives exceljs and LibreOffice round trips, Office.js can
 * read and write it (workbook.names), and a clerk's own sheet that merely has the same name
 * carries no such name, so it is never replaced: the new sheet gets a suffix (safeSheetName) and
 * the result lists it under `renamed`. Regenerating removes the marked sheet (and its name) and
 * writes the new one at the end of the workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { MARK_COLOURS, type MarkKind, type MarkPlan } from '../core/marks';
import type { SheetPlan } from '../core/sheetPlan';
import { applySheetPlan } from './sheetWriter';
import { workbookBuffer } from './xlsxFile';

/** The tag in every conditional-format formula the tool writes; equal to src/excel/marksWriter.ts's. */
export const MARK_TAG = '整改台账助手:';
/** Tags of rules the tool wrote, now or before. */
const KNOWN_TAGS = [MARK_TAG, 'zhenggai-mark:'];

/** The defined name marking a sheet the tool generated, per plan kind. */
export function generatedSheetMarker(kind: SheetPlan['kind']): string {
  return `ZGTZ_${kind.replace(/-/g, '_')}`;
}

const MARKER_NAMES = new Set(
  (['summary', 'overdue-list', 'to-complete-list', 'imported-ledger'] as const).map(generatedSheetMarker),
);

export function markFormula(kind: MarkKind): string {
  return `N("${MARK_TAG}${kind}")=0`;
}

export interface CheckedWorkbookResult {
  /** The names of the sheets written, in plan order (as written, after any suffix). */
  written: string[];
  /** Sheets that could not take the name they wanted because a clerk's sheet has it. */
  renamed: { wanted: string; name: string }[];
}

/** A path with symlinks resolved as far as it exists. */
function realish(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** True when both paths name the same file (same path, a symlink to it, or a hard link). */
export function sameFile(a: string, b: string): boolean {
  const ra = realish(a);
  const rb = realish(b);
  if (ra === rb) return true;
  if (
    (process.platform === 'win32' || process.platform === 'darwin') &&
    ra.toLowerCase() === rb.toLowerCase()
  ) {
    return true;
  }
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** 'Sheet'!$A$1 or Sheet!$A$1 → Sheet. */
function sheetOfRange(range: string): string {
  const bang = range.lastIndexOf('!');
  const sheet = bang < 0 ? '' : range.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Removes every sheet a marker name points at, and the marker names. */
function removeGeneratedSheets(wb: ExcelJS.Workbook, kinds: Iterable<string>): string[] {
  const removed: string[] = [];
  const wanted = new Set(kinds);
  const model = wb.definedNames.model;
  for (const dn of model) {
    if (!wanted.has(dn.name)) continue;
    for (const range of dn.ranges) {
      const ws = wb.getWorksheet(sheetOfRange(range));
      if (ws) {
        removed.push(ws.name);
        wb.removeWorksheet(ws.id);
      }
    }
  }
  wb.definedNames.model = model.filter((dn) => !wanted.has(dn.name));
  return removed;
}

interface CfRule {
  type: string;
  priority?: number;
  formulae?: unknown[];
}
interface Cf {
  ref: string;
  rules: CfRule[];
}

function isToolRule(rule: CfRule): boolean {
  return (rule.formulae ?? []).some(
    (f) => typeof f === 'string' && KNOWN_TAGS.some((tag) => f.includes(`"${tag}`)),
  );
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Replaces the tool's conditional formats on a sheet with the plan's (an empty plan clears them). */
export function applyMarkPlan(ws: ExcelJS.Worksheet, plan: MarkPlan): number {
  const sheet = ws as unknown as { conditionalFormattings: Cf[] };
  const kept: Cf[] = [];
  for (const cf of sheet.conditionalFormattings ?? []) {
    const rules = cf.rules.filter((r) => !isToolRule(r));
    if (rules.length > 0) kept.push({ ...cf, rules });
  }
  const groups = plan.groups.filter((g) => g.areas.length > 0);
  // Ours first (the plan lists groups in priority order); the clerk's rules keep their order after.
  for (const cf of kept) for (const r of cf.rules) r.priority = (r.priority ?? 0) + groups.length;
  const ours: Cf[] = groups.map((g, i) => {
    const colour = MARK_COLOURS[g.kind];
    const rule = {
      type: 'expression',
      priority: i + 1,
      formulae: [markFormula(g.kind)],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(colour.fill) } },
        font: { color: { argb: argb(colour.font) }, bold: colour.bold },
      },
    };
    return { ref: g.areas.join(' '), rules: [rule] };
  });
  sheet.conditionalFormattings = [...ours, ...kept];
  return ours.length;
}

export async function writeCheckedWorkbook(
  inputPath: string,
  outPath: string,
  plans: SheetPlan[],
  marks: MarkPlan[],
): Promise<CheckedWorkbookResult> {
  if (sameFile(inputPath, outPath)) {
    throw new Error(
      `输出文件不能与原文件相同，原文件不会被改写：${outPath} / The output must not be the input file.`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(inputPath);
  } catch (e) {
    throw new Error(
      `无法读取工作簿 ${inputPath}（需要 .xlsx 文件） / Cannot read ${inputPath}: ${(e as Error).message}`,
    );
  }

  for (const m of marks) {
    const ws = wb.getWorksheet(m.sheet);
    if (!ws) throw new Error(`工作簿中没有名为“${m.sheet}”的工作表 / No sheet named ${m.sheet}`);
    applyMarkPlan(ws, m);
  }

  // Replace the tool's earlier sheets of the kinds being written, found by marker, not by name.
  removeGeneratedSheets(
    wb,
    plans.map((p) => generatedSheetMarker(p.kind)),
  );

  const written: string[] = [];
  const renamed: CheckedWorkbookResult['renamed'] = [];
  for (const plan of plans) {
    const ws = applySheetPlan(wb, plan);
    wb.definedNames.add(`${quoted(ws.name)}!$A$1`, generatedSheetMarker(plan.kind));
    written.push(ws.name);
    if (ws.name !== plan.name) renamed.push({ wanted: plan.name, name: ws.name });
  }

  // Write next to the target and rename, so a failed write never leaves half a file at outPath.
  const target = path.resolve(outPath);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, await workbookBuffer(wb));
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { written, renamed };
}

/** The sheets in a workbook the tool generated, by marker: kind marker name → sheet names. */
export function generatedSheets(wb: ExcelJS.Workbook): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const dn of wb.definedNames.model) {
    if (!MARKER_NAMES.has(dn.name)) continue;
    out[dn.name] = dn.ranges.map(sheetOfRange).filter((s) => wb.getWorksheet(s) !== undefined);
  }
  return out;
}
