/**
 * The in-memory Excel itself holds to Office.js's documented behaviour (sources in
 * src/testhost/fake/*.ts and the README). These tests pin each behaviour directly, so a change
 * to the fake that makes it kinder than Excel fails here, not silently in the host tests.
 */
import { FakeContext, FakeWorkbook, PAYLOAD_LIMIT } from '../../src/testhost/fakeExcel';

/* eslint-disable @typescript-eslint/no-explicit-any */
function context(wb: FakeWorkbook, delayForCellEdit = false): any {
  return new FakeContext(wb, { delayForCellEdit });
}

function book(opts: ConstructorParameters<typeof FakeWorkbook>[0] = {}) {
  const wb = new FakeWorkbook(opts);
  wb.addSheet('台账').setRows(1, 1, [
    ['序号', '问题'],
    [1, '甲'],
  ]);
  return wb;
}

describe('the in-memory Excel', () => {
  it('applies operations only at sync, in order, and keeps what ran before a failure', async () => {
    const wb = book();
    const ctx = context(wb);
    const sheet = ctx.workbook.worksheets.getItem('台账');
    sheet.getRange('C1').values = [['先']];
    expect(wb.sheets[0].get(1, 3)).toBeUndefined();
    ctx.workbook.worksheets.getItem('没有').getRange('A1').values = [['x']];
    sheet.getRange('D1').values = [['后']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(wb.sheets[0].get(1, 3)?.value).toBe('先');
    expect(wb.sheets[0].get(1, 4)).toBeUndefined();
  });

  it('fails a batch in cell-edit mode unless the run waits for the clerk (delayForCellEdit)', async () => {
    const wb = book();
    wb.cellEditMode = true;
    const ctx = context(wb);
    ctx.workbook.worksheets.getItem('台账').getRange('C1').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(wb.sheets[0].get(1, 3)).toBeUndefined();
    const waits = context(wb, true);
    waits.workbook.worksheets.getItem('台账').getRange('C1').values = [['x']];
    await waits.sync();
    expect(wb.delayedSyncs).toBe(1);
    expect(wb.sheets[0].get(1, 3)?.value).toBe('x');
  });

  it('refuses requests and responses over 5 MB, and gets over 5,000,000 cells', async () => {
    const wb = book();
    const ctx = context(wb);
    const big = Array.from({ length: 2000 }, () => ['长'.repeat(1000)]);
    ctx.workbook.worksheets.getItem('台账').getRange('A10:A2009').values = big;
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(wb.requestBytes[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(wb.sheets[0].get(10, 1)).toBeUndefined();
    for (let i = 0; i < 4; i++) {
      const part = context(wb);
      part.workbook.worksheets.getItem('台账').getRangeByIndexes(9 + i * 500, 0, 500, 1).values = big.slice(
        0,
        500,
      );
      await part.sync();
    }
    const read = context(wb);
    read.workbook.worksheets.getItem('台账').getRange('A10:A2009').load('values');
    await expect(read.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    const huge = context(wb);
    huge.workbook.worksheets.getItem('台账').getRange('A1:E1000001').load('values');
    await expect(huge.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });

  it('counts every operation in the request: hyperlinks, fonts, borders and merges too', async () => {
    const wb = book();
    const ctx = context(wb);
    const r = ctx.workbook.worksheets.getItem('台账').getRange('B2');
    r.hyperlink = { documentReference: "'台账'!A1", textToDisplay: '第1行' };
    r.format.font.color = '#0563C1';
    r.format.borders.getItem('EdgeTop').style = 'Continuous';
    r.merge(false);
    await ctx.sync();
    expect(wb.requestBytes[0]).toBeGreaterThan(4 * 40 + 30);
  });

  it('answers merged areas by top-left cell, clips those reaching in, and fails past 512', async () => {
    const wb = book({ apiVersion: 13 });
    const s = wb.sheets[0];
    s.merge('B3:B6').merge('C5:D5');
    const ctx = context(wb);
    const areas = ctx.workbook.worksheets.getItem('台账').getRange('A5:E10').getMergedAreasOrNullObject();
    areas.load('address');
    await ctx.sync();
    expect(areas.address).toBe("'台账'!B5:B6,'台账'!C5:D5");
    for (let r = 20; r < 20 + 513; r++) s.merge(`B${r}:C${r}`);
    const many = context(wb);
    many.workbook.worksheets.getItem('台账').getRange('A1:E600').getMergedAreasOrNullObject().load('address');
    await expect(many.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    const old = context(book({ apiVersion: 7 }));
    old.workbook.worksheets.getItem('台账').getRange('A1:B2').getMergedAreasOrNullObject().load('address');
    await expect(old.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('takes RangeAreas addresses up to 8,192 characters', async () => {
    const wb = book({ apiVersion: 9 });
    const list = (n: number) => Array.from({ length: n }, (_, i) => `A${i + 1}`).join(',');
    const ok = context(wb);
    ok.workbook.worksheets.getItem('台账').getRanges(list(1500)).load('address');
    await ok.sync();
    const long = context(wb);
    long.workbook.worksheets.getItem('台账').getRanges(list(2000)).load('address');
    await expect(long.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('refuses conditional formats past its cap', async () => {
    const wb = book({ maxRulesPerSheet: 2 });
    const ctx = context(wb);
    for (let i = 0; i < 3; i++)
      ctx.workbook.worksheets.getItem('台账').getRange('A1').conditionalFormats.add('Custom');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    expect(wb.sheets[0].rules).toHaveLength(2);
  });

  it('fails anything loaded through a null object, and a chart series that does not exist', async () => {
    const wb = book();
    const ctx = context(wb);
    const ghost = ctx.workbook.worksheets.getItemOrNullObject('没有');
    ghost.load('name');
    await ctx.sync();
    expect(ghost.isNullObject).toBe(true);
    ghost.getRange('A1').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    const charts = context(wb);
    const sheet = charts.workbook.worksheets.getItem('台账');
    const chart = sheet.charts.add('BarStacked', sheet.getRange('A1:B2'), 'Columns');
    chart.series.getItemAt(2).setXAxisValues(sheet.getRange('A2:A2'));
    await expect(charts.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('shows Range.text as the number format does, also without a year, in both date systems', async () => {
    for (const [system, md, yy] of [
      [1900, '12月31日', '23/12/31'],
      [1904, '1月1日', '28/1/1'],
    ] as const) {
      const wb = new FakeWorkbook({ dateSystem: system });
      wb.addSheet('S').setRows(1, 1, [
        [
          { value: 45291, numberFormat: 'm"月"d"日"' },
          { value: 45291, numberFormat: 'yy/m/d' },
        ],
      ]);
      const ctx = context(wb);
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      r.load('text');
      await ctx.sync();
      expect(r.text).toEqual([[md, yy]]);
    }
  });

  it('drops or keeps a leading apostrophe in a text cell, as chosen', async () => {
    for (const [mode, want] of [
      ['strip', '引号'],
      ['keep', "'引号"],
    ] as const) {
      const wb = book({ apostropheInTextCell: mode });
      const ctx = context(wb);
      const r = ctx.workbook.worksheets.getItem('台账').getRange('C1');
      r.numberFormat = [['@']];
      r.values = [["'引号"]];
      await ctx.sync();
      expect(wb.sheets[0].get(1, 3)?.value).toBe(want);
    }
  });

  it('refuses sheet changes under structure protection, and focus-bound calls when another workbook is active', async () => {
    const wb = book();
    wb.structureProtected = true;
    const ctx = context(wb);
    ctx.workbook.worksheets.add('新表');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    wb.structureProtected = false;
    wb.inactive = true;
    const away = context(wb);
    away.workbook.worksheets.getItem('台账').getRange('A1').select();
    await expect(away.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    const del = context(wb);
    del.workbook.worksheets.getItem('台账').delete();
    await expect(del.sync()).rejects.toMatchObject({ code: 'InvalidSelection' });
  });

  it('lets settings.saveAsync fail', async () => {
    const wb = book();
    wb.settingsSaveFails = true;
    const status = await new Promise((resolve) => wb.settings().saveAsync((r) => resolve(r.status)));
    expect(status).toBe('failed');
  });
});
