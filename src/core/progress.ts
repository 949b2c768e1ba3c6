/**
 * Reads a status cell ("整改进展", "完成情况", "进度") and says which progress state it is in.
 *
 * Status cells hold a word ("已完成") as often as a sentence ("正在推进,已完成工程量的75%"), so a
 * substring match on 完成 is wrong. The text is cut into clauses on , ， ; ； 。 、 : and line
 * breaks, each clause is classified on its own, and then:
 *
 * 1. A long-running marker anywhere (长期…, 持续整改, 持续推进, 常态化推进…, "long-term") makes the
 *    whole cell long_term: such measures are reported as 阶段性成效, never as overdue.
 * 2. Otherwise the first *strong* clause decides (negations, partial work, plans, explicit done or
 *    in-progress wording); weak clauses (a bare 推进/开展, "待验收", forward-looking
 *    "下一步…" clauses) decide only when no clause is strong.
 * 3. A done verdict is downgraded to in_progress when a later clause strongly says work is still
 *    going on or not started ("已完成一期,二期未启动", "已完成前期调研,正在推进"). Being wrong
 *    about done hides an overdue item, so done has to be unambiguous.
 *
 * Choices worth knowing:
 * - 未完成 / 尚未完成 / 没有完成 / 仍未完成 / 未整改到位 → in_progress: the measure exists and is
 *   simply not finished. not_started is kept for explicit 未启动 / 未开始 / 尚未开展, for a bare
 *   未整改 / 尚未整改 (nothing rectified yet) and for 待整改 (docs/domain.md: not started).
 * - A plan ("计划6月底完成", "力争年底前整改到位") → in_progress; a planned start ("拟于7月启动")
 *   → not_started.
 * - "已完成前期调研", "已完成整改方案", "已完成工程量的75%" → in_progress: what was completed is a
 *   preliminary step, a plan or a part.
 * - A percentage in a progress clause: 100% → done, 0% → not_started, anything else → in_progress.
 * - 待验收 / 待销号 / 申请销号 alone → in_progress, but they do not undo a done clause
 *   ("已完成整改,待验收" is done).
 * - ✓ √ ✔ ☑ alone → done; × and other marks → unknown.
 * - Full-width forms, spaces and zero-width characters are ignored; English (done, completed, in
 *   progress, ongoing, not started, long-term …) is read case-insensitively.
 *
 * Pure and total: never throws, whatever it is given.
 */
import { memoByText } from './memo';
import { foldText } from './text/fold';
import { anyOf } from './lexicon/pattern';
import { LONG_TERM_STATUS_WORDS } from './lexicon/progress';
import type { ProgressState } from './types';

type ClauseState = Exclude<ProgressState, 'unknown' | 'missing'> | 'awaiting';

interface ClauseResult {
  state: ClauseState;
  strong: boolean;
}

// ---- normalisation ------------------------------------------------------------------------

const MISSING_RE = /^[\s\p{P}\p{Z}]*$/u;
const CLAUSE_SPLIT_RE = /[,;。、\n\r:!?]+|\.(?!\d)/;
const SPACES_G = /\s+/g;
const SPACE_RE = /\s/;
const HAS_LATIN_RE = /[a-z]/i;
const CHECK_MARK_RE = /^[✓√✔☑]$/;

// ---- Chinese patterns (on a clause with all whitespace removed) ----------------------------

/** Long-running measures. */
const LONG_RE = new RegExp(anyOf(LONG_TERM_STATUS_WORDS));

/** Not started: an explicit negated start, a planned-only start, or nothing rectified yet. */
const NOT_STARTED_RE =
  /(?:未|尚未|还未|暂未|仍未|并未|均未|没有|没)(?:正式)?(?:启动|开始|开展|着手|动工|开工|实施|推进|行动|整改(?!到位|完|彻底|落实|结束|了))|待(?:启动|开始|整改(?!到位|完|彻底|落实|结束))|未动/;

/** Negated completion: not done, so in progress. */
const NOT_DONE_RE =
  /(?:未|尚未|还未|暂未|仍未|并未|均未|未能|没能|没有|没|不能|无法|难以)[^已]{0,6}?(?:完成|完毕|办结|销号|到位|解决|结案|完结|完工|竣工|整改完|落实)|(?:未|尚未|还未|暂未|仍未)完|不(?:到位|彻底|完整|落实)/;

/** Partial work. */
const PARTIAL_RE =
  /(?:基本|部分|初步)(?:完成|整改|办结|到位|落实|解决|建成)|大部分|大部|阶段性|取得(?:一定|初步|明显|积极|较大|显著)?(?:进展|成效)|一半|过半|大半|完成率|完成进度|完成比例/;

/** A percentage, with the clause words that make it a progress figure. */
const PERCENT_G = /(\d+(?:\.\d+)?)%/g;
const PROGRESS_WORD_RE = /完成|进度|完工|进展|工程量|整改|办结|推进|complet|progress|done|finish/i;
const ONLY_PERCENT_RE = /^(?:\d+(?:\.\d+)?%)$/;

/** Waiting for sign-off: done by the unit, not yet closed. Stripped before the rest is read. */
const AWAIT_G =
  /待(?:验收|销号|审核|审批|确认|评估|核查|复核|审定)|(?:申请|提交|报请|申报)(?:销号|验收|审核)|(?:验收|审核|复核)中/g;
const AWAIT_RE = new RegExp(AWAIT_G.source);

/** 已 + adverbs/dates + a completing verb: "已完成", "已于2023年12月13日全部整改完毕". */
const DONE_STRONG_RE =
  /(?:已经?|业已)(?:于|在|经|均|都|全部|全面|全数|按期|按时|如期|提前|彻底|顺利|圆满|逐一|逐项|[\d年月日号底前末初中上下旬半季度第一二三四五六七八九十〇零./-])*(?:完成|完毕|办结|销号|整改|落实|解决|到位|结案|验收|处置|处理|完结|关闭|建成|竣工|完工|清退|退还|追缴|纠正|拆除|整治|出台|修订|建立)/;

/** After "已完成…": the thing completed is only a step, a plan or a part. */
const PARTIAL_OBJECT_RE = /前期|初步|阶段|方案|调研|部分|一期|首批|第一批|一半|过半/;

/** A plan for the future, which needs a completing or starting verb in the same clause. */
const PLAN_RE =
  /计划|预计|拟|将于|将在|将按|即将|力争|确保|争取|预期|打算|准备|有待|尚需|仍需|还需|需要|[\d底末年月日旬度]前|以前|之前|月底|年底|年内/;
const PLAN_DONE_VERB_RE = /完成|完毕|办结|销号|到位|整改|落实|解决|结案|完工|竣工/;
const PLAN_START_VERB_RE = /启动|开始|开工|动工|着手/;

/** The whole clause says "done", perhaps after a date or an adverb: "完成", "2023年12月完成". */
const BARE_DONE_RE =
  /^(?:[\d年月日号./-]*(?:于|在))?[\d年月日号./-]*(?:全部|全面|均|已|按期|按时|如期|提前|顺利|圆满)*(?:完成|完毕|办结|销号|结案|完结|完工|竣工)(?:整改)?了?$/;

/** Done wording that holds anywhere in a clause. */
const DONE_ANYWHERE_RE =
  /整改完毕|整改到位|整改完成|整改结束|完成整改|全部完成|全面完成|全部办结|按期完成|按时完成|如期完成|提前完成|落实到位|落实完毕|办理完毕|处置完毕|处理完毕|实施完毕|办结|销号|结案|完毕|完结/;

/** Work under way, said plainly. */
const IN_PROGRESS_STRONG_RE =
  /正在|(?:推进|整改|进行|实施|办理|落实|建设|施工|处理|跟进|完善|筹备|开展|谋划|对接|协调|改)中/;

/** Weaker signs of activity: decide only when nothing else in the cell is strong. */
const IN_PROGRESS_WEAK_RE =
  /推进|已(?:启动|开始|开展|着手|制定|实施|印发|部署|开工|动工|安排|研究|召开|组织|拟定|形成)|着手|启动|开展|进行|整改/;

/** A forward-looking clause ("下一步将继续…") reports intentions, not state. */
const FORWARD_RE = /^(?:下一步|下步|今后|下阶段|下一阶段|将继续|继续|进一步|持续巩固|巩固)/;

// ---- English patterns (on a lower-cased clause with single spaces) -------------------------

const EN_LONG_RE = /\blong[\s-]*term\b|\bcontinuous(?:ly)?\b|\bpermanent\b/;
const EN_NOT_STARTED_RE =
  /\bnot[\s-]*(?:yet[\s-]*)?(?:started|begun|commenced|initiated)\b|\bnot[\s-]*start\b|\bto be started\b/;
const EN_NOT_DONE_RE =
  /\b(?:not|never)[\s-]*(?:yet[\s-]*)?(?:done|completed?|finished|resolved|rectified|closed)\b|\bincomplete\b|\bunfinished\b|\bunresolved\b|\bpartial(?:ly)?\b|\bpartly\b|\bmostly\b|\bnearly\b|\balmost\b/;
const EN_PLAN_RE = /\b(?:to be|will|plan|planned|plans|expected|scheduled|target|due)\b/;
const EN_DONE_RE = /\b(?:done|completed?|finished|closed|resolved|rectified)\b|^ok$/;
const EN_IN_PROGRESS_RE =
  /\bin[\s-]*progress\b|\bon[\s-]*going\b|\bunder[\s-]*way\b|\bprogressing\b|\bwip\b|\bstarted\b|\bworking\b/;

// ---- clause classification -----------------------------------------------------------------

function percentState(zh: string): ClauseResult | null {
  if (zh.indexOf('%') < 0) return null;
  if (!ONLY_PERCENT_RE.test(zh) && !PROGRESS_WORD_RE.test(zh)) return null;
  let min = Infinity;
  PERCENT_G.lastIndex = 0;
  for (let m = PERCENT_G.exec(zh); m !== null; m = PERCENT_G.exec(zh)) {
    const value = Number(m[1]);
    if (value < min) min = value;
  }
  if (min === Infinity) return null;
  if (min >= 100) return DONE;
  if (min === 0) return NOT_STARTED;
  return IN_PROGRESS;
}

// Clause verdicts are shared constants: classifying allocates nothing per clause.
const DONE: ClauseResult = { state: 'done', strong: true };
const IN_PROGRESS: ClauseResult = { state: 'in_progress', strong: true };
const LONG_TERM: ClauseResult = { state: 'long_term', strong: true };
const NOT_STARTED: ClauseResult = { state: 'not_started', strong: true };
const WEAK: Record<ClauseState, ClauseResult> = {
  done: { state: 'done', strong: false },
  in_progress: { state: 'in_progress', strong: false },
  long_term: LONG_TERM,
  not_started: { state: 'not_started', strong: false },
  awaiting: { state: 'awaiting', strong: false },
};

function classifyChinese(zh: string): ClauseResult | null {
  if (LONG_RE.test(zh)) return LONG_TERM;
  if (NOT_STARTED_RE.test(zh)) return NOT_STARTED;
  if (NOT_DONE_RE.test(zh)) return IN_PROGRESS;
  const pct = percentState(zh);
  if (pct !== null) return pct;
  if (PARTIAL_RE.test(zh)) return IN_PROGRESS;

  const done = DONE_STRONG_RE.exec(zh);
  const going = IN_PROGRESS_STRONG_RE.exec(zh);
  if (done !== null && (going === null || done.index < going.index)) {
    // "已完成前期调研": what was completed is only a step.
    return PARTIAL_OBJECT_RE.test(zh.slice(done.index + done[0].length)) ? IN_PROGRESS : DONE;
  }
  if (going !== null) return IN_PROGRESS;

  if (PLAN_RE.test(zh)) {
    if (PLAN_DONE_VERB_RE.test(zh)) return IN_PROGRESS;
    if (PLAN_START_VERB_RE.test(zh)) return NOT_STARTED;
  }
  if (BARE_DONE_RE.test(zh) || DONE_ANYWHERE_RE.test(zh)) return DONE;
  if (IN_PROGRESS_WEAK_RE.test(zh)) return WEAK.in_progress;
  return null;
}

function classifyEnglish(en: string): ClauseResult | null {
  if (EN_LONG_RE.test(en)) return LONG_TERM;
  if (EN_NOT_STARTED_RE.test(en)) return NOT_STARTED;
  if (EN_NOT_DONE_RE.test(en)) return IN_PROGRESS;
  if (EN_DONE_RE.test(en)) return EN_PLAN_RE.test(en) ? IN_PROGRESS : DONE;
  if (EN_IN_PROGRESS_RE.test(en)) return IN_PROGRESS;
  return null;
}

function classifyClause(raw: string): ClauseResult | null {
  let zh = SPACE_RE.test(raw) ? raw.replace(SPACES_G, '') : raw;
  if (zh === '') return null;
  if (zh.length === 1 && CHECK_MARK_RE.test(zh)) return DONE;

  let awaiting = false;
  if (AWAIT_RE.test(zh)) {
    awaiting = true;
    zh = zh.replace(AWAIT_G, '|');
  }
  let result = classifyChinese(zh);
  if (result === null && HAS_LATIN_RE.test(raw)) {
    result = classifyEnglish(raw.toLowerCase().replace(SPACES_G, ' ').trim());
  }
  if (result === null) return awaiting ? WEAK.awaiting : null;
  return result.strong && FORWARD_RE.test(zh) ? WEAK[result.state] : result;
}

/**
 * Only the start of a very long cell is read: the first clauses decide, and this keeps the time
 * per cell bounded whatever a cell holds (Excel allows 32,767 characters).
 */
const MAX_READ = 2000;

function decide(text: string): ProgressState {
  const normal = foldText(text.length > MAX_READ ? text.slice(0, MAX_READ) : text);
  if (MISSING_RE.test(normal)) return 'missing';

  const parts = normal.split(CLAUSE_SPLIT_RE);
  // One pass: the first strong clause decides, else the first weak one; a done verdict is undone
  // by a later strong in-progress or not-started clause; long-term anywhere wins outright.
  let primary: ClauseResult | null = null;
  let firstWeak: ClauseResult | null = null;
  let undone = false;
  for (let i = 0; i < parts.length; i++) {
    const r = classifyClause(parts[i]);
    if (r === null) continue;
    if (r.state === 'long_term') return 'long_term';
    if (!r.strong) {
      if (firstWeak === null) firstWeak = r;
    } else if (primary === null) {
      primary = r;
    } else if (primary.state === 'done' && (r.state === 'in_progress' || r.state === 'not_started')) {
      undone = true;
    }
  }
  const chosen = primary ?? firstWeak;
  if (chosen === null) return 'unknown';
  if (chosen.state === 'awaiting') return 'in_progress';
  if (chosen.state === 'done' && undone) return 'in_progress';
  return chosen.state;
}

const decideRemembered = memoByText((text: string): ProgressState => {
  try {
    return decide(text);
  } catch {
    return 'unknown';
  }
});

/**
 * Classifies a status cell's text. '' (or only whitespace/punctuation) → 'missing'. Text present
 * but not recognised → 'unknown'. See the module comment for the rules.
 */
export function classifyStatus(text: string): ProgressState {
  if (typeof text !== 'string') {
    // Callers are typed, but a host may still hand over a number or null.
    if (text === null || text === undefined) return 'missing';
    try {
      text = String(text);
    } catch {
      return 'unknown';
    }
  }
  return decideRemembered(text);
}
