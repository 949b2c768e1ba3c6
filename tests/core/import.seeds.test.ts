/**
 * The three real plans in tests/fixtures/seeds, with counts made by hand from the documents.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseRectificationDoc, type ImportSuccess } from '../../src/core/import/parse';

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const read = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

function ok(text: string, year?: number): ImportSuccess {
  const r = parseRectificationDoc(text, { asOf: '2025-03-01', year });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('seed 000: 交通运输局优化法治营商环境专项整治工作方案', () => {
  // Hand count, section 二、整治内容 only (一、工作目标, 三、工作步骤, 四、工作要求 are no problems):
  //   (一) 政策落实不到位: 1. 2.          → 2 problems
  //   (二) 制度执行不严格: 1. 2. 3. 4.    → 4
  //   (三) 行政执法不规范: 1. 2.          → 2
  //   (四) 司法保障不充分: 1.             → 1
  //   (五) 市场竞争不公平: 1. 2.          → 2
  //   (六) 政商关系“亲清不分”: 1.        → 1
  //   (七) 政务服务慢作为: 1. 2. 3. 4.    → 4
  //   total 16 problems, each with exactly one "整改措施:" paragraph and one "责任部门:" line
  //   → 16 measures. No item has its own deadline; 三、(三)全面整改阶段(6月7日至6月14日) gives
  //   2024-06-14 (year from "X〔2024〕X号" in the preamble).
  const r = ok(read('000_110dbbfea9921064.txt'));

  test('16 problems, 16 measures, 7 categories', () => {
    expect(r.problems).toBe(16);
    expect(r.measures).toBe(16);
    expect(new Set(r.rows.map((x) => x.category)).size).toBe(7);
    expect(r.year).toBe(2024);
    expect(r.missing).toEqual({ problem: 0, measure: 0, department: 0, deadline: 0 });
  });

  test('sample rows', () => {
    const first = r.rows[0];
    expect(first.category).toBe('聚焦政策落实不到位问题');
    expect(first.problem).toBe(
      '优化营商环境工作站位不高,服务意识不强,存在“等靠要”思想,单位、股室之间相互配合协作差',
    );
    expect(first.measure.startsWith('制定印发本局工作方案')).toBe(true);
    expect(first.measure.endsWith('共同推动专项整治取得成效。')).toBe(true);
    expect(first.departments).toEqual(['局属各单位', '机关各股室']);
    expect(first.deadline).toBe('2024-06-14');
    expect(first.deadlineText).toBe('6月7日至6月14日');
    expect(first.deadlineSource).toBe('phase');
    expect(first.status).toBe('');

    const seventh = r.rows[6]; // (三)1.
    expect(seventh.category).toBe('聚焦行政执法不规范问题');
    expect(seventh.problem.startsWith('“双随机、一公开”监管不到位')).toBe(true);
    expect(seventh.departments).toEqual([
      '执法大队',
      '道路运输管理股',
      '水路与公共交通运输管理股',
      '计划建设股',
      '政策法规与审批股',
      '乡村道路指导站',
    ]);

    const fifteenth = r.rows[14]; // (七)3., department line ends with "。"
    expect(fifteenth.category).toBe('聚焦政务服务慢作为、消极作为等作风问题');
    expect(fifteenth.departmentsText).toBe(
      '政策法规与审批股、计划建设股、道路运输管理股、水路运输管理股、乡村道路技术指导站',
    );
    expect(fifteenth.departments).toHaveLength(5);

    const last = r.rows[15];
    expect(last.problem.startsWith('“一件事一次办”改革部门间协同不足')).toBe(true);
    expect(last.problemIndex).toBe(16);
  });

  test('no row comes from 工作目标, 工作步骤 or 工作要求', () => {
    const all = r.rows.map((x) => x.problem + x.measure + x.category).join('');
    expect(all).not.toMatch(/动员部署|自查自纠|加强组织领导|突出整治成效|以推动实现/);
  });

  test('--year overrides the document year', () => {
    expect(ok(read('000_110dbbfea9921064.txt'), 2025).rows[0].deadline).toBe('2025-06-14');
  });
});

describe('seed 001: 持续深化作风整顿优化营商环境专项行动实施方案', () => {
  // Hand count: only 三、重点整治内容 holds problems: (一)…(六), six 专项整治, each one paragraph
  // ending in a bracketed 〔责任单位:…〕 tail → 6 rows. Each heading reads "聚焦<focus>,开展<action>。
  // 重点整治/查处<what is wrong>": focus → 问题类别, action → 整改措施, the rest → 存在问题.
  // 一、总体要求, 二、落实工作机制 (no labels), 四、实施方法步骤, 五、强化组织保障 → no rows.
  // Deadline: 四、(三)整改落实阶段(8月1日-8月31日) → 2023-08-31 (year from the title "2023年…").
  const r = ok(read('001_fe03aabdc4fbb555.txt'));

  test('6 problems, 6 measures', () => {
    expect(r.problems).toBe(6);
    expect(r.measures).toBe(6);
    expect(r.year).toBe(2023);
    expect(r.missing.department).toBe(0);
    expect(r.missing.deadline).toBe(0);
  });

  test('sample rows', () => {
    const [a, , c, d] = r.rows;
    expect(a.category).toBe('聚焦吃拿卡要行为');
    expect(a.measure).toBe('开展“股梗阻”专项整治');
    expect(a.problem.startsWith('重点查处对政策片面理解')).toBe(true);
    expect(a.problem.endsWith('要求报销应由个人支付的费用等问题。')).toBe(true);
    expect(a.departments).toEqual(['县纪委县监委', '县委办', '县政府办', '各地各单位']);
    expect(a.deadline).toBe('2023-08-31');
    expect(c.measure).toBe('开展工程领域专项整治');
    expect(c.departments).toHaveLength(15);
    expect(d.category).toBe('聚焦生产条件配套');
    expect(d.problem).toBe('重点整治用地、用水、用电、用气、融资、纳税等方面存在的突出问题。');
    expect(d.departments[d.departments.length - 1]).toBe('XX高新区');
    expect(r.rows[5].departmentsText).toBe(
      '县委政法委、县法院、县司法局、县公安局、县检察院、县市场监管局、县工商联、县发改委、县工信局、县人社局、XX高新区',
    );
  });

  test('no row comes from 落实工作机制 or 组织保障', () => {
    const all = r.rows.map((x) => x.problem + x.measure).join('');
    expect(all).not.toMatch(/信息收集机制|公开警示机制|加强组织领导|严格督查问效/);
  });
});

describe('seed 002: 优化营商环境重点工作方案 (具体举措 + 推进计划, no headings)', () => {
  // Hand count: the document has 11 "具体举措:" paragraphs, each followed by a "推进计划:"
  // paragraph (two of them with a "责任单位:" line in between: the 5th 第三方服务 and the 7th
  // 产权遗留问题). No problem is stated anywhere → 11 measures, 0 problems, problem cells empty.
  // The closing (一)(二)(三) (组织领导, 思想认识, 舆论引导) are 保障措施 → no rows.
  // Deadline: the last quarter its 推进计划 names (all reach 四季度: "四季度", "三、四季度",
  // "二、三、四季度") → 12-31 of the year; no year in the document, so --year or asOf's year.
  const r = ok(read('002_79b50bfcf0dec50f.txt'), 2024);

  test('11 measures, 0 problems', () => {
    expect(r.measures).toBe(11);
    expect(r.problems).toBe(0);
    expect(r.missing).toEqual({ problem: 11, measure: 0, department: 9, deadline: 0 });
  });

  test('sample rows', () => {
    expect(r.rows[0].measure.startsWith('科学制定示范创建工作方案')).toBe(true);
    expect(r.rows[0].deadline).toBe('2024-12-31');
    expect(r.rows[0].deadlineText).toBe('四季度');
    expect(r.rows[0].deadlineSource).toBe('plan');
    expect(r.rows[0].remarks.startsWith('推进计划：一季度,制定创建方案')).toBe(true);
    expect(r.rows[4].departments).toEqual([
      '政法委',
      '文化和旅游局',
      '商务局',
      '水利局',
      '自然资源局',
      '行政审批局',
      '赣榆生态环境局',
      '各镇(园区)',
    ]);
    expect(r.rows[4].remarks).toMatch(/^推进计划：一季度,全面摸清/);
    expect(r.rows[6].departments).toEqual([
      '法院',
      '科技局',
      '自然资源局',
      '住建局',
      '行政审批局',
      '各相关镇(园区)',
    ]);
    expect(r.rows[6].deadlineText).toBe('三、四季度');
    expect(r.rows[9].deadlineText).toBe('二、三、四季度');
    // A measure broken over two lines is joined back.
    expect(r.rows[7].measure).toContain('优化审批服务系统');
    // A 推进计划 broken inside a word ("建立联\n席会议") is joined back.
    expect(r.rows[2].remarks).toContain('建立联席会议');
    expect(r.rows.every((x) => x.category === '' && x.problem === '')).toBe(true);
  });

  test('without --year the as-of year is used and said', () => {
    const r2 = parseRectificationDoc(read('002_79b50bfcf0dec50f.txt'), { asOf: '2026-05-01' });
    expect(r2.ok && r2.rows[0].deadline).toBe('2026-12-31');
    expect(r2.ok && r2.warnings.some((w) => w.includes('2026年'))).toBe(true);
  });

  test('the closing 保障 items give no rows', () => {
    expect(r.rows.map((x) => x.measure).join('')).not.toMatch(/强化组织领导|提高思想认识|注重舆论引导/);
  });
});
