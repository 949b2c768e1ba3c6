/** Limits counted from the day a problem was handed over: "5个工作日内", "交办后7日内完成". */
import { LIMIT_END_VERBS, LIMIT_WORDS, RELATIVE_START_WORDS, RELATIVE_UNITS } from '../lexicon/deadlines';
import { anyOf } from '../lexicon/pattern';
import type { RelativeLimit } from '../types';
import { cnNumber } from './numerals';

const AMOUNT = '(\\d{1,3}|[一二两三四五六七八九十]{1,3}|半)';
/**
 * "3天", "5个工作日内", "10个工作日", "一个月内", "限期15日", "交办后7日内完成", "收到通知之日起
 * 30日内办结": the whole cell is a limit counted from the day the problem was handed over.
 */
const RELATIVE_LIMIT_RE = new RegExp(
  `^(?:(?:自|从)?(?:${anyOf(RELATIVE_START_WORDS)})(?:通知)?(?:之日|日|后)?(?:起|后)?)?` +
    `(?:${anyOf(LIMIT_WORDS)})?${AMOUNT}(个)?(${anyOf(Object.keys(RELATIVE_UNITS))})` +
    `(?:内|以内|之内)?(?:${anyOf(LIMIT_END_VERBS)})?[.。]?$`,
);

/** The limit a cell sets, relative to the day of 交办, or null. See RELATIVE_LIMIT_RE. */
export function parseRelativeLimit(text: string): RelativeLimit | null {
  const s = String(text ?? '').replace(/\s+/g, '');
  const m = RELATIVE_LIMIT_RE.exec(s);
  if (m === null) return null;
  const [, amountText, ge, unitText] = m;
  if (unitText === '月' && !ge) return null; // "3月内" is March, not three months
  if (amountText === '半') return unitText === '月' ? { amount: 15, unit: 'day' } : null;
  const amount = amountText === '两' ? 2 : cnNumber(amountText.replace(/^两/, '二'));
  if (!(amount > 0)) return null;
  return { amount, unit: RELATIVE_UNITS[unitText as keyof typeof RELATIVE_UNITS] };
}
