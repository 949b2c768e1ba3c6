/**
 * Before any outline is built, the document is cut into lines a reader can trust:
 * - what is not a plan is refused (binary, mostly non-Chinese text, too large);
 * - a document pasted as one long line is cut before each numbering marker that follows a space;
 * - 【label】 blocks become "label：" lines, "问题1：" starts its own line;
 * - the footer (contact lines, 欢迎…监督, the issuing unit and its date, a reprint's 来源) is cut off;
 * - a ledger table flattened to text ("1 | 作风建设 | … | 办公室") is read by its header.
 * Everything here runs in time linear in the text: loops over characters, and regexes only over
 * bounded or disjoint character classes.
 */
import { UNIT_ENDINGS } from '../lexicon/departments';
import { DOC_FIELD_LABELS, TABLE_HEADERS, type FieldKey } from '../lexicon/fields';
import { CN_DIGITS, CIRCLED_NUMBERS } from '../lexicon/numbering';
import { FOOTER_CUES, TABLE_TOTAL_ROWS } from '../lexicon/sections';
import { withoutRoundNotes } from '../text/brackets';

/** 5 MB of text: far more than any plan; beyond it a file is something else. */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;
/** Excel's limit for the text of one cell. */
export const MAX_CELL_CHARS = 32767;

export const REFUSE_TOO_LARGE = '文件超过5 MB，不是整改方案正文；请只导入方案本身（.txt 或 .docx）。';
export const REFUSE_BINARY =
  '文件内容不是文字（像是图片、压缩包或其他二进制文件），请另存为 .txt 或 .docx 后再导入。';
export const REFUSE_NOT_CHINESE = '文件中几乎没有中文，不像整改方案；请确认选对了文件。';
export const REFUSE_CELL_TOO_LONG =
  '文档中有一段文字超过 Excel 单元格上限（32767 个字符），无法写入台账；请确认文档分段完整后再导入。';

const SPACE = new Set([' ', '\t', '\u3000', '\u00a0', '\f', '\v', '\u200b', '\ufeff', '\u2002', '\u2003']);

export function isSpace(ch: string): boolean {
  return SPACE.has(ch);
}

/** Trims spaces (also full-width and zero-width) from both ends, in linear time. */
export function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE.has(s[a])) a++;
  while (b > a && SPACE.has(s[b - 1])) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

/** A refusal sentence when the text is not a plan at all, else null. */
export function refusal(text: string): string | null {
  if (text.length > MAX_TEXT_CHARS) return REFUSE_TOO_LARGE;
  let control = 0;
  let cjk = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0xfffd ||
      (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c) ||
      (c >= 0x7f && c < 0xa0)
    )
      control++;
    if (c > 0x20 && c !== 0x3000) {
      visible++;
      if (isCjk(c)) cjk++;
    }
  }
  if (control > 8 && control * 100 > text.length) return REFUSE_BINARY;
  if (visible >= 20 && cjk * 5 < visible) return REFUSE_NOT_CHINESE;
  return null;
}

const ALL_LABELS = Object.values(DOC_FIELD_LABELS).flat();

function endsWithAny(s: string, words: readonly string[]): boolean {
  return words.some((w) => s.endsWith(w));
}

/** "【存在问题】" → "\n存在问题：", "【问题1】" → "\n问题1："; other 【…】 (titles, quotes) stay. */
function openBlocks(line: string): string {
  if (!line.includes('【')) return line;
  let out = '';
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('【', i);
    if (open < 0) break;
    const close = line.indexOf('】', open + 1);
    if (close < 0 || close - open > 14) {
      out += line.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const inner = trimSpaces(line.slice(open + 1, close));
    const isLabel = endsWithAny(inner, ALL_LABELS) || /^问题\s*\d{1,3}$/.test(inner);
    out += line.slice(i, open) + (isLabel ? `\n${inner}：` : line.slice(open, close + 1));
    i = close + 1;
  }
  return out + line.slice(i);
}

/** A heading marker at position i of s (after a space): 一、 （一） 1. （1） ①, followed by text. */
const INLINE_MARKER = new RegExp(
  `^(?:[${CN_DIGITS}]{1,3}、|[(（][${CN_DIGITS}]{1,3}[)）]|[(（]\\d{1,2}[)）]|\\d{1,2}[.．、](?!\\d)|[${CIRCLED_NUMBERS}]|问题\\s*\\d{1,3}[:：])\\s*[\\u4e00-\\u9fff“"《【]`,
);

/** Chinese heading markers (一、 （一）): after a sentence end they start a new line even in running text. */
const HEADING_MARKER = new RegExp(
  `^(?:[${CN_DIGITS}]{1,3}、|[(（][${CN_DIGITS}]{1,3}[)）])[ \\u3000]{0,2}[\\u4e00-\\u9fff“"《【]`,
);
/** A line this long is a document pasted without its line breaks. */
const FLATTENED = 300;

/** Characters a heading marker may start with: （ ( a Chinese numeral, a digit. */
const MARKER_STARTS = `(（${CN_DIGITS}0123456789`;
/** A marker's kind and number at the start of a flattened line: 一、 （一） （1） 1. */
const MARKER_AT = new RegExp(
  `^(?:([${CN_DIGITS}]{1,3})、|[(（]([${CN_DIGITS}]{1,3})[)）]|[(（](\\d{1,2})[)）]|(\\d{1,2})[.．、](?!\\d))`,
);

/** Kind and number of a marker at the start of `s` ("（三）" → cn-paren 3), for a flattened line. */
function numberingAt(s: string): { kind: string; n: number } | null {
  const m = MARKER_AT.exec(s);
  if (!m || !INLINE_MARKER.test(s)) return null;
  const cn = (t: string) => {
    let total = 0;
    let digit = 0;
    for (const c of t) {
      const v = CN_DIGITS.indexOf(c) + 1;
      if (v === 10) {
        total += (digit || 1) * 10;
        digit = 0;
      } else digit = v;
    }
    return total + digit;
  };
  if (m[1]) return { kind: 'cn', n: cn(m[1]) };
  if (m[2]) return { kind: 'cn-paren', n: cn(m[2]) };
  if (m[3]) return { kind: 'num-paren', n: Number(m[3]) };
  return { kind: 'num', n: Number(m[4]) };
}

/**
 * Cuts a line before each numbering marker that follows a run of spaces, and before 一、/（一）
 * right after a sentence end (。；). A very long line is a document that lost its line breaks:
 * there a marker anywhere starts a new line when its number starts a list or carries one on by
 * one (so "近3.5年" or "第（二）项" do not).
 */
function cutAtSpacedNumberings(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const flattened = line.length > FLATTENED;
  const last = new Map<string, number>();
  while (i < line.length) {
    const ch = line[i];
    if (flattened && i > start && !'第0123456789'.includes(line[i - 1]) && MARKER_STARTS.includes(ch)) {
      const k = numberingAt(line.slice(i, i + 16));
      if (k && (k.n === 1 || last.get(k.kind) === k.n - 1)) {
        last.set(k.kind, k.n);
        out.push(line.slice(start, i));
        start = i;
        i++;
        continue;
      }
    }
    if (ch === '。' || ch === '；') {
      if (i + 1 < line.length && HEADING_MARKER.test(line.slice(i + 1, i + 17))) {
        out.push(line.slice(start, i + 1));
        start = i + 1;
      }
      i++;
      continue;
    }
    if (!SPACE.has(ch)) {
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && SPACE.has(line[j])) j++;
    if (j < line.length && INLINE_MARKER.test(line.slice(j, j + 16))) {
      out.push(line.slice(start, i));
      start = j;
    }
    i = j;
  }
  out.push(line.slice(start));
  return out;
}

function isDateLine(s: string): boolean {
  return /^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\dXx×〇○一二三四五六七八九十]{1,3}\s*月\s*[\dXx×〇○一二三四五六七八九十]{1,3}\s*日$/.test(
    s,
  );
}

function isUnitLine(s: string): boolean {
  return s.length <= 30 && !/[。，,；;：:！？]/.test(s) && endsWithAny(s, UNIT_ENDINGS);
}

function footerCueAt(s: string): number {
  let best = -1;
  for (const cue of FOOTER_CUES) {
    const k = s.indexOf(cue);
    if (k >= 0 && (best < 0 || k < best)) best = k;
  }
  return best;
}

/**
 * Cuts the footer off the end: trailing date lines, unit names, lines with a footer cue (and the
 * cue's sentence glued to the end of the last line). Returns the lines kept.
 */
export function cutFooter(lines: string[]): string[] {
  const out = lines.filter((l) => !/^(?:来源|出处|转载自)[:：]/.test(l));
  // A footer is a few short lines: look at most at the last 400 characters, 40 times.
  for (let guard = 0; guard < 40 && out.length > 0; guard++) {
    const whole = out[out.length - 1];
    const offset = Math.max(0, whole.length - 400);
    const last = whole.slice(offset);
    const drop = () => {
      if (out.length > 1) out.pop();
      else out[0] = '';
    };
    if (
      offset === 0 &&
      (isDateLine(last) ||
        isUnitLine(last) ||
        footerCueAt(last) === 0 ||
        /^[（(]?此页无正文[)）]?$/.test(last))
    ) {
      drop();
      continue;
    }
    // "中共XX县XX局党组 2024年9月30日" on one line.
    const space = Math.max(last.lastIndexOf(' '), last.lastIndexOf('\u3000'));
    if (
      offset === 0 &&
      space > 0 &&
      isDateLine(trimSpaces(last.slice(space + 1))) &&
      isUnitLine(trimSpaces(last.slice(0, space)))
    ) {
      drop();
      continue;
    }
    // The unit or the date glued after the last sentence.
    const stop = last.lastIndexOf('。');
    if (stop >= 0 && stop < last.length - 1) {
      const tail = trimSpaces(last.slice(stop + 1));
      if (isDateLine(tail) || isUnitLine(tail)) {
        out[out.length - 1] = whole.slice(0, offset + stop + 1);
        continue;
      }
    }
    // "…长效机制。欢迎广大干部群众监督，联系电话：…" / "…。特此通报。": keep the sentences before the cue.
    const cue = footerCueAt(last);
    if (cue > 0 || (cue === 0 && offset > 0)) {
      const cut = Math.max(last.lastIndexOf('。', cue - 1), last.lastIndexOf('；', cue - 1));
      if (cut >= 0 || offset > 0) {
        out[out.length - 1] = whole.slice(0, offset + cut + 1);
        continue;
      }
      drop();
      continue;
    }
    break;
  }
  return out.filter((l) => l.length > 0);
}

/** The text as trimmed, non-empty lines: blocks opened, one-line documents cut, footer removed. */
export function segmentLines(text: string): string[] {
  const lines: string[] = [];
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  for (const r of raw) {
    for (const piece of openBlocks(r).split('\n')) {
      for (const cut of cutAtSpacedNumberings(piece)) {
        const l = trimSpaces(cut);
        if (l) lines.push(l);
      }
    }
  }
  return cutFooter(lines);
}

export type TableField = FieldKey | 'index';

export interface TableRow {
  fields: Partial<Record<FieldKey, string>>;
  /** 1-based line number in the segmented lines, for nothing but diagnostics. */
  line: number;
}

function cellsOf(line: string): string[] | null {
  const sep = line.includes('|') ? '|' : line.includes('\t') ? '\t' : null;
  if (!sep) return null;
  const cells = line.split(sep).map(trimSpaces);
  // "| a | b |": leading and trailing pipes.
  if (cells.length && cells[0] === '' && line.trimStart().startsWith(sep)) cells.shift();
  if (cells.length && cells[cells.length - 1] === '' && line.trimEnd().endsWith(sep)) cells.pop();
  return cells.length >= 3 ? cells : null;
}

function headerField(cell: string): TableField | null {
  const c = withoutRoundNotes(cell, '', 20).replace(/\s+/g, '');
  if (!c) return null;
  let best: { key: TableField; len: number } | null = null;
  for (const [key, words] of Object.entries(TABLE_HEADERS) as [TableField, string[]][]) {
    for (const w of words) {
      if ((c === w || (c.endsWith(w) && c.length <= w.length + 4)) && (!best || w.length > best.len))
        best = { key, len: w.length };
    }
  }
  return best?.key ?? null;
}

/**
 * A ledger table flattened to text: a header line whose cells name at least a problem or a
 * measure column and one more, then rows with the same separator. Cells left empty under a
 * category or problem take the value above (a merged cell). Null when there is no such table.
 */
export interface Table {
  rows: TableRow[];
  /** The count a 合计 row states ("合计 | 4项"), else null. */
  statedTotal: number | null;
}

export function readTable(lines: string[]): Table | null {
  for (let h = 0; h < lines.length; h++) {
    const head = cellsOf(lines[h]);
    if (!head) continue;
    const keys = head.map(headerField);
    const named = keys.filter((k) => k !== null && k !== 'index');
    if (named.length < 2 || !(keys.includes('measure') || keys.includes('problem'))) continue;
    const rows: TableRow[] = [];
    let statedTotal: number | null = null;
    let carry: Partial<Record<FieldKey, string>> = {};
    for (let i = h + 1; i < lines.length; i++) {
      const cells = cellsOf(lines[i]);
      if (!cells) continue;
      const first = cells[0].replace(/\s+/g, '');
      if (TABLE_TOTAL_ROWS.some((w) => first.startsWith(w))) {
        for (const c of cells) {
          const m = /^(\d{1,5})[ \u3000]{0,2}(?:项|条|个|行)$/.exec(c);
          if (m && statedTotal === null) statedTotal = Number(m[1]);
        }
        continue;
      }
      const fields: Partial<Record<FieldKey, string>> = {};
      keys.forEach((k, c) => {
        if (!k || k === 'index') return;
        const v = cells[c] ?? '';
        if (v) fields[k] = fields[k] ? `${fields[k]}\n${v}` : v;
      });
      if (!fields.problem && !fields.measure) continue;
      // A new category resets the problem carried down; an empty cell takes the one above.
      if (fields.category) carry = { category: fields.category };
      if (fields.problem) carry.problem = fields.problem;
      rows.push({
        fields: { ...fields, category: carry.category, problem: fields.problem ?? carry.problem },
        line: i + 1,
      });
    }
    if (rows.length) return { rows, statedTotal };
  }
  return null;
}
