import { HEADER_SYNONYMS, detectHeader, matchField, normalizeHeader } from '../../src/core/header';
import { FIELDS } from '../../src/core/types';
import type { Field } from '../../src/core/types';
import { grid } from '../helpers/grid';
import type { Plain } from '../helpers/grid';

const TITLE = 'XX局巡察反馈意见整改落实台账';

/** A one-row header as clerks write it, 12 columns A–L, after a title and a 填报 line. */
const ONE_ROW_HEADER: Plain[] = [
  '序 号',
  '问题\n类别',
  '存在问题',
  '整改措施',
  '责任\n单位',
  '配合单位',
  '责任人',
  '整改时限\n(年月日)',
  '整改进展',
  '完成时间',
  '佐证材料',
  '备　注',
];

function oneRowLedger(extra: Plain[][] = []) {
  return grid(
    [
      [TITLE],
      ['填报单位：XX局办公室', null, null, null, null, null, null, null, '填报时间：2024年4月15日'],
      [],
      ONE_ROW_HEADER,
      [
        1,
        '党的建设',
        '主体责任落实不到位',
        '召开专题会议',
        '办公室',
        '组织科',
        '张三',
        '2024年6月30日',
        '已完成',
        '2024年5月1日',
        '会议纪要',
        '',
      ],
      ...extra,
    ],
    { merges: ['A1:L1', 'A2:H2', 'I2:L2'] },
  );
}

/** The two-row header of DOMAIN.md: 责任主体 over 牵头单位|配合单位, 整改情况 over 进展|完成日期. */
function twoRowLedger() {
  return grid(
    [
      [TITLE],
      ['填报单位（盖章）：XX局', null, null, null, null, null, null, '填报时间：2024年4月'],
      [
        '序号',
        '问题类别',
        '存在问题',
        '整改措施',
        '责任领导',
        '责任主体',
        null,
        '整改时限',
        '整改情况',
        null,
        '备注',
      ],
      [null, null, null, null, null, '牵头单位', '配合单位', null, '进展', '完成日期', null],
      [1, '党建', '问题一', '措施一', '李四', '办公室', '人事科', '2024年6月底', '已完成', '2024-05-01', ''],
    ],
    {
      merges: [
        'A1:K1',
        'A2:G2',
        'H2:K2',
        'A3:A4',
        'B3:B4',
        'C3:C4',
        'D3:D4',
        'E3:E4',
        'F3:G3',
        'H3:H4',
        'I3:J3',
        'K3:K4',
      ],
    },
  );
}

const columnsOf = (h: ReturnType<typeof detectHeader>) =>
  Object.fromEntries(Object.entries(h?.columns ?? {}).map(([f, m]) => [f, m!.column]));

describe('normalizeHeader', () => {
  test.each([
    ['序 号', '序号'],
    ['责任\n单位', '责任单位'],
    ['责任\r\n单位', '责任单位'],
    ['备\u3000注', '备注'],
    ['\u00a0存在问题\t', '存在问题'],
    ['整改时限\n(年月日)', '整改时限'],
    ['整改时限（年月日）', '整改时限'],
    ['整改时限[年月日]', '整改时限'],
    ['整改时限【必填】', '整改时限'],
    ['整改时限〔年月日〕', '整改时限'],
    ['整改时限<年月日>', '整改时限'],
    ['整改时限＜年月日＞', '整改时限'],
    ['【必填】存在问题', '存在问题'],
    ['整改时限(年月日(公历))', '整改时限'],
    ['整改时限(年月日', '整改时限'],
    ['存在问题：', '存在问题'],
    ['存在问题:', '存在问题'],
    ['存在问题*', '存在问题'],
    ['*存在问题', '存在问题'],
    ['※整改措施※', '整改措施'],
    ['整改时限（年月日）：', '整改时限'],
    ['１．存在问题', '存在问题'],
    ['1.存在问题', '存在问题'],
    ['2、整改措施', '整改措施'],
    ['一、问题类别', '问题类别'],
    ['（一）问题类别', '问题类别'],
    ['①存在问题', '存在问题'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['（备注）', '备注'],
    ['【问题】', '问题'],
    ['落实《意见》情况', '落实意见情况'],
    ['1', '1'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('matchField', () => {
  /** DOMAIN.md's table, written out here so that the test does not read the code's own table. */
  const DOMAIN_TABLE: Record<Field, string[]> = {
    index: ['序号', '编号', '序'],
    category: ['问题类别', '问题类型', '整治内容', '方面', '类别', '领域'],
    problem: ['存在问题', '问题描述', '反馈问题', '问题表现', '具体问题', '问题'],
    measure: ['整改措施', '具体举措', '整改举措', '工作措施', '措施'],
    department: ['责任单位', '责任部门', '牵头单位', '责任股室', '责任科室', '主责单位'],
    cooperating: ['配合单位', '协办单位', '配合部门'],
    person: ['责任人', '责任领导', '分管领导', '联系人'],
    deadline: ['整改时限', '完成时限', '时限要求', '完成时间节点', '整改期限', '计划完成时间'],
    status: ['整改进展', '进展情况', '完成情况', '整改状态', '整改情况', '进度'],
    completedOn: ['完成时间', '实际完成时间', '完成日期', '销号时间'],
    evidence: ['佐证材料', '佐证资料', '支撑材料'],
    remarks: ['备注', '说明'],
  };
  const cases = FIELDS.flatMap((field) => DOMAIN_TABLE[field].map((h) => [h, field] as const));

  test.each(cases)('DOMAIN header %s → %s', (header, field) => {
    expect(matchField(header)).toBe(field);
  });

  test.each(cases)(
    '%s written with a line break, spaces, a note and a full-width colon → %s',
    (header, field) => {
      const chars = [...header];
      const messy =
        chars.length > 1 ? `${chars[0]}\n ${chars.slice(1).join('')}（注明）：` : ` ${header}【必填】：`;
      expect(matchField(messy)).toBe(field);
    },
  );

  test('every synonym in the exported table maps to its own field', () => {
    for (const field of FIELDS) {
      expect(HEADER_SYNONYMS[field].length).toBeGreaterThan(0);
      for (const h of HEADER_SYNONYMS[field]) expect([h, matchField(h)]).toEqual([h, field]);
    }
    // The exported table holds every DOMAIN.md synonym.
    for (const [h, field] of cases) expect(HEADER_SYNONYMS[field]).toContain(h);
  });

  test.each([
    // The ambiguous ones.
    ['完成时间', 'completedOn'],
    ['完成时间节点', 'deadline'],
    ['计划完成时间', 'deadline'],
    ['计划完成时间节点', 'deadline'],
    ['实际完成时间', 'completedOn'],
    ['实际整改时间', 'completedOn'],
    ['整改完成时限', 'deadline'],
    ['问题', 'problem'],
    ['问题类别', 'category'],
    ['问题编号', 'index'],
    ['整改情况', 'status'],
    ['问题整改情况', 'status'],
    ['整改完成情况', 'status'],
    ['责任人', 'person'],
    ['具体责任人', 'person'],
    ['责任单位', 'department'],
    ['整改责任单位', 'department'],
    ['进展', 'status'],
    ['完成日期', 'completedOn'],
    // Containment.
    ['整改措施及完成情况', 'measure'],
    ['责任单位及责任人', 'department'],
    ['责任单位/责任人', 'department'],
    ['牵头单位', 'department'],
    ['责任主体/牵头单位', 'department'],
    ['责任主体', 'department'],
    ['配合单位', 'cooperating'],
    ['具体问题描述', 'problem'],
    ['巡察反馈问题', 'problem'],
    ['存在的主要问题', 'problem'],
    ['具体整改措施', 'measure'],
    ['整改目标和措施', 'measure'],
    ['县级责任领导', 'person'],
    ['佐证材料清单', 'evidence'],
    ['整改进度', 'status'],
    ['目前进展', 'status'],
    ['整改时限要求', 'deadline'],
    ['备注栏', 'remarks'],
    ['No.', 'index'],
    ['ＮＯ．', 'index'],
    // A short note may say plan or actual; a long one is instructions.
    ['完成时间(计划)', 'deadline'],
    ['完成时间（预计）', 'deadline'],
    ['整改时限(实际)', 'completedOn'],
    ['整改时限（已完成的填写实际完成日期）', 'deadline'],
  ] as const)('%s → %s', (header, field) => {
    expect(matchField(header)).toBe(field);
  });

  test.each([
    [TITLE],
    ['填报单位：XX局'],
    ['填报时间：2024年4月15日'],
    ['整改目标'],
    ['姓名'],
    ['问题数'],
    ['完成率'],
    ['措施数量'],
    ['程序'],
    ['情况说明'],
    ['1'],
    [''],
    ['   '],
    ['针对巡察反馈的问题，我局高度重视，立即召开党组会议研究部署整改措施'],
  ])('%j names no field', (header) => {
    expect(matchField(header)).toBeNull();
  });
});

describe('detectHeader', () => {
  test('a one-row header past a merged title and a 填报 line maps every field, as written', () => {
    const h = detectHeader(oneRowLedger());
    expect(h).not.toBeNull();
    expect(h!.headerRows).toEqual([4]);
    expect(h!.firstDataRow).toBe(5);
    expect(columnsOf(h)).toEqual({
      index: 1,
      category: 2,
      problem: 3,
      measure: 4,
      department: 5,
      cooperating: 6,
      person: 7,
      deadline: 8,
      status: 9,
      completedOn: 10,
      evidence: 11,
      remarks: 12,
    });
    expect(h!.columns.deadline).toEqual({ field: 'deadline', column: 8, header: '整改时限\n(年月日)' });
    expect(h!.columns.index!.header).toBe('序 号');
    expect(h!.seen).toEqual(ONE_ROW_HEADER.map((x) => String(x).trim()));
  });

  test('a row of column numbers under the header is skipped', () => {
    const g = grid([
      [TITLE],
      ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
      [1, 2, 3, 4, 5, 6],
      [1, '问题', '措施', '办公室', '2024年6月', '已完成'],
    ]);
    expect(detectHeader(g)!.firstDataRow).toBe(4);
    const textNumbers = grid([
      ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
      ['（1）', '（2）', '（3）', '（4）', '（5）', '（6）'],
      [1, '问题', '措施', '办公室', '2024年6月', '已完成'],
    ]);
    expect(detectHeader(textNumbers)!.firstDataRow).toBe(3);
    // A first data row is not a numbers row.
    const data = grid([
      ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
      [1, '问题', '措施', '办公室', '2024年6月', '已完成'],
    ]);
    expect(detectHeader(data)!.firstDataRow).toBe(2);
  });

  test('a two-row header: group cells over sub-columns, single columns merged down', () => {
    const h = detectHeader(twoRowLedger())!;
    expect(h.headerRows).toEqual([3, 4]);
    expect(h.firstDataRow).toBe(5);
    expect(columnsOf(h)).toEqual({
      index: 1,
      category: 2,
      problem: 3,
      measure: 4,
      person: 5,
      department: 6,
      cooperating: 7,
      deadline: 8,
      status: 9,
      completedOn: 10,
      remarks: 11,
    });
    expect(h.columns.department!.header).toBe('责任主体/牵头单位');
    expect(h.columns.cooperating!.header).toBe('责任主体/配合单位');
    expect(h.columns.status!.header).toBe('整改情况/进展');
    expect(h.columns.completedOn!.header).toBe('整改情况/完成日期');
    expect(h.columns.problem!.header).toBe('存在问题');
    expect(h.seen).toEqual([
      '序号',
      '问题类别',
      '存在问题',
      '整改措施',
      '责任领导',
      '责任主体',
      '牵头单位',
      '配合单位',
      '整改时限',
      '整改情况',
      '进展',
      '完成日期',
      '备注',
    ]);
  });

  test('a two-row header without vertical merges (single columns left blank below) and a numbers row', () => {
    const g = grid(
      [
        ['序号', '存在问题', '整改措施', '责任主体', null, '整改时限', '整改情况', null],
        [null, null, null, '牵头单位', '配合单位', null, '进展', '完成日期'],
        [1, 2, 3, 4, 5, 6, 7, 8],
        [1, '问题', '措施', '办公室', null, '2024年6月', '推进中', null],
      ],
      { merges: ['D1:E1', 'G1:H1'] },
    );
    const h = detectHeader(g)!;
    expect(h.headerRows).toEqual([1, 2]);
    expect(h.firstDataRow).toBe(4);
    expect(columnsOf(h)).toEqual({
      index: 1,
      problem: 2,
      measure: 3,
      department: 4,
      cooperating: 5,
      deadline: 6,
      status: 7,
      completedOn: 8,
    });
  });

  test('a group whose sub-columns name nothing on their own is read with the group', () => {
    const g = grid(
      [
        ['序号', '存在问题', '整改措施', '责任单位', '完成时限', null],
        [null, null, null, null, '计划', '实际'],
        [1, '问题', '措施', '办公室', '2024-06-30', '2024-05-01'],
      ],
      { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1'] },
    );
    const h = detectHeader(g)!;
    expect(h.headerRows).toEqual([1, 2]);
    expect(h.columns.deadline).toEqual({ field: 'deadline', column: 5, header: '完成时限/计划' });
    expect(h.columns.completedOn).toEqual({ field: 'completedOn', column: 6, header: '完成时限/实际' });
  });

  test('a header merged across the top of the sheet is a title, not a group over the header', () => {
    // Title merged across, header right below it: one-row header on row 2.
    const g = grid(
      [
        [TITLE],
        ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
        [1, '问题', '措施', '办公室', '2024年6月', '已完成'],
      ],
      { merges: ['A1:F1'] },
    );
    const h = detectHeader(g)!;
    expect(h.headerRows).toEqual([2]);
    expect(h.firstDataRow).toBe(3);
    // 填报 line merged in two halves right above the header.
    const g2 = grid(
      [
        ['填报单位：XX局', null, null, '填报时间：2024年4月15日'],
        ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
        [1, '问题', '措施', '办公室', '2024年6月', '已完成'],
      ],
      { merges: ['A1:C1', 'D1:F1'] },
    );
    expect(detectHeader(g2)!.headerRows).toEqual([2]);
  });

  test('a two-row header needs two fields named by top-row cells of their own, and two are enough', () => {
    // 存在问题 and 整改措施 name fields on the top row; 责任 (no field) groups 牵头单位 | 完成时限.
    const two = grid(
      [
        ['存在问题', '整改措施', '责任', null],
        [null, null, '牵头单位', '完成时限'],
        ['问题一', '措施一', '办公室', '2024年6月'],
      ],
      { merges: ['A1:A2', 'B1:B2', 'C1:D1'] },
    );
    const h = detectHeader(two)!;
    expect(h.headerRows).toEqual([1, 2]);
    expect(h.firstDataRow).toBe(3);
    expect(columnsOf(h)).toEqual({ problem: 1, measure: 2, department: 3, deadline: 4 });
    // With 工作 (no field) over 整改措施 | 责任单位 only one top-row cell names a field: no two-row
    // reading, and neither row names enough on its own.
    const one = grid(
      [
        ['存在问题', '工作', null],
        [null, '整改措施', '责任单位'],
        ['未按规定公开', '召开专题会', '办公室'],
      ],
      { merges: ['A1:A2', 'B1:C1'] },
    );
    expect(detectHeader(one)).toBeNull();
  });

  test('a header row with a merged column over data is not taken for a two-row header', () => {
    const g = grid(
      [
        ['序号', '存在问题', '整改措施', null, '责任单位', '整改时限', '整改进展', '备注'],
        [1, '问题一', '措施一', '措施二', '办公室', '2024年6月', '已完成', null],
      ],
      { merges: ['C1:D1'] },
    );
    const h = detectHeader(g)!;
    expect(h.headerRows).toEqual([1]);
    expect(h.firstDataRow).toBe(2);
    expect(h.columns.measure!.column).toBe(3);
  });

  test('a used range that starts at B3 (firstRow 3, firstColumn 2)', () => {
    const g = grid(
      [
        [TITLE],
        [],
        ['序号', '存在问题', '整改措施', '责任主体', null, '整改时限', '整改状态'],
        [null, null, null, '牵头单位', '配合单位', null, null],
        [1, '问题', '措施', '办公室', null, '2024年6月', '已完成'],
      ],
      {
        firstRow: 3,
        firstColumn: 2,
        merges: ['B3:H3', 'B5:B6', 'C5:C6', 'D5:D6', 'E5:F5', 'G5:G6', 'H5:H6'],
      },
    );
    const h = detectHeader(g)!;
    expect(h.headerRows).toEqual([5, 6]);
    expect(h.firstDataRow).toBe(7);
    expect(columnsOf(h)).toEqual({
      index: 2,
      problem: 3,
      measure: 4,
      department: 5,
      cooperating: 6,
      deadline: 7,
      status: 8,
    });
  });

  test('ragged rows: short rows and a header longer than the data', () => {
    const g = grid([
      [TITLE],
      ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展', '佐证材料', '备注'],
      [1, '问题'],
      [2, '问题', '措施', '办公室'],
    ]);
    const h = detectHeader(g)!;
    expect(h.headerRows).toEqual([2]);
    expect(Object.keys(h.columns)).toHaveLength(8);
  });

  test('each field maps to one column: an exact synonym before a containment match, else the first', () => {
    const g = grid([
      [
        '序号',
        '问题整改措施及完成情况',
        '存在问题',
        '整改措施',
        '具体问题',
        '责任单位',
        '整改时限',
        '完成情况',
      ],
    ]);
    const h = detectHeader(g)!;
    expect(h.columns.measure!.column).toBe(4); // exact 整改措施 beats the joined header in B
    expect(h.columns.problem!.column).toBe(3); // the first exact problem header
    expect(h.columns.status!.column).toBe(8);
    const joined = grid([['序号', '存在问题', '整改措施及完成情况', '责任单位', '整改时限']]);
    expect(detectHeader(joined)!.columns.measure!.column).toBe(3);
    expect(detectHeader(joined)!.columns.status).toBeUndefined();
  });

  test('the best header in the first 30 rows wins; a repeated header further down does not move it', () => {
    const header = ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'];
    const rows: Plain[][] = [[TITLE], header];
    for (let i = 0; i < 10; i++) rows.push([i + 1, '问题', '措施', '办公室', '2024年6月', '已完成']);
    rows.push(header);
    expect(detectHeader(grid(rows))!.headerRows).toEqual([2]);
  });

  test('a header below row 30 is not found; on row 30 it is', () => {
    const header = ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'];
    const blank = (n: number): Plain[][] => Array.from({ length: n }, () => []);
    expect(detectHeader(grid([...blank(29), header, [1, '问题']]))!.headerRows).toEqual([30]);
    expect(detectHeader(grid([...blank(30), header, [1, '问题']]))).toBeNull();
    // Counted from the grid's first row.
    expect(detectHeader(grid([...blank(29), header], { firstRow: 10 }))!.headerRows).toEqual([39]);
  });

  describe('overrides', () => {
    test('remap a column and remove a field', () => {
      const h = detectHeader(oneRowLedger(), { department: 6, remarks: null })!;
      expect(h.columns.department).toEqual({ field: 'department', column: 6, header: '配合单位' });
      // The detected field on that column gives way.
      expect(h.columns.cooperating).toBeUndefined();
      expect(h.columns.remarks).toBeUndefined();
      expect(h.columns.problem!.column).toBe(3);
    });

    test('honoured even when the overridden column looks worse than detection', () => {
      const h = detectHeader(oneRowLedger(), { problem: 12, measure: null, deadline: 20 })!;
      expect(h.columns.problem).toEqual({ field: 'problem', column: 12, header: '备　注' });
      expect(h.columns.measure).toBeUndefined();
      expect(h.columns.deadline).toEqual({ field: 'deadline', column: 20, header: '' });
      expect(h.columns.remarks).toBeUndefined();
    });

    test('undefined entries, and numbers that are no column, leave detection as it is', () => {
      const h = detectHeader(oneRowLedger(), { problem: undefined, measure: 0, status: 2.5 })!;
      expect(h.columns.problem!.column).toBe(3);
      expect(h.columns.measure!.column).toBe(4);
      expect(h.columns.status!.column).toBe(9);
    });

    test("on a two-row header, an override takes the column's joined header", () => {
      const h = detectHeader(twoRowLedger(), { department: 7, cooperating: null })!;
      expect(h.columns.department).toEqual({ field: 'department', column: 7, header: '责任主体/配合单位' });
      expect(h.columns.cooperating).toBeUndefined();
    });

    test('a header detection cannot read is found through the overrides', () => {
      const g = grid([
        ['办公室整改清单'],
        ['号', '问题点', '怎么改', '谁负责', '何时'],
        [1, '制度不健全', '修订制度', '办公室', '2024年6月'],
      ]);
      expect(detectHeader(g)).toBeNull();
      const h = detectHeader(g, { measure: 3, department: 4, deadline: 5 })!;
      expect(h.headerRows).toEqual([2]);
      expect(h.firstDataRow).toBe(3);
      expect(columnsOf(h)).toEqual({ problem: 2, measure: 3, department: 4, deadline: 5 });
      expect(h.columns.measure!.header).toBe('怎么改');
    });
  });

  describe('sheets that are not ledgers give null', () => {
    test('a cover sheet', () => {
      const g = grid(
        [
          [],
          [TITLE],
          [],
          ['编制单位：XX局办公室'],
          ['二〇二四年四月'],
          [],
          ['目录'],
          ['一、问题清单'],
          ['二、整改措施'],
          ['三、责任分工'],
        ],
        { merges: ['A2:H2'] },
      );
      expect(detectHeader(g)).toBeNull();
    });

    test('a notes sheet', () => {
      const g = grid([
        ['填表说明'],
        ['1.问题类别：按巡察反馈意见的分类填写。'],
        ['2.存在问题：逐条填写反馈问题，一个问题一行。'],
        ['3.整改措施：一项措施占一行，问题单元格可合并。'],
        ['4.整改时限：填写具体日期，长期坚持的填“长期坚持”。'],
        ['字段', '说明'],
        ['责任单位', '填写牵头单位全称'],
        ['整改进展', '已完成/正在推进/未启动'],
      ]);
      expect(detectHeader(g)).toBeNull();
    });

    test('a sheet of plain prose', () => {
      const g = grid([
        ['关于巡察反馈意见整改落实情况的报告'],
        ['按照县委巡察工作统一部署，县委第二巡察组对我局开展了常规巡察，反馈了存在问题17个。'],
        ['我局高度重视，成立整改工作领导小组，制定整改措施30项，明确责任单位、责任人和整改时限。'],
        ['截至2024年4月15日，已完成28项，正在推进2项。'],
      ]);
      expect(detectHeader(g)).toBeNull();
    });

    test('a summary table by department', () => {
      const g = grid([
        ['序号', '责任单位', '问题数', '措施数', '已完成', '完成率'],
        [1, '办公室', 3, 5, 4, 0.8],
      ]);
      expect(detectHeader(g)).toBeNull();
    });

    test('too few fields, or no problem or measure', () => {
      expect(detectHeader(grid([['序号', '存在问题', '备注']]))).toBeNull();
      expect(detectHeader(grid([['序号', '责任单位', '责任人', '整改时限', '整改进展']]))).toBeNull();
    });

    test('an empty grid', () => {
      expect(detectHeader(grid([]))).toBeNull();
      expect(detectHeader(grid([[], [], []]))).toBeNull();
    });

    test('header words as numbers, dates or errors do not count', () => {
      const g = grid([[1, 2, 3, 4, 5]]);
      expect(detectHeader(g)).toBeNull();
    });
  });
});
