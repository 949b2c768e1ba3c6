/** @jest-environment jsdom */
import './setup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import App from '../../src/taskpane/App';
import { fakeHost, type FakeHost } from './fakeHost';

const PLAN = `X局巡察反馈问题整改方案
二、整改内容
(一)聚焦政策落实不到位问题
1.服务意识不强，存在“等靠要”思想；
整改措施：制定印发本局工作方案，成立工作领导小组。
责任部门：办公室
完成时限：2024年6月底
2.惠企政策落实不到位；
整改措施：梳理公布惠企政策清单，主动精准推送。
完成时限：2024年9月30日
`;

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

async function openImport(host: FakeHost) {
  render(<App host={host} />);
  await act(async () => {
    await Promise.resolve();
  });
  fireEvent.click(screen.getByRole('tab', { name: '方案导入' }));
}

const textarea = () => document.querySelector('textarea') as HTMLTextAreaElement;
const button = (name: string) => screen.getByRole('button', { name });

test('previews the rows first and writes the sheet only when asked', async () => {
  const host = fakeHost({ taken: ['整改台账'] });
  await openImport(host);
  fireEvent.change(textarea(), { target: { value: PLAN } });
  await act(async () => {
    fireEvent.click(button('预览'));
  });
  await screen.findByText('识别出 2 条整改措施');
  const rows = screen.getAllByTestId('import-preview-row');
  expect(rows).toHaveLength(2);
  expect(rows[0].textContent).toContain('制定印发本局工作方案');
  expect(rows[0].textContent).toContain('办公室');
  expect(rows[1].textContent).toContain('（缺）');
  // A compact list: each row names its department and deadline, no table to scroll sideways.
  expect(rows[0].textContent).toMatch(/责任单位：办公室/);
  expect(rows[0].textContent).toMatch(/整改时限：/);
  expect(document.querySelector('table')).toBeNull();
  expect(host.calls.writeSheets).toHaveLength(0);

  fireEvent.change(screen.getByRole('textbox', { name: '新工作表名称' }), {
    target: { value: '巡察整改台账' },
  });
  await act(async () => {
    fireEvent.click(button('写入新工作表'));
  });
  await waitFor(() => expect(host.calls.writeSheets).toHaveLength(1));
  const [plan] = host.calls.writeSheets[0];
  expect(plan.kind).toBe('imported-ledger');
  expect(plan.name).toBe('巡察整改台账');
  expect(await screen.findByText('已写入工作表“巡察整改台账”，共 2 条。')).toBeTruthy();
  expect(screen.getByText('其中 1 条缺责任单位，0 条缺整改时限，请在表中补填。')).toBeTruthy();
  // The new sheet is shown, so the next check reads it, and the pane says so.
  expect(host.calls.selectCell.at(-1)).toEqual({ sheet: '巡察整改台账', address: 'A1' });
  expect(screen.getByText('已切换到工作表“巡察整改台账”，点击“检查台账”将检查这张表。')).toBeTruthy();
  // Written once: the preview is closed so a second click cannot write the rows again.
  expect(screen.queryByRole('button', { name: '写入新工作表' })).toBeNull();
});

test('a sheet name already taken is reported with the name used', async () => {
  const host = fakeHost({ taken: ['整改台账'] });
  await openImport(host);
  fireEvent.change(textarea(), { target: { value: PLAN } });
  await act(async () => {
    fireEvent.click(button('预览'));
  });
  await act(async () => {
    fireEvent.click(await screen.findByRole('button', { name: '写入新工作表' }));
  });
  expect(await screen.findByText('已有同名工作表“整改台账”，新表命名为“整改台账(2)”。')).toBeTruthy();
});

test('text the parser cannot read gives its message and writes nothing', async () => {
  const host = fakeHost();
  await openImport(host);
  fireEvent.change(textarea(), { target: { value: '今天天气很好，我们去公园散步。' } });
  await act(async () => {
    fireEvent.click(button('预览'));
  });
  expect(await screen.findByText(/没有从文档中识别出整改问题或整改措施/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: '写入新工作表' })).toBeNull();
  expect(host.calls.writeSheets).toHaveLength(0);
});

test('changing the text after the preview asks for a new preview before writing', async () => {
  const host = fakeHost();
  await openImport(host);
  fireEvent.change(textarea(), { target: { value: PLAN } });
  await act(async () => {
    fireEvent.click(button('预览'));
  });
  await screen.findByText('识别出 2 条整改措施');
  fireEvent.change(textarea(), { target: { value: `${PLAN}\n3.新增问题；` } });
  expect(screen.getByText('文字已修改，请重新预览。')).toBeTruthy();
  expect(screen.queryByRole('button', { name: '写入新工作表' })).toBeNull();
  expect(host.calls.writeSheets).toHaveLength(0);
});

test('a .txt file fills the text box', async () => {
  const host = fakeHost();
  await openImport(host);
  const file = new File([PLAN], '方案.txt', { type: 'text/plain' });
  await act(async () => {
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
  });
  await waitFor(() => expect(textarea().value).toContain('整改措施：制定印发本局工作方案'));
});

test('the preview says when the document’s own totals disagree with the rows read', async () => {
  const host = fakeHost();
  await openImport(host);
  fireEvent.change(textarea(), {
    target: { value: PLAN.replace('二、整改内容', '共梳理问题3个。\n二、整改内容') },
  });
  await act(async () => {
    fireEvent.click(button('预览'));
  });
  await screen.findByText('识别出 2 条整改措施');
  expect(screen.getByTestId('import-totals-mismatch').textContent).toBe(
    '文档写明共有3个问题，本次读出2个问题，两者不一致，可能有漏读或多读，请对照原文逐条核对。',
  );

  fireEvent.change(textarea(), {
    target: { value: PLAN.replace('二、整改内容', '共梳理问题2个。\n二、整改内容') },
  });
  await act(async () => {
    fireEvent.click(button('预览'));
  });
  await screen.findByText('识别出 2 条整改措施');
  expect(screen.queryByTestId('import-totals-mismatch')).toBeNull();
});
