/**
 * Which parts of a plan hold problems, which do not (指导思想, 工作步骤, 组织保障, …), which
 * headings are only containers ("二、整治内容"), and the phase schedule ("全面整改阶段(6月7日至6月14日)").
 */
import { statesShortfall } from './fields';
import {
  CONTAINER_HEADINGS,
  HEADING_PREFIXES,
  LATER_PHASE_WORDS,
  NON_PROBLEM_WORDS,
  PROBLEM_HEADING_WORDS,
  RECTIFICATION_PHASE_WORDS,
} from '../lexicon/sections';
import { type OutlineNode, walkNodes } from './outline';

/**
 * A section that holds no problems: its heading names one (工作目标, 下一步整改工作打算, 主要负责人
 * 履行整改第一责任人职责情况) and neither states a shortfall nor names 问题. "对上级工作要求传达学习
 * 不及时问题" contains 工作要求 but is a problem.
 */
export function isNonProblemHeading(title: string): boolean {
  const h = headingOf(title);
  if (h.includes('问题') || statesShortfall(h)) return false;
  return NON_PROBLEM_WORDS.some((w) => h.includes(w)) || /阶段[(（]/.test(h);
}

const UNIT_PREFIX = new RegExp(`^(?:${HEADING_PREFIXES.join('|')})+`);

/** Headings that only hold problems below them ("二、整治内容", "三、巡察反馈问题整改落实情况"). */
export function isContainerHeading(title: string): boolean {
  const h = headingOf(title)
    .replace(/[。:：]$/, '')
    .replace(UNIT_PREFIX, '');
  return CONTAINER_HEADINGS.includes(h) || /^(?:反馈)?(?:问题|意见)?整改(?:落实)?情况$/.test(h);
}

/** Headings that announce problems or measures. */
export function isProblemHeading(title: string): boolean {
  const h = headingOf(title);
  return PROBLEM_HEADING_WORDS.some((w) => h.includes(w)) && !isNonProblemHeading(title);
}

/** The heading part of a title line: up to the first 。 (a title line may run on into its text). */
export function headingOf(title: string): string {
  const i = title.search(/[。]/);
  return (i >= 0 ? title.slice(0, i) : title).trim();
}

export interface Phase {
  name: string;
  /** The date range as written, e.g. "6月7日至6月14日". */
  range: string;
}

/** Phases of the work schedule, in document order. */
export function findPhases(root: OutlineNode): Phase[] {
  const out: Phase[] = [];
  for (const node of walkNodes(root)) {
    if (node.kind === 'root') continue;
    const m = /^([^(（,，。]{1,12}阶段)\s*[(（]([^)）]{2,40})[)）]/.exec(node.title);
    if (m) out.push({ name: m[1], range: m[2].trim() });
  }
  return out;
}

/** The phase whose end is the default deadline: the (last) rectification phase. */
export function rectificationPhase(phases: Phase[]): Phase | null {
  const cands = phases.filter(
    (p) =>
      RECTIFICATION_PHASE_WORDS.some((w) => p.name.includes(w)) &&
      !LATER_PHASE_WORDS.some((w) => p.name.includes(w)),
  );
  return cands.length ? cands[cands.length - 1] : null;
}
