/**
 * Writes the checked workbook for the command line: a copy of the clerk's workbook with the marks
 * as conditional formatting on the ledger sheets and the tool's sheets (整改汇总, 逾期清单,
 * 待补充清单, …) added. The input file is never written.
 *
 * A surgical edit of the original package (src/cli/xlsxPackage.ts), not a rewrite: every part is
 * copied byte for byte except the few the tool must touch —
 * - each marked sheet's XML: the tool's earlier rules removed, the new `<conditionalFormatting>`
 *   put at its schema position, ahead of the clerk's rules (whose priorities move down);
 * - styles.xml: the marks' dxf styles and the new sheets' cell formats appended;
 * - workbook.xml, its relationships and [Content_Types].xml: the new sheets and defined names;
 * - the tool's own earlier sheets (found by marker), removed with their parts.
 * Charts, pivot tables, macros, external links, the clerk's hyperlinks and anything else the tool
 * does not understand pass through untouched.
 *
 * Marks: one rule per MarkGroup, type 'expression', formula `N("整改台账助手:<kind>")=0` (always
 * true: N() of a text is 0), the same tag the Office.js host writes (src/excel/marksWriter.ts), so
 * the add-in clears marks the command line made and the other way round. The tag is how the tool
 * recognises its own rules (an earlier tag, "zhenggai-mark:", too); the clerk's rules are never
 * removed, and a clerk sees in 条件格式 › 管理规则 where a colour comes from.
 *
 * Generated sheets are recognised by a defined name per kind, `ZGTZ_summary`, `ZGTZ_overdue_list`,
 * `ZGTZ_to_complete_list`, `ZGTZ_imported_ledger` (the names src/excel/sheetsWriter.ts uses),
 * referring to A1 of the sheet the tool made, workbook-level or sheet-scoped. Excel keeps it
 * pointing at the sheet when the clerk renames or moves the sheet, and a clerk's own sheet that
 * merely has the same name carries no such name, so it is never replaced: the new sheet gets a
 * suffix (safeSheetName) and the result lists it under `renamed`. Regenerating removes the marked
 * sheet (and its name) and writes the new one at the end of the workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { MarkKind, MarkPlan } from '../core/marks';
import { safeSheetName, type SheetPlan } from '../core/sheetPlan';
import { LIMITS } from '../workbook/limits';
import { UsageError } from './io';
import { attributes, escAttr, escText, decodeXml, firstElement, quoteSheet, sheetOfRange } from './ooxml';
import { planSheetChunks } from './planSheetXml';
import { checkDestination, writeExclusive } from './safeWrite';
import {
  generatedSheetMarker,
  isToolFormula,
  MARK_TAG,
  markFormula as coreMarkFormula,
} from '../core/protocol';
import { EMPTY_STYLES, StyleBook } from './styleBook';
import { readRegularFile, type InflatedSheets } from './workbook';
import { deflatePart, PartDeflater, XlsxPackage, type DeflatedPart } from './xlsxPackage';

export { generatedSheetMarker, MARK_TAG };

const MARKER_NAMES = new Set(
  (['summary', 'overdue-list', 'to-complete-list', 'imported-ledger'] as const).map(generatedSheetMarker),
);

/** A mark's rule formula as OOXML stores it (no leading '='). */
export function markFormula(kind: MarkKind): string {
  return coreMarkFormula(kind);
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

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const STYLES_REL = `${REL_NS}/styles`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** Worksheet children after <conditionalFormatting>, in schema order (ECMA-376 CT_Worksheet). */
const AFTER_CF = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
/** Workbook children after <definedNames>. */
const AFTER_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

function partDir(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}
function relsOf(part: string): string {
  return `${partDir(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}
function resolveTarget(dir: string, target: string): string {
  const p = target.startsWith('/') ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

interface SheetEntry {
  name: string;
  rid: string;
  part: string | null;
  /** The <sheet …/> element as written. */
  element: string;
}

/** The workbook part and what the edit needs of it, as text. */
class WorkbookXml {
  readonly p: string;
  readonly sheets: SheetEntry[] = [];
  rels: string;
  readonly relsPart: string;

  constructor(
    public xml: string,
    readonly part: string,
    rels: string | null,
  ) {
    this.p = /<(\w+:)?workbook\b/.exec(xml)?.[1] ?? '';
    this.relsPart = relsOf(part);
    this.rels =
      rels ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const targets = this.relationships();
    const sheetsBlock =
      new RegExp(`<${this.p}sheets\\b[^>]*>([\\s\\S]*?)</${this.p}sheets>`).exec(xml)?.[1] ?? '';
    for (const m of sheetsBlock.matchAll(new RegExp(`<${this.p}sheet\\b[^>]*>`, 'g'))) {
      const a = attributes(m[0]);
      const rid = [...a].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
      const rel = targets.get(rid);
      this.sheets.push({ name: a.get('name') ?? '', rid, part: rel?.target ?? null, element: m[0] });
    }
  }

  relationships(): Map<string, { type: string; target: string }> {
    const out = new Map<string, { type: string; target: string }>();
    for (const m of this.rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const a = attributes(m[0]);
      if (a.get('TargetMode') === 'External') continue;
      out.set(a.get('Id') ?? '', {
        type: a.get('Type') ?? '',
        target: resolveTarget(partDir(this.part), a.get('Target') ?? ''),
      });
    }
    return out;
  }

  date1904(): boolean {
    const m = new RegExp(`<${this.p}workbookPr\\b[^>]*>`).exec(this.xml);
    const v = m ? (attributes(m[0]).get('date1904') ?? '').trim().toLowerCase() : '';
    return v === '1' || v === 'true';
  }

  /** The <definedName> elements with their decoded name, scope and text. */
  definedNames(): { element: string; name: string; localSheetId: number | null; text: string }[] {
    const out = [];
    for (const m of this.xml.matchAll(
      new RegExp(`<${this.p}definedName\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${this.p}definedName>)`, 'g'),
    )) {
      const a = attributes(m[0].slice(0, m[0].indexOf('>') + 1));
      const local = a.get('localSheetId');
      out.push({
        element: m[0],
        name: a.get('name') ?? '',
        localSheetId: local === undefined ? null : Number(local),
        text: decodeXml(m[2] ?? ''),
      });
    }
    return out;
  }

  /** Removes the sheet at `index`: its element, its relationship; sheet-scoped names follow. */
  removeSheet(index: number): void {
    const s = this.sheets[index];
    this.xml = this.xml.replace(s.element, '');
    this.rels = this.rels.replace(
      /<(?:\w+:)?Relationship\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?Relationship>)/g,
      (el) => (attributes(el).get('Id') === s.rid ? '' : el),
    );
    this.xml = this.xml.replace(
      new RegExp(`<${this.p}definedName\\b[^>]*?(?:/>|>[\\s\\S]*?</${this.p}definedName>)`, 'g'),
      (el) => {
        const open = el.slice(0, el.indexOf('>') + 1);
        const m = /\blocalSheetId="(\d+)"/.exec(open);
        if (!m) return el;
        const id = Number(m[1]);
        if (id === index) return '';
        return id > index ? el.replace(/\blocalSheetId="\d+"/, `localSheetId="${id - 1}"`) : el;
      },
    );
    this.sheets.splice(index, 1);
  }

  removeNames(names: Set<string>): void {
    this.xml = this.xml.replace(
      new RegExp(`<${this.p}definedName\\b[^>]*?(?:/>|>[\\s\\S]*?</${this.p}definedName>)`, 'g'),
      (el) => (names.has(attributes(el.slice(0, el.indexOf('>') + 1)).get('name') ?? '') ? '' : el),
    );
  }

  freeRid(): string {
    const used = new Set(this.relationships().keys());
    for (const m of this.rels.matchAll(/\bId="([^"]*)"/g)) used.add(m[1]);
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    return `rId${n}`;
  }

  addRelationship(type: string, target: string): string {
    const id = this.freeRid();
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escAttr(target)}"/>`;
    const close = this.rels.lastIndexOf('</');
    this.rels = this.rels.slice(0, close) + rel + this.rels.slice(close);
    return id;
  }

  addSheet(name: string, rid: string): void {
    let max = 0;
    for (const m of this.xml.matchAll(/\bsheetId="(\d+)"/g)) max = Math.max(max, Number(m[1]));
    const rAttr = /xmlns:r="/.test(this.xml) ? 'r:id' : 'xmlns:r="' + REL_NS + '" r:id';
    const el = `<${this.p}sheet name="${escAttr(name)}" sheetId="${max + 1}" ${rAttr}="${rid}"/>`;
    const close = this.xml.indexOf(`</${this.p}sheets>`);
    this.xml = this.xml.slice(0, close) + el + this.xml.slice(close);
    this.sheets.push({ name, rid, part: null, element: el });
  }

  addDefinedName(name: string, text: string, localSheetId?: number): void {
    const p = this.p;
    const scope = localSheetId === undefined ? '' : ` localSheetId="${localSheetId}"`;
    const el = `<${p}definedName name="${escAttr(name)}"${scope}>${escText(text)}</${p}definedName>`;
    const selfClosed = new RegExp(`<${p}definedNames\\s*/>`);
    if (selfClosed.test(this.xml)) {
      this.xml = this.xml.replace(selfClosed, `<${p}definedNames>${el}</${p}definedNames>`);
      return;
    }
    const close = this.xml.indexOf(`</${p}definedNames>`);
    if (close >= 0) {
      this.xml = this.xml.slice(0, close) + el + this.xml.slice(close);
      return;
    }
    let at = firstElement(this.xml, p, AFTER_NAMES);
    if (at < 0) at = this.xml.lastIndexOf(`</${p}workbook>`);
    this.xml = this.xml.slice(0, at) + `<${p}definedNames>${el}</${p}definedNames>` + this.xml.slice(at);
  }

  /** Keeps the active tab and first visible tab within the sheets there are. */
  clampViews(): void {
    const n = this.sheets.length;
    this.xml = this.xml.replace(new RegExp(`<${this.p}workbookView\\b[^>]*>`, 'g'), (el) =>
      el.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (m, k, v) => (Number(v) >= n ? `${k}="0"` : m)),
    );
  }
}

/** Content types: remove and add overrides. */
function editContentTypes(xml: string, remove: Set<string>, add: { part: string; type: string }[]): string {
  let out = xml.replace(/<(?:\w+:)?Override\b[^>]*>(?:\s*<\/(?:\w+:)?Override>)?/g, (el) =>
    remove.has((attributes(el).get('PartName') ?? '').replace(/^\//, '').toLowerCase()) ? '' : el,
  );
  const close = out.lastIndexOf('</');
  out =
    out.slice(0, close) +
    add.map((a) => `<Override PartName="/${escAttr(a.part)}" ContentType="${a.type}"/>`).join('') +
    out.slice(close);
  return out;
}

function isToolRule(rule: string): boolean {
  const text = decodeXml(rule);
  return isToolFormula(text);
}

/** The worksheet's namespace prefix ('x:' or ''), from the start of the part. */
function sheetPrefix(head: Buffer): string {
  const headText = head.subarray(0, Math.min(head.length, 4096)).toString('utf8');
  return /<(\w+:)?worksheet\b/.exec(headText)?.[1] ?? '';
}

/**
 * Where the part the edit may touch starts: after the last </sheetData> (or <sheetData/>), else 0;
 * and past the <mergeCells> that follows it, if any. The schema puts mergeCells before every
 * element editTail removes or inserts before (conditionalFormatting and what follows it), and it
 * is most of what follows the cells (about 1 MB for the 33,000 merged areas of a 50,000-row
 * ledger): decoding it, searching it for 22 element names and encoding it again took 4 ms at
 * 50,000 rows and 11 at 100,000.
 */
function cellsEnd(sheet: Buffer, p: string): number {
  let end = 0;
  const cut = sheet.lastIndexOf(Buffer.from(`</${p}sheetData>`));
  if (cut >= 0) end = cut + Buffer.byteLength(`</${p}sheetData>`);
  else {
    const empty = sheet.lastIndexOf(Buffer.from(`<${p}sheetData/>`));
    if (empty < 0) return 0;
    end = empty + Buffer.byteLength(`<${p}sheetData/>`);
  }
  // The first </mergeCells> after the cells: a later one could only be inside an extension.
  const merges = sheet.indexOf(Buffer.from(`</${p}mergeCells>`), end);
  return merges >= 0 ? merges + Buffer.byteLength(`</${p}mergeCells>`) : end;
}

/**
 * The part after a sheet's cells with the tool's rules replaced by `ours` (placed first, the
 * clerk's priorities moved down by their number).
 */
function editTail(tail: string, p: string, plan: MarkPlan, styles: StyleBook): string {
  const groups = plan.groups.filter((g) => g.areas.length > 0);
  const k = groups.length;
  const cfRe = new RegExp(`<${p}conditionalFormatting\\b[^>]*>[\\s\\S]*?</${p}conditionalFormatting>`, 'g');
  const ruleRe = new RegExp(`<${p}cfRule\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}cfRule>)`, 'g');
  tail = tail.replace(cfRe, (cf) => {
    let kept = 0;
    const edited = cf.replace(ruleRe, (rule) => {
      if (isToolRule(rule)) return '';
      kept++;
      return rule.replace(/\bpriority="(\d+)"/, (_m, n) => `priority="${Number(n) + k}"`);
    });
    return kept ? edited : '';
  });
  if (k > 0) {
    const ours = groups
      .map(
        (g, i) =>
          `<${p}conditionalFormatting sqref="${escAttr(g.areas.join(' '))}">` +
          `<${p}cfRule type="expression" dxfId="${styles.dxf(g.kind)}" priority="${i + 1}">` +
          `<${p}formula>${escText(markFormula(g.kind))}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
      )
      .join('');
    let at = firstElement(tail, p, ['conditionalFormatting', ...AFTER_CF]);
    if (at < 0) at = tail.lastIndexOf(`</${p}worksheet>`);
    tail = tail.slice(0, at) + ours + tail.slice(at);
  }
  return tail;
}

/**
 * A marked sheet whose part is held whole: its cells untouched, the part after them edited
 * (editTail). Works on the part after </sheetData> only, so the cells are never decoded.
 */
async function markWhole(sheet: Buffer, plan: MarkPlan, styles: StyleBook): Promise<DeflatedPart> {
  const p = sheetPrefix(sheet);
  const cut = cellsEnd(sheet, p);
  const tail = editTail(sheet.subarray(cut).toString('utf8'), p, plan, styles);
  return deflatePart([sheet.subarray(0, cut), Buffer.from(tail, 'utf8')]);
}

/** What markStreamed keeps back: the part after a sheet's cells must lie within it. */
const KEEP_BYTES = 4 * 1048576;

/**
 * A marked sheet streamed from the original's compressed bytes to the copy's: the cells pass
 * through (inflated and deflated chunk by chunk) and only the last KEEP_BYTES are held, where
 * the part after the cells is (a few KB, a MB for a sheet of 40,000 merged areas). So the 16.5 MB
 * sheet of a 50,000-row ledger is never held whole, for about the same CPU time as inflating it in
 * one go. Null when the part after the cells is longer than that, or the sheet has none: then the
 * caller holds the part whole (markWhole); the bytes come out the same either way.
 */
async function markStreamed(
  pkg: XlsxPackage,
  part: string,
  plan: MarkPlan,
  styles: StyleBook,
): Promise<DeflatedPart | null> {
  const out = new PartDeflater();
  const held: Buffer[] = [];
  let heldSize = 0;
  let head: Buffer | null = null;
  try {
    for await (const chunk of pkg.chunks(part)) {
      held.push(chunk);
      heldSize += chunk.length;
      while (heldSize - held[0].length >= KEEP_BYTES) {
        head ??= held[0].length >= 4096 ? held[0] : Buffer.concat(held, heldSize);
        const first = held.shift()!;
        heldSize -= first.length;
        await out.add(first);
      }
    }
    const rest = Buffer.concat(held, heldSize);
    const p = sheetPrefix(head ?? rest);
    const streamed = head !== null;
    if (streamed && rest.lastIndexOf(Buffer.from(`</${p}sheetData>`)) < 0) {
      out.abort();
      return null;
    }
    const cut = cellsEnd(rest, p);
    const tail = editTail(rest.subarray(cut).toString('utf8'), p, plan, styles);
    await out.add(rest.subarray(0, cut));
    await out.add(Buffer.from(tail, 'utf8'));
    return await out.end();
  } catch (e) {
    out.abort();
    throw e;
  }
}

function damagedInput(inputPath: string): UsageError {
  return new UsageError(
    `无法在副本上标注：${inputPath} 的文件结构不完整。请在 Excel 中打开它，另存为新的 .xlsx 文件后再使用 --out。`,
  );
}

/**
 * Writes the checked copy of `inputPath` to `outPath` (a new file; never replaces one). `input`
 * may hand over the bytes already read for the check, so the file is read once, and `sheets` the
 * worksheets the reader inflated from those bytes, so a marked sheet is not inflated again.
 */
export async function writeCheckedWorkbook(
  inputPath: string,
  outPath: string,
  plans: SheetPlan[],
  marks: MarkPlan[],
  input?: Uint8Array,
  sheets?: InflatedSheets | null,
): Promise<CheckedWorkbookResult> {
  if (sameFile(inputPath, outPath)) {
    throw new UsageError(`输出文件不能与原文件相同，原文件不会被改写：${outPath} 请换一个文件名。`);
  }
  checkDestination(outPath);
  const bytes = input ?? (await readRegularFile(inputPath, LIMITS.maxFileBytes));
  let pkg: XlsxPackage;
  try {
    pkg = new XlsxPackage(bytes);
  } catch {
    throw new UsageError(
      `只能在 .xlsx 工作簿的副本上标注：${inputPath} 请在 Excel 或 WPS 中把它另存为 .xlsx 后再使用 --out。`,
    );
  }

  // The workbook part, from the package relationships.
  let workbookPart = 'xl/workbook.xml';
  const rootRels = pkg.text('_rels/.rels');
  for (const m of (rootRels ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (/\/officeDocument$/.test(a.get('Type') ?? ''))
      workbookPart = resolveTarget('', a.get('Target') ?? '');
  }
  const wbXml = pkg.text(workbookPart);
  const contentTypes = pkg.text('[Content_Types].xml');
  if (wbXml === null || contentTypes === null) throw damagedInput(inputPath);
  const wb = new WorkbookXml(wbXml, pkg.name(workbookPart)!, pkg.text(relsOf(workbookPart)));

  // Styles: the workbook's own, or a fresh part.
  let stylesPart = [...wb.relationships().values()].find((r) => r.type === STYLES_REL)?.target ?? null;
  const styles = new StyleBook((stylesPart && pkg.text(stylesPart)) || EMPTY_STYLES);
  const removedParts = new Set<string>();
  const addedTypes: { part: string; type: string }[] = [];
  if (!stylesPart || !pkg.has(stylesPart)) {
    stylesPart = `${partDir(wb.part)}styles.xml`;
    if (![...wb.relationships().values()].some((r) => r.type === STYLES_REL)) {
      wb.addRelationship(STYLES_REL, 'styles.xml');
    }
    addedTypes.push({ part: stylesPart, type: STYLES_TYPE });
  }

  // 1. The tool's earlier sheets of the kinds being written: found by marker, removed.
  const kinds = new Set(plans.map((pl) => generatedSheetMarker(pl.kind)));
  const doomed = new Set<string>();
  for (const dn of wb.definedNames()) if (kinds.has(dn.name)) doomed.add(sheetOfRange(dn.text));
  for (let i = wb.sheets.length - 1; i >= 0; i--) {
    const s = wb.sheets[i];
    if (!doomed.has(s.name)) continue;
    if (s.part) {
      pkg.remove(s.part);
      pkg.remove(relsOf(s.part));
      removedParts.add(s.part.toLowerCase());
    }
    wb.removeSheet(i);
  }
  wb.removeNames(kinds);

  // 2. Marks on the ledger sheets.
  for (const m of marks) {
    const s = wb.sheets.find((x) => x.name === m.sheet);
    if (!s) throw new UsageError(`工作簿中没有名为“${m.sheet}”的工作表，没有写出检查结果。`);
    const part = s.part && pkg.has(s.part) ? s.part : null;
    if (!part) throw damagedInput(inputPath);
    const original = pkg.original(part);
    const held = original && sheets?.take(original);
    let marked = held ? await markWhole(held, m, styles) : await markStreamed(pkg, part, m, styles);
    if (!marked) {
      const xml = pkg.read(part);
      if (!xml) throw damagedInput(inputPath);
      marked = await markWhole(xml, m, styles);
    }
    pkg.write(part, marked);
  }

  // 3. The new sheets, at the end.
  const dateSystem = wb.date1904() ? 1904 : 1900;
  const written: string[] = [];
  const renamed: CheckedWorkbookResult['renamed'] = [];
  let n = 1;
  for (const plan of plans) {
    const name = safeSheetName(
      plan.name,
      wb.sheets.map((s) => s.name),
    );
    while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    pkg.write(part, await deflatePart(planSheetChunks(plan, styles, dateSystem)));
    const target = path.posix.relative(partDir(wb.part).replace(/\/$/, '') || '.', part);
    const rid = wb.addRelationship(WORKSHEET_REL, target);
    wb.addSheet(name, rid);
    addedTypes.push({ part, type: WORKSHEET_TYPE });
    const index = wb.sheets.length - 1;
    wb.addDefinedName(generatedSheetMarker(plan.kind), `${quoteSheet(name)}!$A$1`);
    if (plan.headerRow > 0) {
      wb.addDefinedName(
        '_xlnm.Print_Titles',
        `${quoteSheet(name)}!$${plan.headerRow}:$${plan.headerRow}`,
        index,
      );
    }
    written.push(name);
    if (name !== plan.name) renamed.push({ wanted: plan.name, name });
  }
  wb.clampViews();

  pkg.write(wb.part, wb.xml);
  pkg.write(wb.relsPart, wb.rels);
  if (styles.changed || !pkg.has(stylesPart)) pkg.write(stylesPart, styles.toXml());
  pkg.write('[Content_Types].xml', editContentTypes(contentTypes, removedParts, addedTypes));

  writeExclusive(outPath, (fd) => pkg.writeTo(fd));
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
