import { FIELDS, type Finding, type SheetReport } from '../../src/core/types';
import { HostError } from '../../src/excel/host';
import { STRINGS, langFromDisplay } from '../../src/taskpane/i18n';
import {
  departmentsOf,
  errorText,
  filterFindings,
  findingAddress,
  groupFindings,
  headerColumns,
} from '../../src/taskpane/logic';
import { grid } from '../helpers/grid';
import { row } from '../helpers/reports';

const finding = (over: Partial<Finding>): Finding => ({
  code: 'overdue',
  severity: 'error',
  row: 5,
  column: 'E',
  field: 'deadline',
  columnNumber: 5,
  params: {},
  message: 'm',
  ...over,
});

function report(findings: Finding[]): SheetReport {
  return {
    name: '台账',
    valid: false,
    headerRows: [2],
    columns: { problem: { column: 'C', header: '存在问题' }, index: { column: 'B', header: '序号' } },
    rows: [
      row({ row: 3, dept: '办公室' }),
      row({ row: 4, dept: '财务股、办公室' }),
      row({ row: 5, dept: '人事股' }),
    ],
    findings,
    stats: {} as SheetReport['stats'],
  };
}

test("a finding goes to its cell, else its row's first mapped column, else the header row", () => {
  const r = report([]);
  expect(findingAddress(finding({ row: 7, column: 'e' }), r)).toBe('E7');
  expect(findingAddress(finding({ row: 7, column: null }), r)).toBe('B7');
  expect(findingAddress(finding({ row: null, column: null, code: 'missing-column' }), r)).toBe('B2');
});

test('filters: by kind, by department (rows of that department only), both', () => {
  const fs = [
    finding({ row: 3, code: 'overdue' }),
    finding({ row: 4, code: 'due-soon' }),
    finding({ row: 5, code: 'overdue' }),
    finding({ row: null, column: null, code: 'missing-column' }),
  ];
  const r = report(fs);
  expect(filterFindings(r, { codes: [], department: null })).toHaveLength(4);
  expect(filterFindings(r, { codes: ['overdue'], department: null }).map((f) => f.row)).toEqual([3, 5]);
  expect(filterFindings(r, { codes: [], department: '办公室' }).map((f) => f.row)).toEqual([3, 4]);
  expect(filterFindings(r, { codes: ['overdue'], department: '办公室' }).map((f) => f.row)).toEqual([3]);
});

test('departments: most rows first, then first seen; groups follow the display order', () => {
  const r = report([
    finding({ code: 'due-soon' }),
    finding({ code: 'missing-column' }),
    finding({ code: 'overdue' }),
  ]);
  expect(departmentsOf(r)).toEqual(['办公室', '财务股', '人事股']);
  expect(groupFindings(r.findings).map((g) => g.code)).toEqual(['missing-column', 'overdue', 'due-soon']);
});

test('header columns: a two-row header with a group cell merged over its sub-columns', () => {
  const g = grid(
    [
      ['序号', '存在问题', '责任主体', '', '整改时限'],
      ['', '', '牵头单位', '配合单位', ''],
      [1, '问题', '办公室', '', '2024年6月'],
    ],
    { merges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2'] },
  );
  expect(headerColumns(g, { headerRows: [1, 2] })).toEqual([
    { column: 1, letter: 'A', text: '序号' },
    { column: 2, letter: 'B', text: '存在问题' },
    { column: 3, letter: 'C', text: '责任主体/牵头单位' },
    { column: 4, letter: 'D', text: '责任主体/配合单位' },
    { column: 5, letter: 'E', text: '整改时限' },
  ]);
  // Without a header, the row with the most separate texts stands in; a merged title never wins.
  const titled = grid([['某某会议安排'], ['时间', '地点', '参会人'], ['6月1日', '三楼', '张三']], {
    merges: ['A1:C1'],
  });
  expect(headerColumns(titled, null).map((c) => c.text)).toEqual(['时间', '地点', '参会人']);
});

test("errors: the host's own sentence, else a generic one; never the technical text", () => {
  const zh = STRINGS.zh;
  const he = new HostError(
    'cell-edit-mode',
    '请先退出单元格编辑，再点按钮。',
    'Finish editing the cell first.',
  );
  expect(errorText(he, 'zh', zh, 'check')).toBe('请先退出单元格编辑，再点按钮。');
  expect(errorText(he, 'en', STRINGS.en, 'check')).toBe('Finish editing the cell first.');
  // A HostError from another copy of the class (another bundle) is still recognised.
  const lookalike = Object.assign(new Error('x'), { name: 'HostError', zh: '中文', en: 'English' });
  expect(errorText(lookalike, 'zh', zh, 'check')).toBe('中文');
  const generic = errorText(new Error('GeneralException at line 3'), 'zh', zh, 'clearMarks');
  expect(generic).toBe('清除标记没有完成：出现了意外的问题。请重试；如果问题仍在，请保存工作簿后重新打开。');
});

test('language: English only when Office says so', () => {
  expect(langFromDisplay('en-US')).toBe('en');
  expect(langFromDisplay('EN-gb')).toBe('en');
  expect(langFromDisplay('zh-CN')).toBe('zh');
  expect(langFromDisplay('')).toBe('zh');
  expect(langFromDisplay(undefined)).toBe('zh');
});

test('every field and finding code has a name in both languages', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const f of FIELDS) expect(STRINGS[lang].fields[f]).toBeTruthy();
  }
  expect(STRINGS.zh.fields.department).toBe('责任单位');
});
