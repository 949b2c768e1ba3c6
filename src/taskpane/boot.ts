/**
 * Starting the pane inside Office, or saying in one sentence why it cannot start: office.js did not
 * load (an intranet that blocks Microsoft's CDN, appsforoffice.microsoft.com), or the page was
 * opened outside Excel (a browser, another Office application). Without this the page stayed blank.
 */
import { STRINGS, langFromDisplay } from './i18n';

export type BootProblem = 'no-office-js' | 'not-excel' | 'timeout';

/** How long Office.onReady may take before the pane says something (Office is slow on old PCs). */
export const OFFICE_READY_TIMEOUT_MS = 20_000;

/** The sentence for a problem, in the browser's language (Office's is unknown without office.js). */
export function bootMessage(problem: BootProblem, browserLanguage: string | undefined): string {
  const t = STRINGS[langFromDisplay(browserLanguage)];
  return problem === 'no-office-js'
    ? t.bootNoOfficeJs
    : problem === 'not-excel'
      ? t.bootNotExcel
      : t.bootTimeout;
}

export interface OfficeLike {
  onReady: () => Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
}

/**
 * Waits for Office and calls `start` inside Excel; otherwise calls `fail` with the problem. Pure
 * over its arguments so the browser test and unit tests can drive every branch.
 */
export async function boot(
  office: OfficeLike | undefined,
  start: () => void,
  fail: (problem: BootProblem) => void,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<void> {
  if (!office || typeof office.onReady !== 'function') {
    fail('no-office-js');
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const info = await Promise.race([office.onReady(), timedOut]);
  clearTimeout(timer);
  if (info === 'timeout') fail('timeout');
  else if (info.host === (office.HostType?.Excel ?? 'Excel')) start();
  else fail('not-excel');
}
