/**
 * Reading every sheet of the open workbook for 合并各单位台账 (src/excel/workbookSheets.ts), on the
 * in-memory Excel: one grid per sheet with content, in tab order; empty sheets and the sheets the
 * tool generated (found by their ZGTZ_ names, whatever they are called now) are left out.
 */
import { consolidate, checkFileGrids } from '../../src/core/consolidate';
import { DEFAULT_REQUIRED } from '../../src/core/types';
import { createMemoryHost } from '../../src/testhost/memoryHost';
import { FakeWorkbook } from '../../src/testhost/fakeExcel';

const HEADER = ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'];

function unitsWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook({ apiVersion: 13 });
  wb.addSheet('城关镇').setRows(1, 1, [
    HEADER,
    [1, '河道垃圾', '清理河道', '城建办', '2024年4月30日', '已完成'],
  ]);
  wb.addSheet('空白');
  wb.addSheet('河口乡').setRows(1, 1, [
    ['填报单位：河口乡人民政府'],
    HEADER,
    [1, '危房改造滞后', '整治危房', '村建站', '2024年5月31日', '正在推进'],
    [2, '资金管理不规范', '规范管理', '财政所', '2024年10月31日', '推进中'],
  ]);
  // An earlier 汇总 the clerk renamed: still the tool's, by its name.
  wb.addSheet('上次的汇总').setRows(1, 1, [
    HEADER,
    [1, '旧问题', '旧措施', '办公室', '2024年1月31日', '已完成'],
  ]);
  wb.names.push({ name: 'ZGTZ_merged_ledger', reference: "'上次的汇总'!$A$1", comment: '' });
  return wb;
}

describe('readAllSheets', () => {
  it('reads every sheet with content except the tool’s own, in tab order', async () => {
    const host = createMemoryHost(unitsWorkbook());
    const seen: string[] = [];
    const grids = await host.readAllSheets!((p) => seen.push(p.sheet));
    expect(grids.map((g) => g.sheet)).toEqual(['城关镇', '河口乡']);
    expect(seen.filter(Boolean)).toEqual(['城关镇', '空白', '河口乡']);
    expect(grids[1].cells[0][0]).toMatchObject({ type: 'text', value: '填报单位：河口乡人民政府' });
  });

  it('gives one unit per sheet, named by the 填报单位 line or the sheet', async () => {
    const host = createMemoryHost(unitsWorkbook());
    const grids = await host.readAllSheets!();
    const options = {
      asOf: '2024-06-30',
      dueSoonDays: 7,
      required: [...DEFAULT_REQUIRED],
      lang: 'zh' as const,
    };
    const input = { ...checkFileGrids('本工作簿', grids, options), sheetsAreUnits: true };
    const result = consolidate([input], { asOf: options.asOf });
    expect(result.units.map((u) => [u.unit, u.source, u.counts.measures])).toEqual([
      ['河口乡人民政府', 'fill-line', 2],
      ['城关镇', 'sheet-name', 1],
    ]);
  });
});
