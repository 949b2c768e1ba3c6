/** LedgerHost over Office.js: the one object the task pane talks to (see host.ts). */
import type { MarkPlan } from '../core/marks';
import type { LedgerSettings } from '../core/options';
import type { SheetPlan } from '../core/sheetPlan';
import type { Grid } from '../core/types';
import type { BatcherOptions } from './batcher';
import { runOptions, supports } from './capabilities';
import { officeEnv, type OfficeEnv } from './env';
import { errors, toHostError } from './errors';
import type { LedgerHost, ReadProgress, WriteControl, WrittenSheet } from './host';
import { applyMarks, clearMarks } from './marksWriter';
import { readActiveSheet, type ReadOptions } from './readSheet';
import { readAllSheets } from './workbookSheets';
import { loadSettings, saveSettings } from './settingsStore';
import { writeSheets } from './sheetsWriter';

export interface OfficeHostOptions {
  read?: ReadOptions;
  /** Request budget and the wait while a cell is being edited, for the sheet writer. */
  write?: BatcherOptions;
}

export class OfficeHost implements LedgerHost {
  /** What the last read saw, so marks are never put on a sheet that moved since. */
  private lastRead: { sheet: string; address: string; dateSystem: 1900 | 1904 } | null = null;
  /** Round trips of the last operation (for the tests and the diagnostics line). */
  lastSyncs = 0;

  constructor(
    private readonly env: OfficeEnv = officeEnv(),
    private readonly options: OfficeHostOptions = {},
  ) {}

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    if (!supports(this.env, 'addin')) throw errors.unsupported('本加载项', 'this add-in');
    try {
      return await work();
    } catch (e) {
      throw toHostError(e);
    }
  }

  readActiveSheet(onProgress?: (p: ReadProgress) => void): Promise<Grid> {
    return this.guard(async () => {
      const result = await readActiveSheet(this.env, onProgress, this.options.read);
      this.lastRead = {
        sheet: result.grid.sheet,
        address: result.address,
        dateSystem: result.grid.dateSystem,
      };
      this.lastSyncs = result.syncs;
      return result.grid;
    });
  }

  readAllSheets(onProgress?: (p: { sheet: string; done: number; total: number }) => void): Promise<Grid[]> {
    return this.guard(() => readAllSheets(this.env, this.options.read, onProgress));
  }

  applyMarks(plan: MarkPlan, control?: WriteControl): Promise<void> {
    return this.guard(async () => {
      const expect = this.lastRead?.sheet === plan.sheet ? this.lastRead.address : undefined;
      await applyMarks(this.env, plan, expect, control);
    });
  }

  clearMarks(): Promise<number> {
    return this.guard(() => clearMarks(this.env));
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.guard(() =>
      this.env.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load('name');
        await context.sync();
        if (ws.isNullObject) throw errors.noSheet();
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }, runOptions(this.env)),
    );
  }

  loadSettings(): Promise<LedgerSettings | null> {
    return this.guard(async () => loadSettings(this.env));
  }

  saveSettings(settings: LedgerSettings): Promise<void> {
    return this.guard(() => saveSettings(this.env, settings));
  }

  writeSheets(plans: SheetPlan[], control?: WriteControl): Promise<WrittenSheet[]> {
    return this.guard(() =>
      writeSheets(this.env, plans, { ...this.options.write, dateSystem: this.lastRead?.dateSystem }, control),
    );
  }

  displayLanguage(): string {
    try {
      return this.env.displayLanguage();
    } catch {
      return 'zh-CN';
    }
  }
}

export function createOfficeHost(): LedgerHost {
  return new OfficeHost(officeEnv());
}
