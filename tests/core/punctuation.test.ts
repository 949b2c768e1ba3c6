import { officialPunctuation as p } from '../../src/core/text/punctuation';

describe('officialPunctuation', () => {
  test('the report sentence in DOMAIN.md shape becomes official', () => {
    expect(
      p(
        '截至2024年4月15日,共梳理问题17个,制定整改措施30项,已完成28项(其中长期任务已取得阶段性成效9项),正在推进2项,逾期未完成0项。',
      ),
    ).toBe(
      '截至2024年4月15日，共梳理问题17个，制定整改措施30项，已完成28项（其中长期任务已取得阶段性成效9项），正在推进2项，逾期未完成0项。',
    );
  });

  test('labels, semicolons and spaces around converted marks', () => {
    expect(p('文件: 台账.xlsx')).toBe('文件：台账.xlsx');
    expect(p('共 30 项 , 其中逾期 2 项 ; 请督促')).toBe('共 30 项，其中逾期 2 项；请督促');
    expect(p('注:整改时限以文件为准。')).toBe('注：整改时限以文件为准。');
    expect(p('用法:ledger-import 方案.txt --out 台账.xlsx')).toBe(
      '用法：ledger-import 方案.txt --out 台账.xlsx',
    );
  });

  test('numbers, times and dates keep their half-width marks', () => {
    expect(p('共计1,234,567元,已拨付')).toBe('共计1,234,567元，已拨付');
    expect(p('会议时间:2024年6月1日 09:30,地点:三楼')).toBe('会议时间：2024年6月1日 09:30，地点：三楼');
    expect(p('第3,5行重复')).toBe('第3,5行重复');
  });

  test('parentheses around Chinese, or next to it, become full-width; English ones stay', () => {
    expect(p('整改时限(2024-06-30)已过')).toBe('整改时限（2024-06-30）已过');
    expect(p('不是 Excel 工作簿 (.xlsx),请另存')).toBe('不是 Excel 工作簿（.xlsx），请另存');
    // GB/T 15834: brackets in Chinese text are full-width even around English words.
    expect(p('请用 Excel (or WPS) 打开')).toBe('请用 Excel（or WPS）打开');
    expect(p('标记已完成(绿色)')).toBe('标记已完成（绿色）');
  });

  test('English words inside a Chinese sentence keep their own commas', () => {
    expect(p('支持 Excel, WPS and LibreOffice 打开的文件,请选择')).toBe(
      '支持 Excel, WPS and LibreOffice 打开的文件，请选择',
    );
  });

  test('web addresses stay as they are, the sentence around them does not', () => {
    expect(p('详见 https://example.gov.cn/a/b?x=1,2&y=(3):说明')).toBe(
      '详见 https://example.gov.cn/a/b?x=1,2&y=(3)：说明',
    );
    expect(p('下载地址:https://example.org/file_(v2).xlsx,请核对')).toBe(
      '下载地址：https://example.org/file_(v2).xlsx，请核对',
    );
    expect(p('见www.gov.cn,谢谢')).toBe('见www.gov.cn，谢谢');
  });

  test('English sentences, even with a few Chinese words, are left alone', () => {
    const en = 'Check that its header names columns such as 存在问题, 整改措施 and 责任单位 (see Columns).';
    expect(p(en)).toBe(en);
    expect(p('As of 15 April 2024, 3 measures (1 overdue): done.')).toBe(
      'As of 15 April 2024, 3 measures (1 overdue): done.',
    );
  });

  test('already official text and newlines are kept', () => {
    const s = '工作表“台账”：表头在第3行，共 30 项措施（17 个问题）\n  已完成 1；其中逾期 2';
    expect(p(s)).toBe(s);
    expect(p('第一行,\n第二行')).toBe('第一行，\n第二行');
  });
});

/**
 * Every Chinese sentence the tool writes is already official: the pane's strings, the engine's
 * finding messages, the report sentence, the summary sheets, the command line's report and the
 * host's error sentences. Ledger text (department and sheet names) is not ours and not checked.
 */
describe('every Chinese sentence the tool writes uses full-width ，（）：；', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { STRINGS } = require('../../src/taskpane/i18n') as typeof import('../../src/taskpane/i18n');
  const { findingMessage, CODE_ORDER } =
    require('../../src/core/findings') as typeof import('../../src/core/findings');
  const { summarize, summarySentence } =
    require('../../src/core/summary') as typeof import('../../src/core/summary');
  const { planSummarySheets } =
    require('../../src/core/summaryPlans') as typeof import('../../src/core/summaryPlans');
  const { formatReport } = require('../../src/cli/format') as typeof import('../../src/cli/format');
  const { errors } = require('../../src/excel/errors') as typeof import('../../src/excel/errors');
  const { sheetA, sheetB } = require('../helpers/reports') as typeof import('../helpers/reports');
  /* eslint-enable @typescript-eslint/no-require-imports */

  /** Every string reachable in the pane's Chinese strings, functions called with sample arguments. */
  function paneTexts(value: unknown, path: string, out: Array<[string, string]>): void {
    if (typeof value === 'string') out.push([path, value]);
    else if (typeof value === 'function') {
      const fn = value as (...a: unknown[]) => unknown;
      const n = Math.max(fn.length, 1);
      for (const sample of [3, 0, '台账', ['整改汇总']]) {
        try {
          paneTexts(fn(...Array.from({ length: n }, () => sample)), `${path}(${String(sample)})`, out);
        } catch {
          // not a function of this kind of argument
        }
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => paneTexts(v, `${path}[${i}]`, out));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) paneTexts(v, `${path}.${k}`, out);
  }

  test('the pane', () => {
    const texts: Array<[string, string]> = [];
    paneTexts(STRINGS.zh, 'zh', texts);
    expect(texts.length).toBeGreaterThan(100);
    const unofficial = texts.filter(([, s]) => p(s) !== s);
    expect(unofficial).toEqual([]);
  });

  test('finding messages', () => {
    const params = {
      field: 'deadline' as const,
      header: '整改时限',
      seen: ['序号', '存在问题'],
      value: '2024.13.1',
      reason: { code: 'no-such-month' as const, month: 13 },
      deadline: '2024-06-30',
      completedOn: '2024-07-02',
      days: 2,
      rows: [4, 9],
      department: '有关单位',
    };
    for (const code of CODE_ORDER) {
      const m = findingMessage(code, params, 'zh');
      expect([code, p(m)]).toEqual([code, m]);
    }
    expect(findingMessage('missing-column', { field: 'problem' }, 'zh')).toContain('（无）');
  });

  test('the report sentence, the summary sheets and the command line report', () => {
    const reports = [sheetA(), sheetB()];
    const summary = summarize(reports, { asOf: '2024-04-15', ledgerName: '甲局巡察整改台账' });
    const sentence = summarySentence(summary, 'zh');
    expect(p(sentence)).toBe(sentence);
    expect(sentence).toMatch(/^截至2024年4月15日，共梳理问题\d+个，制定整改措施\d+项，已完成\d+项（其中/);
    const cells = planSummarySheets(summary, { dueSoonDays: 7 })
      .flatMap((plan) => plan.rows.flat())
      .flatMap((c) => (c && (c.kind === 'text' || c.kind === 'link') ? [c.text] : []));
    expect(cells.length).toBeGreaterThan(50);
    // Ledger text copied into the lists is the clerk's own; our sentences are the ones with Han
    // and a mark, checked here.
    const ours = cells.filter((c) => p(c) !== c);
    expect(ours).toEqual([]);
    const cli = formatReport(
      '台账.xlsx',
      '2024-04-15',
      reports,
      [{ name: '说明', reason: '没有表头' }],
      'zh',
    );
    for (const line of cli.split('\n')) expect(p(line)).toBe(line);
  });

  test('host error sentences', () => {
    for (const make of Object.values(errors)) {
      const e = (make as (...a: string[]) => { zh: string })('台账', '条件格式');
      expect(p(e.zh)).toBe(e.zh);
    }
  });
});
