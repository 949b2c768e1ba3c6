import { isVagueDepartment, splitDepartments } from '../../src/core/departments';

describe('splitDepartments: lines from real plan documents', () => {
  // Copied from the 责任部门 / 〔责任单位:…〕 lines of three published rectification plans.
  test.each<[string, string[]]>([
    ['责任部门:局属各单位、机关各股室', ['局属各单位', '机关各股室']],
    [
      '责任部门:道路运输管理股、水路与公共交通运输管理股、计划建设股、政策法规与审批股、财务股、乡村道路技术指导站',
      [
        '道路运输管理股',
        '水路与公共交通运输管理股',
        '计划建设股',
        '政策法规与审批股',
        '财务股',
        '乡村道路技术指导站',
      ],
    ],
    [
      '责任部门:道路运输管理股、水路与公共交通运输管理股、计划建设股、政策法规与审批股、办公室',
      ['道路运输管理股', '水路与公共交通运输管理股', '计划建设股', '政策法规与审批股', '办公室'],
    ],
    [
      '责任部门:执法大队、道路运输管理股、水路与公共交通运输管理股、计划建设股、政策法规与审批股、乡村道路指导站',
      [
        '执法大队',
        '道路运输管理股',
        '水路与公共交通运输管理股',
        '计划建设股',
        '政策法规与审批股',
        '乡村道路指导站',
      ],
    ],
    [
      '责任部门:计划建设股、乡村道路技术指导站、办公室、财务股',
      ['计划建设股', '乡村道路技术指导站', '办公室', '财务股'],
    ],
    ['责任部门:政策法规与审批股', ['政策法规与审批股']],
    [
      // Ends in a full stop, as written.
      '责任部门:政策法规与审批股、计划建设股、道路运输管理股、水路运输管理股、乡村道路技术指导站。',
      ['政策法规与审批股', '计划建设股', '道路运输管理股', '水路运输管理股', '乡村道路技术指导站'],
    ],
    [
      '〔责任单位:县纪委县监委、县委办、县政府办、各地各单位〕',
      ['县纪委县监委', '县委办', '县政府办', '各地各单位'],
    ],
    [
      '〔责任单位:县发改委、县商务局、县政府办、县工信局、县纪委县监委、县法院、县财政局、县审计局、县政务服务中心、XX高新区、各地各单位〕',
      [
        '县发改委',
        '县商务局',
        '县政府办',
        '县工信局',
        '县纪委县监委',
        '县法院',
        '县财政局',
        '县审计局',
        '县政务服务中心',
        'XX高新区',
        '各地各单位',
      ],
    ],
    [
      '〔责任单位:县住建局、县发改委、县纪委县监委、县公共资源交易中心、县财政局、县审计局、县项目服务中心、县自然资源局、县市政公用事业服务中心、县水利局、县交通运输局、县生态环境局、县应急管理局、XX高新区、各地各单位〕',
      [
        '县住建局',
        '县发改委',
        '县纪委县监委',
        '县公共资源交易中心',
        '县财政局',
        '县审计局',
        '县项目服务中心',
        '县自然资源局',
        '县市政公用事业服务中心',
        '县水利局',
        '县交通运输局',
        '县生态环境局',
        '县应急管理局',
        'XX高新区',
        '各地各单位',
      ],
    ],
    [
      '〔责任单位:县政务服务中心、县政府办、县住建局、县大数据中心、县直有关单位〕',
      ['县政务服务中心', '县政府办', '县住建局', '县大数据中心', '县直有关单位'],
    ],
    [
      '〔责任单位:县委政法委、县法院、县司法局、县公安局、县检察院、县市场监管局、县工商联、县发改委、县工信局、县人社局、XX高新区〕',
      [
        '县委政法委',
        '县法院',
        '县司法局',
        '县公安局',
        '县检察院',
        '县市场监管局',
        '县工商联',
        '县发改委',
        '县工信局',
        '县人社局',
        'XX高新区',
      ],
    ],
    [
      '责任单位:政法委、文化和旅游局、商务局、水利局、自然资源局、行政审批局、赣榆生态环境局、各镇(园区)',
      [
        '政法委',
        '文化和旅游局',
        '商务局',
        '水利局',
        '自然资源局',
        '行政审批局',
        '赣榆生态环境局',
        '各镇(园区)',
      ],
    ],
    [
      '责任单位:法院、科技局、自然资源局、住建局、行政审批局、各相关镇(园区)',
      ['法院', '科技局', '自然资源局', '住建局', '行政审批局', '各相关镇(园区)'],
    ],
  ])('%s', (text, expected) => {
    expect(splitDepartments(text)).toEqual(expected);
  });
});

describe('splitDepartments: separators', () => {
  test.each<[string, string[]]>([
    ['办公室、财务股', ['办公室', '财务股']],
    ['办公室,财务股', ['办公室', '财务股']],
    ['办公室，财务股', ['办公室', '财务股']],
    ['办公室;财务股', ['办公室', '财务股']],
    ['办公室；财务股', ['办公室', '财务股']],
    ['办公室/财务股', ['办公室', '财务股']],
    ['办公室／财务股', ['办公室', '财务股']],
    ['办公室|财务股', ['办公室', '财务股']],
    ['办公室\n财务股', ['办公室', '财务股']],
    ['办公室\r\n财务股', ['办公室', '财务股']],
    ['办公室\t财务股', ['办公室', '财务股']],
    ['办公室\u3000财务股', ['办公室', '财务股']],
    ['办公室  财务股', ['办公室', '财务股']],
    ['办公室     财务股', ['办公室', '财务股']],
    ['办公室 、 财务股 ， 执法大队', ['办公室', '财务股', '执法大队']],
    ['办公室、、财务股,,', ['办公室', '财务股']],
    ['、办公室、', ['办公室']],
    // Decision: a single ASCII space does not split.
    ['X市 交通局', ['X市 交通局']],
    ['县纪委县监委', ['县纪委县监委']],
  ])('%j', (text, expected) => {
    expect(splitDepartments(text)).toEqual(expected);
  });
});

describe('splitDepartments: brackets keep their notes', () => {
  test.each<[string, string[]]>([
    ['办公室(牵头)', ['办公室(牵头)']],
    ['办公室（牵头）、财务股（配合）', ['办公室（牵头）', '财务股（配合）']],
    ['政策法规与审批股(含窗口、执法)', ['政策法规与审批股(含窗口、执法)']],
    ['政策法规与审批股（含窗口、执法）、办公室', ['政策法规与审批股（含窗口、执法）', '办公室']],
    ['各镇(园区)、县直各部门', ['各镇(园区)', '县直各部门']],
    ['办公室[牵头,统筹]/财务股', ['办公室[牵头,统筹]', '财务股']],
    ['《条例》起草组、法规股', ['《条例》起草组', '法规股']],
    ['办公室(牵头(统筹、协调))、财务股', ['办公室(牵头(统筹、协调))', '财务股']],
    // A bracket that never closes protects nothing.
    ['办公室(牵头、财务股', ['办公室(牵头', '财务股']],
    // A stray closing bracket is just a character.
    ['办公室)、财务股', ['办公室)', '财务股']],
    // Mismatched pairs do not protect.
    ['办公室(牵头、财务股】', ['办公室(牵头', '财务股】']],
  ])('%j', (text, expected) => {
    expect(splitDepartments(text)).toEqual(expected);
  });
});

describe('splitDepartments: labels, stops, duplicates', () => {
  test.each<[string, string[]]>([
    ['牵头单位:办公室', ['办公室']],
    ['责任单位：办公室、财务股', ['办公室', '财务股']],
    ['责任部门: 执法大队', ['执法大队']],
    ['牵头单位:办公室\n配合单位:财务股、执法大队', ['办公室', '财务股', '执法大队']],
    ['牵头:办公室;配合:财务股', ['办公室', '财务股']],
    ['责任股室：计划建设股', ['计划建设股']],
    ['【责任单位:县财政局、县审计局】', ['县财政局', '县审计局']],
    ['办公室。', ['办公室']],
    ['办公室.', ['办公室']],
    ['办公室、财务股。', ['办公室', '财务股']],
    ['办公室 。', ['办公室']],
    ['办公室、财务股、办公室', ['办公室', '财务股']],
    ['财务股、办公室、财务股。、办公室', ['财务股', '办公室']],
    ['  办公室  ', ['办公室']],
    ['\u3000办公室\u3000', ['办公室']],
    // Names are returned as written: different widths are different strings.
    ['XX高新区、ＸＸ高新区', ['XX高新区', 'ＸＸ高新区']],
  ])('%j', (text, expected) => {
    expect(splitDepartments(text)).toEqual(expected);
  });

  test.each(['', '   ', '、', '、,;；/\n', '。', '牵头单位:', '责任单位：  '])(
    '%j gives an empty list',
    (text) => {
      expect(splitDepartments(text)).toEqual([]);
    },
  );

  test('non-string input from a loose host gives an empty list', () => {
    expect(splitDepartments(null as unknown as string)).toEqual([]);
    expect(splitDepartments(undefined as unknown as string)).toEqual([]);
    expect(splitDepartments(42 as unknown as string)).toEqual([]);
  });
});

describe('isVagueDepartment', () => {
  test.each([
    '各单位',
    '各科室',
    '各股室',
    '局属各单位',
    '机关各股室',
    '各部门',
    '各地各单位',
    '各镇(园区)',
    '各镇（园区）',
    '各相关镇(园区)',
    '各相关部门',
    '相关单位',
    '有关部门',
    '县直有关单位',
    '相关科室',
    '有关股室',
    '其他相关部门',
    '相关责任单位',
    '全体',
    '全局',
    '全局上下',
    '全体干部职工',
    '所有科室',
    '全部单位',
    '各成员单位',
    '领导小组成员单位',
    '班子成员',
    '各镇人民政府',
    '各乡镇',
    '区直各部门',
    ' 各单位 ',
    'all departments',
    'Relevant units',
  ])('%j is vague', (name) => {
    expect(isVagueDepartment(name)).toBe(true);
  });

  test.each([
    '办公室',
    '办公室(牵头)',
    '财务股',
    '县发改委',
    '县纪委县监委',
    '政策法规与审批股(含窗口、执法)',
    'XX高新区',
    '乡村道路技术指导站',
    '文化和旅游局',
    '县公共资源交易中心',
    '执法大队',
    '赣榆生态环境局',
    '县政务服务中心',
    '县委办',
    '全椒县交通局',
    '',
    '   ',
    'Finance Section',
  ])('%j is not vague', (name) => {
    expect(isVagueDepartment(name)).toBe(false);
  });

  test('a seed cell that names nobody in particular is vague throughout', () => {
    expect(splitDepartments('责任部门:局属各单位、机关各股室').every(isVagueDepartment)).toBe(true);
    expect(splitDepartments('各科室、各单位').every(isVagueDepartment)).toBe(true);
    expect(
      splitDepartments('〔责任单位:县纪委县监委、县委办、县政府办、各地各单位〕').every(isVagueDepartment),
    ).toBe(false);
  });

  test('non-string input is not vague and does not throw', () => {
    expect(isVagueDepartment(null as unknown as string)).toBe(false);
  });
});

describe('long and hostile cells', () => {
  test.each([
    '(('.repeat(15000),
    '办公室、'.repeat(8000),
    '(办公室、'.repeat(8000),
    '牵头单位:'.repeat(5000) + '办公室',
    ' '.repeat(30000) + '办公室',
    '各'.repeat(30000),
  ])(
    'a %#th pathological cell is split without backtracking blow-up (the jest timeout would catch it)',
    (text) => {
      const parts = splitDepartments(text);
      expect(parts.every((p) => p.length > 0 && p === p.trim())).toBe(true);
      expect(typeof isVagueDepartment(text)).toBe('boolean');
      parts.forEach(isVagueDepartment);
    },
  );

  test('a long repeated list collapses to its distinct names', () => {
    expect(splitDepartments('办公室、财务股、'.repeat(5000))).toEqual(['办公室', '财务股']);
    expect(splitDepartments('牵头单位:'.repeat(5000) + '办公室')).toEqual(['办公室']);
  });
});
