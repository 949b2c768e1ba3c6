/**
 * The worksheet scanner (src/workbook/sheetScanner.ts) against saxes, the strict XML parser the
 * reader used before: on well-formed worksheet XML, cut into chunks anywhere, both report the same
 * elements and the same text; malformed XML is refused, never hangs.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { ScanError, SheetScanner, MAX_TOKEN } from '../../src/workbook/sheetScanner';
import { parseRef } from '../../src/workbook/ranges';
import { cut } from '../helpers/cut';

type Event = string;

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by its exact name, else by its local name (what the reader always did). */
function attrOf(a: Record<string, string>, name: string): string | undefined {
  if (name in a) return a[name];
  const k = Object.keys(a).find((x) => local(x) === name);
  return k === undefined ? undefined : a[k];
}

/** Events as saxes reports them: open with the r/t/s/ref attributes, text merged, close. */
function bySaxes(xml: string): Event[] {
  const out: Event[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push(`text:${text}`);
    text = '';
  };
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    flush();
    const a = t.attributes as Record<string, string>;
    out.push(
      `open:${local(t.name)} r=${attrOf(a, 'r')} t=${attrOf(a, 't')} s=${attrOf(a, 's')} ref=${attrOf(a, 'ref')}`,
    );
  });
  p.on('text', (s) => {
    if (out.length > 0) text += s;
  });
  p.on('closetag', (t) => {
    flush();
    out.push(`close:${local(t.name)}`);
  });
  p.write(xml).close();
  return out;
}

function byScanner(chunks: string[]): Event[] {
  const out: Event[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push(`text:${text}`);
    text = '';
  };
  const p = new SheetScanner({
    open(name, a) {
      flush();
      out.push(`open:${name} r=${a.attr('r')} t=${a.attr('t')} s=${a.attr('s')} ref=${a.attr('ref')}`);
    },
    text(t) {
      text += t.text();
    },
    close(name) {
      flush();
      out.push(`close:${name}`);
    },
  });
  for (const c of chunks) p.write(c);
  p.close();
  return out;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A worksheet as Excel, WPS and other writers shape it, with the awkward parts a file may carry. */
const SHEET =
  `${HEAD}<worksheet xmlns="${NS}" xmlns:r="r" xmlns:x14ac="x"><!-- a comment <c> -->` +
  `<dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
  `<sheetData><row r="1" spans="1:3" x14ac:dyDescent="0.25">` +
  `<c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t='inlineStr'><is><r><t xml:space="preserve"> 整改 &amp; 落实 </t></r>` +
  `<r><rPr><b/></rPr><t>&lt;二&gt;&#x4E09;&#22235;</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>` +
  `<c r="C1"><f>SUM(A1:B1)</f><v>3</v></c></row>\n` +
  `<row r="2"><c r="A2" t="str"><v>行一\r\n行二\r行三</v></c><c r="B2" t="b"><v>1</v></c>` +
  `<c r="C2" t="e"><v>#N/A</v></c></row>` +
  `<row r="3"><c r="A3" s="5"><v>46000</v></c><c r="B3" t="inlineStr"><is><t>_x000D_&quot;引号&apos;</t></is></c>` +
  `<c r="C3" t="inlineStr"><is><t><![CDATA[<跳过>]]>后</t></is></c></row></sheetData>` +
  `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>` +
  `<?mso-application progid="Excel.Sheet"?><x:mergeCell x:ref="C1:C2"/>` +
  `<extLst><ext uri="{x}"><x14:y xmlns:x14="z" a = "1"   b='2' /></ext></extLst></worksheet>\n`;

describe('the worksheet scanner', () => {
  it('reports what saxes reports on a worksheet, in one piece', () => {
    const expected = bySaxes(SHEET);
    expect(byScanner([SHEET])).toEqual(expected);
    expect(expected).toContain('text: 整改 & 落实 ');
    expect(expected).toContain('text:行一\n行二\n行三');
    expect(expected).toContain('open:mergeCell r=undefined t=undefined s=undefined ref=C1:C2');
  });

  it('reports the same however the text is cut into chunks', () => {
    const expected = bySaxes(SHEET);
    // Every single cut point, then random sets of cuts.
    for (let i = 0; i <= SHEET.length; i++) {
      expect(byScanner([SHEET.slice(0, i), SHEET.slice(i)])).toEqual(expected);
    }
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (at) => {
        expect(byScanner(cut(SHEET, at))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['an unclosed element', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c>'],
    ['a mismatched close tag', '<worksheet><sheetData></row></sheetData></worksheet>'],
    ['text outside the root', '<worksheet/>trailing'],
    ['a second root', '<worksheet/><worksheet/>'],
    ['no root at all', '<?xml version="1.0"?>'],
    ['an entity no one declared', '<worksheet><c><v>&c;</v></c></worksheet>'],
    ['a bare ampersand', '<worksheet><c><v>A & B</v></c></worksheet>'],
    ['a character reference to NUL', '<worksheet><v>&#0;</v></worksheet>'],
    ['a raw control character', '<worksheet><v>a\u0001b</v></worksheet>'],
    ['< in an attribute value', '<worksheet><c r="A<1"/></worksheet>'],
    ['an attribute without a value', '<worksheet><c r/></worksheet>'],
    ['an unquoted attribute value', '<worksheet><c r=A1/></worksheet>'],
    ['an attribute name that starts with a digit', '<worksheet><c 1r="A1"/></worksheet>'],
    ['a repeated attribute', '<worksheet><c r="A1" r="B1"/></worksheet>'],
    ['a repeated prefixed attribute', '<worksheet><c x:a="1" r="A1" x:a="2"/></worksheet>'],
    [
      'a repeated attribute among many',
      `<worksheet><c ${Array.from({ length: 12 }, (_, i) => `a${i}="${i}"`).join(' ')} a3="x"/></worksheet>`,
    ],
    ['an element name that starts with a digit', '<worksheet><1c/></worksheet>'],
    ['a comment with -- inside', '<worksheet><!-- a -- b --></worksheet>'],
    ['an XML declaration after the start', '<worksheet><?xml version="1.0"?></worksheet>'],
    [']]> in text', '<worksheet><v>a]]>b</v></worksheet>'],
    ['attributes run together', '<worksheet><c r="A1"t="s"/></worksheet>'],
    ['an unterminated comment', '<worksheet><!-- no end</worksheet>'],
    ['an unterminated tag', '<worksheet><c r="A1"'],
    [
      'a DTD with entities (billion laughs)',
      '<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet><v>&a;</v></worksheet>',
    ],
  ])('refuses %s', (_what, xml) => {
    expect(() => bySaxes(xml)).toThrow();
    expect(() => byScanner([xml])).toThrow(ScanError);
    expect(() => byScanner(cut(xml, [3, 11, 17]))).toThrow(ScanError);
  });

  it('refuses a tag longer than its cap at once, and streams long text and comments', () => {
    const p = new SheetScanner({ open() {}, text() {}, close() {} });
    p.write('<worksheet><c r="');
    const piece = 'A'.repeat(64 * 1024);
    let thrown: unknown = null;
    try {
      for (let i = 0; i < MAX_TOKEN / piece.length + 2; i++) p.write(piece);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ScanError);

    // 64 MB of text and of comment in 64 KB chunks: read in linear time, nothing held.
    let chars = 0;
    const q = new SheetScanner({ open() {}, text: (t) => (chars += t.text().length), close() {} });
    const started = Date.now();
    q.write('<worksheet><v>');
    for (let i = 0; i < 512; i++) q.write(piece);
    q.write('</v><!--');
    for (let i = 0; i < 512; i++) q.write(piece);
    q.write('--></worksheet>');
    q.close();
    expect(chars).toBe(512 * piece.length);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stays linear on a tag with 100,000 attributes and on 20,000 distinct element names', () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => `a${i}="${i}"`).join(' ');
    const names = Array.from({ length: 20_000 }, (_, i) => `<n${i} r="A${i + 1}"/>`).join('');
    const started = Date.now();
    let opened = 0;
    let ref: string | undefined;
    const p = new SheetScanner({
      open(name, a) {
        opened++;
        if (name === 'c') ref = a.attr('a99999');
      },
      text() {},
      close() {},
    });
    p.write(`<worksheet><c ${attrs}/>${names}</worksheet>`);
    p.close();
    expect(ref).toBe('99999');
    expect(opened).toBe(20_002);
    expect(Date.now() - started).toBeLessThan(3000);
    // A repeat among them is still found.
    expect(() => byScanner([`<worksheet><c ${attrs} a5="x"/></worksheet>`])).toThrow(ScanError);
  });

  it('never hangs or crashes on random bytes around worksheet markup', () => {
    const tokens = [
      '<',
      '>',
      '/',
      '"',
      "'",
      '=',
      '&',
      ';',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<?',
      '?>',
      'c',
      ' ',
      'r',
      '\r',
      '#x41',
      '<c r="A1">',
      '</c>',
      '<v>',
      '</v>',
      '&amp;',
      'x:',
      '1',
      '<!DOCTYPE',
      '[',
      ']',
      '\n',
      '-',
      '1',
      '.',
      '<c ',
      'r=',
      '"A1"',
      ' t="s"',
      '/>',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tokens), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (ts, at) => {
          const xml = `<worksheet>${ts.join('')}</worksheet>`;
          let ok = true;
          try {
            byScanner(cut(xml, at));
          } catch (e) {
            expect(e).toBeInstanceOf(ScanError);
            ok = false;
          }
          // When saxes refuses a document, so do we (we may refuse a little more, never less).
          let saxesOk = true;
          try {
            bySaxes(xml);
          } catch {
            saxesOk = false;
          }
          if (ok && !saxesOk) throw new Error(`accepted what saxes refuses: ${JSON.stringify(xml)}`);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });

  /** What the reader read from the attribute's string before: parseRef (src/workbook/ranges.ts). */
  function refByString(ref: string | undefined): [number, number] | 0 | -1 {
    if (ref === undefined) return 0;
    return parseRef(ref) ?? -1;
  }

  /** Each open tag's cellRef / numAttr / cellType, and each text's textDigits, as read by the scanner. */
  function fastReads(xml: string): unknown[] {
    const out: unknown[] = [];
    const p = new SheetScanner({
      open(_name, a) {
        const row = a.cellRef();
        out.push(row > 0 ? [row, a.refColumn] : row, a.numAttr('s', -7), a.cellType());
      },
      text(t) {
        // textDigits may decline digits written with a reference (the reader then reads text()).
        const d = t.textDigits();
        out.push(d >= 0 ? d : /^\d{1,15}$/.test(t.text()) ? Number(t.text()) : `text:${t.text()}`);
      },
      close() {},
    });
    p.write(xml);
    p.close();
    return out;
  }

  /** The same from the decoded strings, as the reader read them before. */
  function stringReads(xml: string): unknown[] {
    const out: unknown[] = [];
    const p = new SaxesParser();
    p.on('opentag', (t) => {
      const a = t.attributes as Record<string, string>;
      out.push(refByString(a.r), a.s === undefined ? -7 : Number(a.s), a.t);
    });
    p.on('text', (s) => {
      out.push(/^\d{1,15}$/.test(s) ? Number(s) : `text:${s}`);
    });
    p.write(xml).close();
    return out;
  }

  it('reads references, numbers, types and digits from the characters as from the strings', () => {
    const refs = [
      'A1',
      'XFD1048576',
      'a1',
      'Ab12',
      '$A$1',
      'A 1',
      'A&#49;',
      '&#65;1',
      'A0',
      '1',
      'AAAA1',
      'A1.5',
    ];
    const more = ['A-1', 'A', '', 'A01', 'A1e2', 'A+1', 'A 1 ', 'A1234567890123456', 'A０'];
    const styles = ['0', '12', ' 3 ', '', '1e1', '0x1', '-1', 'x', '&#51;', '2.5', '99999999999999999'];
    const types = ['s', 'n', 'str', 'inlineStr', 'b', 'e', 'd', 'S', '', 'str ', '&#115;'];
    const texts = [
      '0',
      '17',
      '007',
      '123456789012345',
      '1234567890123456',
      '1.5',
      ' 1',
      '&#49;',
      '1\r\n2',
      '-3',
    ];
    let xml = '<worksheet>';
    [...refs, ...more].forEach((r, i) => {
      xml += `<c r="${r}" s="${styles[i % styles.length]}" t="${types[i % types.length]}">`;
      xml += `<v>${texts[i % texts.length]}</v></c>`;
    });
    xml += '<c/><c x:r="B2" x:s="1" x:t="s"/></worksheet>';
    expect(fastReads(xml)).toEqual(stringReads(xml));
  });

  it('finds an attribute by its exact name first, then by its local name', () => {
    const got: unknown[] = [];
    const p = new SheetScanner({
      open(_name, a) {
        got.push(a.attr('ref'), a.attr('id'), a.attr('Target'), a.attr('none'));
      },
      text() {},
      close() {},
    });
    p.write('<root><m x:ref="B1" ref="A1:B2" r:id="rId&amp;7" Target=\'x/"y"\'/></root>');
    p.close();
    expect(got).toEqual([undefined, undefined, undefined, undefined, 'A1:B2', 'rId&7', 'x/"y"', undefined]);
  });

  it('normalises white space in attribute values as saxes does', () => {
    const xml = '<root><sheet name="a\tb\nc\r\nd\re&#10;f&#9;g" r=" A1\t"/></root>';
    const bySax: unknown[] = [];
    const sax = new SaxesParser();
    sax.on('opentag', (t) => {
      const a = t.attributes as Record<string, string>;
      if (t.name === 'sheet') bySax.push(a.name, a.r);
    });
    sax.write(xml).close();
    const byScan: unknown[] = [];
    const p = new SheetScanner({
      open(name, a) {
        if (name === 'sheet') byScan.push(a.attr('name'), a.attr('r'));
      },
      text() {},
      close() {},
    });
    p.write(xml);
    p.close();
    expect(byScan).toEqual(bySax);
    expect(byScan[0]).toBe('a b c d e\nf\tg');
  });
});
