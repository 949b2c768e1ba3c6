import { REQUIREMENTS, runOptions, supports } from '../../src/excel/capabilities';
import { officialPunctuation } from '../../src/core/text/punctuation';
import { toHostError } from '../../src/excel/errors';
import { HostError } from '../../src/excel/host';
import { OfficeHost } from '../../src/excel/officeHost';
import { FakeError, FakeWorkbook } from '../../src/testhost/fakeExcel';
import { fakeEnv } from '../../src/testhost/fakeEnv';
import { sampleWorkbook } from '../../src/testhost/sampleLedger';
import fs from 'fs';
import path from 'path';

describe('capabilities: every API version check in one place', () => {
  it('says what ExcelApi 1.6, 1.7 (Excel 2019), 1.9 and 1.13 can do', () => {
    const at = (v: number) => {
      const env = fakeEnv(new FakeWorkbook({ apiVersion: v }));
      return Object.fromEntries(
        Object.keys(REQUIREMENTS).map((f) => [f, supports(env, f as keyof typeof REQUIREMENTS)]),
      );
    };
    expect(at(6)).toEqual({ addin: false, pageLayout: false, delayForCellEdit: false, mergedAreas: false });
    expect(at(7)).toEqual({ addin: true, pageLayout: false, delayForCellEdit: false, mergedAreas: false });
    expect(at(9)).toEqual({ addin: true, pageLayout: true, delayForCellEdit: false, mergedAreas: false });
    expect(at(13)).toEqual({ addin: true, pageLayout: true, delayForCellEdit: true, mergedAreas: true });
    expect(runOptions(fakeEnv(new FakeWorkbook({ apiVersion: 7 })))).toEqual({});
    expect(runOptions(fakeEnv(new FakeWorkbook({ apiVersion: 11 })))).toEqual({ delayForCellEdit: true });
  });

  it('no host file spells an ExcelApi version: they all ask capabilities.ts', () => {
    const dir = path.resolve(__dirname, '../../src/excel');
    for (const file of fs.readdirSync(dir)) {
      if (file === 'capabilities.ts' || file === 'env.ts') continue;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect([file, /isSetSupported|'1\.\d+'/.test(text)]).toEqual([file, false]);
    }
  });

  it('runs the whole add-in on Excel 2019 (ExcelApi 1.7): read, mark, clear', async () => {
    const wb = sampleWorkbook({ apiVersion: 7 });
    const host = new OfficeHost(fakeEnv(wb));
    await host.readActiveSheet();
    await host.applyMarks({ sheet: '整改台账', groups: [{ kind: 'overdue', areas: ['A5:K6'] }] });
    expect(await host.clearMarks()).toBe(1);
  });
});

describe('Excel errors as sentences', () => {
  const documented = [
    'AccessDenied',
    'ApiNotFound',
    'Conflict',
    'EmptyChartSeries',
    'FilteredRangeConflict',
    'FormulaLengthExceedsLimit',
    'GeneralException',
    'InactiveWorkbook',
    'InsertDeleteConflict',
    'InvalidArgument',
    'InvalidBinding',
    'InvalidOperation',
    'InvalidOperationInCellEditMode',
    'InvalidReference',
    'InvalidSelection',
    'ItemAlreadyExists',
    'ItemNotFound',
    'MergedRangeConflict',
    'NonBlankCellOffSheet',
    'NotImplemented',
    'OperationCellsExceedLimit',
    'PivotTableRangeConflict',
    'RangeExceedsLimit',
    'RequestAborted',
    'RequestPayloadSizeLimitExceeded',
    'ResponsePayloadSizeLimitExceeded',
    'ServiceNotAvailable',
    'Unauthenticated',
    'UnsupportedOperation',
    'UnsupportedSheet',
    'UnsupportedFeature',
  ];
  it('gives every documented code one plain sentence in Chinese and English, never Excel’s message', () => {
    for (const code of documented) {
      const e = toHostError(new FakeError(code, 'RichApi.Error: internal detail XYZ'));
      expect(e).toBeInstanceOf(HostError);
      expect(e.code).not.toBe('unknown');
      expect(e.zh).not.toMatch(/XYZ|[,;:](?!\d)/);
      expect(e.zh).toMatch(/。$/);
      expect(officialPunctuation(e.zh)).toBe(e.zh);
      expect(e.en).not.toMatch(/XYZ/);
    }
  });
  it('tells the clerk what to do on an unknown error', () => {
    const e = toHostError(new Error('Something odd happened in Excel'));
    expect(e.code).toBe('unknown');
    expect(e.zh).toMatch(/保存工作簿.*重新打开.*命令行/);
    expect(e.en).not.toMatch(/odd/);
    expect(toHostError({ code: 'BrandNewCode', message: 'x' }).zh).toMatch(/BrandNewCode/);
  });
  it('names another workbook taking the focus midway', async () => {
    const wb = sampleWorkbook();
    wb.addSheet('另一表');
    wb.inactive = true;
    const err = await new OfficeHost(fakeEnv(wb)).selectCell('另一表', 'A1').catch((e) => e);
    expect(err.zh).toMatch(/另一个工作簿/);
  });
});
