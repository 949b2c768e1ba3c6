import { sheetOfReference } from '../../src/core/a1';
import { sheetOfRange } from '../../src/cli/ooxml';
import { isDateFormat } from '../../src/core/numberFormat';
import { isDateFormat as fromDates } from '../../src/core/dates';
import { isDateFormat as officeIsDateFormat } from '../../src/excel/readSheet';
import {
  CN_DATE_FORMAT,
  generatedSheetMarker,
  isToolFormula,
  LEGACY_MARK_TAG,
  MARK_TABLE_PREFIX,
  markFormula,
  PLAN_STYLES,
} from '../../src/core/protocol';
import { markFormula as officeMarkFormula } from '../../src/excel/marksWriter';
import { markFormula as cliMarkFormula } from '../../src/cli/checkedWorkbook';

describe('isDateFormat: one answer for the engine and both hosts', () => {
  // Excel shows these as dates: mmm → 'Jun', e"年"m"月" → '2024年6月' (e is the era year in zh-CN),
  // [DBNum1]m"月" → '六月'. The Office host's own copy used to answer false for all three.
  it.each(['mmm', 'e"年"m"月"', '[DBNum1]m"月"', '[$-804]e"年"m"月"', 'yyyy"年"m"月"d"日"'])(
    '%s is a date',
    (f) => {
      expect(isDateFormat(f)).toBe(true);
      expect(officeIsDateFormat(f)).toBe(true);
    },
  );
  // A time of day is not a date (the Office host's copy took 上午/下午 h"时"mm"分" for one).
  it.each(['上午/下午 h"时"mm"分"', 'h"时"mm"分"ss"秒"', 'mm:ss', '0"月"'])('%s is not a date', (f) => {
    expect(isDateFormat(f)).toBe(false);
    expect(officeIsDateFormat(f)).toBe(false);
  });
  it('is the same function everywhere', () => {
    expect(fromDates).toBe(isDateFormat);
    expect(officeIsDateFormat).toBe(isDateFormat);
  });
});

describe('mark formulas', () => {
  it('are the same in both hosts (Office.js adds the leading =)', () => {
    expect(cliMarkFormula('overdue')).toBe('N("整改台账助手:overdue")=0');
    expect(officeMarkFormula('overdue')).toBe(`=${cliMarkFormula('overdue')}`);
    expect(officeMarkFormula('missing', `${MARK_TABLE_PREFIX}1`, 'F5')).toBe(
      `=${markFormula('missing', 'ZGTZ_标注_1', 'F5')}`,
    );
    expect(markFormula('missing', 'ZGTZ_标注_1', 'F5')).toBe(
      `AND(N("整改台账助手:missing")=0,'ZGTZ_标注_1'!F5="missing")`,
    );
  });
  it('are recognised with the current and the legacy tag', () => {
    expect(isToolFormula(officeMarkFormula('done'))).toBe(true);
    expect(isToolFormula(`N("${LEGACY_MARK_TAG}overdue")=0`)).toBe(true);
    expect(isToolFormula('=A1>0')).toBe(false);
    expect(isToolFormula(undefined)).toBe(false);
  });
});

describe('generated sheets', () => {
  it('carry one defined name per kind', () => {
    expect(generatedSheetMarker('summary')).toBe('ZGTZ_summary');
    expect(generatedSheetMarker('overdue-list')).toBe('ZGTZ_overdue_list');
    expect(generatedSheetMarker('to-complete-list')).toBe('ZGTZ_to_complete_list');
  });
});

describe('plan styles', () => {
  it('give every style an alignment and titles a larger font', () => {
    for (const s of Object.values(PLAN_STYLES)) expect(s.vertical).toBeDefined();
    expect(PLAN_STYLES.title.size).toBeGreaterThan(PLAN_STYLES.cell.size ?? 11);
    expect(CN_DATE_FORMAT).toBe('yyyy"年"m"月"d"日"');
  });
});

describe('where a marker points', () => {
  it('reads the sheet of a defined name as Excel and OOXML write it', () => {
    expect(sheetOfReference("='逾期 清单'!$A$1")).toBe('逾期 清单');
    expect(sheetOfReference("'台账''s'!$A$1")).toBe("台账's");
    expect(sheetOfReference('整改汇总!$A$1')).toBe('整改汇总');
    expect(sheetOfReference('=#REF!$A$1')).toBeNull(); // its sheet was deleted
    expect(sheetOfReference('$A$1')).toBeNull();
    expect(sheetOfRange("'逾期 清单'!$A$1")).toBe('逾期 清单');
    expect(sheetOfRange('$A$1')).toBe('');
  });
});
