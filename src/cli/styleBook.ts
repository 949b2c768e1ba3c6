/**
 * The workbook's styles.xml, extended rather than rewritten: the clerk's fonts, fills, borders,
 * number formats, cell formats and conditional-format styles keep their indexes (every cell of
 * the original sheets points at them); the tool's are appended, each section's count updated, a
 * missing section inserted at its place in the schema's order.
 */
import { MARK_COLOURS, type MarkKind } from '../core/marks';
import type { PlanStyle } from '../core/sheetPlan';
import { PLAN_STYLES } from '../core/protocol';
import { attributes, escAttr } from './ooxml';

const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
type Section = (typeof ORDER)[number];
const CHILD: Partial<Record<Section, string>> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  dxfs: 'dxf',
};

export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  underline?: boolean;
}
interface StyleSpec {
  font: FontSpec;
  fill?: string;
  border?: boolean;
  alignment: Record<string, string>;
}

/** PLAN_STYLES (src/core/protocol.ts) in SpreadsheetML terms. */
function styleSpec(style: PlanStyle): StyleSpec {
  const s = PLAN_STYLES[style];
  const font: FontSpec = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.size) font.size = s.size;
  const alignment: Record<string, string> = {};
  if (s.horizontal) alignment.horizontal = s.horizontal;
  if (s.vertical) alignment.vertical = s.vertical;
  if (s.wrap) alignment.wrapText = '1';
  return { font, fill: s.fill && `FF${s.fill}`, border: s.border, alignment };
}

/** Formats every Excel knows by id, whatever the locale (the others are spelled out as custom). */
const BUILTIN_IDS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

export interface XfSpec {
  style: PlanStyle;
  /** Number format code; '@' for text. */
  format: string;
  /** Excel's leading apostrophe: the text stays text when the clerk edits the cell. */
  quotePrefix?: boolean;
  link?: boolean;
}

export class StyleBook {
  private readonly p: string;
  private readonly counts = new Map<Section, number>();
  private readonly added = new Map<Section, string[]>();
  private readonly baseFont: string;
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly cache = new Map<string, number>();

  constructor(private xml: string) {
    this.p = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? '';
    for (const s of ORDER) {
      const child = CHILD[s];
      if (!child) continue;
      const inner = this.inner(s);
      const n = inner === null ? 0 : (inner.match(new RegExp(`<${this.p}${child}[\\s/>]`, 'g')) ?? []).length;
      this.counts.set(s, n);
    }
    const fonts = this.inner('fonts') ?? '';
    this.baseFont =
      new RegExp(`<${this.p}font\\b[^>]*?(?:/>|>([\\s\\S]*?)</${this.p}font>)`).exec(fonts)?.[1] ?? '';
    for (const m of (this.inner('numFmts') ?? '').matchAll(new RegExp(`<${this.p}numFmt\\b[^>]*>`, 'g'))) {
      const a = attributes(m[0]);
      const id = Number(a.get('numFmtId'));
      if (!Number.isFinite(id)) continue;
      if (a.has('formatCode')) this.numFmtIds.set(a.get('formatCode')!, id);
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
    }
  }

  private inner(s: Section): string | null {
    const m = new RegExp(`<${this.p}${s}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${this.p}${s}>)`).exec(this.xml);
    return m ? (m[1] ?? '') : null;
  }

  private add(s: Section, element: string): number {
    const list = this.added.get(s) ?? [];
    this.added.set(s, list);
    list.push(element);
    return (this.counts.get(s) ?? 0) + list.length - 1;
  }

  private once(key: string, make: () => number): number {
    let i = this.cache.get(key);
    if (i === undefined) {
      i = make();
      this.cache.set(key, i);
    }
    return i;
  }

  private numFmt(code: string): number {
    if (code in BUILTIN_IDS) return BUILTIN_IDS[code];
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.add('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${escAttr(code)}"/>`);
    return id;
  }

  private font(f: FontSpec): number {
    const key = `font:${JSON.stringify(f)}`;
    if (!f.bold && !f.italic && !f.size && !f.color && !f.underline) return 0;
    return this.once(key, () => {
      const p = this.p;
      const rest = this.baseFont.replace(
        new RegExp(`<${p}(?:b|i|u|sz|color)\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}(?:b|i|u|sz|color)>)`, 'g'),
        '',
      );
      const size = f.size ?? Number(/<\w*:?sz\s+val="([\d.]+)"/.exec(this.baseFont)?.[1] ?? 11);
      const parts = [
        f.bold ? `<${p}b/>` : '',
        f.italic ? `<${p}i/>` : '',
        f.underline ? `<${p}u/>` : '',
        `<${p}sz val="${size}"/>`,
        f.color ? `<${p}color rgb="${f.color}"/>` : '',
      ];
      return this.add('fonts', `<${p}font>${parts.join('')}${rest}</${p}font>`);
    });
  }

  private fill(rgb: string | undefined): number {
    if (!rgb) return 0;
    const p = this.p;
    return this.once(`fill:${rgb}`, () =>
      this.add(
        'fills',
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      ),
    );
  }

  private border(thin: boolean | undefined): number {
    if (!thin) return 0;
    const p = this.p;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color indexed="64"/></${p}${s}>`;
    return this.once('border:thin', () =>
      this.add(
        'borders',
        `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`,
      ),
    );
  }

  /** The cell format (cellXfs index) for a plan cell. */
  xf(spec: XfSpec): number {
    return this.once(`xf:${JSON.stringify(spec)}`, () => {
      const s = styleSpec(spec.style);
      const font = this.font(spec.link ? { ...s.font, color: 'FF0563C1', underline: true } : s.font);
      const fill = this.fill(s.fill);
      const border = this.border(s.border);
      const numFmt = this.numFmt(spec.format);
      const p = this.p;
      const align = Object.entries(s.alignment)
        .map(([k, v]) => ` ${k}="${v}"`)
        .join('');
      return this.add(
        'cellXfs',
        `<${p}xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
          ` applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"` +
          `${spec.quotePrefix ? ' quotePrefix="1"' : ''}><${p}alignment${align}/></${p}xf>`,
      );
    });
  }

  /** The differential format (dxfs index) for a mark's conditional format. */
  dxf(kind: MarkKind): number {
    return this.once(`dxf:${kind}`, () => {
      const c = MARK_COLOURS[kind];
      const hex = (h: string) => `FF${h.replace('#', '').toUpperCase()}`;
      const p = this.p;
      return this.add(
        'dxfs',
        `<${p}dxf><${p}font>${c.bold ? `<${p}b/>` : ''}<${p}color rgb="${hex(c.font)}"/></${p}font>` +
          `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${hex(c.fill)}"/></${p}patternFill></${p}fill></${p}dxf>`,
      );
    });
  }

  get changed(): boolean {
    return this.added.size > 0;
  }

  toXml(): string {
    let xml = this.xml;
    const p = this.p;
    for (const s of ORDER) {
      const list = this.added.get(s);
      if (!list || list.length === 0) continue;
      const count = (this.counts.get(s) ?? 0) + list.length;
      const re = new RegExp(`<${p}${s}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}${s}>)`);
      const m = re.exec(xml);
      if (m) {
        const attrs = m[1].replace(/\s*\bcount="[^"]*"/, '');
        const el = `<${p}${s} count="${count}"${attrs}>${m[2] ?? ''}${list.join('')}</${p}${s}>`;
        xml = xml.slice(0, m.index) + el + xml.slice(m.index + m[0].length);
      } else {
        const el = `<${p}${s} count="${count}">${list.join('')}</${p}${s}>`;
        const later = ORDER.slice(ORDER.indexOf(s) + 1);
        let at = -1;
        for (const l of later) {
          const i = xml.search(new RegExp(`<${p}${l}[\\s/>]`));
          if (i >= 0 && (at < 0 || i < at)) at = i;
        }
        if (at < 0) at = xml.lastIndexOf(`</${p}styleSheet>`);
        xml = xml.slice(0, at) + el + xml.slice(at);
      }
    }
    return xml;
  }
}
