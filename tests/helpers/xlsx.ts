/**
 * Builders for hostile and odd workbooks, written to a temp dir at test time (no binary fixtures).
 *
 * - writeXlsx(path, build): any workbook built with exceljs, with fixed created/modified dates.
 * - make*(dir): ready-made files; each returns the path it wrote. HOSTILE lists them all.
 * - rawXlsxBuffer / writeRawXlsx: a minimal .xlsx written by hand (for what exceljs cannot write:
 *   built-in locale number formats, date1904="true", formulas without a cached value).
 * - zipBuffer: a tiny stored (uncompressed) zip writer.
 */
import { FIELD_LABELS } from '../../src/core/messages';
import { FIELDS } from '../../src/core/types';
import { mkdtempSync, writeFileSync } from 'fs';
import { mkdir, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import ExcelJS from 'exceljs';

export const FIXED_DATE = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));

/** The standard one-row header the makers use (every field the engine knows, canonical names). */
export const HEADER = FIELDS.map((f) => FIELD_LABELS[f].zh);
/** 1-based column of each header, for tests that poke at one column. */
export const COL = Object.fromEntries(HEADER.map((h, i) => [h, i + 1])) as Record<string, number>;

/** A fresh temp directory for one test file's workbooks. */
export function makeTempDir(prefix = 'ledger-xlsx-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Builds a workbook with exceljs and writes it to `path` (parent folders created). */
export async function writeXlsx(
  path: string,
  build: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tests';
  wb.lastModifiedBy = 'tests';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  await build(wb);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

/** Adds a sheet with HEADER in row 1 and `rows` below it. */
export function addLedgerSheet(
  wb: ExcelJS.Workbook,
  rows: ExcelJS.CellValue[][],
  name = '台账',
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return ws;
}

/** One ordinary, valid ledger row (deadline as text so no date format is involved). */
export function plainRow(
  n: number,
  overrides: Partial<Record<string, ExcelJS.CellValue>> = {},
): ExcelJS.CellValue[] {
  const base: Record<string, ExcelJS.CellValue> = {
    序号: n,
    问题类别: '政务服务',
    存在问题: `问题${n}:窗口办事拖拉`,
    整改措施: `措施${n}:落实限时办结制度`,
    责任单位: '政策法规与审批股',
    配合单位: '办公室',
    责任人: '张三',
    整改时限: '2026年12月31日',
    整改进展: '正在推进',
    完成时间: null,
    佐证材料: null,
    备注: null,
  };
  const merged = { ...base, ...overrides };
  return HEADER.map((h) => merged[h] ?? null);
}

// ---------------------------------------------------------------------------------------------
// Ready-made hostile workbooks

/** Text that looks like a formula must stay text: '=HYPERLINK(...)', '+86 123', '-1', '@SUM(A1)'. */
export const FORMULA_LIKE = ['=HYPERLINK("http://x","y")', '+86 123', '-1', '@SUM(A1)'];

export function makeFormulaLookingText(dir: string, name = 'formula-like.xlsx'): Promise<string> {
  return writeXlsx(join(dir, name), (wb) => {
    addLedgerSheet(wb, [
      plainRow(1, {
        存在问题: FORMULA_LIKE[0],
        整改措施: FORMULA_LIKE[1],
        责任单位: FORMULA_LIKE[2],
        责任人: FORMULA_LIKE[3],
      }),
      plainRow(2, {
        存在问题: FORMULA_LIKE[3],
        整改措施: FORMULA_LIKE[0],
        责任单位: FORMULA_LIKE[1],
        整改进展: FORMULA_LIKE[2],
      }),
      plainRow(3, { 整改时限: FORMULA_LIKE[2], 备注: FORMULA_LIKE[0] }),
    ]);
  });
}

export const ERROR_TEXTS = ['#REF!', '#DIV/0!', '#N/A'] as const;

/**
 * Error cells: plain error values and formulas whose cached result is an error, in the deadline
 * column (rows 2–4), the department column (row 5) and the status column (row 6).
 */
export function makeErrorCells(dir: string, name = 'errors.xlsx'): Promise<string> {
  return writeXlsx(join(dir, name), (wb) => {
    addLedgerSheet(wb, [
      plainRow(1, { 整改时限: { error: '#REF!' } as ExcelJS.CellErrorValue }),
      plainRow(2, { 整改时限: { error: '#DIV/0!' } as ExcelJS.CellErrorValue }),
      plainRow(3, {
        整改时限: { formula: 'VLOOKUP(A4,Z:Z,2,0)', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue,
      }),
      plainRow(4, { 责任单位: { error: '#N/A' } as ExcelJS.CellErrorValue }),
      plainRow(5, { 整改进展: { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue }),
    ]);
  });
}

export const HUGE_LENGTH = 32_000;
/** A 32,000-character problem cell (Excel's limit is 32,767). */
export function makeHugeCell(dir: string, name = 'huge-cell.xlsx'): Promise<string> {
  const unit = '整改措施落实不到位，';
  const huge = unit.repeat(Math.ceil(HUGE_LENGTH / unit.length)).slice(0, HUGE_LENGTH);
  return writeXlsx(join(dir, name), (wb) => {
    addLedgerSheet(wb, [plainRow(1, { 存在问题: huge }), plainRow(2)]);
  });
}

/** Astral CJK (U+20000 𠀀, U+2A6A5 𪚥) and emoji (🚧 ✅) in every column. */
export const ASTRAL = '𠀀𪚥🚧✅';
export function makeAstral(dir: string, name = 'astral.xlsx'): Promise<string> {
  return writeXlsx(join(dir, name), (wb) => {
    const row = (n: number) => HEADER.map((h) => (h === '序号' ? `${n}${ASTRAL}` : `${h}${ASTRAL}`));
    addLedgerSheet(wb, [
      row(1),
      row(2),
      plainRow(3, { 责任单位: `🚧审批股${ASTRAL}`, 整改进展: '✅已完成', 完成时间: '2026年3月1日' }),
    ]);
  });
}

/** A ledger sheet with the header and nothing under it. */
export function makeHeaderOnly(dir: string, name = 'header-only.xlsx'): Promise<string> {
  return writeXlsx(join(dir, name), (wb) => {
    addLedgerSheet(wb, []);
  });
}

/** Three real rows, then `empty` rows numbered in advance but never filled (only 序号 set). */
export function makePrenumbered(dir: string, empty = 10_000, name = 'prenumbered.xlsx'): Promise<string> {
  return writeXlsx(join(dir, name), (wb) => {
    const ws = addLedgerSheet(wb, [plainRow(1), plainRow(2), plainRow(3)]);
    for (let i = 0; i < empty; i++) ws.addRow([4 + i]);
  });
}

/**
 * A workbook in the 1904 date system (old Mac Excel). Row 2's deadline is a real date cell,
 * row 3's a formula with a date result; both must read as 2026-11-21 / 2026-11-22.
 */
export function make1904(dir: string, name = 'date1904.xlsx'): Promise<string> {
  return writeXlsx(join(dir, name), (wb) => {
    wb.properties.date1904 = true;
    const ws = addLedgerSheet(wb, [plainRow(1), plainRow(2)]);
    const c = ws.getCell(2, COL['整改时限']);
    c.value = new Date(Date.UTC(2026, 10, 21));
    c.numFmt = 'yyyy"年"m"月"d"日"';
    const f = ws.getCell(3, COL['整改时限']);
    f.value = { formula: `H2+1`, result: new Date(Date.UTC(2026, 10, 22)) } as ExcelJS.CellFormulaValue;
    f.numFmt = 'yyyy-mm-dd';
  });
}

/** A workbook whose only sheet has no cells at all (Excel always keeps at least one sheet). */
export function makeEmptyWorkbook(dir: string, name = 'empty.xlsx'): Promise<string> {
  return writeXlsx(join(dir, name), (wb) => {
    wb.addWorksheet('Sheet1');
  });
}

/** A workbook with no worksheet at all (only tools write these). */
export function makeNoSheetWorkbook(dir: string, name = 'no-sheets.xlsx'): Promise<string> {
  return writeXlsx(join(dir, name), () => undefined);
}

/** A text file named .xlsx (what a "导出Excel" button on a web system often produces). */
export function makeNotAWorkbook(dir: string, name = 'not-a-workbook.xlsx'): string {
  const path = join(dir, name);
  writeFileSync(path, '序号,存在问题,整改措施\n1,窗口办事拖拉,限时办结\n', 'utf8');
  return path;
}

/** A zip that is not a workbook (a Word document's skeleton). */
export function makeZipNotWorkbook(dir: string, name = 'not-a-workbook-zip.xlsx'): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    zipBuffer([
      {
        name: '[Content_Types].xml',
        data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      },
      { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document xmlns:w="x"/>' },
    ]),
  );
  return path;
}

/** A zip header whose body is cut off (a download that did not finish). */
export function makeTruncatedZip(dir: string, name = 'truncated.xlsx'): string {
  const path = join(dir, name);
  const whole = zipBuffer([{ name: 'xl/workbook.xml', data: '<workbook/>'.repeat(50) }]);
  writeFileSync(path, whole.subarray(0, 60));
  return path;
}

/** A zero-byte file. */
export function makeZeroBytes(dir: string, name = 'zero.xlsx'): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(0));
  return path;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file header plus directory names, as an encrypted .xlsx (or an .xls) carries. */
export function cfbBuffer(streamNames: string[] = ['EncryptionInfo', 'EncryptedPackage']): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from(CFB_MAGIC).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streamNames].slice(0, 4).forEach((n, i) => {
    const name = Buffer.from(`${n}\0`, 'utf16le');
    name.copy(dir, i * 128);
    dir.writeUInt16LE(name.length, i * 128 + 64);
  });
  return Buffer.concat([header, dir, Buffer.alloc(1024)]);
}

/** A fake password-protected .xlsx: CFB header and the EncryptionInfo/EncryptedPackage names. */
export function makeFakeEncrypted(dir: string, name = 'encrypted.xlsx'): string {
  const path = join(dir, name);
  writeFileSync(path, cfbBuffer());
  return path;
}

/** Only the 8 CFB magic bytes and padding: could be an encrypted .xlsx or an old .xls. */
export function makeBareCfb(dir: string, name = 'bare-cfb.xlsx'): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([Buffer.from(CFB_MAGIC), Buffer.alloc(1016)]));
  return path;
}

/** A fake Excel 97-2003 .xls: CFB header and a "Workbook" stream name. */
export function makeFakeXls(dir: string, name = 'old.xls'): string {
  const path = join(dir, name);
  writeFileSync(path, cfbBuffer(['Workbook', '\u0005SummaryInformation']));
  return path;
}

/** Every ready-made hostile file, by name. Each maker writes into `dir` and returns the path. */
export const HOSTILE: Record<string, (dir: string) => string | Promise<string>> = {
  formulaLookingText: makeFormulaLookingText,
  errorCells: makeErrorCells,
  hugeCell: makeHugeCell,
  astral: makeAstral,
  headerOnly: makeHeaderOnly,
  prenumbered: (dir) => makePrenumbered(dir),
  date1904: make1904,
  emptyWorkbook: makeEmptyWorkbook,
  noSheetWorkbook: makeNoSheetWorkbook,
  notAWorkbook: makeNotAWorkbook,
  zipNotWorkbook: makeZipNotWorkbook,
  truncatedZip: makeTruncatedZip,
  zeroBytes: makeZeroBytes,
  fakeEncrypted: makeFakeEncrypted,
  bareCfb: makeBareCfb,
  fakeXls: makeFakeXls,
};

// ---------------------------------------------------------------------------------------------
// A hand-written minimal .xlsx

export interface RawSheet {
  name: string;
  /** The inner XML of <sheetData>: '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'. */
  sheetData: string;
  /** Optional '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>'. */
  extra?: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** Attributes of <workbookPr>, e.g. 'date1904="true"'. */
  workbookPr?: string;
  /** numFmtId per cell style: the cell attribute s="i" uses cellXfs[i]. Index 0 should be 0 (General). */
  cellXfs?: number[];
  /** Custom formats (ids 164+). */
  numFmts?: { id: number; code: string }[];
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Cell XML helpers for RawSheet.sheetData. */
export const raw = {
  str: (ref: string, text: string) =>
    `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`,
  num: (ref: string, n: number, style = 0) => `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${n}</v></c>`,
  formula: (ref: string, f: string, cached?: number, style = 0) =>
    `<c r="${ref}"${style ? ` s="${style}"` : ''}><f>${xmlEscape(f)}</f>${cached === undefined ? '' : `<v>${cached}</v>`}</c>`,
  row: (r: number, cells: string[]) => `<row r="${r}">${cells.join('')}</row>`,
};

export function rawXlsxBuffer(book: RawWorkbook): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const xfs = book.cellXfs ?? [0];
  const numFmts = book.numFmts ?? [];
  const files: ZipFile[] = [
    {
      name: '[Content_Types].xml',
      data:
        head +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        book.sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        head +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        head +
        `<workbook xmlns="${ns}" xmlns:r="${rns}"><workbookPr ${book.workbookPr ?? ''}/><sheets>` +
        book.sheets
          .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        head +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        book.sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${book.sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    },
    {
      name: 'xl/styles.xml',
      data:
        head +
        `<styleSheet xmlns="${ns}">` +
        (numFmts.length
          ? `<numFmts count="${numFmts.length}">${numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${xmlEscape(f.code)}"/>`).join('')}</numFmts>`
          : '') +
        '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        `<cellXfs count="${xfs.length}">${xfs
          .map(
            (id) =>
              `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`,
          )
          .join('')}</cellXfs>` +
        '</styleSheet>',
    },
    ...book.sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data:
        head +
        `<worksheet xmlns="${ns}" xmlns:r="${rns}"><sheetData>${s.sheetData}</sheetData>${s.extra ?? ''}</worksheet>`,
    })),
  ];
  return zipBuffer(files);
}

export async function writeRawXlsx(path: string, book: RawWorkbook): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, rawXlsxBuffer(book));
  return path;
}

// ---------------------------------------------------------------------------------------------
// A tiny zip writer (stored entries, no compression)

export interface ZipFile {
  name: string;
  data: string | Buffer;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function zipBuffer(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x5c25, 12); // date 2026-01-05
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5c25, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
