/**
 * What the task pane needs from a spreadsheet host. The Office.js implementation lives in
 * src/excel/officeHost.ts; tests and the browser test use an in-memory implementation.
 * The pane never calls Office.js directly: it goes through this interface.
 */
import type { Grid } from '../core/types';
import type { MarkPlan } from '../core/marks';
import type { SheetPlan } from '../core/sheetPlan';
import type { LedgerSettings } from '../core/options';

export interface ReadProgress {
  /** Rows read so far and the total rows of the used range. */
  done: number;
  total: number;
}

/**
 * For the long writes (marking, summary sheets): `signal` cancels between round trips; a cancelled
 * write leaves the workbook as it was and rejects with HostError 'cancelled'. A cancel that comes
 * after the last step that can be taken back is too late: the write then finishes whole.
 * `onProgress` tells how far it got (rows written of the rows to write).
 */
export interface WriteControl {
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

/** A failure the clerk must read: plain sentences in Chinese and English, nothing half-done. */
export class HostError extends Error {
  constructor(
    public readonly code:
      | 'no-sheet'
      | 'empty-sheet'
      | 'protected'
      | 'cell-edit-mode'
      | 'sheet-changed'
      | 'unsupported'
      | 'too-large'
      | 'workbook-protected'
      | 'other-workbook'
      | 'incomplete'
      | 'cancelled'
      | 'settings-not-saved'
      | 'excel-error'
      | 'unknown',
    public readonly zh: string,
    public readonly en: string,
  ) {
    super(en);
    this.name = 'HostError';
  }
}

export interface WrittenSheet {
  /** The sheet's name as written (may carry a suffix when the clerk had a sheet of that name). */
  name: string;
  wanted: string;
  /** True when an earlier sheet made by the tool was replaced. */
  replaced: boolean;
}

export interface LedgerHost {
  /** The active sheet's used range as the engine's grid (values, number formats, merges). */
  readActiveSheet(onProgress?: (p: ReadProgress) => void): Promise<Grid>;
  /** Replaces the tool's earlier marks on that sheet with these (never stacks them). */
  applyMarks(plan: MarkPlan, control?: WriteControl): Promise<void>;
  /** Removes every mark the tool made on the active sheet; returns how many rules it removed. */
  clearMarks(): Promise<number>;
  /** Selects a cell ('E12') on a sheet and scrolls to it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Settings saved with the workbook, or null when none were saved yet. */
  loadSettings(): Promise<LedgerSettings | null>;
  saveSettings(settings: LedgerSettings): Promise<void>;
  /** Writes tool-made sheets (summaries, imported ledgers), replacing the tool's earlier ones. */
  writeSheets(plans: SheetPlan[], control?: WriteControl): Promise<WrittenSheet[]>;
  /**
   * Every worksheet of the open workbook with content, except the sheets this tool generated
   * (合并各单位台账: a workbook with one sheet per unit). Optional: a host without it offers files only.
   */
  readAllSheets?(onProgress?: (p: { sheet: string; done: number; total: number }) => void): Promise<Grid[]>;
  /** Office's display language, e.g. 'zh-CN' or 'en-US'. */
  displayLanguage(): string;
}
