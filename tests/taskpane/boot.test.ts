import { boot, bootMessage, type BootProblem, type OfficeLike } from '../../src/taskpane/boot';
import { officialPunctuation } from '../../src/core/text/punctuation';

async function run(office: OfficeLike | undefined, timeoutMs = 50) {
  const started: string[] = [];
  let problem: BootProblem | null = null;
  await boot(
    office,
    () => started.push('pane'),
    (p) => (problem = p),
    timeoutMs,
  );
  return { started, problem };
}

test('inside Excel the pane starts', async () => {
  const office = { onReady: async () => ({ host: 'Excel' }), HostType: { Excel: 'Excel' } };
  expect(await run(office)).toEqual({ started: ['pane'], problem: null });
});

test('office.js blocked (no Office global): one sentence naming the CDN', async () => {
  expect(await run(undefined)).toEqual({ started: [], problem: 'no-office-js' });
  const zh = bootMessage('no-office-js', 'zh-CN');
  expect(zh).toContain('appsforoffice.microsoft.com');
  expect(officialPunctuation(zh)).toBe(zh);
  expect(bootMessage('no-office-js', 'en-GB')).toMatch(/^Office\.js could not be loaded/);
});

test('opened in a browser: Office.onReady says there is no host', async () => {
  // Office.js outside Office resolves onReady with host null (Microsoft's documented behaviour).
  const office = { onReady: async () => ({ host: null }), HostType: { Excel: 'Excel' } };
  expect(await run(office)).toEqual({ started: [], problem: 'not-excel' });
  expect(bootMessage('not-excel', undefined)).toContain('Excel');
});

test('Office never answers: the pane says so after the timeout', async () => {
  const office = { onReady: () => new Promise<{ host: unknown }>(() => undefined) };
  expect(await run(office, 20)).toEqual({ started: [], problem: 'timeout' });
});
