/**
 * Plans in other shapes (tests/fixtures/plans), counted by hand, and small inline texts.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { parseRectificationDoc, type ImportSuccess } from '../../src/core/import/parse';
import { buildOutline, matchNumbering, splitLines } from '../../src/core/import/outline';
import {
  splitDepartments,
  splitEnumeration,
  quotedProblem,
  statusPhrase,
} from '../../src/core/import/fields';
import { readDeadline } from '../../src/core/import/deadline';

const PLANS = join(__dirname, '..', 'fixtures', 'plans');
const plan = (name: string) => readFileSync(join(PLANS, name), 'utf8');

function ok(text: string, year?: number): ImportSuccess {
  const r = parseRectificationDoc(text, { asOf: '2025-03-01', year });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('progress report with quoted problems (report_quoted.txt)', () => {
  // Hand count: 二、具体问题整改情况 has (一) with 1. 2. and (二) with 1. 2. → 4 problems, each
  // "针对“…”的问题". Measures: (一)1. 一是/二是 → 2; (一)2. 一是/二是 → 2; (二)1. one 整改措施 → 1;
  // (二)2. one 整改措施 holding two measures joined by "；" (作风纪律专项整治…；建立干部作风正负面
  // 清单) → 2; total 7, as the document itself says ("制定整改措施7项"). The first count here was 6,
  // which read the last paragraph as one measure; the stated total settles it.
  // 一、总体情况, 三、今后工作打算 and 联系人 → no rows.
  const r = ok(plan('report_quoted.txt'));

  test('counts and mode', () => {
    expect(r.mode).toBe('report');
    expect(r.problems).toBe(4);
    expect(r.measures).toBe(7);
    expect(r.totals).toMatchObject({ problems: 4, measures: 7, agrees: true });
  });

  test('quoted problems, per-measure progress and the closing sentence', () => {
    const [a, b, c, d, e, f, g] = r.rows;
    expect(a.category).toBe('关于贯彻落实党的路线方针政策方面');
    expect(a.problem).toBe('理论学习不够深入,学用结合不紧密');
    expect(a.measure).toBe('制定2024年党组理论学习中心组学习计划,全年开展集中学习12次,已完成');
    expect(a.status).toBe('已完成');
    expect(b.status).toBe('正在推进');
    expect(c.problem).toBe('高标准农田建设项目推进缓慢');
    expect(c.measure).toBe('成立项目专班,每周调度进展');
    expect(c.status).toBe('已全部办结');
    expect(d.status).toBe('已全部办结');
    expect(d.measure).not.toContain('目前');
    expect(e.category).toBe('关于全面从严治党方面');
    expect(e.departments).toEqual(['办公室']);
    expect(e.deadline).toBe('2024-08-31');
    expect(e.deadlineText).toBe('2024年8月底');
    expect(e.status).toBe('已完成');
    expect(f.departments).toEqual(['人事股', '机关纪委']);
    expect(f.measure).toBe('开展作风纪律专项整治,对迟到早退等行为通报批评');
    expect(f.deadlineText).toBe('');
    expect(f.status).toBe('正在推进,已召开警示教育会2次');
    expect(g.problemIndex).toBe(f.problemIndex);
    expect(g.departments).toEqual(['人事股', '机关纪委']);
    expect(g.deadline).toBeNull();
    expect(g.deadlineText).toBe('长期坚持');
  });

  test('no row from 今后工作打算 or contact lines', () => {
    expect(JSON.stringify(r.rows)).not.toMatch(/回头看|联系电话|长效机制。|张三/);
  });
});

describe('three-level plan with full-width bracket tails (three_level.txt)', () => {
  // Hand count: 二、整改任务: (一) has 1.(2 measures) 2.(2 measures); (二) has 1.(2 measures)
  // 2.(1 measure) → 4 problems, 7 measures. 一、指导思想 and 三、组织保障 → no rows.
  // Departments: 4 of the 7 measures carry a （责任单位：…）tail → 3 rows lack one.
  // Deadlines: 5 tails carry a 完成时限 (one 长期坚持, one 立行立改) → 2 rows lack one.
  const r = ok(plan('three_level.txt'));

  test('counts', () => {
    expect(r.problems).toBe(4);
    expect(r.measures).toBe(7);
    expect(r.missing).toEqual({ problem: 0, measure: 0, department: 3, deadline: 2 });
  });

  test('levels are read from content: (一) category, 1. problem, (1) measure', () => {
    const [a, b, c, , e, f, g] = r.rows;
    expect(a.category).toBe('党的领导方面存在的问题');
    expect(a.problem).toBe('落实意识形态工作责任制不到位,研判分析不及时。');
    expect(a.measure).toBe('每半年召开一次意识形态工作专题会议,研判意识形态领域形势。');
    expect(a.departments).toEqual(['办公室']);
    expect(a.deadline).toBe('2025-06-30');
    expect(b.deadline).toBe('2025-12-31');
    expect(b.problemIndex).toBe(a.problemIndex);
    expect(c.departments).toEqual(['机关党委', '人事科']);
    expect(c.deadlineText).toBe('长期坚持');
    expect(e.category).toBe('审计业务方面存在的问题');
    expect(e.deadline).toBe('2025-03-31');
    expect(f.deadlineText).toBe('立行立改');
    expect(f.deadline).toBeNull();
    expect(g.problem).toBe('审计档案管理不规范。');
    expect(g.departments).toEqual([]);
  });
});

describe('① numbering under "整改措施:" with fields after the list (circled.txt)', () => {
  // Hand count: 一、整改内容 has 1. 2. 3. → 3 problems; 1. ①② and 2. ①② and 3. one measure → 5.
  // 1.'s 责任部门/责任人/整改时限 follow its list and belong to both ①②; 2. has no 责任部门
  // (2 rows lack one); 3. has no 整改时限 (1 row lacks one). 二、工作要求 → no rows.
  const r = ok(plan('circled.txt'));

  test('counts', () => {
    expect(r.problems).toBe(3);
    expect(r.measures).toBe(5);
    expect(r.missing).toEqual({ problem: 0, measure: 0, department: 2, deadline: 1 });
  });

  test('fields after the list apply to every measure of the problem', () => {
    const [a, b, c, , e] = r.rows;
    expect(a.measure).toBe('立即清理消防通道杂物,设置禁止堆放标识');
    expect(a.departments).toEqual(['后勤服务中心']);
    expect(a.person).toBe('李四');
    expect(a.deadline).toBe('2024-05-31');
    expect(b.measure).toBe('更换损坏的应急照明灯具。');
    expect(b.person).toBe('李四');
    expect(c.deadline).toBe('2024-06-30');
    expect(c.departments).toEqual([]);
    expect(e.departments).toEqual(['人力资源部']);
    expect(e.deadlineText).toBe('');
  });
});

describe('plain hierarchy without any labels (no_labels.txt)', () => {
  // Hand count: 一、 has (一) with 1. 2. and (二) with 1.; 二、 has (一) with 1. 2. 3.
  // → 3 problems, 6 measures, every department and deadline missing.
  const r = ok(plan('no_labels.txt'));

  test('counts and cells', () => {
    expect(r.problems).toBe(3);
    expect(r.measures).toBe(6);
    expect(r.missing).toEqual({ problem: 0, measure: 0, department: 6, deadline: 6 });
    expect(r.rows[0].category).toBe('村容村貌方面');
    expect(r.rows[0].problem).toBe('部分村庄房前屋后垃圾乱堆乱放,清理不及时。');
    expect(r.rows[1].measure).toBe('建立保洁员日常巡查制度。');
    expect(r.rows[5].category).toBe('污水治理方面');
    expect(r.rows[5].measure).toBe('加强设施运维管理。');
  });
});

describe('inline shapes', () => {
  test('ASCII brackets, 存在问题/整改措施 labels, several measures per problem', () => {
    const r = ok(
      [
        '整改方案',
        '一、存在的问题及整改措施',
        '(一)作风建设方面',
        '1.存在问题:会议多、文件多。',
        '整改措施:精简会议文件。',
        '责任单位:办公室;整改时限:2024年6月底前',
        '整改措施:每季度通报发文数量。',
        '责任单位:办公室/督查室',
        '整改时限:长期坚持',
      ].join('\n'),
    );
    expect(r.problems).toBe(1);
    expect(r.measures).toBe(2);
    expect(r.rows[0]).toMatchObject({
      category: '作风建设方面',
      problem: '会议多、文件多。',
      measure: '精简会议文件。',
    });
    expect(r.rows[0].deadline).toBe('2024-06-30');
    expect(r.rows[1].departments).toEqual(['办公室', '督查室']);
    expect(r.rows[1].deadlineText).toBe('长期坚持');
  });

  test('a document with nothing recognisable fails with a Chinese message', () => {
    const r = parseRectificationDoc('今天天气很好。\n我们去公园散步。');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/没有从文档中识别出/);
    const empty = parseRectificationDoc('   \n\n');
    expect(empty.ok).toBe(false);
  });

  test('a document made only of non-problem sections fails', () => {
    const r = parseRectificationDoc(
      '一、指导思想\n坚持问题导向。\n二、工作要求\n(一)加强组织领导。\n联系人:张三',
    );
    expect(r.ok).toBe(false);
  });

  test('an invalid deadline is reported, not rolled over', () => {
    const r = ok('1.针对“台账不全”的问题。整改措施:补齐台账。责任单位:办公室。整改时限:2024年2月30日。');
    expect(r.rows[0].deadline).toBeNull();
    expect(r.rows[0].deadlineText).toBe('2024年2月30日');
    expect(r.warnings.some((w) => w.includes('2024年2月30日'))).toBe(true);
  });
});

describe('helpers', () => {
  test('markers', () => {
    expect(matchNumbering('一、总体要求')?.kind).toBe('cn');
    expect(matchNumbering('（一）聚焦')?.kind).toBe('cn-paren');
    expect(matchNumbering('(一)聚焦')?.kind).toBe('cn-paren');
    expect(matchNumbering('1.问题')?.kind).toBe('num');
    expect(matchNumbering('1、问题')?.kind).toBe('num');
    expect(matchNumbering('（1）措施')?.kind).toBe('num-paren');
    expect(matchNumbering('②措施')?.kind).toBe('circled');
    expect(matchNumbering('1.5亿元资金')).toBeNull();
    expect(matchNumbering('2024年6月')).toBeNull();
    expect(matchNumbering('一是加强')).toBeNull();
  });

  test('outline nests by first appearance', () => {
    const root = buildOutline(splitLines('(一)A\n1.a\n2.b\n(二)B\n1.c'));
    expect(root.children.map((c) => c.title)).toEqual(['A', 'B']);
    expect(root.children[0].children.map((c) => c.title)).toEqual(['a', 'b']);
  });

  test('departments split on every separator, kept as written', () => {
    expect(splitDepartments('办公室、财务股,人事股;机关党委/纪检组\n督查室。')).toEqual([
      '办公室',
      '财务股',
      '人事股',
      '机关党委',
      '纪检组',
      '督查室',
    ]);
    expect(splitDepartments('')).toEqual([]);
  });

  test('enumerations', () => {
    expect(splitEnumeration('一是建立制度;二是开展培训;三是加强督查。')).toEqual([
      '建立制度',
      '开展培训',
      '加强督查。',
    ]);
    expect(splitEnumeration('①清理;②更换。')).toEqual(['清理', '更换。']);
    expect(splitEnumeration('建立制度。')).toEqual(['建立制度。']);
  });

  test('quoted problems and status phrases', () => {
    expect(quotedProblem('针对“学习不深入”的问题,开展学习')).toEqual({
      problem: '学习不深入',
      rest: '开展学习',
    });
    expect(quotedProblem('加强学习')).toBeNull();
    expect(statusPhrase('已于2023年12月13日全部整改完毕')).toBe('整改完毕');
    expect(statusPhrase('尚未完成')).toBe('尚未完成');
    expect(statusPhrase('制定方案')).toBe('');
  });

  test('deadlines', () => {
    expect(readDeadline('6月7日至6月14日', 2024)).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(readDeadline('2024年6月底前', 2020).date).toBe('2024-06-30');
    expect(readDeadline('三、四季度', 2024).date).toBe('2024-12-31');
    expect(readDeadline('长期坚持', 2024).kind).toBe('long_term');
    expect(readDeadline('立行立改', 2024).kind).toBe('immediate');
    expect(readDeadline('2024年2月30日', 2024).kind).toBe('invalid');
  });
});

describe('never throws', () => {
  const pieces = [
    '一、',
    '(一)',
    '（二）',
    '1.',
    '(1)',
    '①',
    '整改措施:',
    '责任单位:',
    '〔责任单位:',
    '〕',
    '具体举措:',
    '推进计划:一季度',
    '针对“',
    '”的问题',
    '一是',
    '二是',
    '已完成',
    '整改时限:',
    '6月7日至6月14日',
    '阶段(',
    ')',
    '\n',
    '。',
    ';',
    '、',
    '工作要求',
    'X',
  ];
  test('any text gives rows or a failure message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((a) => a.join('')),
        ),
        (s) => {
          const r = parseRectificationDoc(s, { asOf: '2024-01-01' });
          if (r.ok) {
            expect(r.rows.length).toBeGreaterThan(0);
            expect(r.measures).toBe(r.rows.length);
            for (const row of r.rows)
              expect(row.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(row.deadline)).toBe(true);
          } else {
            expect(r.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
