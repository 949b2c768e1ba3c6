/**
 * 合并各单位台账 in a real browser: Debian's Chromium (playwright-core) opens the test page (the
 * pane on the in-memory Excel), the clerk opens the view, picks the units' files from
 * tests/fixtures/units, and the pane reads them with the shared reader (no Node in the page),
 * previews the units, lists the unreadable files with their reasons, and writes the four sheets
 * into the workbook. Then it merges the workbook's own sheets, where the sheets it just wrote are
 * left out. Screenshots at task-pane width: test-output/merge-*.png.
 *
 * The page is built and served as in tests/browser/taskpane.browser.test.ts (loopback only).
 */
import { execFile } from 'child_process';
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FakeWorkbook } from '../../src/testhost/fakeExcel';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const PAGE_FILES = [path.join(DIST, 'testhost.html'), path.join(DIST, 'testhost.js')];
const OUT = path.join(ROOT, 'test-output');
const CHROMIUM = '/usr/bin/chromium';
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'units');

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`SKIPPED tests/browser/merge.browser.test.ts: ${CHROMIUM} is missing.`);
const describeInBrowser = haveChromium ? describe : describe.skip;

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

async function buildIfStale(): Promise<void> {
  const built = PAGE_FILES.every((f) => fs.existsSync(f))
    ? Math.min(...PAGE_FILES.map((f) => fs.statSync(f).mtimeMs))
    : 0;
  if (built >= newestSource()) return;
  const cli = require.resolve('webpack/bin/webpack.js', { paths: [ROOT] });
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, '--mode', 'production', '--env', 'testhost'],
      { cwd: ROOT, timeout: 200_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`building the test page failed: ${error.message}\n${stdout}\n${stderr}`))
          : resolve(),
    );
  });
  const now = new Date();
  for (const f of PAGE_FILES) fs.utimesSync(f, now, now);
}

async function serveDist(): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.normalize(path.join(DIST, urlPath === '/' ? 'testhost.html' : urlPath));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : file.endsWith('.js')
        ? 'text/javascript'
        : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Every fixture file as the clerk would pick them from the folder (and its subfolder). */
function pickedFiles(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-browser-'));
  fs.cpSync(FIXTURES, dir, { recursive: true });
  fs.utimesSync(
    path.join(dir, '县财政局整改台账.xlsx'),
    new Date('2024-06-10T09:00:00Z'),
    new Date('2024-06-10T09:00:00Z'),
  );
  const out: string[] = [];
  const visit = (p: string) => {
    for (const name of fs.readdirSync(p).sort()) {
      const full = path.join(p, name);
      if (fs.statSync(full).isDirectory()) visit(full);
      else if (/\.(xlsx|xls)$/i.test(name)) out.push(full);
    }
  };
  visit(dir);
  return out;
}

describeInBrowser('合并各单位台账 in Chromium', () => {
  let server: http.Server | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const offHost: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildIfStale();
    const served = await serveDist();
    server = served.server;
    fs.mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    context = await browser.newContext({
      viewport: { width: 360, height: 1100 },
      locale: 'zh-CN',
      serviceWorkers: 'block',
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${served.origin}/`)) return route.continue();
      offHost.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    await page.goto(`${served.origin}/testhost.html`, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('reads the picked files, previews the units, lists the unreadable ones and writes the sheets', async () => {
    // The figures below are as of 2024-06-30: set the pane's as-of date as a clerk would.
    await page.getByRole('tab', { name: '列设置' }).click();
    const asOf = page.getByLabel('统计截止日期');
    await asOf.fill('2024-06-30');
    await page.getByText('设置已保存。').waitFor();
    await page.getByRole('tab', { name: '合并台账' }).click();
    const input = page.getByTestId('merge-files');
    await input.waitFor({ state: 'attached' });
    const files = pickedFiles();
    expect(files).toHaveLength(11);
    await input.setInputFiles(files);

    const rows = page.getByTestId('merge-unit-row');
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(7);
    const units = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
    // Worst first, as in tests/cli/consolidate.test.ts (same files, figures worked out by hand).
    expect(units.map((u) => u[0].split('填报单位行')[0].split('工作表名')[0].split('文件名')[0])).toEqual([
      '县教育局',
      '城关镇',
      '县水利局',
      '县卫生健康局',
      '县财政局',
      '河口乡',
      '县民政局',
    ]);
    expect(units.map((u) => u.slice(1).map(Number))).toEqual([
      [6, 1, 1, 1],
      [4, 1, 1, 1],
      [3, 1, 0, 1],
      [5, 1, 0, 0],
      [4, 1, 0, 0],
      [3, 0, 0, 0],
      [2, 0, 0, 0],
    ]);
    expect(await page.getByTestId('merge-totals').textContent()).toBe(
      '共读取9个文件、7个单位、27项措施；2个文件未能读取（见下）；1个文件与其他文件属同一单位，未重复合并（见下）。',
    );
    const unreadable = await page.getByTestId('merge-unreadable').locator('li').allTextContents();
    expect(unreadable).toHaveLength(2);
    expect(unreadable.join('\n')).toMatch(/加密的台账\.xlsx：文件已加密/);
    expect(unreadable.join('\n')).toMatch(/损坏的文件\.xlsx：文件不完整或已损坏/);
    expect(await page.getByTestId('merge-duplicates').textContent()).toContain('县财政局');
    expect(await page.getByTestId('merge-sentence').textContent()).toMatch(/制定整改措施27项/);

    // At the task pane's width nothing scrolls sideways except the table inside its own frame.
    const sideways = await page.locator('#container').evaluate((e) => e.scrollWidth > e.clientWidth);
    expect(sideways).toBe(false);
    await page.screenshot({ path: path.join(OUT, 'merge-preview.png'), fullPage: true });

    await page.getByRole('button', { name: '写入汇总表' }).click();
    await page.getByText(/^已写入：/).waitFor();
    const written = await page.evaluate(() => {
      const wb = (window as unknown as { zgtz: { workbook: FakeWorkbook } }).zgtz.workbook;
      const units = wb.sheets.find((s) => s.name === '各单位情况')!;
      return {
        sheets: wb.sheets.map((s) => s.name),
        names: wb.names.map((n) => n.name),
        charts: units.charts.map((c) => ({ type: c.type, title: c.title })),
        pageLayout: units.pageLayout,
        frozen: units.frozenRows,
      };
    });
    expect(written.sheets).toEqual(['整改台账', '汇总台账', '各单位情况', '逾期清单', '待补充清单']);
    expect(written.names).toEqual(
      expect.arrayContaining([
        'ZGTZ_merged_ledger',
        'ZGTZ_unit_summary',
        'ZGTZ_merged_overdue_list',
        'ZGTZ_merged_to_complete_list',
      ]),
    );
    // Excel draws the chart of the units' progress and prints the table on A4 landscape.
    expect(written.charts).toEqual([{ type: 'BarStacked', title: '各单位整改进展' }]);
    expect(written.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
    expect(written.frozen).toBe(5);
    await page.screenshot({ path: path.join(OUT, 'merge-written.png'), fullPage: true });
  });

  it('merges the sheets of the open workbook, leaving out the sheets it wrote', async () => {
    await page.getByRole('button', { name: '合并本工作簿的各工作表' }).click();
    const rows = page.getByTestId('merge-unit-row');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="merge-unit-row"]').length === 1,
    );
    expect(await rows.count()).toBe(1);
    // The sample sheet names its unit on its 填报单位 line; the four sheets written above are left out.
    expect(await rows.first().locator('td').first().textContent()).toBe('办公室填报单位行');
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
