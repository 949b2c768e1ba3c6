import { checkGrid } from '../../src/core/check';
import { DEFAULT_REQUIRED } from '../../src/core/types';
import { cellAt } from '../../src/core/grid';
import {
  dateSystemFromShown,
  isDateFormat,
  shownAs,
  wholeAreas,
  worstCaseBytes,
} from '../../src/excel/readSheet';
import { ledgerWorkbook } from '../../src/testhost/longLedger';
import { HostError } from '../../src/excel/host';
import { OfficeHost } from '../../src/excel/officeHost';
import { FakeWorkbook } from '../../src/testhost/fakeExcel';
import { fakeEnv } from '../../src/testhost/fakeEnv';
import { sampleWorkbook } from '../../src/testhost/sampleLedger';

const LONG =
  '按照巡察反馈意见要求,进一步健全完善工作机制,压实主体责任,强化督促检查,确保各项整改措施落到实处、取得实效,'.repeat(
    2,
  );

function bigWorkbook(rows: number, columns = 15, text = LONG, apiVersion = 17): FakeWorkbook {
  const wb = new FakeWorkbook({ apiVersion });
  const s = wb.addSheet('台账');
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = s.cell(r, c);
      if (c === 1) cell.value = r;
      else if (c === 7) {
        cell.value = 45000 + (r % 400);
        cell.numberFormat = 'yyyy/m/d';
      } else cell.value = text;
    }
    if (r % 3 === 1 && r + 1 <= rows) s.merge(`B${r}:B${r + 1}`);
  }
  return wb;
}

describe('readActiveSheet', () => {
  it('reads values, formats, errors, booleans and merges into the engine grid', async () => {
    const wb = sampleWorkbook();
    const grid = await new OfficeHost(fakeEnv(wb)).readActiveSheet();
    expect(grid.sheet).toBe('整改台账');
    expect(grid.firstRow).toBe(1);
    expect(grid.firstColumn).toBe(1);
    expect(grid.dateSystem).toBe(1900);
    expect(cellAt(grid, 3, 5)).toEqual({ type: 'text', value: '责任单位', format: 'General' });
    expect(cellAt(grid, 4, 7)).toEqual({ type: 'number', value: 45291, format: 'yyyy"年"m"月"d"日"' });
    expect(cellAt(grid, 4, 1)).toMatchObject({ type: 'number', value: 1 });
    expect(cellAt(grid, 5, 2)).toEqual({ type: 'empty', value: null });
    expect(cellAt(grid, 9, 12)).toEqual({ type: 'error', value: '#REF!' });
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 11 },
        { top: 4, left: 2, bottom: 5, right: 2 },
        { top: 8, left: 3, bottom: 9, right: 3 },
      ]),
    );
    expect(grid.merges).toHaveLength(7);
  });

  it('starts the grid where the used range starts', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S').setRows(3, 2, [
      ['序号', '问题'],
      [1, true],
    ]);
    const grid = await new OfficeHost(fakeEnv(wb)).readActiveSheet();
    expect(grid.firstRow).toBe(3);
    expect(grid.firstColumn).toBe(2);
    expect(cellAt(grid, 4, 3)).toEqual({ type: 'boolean', value: true });
  });

  it('detects a 1904 workbook from how a date is shown', async () => {
    const wb = sampleWorkbook();
    wb.dateSystem = 1904;
    const grid = await new OfficeHost(fakeEnv(wb)).readActiveSheet();
    expect(grid.dateSystem).toBe(1904);
  });

  it('needs a number of syncs that depends on chunks, not rows', async () => {
    const syncs: Record<number, number> = {};
    for (const rows of [1000, 20000]) {
      const wb = bigWorkbook(rows, 15, '办公室');
      const host = new OfficeHost(fakeEnv(wb));
      const grid = await host.readActiveSheet();
      expect(grid.cells).toHaveLength(rows);
      syncs[rows] = wb.syncCount;
    }
    // 20x the rows, a handful more round trips at most (a few chunks of ~3 MB, merges by block).
    expect(syncs[20000]).toBeLessThanOrEqual(syncs[1000] + 10);
    expect(syncs[20000]).toBeLessThan(20);
    console.log(`syncs: 1k rows ${syncs[1000]}, 20k rows ${syncs[20000]}`);
  });

  it('keeps every response well under 5 MB for 50,000 x 15 cells of long Chinese text', async () => {
    const wb = bigWorkbook(50000, 15);
    const progress: number[] = [];
    const host = new OfficeHost(fakeEnv(wb));
    const grid = await host.readActiveSheet((p) => progress.push(p.done));
    expect(grid.cells).toHaveLength(50000);
    expect(cellAt(grid, 50000, 2)).toMatchObject({ type: 'text', value: LONG });
    expect(Math.max(...wb.responseBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(progress[progress.length - 1]).toBe(50000);
    // More than 512 merged areas: read block by block, still all of them.
    expect(grid.merges).toHaveLength(16667);
    const total = wb.responseBytes.reduce((a, b) => a + b, 0);
    console.log(
      `50k x 15 long text: ${wb.syncCount} syncs, max response ${(Math.max(...wb.responseBytes) / 1e6).toFixed(2)} MB, total ${(total / 1e6).toFixed(0)} MB`,
    );
  }, 120000);

  it('works on an Excel with ExcelApi 1.7 only (no merged-area API)', async () => {
    const wb = sampleWorkbook({ apiVersion: 7 });
    const grid = await new OfficeHost(fakeEnv(wb)).readActiveSheet();
    expect(grid.merges).toEqual([]);
    expect(grid.mergesKnown).toBe(false);
    expect(cellAt(grid, 4, 3)).toMatchObject({ value: '理论学习不够深入' });
  });

  it('an Excel without the merged-area API is judged like one with it (the engine infers the merges)', async () => {
    const options = {
      asOf: '2026-11-21',
      dueSoonDays: 7,
      required: [...DEFAULT_REQUIRED],
      lang: 'zh' as const,
    };
    const old = await new OfficeHost(fakeEnv(sampleWorkbook({ apiVersion: 7 }))).readActiveSheet();
    const current = await new OfficeHost(fakeEnv(sampleWorkbook())).readActiveSheet();
    expect(current.merges.length).toBeGreaterThan(0);
    const a = checkGrid(old, options);
    const b = checkGrid(current, options);
    if (!a.ok || !b.ok) throw new Error('no header');
    expect(a.report.findings).toEqual(b.report.findings);
    expect(a.report.stats).toEqual(b.report.stats);
  });

  it('refuses an Excel older than 1.7, an empty sheet, cell-edit mode, a sheet that changes', async () => {
    await expect(
      new OfficeHost(fakeEnv(sampleWorkbook({ apiVersion: 6 }))).readActiveSheet(),
    ).rejects.toMatchObject({ code: 'unsupported' });
    const empty = new FakeWorkbook();
    empty.addSheet('空表');
    await expect(new OfficeHost(fakeEnv(empty)).readActiveSheet()).rejects.toMatchObject({
      code: 'empty-sheet',
    });
    // Before ExcelApi 1.11 a cell being edited fails the read with a sentence; from 1.11 the
    // read waits for the clerk (delayForCellEdit) and succeeds.
    const editing = sampleWorkbook({ apiVersion: 10 });
    editing.cellEditMode = true;
    const err = await new OfficeHost(fakeEnv(editing)).readActiveSheet().catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('cell-edit-mode');
    expect(err.zh).toMatch(/Enter/);
    const waiting = sampleWorkbook({ apiVersion: 11 });
    waiting.cellEditMode = true;
    await expect(new OfficeHost(fakeEnv(waiting)).readActiveSheet()).resolves.toMatchObject({
      sheet: '整改台账',
    });
    expect(waiting.delayedSyncs).toBe(1);
    const moving = sampleWorkbook();
    moving.beforeSync = (i) => {
      if (i === 2) moving.sheets[0].setRows(40, 1, [['新增一行']]);
    };
    await expect(new OfficeHost(fakeEnv(moving)).readActiveSheet()).rejects.toMatchObject({
      code: 'sheet-changed',
    });
  });

  it('never writes to the sheet while reading', async () => {
    const wb = sampleWorkbook();
    const before = wb.sheets[0].snapshot();
    await new OfficeHost(fakeEnv(wb)).readActiveSheet();
    expect(wb.sheets[0].snapshot()).toEqual(before);
    expect(wb.sheets[0].formatWrites).toBe(0);
  });
});

describe('more than 512 merged areas, and Excel versions', () => {
  const options = {
    asOf: '2026-11-21',
    dueSoonDays: 7,
    required: [...DEFAULT_REQUIRED],
    lang: 'zh' as const,
  };
  const judge = async (wb: FakeWorkbook) => {
    const grid = await new OfficeHost(fakeEnv(wb)).readActiveSheet();
    const result = checkGrid(grid, options);
    if (!result.ok) throw new Error(result.message);
    return { grid, report: result.report };
  };

  it('reads every merge whole when blocks cut through merged areas (Excel clips those)', async () => {
    // 1,301 rows: 650 merged problems plus the title, blocks of 400 rows cut through pairs.
    const wb = ledgerWorkbook(1301);
    const expected = wb.sheets[0].merges.length;
    const { grid } = await judge(wb);
    expect(expected).toBeGreaterThan(512);
    expect(grid.mergesKnown).toBe(true);
    expect(grid.merges).toHaveLength(expected);
    expect(new Set(grid.merges.map((m) => `${m.top}:${m.left}:${m.bottom}:${m.right}`))).toEqual(
      new Set(wb.sheets[0].merges.map((m) => `${m.top}:${m.left}:${m.bottom}:${m.right}`)),
    );
  });

  it('judges a sheet with more than 512 merges identically at ExcelApi 1.7, 1.9 and 1.13, and when Excel will not tell', async () => {
    const rows = 1301;
    const reports = [];
    for (const wb of [
      ledgerWorkbook(rows, { apiVersion: 7 }),
      ledgerWorkbook(rows, { apiVersion: 9 }),
      ledgerWorkbook(rows, { apiVersion: 13 }),
      ledgerWorkbook(rows, { apiVersion: 13, maxMergedAreas: 0 }),
    ]) {
      reports.push(await judge(wb));
    }
    expect(reports.map((r) => r.grid.mergesKnown)).toEqual([false, false, true, false]);
    expect(reports[3].grid.merges).toEqual([]);
    for (const r of reports.slice(1)) {
      expect(r.report.findings).toEqual(reports[0].report.findings);
      expect(r.report.stats).toEqual(reports[0].report.stats);
    }
    expect(reports[0].report.findings.length).toBeGreaterThan(100);
  });

  it('detects the 1904 date system from dates shown without a four-digit year', async () => {
    for (const format of ['m"月"d"日"', 'yy/m/d', 'mm-dd', '[$-804]m月d日']) {
      for (const system of [1900, 1904] as const) {
        const wb = new FakeWorkbook({ dateSystem: system });
        wb.addSheet('S').setRows(1, 1, [
          ['序号', '整改时限'],
          [1, { value: 45291, numberFormat: format }],
        ]);
        const grid = await new OfficeHost(fakeEnv(wb)).readActiveSheet();
        expect([format, grid.dateSystem]).toEqual([format, system]);
      }
    }
  });
});

describe('helpers', () => {
  it('tells the date system from the numbers a date shows', () => {
    // 45291 is 2023-12-31 in the 1900 system and 2028-01-01 in the 1904 system.
    expect(shownAs(45291, '12月31日', 1900)).toBe(true);
    expect(shownAs(45291, '12月31日', 1904)).toBe(false);
    expect(shownAs(45291, '1月1日', 1904)).toBe(true);
    expect(shownAs(45291, '28/1/1', 1904)).toBe(true);
    expect(
      dateSystemFromShown([
        { serial: 45291, text: '星期日' },
        { serial: 45291, text: '01-01' },
      ]),
    ).toBe(1904);
    expect(dateSystemFromShown([{ serial: 45291, text: '' }])).toBe(1900);
  });
  it('drops clipped pieces inside whole merged areas', () => {
    const whole = { top: 399, left: 2, bottom: 402, right: 2 };
    const piece = { top: 401, left: 2, bottom: 402, right: 2 };
    const other = { top: 401, left: 3, bottom: 401, right: 4 };
    expect(wholeAreas([piece, whole, other])).toEqual([whole, other]);
  });
  it('recognises date formats', () => {
    for (const f of ['yyyy/m/d', 'yyyy"年"m"月"d"日"', 'm/d/yy', '[$-804]yyyy年m月', 'mm-dd'])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '0.00', 'h:mm', '@', '"day"0']) expect(isDateFormat(f)).toBe(false);
  });
  it('counts non-ASCII as escapes', () => {
    expect(worstCaseBytes('台')).toBe(8);
  });
});
