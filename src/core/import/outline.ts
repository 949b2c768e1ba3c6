/**
 * Numbering levels of a plan document and the outline tree they form.
 *
 * Markers recognised at the start of a line: 一、  (一)/（一）  1. 1、 1．  (1)/（1）  1)  ①.
 * Which marker nests in which is learned from the document itself (the order markers first
 * appear in), since documents start at different levels and skip some.
 */

export type MarkerKind = 'cn' | 'cn-paren' | 'num' | 'num-paren' | 'num-half' | 'circled';

export interface OutlineNode {
  kind: MarkerKind | 'root';
  /** The number as written ('三', '12', '⑤'); '' for the root. */
  label: string;
  /** The heading line without its marker (the whole first line). */
  title: string;
  /** Lines after the heading line up to the next numbered line. */
  body: string[];
  children: OutlineNode[];
  parent: OutlineNode | null;
}

const MARKERS: { kind: MarkerKind; re: RegExp }[] = [
  { kind: 'cn', re: /^([一二三四五六七八九十百]{1,4})[、．]\s*/ },
  { kind: 'cn-paren', re: /^[(（]([一二三四五六七八九十百]{1,4})[)）]\s*/ },
  { kind: 'num-paren', re: /^[(（](\d{1,3})[)）]\s*/ },
  { kind: 'num', re: /^(\d{1,3})(?:[、．]|\.(?!\d))\s*/ },
  { kind: 'num-half', re: /^(\d{1,3})[)）]\s*/ },
  { kind: 'circled', re: /^([\u2460-\u2473])\s*/ },
];

export interface Marker {
  kind: MarkerKind;
  label: string;
  rest: string;
}

/** The numbering marker a line starts with, if any (the line is already trimmed). */
export function matchMarker(line: string): Marker | null {
  for (const { kind, re } of MARKERS) {
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

/** Trims spaces, full-width spaces and zero-width characters. */
export function cleanLine(line: string): string {
  return line.replace(/[\u200b\ufeff]/g, '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

export function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(cleanLine)
    .filter((l) => l.length > 0);
}

/** Builds the outline tree. The root holds the lines before the first numbered line. */
export function buildOutline(lines: string[]): OutlineNode {
  const root: OutlineNode = { kind: 'root', label: '', title: '', body: [], children: [], parent: null };
  const stack: OutlineNode[] = [root];
  for (const line of lines) {
    const m = matchMarker(line);
    if (!m) {
      stack[stack.length - 1].body.push(line);
      continue;
    }
    // A kind already open is a sibling of that node (pop to it); a new kind nests deeper.
    let at = -1;
    for (let i = stack.length - 1; i >= 1; i--) {
      if (stack[i].kind === m.kind) {
        at = i;
        break;
      }
    }
    if (at >= 1) stack.length = at;
    const parent = stack[stack.length - 1];
    const node: OutlineNode = { kind: m.kind, label: m.label, title: m.rest, body: [], children: [], parent };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

/**
 * Field lines written after a list of sub-items ("①… ②… 责任部门:办公室") belong to the item above
 * the list, not to its last sub-item: moves them from the last child's body to the parent's body,
 * unless every child writes such lines of its own.
 */
export function liftTrailingFieldLines(root: OutlineNode, isFieldLine: (line: string) => boolean): void {
  for (const node of walkNodes(root)) {
    const kids = node.children;
    if (node.kind === 'root' || !kids.length || kids.some((k) => k.children.length)) continue;
    const last = kids[kids.length - 1];
    let cut = last.body.length;
    while (cut > 0 && isFieldLine(last.body[cut - 1])) cut--;
    if (cut === last.body.length) continue;
    if (kids.length > 1 && kids.slice(0, -1).every((k) => k.body.some(isFieldLine))) continue;
    node.body.push(...last.body.slice(cut));
    last.body = last.body.slice(0, cut);
  }
}

/** Joins lines: a line break inside a sentence disappears, one after a sentence end stays. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    if (!out) out = l;
    else if (/[。;；!！?？:：]$/.test(out) || /^[\u4e00-\u9fa5]{2,6}[:：]/.test(l)) out += '\n' + l;
    else out += l;
  }
  return out;
}

export function nodeText(node: OutlineNode): string {
  return joinLines(node.kind === 'root' ? node.body : [node.title, ...node.body]);
}

export function* walkNodes(node: OutlineNode): Generator<OutlineNode> {
  yield node;
  for (const c of node.children) yield* walkNodes(c);
}
