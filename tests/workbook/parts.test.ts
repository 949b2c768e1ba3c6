/**
 * The small parts and the shared strings, read by the scanner since saxes left the reader: a
 * package written the way some writers do it (every element prefixed, relationship ids under
 * another prefix, an absolute target, an external link, a chart sheet), and shared strings with
 * every awkward part. The shared strings are checked against saxes running the reader's old
 * algorithm on the same XML, and against the texts a clerk would see.
 */
import { readWorkbookBuffer } from '../../src/cli/workbook';
import { sharedStringsBySaxes } from '../helpers/sharedStringsBySaxes';
import { zipBuffer } from '../helpers/xlsx';

const X = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** Shared strings: plain, rich runs, a phonetic guide, entities, CR LF, CDATA, _xHHHH_, empty. */
const SST =
  `${HEAD}<x:sst xmlns:x="${X}" count="9" uniqueCount="9">` +
  '<x:si><x:t>整改措施</x:t></x:si>' +
  '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">存在 </x:t></x:r><x:r><x:t>问题</x:t></x:r></x:si>' +
  '<x:si><x:t>东京</x:t><x:rPh sb="0" eb="2"><x:t>とうきょう</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>' +
  '<x:si><x:t>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#x4E09;&#22235;</x:t></x:si>' +
  '<x:si><x:t>第一行\r\n第二行\r第三行</x:t></x:si>' +
  '<x:si><x:t><![CDATA[跳过]]>留下</x:t></x:si>' +
  '<x:si><x:t>回车_x000D_换行_x000a_</x:t></x:si>' +
  '<x:si><x:t/></x:si>' +
  '<x:si><!-- 注释 --><x:t>最后</x:t></x:si>' +
  '</x:sst>';

function workbook(sheetXml: string, sst = SST): Buffer {
  return zipBuffer([
    {
      name: '_rels/.rels',
      data: `${HEAD}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `${HEAD}<x:workbook xmlns:x="${X}" xmlns:relationships="${R}"><x:workbookPr date1904=" TRUE "/>` +
        '<x:sheets><x:sheet name="图表" sheetId="2" relationships:id="rId9"/>' +
        '<x:sheet name="台账&#10;一" sheetId="1" relationships:id="rId1"/></x:sheets></x:workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `${HEAD}<Relationships xmlns="${PR}">` +
        `<Relationship Id="rId1" Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId9" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
        `<Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId4" Type="${R}/styles" Target="./styles.xml"/>` +
        `<Relationship Id="rId5" Type="${R}/hyperlink" Target="http://example.invalid/" TargetMode="External"/>` +
        '</Relationships>',
    },
    {
      name: 'xl/styles.xml',
      data:
        `${HEAD}<x:styleSheet xmlns:x="${X}"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></x:numFmts>` +
        '<x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>' +
        '<x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/><x:xf numFmtId="2"/></x:cellXfs></x:styleSheet>',
    },
    { name: 'xl/sharedStrings.xml', data: sst },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ]);
}

describe('the parts around the sheet, read by the scanner', () => {
  it('reads the shared strings as the saxes-based reader did', () => {
    const bySaxes = sharedStringsBySaxes(SST);
    expect(bySaxes).toEqual([
      '整改措施',
      '存在 问题',
      '东京',
      'A & B <C> "D" \'E\' 三四',
      '第一行\n第二行\n第三行',
      '留下',
      '回车\r换行\n',
      '',
      '最后',
    ]);
    const cells = bySaxes.map((_, i) => `<x:c r="A${i + 1}" t="s"><x:v>${i}</x:v></x:c>`);
    const sheet =
      `${HEAD}<x:worksheet xmlns:x="${X}"><x:sheetData>` +
      cells.map((c, i) => `<x:row r="${i + 1}">${c}</x:row>`).join('') +
      '<x:row r="10"><x:c r="A10" s="1"><x:v>46000</x:v></x:c><x:c r="B10" s="2"><x:v>3.5</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells><x:mergeCell x:ref="B1:C1"/></x:mergeCells></x:worksheet>';
    return readWorkbookBuffer(workbook(sheet)).then((grids) => {
      // The chart sheet holds no cells and is left out; the sheet's name keeps its line break.
      expect(grids.map((g) => g.sheet)).toEqual(['台账\n一']);
      const g = grids[0];
      expect(g.dateSystem).toBe(1904);
      const texts = g.cells.slice(0, 9).map((row) => (row[0] ? row[0].value : null));
      expect(texts).toEqual(bySaxes.map((s) => (s === '' ? null : s)));
      // 1904-01-01 + 46,000 days (Python's datetime says 2029-12-10).
      expect(g.cells[9][0]).toEqual({ type: 'date', value: '2029-12-10', format: 'yyyy"年"m"月"d"日"' });
      expect(g.cells[9][1]).toEqual({ type: 'number', value: 3.5, format: '0.00' });
      expect(g.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 3 }]);
    });
  });

  it('refuses broken shared strings with the damaged sentence', async () => {
    const broken = SST.replace('<x:t>最后</x:t>', '<x:t>最后</x:s>');
    expect(broken).not.toBe(SST);
    const sheet = `${HEAD}<worksheet xmlns="${X}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    await expect(readWorkbookBuffer(workbook(sheet, broken))).rejects.toThrow(/无法读取工作簿/);
  });
});
