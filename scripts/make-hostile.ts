/**
 * npm run hostile: writes the hostile corpus into tests/fixtures/hostile/ (small files; the tests
 * read them, tests/cli/workbookHostile.test.ts). Each file is one class of attack or breakage that
 * fuzzing and issue 9 found; the README in that folder lists them. Deterministic: running it again
 * gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { columnLetter } from '../src/core/grid';
import { esc } from './ledgerXlsx';

const OUT = join(__dirname, '..', 'tests', 'fixtures', 'hostile');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const HEADER = ['序号', '存在问题', '整改措施', '责任单位', '责任人', '整改时限', '整改进展', '完成时间'];
const MTIME = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));

/** A part's text, given whole or as a generator of chunks (for parts that inflate to 100 MB+). */
type Body = string | (() => Iterable<string>);

const str = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;

/** Header row plus data rows (cells as raw inner XML text, already escaped). */
function ledgerRows(rows: string[][], firstRow = 1): string {
  const out = [
    `<row r="${firstRow}">${HEADER.map((h, i) => str(`${columnLetter(i + 1)}${firstRow}`, h)).join('')}</row>`,
  ];
  rows.forEach((cells, i) => {
    const r = firstRow + 1 + i;
    out.push(
      `<row r="${r}">${cells.map((c, j) => (c === '' ? '' : str(`${columnLetter(j + 1)}${r}`, c))).join('')}</row>`,
    );
  });
  return out.join('');
}

function row(n: number, over: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    序号: String(n),
    存在问题: `问题${n}：窗口办事拖拉`,
    整改措施: `措施${n}：落实限时办结制度`,
    责任单位: '政策法规与审批股',
    责任人: '张三',
    整改时限: '2026年12月31日',
    整改进展: '正在推进',
    完成时间: '',
    ...over,
  };
  return HEADER.map((h) => base[h] ?? '');
}

interface Pkg {
  sheet?: Body;
  workbook?: Body;
  sharedStrings?: string;
  /** Leave the sheet part out (the workbook still lists it). */
  omitSheet?: boolean;
}

function sheetXml(inner: string, extra = ''): string {
  return `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetData>${inner}</sheetData>${extra}</worksheet>`;
}

function write(name: string, pkg: Pkg): void {
  const files: [string, Body][] = [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        (pkg.sharedStrings
          ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
          : '') +
        `</Types>`,
    ],
    [
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      pkg.workbook ??
        `${HEAD}<workbook xmlns="${NS}" xmlns:r="${RNS}"><workbookPr/><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
        (pkg.sharedStrings
          ? `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
          : '') +
        `</Relationships>`,
    ],
  ];
  if (!pkg.omitSheet) files.push(['xl/worksheets/sheet1.xml', pkg.sheet ?? sheetXml(ledgerRows([row(1)]))]);
  if (pkg.sharedStrings) files.push(['xl/sharedStrings.xml', pkg.sharedStrings]);

  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [path, body] of files) {
    const entry = new ZipDeflate(path, { level: 9 });
    entry.mtime = MTIME;
    zip.add(entry);
    if (typeof body === 'string') entry.push(strToU8(body), true);
    else {
      for (const part of body()) entry.push(strToU8(part));
      entry.push(new Uint8Array(0), true);
    }
  }
  zip.end();
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  writeFileSync(join(OUT, name), bytes);
  console.log(`${name.padEnd(32)} ${(total / 1024).toFixed(0).padStart(6)} KB`);
}

/** `times` copies of `unit`, in chunks of about 1 MB. */
function* repeat(prefix: string, unit: string, times: number, suffix: string): Iterable<string> {
  yield prefix;
  const per = Math.max(1, Math.floor(1_048_576 / unit.length));
  const block = unit.repeat(per);
  let left = times;
  for (; left >= per; left -= per) yield block;
  yield unit.repeat(left);
  yield suffix;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });

  // A sheet part that inflates to 160 MB of tiny rows from a few hundred KB (a "zip bomb").
  write('bomb-sheet.xlsx', {
    sheet: () =>
      repeat(
        `${HEAD}<worksheet xmlns="${NS}"><sheetData>${ledgerRows([row(1)])}`,
        '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
        4_000_000,
        '</sheetData></worksheet>',
      ),
  });

  // workbook.xml inflating to 256 MB (an older reader inflated it uncapped, then ran a regex).
  write('bomb-workbook.xlsx', {
    workbook: () =>
      repeat(
        `${HEAD}<workbook xmlns="${NS}" xmlns:r="${RNS}"><!--`,
        ' ',
        256 * 1_048_576,
        `--><workbookPr/><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
  });

  // 200,000 "<workbookPr " in a comment: quadratic for a regex, nothing for a parser.
  write('workbookpr-comment.xlsx', {
    workbook:
      `${HEAD}<workbook xmlns="${NS}" xmlns:r="${RNS}"><!-- ${'<workbookPr '.repeat(200_000)} -->` +
      `<workbookPr date1904="0"/><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  });

  // One merged area over the whole sheet, A1:XFD1048576.
  write('merge-whole-sheet.xlsx', {
    sheet: sheetXml(
      ledgerRows([row(1), row(2)]),
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    ),
  });

  // 40,000 merged areas (exceljs compared each with all earlier ones).
  const merges: string[] = [];
  for (let i = 0; i < 40_000; i++) merges.push(`<mergeCell ref="J${i + 10}:K${i + 10}"/>`);
  write('merges-40000.xlsx', {
    sheet: sheetXml(
      ledgerRows([row(1), row(2), row(3)]),
      `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`,
    ),
  });

  // U+FFFE (not an XML character) written the OOXML way, in a shared string and an inline string.
  write('fffe-cell.xlsx', {
    sheet: sheetXml(
      `<row r="1">${HEADER.map((h, i) => str(`${columnLetter(i + 1)}1`, h)).join('')}</row>` +
        `<row r="2">${row(1)
          .map((c, j) => (j === 1 ? `<c r="B2" t="s"><v>0</v></c>` : str(`${columnLetter(j + 1)}2`, c)))
          .join('')}</row>` +
        ledgerRows([row(2, { 整改措施: '措施_xFFFE_二' })], 3).replace(/^<row r="3">.*?<\/row>/, ''),
    ),
    sharedStrings: `${HEAD}<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>问题一_xFFFE_后面的字</t></si></sst>`,
  });

  // Terminal control sequences in cells: clear screen, OSC title + BEL, a raw C1 CSI, a bidi override.
  write('terminal-escapes.xlsx', {
    sheet: sheetXml(
      ledgerRows([
        row(1, { 整改时限: '_x001B_[2J_x001B_[H下月底' }),
        row(2, { 整改时限: '_x001B_]0;已完成_x0007_明年', 责任单位: '办公室_x000D_财务股' }),
        row(3, { 整改时限: '\u009b31m红字', 整改进展: '\u202e成完已' }),
      ]),
    ),
  });

  // Text that a spreadsheet would run as a formula if it were written as one.
  write('formula-like.xlsx', {
    sheet: sheetXml(
      ledgerRows([
        row(1, { 存在问题: esc("=cmd|' /C calc'!A0"), 整改措施: esc('=HYPERLINK("http://x","y")') }),
        row(2, { 存在问题: '+86 123', 整改措施: '-1', 责任人: '@SUM(A1)' }),
      ]),
    ),
  });

  // A row number past Excel's 1,048,576.
  write('rows-past-limit.xlsx', {
    sheet: sheetXml(ledgerRows([row(1)]) + `<row r="1048577">${str('A1048577', '多出的一行')}</row>`),
  });

  // The workbook lists a sheet whose part is not in the zip.
  write('missing-sheet-part.xlsx', { omitSheet: true });

  // An internal DTD with nested entities ("billion laughs") and an external entity.
  write('entities.xlsx', {
    sheet:
      `${HEAD}<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">` +
      `<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>` +
      `<worksheet xmlns="${NS}"><sheetData>${ledgerRows([row(1, { 存在问题: '&c;&x;' })])}</sheetData></worksheet>`,
  });

  // 40,000 measures all numbered 1, each missing its department, deadline and status: > 125,000
  // findings on one sheet (the engine once spread them onto the stack).
  write('many-findings.xlsx', {
    sheet: () => {
      const rows: string[] = [ledgerRows([])];
      for (let r = 2; r <= 40_001; r++) {
        rows.push(`<row r="${r}"><c r="A${r}"><v>1</v></c>${str(`C${r}`, '措施')}</row>`);
      }
      return [`${HEAD}<worksheet xmlns="${NS}"><sheetData>`, ...rows, '</sheetData></worksheet>'];
    },
  });
}

main();
