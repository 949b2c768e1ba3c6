/**
 * The real task pane in a real browser: Debian's Chromium (driven by playwright-core) opens the
 * test page (dist/testhost.html: the pane on the in-memory Excel holding the sample ledger), and
 * the test clicks through a check as a clerk would, reading the fake workbook via `window.zgtz`.
 *
 * - Builds the test page first when dist/testhost.html is missing or older than the sources.
 * - Serves dist/ on 127.0.0.1 only; every request elsewhere is aborted and recorded, and the test
 *   asserts there were none (the test page must not need office.js from Microsoft's CDN).
 * - Screenshots at task-pane width go to test-output/taskpane-*.png.
 * - Skips, with a note, when /usr/bin/chromium is missing (`apt-get install chromium fonts-wqy-zenhei`).
 */
import { execFile } from 'child_process';
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { checkGrid } from '../../src/core/check';
import { planMarks } from '../../src/core/marks';
import { checkOptionsFromSettings, defaultSettings } from '../../src/core/options';
import type { SheetReport } from '../../src/core/types';
import { isToolFormula, MARK_TAG } from '../../src/excel/marksWriter';
import { findingAddress, groupFindings } from '../../src/taskpane/logic';
import type { FakeWorkbook } from '../../src/testhost/fakeExcel';
import { createMemoryHost } from '../../src/testhost/memoryHost';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const PAGE_FILES = [path.join(DIST, 'testhost.html'), path.join(DIST, 'testhost.js')];
const OUT = path.join(ROOT, 'test-output');
const CHROMIUM = '/usr/bin/chromium';
const SHEET = '整改台账';

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `SKIPPED tests/browser/taskpane.browser.test.ts: ${CHROMIUM} is missing. ` +
      'Install it with `apt-get install chromium fonts-wqy-zenhei` (.ci/run does this) to run the browser test.',
  );
}
const describeInBrowser = haveChromium ? describe : describe.skip;

/** Newest modification time of the files the test page is built from. */
function newestSource(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'webpack.config.js', 'tsconfig.json', 'package.json']) {
    if (fs.existsSync(path.join(ROOT, p))) visit(path.join(ROOT, p));
  }
  return newest;
}

function pageIsStale(): boolean {
  if (!PAGE_FILES.every((f) => fs.existsSync(f))) return true;
  // The script is what changes; webpack leaves an unchanged testhost.html alone (and its old time),
  // so the page counts as built when the script is newer than every source (CI builds it first).
  const built = fs.statSync(path.join(DIST, 'testhost.js')).mtimeMs;
  return built < newestSource();
}

/** `webpack --mode production --env testhost`; webpack leaves unchanged files alone, so touch them. */
async function buildTestPage(): Promise<void> {
  const cli = require.resolve('webpack/bin/webpack.js', { paths: [ROOT] });
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, '--mode', 'production', '--env', 'testhost'],
      { cwd: ROOT, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`building the test page failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
  const now = new Date();
  for (const f of PAGE_FILES) {
    if (!fs.existsSync(f)) throw new Error(`the build did not write ${f}`);
    fs.utimesSync(f, now, now);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

/** A static server for dist/ on the loopback interface, on a free port. */
async function serveDist(): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.normalize(path.join(DIST, urlPath === '/' ? 'testhost.html' : urlPath));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** What the page exposes (src/testhost/index.tsx). */
interface Zgtz {
  workbook: FakeWorkbook;
}

/** The sheet as the clerk owns it (values, formats, merges) plus everything formatting-related. */
function sheetState(page: Page) {
  return page.evaluate((name) => {
    const wb = (window as unknown as { zgtz: Zgtz }).zgtz.workbook;
    const sheet = wb.sheets.find((s) => s.name === name)!;
    return {
      snapshot: sheet.snapshot(),
      rules: sheet.rules.map((r) => ({
        formula: r.formula,
        fill: r.fill,
        fontColor: r.fontColor,
        areas: r.areas,
      })),
      formatWrites: sheet.formatWrites,
      columnWidths: [...sheet.columnWidths.entries()],
      sheets: wb.sheets.map((s) => s.name),
    };
  }, SHEET);
}

/** What the engine says about the sample ledger for that as-of date, computed here in node. */
async function expectedReport(asOf: string): Promise<SheetReport> {
  const host = createMemoryHost();
  const grid = await host.readActiveSheet();
  const result = checkGrid(grid, checkOptionsFromSettings(defaultSettings(), 'zh', asOf));
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

/** A region of the page as the eye sees it: share of inked (non-white) pixels, and red ones. */
interface Ink {
  ink: number;
  red: number;
}

/**
 * Screenshots `clip` and measures its pixels in the page's own canvas (no image library needed):
 * a white layer over the pane leaves no ink; the counts area has red (overdue) figures.
 */
async function inkOf(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<Ink> {
  const png = await page.screenshot({ clip });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    let red = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++;
      if (d[i] > 150 && d[i + 1] < 90 && d[i + 2] < 90) red++;
    }
    return { ink: ink / (d.length / 4), red };
  }, png.toString('base64'));
}

async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return {
    x: Math.floor(box.x),
    y: Math.floor(box.y),
    width: Math.ceil(box.width),
    height: Math.ceil(box.height),
  };
}

/** The listbox a combobox opened: visible, inside the window, with options. */
async function openList(page: Page, combobox: ReturnType<Page['locator']>) {
  await combobox.click();
  const id = await combobox.getAttribute('aria-controls');
  const list = page.locator(`[id="${id}"]`);
  await list.waitFor({ state: 'visible' });
  const box = await list.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.height).toBeGreaterThan(20);
  expect(box!.y + Math.min(box!.height, 40)).toBeLessThanOrEqual(900);
  const options = list.locator('[role="option"], [role="menuitemcheckbox"]');
  expect(await options.count()).toBeGreaterThan(0);
  return { list, options };
}

/** Same look, give or take anti-aliasing: a covering layer changes the ink a lot. */
function expectSameLook(now: Ink, before: Ink) {
  expect(Math.abs(now.ink - before.ink)).toBeLessThan(0.02);
  expect(now.red > 0).toBe(before.red > 0);
}

describeInBrowser('task pane in Chromium on the in-memory Excel', () => {
  let server: http.Server | undefined;
  let origin = '';
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const offHost: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (pageIsStale()) await buildTestPage();
    ({ server, origin } = await serveDist());
    fs.mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // playwright-core gives the browser a fresh temporary profile (user-data-dir) per launch.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-quic',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({
      viewport: { width: 360, height: 900 },
      locale: 'zh-CN',
      serviceWorkers: 'block',
    });
    // Loopback only: anything else (office.js from the CDN, fonts, telemetry) is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      offHost.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console.error: ${m.text()}`);
    });
    await page.goto(`${origin}/testhost.html`, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('checks the sample ledger, goes to a finding, marks the sheet and clears the marks exactly', async () => {
    const checkButton = page.getByRole('button', { name: '检查台账' });
    const clearButton = page.getByRole('button', { name: '清除标记' });
    await checkButton.waitFor();
    const before = await sheetState(page);
    expect(before.rules).toEqual([]);
    expect(before.sheets).toEqual([SHEET]);

    // Check. The button is aria-disabled until the saved settings were read; click waits for that.
    await checkButton.click();
    const overdueValue = page.locator('[data-figure="overdue"] dd');
    await overdueValue.waitFor();
    // The pane is done (marks included) when the check button is usable again.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some(
        (b) => b.textContent?.includes('检查台账') && b.getAttribute('aria-disabled') !== 'true',
      ),
    );

    // The counts equal what the engine computes for the same ledger and the pane's as-of date.
    // The date as a clerk writes it (2026年12月1日), as the command line does.
    const caption = await page.getByText(/工作表“整改台账”，截至\d{4}年\d{1,2}月\d{1,2}日/).textContent();
    const [, y, mo, d] = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(caption ?? '') ?? [];
    const asOf = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const report = await expectedReport(asOf);
    expect(report.stats.overdue).toBeGreaterThan(0);
    expect((await overdueValue.textContent())?.trim()).toBe(String(report.stats.overdue));
    const figure = async (key: string) =>
      (await page.locator(`[data-figure="${key}"] dd`).textContent())?.trim();
    expect(await figure('dueSoon')).toBe(String(report.stats.dueSoon));
    expect(await figure('missingDepartment')).toBe(String(report.stats.missingDepartment));
    expect(await figure('rows')).toBe(String(report.stats.rows));
    expect((await page.locator('[data-figure="overdue"] dt').textContent())?.trim()).toBe('逾期未完成');

    // Counts first: the figures (总数 first) are above the findings, on the first screen.
    const figuresBox = await page.locator('[data-figure="overdue"]').boundingBox();
    const firstFinding = page.locator('[data-finding]').first();
    await firstFinding.waitFor();
    const findingBox = await firstFinding.boundingBox();
    expect(figuresBox).not.toBeNull();
    expect(figuresBox!.y + figuresBox!.height).toBeLessThanOrEqual(900);
    expect(figuresBox!.x + figuresBox!.width).toBeLessThanOrEqual(360);
    expect(findingBox!.y).toBeGreaterThan(figuresBox!.y);
    expect(await page.locator('[data-figure]').first().getAttribute('data-figure')).toBe('rows');
    // At Office's task-pane width: nothing scrolls sideways and no figure label is cut off.
    const pane = await page.locator('#container').evaluate((e) => ({
      width: e.getBoundingClientRect().width,
      sideways: e.scrollWidth > e.clientWidth,
    }));
    expect(pane.width).toBeGreaterThanOrEqual(350);
    expect(pane.sideways).toBe(false);
    const cutLabels = await page
      .locator('[data-figure] dt')
      .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent));
    expect(cutLabels).toEqual([]);

    // Marks: the tool's conditional formats, one per planned kind (they look their cells up in
    // the tool's hidden mark table, see src/excel/marksWriter.ts).
    const checked = await sheetState(page);
    const plan = planMarks(report, { markDone: defaultSettings().markDone });
    const tool = checked.rules.filter((r) => isToolFormula(r.formula));
    expect(tool.length).toBe(plan.groups.length);
    expect(tool.length).toBe(checked.rules.length);
    expect(new Set(tool.map((r) => r.formula.split(`"${MARK_TAG}`)[1]?.split('"')[0]))).toEqual(
      new Set(plan.groups.map((g) => g.kind)),
    );
    // Marking never touches the clerk's cells.
    expect(checked.snapshot).toEqual(before.snapshot);
    await page.screenshot({ path: path.join(OUT, 'taskpane-after-check.png') });

    // A finding: the first one of the first (open) group; clicking it selects its cell.
    const first = groupFindings(report.findings)[0].findings[0];
    expect((await firstFinding.textContent()) ?? '').toContain(first.message);
    await firstFinding.click();
    const address = findingAddress(first, report);
    await page.waitForFunction(
      (want) => {
        const sel = (window as unknown as { zgtz: Zgtz }).zgtz.workbook.selected;
        return sel !== null && sel.sheet === want.sheet && sel.address === want.address;
      },
      { sheet: SHEET, address },
    );
    const selected = await page.evaluate(() => (window as unknown as { zgtz: Zgtz }).zgtz.workbook.selected);
    expect(selected).toEqual({ sheet: SHEET, address });

    // Clear: the marks go, and the sheet is exactly as before the check.
    await clearButton.click();
    await page.getByText(`已清除 ${tool.length} 处标记。`).waitFor();
    const cleared = await sheetState(page);
    expect(cleared.rules).toEqual([]);
    expect(cleared).toEqual(before);
    await page.screenshot({ path: path.join(OUT, 'taskpane-after-clear.png') });

    expect(pageErrors).toEqual([]);
    // Nothing but the loopback server was asked for: no office.js from the CDN, nothing else.
    expect(offHost).toEqual([]);
  });
  const PLAN = [
    'X局巡察反馈问题整改方案',
    '二、整改内容',
    '（一）聚焦政策落实不到位问题',
    '1.服务意识不强，存在“等靠要”思想；',
    '整改措施：制定印发本局工作方案，成立由主要负责同志任组长的工作领导小组，明确分工，压实责任。',
    '责任部门：办公室、政策法规科',
    '完成时限：2024年6月底',
    '2.惠企政策落实不到位；',
    '整改措施：梳理公布惠企政策清单，主动精准推送，建立政策落实情况台账。',
    '完成时限：2024年9月30日',
  ].join('\n');

  for (const [office, L] of [
    [
      'zh-CN',
      {
        check: '检查台账',
        columns: '列设置',
        import: '方案导入',
        kind: '按问题类型筛选',
        dept: '按责任单位筛选',
        lang: '界面语言',
        preview: '预览',
        write: '写入新工作表',
        text: '方案文字',
      },
    ],
    [
      'en-US',
      {
        check: 'Check ledger',
        columns: 'Columns',
        import: 'From plan',
        kind: 'Filter by kind',
        dept: 'Filter by department',
        lang: 'Language',
        preview: 'Preview',
        write: 'Write new sheet',
        text: 'Plan text',
      },
    ],
  ] as const) {
    it(`${office}: every list opens over a visible pane at 350 px; counts agree; import and written sheets`, async () => {
      const p = await context!.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
      });
      await p.goto(`${origin}/testhost.html?office=${office}`, { waitUntil: 'load' });
      const shot = (name: string) => p.screenshot({ path: path.join(OUT, `taskpane-${office}-${name}.png`) });

      // The four tabs sit on one line at task-pane width.
      const tabTops = await p
        .getByRole('tab')
        .evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().top));
      expect(new Set(tabTops).size).toBe(1);

      await p.getByRole('button', { name: L.check, exact: true }).click();
      await p.locator('[data-figure="overdue"] dd').waitFor();
      await p.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
      const num = async (key: string) =>
        Number((await p.locator(`[data-figure="${key}"] dd`).first().textContent())?.trim());
      // The tiles add up to 总数 and say what the sentence says.
      const [total, completed, ongoing, overdue, longTerm] = await Promise.all(
        ['rows', 'completed', 'ongoing', 'overdue', 'longTerm'].map(num),
      );
      expect(completed + ongoing + overdue).toBe(total);
      const sentence = (await p.getByTestId('report-sentence').textContent()) ?? '';
      if (office === 'zh-CN') {
        expect(sentence).toContain(
          `制定整改措施${total}项，已完成${completed}项（其中长期任务已取得阶段性成效${longTerm}项），正在推进${ongoing}项，逾期未完成${overdue}项。`,
        );
      } else {
        expect(sentence).toContain(`${completed} completed`);
        expect(sentence).toContain(`${ongoing} in progress, ${overdue} overdue`);
      }
      // No figure label is cut off or scrolls sideways in either language.
      const cut = await p
        .locator('[data-figure] dt')
        .evaluateAll((labels) =>
          labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
        );
      expect(cut).toEqual([]);
      expect(await p.locator('#container').evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(false);
      await shot('check');

      // Every list on the check view: open it, the counts stay visible (pixels), choose, close.
      const counts = await boxOf(p, '[data-testid="figures"]');
      const before = await inkOf(p, counts);
      expect(before.ink).toBeGreaterThan(0.05);
      expect(before.red).toBeGreaterThan(0);

      const kind = p.getByRole('combobox', { name: L.kind });
      const kindList = await openList(p, kind);
      expectSameLook(await inkOf(p, counts), before);
      await shot('filter-open');
      await kindList.options.first().click();
      await p.keyboard.press('Escape');
      await kindList.list.waitFor({ state: 'hidden' });
      expectSameLook(await inkOf(p, counts), before);

      const dept = p.getByRole('combobox', { name: L.dept });
      const deptList = await openList(p, dept);
      expectSameLook(await inkOf(p, counts), before);
      await deptList.options.first().click();
      await deptList.list.waitFor({ state: 'hidden' });
      expectSameLook(await inkOf(p, counts), before);

      // Keyboard: open with Alt+ArrowDown, close with Escape: the pane is as before.
      await kind.focus();
      await p.keyboard.press('Alt+ArrowDown');
      await kindList.list.waitFor({ state: 'visible' });
      expectSameLook(await inkOf(p, counts), before);
      await p.keyboard.press('Escape');
      await kindList.list.waitFor({ state: 'hidden' });
      expectSameLook(await inkOf(p, counts), before);

      // 列设置: every column picker opens over a visible pane; one is chosen and put back.
      await p.getByRole('tab', { name: L.columns }).click();
      const top = { x: 0, y: 0, width: 350, height: 120 };
      const columnsBefore = await inkOf(p, top);
      expect(columnsBefore.ink).toBeGreaterThan(0.02);
      const pickers = p.locator('[role="combobox"][id^="field-"]');
      const n = await pickers.count();
      expect(n).toBeGreaterThanOrEqual(10);
      for (let i = 0; i < n; i++) {
        const picker = pickers.nth(i);
        await picker.scrollIntoViewIfNeeded();
        const { list } = await openList(p, picker);
        if (i === 0) await shot('columns-open');
        const look = await inkOf(p, top);
        expect(Math.abs(look.ink - columnsBefore.ink)).toBeLessThan(0.05);
        await p.keyboard.press('Escape');
        await list.waitFor({ state: 'hidden' });
      }
      const deptPicker = p.locator('#field-department');
      const deptPick = await openList(p, deptPicker);
      await deptPick.options.nth(1).click();
      await p.waitForFunction(() => {
        const wb = (window as unknown as { zgtz: { workbook: { savedSettings: Record<string, unknown> } } })
          .zgtz.workbook;
        return JSON.stringify(wb.savedSettings).includes('department');
      });
      // An InfoLabel's popover (the headers it recognises) opens over a visible pane too.
      await p
        .getByRole('button', { name: /能识别的表头|Headers recognised for/ })
        .first()
        .click();
      await p.waitForTimeout(100);
      expect(Math.abs((await inkOf(p, top)).ink - columnsBefore.ink)).toBeLessThan(0.05);
      await p.keyboard.press('Escape');
      await p
        .getByRole('button', {
          name: office === 'zh-CN' ? '全部恢复自动识别' : 'Detect all columns automatically',
        })
        .click();

      // The language list, at the foot of the pane.
      const langPicker = p.getByRole('combobox', { name: L.lang });
      await langPicker.scrollIntoViewIfNeeded();
      const langList = await openList(p, langPicker);
      expect(Math.abs((await inkOf(p, top)).ink - columnsBefore.ink)).toBeLessThan(0.05);
      await langList.options.first().click(); // 跟随 Office: stays in this language
      await langList.list.waitFor({ state: 'hidden' });
      expect(await p.getByRole('tab', { name: L.columns }).count()).toBe(1);

      // Import at 350 px: a compact list, department and deadline visible, the write button on screen.
      await p.getByRole('tab', { name: L.import }).click();
      await p.getByRole('textbox', { name: L.text }).fill(PLAN);
      await p.getByRole('button', { name: L.preview, exact: true }).click();
      const rows = p.getByTestId('import-preview-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(2);
      for (const box of await rows.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
        expect(box.right).toBeLessThanOrEqual(351);
      }
      expect(await rows.first().textContent()).toContain('办公室');
      const write = p.getByRole('button', { name: L.write });
      const writeBox = await write.boundingBox();
      expect(writeBox!.y + writeBox!.height).toBeLessThanOrEqual(900);
      await shot('import-preview');
      await write.click();
      // The new sheet is shown, and the pane says the next check reads it.
      await p.waitForFunction(() => {
        const wb = (window as unknown as { zgtz: { workbook: { selected: { sheet: string } | null } } }).zgtz
          .workbook;
        return wb.selected !== null && wb.selected.sheet !== '整改台账';
      });
      const shown = await p.evaluate(
        () =>
          (window as unknown as { zgtz: { workbook: { selected: { sheet: string } } } }).zgtz.workbook
            .selected.sheet,
      );
      await p
        .getByText(office === 'zh-CN' ? `已切换到工作表“${shown}”` : `Sheet "${shown}" is now shown`)
        .waitFor();
      await p.getByRole('tab', { name: office === 'zh-CN' ? '检查台账' : 'Check' }).click();
      await p.getByRole('button', { name: L.check, exact: true }).click();
      await p.getByText(office === 'zh-CN' ? `工作表“${shown}”，截至` : `Sheet "${shown}", as of`).waitFor();
      await shot('checked-imported');

      // An expected condition (an empty sheet) is said in one sentence, not logged as an error.
      await p.evaluate(() => {
        const wb = (window as unknown as { zgtz: { workbook: FakeWorkbook } }).zgtz.workbook;
        wb.addSheet('空白表');
        wb.activeSheet = wb.sheets.length - 1;
      });
      await p.getByRole('button', { name: L.check, exact: true }).click();
      await p
        .getByRole('alert')
        .filter({ hasText: office === 'zh-CN' ? '是空的' : 'is empty' })
        .waitFor();
      expect(await p.getByTestId('figures').count()).toBe(0);

      expect(errors).toEqual([]);
      await p.close();
    });
  }

  it('without office.js (the CDN blocked) the real pane says so in one sentence', async () => {
    const ctx = await browser!.newContext({ viewport: { width: 360, height: 500 }, locale: 'zh-CN' });
    const refused: string[] = [];
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      refused.push(url);
      return route.abort('blockedbyclient');
    });
    const p = await ctx.newPage();
    await p.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
    const alert = p.locator('[data-boot-problem="no-office-js"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('appsforoffice.microsoft.com');
    expect(refused.some((u) => u.includes('appsforoffice.microsoft.com'))).toBe(true);
    await p.screenshot({ path: path.join(OUT, 'taskpane-no-office.png') });
    await ctx.close();
  });
});
