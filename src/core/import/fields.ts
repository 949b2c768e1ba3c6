/**
 * Field extraction from the text of one outline item: labelled paragraphs ("整改措施:",
 * "责任单位:", "具体举措:", "推进计划:"), bracketed tails ("〔责任单位:…〕"), quoted problems
 * ("针对“…”的问题"), enumerated measures ("一是…二是…", "①…②…") and progress phrases.
 */

import { DOC_FIELD_LABELS, type FieldKey } from '../lexicon/fields';
import { CIRCLED_NUMBERS, CN_DIGITS } from '../lexicon/numbering';
import { longestFirst } from '../lexicon/pattern';
import { CLOSING_STATUS_OPENINGS, STATUS_WORDS } from '../lexicon/progress';
import { CATEGORY_ENDINGS } from '../lexicon/sections';
import { ACTION_STARTS, SHORTFALL } from '../lexicon/sentences';
import { numberingValue } from './outline';
import { isSpace, trimSpaces } from './segment';

export type { FieldKey };

const alternation = longestFirst;

const LABEL_TO_KEY = new Map<string, FieldKey>();
for (const [key, names] of Object.entries(DOC_FIELD_LABELS) as [FieldKey, readonly string[]][])
  for (const n of names) LABEL_TO_KEY.set(n, key);
const LABEL_ALT = alternation([...LABEL_TO_KEY.keys()]);
/** "问题1：", "问题 12：": a numbered problem starts. */
const NUMBERED_PROBLEM = `问题\\s*[\\d${CN_DIGITS}]{1,3}`;
const NUMBERED_PROBLEM_RE = new RegExp(`^${NUMBERED_PROBLEM}`);

function keyOf(label: string): FieldKey | null {
  return LABEL_TO_KEY.get(label) ?? (NUMBERED_PROBLEM_RE.test(label) ? 'problem' : null);
}

/**
 * A label where a paragraph or sentence starts, possibly ending a longer label ("问题整改责任单位："
 * is read as 责任单位): up to four characters before the label word are taken as part of it.
 */
const LABEL_RE = new RegExp(
  `(^|[\\n。;；!！?？\\s])[\\u4e00-\\u9fa5]{0,4}?(${LABEL_ALT}|${NUMBERED_PROBLEM})[:：]`,
  'g',
);
/** A bracketed tail holding labelled fields: 〔责任单位:…〕, (责任单位:…;完成时限:…). */
const BRACKET_RE = new RegExp(
  `[〔(（\\[]\\s*((?:${LABEL_ALT})[:：][^〔〕()（）\\[\\]【】]{0,2000})[〕)）\\]]`,
  'g',
);

export interface Segment {
  key: FieldKey | null;
  label: string;
  text: string;
}

const TIDY_HEAD = new Set([',', '，', ';', '；', ':', '：', '、', '\n', '\r']);
const TIDY_TAIL = new Set([',', '，', ';', '；', '、', '\n', '\r']);

/** Trims spaces and stray separators from both ends (linear time, no regex). */
export function tidy(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (isSpace(s[a]) || TIDY_HEAD.has(s[a]))) a++;
  while (b > a && (isSpace(s[b - 1]) || TIDY_TAIL.has(s[b - 1]))) b--;
  return s.slice(a, b);
}

/** Pulls bracketed labelled tails out of the text: the text without them, and their fields. */
export function extractBrackets(text: string): { text: string; fields: Segment[] } {
  const fields: Segment[] = [];
  const rest = text.replace(BRACKET_RE, (_all, inner: string) => {
    for (const seg of splitLabelled(inner)) if (seg.key) fields.push(seg);
    return '';
  });
  return { text: rest, fields };
}

/** Splits text at labels; the first segment (key null) is what comes before any label. */
export function splitLabelled(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  let current: Segment = { key: null, label: '', text: '' };
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) {
    const labelStart = m.index + m[1].length;
    current.text = text.slice(last, labelStart);
    out.push(current);
    current = { key: keyOf(m[2]), label: m[2], text: '' };
    last = m.index + m[0].length;
  }
  current.text = text.slice(last);
  out.push(current);
  return out.map((s) => ({ ...s, text: tidy(s.text) }));
}

/** One problem-and-measure unit inside an item's text. */
export interface Entry {
  lead: string;
  fields: Partial<Record<FieldKey, string>>;
  /** Which label introduced the measure ('整改措施', '具体举措'), for nothing but diagnostics. */
  measureLabel?: string;
}

/**
 * Groups an item's segments into entries: a second measure (or problem) label starts a new entry,
 * so "具体举措:… 推进计划:… 具体举措:…" gives two.
 */
export function entriesOf(text: string): Entry[] {
  const { text: withoutBrackets, fields: bracketFields } = extractBrackets(text);
  const segs = splitLabelled(withoutBrackets);
  const entries: Entry[] = [];
  let cur: Entry = { lead: segs[0]?.text ?? '', fields: {} };
  for (const seg of segs.slice(1)) {
    if (!seg.key) continue;
    const startsNew =
      (seg.key === 'measure' && cur.fields.measure !== undefined) ||
      (seg.key === 'problem' && (!!cur.fields.problem || cur.fields.measure !== undefined));
    if (startsNew) {
      entries.push(cur);
      cur = { lead: '', fields: {} };
    }
    const prev = cur.fields[seg.key];
    cur.fields[seg.key] = prev ? (seg.text ? `${prev}\n${seg.text}` : prev) : seg.text;
    if (seg.key === 'measure') cur.measureLabel = seg.label;
  }
  entries.push(cur);
  // Bracketed tails belong to the item's last entry (where they are written).
  const target = entries[entries.length - 1];
  for (const f of bracketFields) {
    if (!f.key) continue;
    const prev = target.fields[f.key];
    target.fields[f.key] = prev ? `${prev}\n${f.text}` : f.text;
  }
  return entries;
}

/**
 * "针对“…”的问题" / "关于“…”问题的整改": the quoted problem and the text after it. A heading that
 * ends in 方面 ("关于“放管服”改革落实不到位方面") is a category, not a quoted problem.
 */
export function quotedProblem(text: string): { problem: string; rest: string } | null {
  const m =
    /^(?:\d{1,3}[.．、][ \u3000]{0,4})?(?:针对|关于|对于)[ \u3000]{0,4}[“"「『]([^”"」』]{1,400})[”"」』][ \u3000]{0,4}(?:的)?(?:问题|情况)?(?:的?整改(?:情况|落实情况)?)?[ \u3000]{0,4}[,，。:：;；]?/.exec(
      text,
    );
  if (!m) return null;
  const dot = text.indexOf('。');
  const heading = trimSpaces(dot >= 0 ? text.slice(0, dot) : text);
  if (endsWithCategory(heading)) return null;
  return { problem: tidy(m[1]), rest: tidy(text.slice(m[0].length)) };
}

/** A heading that names a category: "…方面", "…方面存在的问题". */
export function endsWithCategory(heading: string): boolean {
  const h = heading.replace(/[。:：]$/, '');
  return CATEGORY_ENDINGS.some((w) => h.endsWith(w));
}

/** Enumerations inside one paragraph: 一是…二是…, ①…②…, (1)…(2)…, 1、…2、… (after a sentence break). */
const ENUMERATIONS: { re: RegExp; num: (m: RegExpExecArray) => number }[] = [
  {
    re: new RegExp(`(?:^|(?<=[\\n。;；,，:：]))\\s*([${CN_DIGITS}]{1,2})是[,，:：]?`, 'g'),
    num: (m) => numberingValue(m[1]),
  },
  {
    re: new RegExp(`(?:^|(?<=[\\n。;；,，:：]))\\s*([${CIRCLED_NUMBERS}])`, 'g'),
    num: (m) => numberingValue(m[1]),
  },
  { re: /(?:^|(?<=[\n。;；,，:：]))\s*[(（](\d{1,2})[)）]/g, num: (m) => Number(m[1]) },
  { re: /(?:^|(?<=[\n。;；:：]))\s*(\d{1,2})[、.．](?!\d)/g, num: (m) => Number(m[1]) },
];

/**
 * Splits an enumerated measure text into its parts: "一是…;二是…", "①…②…", "(1)…(2)…".
 * Returns a single part when the text enumerates nothing.
 */
export function splitEnumeration(text: string): string[] {
  for (const { re, num } of ENUMERATIONS) {
    // Siblings count up by one: only 1, 2, 3… in order are item starts; other matches are text.
    const starts: { index: number; len: number }[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (num(m) === starts.length + 1) starts.push({ index: m.index, len: m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
    if (starts.length < 2) continue;
    const parts: string[] = [];
    const head = tidy(text.slice(0, starts[0].index));
    starts.forEach((s, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].index : text.length;
      parts.push(tidy(text.slice(s.index + s.len, end)));
    });
    // An introduction before the first part ("主要采取以下措施:") is not a measure of its own.
    if (head && !/[:：]$/.test(trimSpaces(text.slice(0, starts[0].index))) && head.length > 30)
      parts.unshift(head);
    return parts.filter((p) => p.length > 0);
  }
  return [tidy(text)].filter((p) => p.length > 0);
}

/** Departments as written, split on 、 , ， ; ； / and line breaks, order kept, repeats dropped. */
export function splitDepartments(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[、,，;；/／\n]+/)) {
    let d = trimSpaces(raw);
    while (d && '。.．'.includes(d[d.length - 1])) d = trimSpaces(d.slice(0, -1));
    d = d.replace(/^(?:和|及|与)/, '');
    if (d && !seen.has(d)) {
      seen.add(d);
      out.push(d);
    }
  }
  return out;
}

/** Progress phrases a report uses, most specific first. */
const STATUS_RE = new RegExp(`(${alternation(STATUS_WORDS)})`, 'g');

/** The last progress phrase in a text, as written; '' when it states none. */
export function statusPhrase(text: string): string {
  let last = '';
  STATUS_RE.lastIndex = 0;
  for (let m = STATUS_RE.exec(text); m; m = STATUS_RE.exec(text)) last = m[1];
  return last;
}

const CLOSING_RE = new RegExp(
  `(?:^|[。;；\\n])[ \\t\\u3000]{0,8}((?:${alternation(CLOSING_STATUS_OPENINGS)}|截至\\d{4}年[^,，。]{0,10})[^。;；\\n]{0,60}?)[。;；]?[ \\t\\u3000]{0,8}$`,
);

/** A closing sentence that states the progress of the whole item ("目前,该问题已全部办结。"). */
export function closingStatus(text: string): { status: string; rest: string } | null {
  // A last sentence that is only a progress word ("…；二是…。已完成。") states the whole item's progress.
  let end = text.length;
  while (end > 0 && (isSpace(text[end - 1]) || '。;；\n'.includes(text[end - 1]))) end--;
  const body = text.slice(0, end);
  const start = Math.max(body.lastIndexOf('。'), body.lastIndexOf('；'), body.lastIndexOf('\n')) + 1;
  const last = trimSpaces(body.slice(start));
  if (start > 0 && last.length <= 12 && STATUS_WORDS.some((w) => last.startsWith(w))) {
    return { status: last, rest: tidy(body.slice(0, start)) };
  }
  const base = Math.max(0, text.length - 200);
  const m = CLOSING_RE.exec(text.slice(base));
  if (!m) return null;
  const status = statusPhrase(m[1]);
  if (!status) return null;
  const rest = tidy(text.slice(0, base + m.index + (/[。;；\n]/.test(m[0][0]) ? 1 : 0)));
  return { status, rest };
}

const ACTION = new RegExp(`^(?:${alternation(ACTION_STARTS)})`);

export function looksLikeMeasure(text: string): boolean {
  return ACTION.test(text.replace(/^[“"「]/, ''));
}

const NEGATIVE = new RegExp(`${alternation(SHORTFALL)}|问题`);
/** A shortfall word, without the bare 问题 (which headings of every kind contain). */
const SHORTFALL_RE = new RegExp(alternation(SHORTFALL));

export function statesShortfall(text: string): boolean {
  return SHORTFALL_RE.test(text);
}

/** Says what is wrong: "落实…不到位" is a problem even though it starts with a verb. */
export function looksLikeProblem(text: string): boolean {
  return NEGATIVE.test(text);
}

const LABEL_LINE_RE = new RegExp(`^[\\u4e00-\\u9fa5]{0,4}?(${LABEL_ALT}|${NUMBERED_PROBLEM})[:：]`);

/** A line that is only a label and its value ("责任部门:办公室"). */
export function labelLineKey(line: string): FieldKey | null {
  const m = LABEL_LINE_RE.exec(line);
  return m ? keyOf(m[1]) : null;
}

/**
 * Splits a heading such as "聚焦吃拿卡要行为,开展“股梗阻”专项整治" into the clauses that say what
 * is wrong or where (the focus) and those that say what to do (the action). Null when the heading
 * is not of that shape.
 */
export function splitFocusAction(heading: string): { focus: string; action: string } | null {
  const clauses = heading
    .split(/[,，;；]/)
    .map(tidy)
    .filter(Boolean);
  if (clauses.length < 2) return null;
  const action = clauses.filter((c) => looksLikeMeasure(c));
  const focus = clauses.filter((c) => !looksLikeMeasure(c));
  if (!action.length || !focus.length) return null;
  return { focus: focus.join(','), action: action.join(',') };
}
