import { isoToSerial } from '../../src/core/calendar';
import { isDateFormat, parseDateCell, parseDateText, type DateContext } from '../../src/core/dates';
import { dateReasonText } from '../../src/core/findings';
import type { Cell, ParsedDate } from '../../src/core/types';
import { dateCell, errorCell, serial, toCell } from '../helpers/grid';

const AS_OF = '2024-05-01';
const ctx1900: DateContext = { asOf: AS_OF, dateSystem: 1900 };
const ctx1904: DateContext = { asOf: AS_OF, dateSystem: 1904 };

/** The parse with its reason worded in Chinese, as the clerk reads it in a finding. */
const zhReason = (r: ParsedDate) => (r.reason ? { ...r, reason: dateReasonText(r.reason, 'zh') } : r);
const text = (t: string, asOf = AS_OF) => zhReason(parseDateText(t, asOf));

describe('isDateFormat', () => {
  it.each([
    'yyyy/m/d',
    'm/d/yy',
    'mm-dd-yy',
    'yyyy-mm-dd',
    'yyyy"年"m"月"d"日"',
    'yyyy"年"m"月"',
    'm"月"d"日"',
    '[$-F800]dddd, mmmm dd, yyyy',
    '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy',
    'mmm-yy',
    'mmmm',
    'd-mmm',
    '[$-804]yyyy/m/d',
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    '[DBNum1][$-804]m"月"d"日"',
    '[Red]yyyy/m/d',
    'yyyy/m/d h:mm',
    'yyyy/m/d;@',
    'dddd',
  ])('%s is a date format', (f) => {
    expect(isDateFormat(f)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'General',
    '0',
    '0.00',
    '0%',
    '#,##0.00',
    '#,##0.00_);[Red](#,##0.00)',
    '0.00E+00',
    '@',
    '[h]:mm:ss',
    '[mm]:ss',
    'h:mm',
    'h:mm:ss AM/PM',
    'mm:ss',
    '[$-F400]h:mm:ss AM/PM',
    '0 "days"',
    '0"天"',
    '#,##0 "yd"',
    '\\d\\a\\y 0',
    '0_d',
    '[Red]0.00',
    '[>=100]0;0.0',
  ])('%s is not a date format', (f) => {
    expect(isDateFormat(f)).toBe(false);
  });

  it('answers the same on repeated calls (cached)', () => {
    for (let i = 0; i < 3; i++) {
      expect(isDateFormat('yyyy/m/d')).toBe(true);
      expect(isDateFormat('0.00')).toBe(false);
    }
  });
});

describe('parseDateText: full dates', () => {
  it.each([
    ['2024年6月14日', '2024-06-14'],
    ['2024年06月14日', '2024-06-14'],
    ['2024年6月14号', '2024-06-14'],
    ['2024 年 6 月 14 日', '2024-06-14'],
    ['2024.6.14', '2024-06-14'],
    ['2024.06.14', '2024-06-14'],
    ['2024/6/14', '2024-06-14'],
    ['2024-06-14', '2024-06-14'],
    ['2024-6-14', '2024-06-14'],
    ['24.6.14', '2024-06-14'],
    ['24/6/14', '2024-06-14'],
    ['20240614', '2024-06-14'],
    ['6/14/2024', '2024-06-14'],
    ['2024/6/14 0:00:00', '2024-06-14'],
    ['2024-06-14T00:00:00', '2024-06-14'],
    ['2024年6月30', '2024-06-30'],
    ['2024年6月30前', '2024-06-30'],
    ['二〇二四年六月十四日', '2024-06-14'],
    ['二○二四年十二月三十一日', '2024-12-31'],
    ['二零二四年十月一日', '2024-10-01'],
    ['2024年6月14日（星期五）', '2024-06-14'],
    ['2024年6月14日 17:00', '2024-06-14'],
  ])('%j → %s', (t, want) => {
    expect(text(t)).toEqual({ kind: 'date', date: want });
  });
});

describe('parseDateText: suffixes, junk, spaces', () => {
  it.each([
    ['2024年6月30日前', '2024-06-30'],
    ['2024年6月30日之前', '2024-06-30'],
    ['2024年6月30日以前', '2024-06-30'],
    ['2024年6月底前', '2024-06-30'],
    ['完成时限：2024年6月30日前', '2024-06-30'],
    ['完成时限:2024年6月30日前完成', '2024-06-30'],
    ['截至2024年6月30日', '2024-06-30'],
    ['  2024年6月30日  ', '2024-06-30'],
    ['2024年\n6月30日', '2024-06-30'],
    ['（2024年6月30日前）', '2024-06-30'],
    ['2024年6月30日前整改到位', '2024-06-30'],
  ])('%j → %s', (t, want) => {
    expect(text(t)).toEqual({ kind: 'date', date: want });
  });
});

describe('parseDateText: months, halves, quarters, year ends', () => {
  it.each([
    ['2024年6月', '2024-06-30'],
    ['2024年6月份', '2024-06-30'],
    ['2024年2月', '2024-02-29'],
    ['2023年2月', '2023-02-28'],
    ['2024年6月底', '2024-06-30'],
    ['2024年6月末', '2024-06-30'],
    ['2024.6', '2024-06-30'],
    ['2024.10', '2024-10-31'],
    ['2024-06', '2024-06-30'],
    ['202406', '2024-06-30'],
    ['6月底前', '2024-06-30'],
    ['6月底', '2024-06-30'],
    ['6月', '2024-06-30'],
    ['6月份', '2024-06-30'],
    ['2月底前', '2024-02-29'],
    ['六月底前', '2024-06-30'],
    ['十二月底', '2024-12-31'],
    ['十一月底前', '2024-11-30'],
    ['十月', '2024-10-31'],
    ['6月上旬', '2024-06-10'],
    ['6月初', '2024-06-10'],
    ['6月中旬', '2024-06-20'],
    ['6月中', '2024-06-15'],
    ['6月下旬', '2024-06-30'],
    ['2024年6月中旬前', '2024-06-20'],
    ['2024年底前', '2024-12-31'],
    ['2024年底', '2024-12-31'],
    ['2024年年底前', '2024-12-31'],
    ['2024年末', '2024-12-31'],
    ['2024年内', '2024-12-31'],
    ['2024年', '2024-12-31'],
    ['2024年度', '2024-12-31'],
    ['2024', '2024-12-31'],
    ['2025年底前', '2025-12-31'],
    ['年底前', '2024-12-31'],
    ['年底', '2024-12-31'],
    ['年内', '2024-12-31'],
    ['今年底', '2024-12-31'],
    ['今年6月底前', '2024-06-30'],
    ['本年度内', '2024-12-31'],
    ['明年上半年', '2025-06-30'],
    ['本月底', '2024-05-31'],
    ['下月底前', '2024-06-30'],
    ['2024年上半年', '2024-06-30'],
    ['2024年下半年', '2024-12-31'],
    ['2024年年中', '2024-06-30'],
    ['上半年', '2024-06-30'],
    ['下半年', '2024-12-31'],
    ['年中', '2024-06-30'],
    ['一季度', '2024-03-31'],
    ['第一季度', '2024-03-31'],
    ['第二季度', '2024-06-30'],
    ['二季度末', '2024-06-30'],
    ['三季度末', '2024-09-30'],
    ['四季度', '2024-12-31'],
    ['第4季度', '2024-12-31'],
    ['2024年第三季度', '2024-09-30'],
    ['2024年三季度末前', '2024-09-30'],
    ['2025年一季度', '2025-03-31'],
    ['Q2', '2024-06-30'],
    ['q3', '2024-09-30'],
    ['2024Q4', '2024-12-31'],
    ['2024年Q1', '2024-03-31'],
    ['二〇二四年三月', '2024-03-31'],
  ])('%j → %s', (t, want) => {
    expect(text(t)).toEqual({ kind: 'date', date: want });
  });
});

describe('parseDateText: full-width', () => {
  it.each([
    ['２０２４年６月', '2024-06-30'],
    ['２０２４年６月１４日', '2024-06-14'],
    ['２０２４．６．１４', '2024-06-14'],
    ['２０２４／６／１４', '2024-06-14'],
    ['２０２４－０６－１４', '2024-06-14'],
    ['６月底前', '2024-06-30'],
    ['Ｑ２', '2024-06-30'],
    ['完成时限：２０２４年６月３０日前', '2024-06-30'],
    ['２０２４年６月７日～６月１４日', '2024-06-14'],
    ['\u30002024年6月14日\u3000', '2024-06-14'],
  ])('%j → %s', (t, want) => {
    expect(text(t)).toEqual({ kind: 'date', date: want });
  });
});

describe('parseDateText: ranges (the end counts)', () => {
  it.each([
    ['6月7日至6月14日', '2024-06-14'],
    ['6月7日-14日', '2024-06-14'],
    ['6月7日至14日', '2024-06-14'],
    ['6月7-14日', '2024-06-14'],
    ['6月7日到6月14日', '2024-06-14'],
    ['2024年6月7日—2024年7月1日', '2024-07-01'],
    ['2024年6月7日-2024年7月1日', '2024-07-01'],
    ['2024年6月7日~2024年7月1日', '2024-07-01'],
    ['2024年6月7日〜2024年7月1日', '2024-07-01'],
    ['2024年6月7日–2024年7月1日', '2024-07-01'],
    ['2024年6月7日到2024年7月1日', '2024-07-01'],
    ['2024年6月7日至7月1日', '2024-07-01'],
    ['2024年6月7日——7月1日', '2024-07-01'],
    ['2024.6.7-2024.7.1', '2024-07-01'],
    ['2024.6.7-7.1', '2024-07-01'],
    ['2024.6.7-14', '2024-06-14'],
    ['2024-06-07至2024-07-01', '2024-07-01'],
    ['2024-06-07 - 2024-07-01', '2024-07-01'],
    ['2024年3月-2024年6月', '2024-06-30'],
    ['2024年3月至6月', '2024-06-30'],
    ['2024年12月1日至1月31日', '2025-01-31'],
    ['6月28日-3日', '2024-07-03'],
    ['2023年6月7日至2024年1月1日', '2024-01-01'],
  ])('%j → %s', (t, want) => {
    expect(text(t)).toEqual({ kind: 'date', date: want });
  });
});

describe('parseDateText: several dates, revisions', () => {
  it.each([
    ['2024年6月底前完成初稿\n2024年12月底前全面完成', '2024-12-31'],
    ['2024年6月底前完成初稿\n12月底前全面完成', '2024-12-31'],
    ['2024年6月底前完成初稿；年底前全面完成', '2024-12-31'],
    ['2024年12月底前完成初稿；3月底前全面完成', '2025-03-31'],
    ['2024年6月30日 (已延期至9月30日)', '2024-09-30'],
    ['2024年6月30日（已延期至2024年9月30日）', '2024-09-30'],
    ['2024年6月30日，申请延期至2025年3月底', '2025-03-31'],
    ['原定2024年12月底，调整为2024年6月底', '2024-06-30'],
    ['2024年9月30日（推迟至10月15日）', '2024-10-15'],
    ['原2024年6月30日，已调整至2024年8月1日至8月15日', '2024-08-15'],
    ['原定2024年6月底，延期至9月底，后调整为8月底', '2024-08-31'],
    ['原定2024年10月底，调整为6月底', '2024-06-30'],
    ['2024年12月31日（已延期至3月31日）', '2025-03-31'],
    ['2024年6月30日（已申请延期）', '2024-06-30'],
    ['长期坚持（已调整为2024年底前完成）', '2024-12-31'],
  ])('%j → %s', (t, want) => {
    expect(text(t)).toEqual({ kind: 'date', date: want });
  });
});

describe('parseDateText: year-less dates take the as-of year', () => {
  it.each([
    ['6月14日', '2023-11-20', '2023-06-14'],
    ['6月14日', '2025-01-01', '2025-06-14'],
    ['6.14', '2024-05-01', '2024-06-14'],
    ['6.30前', '2024-05-01', '2024-06-30'],
    ['6/30', '2024-05-01', '2024-06-30'],
    ['2月29日', '2024-01-01', '2024-02-29'],
    ['年底前', '2030-03-03', '2030-12-31'],
    ['二季度', '2026-07-01', '2026-06-30'],
  ])('%j as of %s → %s', (t, asOf, want) => {
    expect(text(t, asOf)).toEqual({ kind: 'date', date: want });
  });

  it('2月29日 in a non-leap as-of year is invalid', () => {
    expect(text('2月29日', '2023-06-01')).toEqual({
      kind: 'invalid',
      date: null,
      reason: '2023年2月没有29日',
    });
  });
});

describe('parseDateText: leap years', () => {
  it('2024-02-29 is a date, 2023-02-29 is not', () => {
    expect(text('2024年2月29日')).toEqual({ kind: 'date', date: '2024-02-29' });
    expect(text('2024-02-29')).toEqual({ kind: 'date', date: '2024-02-29' });
    expect(text('2023年2月29日')).toEqual({ kind: 'invalid', date: null, reason: '2023年2月没有29日' });
    expect(text('2023-02-29')).toEqual({ kind: 'invalid', date: null, reason: '2023年2月没有29日' });
    expect(text('2100年2月29日')).toEqual({ kind: 'invalid', date: null, reason: '2100年2月没有29日' });
    expect(text('2000.2.29')).toEqual({ kind: 'date', date: '2000-02-29' });
  });
});

describe('parseDateText: long-term and immediate', () => {
  it.each([
    '长期坚持',
    '长期',
    '持续推进',
    '常态化',
    '长期任务',
    '长期推进',
    '持续整改',
    '常态化推进',
    '久久为功',
    '每月25日前报送',
    '每年6月底前',
    '定期开展',
    '按季度报送',
    '2024年底前完成，长期坚持',
    '立行立改，长期坚持',
  ])('%j is long_term', (t) => {
    expect(text(t)).toEqual({ kind: 'long_term', date: null });
  });

  it.each(['立行立改', '立即整改', '即知即改', '立行立改，已完成', '立查立改', '马上就办'])(
    '%j is immediate',
    (t) => {
      expect(text(t)).toEqual({ kind: 'immediate', date: null });
    },
  );

  it('an immediate word beside a date gives the date', () => {
    expect(text('立行立改，6月底前完成')).toEqual({ kind: 'date', date: '2024-06-30' });
  });
});

describe('parseDateText: invalid and missing', () => {
  it.each([
    ['2024年2月30日', '2024年2月没有30日'],
    ['2024.2.30', '2024年2月没有30日'],
    ['2024-02-30', '2024年2月没有30日'],
    ['2024年4月31日', '2024年4月没有31日'],
    ['2024年6月0日', '2024年6月没有0日'],
    ['2024年13月', '没有13月'],
    ['2024年13月1日', '没有13月'],
    ['2024.13.1', '没有13月'],
    ['20240230', '2024年2月没有30日'],
    ['2024年2月30日至2024年3月5日', '2024年2月没有30日'],
    ['2024年6月30日（已延期至9月31日）', '2024年9月没有31日'],
    ['1949年10月1日', '年份1949不合理'],
    ['3024年6月30日', '年份3024不合理'],
    ['待定', '无法识别的日期'],
    ['尽快', '无法识别的日期'],
    ['另行通知', '无法识别的日期'],
    ['已完成', '无法识别的日期'],
    ['三年内', '无法识别的日期'],
    ['14日前', '无法识别的日期'],
    ['完成率95.5%', '无法识别的日期'],
  ])('%j is invalid: %s', (t, reason) => {
    const r = text(t);
    expect(r).toEqual({ kind: 'invalid', date: null, reason });
  });

  it('never rolls 2月30日 over to March', () => {
    const r = text('2024年2月30日');
    expect(r.kind).toBe('invalid');
    expect(r.date).toBeNull();
  });

  it.each(['', '   ', '\n', '/', '—', '——', '-', '无', '暂无', '\u3000'])('%j is missing', (t) => {
    expect(text(t)).toEqual({ kind: 'missing', date: null });
  });
});

describe('parseDateCell', () => {
  const cell = (c: Cell, ctx = ctx1900) => zhReason(parseDateCell(c, ctx));

  it('reads date cells', () => {
    expect(cell(dateCell('2024-06-14'))).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(dateCell('2024-02-29'))).toEqual({ kind: 'date', date: '2024-02-29' });
    expect(cell(dateCell('2024-06-14T00:00:00.000Z'))).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(dateCell('1905-07-16')).kind).toBe('invalid');
  });

  it('reads date-formatted serials in the 1900 system', () => {
    expect(cell(serial(45457))).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(serial(45016))).toEqual({ kind: 'date', date: '2023-03-31' });
    expect(cell(serial(45016.75))).toEqual({ kind: 'date', date: '2023-03-31' });
    expect(cell(serial(45351))).toEqual({ kind: 'date', date: '2024-02-29' });
    expect(cell(serial(36526))).toEqual({ kind: 'date', date: '2000-01-01' });
    expect(cell(serial(45457, 'yyyy"年"m"月"d"日"'))).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(serial(45457, '[$-F800]dddd, mmmm dd, yyyy'))).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(serial(45457, '[DBNum1][$-804]yyyy"年"m"月"d"日"'))).toEqual({
      kind: 'date',
      date: '2024-06-14',
    });
    expect(cell(serial(45444, 'mmm-yy'))).toEqual({ kind: 'date', date: '2024-06-01' });
  });

  it('reads date-formatted serials in the 1904 system', () => {
    expect(cell(serial(43995), ctx1904)).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(serial(43554), ctx1904)).toEqual({ kind: 'date', date: '2023-03-31' });
    expect(cell(serial(43554.5), ctx1904)).toEqual({ kind: 'date', date: '2023-03-31' });
    expect(cell(serial(isoToSerial('2024-02-29', 1904)), ctx1904)).toEqual({
      kind: 'date',
      date: '2024-02-29',
    });
    // The same number means a different day in the other system.
    expect(cell(serial(45457), ctx1904)).toEqual({ kind: 'date', date: '2028-06-15' });
  });

  it('serial 0, negative serials and implausible years are invalid', () => {
    for (const ctx of [ctx1900, ctx1904]) {
      expect(cell(serial(0), ctx).kind).toBe('invalid');
      expect(cell(serial(-1), ctx).kind).toBe('invalid');
      expect(cell(serial(-45000), ctx).kind).toBe('invalid');
      expect(cell(serial(Number.NaN), ctx).kind).toBe('invalid');
      expect(cell(serial(Number.POSITIVE_INFINITY), ctx).kind).toBe('invalid');
      expect(cell(serial(1e12), ctx).kind).toBe('invalid');
    }
    // 2024 typed into a date-formatted cell is 1905-07-16: reported, not believed.
    expect(cell(serial(2024))).toEqual({ kind: 'invalid', date: null, reason: '年份1905不合理' });
    expect(cell(serial(0)).reason).toBeTruthy();
  });

  it('20240614 typed into a date-formatted cell means that day', () => {
    expect(cell(serial(20240614))).toEqual({ kind: 'date', date: '2024-06-14' });
  });

  it('plain numbers: yyyymmdd, yyyymm, year, serial in 2000–2099, 2024.6', () => {
    expect(cell(toCell(20240614))).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(toCell(20240230))).toEqual({ kind: 'invalid', date: null, reason: '2024年2月没有30日' });
    expect(cell(toCell(202406))).toEqual({ kind: 'date', date: '2024-06-30' });
    expect(cell(toCell(2024))).toEqual({ kind: 'date', date: '2024-12-31' });
    expect(cell(toCell(45457))).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(toCell(45457), ctx1904)).toEqual({ kind: 'date', date: '2028-06-15' });
    expect(cell(toCell(45016.75))).toEqual({ kind: 'date', date: '2023-03-31' });
    expect(cell({ type: 'number', value: 45457 })).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell({ type: 'number', value: 45457, format: '0.00' })).toEqual({
      kind: 'date',
      date: '2024-06-14',
    });
    expect(cell(toCell(2024.6))).toEqual({ kind: 'date', date: '2024-06-30' });
    expect(cell(toCell(2024.06))).toEqual({ kind: 'date', date: '2024-06-30' });
    expect(cell(toCell(2024.12))).toEqual({ kind: 'date', date: '2024-12-31' });
    expect(cell(toCell(2024.1)).kind).toBe('invalid'); // 2024.1 or 2024.10?
    expect(cell(toCell(2024.13)).kind).toBe('invalid');
  });

  it('plain numbers that are no date are invalid', () => {
    for (const v of [1, 7, 12, 100, 1000, 1949, 3000, 30000, 80000, 123456789, 0, -5, 0.5]) {
      const r = cell(toCell(v));
      expect(r.kind).toBe('invalid');
      expect(r.date).toBeNull();
      expect(r.reason).toBeTruthy();
    }
  });

  it('text cells are read as text, digit-only text as a number in the workbook system', () => {
    expect(cell(toCell('2024年6月底前'))).toEqual({ kind: 'date', date: '2024-06-30' });
    expect(cell(toCell('长期坚持'))).toEqual({ kind: 'long_term', date: null });
    expect(cell(toCell('立行立改'))).toEqual({ kind: 'immediate', date: null });
    expect(cell(toCell('待定'))).toEqual({ kind: 'invalid', date: null, reason: '无法识别的日期' });
    expect(cell(toCell('20240614'))).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(toCell('45457'))).toEqual({ kind: 'date', date: '2024-06-14' });
    expect(cell(toCell('45457'), ctx1904)).toEqual({ kind: 'date', date: '2028-06-15' });
    expect(cell(toCell('6月底前'), { asOf: '2023-01-01', dateSystem: 1900 })).toEqual({
      kind: 'date',
      date: '2023-06-30',
    });
  });

  it('error cells are invalid, empty cells missing', () => {
    for (const e of ['#REF!', '#N/A', '#VALUE!', '#DIV/0!']) {
      const r = cell(errorCell(e));
      expect(r.kind).toBe('invalid');
      expect(r.date).toBeNull();
      expect(r.reason).toContain(e);
    }
    expect(cell(toCell(null))).toEqual({ kind: 'missing', date: null });
    expect(cell({ type: 'empty', value: null })).toEqual({ kind: 'missing', date: null });
    expect(cell(toCell('   '))).toEqual({ kind: 'missing', date: null });
    expect(cell({ type: 'text', value: '' })).toEqual({ kind: 'missing', date: null });
  });

  it('booleans are invalid', () => {
    expect(cell(toCell(true)).kind).toBe('invalid');
  });

  it('formula cells are read by their cached value', () => {
    expect(cell({ type: 'number', value: 45457, format: 'yyyy/m/d', formula: true })).toEqual({
      kind: 'date',
      date: '2024-06-14',
    });
  });
});

describe('relative limits (issue 10): read as limits, not as dates', () => {
  // "3个月内" and "30日内" were reported as unreadable dates before issue 10; they are limits
  // counted from the day of 交办, resolved by the check against an issue date.
  test.each([
    ['3天', { amount: 3, unit: 'day' }],
    ['5个工作日内', { amount: 5, unit: 'workday' }],
    ['10个工作日', { amount: 10, unit: 'workday' }],
    ['一个月内', { amount: 1, unit: 'month' }],
    ['3个月内', { amount: 3, unit: 'month' }],
    ['限期15日', { amount: 15, unit: 'day' }],
    ['30日内', { amount: 30, unit: 'day' }],
    ['交办后7日内完成', { amount: 7, unit: 'day' }],
    ['收到通知之日起十五个工作日内办结', { amount: 15, unit: 'workday' }],
    ['两周内', { amount: 2, unit: 'week' }],
    ['半个月', { amount: 15, unit: 'day' }],
    ['限期 ５ 个工作日', { amount: 5, unit: 'workday' }],
  ])('%j → %j', (t, relative) => {
    expect(text(t)).toEqual({ kind: 'relative', date: null, relative });
  });

  test.each(['3月内', '14日前', '2024年6月30日', '5个工作日内完成初稿，2024年6月30日前全部完成'])(
    '%j is not a relative limit',
    (t) => {
      expect(text(t).kind).not.toBe('relative');
    },
  );
});
