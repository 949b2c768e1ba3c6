/**
 * Why a workbook could not be read, as one plain Chinese sentence for the clerk (what happened,
 * what to do). Shared by the command line and the task pane, so no Node or DOM API here.
 */
export type WorkbookErrorReason =
  | 'not-found'
  | 'not-a-workbook'
  | 'encrypted'
  | 'empty'
  | 'unreadable'
  /** Over a cap: a part inflates too far, too many rows, cells or merged areas. */
  | 'too-large';

export class WorkbookError extends Error {
  constructor(
    public reason: WorkbookErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** The sentence for a workbook whose XML or zip data is broken. */
export function damaged(label: string): WorkbookError {
  return new WorkbookError(
    'unreadable',
    `无法读取工作簿：${label} 文件可能已损坏或内容不完整。请在 Excel 中打开它，另存为新的 .xlsx 文件后再检查。`,
  );
}
