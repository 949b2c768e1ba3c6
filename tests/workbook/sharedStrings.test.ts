/**
 * The shared strings reader (src/workbook/sharedStrings.ts) reads plain `<si><t>…</t></si>` by
 * hand and hands everything else to the scanner. Checked against saxes running the reader's old
 * algorithm: the same strings on documents mixing plain strings with every awkward form (and with
 * plain-looking text inside comments, CDATA, tags and nested elements, where it is no string),
 * however the text is cut into pieces; and on random documents, never accepting what saxes refuses.
 */
import fc from 'fast-check';
import { ScanError } from '../../src/workbook/sheetScanner';
import { SharedStringsReader } from '../../src/workbook/sharedStrings';
import { sharedStringsBySaxes } from '../helpers/sharedStringsBySaxes';
import { cut } from '../helpers/cut';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const OPEN = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">';

function read(pieces: string[]): string[] {
  const r = new SharedStringsReader();
  for (const p of pieces) r.write(p);
  r.close();
  return r.strings;
}

/** Strings read by hand, strings the scanner must read, and plain-looking text that is no string. */
const ITEMS = [
  '<si><t>整改措施</t></si>',
  '<si><t xml:space="preserve"> 前后有空格 </t></si>',
  '<si><t></t></si>',
  '<si><t>A &amp; B &lt;C&gt; &#x4E09;&#22235; &quot;</t></si>',
  '<si><t>回车_x000D_换行_x000a_</t></si>',
  '<si><t>a > b</t></si>',
  '<si><t>第一行\r\n第二行\r第三行</t></si>',
  '<si><r><rPr><b/></rPr><t xml:space="preserve">存在 </t></r><r><t>问题</t></r></si>',
  '<si><t>东京</t><rPh sb="0" eb="2"><t>とうきょう</t></rPh><phoneticPr fontId="1"/></si>',
  '<si><t><![CDATA[<si><t>不是</t></si>]]>留下</t></si>',
  '<si><t/></si>',
  '<si/>',
  '<si><!-- <si><t>注释里</t></si> --><t>最后</t></si>',
  '<!-- <si><t>注释里的不算</t></si> -->',
  '<?pi <si><t>处理指令里的不算</t></si> ?>',
  '<x:si xmlns:x="urn:x"><x:t>带前缀</x:t></x:si>',
  '<si><t>一</t><t>二</t></si>',
  '<si ><t >空格</t ></si >',
  '<other><si><t>嵌套的也算</t></si></other>',
  '<si><si><t>里层</t></si><t>外层</t></si>',
  '<si><sst><si><t>深处</t></si></sst><t>外</t></si>',
  '<si><t xml:space="default">其他属性</t></si>',
  '\n  ',
];

function doc(items: string[]): string {
  return `${HEAD}${OPEN}${items.join('')}</sst>`;
}

/** The strings read, or 'refused' (saxes: any error; the reader: only its ScanError). */
function outcome(f: () => string[], saxes: boolean): string[] | 'refused' {
  try {
    return f();
  } catch (e) {
    if (!saxes && !(e instanceof ScanError)) throw e;
    return 'refused';
  }
}

describe('the shared strings, plain ones read by hand', () => {
  it('reads what saxes reads, every awkward form among plain strings, cut anywhere in two', () => {
    const xml = doc(ITEMS.flatMap((item) => ['<si><t>普通</t></si>', item]));
    const expected = sharedStringsBySaxes(xml);
    expect(expected).toContain('嵌套的也算');
    expect(expected).not.toContain('注释里的不算');
    expect(read([xml])).toEqual(expected);
    for (let i = 0; i <= xml.length; i++) {
      expect(read([xml.slice(0, i), xml.slice(i)])).toEqual(expected);
    }
  });

  it('reads the same however the text is cut into pieces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ITEMS), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (items, at) => {
          const xml = doc(items);
          expect(read(cut(xml, at))).toEqual(sharedStringsBySaxes(xml));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });

  it('refuses what saxes refuses in or around a plain string', () => {
    const broken = [
      '<si><t>]]></t></si>',
      '<si><t>&bogus;</t></si>',
      '<si><t>& </t></si>',
      '<si><t>\u0001</t></si>',
      '<si><t>\uFFFE</t></si>',
      '<si><t>x</t></si></si>',
      '<si><t>x</t>',
      '<si><t>x</s></si>',
    ];
    for (const b of broken) {
      const xml = doc(['<si><t>前</t></si>', b, '<si><t>后</t></si>']);
      expect(() => sharedStringsBySaxes(xml)).toThrow();
      for (let i = 0; i <= xml.length; i += 7) {
        expect(() => read([xml.slice(0, i), xml.slice(i)])).toThrow(ScanError);
      }
    }
    // A plain string after the root is a second root: broken XML.
    expect(() => sharedStringsBySaxes(`${doc([])}<si><t>x</t></si>`)).toThrow();
    expect(() => read([`${HEAD}<si><t>x</t></si><si><t>y</t></si>`])).toThrow(ScanError);
    expect(() => read([`${doc([])}<si><t>x</t></si>`])).toThrow(ScanError);
  });

  it('never accepts what saxes refuses, on random documents', () => {
    const tokens = [
      ...ITEMS,
      '<si><t>',
      '</t></si>',
      '<si>',
      '</si>',
      '<t>',
      '</t>',
      '<',
      '>',
      '&',
      ']]>',
      '<!--',
      '-->',
      '<![CDATA[',
      '"',
      '文字',
      '\r',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tokens), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (ts, at) => {
          const xml = doc(ts);
          const bySaxes = outcome(() => sharedStringsBySaxes(xml), true);
          const byReader = outcome(() => read(cut(xml, at)), false);
          if (bySaxes === 'refused') expect(byReader).toBe('refused');
          else if (byReader !== 'refused') expect(byReader).toEqual(bySaxes);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });

  it('stays linear when a comment holds many plain-looking strings', () => {
    const inside = '<si><t>x</t></si>'.repeat(200_000);
    const xml = doc([`<!--${inside}-->`, '<si><t>真的</t></si>']);
    const started = Date.now();
    expect(read(cut(xml, [1000, 2_000_000]))).toEqual(['真的']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
