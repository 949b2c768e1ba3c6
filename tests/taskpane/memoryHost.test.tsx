/** @jest-environment jsdom */
import './setup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import App from '../../src/taskpane/App';
import { createMemoryHost } from '../../src/testhost/memoryHost';

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
