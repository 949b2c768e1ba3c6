/**
 * Twelve documents of different shapes (tests/fixtures/plans/real). Each file's first line says
 * where it comes from: found with the search tool (01, 02 in part) or written for this project in
 * the shapes that broke the old reader (03–12). The counts below were made by hand from the
 * documents before the parser was run on them.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseRectificationDoc, type ImportSuccess } from '../../src/core/import/parse';

const DIR = join(__dirname, '..', 'fixtures', 'plans', 'real');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

function ok(name: string): ImportSuccess {
  const r = parseRectificationDoc(read(name), { asOf: '2025-03-01', year: 2024 });
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  return r;
}

const categories = (r: ImportSuccess) => [...new Set(r.rows.map((x) => x.category).filter(Boolean))];
const allText = (r: ImportSuccess) =>
  r.rows.map((x) => [x.category, x.problem, x.measure, x.status].join('|')).join('\n');
const FOOTER =
  /联系电话|联系方式|欢迎|邮政地址|电子邮箱|特此报告|填报人|人民政府\s*$|\d{4}年\d{1,2}月\d{1,2}日$/;

interface Expect {
  file: string;
  problems: number;
  measures: number;
  categories: number;
  departments?: string[][];
  deadlines?: (string | null)[];
  deadlineTexts?: string[];
  /** Words that only occur in sections that hold no problems. */
  notFrom?: RegExp;
  /** The document's own totals agree with the reading (null: it states none). */
  agrees: boolean | null;
}

const CASES: Expect[] = [
  // 01 审计整改报告 (real, whole): one 问题描述, its 整改措施 numbered inline 1、…;2、…;…5、 → 5
  // measures; 一、高度重视 and 三、下步计划 hold no problem; no department, no date ("预计X月XX日").
  // "涉及XX镇问题有1项" agrees.
  {
    file: '01_audit_town_air.txt',
    problems: 1,
    measures: 5,
    categories: 0,
    departments: [[], [], [], [], []],
    deadlineTexts: ['', '', '', '', ''],
    notFrom: /地球日|蓝天保卫战|专题会议研究|以本次审计问题整改为契机/,
    agrees: true,
  },
  // 02 巡察整改情况的通报 (real opening, continued): two 方面 categories, problems numbered (1)…(4)
  // across the 1./2. groups, one 整改情况 each → 4 problems, 4 measures. The document says
  // "巡察反馈25个问题" but the excerpt holds 4: the reading must say so.
  { file: '02_wucheng_report.txt', problems: 4, measures: 4, categories: 2, agrees: false },
  // 03 newspaper printing from (5): (5) (6) without category, (二) 1.(一是/二是 → 2) 2., (三) 1.
  // → 5 problems, 6 measures, 2 categories. 三、下一步工作打算 and the footer give nothing.
  {
    file: '03_newspaper_from_5.txt',
    problems: 5,
    measures: 6,
    categories: 2,
    notFrom: /回头看|长效机制/,
    agrees: null,
  },
  // 04 【label】 blocks: 问题1 one measure, 问题2 (1)(2) → 2, 问题3 one → 3 problems, 4 measures.
  {
    file: '04_bracket_blocks.txt',
    problems: 3,
    measures: 4,
    categories: 0,
    departments: [['药政股', '各乡镇卫生院'], ['医政医管股'], ['医政医管股'], ['基层卫生股']],
    deadlines: ['2024-06-30', '2024-09-30', '2024-09-30', null],
    deadlineTexts: ['2024年6月30日', '2024年9月底前', '2024年9月底前', '长期坚持'],
    agrees: null,
  },
  // 05 one long line: (一) 1. 2., (二) 1. → 3 problems, 3 measures, 2 categories; 二、工作要求 nothing.
  {
    file: '05_one_long_line.txt',
    problems: 3,
    measures: 3,
    categories: 2,
    departments: [['办公室'], ['纪检组', '各科室'], ['计财股']],
    deadlines: ['2024-12-31', '2024-08-31', '2024-10-31'],
    notFrom: /加强组织领导|严格督查问效/,
    agrees: null,
  },
  // 06 flattened table: 4 data rows (category merged down), 合计 and 填报人 are not rows.
  {
    file: '06_flattened_table.txt',
    problems: 4,
    measures: 4,
    categories: 2,
    departments: [['城管办'], ['城管办', '市场监管所'], ['建设办'], ['物业办']],
    deadlines: ['2024-05-31', '2024-06-30', '2024-12-31', null],
    notFrom: /合计|填报人/,
    agrees: true,
  },
  // 07 inline (1)…;(2)…;(3) and ①②: 3 + 2 + 1 → 3 problems, 6 measures, 2 categories.
  {
    file: '07_inline_enumeration.txt',
    problems: 3,
    measures: 6,
    categories: 2,
    departments: [
      ['耕地保护股', '各乡镇'],
      ['耕地保护股', '各乡镇'],
      ['耕地保护股', '各乡镇'],
      ['执法监察大队'],
      ['执法监察大队'],
      ['耕地保护股', '农业农村局'],
    ],
    deadlines: ['2024-10-31', '2024-10-31', '2024-10-31', '2024-12-31', '2024-12-31', '2025-06-30'],
    notFrom: /整改工作专班|年度目标考核/,
    agrees: null,
  },
  // 08 一是/二是/三是 with labels read by suffix (问题整改责任单位, 责任主体, 主管单位): the heading
  // is the category, 具体表现 the problem → 3 problems, 3 + 2 + 1 = 6 measures.
  {
    file: '08_yishi_suffix_labels.txt',
    problems: 3,
    measures: 6,
    categories: 3,
    departments: [
      ['河湖管理科'],
      ['河湖管理科'],
      ['河湖管理科'],
      ['建设管理科', '质量监督站'],
      ['建设管理科', '质量监督站'],
      ['农村供水科'],
    ],
    deadlines: ['2024-07-31', '2024-07-31', '2024-07-31', '2024-09-30', '2024-09-30', '2024-12-31'],
    agrees: null,
  },
  // 09 headings full of 整改: only 三、 holds problems; two 方面 categories (one starting 关于“放管服”);
  // "对上级工作要求传达学习不及时问题" is a problem → 3 problems, 3 measures.
  {
    file: '09_fangmian_sections.txt',
    problems: 3,
    measures: 3,
    categories: 2,
    departments: [['办公室'], ['审批服务股'], ['项目股']],
    notFrom: /领导小组|认领问题|坚持问题导向|长效机制/,
    agrees: null,
  },
  // 10 measures that start 研究…, 自整改开展以来…, 市社保中心每季度…, 5月10日… are siblings of one
  // problem: 1. (1)–(4), 2. (1) → 2 problems, 5 measures, 1 category; 完成情况 stays with its problem.
  {
    file: '10_verbless_measures.txt',
    problems: 2,
    measures: 5,
    categories: 1,
    departments: [['市社保中心'], ['市社保中心'], ['市社保中心'], ['市社保中心'], ['档案室']],
    deadlines: ['2024-06-30', '2024-06-30', '2024-06-30', '2024-06-30', '2024-09-30'],
    notFrom: /高度重视|按期销号/,
    agrees: null,
  },
  // 11 problems numbered (1)…(5) across two 方面 categories; "共梳理问题5个，制定整改措施9项" agrees.
  { file: '11_counter_totals.txt', problems: 5, measures: 9, categories: 2, agrees: true },
  // 12 问题1:…问题3: with 整改责任单位; "共发现问题4个" but 3 are written: disagreement.
  {
    file: '12_audit_numbered_problems.txt',
    problems: 3,
    measures: 3,
    categories: 0,
    departments: [['财政所'], ['财政所', '党政办'], ['村镇建设办']],
    agrees: false,
  },
];

describe.each(CASES)('$file', (c) => {
  const r = ok(c.file);

  test(`${c.problems} problems, ${c.measures} measures, ${c.categories} categories`, () => {
    expect({ problems: r.problems, measures: r.measures, categories: categories(r).length }).toEqual({
      problems: c.problems,
      measures: c.measures,
      categories: c.categories,
    });
  });

  if (c.departments)
    test('departments', () => expect(r.rows.map((x) => x.departments)).toEqual(c.departments));
  if (c.deadlines) test('deadlines', () => expect(r.rows.map((x) => x.deadline)).toEqual(c.deadlines));
  if (c.deadlineTexts)
    test('deadlines as written', () => expect(r.rows.map((x) => x.deadlineText)).toEqual(c.deadlineTexts));

  test('no footer inside a row', () => {
    for (const row of r.rows) {
      expect(row.measure).not.toMatch(FOOTER);
      expect(row.problem).not.toMatch(FOOTER);
    }
  });

  if (c.notFrom)
    test('no row from a section that holds no problem', () => expect(allText(r)).not.toMatch(c.notFrom!));

  test('the document’s own totals', () => {
    expect(r.totals.agrees).toBe(c.agrees);
    if (c.agrees === false) expect(r.totals.note).toMatch(/^文档写明共有.*两者不一致/);
    else expect(r.totals.note).toBe('');
  });
});

describe('details a clerk would check', () => {
  test('01: the 整改情况 sentence is the status, not a measure', () => {
    const r = ok('01_audit_town_air.txt');
    expect(r.rows[0].problem).toBe('污水处理设施未启用。');
    expect(r.rows[0].measure).toBe('对用电线路进行全面改造，确保用电安全');
    expect(r.rows[4].measure.endsWith('亮点工程。')).toBe(true);
    expect(r.rows[0].status).toMatch(/^未整改到位/);
    expect(r.totals).toMatchObject({ problems: 1, agrees: true });
  });

  test('02: categories end in 方面, problems are the quoted texts', () => {
    const r = ok('02_wucheng_report.txt');
    expect(r.rows[0].category).toBe('在“贯彻落实上级决策部署不够有力，党组领导核心作用发挥不足”方面');
    expect(r.rows[0].problem).toBe('学思践悟习近平总书记关于促进共同富裕的重要论述精神不深不透');
    expect(r.rows[1].status).toBe('正在整改');
    expect(r.rows[3].category).toBe('在“全面从严治党主体责任落实不到位”方面');
    expect(r.totals).toMatchObject({ problems: 25, agrees: false });
  });

  test('03: the page-2 items keep no category; (二) is not nested under (6)', () => {
    const r = ok('03_newspaper_from_5.txt');
    expect(r.rows[0]).toMatchObject({ category: '', problem: '落实意识形态工作责任制有差距' });
    expect(r.rows[2]).toMatchObject({ category: '关于全面从严治党方面', problem: '公务用车管理不规范' });
    expect(r.rows[2].measure).toBe('修订《公务用车管理办法》，实行派车单制度');
    expect(r.rows[5].category).toBe('关于选人用人和基层党组织建设方面');
    expect(r.rows[5].measure).not.toMatch(/欢迎|联系电话|党组/);
  });

  test('04: 【label】 blocks read as fields', () => {
    const r = ok('04_bracket_blocks.txt');
    expect(r.rows[0].problem).toBe('部分乡镇卫生院药品采购未执行集中带量采购。');
    expect(r.rows[1].measure).toBe('按标准改造医疗废物暂存点');
    expect(r.rows[2].measure).toBe('建立医疗废物交接电子台账，每日登记。');
  });

  test('05: the same document with every space lost reads the same', () => {
    const glued = read('05_one_long_line.txt').replace(/[ \u3000]/g, '');
    const r = parseRectificationDoc(glued, { year: 2024 });
    const r0 = ok('05_one_long_line.txt');
    expect(r.ok && r.rows).toEqual(r0.rows);
  });

  test('06: a category merged down applies to the rows below it', () => {
    const r = ok('06_flattened_table.txt');
    expect(r.rows.map((x) => x.category)).toEqual(['市容环境', '市容环境', '污水治理', '污水治理']);
    expect(r.rows[1]).toMatchObject({
      problem: '沿街商铺占道经营',
      measure: '开展占道经营专项整治，建立门前三包责任制',
    });
  });

  test('08: the 具体表现 is the problem, the heading its category', () => {
    const r = ok('08_yishi_suffix_labels.txt');
    expect(r.rows[0].category).toBe('河长制工作落实不到位问题');
    expect(r.rows[0].problem).toBe('部分河段巡河记录造假，河长公示牌信息未及时更新。');
    expect(r.rows[2].measure).toBe('将巡河情况纳入河长制考核。');
  });

  test('09: a problem naming 工作要求 is kept, a 方面 heading starting 关于“…” is a category', () => {
    const r = ok('09_fangmian_sections.txt');
    expect(r.rows[0].category).toBe('关于“放管服”改革落实不到位方面');
    expect(r.rows[0].problem).toBe('对上级工作要求传达学习不及时问题。');
    expect(r.rows.map((x) => x.status)).toEqual(['已完成', '正在推进', '已完成']);
  });

  test('10: every sibling measure keeps its problem and the problem’s 完成情况', () => {
    const r = ok('10_verbless_measures.txt');
    expect(new Set(r.rows.slice(0, 4).map((x) => x.problemIndex)).size).toBe(1);
    expect(r.rows[3].measure).toBe('5月10日前完成对2022年以来发放记录的全面清查。');
    expect(r.rows.map((x) => x.status)).toEqual(['已完成', '已完成', '已完成', '已完成', '正在推进']);
  });

  test('11: a document-wide counter does not open new levels', () => {
    const r = ok('11_counter_totals.txt');
    expect(r.rows.map((x) => x.problemIndex)).toEqual([1, 1, 2, 2, 3, 3, 4, 5, 5]);
    // "…；二是…。已完成。": the closing word is the progress of both measures, not part of the text.
    expect(r.rows.slice(0, 4).map((x) => x.status)).toEqual(['已完成', '已完成', '正在推进', '正在推进']);
    expect(r.rows[1].measure).toBe('建立项目后期管护机制。');
    expect(r.totals).toMatchObject({ problems: 5, measures: 9, agrees: true });
  });

  test('12: 问题N: labels and the footer', () => {
    const r = ok('12_audit_numbered_problems.txt');
    expect(r.rows[1]).toMatchObject({ problem: '固定资产账实不符。', status: '正在整改' });
    expect(r.rows[2].status).toBe('正在整改');
    expect(r.totals).toMatchObject({ problems: 4, agrees: false });
  });
});

test('numbering evidence overrides the official order: 1. restarting under （1） nests under it', () => {
  const text = [
    '中共XX县委关于巡视整改进展情况的通报',
    '截至2024年6月30日，共梳理问题3个，制定整改措施5项。',
    '二、巡视反馈问题整改落实情况',
    '（一）关于贯彻落实党中央决策部署方面',
    '（1）针对“推动高质量发展办法不多”的问题。',
    '1.研究制定县域经济高质量发展三年行动方案。',
    '2.建立重点项目县级领导包联制度。',
    '（2）针对“营商环境有短板”的问题。',
    '1.开展涉企收费专项清理。',
    '（二）关于全面从严治党方面',
    '（3）针对“基层微腐败时有发生”的问题。',
    '1.开展群众身边不正之风和腐败问题专项整治。',
    '2.建立村级小微权力清单。',
  ];
  const r = parseRectificationDoc(text.join('\n'), { year: 2024 });
  expect(r.ok && r.rows.map((x) => [x.problemIndex, x.category, x.problem])).toEqual([
    [1, '关于贯彻落实党中央决策部署方面', '推动高质量发展办法不多'],
    [1, '关于贯彻落实党中央决策部署方面', '推动高质量发展办法不多'],
    [2, '关于贯彻落实党中央决策部署方面', '营商环境有短板'],
    [3, '关于全面从严治党方面', '基层微腐败时有发生'],
    [3, '关于全面从严治党方面', '基层微腐败时有发生'],
  ]);
  expect(r.ok && r.totals.agrees).toBe(true);
  // One restart is evidence enough when nothing says otherwise.
  const one = parseRectificationDoc(
    text.slice(0, 7).join('\n').replace('共梳理问题3个，制定整改措施5项', '共梳理问题1个，制定整改措施2项'),
    { year: 2024 },
  );
  expect(one.ok && [one.problems, one.measures, one.totals.agrees]).toEqual([1, 2, true]);
});

test('siblings take the same role: a plain item among quoted problems is a problem with measures', () => {
  const text = [
    '关于巡察整改进展情况的通报',
    '二、具体问题整改情况',
    '（一）关于党的建设方面',
    '1.针对“理论学习不深入”的问题。一是制定学习计划；二是开展专题研讨。已完成。',
    '2.关于干部队伍活力不足的问题。一是开展年轻干部培训；二是完善干部交流制度。正在推进。',
    '3.针对“支部活动不规范”的问题。规范“三会一课”记录。已完成。',
  ].join('\n');
  const r = parseRectificationDoc(text, { year: 2024 });
  expect(r.ok && r.rows.map((x) => [x.problemIndex, x.problem, x.measure, x.status])).toEqual([
    [1, '理论学习不深入', '制定学习计划', '已完成'],
    [1, '理论学习不深入', '开展专题研讨。', '已完成'],
    [2, '干部队伍活力不足', '开展年轻干部培训', '正在推进'],
    [2, '干部队伍活力不足', '完善干部交流制度。', '正在推进'],
    [3, '支部活动不规范', '规范“三会一课”记录。', '已完成'],
  ]);
});

test('a restart at （1） after an unnumbered 问题二： line opens a new parent', () => {
  const text = [
    'XX局整改方案',
    '一、存在问题及整改措施',
    '问题一：会议多、文件多。',
    '（1）精简会议，合并同类会议。',
    '（2）严控发文数量。',
    '责任单位：办公室',
    '问题二：督查检查过多。',
    '（1）统筹年度督查检查计划。',
    '（2）推行“综合查一次”。',
    '责任单位：督查室',
    '二、工作要求',
    '（一）加强组织领导。',
  ].join('\n');
  const r = parseRectificationDoc(text, { year: 2024 });
  expect(r.ok && r.rows.map((x) => [x.problemIndex, x.problem, x.measure, x.departmentsText])).toEqual([
    [1, '会议多、文件多。', '精简会议，合并同类会议。', '办公室'],
    [1, '会议多、文件多。', '严控发文数量。', '办公室'],
    [2, '督查检查过多。', '统筹年度督查检查计划。', '督查室'],
    [2, '督查检查过多。', '推行“综合查一次”。', '督查室'],
  ]);
});

test('完成情况 written under the last problem stays with it, not lifted to its category', () => {
  const text = [
    'XX局巡察整改方案',
    '一、存在问题及整改措施',
    '（一）作风建设方面',
    '1.会议多、文件多问题。',
    '整改措施：精简会议文件。',
    '责任单位：办公室',
    '完成情况：已完成',
    '2.督查检查过多问题。',
    '整改措施：统筹督查检查计划。',
    '责任单位：督查室',
    '完成情况：正在推进',
  ].join('\n');
  const r = parseRectificationDoc(text, { year: 2024 });
  expect(r.ok && r.rows.map((x) => [x.departmentsText, x.status])).toEqual([
    ['办公室', '已完成'],
    ['督查室', '正在推进'],
  ]);
});

describe('the document’s own totals', () => {
  const REPORT = [
    'XX县城市管理局关于巡察整改进展情况的通报',
    '一、整改落实情况',
    '（一）关于市容秩序管理方面（共2个具体问题、3条整改措施）',
    '1.针对“占道经营反弹”的问题。一是开展夜间专项巡查；二是建立门前三包台账。已完成。',
    '2.针对“户外广告审批不规范”的问题。修订户外广告设置审批流程。正在推进。',
    '（二）关于环卫作业方面（共1个具体问题、2条整改措施）',
    '1.针对“垃圾清运不及时”的问题。一是增加清运车辆2台；二是实行清运时间公示。已完成。',
  ].join('\n');

  test('counts in category headings are summed and compared; the count is not part of the category', () => {
    const r = parseRectificationDoc(REPORT, { year: 2024 });
    expect(r.ok && r.totals).toEqual({ problems: 3, measures: 5, agrees: true, note: '' });
    expect(r.ok && r.rows[0].category).toBe('关于市容秩序管理方面');
    const off = parseRectificationDoc(REPORT.replace('2条整改措施', '3条整改措施'), { year: 2024 });
    expect(off.ok && off.totals.agrees).toBe(false);
    expect(off.ok && off.totals.note).toBe(
      '文档写明共有3个问题、6项整改措施，本次读出3个问题、5项整改措施，两者不一致，可能有漏读或多读，请对照原文逐条核对。',
    );
  });

  test('per-unit counts in headings ("城关镇（2个）") add up to the document total', () => {
    const text = [
      'XX县农村人居环境整治问题清单',
      '一、城关镇（2个）',
      '1.东街村垃圾乱堆乱放。整改措施：组织集中清理，落实保洁员。责任单位：城关镇。',
      '2.西街村生活污水直排。整改措施：铺设污水管网。责任单位：城关镇、住建局。',
      '二、河口镇（1个）',
      '1.河口村河道漂浮物多。整改措施：建立河道日常保洁制度。责任单位：河口镇。',
    ].join('\n');
    const r = parseRectificationDoc(text, { year: 2024 });
    expect(r.ok && r.rows.map((x) => x.category)).toEqual(['城关镇', '城关镇', '河口镇']);
    expect(r.ok && r.totals).toMatchObject({ problems: 3, agrees: true });
    const off = parseRectificationDoc(text.replace('河口镇（1个）', '河口镇（2个）'), { year: 2024 });
    expect(off.ok && off.totals).toMatchObject({ problems: 4, agrees: false });
  });

  const PARAGRAPH = [
    '关于巡察整改进展情况的通报',
    '二、具体问题整改情况',
    '1.针对“部分干部作风不实”的问题。整改措施：开展作风纪律专项整治，对迟到早退等行为通报批评；建立干部作风正负面清单。责任单位：人事股。',
  ];

  test('a measure paragraph is split at its semicolons only when that is what the stated total says', () => {
    const none = parseRectificationDoc(PARAGRAPH.join('\n'), { year: 2024 });
    expect(none.ok && none.measures).toBe(1);
    const two = parseRectificationDoc(
      [PARAGRAPH[0], '共梳理问题1个，制定整改措施2项。', ...PARAGRAPH.slice(1)].join('\n'),
      { year: 2024 },
    );
    expect(two.ok && two.rows.map((x) => x.measure)).toEqual([
      '开展作风纪律专项整治，对迟到早退等行为通报批评',
      '建立干部作风正负面清单。',
    ]);
    expect(two.ok && two.totals.agrees).toBe(true);
    // A document that counts each 整改措施 paragraph as one measure, enumeration and all.
    const whole = parseRectificationDoc(
      [
        PARAGRAPH[0],
        '制定整改措施1项。',
        PARAGRAPH[1],
        PARAGRAPH[2].replace('整改措施：开展', '整改措施：一是开展').replace('；建立', '；二是建立'),
      ].join('\n'),
      { year: 2024 },
    );
    expect(whole.ok && [whole.measures, whole.totals.agrees]).toEqual([1, true]);
    // When no reading agrees, the usual one is kept and the clerk is told.
    const three = parseRectificationDoc(
      [PARAGRAPH[0], '制定整改措施3项。', ...PARAGRAPH.slice(1)].join('\n'),
      {
        year: 2024,
      },
    );
    expect(three.ok && three.measures).toBe(1);
    expect(three.ok && three.totals.agrees).toBe(false);
  });
});
