/** Synonym matching: the field a (normalised) header text names. */
import type { Field } from '../types';
import { FIELDS } from '../types';
import { COUNT_SUFFIXES, EXACT_ONLY_SYNONYMS, HEADER_SYNONYMS, WEAK_SYNONYMS } from '../lexicon/fields';
import { anyOf } from '../lexicon/pattern';
import { compactText, normalizeHeader } from './normalise';

/** A yes/no status column ("是否完成整改"): 是 is done, 否 or blank is not. */
export const YES_NO_HEADER = /^是否/;

const EXACT_ONLY = new Set(EXACT_ONLY_SYNONYMS);

/** Headers longer than this (normalised) are sentences, not headers: no containment match. */
const MAX_CONTAINMENT_LENGTH = 16;

/** Count/ratio columns of a summary table ("问题数", "完成率") are not ledger fields. */
const COUNT_SUFFIX = new RegExp(`(${anyOf(COUNT_SUFFIXES)})$`);

interface Keyword {
  word: string;
  field: Field;
  exactOnly: boolean;
}

const EXACT = new Map<string, Field>();
const KEYWORDS: Keyword[] = [];
for (const field of FIELDS) {
  for (const word of HEADER_SYNONYMS[field]) {
    const key = word.toLowerCase();
    if (!EXACT.has(key)) EXACT.set(key, field);
    KEYWORDS.push({ word: key, field, exactOnly: EXACT_ONLY.has(word) });
  }
}

/** Words joining two headers in one cell: "整改措施及完成情况", "责任单位/责任人". */
const CONJUNCTION = /以及|及|和|、|\/|&|\+|;|,/;

export interface Match {
  field: Field;
  /** True when the (normalised) header equals a synonym. */
  exact: boolean;
  /** A weak synonym (a unit column, 问题来源): taken only when no other column names the field. */
  weak?: boolean;
  yesNo?: boolean;
}

const WEAK = new Map<string, Field>();
for (const [field, words] of Object.entries(WEAK_SYNONYMS) as [Field, readonly string[]][])
  for (const w of words) WEAK.set(w.toLowerCase(), field);

/** Plan vs actual: "实际整改时间" is a completion date, "计划完成日期" a deadline. */
function adjustPlanActual(field: Field, text: string): Field {
  if (field === 'deadline' && /实际|已完成|已于/.test(text)) return 'completedOn';
  if (field === 'completedOn' && /计划|预计|要求|应于|拟/.test(text)) return 'deadline';
  return field;
}

/**
 * Containment within one segment: among the synonyms the segment contains, the one ending last
 * wins (a Chinese compound's head noun comes last: "问题编号" is an index, "问题整改情况" a
 * status), then the longest ("计划完成时间" over "完成时间").
 */
function containedField(segment: string): Field | null {
  let best: Keyword | null = null;
  let bestEnd = -1;
  for (const kw of KEYWORDS) {
    if (kw.exactOnly) continue;
    const at = segment.lastIndexOf(kw.word);
    if (at < 0) continue;
    const end = at + kw.word.length;
    if (end > bestEnd || (end === bestEnd && best !== null && kw.word.length > best.word.length)) {
      best = kw;
      bestEnd = end;
    }
  }
  return best ? best.field : null;
}

/** `whole`: the header compacted, notes kept ("完成时间(计划)" says plan in its note). */
export function matchNormalized(norm: string, whole = norm): Match | null {
  const m = matchPlain(norm, whole);
  if (m && m.field === 'status' && YES_NO_HEADER.test(norm)) return { ...m, yesNo: true };
  if (m || norm === whole) return m;
  // A bracket that carries the meaning: "整改要求（措施）", "时限（交办后）".
  for (const inner of bracketContents(whole)) {
    const im = matchPlain(normalizeHeader(inner), inner);
    if (im) return { ...im, exact: false };
  }
  return null;
}

/** The texts inside brackets: "整改要求(措施)" → ["措施"] (`text` is compacted, half-width). */
function bracketContents(text: string): string[] {
  const out: string[] = [];
  const re = /[([【〔]([^()[\]【】〔〕]{1,8})[)\]】〕]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m[1]);
  return out;
}

function matchPlain(norm: string, whole: string): Match | null {
  if (!norm) return null;
  // A short note may say plan or actual; a long one is instructions ("已完成的填写…"), not a hint.
  const hint = whole.length - norm.length <= 6 ? whole : norm;
  const key = norm.toLowerCase();
  const exact = EXACT.get(key);
  if (exact) {
    const field = hint === norm ? exact : adjustPlanActual(exact, hint);
    return { field, exact: field === exact };
  }
  const weak = WEAK.get(key);
  if (weak) return { field: weak, exact: false, weak: true };
  if (key.length > MAX_CONTAINMENT_LENGTH || COUNT_SUFFIX.test(key)) return null;
  // The first part of a joined header decides: "整改措施及完成情况" is the measure column.
  for (const segment of key.split(CONJUNCTION)) {
    if (!segment) continue;
    const field = EXACT.get(segment) ?? containedField(segment);
    if (field) return { field: adjustPlanActual(field, hint), exact: false };
  }
  return null;
}

/**
 * The field a header text names, or null. An exact synonym match after normalising first. Then
 * containment, for headers of at most 16 characters that are not counts ("问题数", "完成率"):
 * a header joined from several ("整改措施及完成情况", "责任单位/责任人") is decided by its first
 * part that names anything; within a part the synonym ending last wins, then the longest
 * ("问题类别" → category, "完成时间节点" → deadline, "整改完成情况" → status). "实际…" turns a deadline
 * into completedOn and "计划…" a completion date into a deadline. A few synonyms never match by
 * containment ('序', '说明', '责任主体', '类型', '分类', '状态').
 */
export function matchField(text: string): Field | null {
  return matchNormalized(normalizeHeader(text), compactText(text))?.field ?? null;
}
