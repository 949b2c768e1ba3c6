/** Office.js failures turned into sentences a clerk can act on (see HostError). */
import { HostError } from './host';

export const errors = {
  noSheet: () => new HostError('no-sheet', '没有找到要检查的工作表，请先点一下台账所在的工作表。', 'No worksheet is active. Click the ledger sheet first.'),
  emptySheet: (name: string) =>
    new HostError('empty-sheet', `工作表“${name}”是空的，没有可检查的内容。`, `The sheet "${name}" is empty: there is nothing to check.`),
  protectedSheet: (name: string) =>
    new HostError(
      'protected',
      `工作表“${name}”受保护，无法标注。请在“审阅”选项卡中撤销工作表保护后再试；表中内容未做任何改动。`,
      `The sheet "${name}" is protected, so it cannot be marked. Unprotect it (Review tab) and try again; nothing was changed.`,
    ),
  cellEditMode: () =>
    new HostError(
      'cell-edit-mode',
      '有单元格正在编辑。请按 Enter 或 Esc 结束编辑后再试。',
      'A cell is being edited. Press Enter or Esc to finish editing, then try again.',
    ),
  sheetChanged: (name: string) =>
    new HostError(
      'sheet-changed',
      `检查期间工作表“${name}”的内容有变动。请重新检查后再标注。`,
      `The sheet "${name}" changed while the add-in was working. Check it again before marking.`,
    ),
  unsupported: (zhWhat: string, enWhat: string) =>
    new HostError(
      'unsupported',
      `此版本的 Excel 不支持${zhWhat}。请使用 Excel 2019 或更高版本、Microsoft 365 或网页版 Excel。`,
      `This version of Excel does not support ${enWhat}. Use Excel 2019 or later, Microsoft 365 or Excel on the web.`,
    ),
  tooLarge: (cells: number) =>
    new HostError(
      'too-large',
      `工作表过大（约 ${cells} 个单元格），无法在加载项中检查。请使用命令行工具检查。`,
      `The sheet is too large (about ${cells} cells) to check in the add-in. Use the command-line checker instead.`,
    ),
};

function codeOf(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) return String((e as { code: unknown }).code);
  return '';
}

/** Wraps any failure as a HostError; HostErrors pass through unchanged. */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = codeOf(e);
  if (code === 'InvalidOperationInCellEditMode') return errors.cellEditMode();
  if (code === 'AccessDenied') {
    return new HostError('protected', '工作表或工作簿受保护，操作被拒绝；请撤销保护后再试。', 'The sheet or workbook is protected, so Excel refused the change. Unprotect it and try again.');
  }
  if (code === 'ApiNotFound') return errors.unsupported('所需的功能', 'a feature the add-in needs');
  const message = e instanceof Error ? e.message : String(e);
  return new HostError('unknown', `Excel 报告了一个错误：${message}`, `Excel reported an error: ${message}`);
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = codeOf(e);
  return /PayloadSizeLimitExceeded/i.test(code) || /payload/i.test(e instanceof Error ? e.message : '');
}
