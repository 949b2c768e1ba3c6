/** @jest-environment jsdom */
import './setup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import App from '../../src/taskpane/App';
import { defaultSettings } from '../../src/core/options';
import { fakeHost, type FakeHost } from './fakeHost';

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

async function renderApp(host: FakeHost) {
  const view = render(<App host={host} />);
  await act(async () => {
    await Promise.resolve();
  });
  return view;
}

/** Direct look-ups: role queries over the whole columns view are slow in jsdom. */
const combo = (name: string) => {
  const el = document.querySelector<HTMLElement>(`[role="combobox"][aria-label="${name}"]`);
  if (!el) throw new Error(`no combobox ${name}`);
  return el;
};
/** Options of the listbox a combobox controls (a closed dropdown's listbox may linger in jsdom). */
const listboxOf = (el: HTMLElement = document.querySelector('[role="combobox"][aria-expanded="true"]')!) =>
  document.getElementById(el.getAttribute('aria-controls') ?? '') ?? document.body;
const optionTexts = () => [...listboxOf().querySelectorAll('[role="option"]')].map((o) => o.textContent);
const option = (text: string) => {
  const el = [...listboxOf().querySelectorAll<HTMLElement>('[role="option"]')].find(
    (o) => o.textContent === text,
  );
  if (!el) throw new Error(`no option ${text}`);
  return el;
};

const openColumns = () => fireEvent.click(screen.getByRole('tab', { name: '列设置' }));

test('saved settings are loaded on start and shown in 列设置', async () => {
  const saved = {
    ...defaultSettings(),
    dueSoonDays: 14,
    markDone: true,
    asOf: '2024-06-20',
    columnOverrides: { problem: 3 },
  };
  const host = fakeHost({ saved });
  await renderApp(host);
  openColumns();
  expect((screen.getByRole('spinbutton') as HTMLInputElement).value).toBe('14');
  expect((screen.getByRole('switch', { name: '标记已完成（绿色）' }) as HTMLInputElement).checked).toBe(true);
  expect((screen.getByLabelText('统计截止日期') as HTMLInputElement).value).toBe('2024-06-20');
  expect(combo('存在问题').textContent).toContain('C 列');
  expect(host.calls.saveSettings).toHaveLength(0);
});

test('changes are saved at once and used by the next check', async () => {
  const host = fakeHost({ saved: { ...defaultSettings(), asOf: '2024-06-20' } });
  const { container } = await renderApp(host);
  openColumns();

  await act(async () => {
    fireEvent.click(screen.getByRole('switch', { name: '标记已完成（绿色）' }));
  });
  expect(host.calls.saveSettings.at(-1)?.markDone).toBe(true);
  expect(await screen.findByText('设置已保存。')).toBeTruthy();

  await act(async () => {
    fireEvent.change(screen.getByLabelText('统计截止日期'), { target: { value: '2024-06-10' } });
  });
  expect(host.calls.saveSettings.at(-1)?.asOf).toBe('2024-06-10');

  await act(async () => {
    fireEvent.click(screen.getByRole('checkbox', { name: '责任人' }));
  });
  expect(host.calls.saveSettings.at(-1)?.required).toContain('person');

  await act(async () => {
    fireEvent.keyDown(screen.getByRole('spinbutton'), { key: 'ArrowUp' });
  });
  expect(host.calls.saveSettings.at(-1)?.dueSoonDays).toBe(8);

  // The next check uses them: as of 10 June nothing is overdue yet; done rows are marked green.
  fireEvent.click(screen.getByRole('tab', { name: '检查台账' }));
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence');
  expect(container.querySelector('[data-figure="overdue"] dd')?.textContent).toBe('0');
  expect(host.calls.applyMarks[0].groups.map((g) => g.kind)).toContain('done');
});

test('a column chosen by hand is saved and used; 自动识别 puts detection back', async () => {
  const host = fakeHost({ saved: { ...defaultSettings(), asOf: '2024-06-20' } });
  await renderApp(host);
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence');
  openColumns();

  const dept = combo('责任单位');
  expect(dept.textContent).toBe('自动识别：D 列 · 责任单位');
  fireEvent.click(dept);
  const options = optionTexts();
  expect(options).toEqual([
    '自动识别：D 列 · 责任单位',
    '（无此列）',
    'A 列 · 序号',
    'B 列 · 存在问题',
    'C 列 · 整改措施',
    'D 列 · 责任单位',
    'E 列 · 整改时限',
    'F 列 · 整改进展',
  ]);
  await act(async () => {
    fireEvent.click(option('（无此列）'));
  });
  expect(host.calls.saveSettings.at(-1)?.columnOverrides).toEqual({ department: null });

  // The results are now out of date, and the pane says so.
  fireEvent.click(screen.getByRole('tab', { name: '检查台账' }));
  expect(screen.getByText('设置已更改，请重新检查台账以更新结果。')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await waitFor(() => expect(host.calls.read).toBe(2));
  await waitFor(() => expect(screen.queryByText('设置已更改，请重新检查台账以更新结果。')).toBeNull());
  // (The stale notice is also hidden while the check runs: wait for the new results themselves.)
  expect(await screen.findByRole('button', { name: /缺少列/ })).toBeTruthy();

  openColumns();
  fireEvent.click(combo('责任单位'));
  await act(async () => {
    fireEvent.click(option('自动识别'));
  });
  expect(host.calls.saveSettings.at(-1)?.columnOverrides).toEqual({});
});

test('a failed save says so in plain words', async () => {
  const host = fakeHost({ saved: null });
  host.saveSettings = async () => {
    throw new Error('RichApi.Error: GeneralException');
  };
  await renderApp(host);
  openColumns();
  await act(async () => {
    fireEvent.click(screen.getByRole('switch', { name: '标记已完成（绿色）' }));
  });
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('保存设置没有完成');
  expect(alert.textContent).not.toContain('RichApi');
});

test('English when Office is in English', async () => {
  const host = fakeHost({ language: 'en-US', saved: { ...defaultSettings(), asOf: '2024-06-20' } });
  const { container } = await renderApp(host);
  expect(screen.getByRole('tab', { name: 'Columns' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Check ledger' }));
  await screen.findByTestId('report-sentence');
  expect(container.querySelector('[data-figure="overdue"] dt')?.textContent).toBe('Overdue');
  expect(screen.getByText('Findings (3)')).toBeTruthy();
  expect(screen.getByTestId('report-sentence').textContent).toMatch(/[A-Za-z]/);
  expect(screen.queryByText('检查台账')).toBeNull();
});

test('a sheet without a recognisable header can be checked after choosing its columns', async () => {
  const host = fakeHost({
    saved: { ...defaultSettings(), asOf: '2024-06-20' },
    rows: [
      ['事项', '做法', '科室', '期限', '情况'],
      ['台账不规范', '建立销号制度', '督查科', '2024年6月30日', '正在推进'],
      ['学习不深入', '制定学习计划', '办公室', '2024年5月31日', '推进中'],
    ],
  });
  await renderApp(host);
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByText(/找不到台账表头/);
  fireEvent.click(screen.getByRole('button', { name: '到“列设置”里指定各列' }));

  const choose = async (field: string, text: string) => {
    fireEvent.click(combo(field));
    await act(async () => {
      fireEvent.click(option(text));
    });
  };
  await choose('存在问题', 'A 列 · 事项');
  await choose('整改措施', 'B 列 · 做法');
  await choose('责任单位', 'C 列 · 科室');
  await choose('整改时限', 'D 列 · 期限');
  await choose('整改进展', 'E 列 · 情况');
  expect(host.saved?.columnOverrides).toEqual({
    problem: 1,
    measure: 2,
    department: 3,
    deadline: 4,
    status: 5,
  });

  fireEvent.click(screen.getByRole('tab', { name: '检查台账' }));
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence');
  expect(document.querySelector('[data-figure="rows"] dd')?.textContent).toBe('2');
  expect(document.querySelector('[data-figure="overdue"] dd')?.textContent).toBe('1');
});
