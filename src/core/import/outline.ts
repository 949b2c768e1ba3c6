/**
 * Numbering levels of a rectification document and the outline tree they form.
 *
 * Numberings recognised at the start of a line: 一、  (一)/（一）  1. 1、 1．  (1)/（1）  1)  ①.
 * Levels are scored: the official order is the prior, the document's own numbering corrects it
 * (see buildOutline).
 */
import { CIRCLED_NUMBERS, CN_DIGITS, CN_HUNDRED } from '../lexicon/numbering';
import { trimSpaces } from './segment';

export type NumberingKind = 'cn' | 'cn-paren' | 'num' | 'num-paren' | 'num-half' | 'circled';

export interface OutlineNode {
  /** 'implicit': an unnumbered heading line ("问题二：…") that a restarting list shows to be a parent. */
  kind: NumberingKind | 'root' | 'implicit';
  /** The number as written ('三', '12', '⑤'); '' for the root. */
  label: string;
  /** The heading line without its marker (the whole first line). */
  title: string;
  /** Lines after the heading line up to the next numbered line. */
  body: string[];
  children: OutlineNode[];
  parent: OutlineNode | null;
}

const NUMBERINGS: { kind: NumberingKind; re: RegExp }[] = [
  { kind: 'cn', re: new RegExp(`^([${CN_DIGITS}${CN_HUNDRED}]{1,4})[、．]\\s*`) },
  { kind: 'cn-paren', re: new RegExp(`^[(（]([${CN_DIGITS}${CN_HUNDRED}]{1,4})[)）]\\s*`) },
  { kind: 'num-paren', re: /^[(（](\d{1,3})[)）]\s*/ },
  { kind: 'num', re: /^(\d{1,3})(?:[、．]|\.(?!\d))\s*/ },
  { kind: 'num-half', re: /^(\d{1,3})[)）]\s*/ },
  { kind: 'circled', re: new RegExp(`^([${CIRCLED_NUMBERS}])\\s*`) },
];

export interface Numbering {
  kind: NumberingKind;
  label: string;
  rest: string;
}

/** The numbering (一、, （一）, 1.) a line starts with, if any (the line is already trimmed). */
export function matchNumbering(line: string): Numbering | null {
  for (const { kind, re } of NUMBERINGS) {
    const m = re.exec(line);
    if (m) {
      const rest = line.slice(m[0].length);
      // "2024年…", "1.5亿元": digits that are not a marker; a marker needs text after it.
      if (!rest.trim()) return null;
      return { kind, label: m[1], rest };
    }
  }
  return null;
}

/** Trims spaces, full-width spaces and zero-width characters (linear time, no regex). */
export function cleanLine(line: string): string {
  return trimSpaces(line);
}

export function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(cleanLine)
    .filter((l) => l.length > 0);
}

/** The official order of levels: 一、 > (一) > 1. > (1) / 1) > ①. A prior, not a rule. */
const PRIOR: Record<NumberingKind, number> = {
  cn: 0,
  'cn-paren': 1,
  num: 2,
  'num-paren': 3,
  'num-half': 3,
  circled: 4,
};

const CN_NUM: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  百: 100,
};

/** The number a marker label stands for: '三' → 3, '十二' → 12, '⑤' → 5, '12' → 12. */
export function numberingValue(label: string): number {
  if (/^\d+$/.test(label)) return Number(label);
  const c = label.charCodeAt(0);
  if (label.length === 1 && c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  let total = 0;
  let digit = 0;
  for (const ch of label) {
    const v = CN_NUM[ch] ?? 0;
    if (v >= 10) {
      total += (digit || 1) * v;
      digit = 0;
    } else digit = v;
  }
  return total + digit;
}

interface NumberedLine {
  line: string;
  m: Numbering | null;
  n: number;
}

/**
 * The rank of each marker kind in this document: the official order, corrected where the
 * document's own numbering says otherwise. When a kind restarts at 1 right after a marker of
 * another kind, that other kind is its parent; when restarts say so more often than the other
 * way round, the child is ranked just below its parent, whatever the official order says.
 */
function ranks(numbered: NumberedLine[]): Record<NumberingKind, number> {
  const rank = { ...PRIOR };
  const votes = new Map<string, number>();
  let prev: NumberedLine | null = null;
  for (const k of numbered) {
    if (!k.m) continue;
    if (prev?.m && prev.m.kind !== k.m.kind && k.n === 1) {
      const key = `${prev.m.kind}>${k.m.kind}`;
      votes.set(key, (votes.get(key) ?? 0) + 1);
    }
    prev = k;
  }
  for (const [key, n] of votes) {
    const [parent, child] = key.split('>') as [NumberingKind, NumberingKind];
    const against = votes.get(`${child}>${parent}`) ?? 0;
    if (PRIOR[parent] > PRIOR[child] && n > against) rank[child] = rank[parent] + 0.5;
  }
  return rank;
}

interface Open {
  node: OutlineNode;
  rank: number;
  n: number;
}

/**
 * Builds the outline tree with a scored level for each numbered line. The root holds the lines
 * before the first numbered line.
 * - A marker closes every open item ranked at or below it and becomes a child of what remains,
 *   so a document that starts at "(5)" (page 2 of a report) does not pull every later "(二)"
 *   under its "(n)" items, and a counter carried across headings ("(5)…(35)") stays one level.
 * - A list that restarts at 1 right inside an item of its own kind ("3.问题 … 1.措施 2.措施") is
 *   nested under that item; the list ends when the outer numbering carries on (4.).
 * - A list that restarts at 1 right after an unnumbered heading line (`isHeadingLine`, e.g.
 *   "问题二：…" or "…方面") opens a new parent made of that line.
 */
export function buildOutline(
  lines: string[],
  isHeadingLine: (line: string) => boolean = () => false,
): OutlineNode {
  const root: OutlineNode = { kind: 'root', label: '', title: '', body: [], children: [], parent: null };
  const numbered: NumberedLine[] = lines.map((line) => {
    const m = matchNumbering(line);
    return { line, m, n: m ? numberingValue(m.label) : 0 };
  });
  const rank = ranks(numbered);
  const stack: Open[] = [{ node: root, rank: -1, n: 0 }];
  for (const { line, m, n } of numbered) {
    if (!m) {
      stack[stack.length - 1].node.body.push(line);
      continue;
    }
    let r = rank[m.kind];
    const top = stack[stack.length - 1];
    const lastBody = top.node.body[top.node.body.length - 1];
    if (n === 1 && lastBody !== undefined && isHeadingLine(lastBody)) {
      // A restart at 1 right after an unnumbered heading line ("问题二：…") opens a new parent:
      // that line, placed just above the list.
      top.node.body.pop();
      const ir = r - 0.1;
      while (stack.length > 1 && stack[stack.length - 1].rank >= ir) stack.pop();
      const holder = stack[stack.length - 1].node;
      const implicit: OutlineNode = {
        kind: 'implicit',
        label: '',
        title: lastBody,
        body: [],
        children: [],
        parent: holder,
      };
      holder.children.push(implicit);
      stack.push({ node: implicit, rank: ir, n: 0 });
    } else if (top.node.kind === m.kind && n === 1 && top.n >= 1 && top.rank === rank[m.kind]) {
      // A list restarting right inside an item of its own kind is nested under it (once: depth stays bounded).
      r = top.rank + 0.25;
    } else {
      // Siblings count up by one: join the open item this number follows (a nested list or the outer one).
      const s = findLast(stack, (o) => o.node.kind === m.kind && o.n + 1 === n);
      if (s > 0) r = stack[s].rank;
    }
    while (stack.length > 1 && stack[stack.length - 1].rank >= r) stack.pop();
    const parent = stack[stack.length - 1].node;
    const node: OutlineNode = { kind: m.kind, label: m.label, title: m.rest, body: [], children: [], parent };
    parent.children.push(node);
    stack.push({ node, rank: r, n });
  }
  return root;
}

function findLast<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i;
  return -1;
}

/**
 * Field lines written after a list of sub-items ("①… ②… 责任部门:办公室") belong to the item above
 * the list, not to its last sub-item: moves them from the last child's body to the parent's body,
 * unless every child writes such lines of its own or the children are problems (labelled).
 */
export function liftTrailingFieldLines(
  root: OutlineNode,
  isFieldLine: (line: string) => boolean,
  isProblem: (node: OutlineNode) => boolean = () => false,
): void {
  for (const node of walkNodes(root)) {
    const kids = node.children;
    // Children that are problems of their own ("1.问题 整改措施:… 完成情况:已完成") keep their fields.
    if (node.kind === 'root' || !kids.length || kids.some((k) => k.children.length || isProblem(k))) continue;
    const last = kids[kids.length - 1];
    let cut = last.body.length;
    while (cut > 0 && isFieldLine(last.body[cut - 1])) cut--;
    if (cut === last.body.length) continue;
    if (kids.length > 1 && kids.slice(0, -1).every((k) => k.body.some(isFieldLine))) continue;
    node.body.push(...last.body.slice(cut));
    last.body = last.body.slice(0, cut);
  }
}

const SENTENCE_END = new Set(['。', ';', '；', '!', '！', '?', '？', ':', '：']);

/** Joins lines: a line break inside a sentence disappears, one after a sentence end stays. */
export function joinLines(lines: string[]): string {
  // Parts joined once at the end: reading the last character of a growing string would flatten it
  // on every line (quadratic on long documents).
  const parts: string[] = [];
  let lastChar = '';
  for (const l of lines) {
    if (
      parts.length &&
      (SENTENCE_END.has(lastChar) || /^[\u4e00-\u9fa5]{2,8}[ \u3000]{0,2}\d{0,3}[:：]/.test(l))
    )
      parts.push('\n');
    parts.push(l);
    if (l) lastChar = l[l.length - 1];
  }
  return parts.join('');
}

export function nodeText(node: OutlineNode): string {
  return joinLines(node.kind === 'root' ? node.body : [node.title, ...node.body]);
}

export function* walkNodes(node: OutlineNode): Generator<OutlineNode> {
  yield node;
  for (const c of node.children) yield* walkNodes(c);
}
