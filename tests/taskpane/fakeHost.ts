/** A LedgerHost over an in-memory grid that records every call, for the task-pane tests. */
import type { LedgerHost, ReadProgress, WrittenSheet } from '../../src/excel/host';
import type { MarkPlan } from '../../src/core/marks';
import type { SheetPlan } from '../../src/core/sheetPlan';
import type { LedgerSettings } from '../../src/core/options';
import type { Grid } from '../../src/core/types';
import { grid, type Plain } from '../helpers/grid';

export interface FakeHost extends LedgerHost {
  calls: {
    read: number;
    applyMarks: MarkPlan[];
    clearMarks: number;
    selectCell: Array<{ sheet: string; address: string }>;
    saveSettings: LedgerSettings[];
    writeSheets: SheetPlan[][];
  };
  grid: Grid;
  saved: LedgerSettings | null;
}

export interface FakeHostOptions {
  rows?: Plain[][];
  sheet?: string;
  language?: string;
  saved?: LedgerSettings | null;
  /** Thrown by readActiveSheet. */
  readError?: unknown;
  applyError?: unknown;
  /** Names already taken in the workbook (writeSheets renames with a suffix). */
  taken?: string[];
  marksToClear?: number;
}

/** A small ledger judged on 2024-06-20: row 3 overdue, row 4 due soon, row 5 lacks a department. */
export const LEDGER_ROWS: Plain[][] = [
  ['XX局巡察反馈意见整改落实台账'],
  ['序号', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
  [1, '问题一', '措施一', '办公室', '2024年6月14日', '正在推进'],
  [2, '问题二', '措施二', '财务股、人事股', '2024年6月25日', '推进中'],
  [3, '问题三', '措施三', '', '2024年12月31日', '已完成'],
  [4, '问题四', '措施四', '办公室', '长期坚持', '长期推进'],
];

export function fakeHost(opts: FakeHostOptions = {}): FakeHost {
  const g = grid(opts.rows ?? LEDGER_ROWS, { sheet: opts.sheet ?? '台账' });
  const taken = new Set(opts.taken ?? []);
  const host: FakeHost = {
    calls: { read: 0, applyMarks: [], clearMarks: 0, selectCell: [], saveSettings: [], writeSheets: [] },
    grid: g,
    saved: opts.saved ?? null,
    async readActiveSheet(onProgress?: (p: ReadProgress) => void) {
      host.calls.read++;
      if (opts.readError) throw opts.readError;
      const total = g.cells.length;
      onProgress?.({ done: Math.floor(total / 2), total });
      await Promise.resolve();
      onProgress?.({ done: total, total });
      return g;
    },
    async applyMarks(plan) {
      host.calls.applyMarks.push(plan);
      if (opts.applyError) throw opts.applyError;
    },
    async clearMarks() {
      host.calls.clearMarks++;
      return opts.marksToClear ?? 3;
    },
    async selectCell(sheet, address) {
      host.calls.selectCell.push({ sheet, address });
    },
    async loadSettings() {
      return host.saved;
    },
    async saveSettings(settings) {
      host.calls.saveSettings.push(settings);
      host.saved = settings;
    },
    async writeSheets(plans) {
      host.calls.writeSheets.push(plans);
      return plans.map((p): WrittenSheet => {
        let name = p.name;
        for (let i = 2; taken.has(name); i++) name = `${p.name}(${i})`;
        taken.add(name);
        return { name, wanted: p.name, replaced: false };
      });
    },
    displayLanguage() {
      return opts.language ?? 'zh-CN';
    },
  };
  return host;
}
