/**
 * A generated .xlsx ledger shaped like the real ones (issue 9): 14 columns, long Chinese text, a
 * merged title, 序号 and 存在问题 merged over 1–3 measures (0.67 merged areas a row), date cells in
 * three formats (built-in 14, 年月日, yyyy/m/d) besides text dates. Written by hand (shared
 * strings, a styles part with number formats) and zipped with fflate, so a 100k-row file takes a
 * second, not exceljs's minute. Used by the bench and the reader's tests.
 */
import { strToU8, zipSync } from 'fflate';
import { columnLetter } from '../src/core/grid';

const HEADER = [
  '序号',
  '问题类别',
  '存在问题',
  '整改措施',
  '整改目标',
  '责任单位',
  '配合单位',
  '责任人',
  '整改时限',
  '整改进展',
  '完成时间',
  '佐证材料',
  '联系电话',
  '备注',
];
const DEPARTMENTS = [
  '办公室',
  '财务股',
  '政策法规与审批股、道路运输管理股',
  '执法大队',
  '局属各单位、机关各股室',
];
const STATUSES = [
  '已完成',
  '正在推进，已完成工程量的75%',
  '尚未完成',
  '长期坚持',
  '未启动',
  '已于2025年12月13日全部整改完毕',
];
const TEXT_DEADLINES = ['2026年6月30日', '2026.11.25', '6月底前', '长期坚持', '立行立改', '第三季度'];

/** Text for XML content or a double-quoted attribute (also used by make-hostile.ts). */
export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The .xlsx bytes of a ledger with `rows` measure rows under a title and a header. */
export function ledgerXlsx(rows: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const parts: string[] = [];
  const merges: string[] = [`A1:${columnLetter(HEADER.length)}1`];
  const text = (r: number, c: number, s: string) =>
    `<c r="${columnLetter(c)}${r}" t="s"><v>${sst(s)}</v></c>`;
  const num = (r: number, c: number, v: number, style = 0) =>
    `<c r="${columnLetter(c)}${r}"${style ? ` s="${style}"` : ''}><v>${v}</v></c>`;

  parts.push(`<row r="1">${text(1, 1, 'X市交通运输局2026年巡察反馈问题整改落实台账')}</row>`);
  parts.push(`<row r="2">${HEADER.map((h, i) => text(2, i + 1, h)).join('')}</row>`);
  let r = 3;
  let group = 0;
  let measure = 0;
  while (measure < rows) {
    const size = Math.min((group % 3) + 1, rows - measure);
    if (size > 1) merges.push(`A${r}:A${r + size - 1}`, `C${r}:C${r + size - 1}`);
    for (let k = 0; k < size; k++, r++, measure++) {
      const i = measure;
      const cells: string[] = [];
      if (k === 0) {
        cells.push(num(r, 1, group + 1));
        cells.push(text(r, 2, `第${(group % 7) + 1}类问题`));
        cells.push(
          text(
            r,
            3,
            `存在问题${group + 1}：政策落实不到位，服务意识不强，存在“等靠要”思想，群众反映办事难、办事慢。`,
          ),
        );
      } else {
        cells.push(text(r, 2, `第${(group % 7) + 1}类问题`));
      }
      cells.push(
        text(
          r,
          4,
          `整改措施${i + 1}：制定印发工作方案，细化责任清单，明确目标任务，协同配合推进，按期销号。`,
        ),
      );
      cells.push(text(r, 5, '问题整改到位，制度机制健全'));
      cells.push(text(r, 6, DEPARTMENTS[i % DEPARTMENTS.length]));
      if (i % 4 === 0) cells.push(text(r, 7, '财务股'));
      if (i % 5 !== 0) cells.push(text(r, 8, i % 2 ? '张三' : '李四'));
      const serial = 46023 + (i % 700); // 2026-01-01 onwards
      if (i % 4 === 0) cells.push(num(r, 9, serial, 1));
      else if (i % 4 === 1) cells.push(num(r, 9, serial, 2));
      else if (i % 4 === 2) cells.push(num(r, 9, serial, 3));
      else cells.push(text(r, 9, TEXT_DEADLINES[i % TEXT_DEADLINES.length]));
      cells.push(text(r, 10, STATUSES[i % STATUSES.length]));
      if (i % 6 === 0) cells.push(num(r, 11, 46082, 2));
      if (i % 3 === 0) cells.push(text(r, 12, '会议纪要、制度文件'));
      if (i % 2 === 0) cells.push(num(r, 13, 13800000000 + i));
      parts.push(`<row r="${r}">${cells.join('')}</row>`);
    }
    group++;
  }
  const last = `${columnLetter(HEADER.length)}${r - 1}`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1:${last}"/><sheetData>${parts.join('')}</sheetData>` +
    `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` +
    `</worksheet>`;
  const sharedStrings =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('') +
    `</sst>`;
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="yyyy/m/d"/></numFmts>` +
    `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<workbookPr/><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(sharedStrings),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  return zipSync(files, { level: 6 });
}
