/**
 * Writes tests/fixtures/real/: ledgers in the shapes of issue 10 (run: npx tsx
 * scripts/make-real-ledgers.ts; needs LibreOffice). Each is written with exceljs from the rows in
 * tests/fixtures/realLedgers.ts and then opened and saved again by LibreOffice
 * (`soffice --headless --convert-to xlsx`), so the committed files are what a clerk using
 * LibreOffice sends (its own styles, shared strings, merge and date encoding), not exceljs output.
 * The expected answers are worked out by hand in tests/cli/realLedgers.test.ts.
 *
 * - 住建局隐患整改台账.xlsx: a three-row header (rows 3–5) with 整改责任单位 over
 *   建设 | 设计 | 施工 | 监理, 整改情况 over 是否完成整改 and 完成 over 时间 | 佐证材料; a 交办日期 line.
 * - 督查室交办台账.xlsx: a 区县 column as the department, 交办时间 and relative deadlines.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell } from '../src/core/types';
import {
  DEEP_LEDGER_MERGES,
  UNIT_LEDGER_MERGES,
  deepLedgerRows,
  unitLedgerRows,
} from '../tests/fixtures/realLedgers';

const DIR = join(__dirname, '..', 'tests', 'fixtures', 'real');
const FIXED = new Date(Date.UTC(2026, 10, 20, 9, 0, 0));

type Value = string | number | null | Cell;

function addSheet(wb: ExcelJS.Workbook, name: string, rows: Value[][], merges: string[]): void {
  const ws = wb.addWorksheet(name);
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(i + 1, j + 1);
      if (typeof v === 'object') {
        const [y, m, d] = String(v.value).split('-').map(Number);
        cell.value = new Date(Date.UTC(y, m - 1, d));
        cell.numFmt = 'yyyy"年"m"月"d"日"';
      } else cell.value = v;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
  });
  for (const m of merges) ws.mergeCells(m);
  ws.columns.forEach((c) => (c.width = 14));
}

async function save(name: string, sheet: string, rows: Value[][], merges: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fixtures';
  wb.created = FIXED;
  wb.modified = FIXED;
  addSheet(wb, sheet, rows, merges);
  const tmp = mkdtempSync(join(tmpdir(), 'real-ledger-'));
  try {
    const src = join(tmp, name);
    writeFileSync(src, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = join(tmp, 'out');
    execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', out, src], {
      stdio: 'ignore',
    });
    copyFileSync(join(out, name), join(DIR, name));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  await save('住建局隐患整改台账.xlsx', '隐患整改台账', deepLedgerRows(), DEEP_LEDGER_MERGES);
  await save('督查室交办台账.xlsx', '交办问题', unitLedgerRows(), UNIT_LEDGER_MERGES);
}

void main();
