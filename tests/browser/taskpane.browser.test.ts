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
  const built = Math.min(...PAGE_FILES.map((f) => fs.statSync(f).mtimeMs));
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
    const caption = await page.getByText(/工作表“整改台账”，截至 \d{4}-\d{2}-\d{2}/).textContent();
    const asOf = /(\d{4}-\d{2}-\d{2})/.exec(caption ?? '')?.[1] ?? '';
    const report = await expectedReport(asOf);
    expect(report.stats.overdue).toBeGreaterThan(0);
    expect((await overdueValue.textContent())?.trim()).toBe(String(report.stats.overdue));
    const figure = async (key: string) =>
      (await page.locator(`[data-figure="${key}"] dd`).textContent())?.trim();
    expect(await figure('dueSoon')).toBe(String(report.stats.dueSoon));
    expect(await figure('missingDepartment')).toBe(String(report.stats.missingDepartment));
    expect(await figure('rows')).toBe(String(report.stats.rows));
    expect((await page.locator('[data-figure="overdue"] dt').textContent())?.trim()).toBe('逾期');

    // Counts first: the overdue tile is the first figure, above the findings, on the first screen.
    const figuresBox = await page.locator('[data-figure="overdue"]').boundingBox();
    const firstFinding = page.locator('[data-finding]').first();
    await firstFinding.waitFor();
    const findingBox = await firstFinding.boundingBox();
    expect(figuresBox).not.toBeNull();
    expect(figuresBox!.y + figuresBox!.height).toBeLessThanOrEqual(900);
    expect(figuresBox!.x + figuresBox!.width).toBeLessThanOrEqual(360);
    expect(findingBox!.y).toBeGreaterThan(figuresBox!.y);
    expect(await page.locator('[data-figure]').first().getAttribute('data-figure')).toBe('overdue');
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
});
