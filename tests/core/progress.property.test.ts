import fc from 'fast-check';
import { splitDepartments, isVagueDepartment } from '../../src/core/departments';
import { classifyStatus } from '../../src/core/progress';
import type { ProgressState } from '../../src/core/types';

const STATES: readonly ProgressState[] = [
  'done',
  'in_progress',
  'long_term',
  'not_started',
  'unknown',
  'missing',
];

/** Words and marks that status and department cells are made of, to steer the generators. */
const STATUS_PIECES = [
  '已',
  '未',
  '尚',
  '完成',
  '正在',
  '推进',
  '整改',
  '到位',
  '长期',
  '持续',
  '启动',
  '开始',
  '计划',
  '基本',
  '部分',
  '办结',
  '销号',
  '待验收',
  '75%',
  '100%',
  '0%',
  '2023年12月13日',
  ',',
  '，',
  '。',
  '、',
  ';',
  '\n',
  ' ',
  '\u3000',
  '√',
  '×',
  'done',
  'in progress',
  'not',
  'started',
  '(',
  ')',
  '：',
];
const statusText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.array(fc.constantFrom(...STATUS_PIECES), { maxLength: 12 }).map((parts) => parts.join('')),
);

describe('classifyStatus properties', () => {
  test('never throws and always returns one of the six states', () => {
    fc.assert(
      fc.property(statusText, (text) => {
        expect(STATES).toContain(classifyStatus(text));
      }),
      { numRuns: 3000 },
    );
  });

  test('only whitespace and punctuation is missing; anything else is not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(' ', '\u3000', '\n', ',', '。', '、', '/', '-', '—', '…', '；'), {
          maxLength: 8,
        }),
        (parts) => {
          expect(classifyStatus(parts.join(''))).toBe('missing');
        },
      ),
    );
  });

  test('is deterministic', () => {
    fc.assert(
      fc.property(statusText, (text) => {
        expect(classifyStatus(text)).toBe(classifyStatus(text));
      }),
    );
  });

  test('spaces inside a Chinese status do not change its state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          '已完成',
          '正在推进',
          '尚未完成',
          '长期坚持',
          '未启动',
          '已于2023年12月13日全部整改完毕',
          '计划6月底完成',
        ),
        fc.nat(),
        (text, seed) => {
          const chars = [...text];
          const at = seed % (chars.length + 1);
          const spaced = [...chars.slice(0, at), ' ', ...chars.slice(at)].join('');
          expect(classifyStatus(spaced)).toBe(classifyStatus(text));
        },
      ),
    );
  });
});

/** Characters a clean department name may hold: no separators, colons, brackets or dots. */
const NAME_CHARS = [
  ...'县市区局股室科办委队站中心政府法规与审批财务交通运输管理计划建设执法大队乡村道路技术指导XY12',
];
const NOTE_CHARS = [...'牵头含窗口执法配合、,;/'];
const cleanName = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 10 }),
    fc.option(fc.string({ unit: fc.constantFrom(...NOTE_CHARS), minLength: 1, maxLength: 6 }), {
      nil: undefined,
    }),
    fc.constantFrom('(', '（'),
  )
  .map(([name, note, open]) =>
    note === undefined ? name : `${name}${open}${note}${open === '(' ? ')' : '）'}`,
  );

const departmentText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        '办公室',
        '财务股',
        '各单位',
        '、',
        ',',
        '，',
        ';',
        '；',
        '/',
        '／',
        '|',
        '\n',
        ' ',
        '  ',
        '\u3000',
        '(',
        ')',
        '（',
        '）',
        '〔',
        '〕',
        '【',
        '】',
        '牵头单位:',
        '责任单位：',
        '。',
        '.',
        '含窗口、执法',
      ),
      { maxLength: 14 },
    )
    .map((parts) => parts.join('')),
);

describe('splitDepartments properties', () => {
  test('never throws, never returns empty or untrimmed parts or duplicates', () => {
    fc.assert(
      fc.property(departmentText, (text) => {
        const parts = splitDepartments(text);
        expect(Array.isArray(parts)).toBe(true);
        for (const part of parts) {
          expect(part).not.toBe('');
          expect(part).toBe(part.trim());
          expect(part).not.toMatch(/^[\s\u3000]|[\s\u3000]$/);
        }
        expect(new Set(parts).size).toBe(parts.length);
      }),
      { numRuns: 3000 },
    );
  });

  test("joining clean names with '、' splits back into the same list", () => {
    fc.assert(
      fc.property(fc.uniqueArray(cleanName, { minLength: 1, maxLength: 8 }), (names) => {
        expect(splitDepartments(names.join('、'))).toEqual(names);
      }),
      { numRuns: 2000 },
    );
  });

  test('any separator joins the same way', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(cleanName, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('、', ',', '，', ';', '；', '/', '／', '|', '\n', '\r\n', '  ', '\u3000', ' 、 '),
        (names, sep) => {
          expect(splitDepartments(names.join(sep))).toEqual(names);
        },
      ),
    );
  });

  test('splitting is idempotent: the parts re-joined split the same', () => {
    fc.assert(
      fc.property(departmentText, (text) => {
        const parts = splitDepartments(text);
        // Parts that kept an unclosed bracket can pair up with another part's bracket once
        // re-joined, so idempotence is only claimed for bracket-free parts.
        fc.pre(parts.every((p) => !/[()（）〔〕【】]/.test(p)));
        expect(splitDepartments(parts.join('、'))).toEqual(parts);
      }),
    );
  });

  test('isVagueDepartment never throws', () => {
    fc.assert(
      fc.property(departmentText, (text) => {
        expect(typeof isVagueDepartment(text)).toBe('boolean');
      }),
    );
  });
});
