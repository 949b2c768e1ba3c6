/** @jest-environment jsdom */
/**
 * Issue 10: the same finding on consecutive rows is one entry in the pane's list ("第 2–7 行") and
 * one line of 待补充清单 ("2–7"), not six.
 */
import './setup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import App from '../../src/taskpane/App';
import { defaultSettings } from '../../src/core/options';
import type { PlanCell } from '../../src/core/sheetPlan';
import { fakeHost } from './fakeHost';

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

const ROWS = [
  ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
  ...[1, 2, 3, 4, 5, 6].map((i) => [i, `问题${i}`, `措施${i}`, null, '2024年12月31日', '正在推进']),
  [7, '问题7', '措施7', '办公室', '2024年12月31日', '正在推进'],
  [8, '问题8', '措施8', null, '2024年12月31日', '正在推进'],
];

const cellText = (c: PlanCell | undefined) =>
  c && 'text' in c ? c.text : c && 'value' in c ? String(c.value) : '';

test('six rows without a department are one entry, and one line of 待补充清单', async () => {
  const host = fakeHost({ rows: ROWS, saved: { ...defaultSettings(), asOf: '2024-06-20' } });
  render(<App host={host} />);
  await act(async () => {
    await Promise.resolve();
  });
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence');

  const entries = screen.queryAllByRole('button', { name: /^定位到/ });
  expect(entries.map((e) => e.querySelector('.fui-Caption1, span')?.textContent)).toEqual([
    '第 2–7 行 · D 列',
    '第 9 行 · D 列',
  ]);
  // The section still counts every finding.
  expect(screen.getByRole('button', { name: /缺责任单位/ }).textContent).toContain('7');
  await act(async () => {
    fireEvent.click(entries[0]);
  });
  expect(host.calls.selectCell.at(-1)).toEqual({ sheet: '台账', address: 'D2' });

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
  });
  await waitFor(() => expect(host.calls.writeSheets).toHaveLength(1), { timeout: 5000 });
  const list = host.calls.writeSheets[0].find((p) => p.kind === 'to-complete-list')!;
  const lines = list.rows.filter((r) => /^\d/.test(cellText(r[1])));
  expect(lines.map((r) => [cellText(r[1]), cellText(r[2]), cellText(r[4])])).toEqual([
    ['2–7', '问题1 等6行', '缺责任单位'],
    ['9', '问题8', '缺责任单位'],
  ]);
});

test('the 交办日期 setting is saved with the workbook and starts relative deadlines', async () => {
  const host = fakeHost({
    rows: [
      ['存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
      ['问题一', '措施一', '办公室', '5个工作日内', '正在推进'],
      ['问题二', '措施二', '督查科', '一个月内', '正在推进'],
    ],
    saved: { ...defaultSettings(), asOf: '2026-11-21' },
  });
  render(<App host={host} />);
  await act(async () => {
    await Promise.resolve();
  });
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence');
  expect(screen.getByRole('button', { name: /相对时限缺交办日期/ })).toBeTruthy();

  fireEvent.click(screen.getByRole('tab', { name: '列设置' }));
  await act(async () => {
    fireEvent.change(screen.getByLabelText('交办日期'), { target: { value: '2026-11-02' } });
  });
  expect(host.calls.saveSettings.at(-1)?.issuedOn).toBe('2026-11-02');

  fireEvent.click(screen.getByRole('tab', { name: '检查台账' }));
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await waitFor(() => expect(host.calls.read).toBe(2), { timeout: 5000 });
  // 5个工作日内 from 11/2 → 11/9, overdue on 11/21; 一个月内 → 12/2, due in 11 days.
  await waitFor(() => expect(screen.queryByRole('button', { name: /相对时限缺交办日期/ })).toBeNull(), {
    timeout: 5000,
  });
  expect(document.querySelector('[data-figure="overdue"] dd')?.textContent).toBe('1');
});
