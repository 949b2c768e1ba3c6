import { classifyStatus } from '../../src/core/progress';
import type { ProgressState } from '../../src/core/types';

type Case = [text: string, expected: ProgressState];

function table(cases: Case[]): void {
  test.each(cases)('%j → %s', (text, expected) => {
    expect(classifyStatus(text)).toBe(expected);
  });
}

describe('classifyStatus: done', () => {
  table([
    ['已完成', 'done'],
    ['完成', 'done'],
    ['已整改', 'done'],
    ['已办结', 'done'],
    ['已全部办结', 'done'],
    ['整改完毕', 'done'],
    ['已销号', 'done'],
    ['已落实', 'done'],
    ['已整改到位', 'done'],
    ['办结', 'done'],
    ['√', 'done'],
    ['✓', 'done'],
    ['✔', 'done'],
    ['已于2023年12月13日全部整改完毕', 'done'],
    ['已于2024年3月底前完成整改', 'done'],
    ['已经完成', 'done'],
    ['均已完成', 'done'],
    ['已按期完成', 'done'],
    ['已全部完成整改', 'done'],
    ['该问题已整改到位', 'done'],
    ['已按要求整改到位', 'done'],
    ['整改到位', 'done'],
    ['整改完成', 'done'],
    ['完成整改', 'done'],
    ['全部完成', 'done'],
    ['按期完成', 'done'],
    ['落实到位', 'done'],
    ['已完成。', 'done'],
    ['完成了', 'done'],
    ['2023年12月完成', 'done'],
    ['2024.3.15完成', 'done'],
    ['已解决', 'done'],
    ['已建立长效机制', 'done'],
    ['已出台《机关财务管理办法》', 'done'],
    ['已完成100%', 'done'],
    ['完成率100%', 'done'],
    ['100%', 'done'],
    ['进度:100%', 'done'],
  ]);
});

describe('classifyStatus: in progress', () => {
  table([
    ['正在推进', 'in_progress'],
    ['推进中', 'in_progress'],
    ['整改中', 'in_progress'],
    ['正在整改', 'in_progress'],
    ['基本完成', 'in_progress'],
    ['部分完成', 'in_progress'],
    ['已基本完成整改', 'in_progress'],
    ['大部分已完成', 'in_progress'],
    ['初步完成', 'in_progress'],
    ['已取得阶段性成效', 'in_progress'],
    ['取得阶段性进展', 'in_progress'],
    ['正在推进,已完成工程量的75%', 'in_progress'],
    ['正在推进，已完成工程量的75%', 'in_progress'],
    ['完成率50%', 'in_progress'],
    ['已完成60%', 'in_progress'],
    ['进度:35.5%', 'in_progress'],
    ['已完成一半', 'in_progress'],
    ['正在实施中', 'in_progress'],
    ['办理中', 'in_progress'],
    ['有序推进', 'in_progress'],
    ['已启动', 'in_progress'],
    ['已制定整改方案', 'in_progress'],
    ['已开展专项检查', 'in_progress'],
  ]);
});

describe('classifyStatus: not done is not done', () => {
  // Decision: a negated completion means the measure exists but is unfinished → in_progress.
  table([
    ['尚未完成', 'in_progress'],
    ['未完成', 'in_progress'],
    ['没有完成', 'in_progress'],
    ['仍未完成', 'in_progress'],
    ['未整改到位', 'in_progress'],
    ['尚未整改到位', 'in_progress'],
    ['未全部完成', 'in_progress'],
    ['未按期完成', 'in_progress'],
    ['逾期未完成', 'in_progress'],
    ['暂未办结', 'in_progress'],
    ['未销号', 'in_progress'],
    ['整改不到位', 'in_progress'],
    ['整改不彻底', 'in_progress'],
    ['无法按期完成', 'in_progress'],
    ['完成情况:未完成', 'in_progress'],
    ['未完', 'in_progress'],
  ]);
});

describe('classifyStatus: plans are not done', () => {
  table([
    ['计划6月底完成', 'in_progress'],
    ['预计2024年12月完成', 'in_progress'],
    ['力争年底前整改到位', 'in_progress'],
    ['确保6月30日前完成', 'in_progress'],
    ['将于下半年完成整改', 'in_progress'],
    ['6月底前完成', 'in_progress'],
    ['年底前全部完成', 'in_progress'],
    ['拟于7月启动', 'not_started'],
    ['计划下月开始', 'not_started'],
  ]);
});

describe('classifyStatus: long-running', () => {
  table([
    ['长期坚持', 'long_term'],
    ['长期推进', 'long_term'],
    ['持续整改', 'long_term'],
    ['持续整改中', 'long_term'],
    ['持续推进', 'long_term'],
    ['长期任务', 'long_term'],
    ['已取得阶段性成效,长期坚持', 'long_term'],
    ['已取得阶段性成效(长期任务)', 'long_term'],
    ['已完成阶段性任务,将长期坚持', 'long_term'],
    ['常态化推进', 'long_term'],
    ['long-term', 'long_term'],
    ['Long term', 'long_term'],
  ]);
});

describe('classifyStatus: not started', () => {
  table([
    ['未启动', 'not_started'],
    ['未开始', 'not_started'],
    ['尚未开始', 'not_started'],
    ['尚未启动', 'not_started'],
    ['暂未开展', 'not_started'],
    ['待启动', 'not_started'],
    // Decision: a bare 未整改 means nothing has been rectified yet.
    ['未整改', 'not_started'],
    ['尚未整改', 'not_started'],
    ['完成率0%', 'not_started'],
    ['0%', 'not_started'],
  ]);
});

describe('classifyStatus: the first decisive clause, and done must be unambiguous', () => {
  table([
    // A later clause that says work is still going on undoes an earlier "done".
    ['已完成前期调研,正在推进', 'in_progress'],
    ['已完成一期,二期未启动', 'in_progress'],
    ['已完成3项,剩余2项正在整改', 'in_progress'],
    ['已完成整改;但仍未完成验收材料归档', 'in_progress'],
    // What was completed is only a step, a plan or a part.
    ['已完成前期调研', 'in_progress'],
    ['已完成整改方案制定', 'in_progress'],
    ['已完成部分整改', 'in_progress'],
    // Forward-looking clauses and waiting for sign-off do not undo done.
    ['已完成整改,下一步将继续抓好整改落实', 'done'],
    ['已完成整改,待验收', 'done'],
    ['整改完毕待销号', 'done'],
    ['已完成，佐证材料已归档', 'done'],
    ['已整改到位。下一步将持续巩固整改成果', 'done'],
    // A weak first clause gives way to a strong later one.
    ['按计划推进,已全部完成', 'done'],
    // Labels before a colon are not decisive.
    ['进展情况:已完成', 'done'],
    ['整改情况：正在推进', 'in_progress'],
    // In one clause without punctuation, whichever comes first decides.
    ['正在推进已完成土方施工', 'in_progress'],
    // Waiting for sign-off alone is still open.
    ['待验收', 'in_progress'],
    ['待销号', 'in_progress'],
    ['已申请销号', 'in_progress'],
    // "未发现" is not a negated completion.
    ['未发现新问题,已整改完毕', 'done'],
    // Numbers that are not progress figures are ignored.
    ['已完成整改,群众满意度达95%', 'done'],
  ]);
});

describe('classifyStatus: English', () => {
  table([
    ['done', 'done'],
    ['Done', 'done'],
    ['DONE.', 'done'],
    ['completed', 'done'],
    ['Complete', 'done'],
    ['finished', 'done'],
    ['in progress', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['inprogress', 'in_progress'],
    ['in-progress', 'in_progress'],
    ['ongoing', 'in_progress'],
    ['on-going', 'in_progress'],
    ['under way', 'in_progress'],
    ['not started', 'not_started'],
    ['Not yet started', 'not_started'],
    ['not completed', 'in_progress'],
    ['not done', 'in_progress'],
    ['incomplete', 'in_progress'],
    ['partially completed', 'in_progress'],
    ['to be completed by June', 'in_progress'],
    ['completion rate 50%', 'in_progress'],
  ]);
});

describe('classifyStatus: width, spaces and invisible characters are ignored', () => {
  table([
    ['已 完 成', 'done'],
    ['  已完成  ', 'done'],
    ['已完成\n', 'done'],
    ['\u3000已完成\u3000', 'done'],
    ['已\u200B完成', 'done'],
    ['正在推进，已完成工程量的７５％', 'in_progress'],
    ['完成率５０％', 'in_progress'],
    ['ＤＯＮＥ', 'done'],
    ['ｉｎ ｐｒｏｇｒｅｓｓ', 'in_progress'],
    ['正 在 推 进', 'in_progress'],
    ['未 完 成', 'in_progress'],
  ]);
});

describe('classifyStatus: missing and unknown', () => {
  table([
    ['', 'missing'],
    ['   ', 'missing'],
    ['\u3000', 'missing'],
    ['\n\t', 'missing'],
    ['/', 'missing'],
    ['-', 'missing'],
    ['——', 'missing'],
    ['。', 'missing'],
    ['、,;', 'missing'],
    ['…', 'missing'],
    ['无', 'unknown'],
    ['×', 'unknown'],
    ['见附件', 'unknown'],
    ['2024-06-14', 'unknown'],
    ['xyz', 'unknown'],
    ['进展情况:', 'unknown'],
    ['完成情况', 'unknown'],
  ]);

  test('non-string input from a loose host does not throw', () => {
    expect(classifyStatus(null as unknown as string)).toBe('missing');
    expect(classifyStatus(undefined as unknown as string)).toBe('missing');
    expect(classifyStatus(100 as unknown as string)).toBe('unknown');
    expect(classifyStatus({} as unknown as string)).toBe('unknown');
  });
});

describe('classifyStatus: a bare substring match on 完成 is wrong', () => {
  test.each(['完成率50%', '计划6月底完成', '尚未完成', '未完成', '基本完成', '部分完成', '已完成前期调研'])(
    '%j is not done',
    (text) => {
      expect(classifyStatus(text)).not.toBe('done');
    },
  );
});

describe('classifyStatus: repeated calls agree (cache)', () => {
  test('the same text gives the same answer every time', () => {
    const texts = ['已完成', '正在推进,已完成工程量的75%', '尚未完成', '长期坚持', ''];
    const first = texts.map(classifyStatus);
    for (let i = 0; i < 3; i++) expect(texts.map(classifyStatus)).toEqual(first);
  });

  test('many distinct texts (more than the cache holds) stay correct', () => {
    for (let i = 0; i < 10000; i++) {
      expect(classifyStatus(`已于2023年12月${(i % 28) + 1}日完成(${i})`)).toBe('done');
    }
    expect(classifyStatus('已完成')).toBe('done');
    expect(classifyStatus('未完成')).toBe('in_progress');
  });
});

describe('classifyStatus: long and hostile cells', () => {
  test.each([
    '1'.repeat(30000) + 'x',
    '已' + '1'.repeat(30000) + 'x',
    '2023年12月'.repeat(4000) + 'x',
    '未'.repeat(30000),
    '已于'.repeat(15000),
    '(('.repeat(15000),
    'not '.repeat(8000),
  ])(
    'a %#th pathological cell is read without backtracking blow-up (the jest timeout would catch it)',
    (text) => {
      expect(typeof classifyStatus(text)).toBe('string');
    },
  );

  test('a very long report is judged by its start', () => {
    expect(classifyStatus('已于2023年12月13日全部整改完毕。' + '相关情况说明'.repeat(5000))).toBe('done');
    expect(classifyStatus('正在推进,' + '已完成'.repeat(5000))).toBe('in_progress');
  });
});
