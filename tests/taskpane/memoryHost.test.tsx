/** @jest-environment jsdom */
import './setup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import App from '../../src/taskpane/App';
import { createMemoryHost } from '../../src/testhost/memoryHost';
import { ledgerWorkbook } from '../../src/testhost/longLedger';

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

test('the pane on the real Office.js host code over an in-memory workbook: check, go to, summary, clear', async () => {
  const host = createMemoryHost();
  render(<App host={host} />);
  await act(async () => {
    await Promise.resolve();
  });
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence', {}, { timeout: 5000 });
  const ledger = host.workbook.sheets.find((s) => s.name === '整改台账');
  expect(ledger?.rules.length).toBeGreaterThan(0);

  const first = screen.getAllByRole('button', { name: /^定位到/ })[0];
  const address = /^定位到 ([A-Z]+\d+)/.exec(first.getAttribute('aria-label') ?? '')?.[1];
  await act(async () => {
    fireEvent.click(first);
  });
  await waitFor(() => expect(host.workbook.selected).toEqual({ sheet: '整改台账', address }));

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
  });
  await screen.findByText(/^已生成汇总表：/, {}, { timeout: 5000 });
  expect(host.workbook.sheets.map((s) => s.name)).toContain('整改汇总');
  // The summary is shown; the clerk goes back to the ledger before clearing its marks.
  expect(host.workbook.selected).toEqual({ sheet: '整改汇总', address: 'A1' });
  await act(async () => {
    await host.selectCell('整改台账', 'A1');
  });

  const rules = ledger?.rules.length ?? 0;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  });
  expect(await screen.findByText(`已清除 ${rules} 处标记。`)).toBeTruthy();
  expect(ledger?.rules).toHaveLength(0);
});

test('a sheet the tool wrote is not checked: one sentence, nothing marked', async () => {
  const host = createMemoryHost();
  render(<App host={host} />);
  await act(async () => {
    await Promise.resolve();
  });
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence', {}, { timeout: 5000 });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
  });
  await screen.findByText(/^已生成汇总表：/, {}, { timeout: 5000 });

  // The pane shows 整改汇总; then the clerk opens 逾期清单, whose header looks like a ledger's.
  for (const name of ['整改汇总', '逾期清单']) {
    await act(async () => {
      await host.selectCell(name, 'A1');
    });
    const rulesBefore = host.workbook.sheets.map((s) => s.rules.length);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
    });
    expect(
      await screen.findByText(`工作表“${name}”是本工具生成的，不是台账，请转到台账所在的工作表再检查。`),
    ).toBeTruthy();
    expect(screen.queryByTestId('report-sentence')).toBeNull();
    expect(host.workbook.sheets.map((s) => s.rules.length)).toEqual(rulesBefore);
    expect(host.workbook.sheet(name).rules).toHaveLength(0);
  }
});

/** Everything a sheet keeps that marking or writing could change, to compare before and after. */
function sheetsOf(host: ReturnType<typeof createMemoryHost>) {
  return JSON.stringify({
    sheets: host.workbook.sheets.map((s) => ({ name: s.name, cells: [...s.cells], rules: s.rules })),
    names: host.workbook.names,
  });
}

test('取消 while writing the summary: the progress bar moves, and the workbook is as it was', async () => {
  const host = createMemoryHost(ledgerWorkbook(1500));
  render(<App host={host} />);
  await act(async () => {
    await Promise.resolve();
  });
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence', {}, { timeout: 5000 });
  const before = sheetsOf(host);

  const wb = host.workbook;
  const start = wb.syncCount;
  const fractions: Array<string | null> = [];
  wb.beforeSync = (i) => {
    fractions.push(screen.queryByRole('progressbar')?.getAttribute('aria-valuenow') ?? null);
    // The clerk clicks 取消 while the third request is on its way.
    if (i === start + 3) fireEvent.click(screen.getByRole('button', { name: '取消' }));
  };
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
  });
  expect(await screen.findByText('已取消生成汇总，工作簿没有任何改动。', {}, { timeout: 5000 })).toBeTruthy();
  wb.beforeSync = null;
  expect(sheetsOf(host)).toBe(before);
  expect(fractions.some((f) => f !== null && Number(f) > 0)).toBe(true);
  expect(screen.queryByRole('button', { name: '取消' })).toBeNull();
});

test('取消 while marking: the results stay, the earlier marks are kept', async () => {
  const host = createMemoryHost();
  render(<App host={host} />);
  await act(async () => {
    await Promise.resolve();
  });
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence', {}, { timeout: 5000 });
  const before = sheetsOf(host);
  expect(host.workbook.sheet('整改台账').rules.length).toBeGreaterThan(0);

  // Again, with the clerk clicking 取消 during the first request of the marking (the second run).
  const wb = host.workbook;
  const runs = wb.runCount;
  let clicked = false;
  wb.beforeSync = () => {
    if (clicked || wb.runCount !== runs + 2) return;
    clicked = true;
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
  };
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  });
  expect(
    await screen.findByText('已取消标记，检查结果照常显示，原有标记保持不变。', {}, { timeout: 5000 }),
  ).toBeTruthy();
  wb.beforeSync = null;
  expect(clicked).toBe(true);
  expect(screen.getByTestId('report-sentence')).toBeTruthy();
  expect(sheetsOf(host)).toBe(before);
});
