/** @jest-environment jsdom */
/**
 * Issue 8: the pane renders a finding's message itself, in the pane's language, from the finding's
 * code and parameters (not the sentence the check happened to be run in).
 */
import './setup';
import { render, screen } from '@testing-library/react';
import { FindingList } from '../../src/taskpane/components/FindingList';
import { STRINGS } from '../../src/taskpane/i18n';
import type { Finding, SheetReport } from '../../src/core/types';

test('a finding checked in Chinese reads in English in the English pane, and back', () => {
  const report = {
    name: '台账',
    columns: { deadline: { column: 'G', header: '整改时限' } },
  } as unknown as SheetReport;
  const f: Finding = {
    code: 'invalid-date',
    severity: 'error',
    row: 12,
    column: 'G',
    columnNumber: 7,
    field: 'deadline',
    params: {
      field: 'deadline',
      value: '2月30日',
      reason: { code: 'no-such-day', year: 2024, month: 2, day: 30 },
    },
    message: '整改时限“2月30日”不是有效日期（2024年2月没有30日），请改为如“2024年6月30日”的写法。',
  };
  const view = render(
    <FindingList t={STRINGS.en} report={report} findings={[f]} onSelect={() => undefined} />,
  );
  expect(screen.getByText(/is not a valid date/).textContent).toBe(
    'Deadline "2月30日" is not a valid date (2024-02 has no day 30); write it like 2024-06-30.',
  );
  view.rerender(<FindingList t={STRINGS.zh} report={report} findings={[f]} onSelect={() => undefined} />);
  expect(screen.getByText(/不是有效日期/).textContent).toBe(
    '整改时限“2月30日”不是有效日期（2024年2月没有30日），请改为如“2024年6月30日”的写法。',
  );
});
