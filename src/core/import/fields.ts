/**
 * Field extraction from the text of one outline item: labelled paragraphs ("整改措施:",
 * "责任单位:", "具体举措:", "推进计划:"), bracketed tails ("〔责任单位:…〕"), quoted problems
 * ("针对“…”的问题"), enumerated measures ("一是…二是…", "①…②…") and progress phrases.
 */

export type FieldKey =
  | 'problem'
  | 'measure'
  | 'department'
  | 'cooperating'
  | 'person'
  | 'deadline'
  | 'status'
  | 'report'
  | 'plan'
  | 'evidence'
  | 'remarks'
  | 'contact';

/** Labels as documents write them, longest first within a field so the regex takes the whole label. */
const LABELS: [FieldKey, string[]][] = [
  ['problem', ['存在问题', '问题表现', '问题描述', '具体问题', '反馈问题', '主要问题']],
  ['measure', ['整改措施', '具体举措', '整改举措', '工作措施', '具体措施', '主要措施', '措施']],
  ['department', ['责任部门', '责任单位', '牵头单位', '牵头部门', '责任股室', '责任科室', '主责单位']],
  ['cooperating', ['配合单位', '协办单位', '配合部门']],
  ['person', ['责任人', '责任领导', '分管领导']],
  ['deadline', ['整改时限', '完成时限', '时限要求', '完成时间节点', '整改期限', '计划完成时间', '时间节点', '完成时间']],
  ['status', ['整改进展', '进展情况', '完成情况', '整改进度', '整改状态', '进度']],
  ['report', ['整改情况', '整改成效']],
  ['plan', ['推进计划', '进度安排', '时间安排']],
  ['evidence', ['佐证材料', '佐证资料', '支撑材料']],
  ['remarks', ['备注']],
  ['contact', ['联系人', '联系电话']],
];

const LABEL_TO_KEY = new Map<string, FieldKey>();
for (const [key, names] of LABELS) for (const n of names) LABEL_TO_KEY.set(n, key);
const ALL_LABELS = [...LABEL_TO_KEY.keys()].sort((a, b) => b.length - a.length);
const LABEL_ALT = ALL_LABELS.join('|');

/** A label where a paragraph or sentence starts. */
const LABEL_RE = new RegExp(`(^|[\\n。;；!！?？\\s])(${LABEL_ALT})[:：]`, 'g');
/** A bracketed tail holding labelled fields: 〔责任单位:…〕, (责任单位:…;完成时限:…). */
const BRACKET_RE = new RegExp(`[〔(（\\[【]\\s*((?:${LABEL_ALT})[:：][^〔〕()（）\\[\\]【】]*)[〕)）\\]】]`, 'g');

export interface Segment {
  key: FieldKey | null;
  label: string;
  text: string;
}

export function tidy(s: string): string {
  return s.replace(/^[\s\u3000,，;；:：、]+|[\s\u3000,，;；、]+$/g, '');
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
    current = { key: LABEL_TO_KEY.get(m[2]) ?? null, label: m[2], text: '' };
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
      (seg.key === 'measure' && (cur.fields.measure !== undefined || cur.fields.report !== undefined)) ||
      (seg.key === 'problem' && (cur.fields.problem !== undefined || cur.fields.measure !== undefined));
    if (startsNew) {
      entries.push(cur);
      cur = { lead: '', fields: {} };
    }
    const prev = cur.fields[seg.key];
    cur.fields[seg.key] = prev ? `${prev}\n${seg.text}` : seg.text;
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

/** "针对“…”的问题" / "关于“…”问题": the quoted problem and the text after it. */
export function quotedProblem(text: string): { problem: string; rest: string } | null {
  const m = /^(?:\d{1,3}[.．、]\s*)?(?:针对|关于|对于)\s*[“"「『]([^”"」』]{1,400})[”"」』]\s*(?:的)?\s*(?:问题|情况)?\s*[,，。:：;；]?/.exec(text);
  if (!m) return null;
  return { problem: tidy(m[1]), rest: tidy(text.slice(m[0].length)) };
}

const CN_ORDINAL = '一二三四五六七八九十';

/**
 * Splits an enumerated measure text into its parts: "一是…;二是…", "①…②…", "(1)…(2)…".
 * Returns a single part when the text enumerates nothing.
 */
export function splitEnumeration(text: string): string[] {
  const shi = new RegExp(`(?:^|(?<=[\\n。;；,，:：]))\\s*[${CN_ORDINAL}]{1,2}是[,，:：]?`, 'g');
  const circled = /(?:^|(?<=[\n。;；,，:：]))\s*[\u2460-\u2473]/g;
  const paren = /(?:^|(?<=[\n。;；,，:：]))\s*[(（]\d{1,2}[)）]/g;
  for (const re of [shi, circled, paren]) {
    const starts: { index: number; len: number }[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      starts.push({ index: m.index, len: m[0].length });
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
    if (head && !/[:：]$/.test(text.slice(0, starts[0].index).trim()) && head.length > 30) parts.unshift(head);
    return parts.filter((p) => p.length > 0);
  }
  return [tidy(text)].filter((p) => p.length > 0);
}

/** Departments as written, split on 、 , ， ; ； / and line breaks, order kept, repeats dropped. */
export function splitDepartments(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[、,，;；/／\n]+/)) {
    const d = raw.replace(/^[\s\u3000]+|[\s\u3000。.．]+$/g, '').replace(/^(?:和|及|与)/, '');
    if (d && !seen.has(d)) {
      seen.add(d);
      out.push(d);
    }
  }
  return out;
}

/** Progress phrases a report uses, most specific first. */
const STATUS_RE =
  /(已全部办结|已全部完成|已全部整改(?:到位|完毕)?|已整改(?:到位|完毕)|已完成整改|已基本完成|基本完成|已完成|已办结|已销号|整改完毕|已取得阶段性成效|尚未完成|尚未开始|尚未启动|未完成|未启动|未开始|部分完成|正在推进|正在整改|正在办理|正在进行|推进中|整改中|持续推进|长期坚持)/g;

/** The last progress phrase in a text, as written; '' when it states none. */
export function statusPhrase(text: string): string {
  let last = '';
  STATUS_RE.lastIndex = 0;
  for (let m = STATUS_RE.exec(text); m; m = STATUS_RE.exec(text)) last = m[1];
  return last;
}

/** A closing sentence that states the progress of the whole item ("目前,该问题已全部办结。"). */
export function closingStatus(text: string): { status: string; rest: string } | null {
  const m = /(?:^|[。;；\n])\s*((?:目前|截至目前|截至\d{4}年[^,，。]{0,10}|现|该问题|此问题|上述问题)[^。;；\n]{0,60}?)[。;；]?\s*$/.exec(text);
  if (!m) return null;
  const status = statusPhrase(m[1]);
  if (!status) return null;
  const rest = tidy(text.slice(0, m.index + (/[。;；\n]/.test(m[0][0]) ? 1 : 0)));
  return { status, rest };
}

const ACTION =
  /^(?:开展|建立|健全|完善|加强|强化|推进|推动|深化|落实|实施|制定|严格|规范|优化|提升|提高|组织|召开|印发|出台|梳理|排查|整治|清理|做好|抓好|督促|明确|压实|坚持|持续|全面|进一步|切实|认真|加大|集中|定期|及时|着力|深入|狠抓|完成|修订|建章立制|每(?:周|月|季度?|半年|年)|将|对|按|由|实行|开设|设立|成立|聘请|购置|更换|清理|整改|约谈|通报)/;

export function looksLikeMeasure(text: string): boolean {
  return ACTION.test(text.replace(/^[“"「]/, ''));
}

const NEGATIVE = /不到位|不够|不严|不足|不强|不高|不力|不规范|不及时|不完善|不健全|不充分|不公平|不落实|不作为|缺乏|缺失|滞后|薄弱|欠缺|偏差|淡化|弱化|虚化|没有|未能|未按|未及时|未严格|未建立|未落实|问题|隐患|差距|短板|现象/;

/** Says what is wrong: "落实…不到位" is a problem even though it starts with a verb. */
export function looksLikeProblem(text: string): boolean {
  return NEGATIVE.test(text);
}

/** A line that is only a label and its value ("责任部门:办公室"). */
export function labelLineKey(line: string): FieldKey | null {
  const m = new RegExp(`^(${LABEL_ALT})[:：]`).exec(line);
  return m ? (LABEL_TO_KEY.get(m[1]) ?? null) : null;
}

/**
 * Splits a heading such as "聚焦吃拿卡要行为,开展“股梗阻”专项整治" into the clauses that say what
 * is wrong or where (the focus) and those that say what to do (the action). Null when the heading
 * is not of that shape.
 */
export function splitFocusAction(heading: string): { focus: string; action: string } | null {
  const clauses = heading.split(/[,，;；]/).map(tidy).filter(Boolean);
  if (clauses.length < 2) return null;
  const action = clauses.filter((c) => looksLikeMeasure(c));
  const focus = clauses.filter((c) => !looksLikeMeasure(c));
  if (!action.length || !focus.length) return null;
  return { focus: focus.join(','), action: action.join(',') };
}
