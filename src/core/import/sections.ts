/**
 * Which parts of a plan hold problems, which do not (指导思想, 工作步骤, 组织保障, …), which
 * headings are only containers ("二、整治内容"), and the phase schedule ("全面整改阶段(6月7日至6月14日)").
 */
import { type OutlineNode, walkNodes } from './outline';

/** Headings of sections that are never problems. */
const NON_PROBLEM =
  /指导思想|总体要求|基本原则|工作目标|主要目标|目标任务|工作步骤|方法步骤|实施步骤|步骤安排|实施方法|时间安排|进度安排|组织保障|保障措施|组织领导|工作要求|有关要求|其他要求|今后(?:工作)?(?:打算|计划|方向)|下一步(?:工作)?(?:打算|计划)|工作机制|总体情况|基本情况|整改工作开展情况|工作开展情况|思想认识|舆论引导|宣传引导|浓厚氛围|督查问效|督导检查|考核问责|联系人|联系电话|附件|阶段[(（]/;

/** Headings that only hold problems below them, never a category of their own. */
const CONTAINER =
  /^(?:关于)?(?:巡察|巡视|督查|审计|专项)?(?:重点|主要|具体|突出)?(?:专项)?(?:整治|整改|工作|反馈|存在的?)?(?:内容|任务|问题|清单|意见|措施)(?:及|和|与|、)?(?:整改|整治)?(?:措施|情况|落实情况|清单|任务)?[。:：]?$/;

/** Headings that announce problems or measures. */
const PROBLEM_HEADING = /问题|整改|整治|任务|反馈|意见|举措|措施|清单/;

export function isNonProblemHeading(title: string): boolean {
  return NON_PROBLEM.test(headingOf(title));
}

export function isContainerHeading(title: string): boolean {
  return CONTAINER.test(headingOf(title));
}

export function isProblemHeading(title: string): boolean {
  return PROBLEM_HEADING.test(headingOf(title)) && !isNonProblemHeading(title);
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
  const cands = phases.filter((p) => /整改|整治|攻坚/.test(p.name) && !/总结|巩固|提升|回头看|验收/.test(p.name));
  return cands.length ? cands[cands.length - 1] : null;
}
