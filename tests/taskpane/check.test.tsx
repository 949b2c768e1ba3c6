/** @jest-environment jsdom */
import './setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import App from '../../src/taskpane/App';
import { defaultSettings } from '../../src/core/options';
import { HostError } from '../../src/excel/host';
import { fakeHost, type FakeHost } from './fakeHost';

const settings = { ...defaultSettings(), asOf: '2024-06-20' };

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
});

async function renderApp(host: FakeHost) {
  const view = render(<App host={host} />);
  // Saved settings are loaded on start.
  await act(async () => {
    await Promise.resolve();
  });
  return view;
}

async function runCheck() {
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await screen.findByTestId('report-sentence');
}

function figure(container: HTMLElement, key: string): string {
  return container.querySelector(`[data-figure="${key}"] dd`)?.textContent ?? '';
}

function findingButtons(): HTMLElement[] {
  return screen.queryAllByRole('button', { name: /^定位到/ });
}

test('check reads the sheet, marks it, and shows the counts, the sentence and the findings', async () => {
  const host = fakeHost({ saved: settings });
  const { container } = await renderApp(host);
  await runCheck();

  expect(host.calls.read).toBe(1);
  expect(host.calls.applyMarks).toHaveLength(1);
  const plan = host.calls.applyMarks[0];
  expect(plan.sheet).toBe('台账');
  expect(plan.groups.map((g) => g.kind)).toEqual(['missing', 'overdue', 'due-soon']);

  expect(figure(container, 'rows')).toBe('4');
  expect(figure(container, 'overdue')).toBe('1');
  expect(figure(container, 'dueSoon')).toBe('1');
  expect(figure(container, 'missingDepartment')).toBe('1');
  // Grouped as the sentence counts: 4 = 已完成 2 (of which long-term 1) + 正在推进 1 + 逾期未完成 1.
  expect(figure(container, 'completed')).toBe('2');
  expect(figure(container, 'longTerm')).toBe('1');
  expect(figure(container, 'ongoing')).toBe('1');
  expect(figure(container, 'inProgress')).toBe('1');
  expect(figure(container, 'notStarted')).toBe('0');
  expect(container.querySelector('[data-figure="overdue"]')?.getAttribute('data-tone')).toBe('danger');
  expect(container.querySelector('[data-figure="dueSoon"]')?.getAttribute('data-tone')).toBe('warning');

  const sentence = screen.getByTestId('report-sentence').textContent ?? '';
  expect(sentence).toContain('截至2024年6月20日');
  expect(sentence).toContain('逾期未完成1项');
  expect(sentence).toContain('制定整改措施4项，已完成2项（其中长期任务已取得阶段性成效1项），正在推进1项');

  // Every kind present gets a section with its count; the first (overdue) is open.
  expect(screen.getByRole('button', { name: /逾期未完成/ })).toBeTruthy();
  expect(screen.getByRole('button', { name: /即将到期/ })).toBeTruthy();
  expect(screen.getByRole('button', { name: /缺责任单位/ })).toBeTruthy();
  expect(findingButtons().map((b) => b.getAttribute('aria-label'))).toEqual([
    expect.stringMatching(/^定位到 E3：已逾期6天/),
  ]);
  expect(screen.getByText(/第 3 行 · E 列/)).toBeTruthy();
});

test('clicking a finding, or Enter on it, selects its cell', async () => {
  const host = fakeHost({ saved: settings });
  await renderApp(host);
  await runCheck();

  fireEvent.click(screen.getByRole('button', { name: /缺责任单位/ }));
  const dept = await screen.findByRole('button', { name: /^定位到 D5/ });
  await act(async () => {
    fireEvent.click(dept);
  });
  expect(host.calls.selectCell).toEqual([{ sheet: '台账', address: 'D5' }]);

  await act(async () => {
    fireEvent.keyDown(screen.getByRole('button', { name: /^定位到 E3/ }), { key: 'Enter' });
  });
  await act(async () => {
    fireEvent.keyDown(screen.getByRole('button', { name: /^定位到 E3/ }), { key: ' ' });
  });
  expect(host.calls.selectCell.slice(1)).toEqual([
    { sheet: '台账', address: 'E3' },
    { sheet: '台账', address: 'E3' },
  ]);
  // Findings are in the tab order.
  expect(dept.getAttribute('tabindex')).toBe('0');
});

test('filters by kind and by department narrow the list', async () => {
  const host = fakeHost({ saved: settings });
  await renderApp(host);
  await runCheck();

  // By kind: only due-soon.
  fireEvent.click(screen.getByRole('combobox', { name: '按问题类型筛选' }));
  fireEvent.click(screen.getByRole('menuitemcheckbox', { name: /即将到期/ }));
  await waitFor(() => expect(screen.queryByRole('button', { name: /逾期未完成/ })).toBeNull());
  expect(screen.getByText('发现的问题（显示 1 / 3 条）')).toBeTruthy();
  expect(findingButtons().map((b) => b.getAttribute('aria-label'))).toEqual([
    expect.stringMatching(/^定位到 E4/),
  ]);

  fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
  await waitFor(() => expect(screen.getByText('发现的问题（3 条）')).toBeTruthy());

  // By department: 办公室 has the overdue row 3 only (row 6 is long-term, no finding).
  const dept = screen.getByRole('combobox', { name: '按责任单位筛选' });
  fireEvent.click(dept);
  const options = screen.getAllByRole('option').map((o) => o.textContent);
  expect(options).toEqual(['办公室', '财务股', '人事股']);
  fireEvent.click(screen.getByRole('option', { name: '人事股' }));
  await waitFor(() => expect(screen.getByText('发现的问题（显示 1 / 3 条）')).toBeTruthy());
  expect(screen.queryByRole('button', { name: /逾期未完成/ })).toBeNull();
  expect(screen.getByRole('button', { name: /即将到期/ })).toBeTruthy();
});

test('清除标记 calls clearMarks and says how many were removed', async () => {
  const host = fakeHost({ saved: settings, marksToClear: 5 });
  await renderApp(host);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  });
  expect(host.calls.clearMarks).toBe(1);
  expect(await screen.findByText('已清除 5 处标记。')).toBeTruthy();
});

test('生成汇总 writes the summary sheets and names any renamed one', async () => {
  const host = fakeHost({ saved: settings, taken: ['整改汇总'] });
  await renderApp(host);
  await runCheck();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
  });
  // The summary planner is loaded on first use (compiled on the fly here): wait for its sentence.
  const status = await screen.findByText(/^已生成汇总表：/, {}, { timeout: 5000 });
  expect(host.calls.writeSheets).toHaveLength(1);
  const plans = host.calls.writeSheets[0];
  expect(plans.map((p) => p.kind)).toContain('summary');
  // The new sheet is shown, and the pane says how to get back to the ledger.
  expect(host.calls.selectCell.at(-1)).toEqual({ sheet: '整改汇总(2)', address: 'A1' });
  expect(
    screen.getByText('已切换到工作表“整改汇总(2)”；再次检查前，请先回到台账工作表“台账”。'),
  ).toBeTruthy();
  expect(status.textContent).toContain('整改汇总(2)');
  expect(screen.getByText('已有同名工作表“整改汇总”，新表命名为“整改汇总(2)”。')).toBeTruthy();
});

test('a HostError shows its Chinese sentence, and other errors a plain one without details', async () => {
  const err = new HostError(
    'protected',
    '工作表受保护，无法标记。请先撤销工作表保护。',
    'The sheet is protected.',
  );
  const host = fakeHost({ saved: settings, readError: err });
  await renderApp(host);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  });
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('工作表受保护，无法标记。请先撤销工作表保护。');
  expect(alert.textContent).not.toContain('protected');

  const host2 = fakeHost({
    saved: settings,
    readError: new TypeError("Cannot read properties of undefined (reading 'x')"),
  });
  const second = await renderApp(host2);
  await act(async () => {
    fireEvent.click(within(second.container).getByRole('button', { name: '检查台账' }));
  });
  const alert2 = await within(second.container).findByRole('alert');
  expect(alert2.textContent).toContain('检查没有完成');
  expect(alert2.textContent).toContain('请保存工作簿后重新打开');
  expect(alert2.textContent).not.toContain('Cannot read');
});

test('results stand when marking fails, with the reason', async () => {
  const err = new HostError('protected', '工作表受保护，无法标记。', 'The sheet is protected.');
  const host = fakeHost({ saved: settings, applyError: err });
  const { container } = await renderApp(host);
  await runCheck();
  expect(figure(container, 'overdue')).toBe('1');
  expect((await screen.findByText(/没有能在表格中标色/)).textContent).toBeTruthy();
  expect(screen.getByText('工作表受保护，无法标记。')).toBeTruthy();
});

test('no header: the message, the texts seen, and a way to the column settings', async () => {
  const host = fakeHost({
    saved: settings,
    rows: [['会议纪要'], ['时间', '地点', '参会人'], ['6月1日', '三楼', '张三']],
  });
  await renderApp(host);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  });
  expect(await screen.findByText(/找不到台账表头/)).toBeTruthy();
  // Each text near the top is named once in the panel (the message names them; no second list).
  const panel = screen.getByRole('region', { name: '没有找到表头' }).textContent ?? '';
  for (const text of ['会议纪要', '时间', '地点', '参会人']) expect(panel.split(text).length - 1).toBe(1);
  expect(host.calls.applyMarks).toHaveLength(0);

  fireEvent.click(screen.getByRole('button', { name: '到“列设置”里指定各列' }));
  expect(screen.getByRole('tab', { name: '列设置' }).getAttribute('aria-selected')).toBe('true');
  // The sheet's columns are offered to choose from.
  fireEvent.click(screen.getByRole('combobox', { name: '存在问题' }));
  expect(screen.getByRole('option', { name: 'B 列 · 地点' })).toBeTruthy();
});

test('shows progress while reading and does not start a second check meanwhile', async () => {
  const host = fakeHost({ saved: settings });
  let release: () => void = () => undefined;
  const original = host.readActiveSheet.bind(host);
  host.readActiveSheet = async (onProgress) => {
    onProgress?.({ done: 200, total: 1000 });
    await new Promise<void>((r) => (release = r));
    return original(onProgress);
  };
  await renderApp(host);
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  expect(await screen.findByText('已读取 200 / 1000 行')).toBeTruthy();
  expect(screen.getByRole('progressbar')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  await act(async () => {
    release();
  });
  await screen.findByTestId('report-sentence');
  expect(host.calls.read).toBe(1);
  expect(screen.queryByRole('progressbar')).toBeNull();
});

test('a failed check replaces the old results; an expected condition is not logged as an error', async () => {
  const host = fakeHost({ saved: settings });
  await renderApp(host);
  await runCheck();
  expect(screen.getByTestId('figures')).toBeTruthy();
  const error = jest.spyOn(console, 'error');
  const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  error.mockClear();
  host.readActiveSheet = async () => {
    throw new HostError(
      'empty-sheet',
      '工作表“Sheet2”是空的，没有可检查的内容。',
      'The sheet "Sheet2" is empty.',
    );
  };
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  });
  expect((await screen.findByRole('alert')).textContent).toContain('工作表“Sheet2”是空的');
  // The counts of the other sheet are gone: nothing on screen contradicts the message.
  expect(screen.queryByTestId('figures')).toBeNull();
  expect(screen.queryByTestId('report-sentence')).toBeNull();
  expect(error).not.toHaveBeenCalled();
  expect(info).toHaveBeenCalledWith(expect.stringContaining('empty-sheet'));
});

test('a check can be cancelled between chunks of the read: nothing is marked, the sheet unchanged', async () => {
  const host = fakeHost({ saved: settings });
  let release: () => void = () => undefined;
  const original = host.readActiveSheet.bind(host);
  host.readActiveSheet = async (onProgress) => {
    // Two chunks of a large sheet: the cancel arrives while the second is on its way.
    onProgress?.({ done: 25_000, total: 50_000 });
    await new Promise<void>((resolve) => (release = resolve));
    onProgress?.({ done: 50_000, total: 50_000 });
    return original();
  };
  await renderApp(host);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
  });
  expect(await screen.findByText('已读取 25000 / 50000 行')).toBeTruthy();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
  });
  await act(async () => {
    release();
  });
  expect(await screen.findByText('已取消检查，工作表没有任何改动。')).toBeTruthy();
  expect(host.calls.applyMarks).toHaveLength(0);
  expect(screen.queryByTestId('figures')).toBeNull();
  expect(screen.queryByRole('button', { name: '取消' })).toBeNull();
  // The next check runs in full.
  host.readActiveSheet = original;
  await runCheck();
  expect(host.calls.applyMarks).toHaveLength(1);
});

test('生成汇总 shows its progress while the sheets are written', async () => {
  const host = fakeHost({ saved: settings });
  let release: () => void = () => undefined;
  const original = host.writeSheets.bind(host);
  host.writeSheets = async (plans) => {
    await new Promise<void>((resolve) => (release = resolve));
    return original(plans);
  };
  await renderApp(host);
  await runCheck();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成汇总' }));
  });
  expect(await screen.findByText('正在写入汇总表…', {}, { timeout: 5000 })).toBeTruthy();
  await act(async () => {
    release();
  });
  expect(await screen.findByText(/^已生成汇总表：/)).toBeTruthy();
  expect(screen.queryByText('正在写入汇总表…')).toBeNull();
});
