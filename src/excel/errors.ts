/**
 * Office.js failures turned into sentences a clerk can act on (see HostError). Every error code
 * Excel documents (https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes and
 * https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling)
 * maps to one plain sentence; a code we do not know says what the clerk can do, never Excel's raw
 * English message.
 */
import { HostError } from './host';

const NOTHING_CHANGED_ZH = '表中内容未做改动。';

export const errors = {
  noSheet: () =>
    new HostError(
      'no-sheet',
      '没有找到要处理的工作表，请先点一下台账所在的工作表。',
      'The worksheet was not found. Click the ledger sheet first.',
    ),
  emptySheet: (name: string) =>
    new HostError(
      'empty-sheet',
      `工作表“${name}”是空的，没有可检查的内容。`,
      `The sheet "${name}" is empty: there is nothing to check.`,
    ),
  protectedSheet: (name: string) =>
    new HostError(
      'protected',
      `工作表“${name}”受保护，无法标注。请在“审阅”选项卡中撤销工作表保护后再试；${NOTHING_CHANGED_ZH}`,
      `The sheet "${name}" is protected, so it cannot be marked. Unprotect it (Review tab) and try again; nothing was changed.`,
    ),
  workbookProtected: () =>
    new HostError(
      'workbook-protected',
      `工作簿结构受保护，无法添加或删除工作表。请在“审阅”选项卡中点“保护工作簿”撤销保护后再试；${NOTHING_CHANGED_ZH}`,
      'The workbook structure is protected, so sheets cannot be added or removed. Unprotect it (Review › Protect Workbook) and try again; nothing was changed.',
    ),
  /** The clerk cancelled a write before its last step: nothing was changed. */
  cancelled: () =>
    new HostError('cancelled', `已取消，${NOTHING_CHANGED_ZH}`, 'Cancelled; nothing was changed.'),
  cellEditMode: () =>
    new HostError(
      'cell-edit-mode',
      '有单元格正在编辑。请按 Enter 或 Esc 结束编辑后再试。',
      'A cell is being edited. Press Enter or Esc to finish editing, then try again.',
    ),
  otherWorkbook: () =>
    new HostError(
      'other-workbook',
      '操作时另一个工作簿处于活动状态。请点一下台账所在的工作簿后再试。',
      'Another workbook became active during the operation. Click the ledger workbook and try again.',
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
  /** Marking failed and what it had added could not be taken back. */
  marksIncomplete: (cause: unknown) => {
    const why = toHostError(cause);
    return new HostError(
      'incomplete',
      `标注未能完成：${why.zh.replace(/。$/, '')}。表中可能留下部分新标注；请处理后再点“标注”，或点“清除标记”，即可恢复。台账的内容未被改动。`,
      `Marking did not finish: ${why.en.replace(/\.$/, '')}. Some new marks may remain; fix this and mark again, or clear the marks, to restore the sheet. The ledger's contents were not changed.`,
    );
  },
  /** Writing summary sheets failed midway; `done` names the sheets that were written whole. */
  sheetsIncomplete: (cause: unknown, written: readonly string[] | string = []) => {
    const why = toHostError(cause);
    const done = typeof written === 'string' ? [written] : written;
    const zhDone = done.length > 0 ? `已写好的工作表：${done.join('、')}；` : '';
    const enDone = done.length > 0 ? ` Written whole: ${done.join(', ')}.` : '';
    return new HostError(
      'incomplete',
      `汇总表未能全部写完：${why.zh.replace(/。$/, '')}。${zhDone}未写完的工作表已删除或保持原样，请处理后重新生成。`,
      `The summary sheets were not all written: ${why.en.replace(/\.$/, '')}.${enDone} A sheet not finished was removed or left as it was; fix this and generate again.`,
    );
  },
  settingsNotSaved: () =>
    new HostError(
      'settings-not-saved',
      '设置未能保存到工作簿（工作簿可能为只读，或正在保存）。请稍后再改一次设置；本次检查仍按当前设置进行。',
      'The settings could not be saved in the workbook (it may be read-only or busy saving). Change the setting again later; this check still uses it.',
    ),
};

/** One sentence per documented Excel error code: [zh, en]. */
const BY_CODE: Record<string, [string, string]> = {
  AccessDenied: [
    '工作表或工作簿受保护，Excel 拒绝了这项操作。请撤销保护后再试。',
    'The sheet or workbook is protected, so Excel refused the change. Unprotect it and try again.',
  ],
  Conflict: [
    '工作簿正被他人同时编辑，操作未能完成。请稍候再试。',
    'Someone else is editing the workbook at the same time. Wait a moment and try again.',
  ],
  EmptyChartSeries: ['图表没有可画的数据，已跳过图表。', 'The chart had no data to draw.'],
  FilteredRangeConflict: [
    '表中有筛选，操作未能完成。请先清除筛选后再试。',
    'A filter is on. Clear the filter and try again.',
  ],
  FormulaLengthExceedsLimit: [
    '公式过长，Excel 无法接受。请缩小范围后再试。',
    'A formula was too long for Excel. Use a smaller range and try again.',
  ],
  GeneralException: [
    'Excel 暂时无法完成这项操作（例如另一个工作簿正处于活动状态）。请点一下台账所在的工作簿后再试。',
    'Excel could not complete the operation (for example, another workbook is active). Click the ledger workbook and try again.',
  ],
  InactiveWorkbook: [
    '操作时另一个工作簿处于活动状态。请点一下台账所在的工作簿后再试。',
    'Another workbook became active. Click the ledger workbook and try again.',
  ],
  InvalidSelection: [
    '操作时另一个工作簿处于活动状态或所选区域已变。请点一下台账所在的工作簿后再试。',
    'Another workbook became active or the selection changed. Click the ledger workbook and try again.',
  ],
  InsertDeleteConflict: [
    '插入或删除行列与表中已有内容冲突。请检查台账后再试。',
    'Inserting or deleting cells conflicted with the sheet. Check the ledger and try again.',
  ],
  InvalidArgument: [
    '加载项向 Excel 提交的内容不被接受。请重新检查后再试；如仍出现，请改用命令行工具。',
    'Excel did not accept what the add-in sent. Check again; if it happens again, use the command-line checker.',
  ],
  InvalidBinding: [
    '工作簿中的绑定已失效。请关闭并重新打开任务窗格后再试。',
    'A binding in the workbook is no longer valid. Close and reopen the task pane and try again.',
  ],
  InvalidOperation: [
    'Excel 当前不允许这项操作。请检查工作表是否受保护或正在编辑后再试。',
    'Excel does not allow this operation now. Check whether the sheet is protected or being edited, and try again.',
  ],
  InvalidOperationInCellEditMode: [
    '有单元格正在编辑。请按 Enter 或 Esc 结束编辑后再试。',
    'A cell is being edited. Press Enter or Esc to finish editing, then try again.',
  ],
  InvalidReference: [
    '引用的单元格或工作表已不存在。请重新检查后再试。',
    'A referenced cell or sheet no longer exists. Check again and try again.',
  ],
  ItemAlreadyExists: [
    '同名的工作表或名称已存在。请重新操作一次。',
    'A sheet or name of that name already exists. Try again.',
  ],
  ItemNotFound: [
    '要处理的工作表或区域已不存在（可能已被删除或改名）。请重新检查后再试。',
    'The sheet or range no longer exists (it may have been deleted or renamed). Check again and try again.',
  ],
  MergedRangeConflict: [
    '合并单元格与这项操作冲突。请检查台账中的合并单元格后再试。',
    'Merged cells conflict with this operation. Check the merged cells and try again.',
  ],
  NonBlankCellOffSheet: [
    '工作表末尾有内容，无法插入。请检查表格最后几行或几列。',
    'There is content at the sheet edge, so nothing can be inserted. Check the last rows or columns.',
  ],
  NotImplemented: [
    '此版本的 Excel 不支持这项功能。请使用 Microsoft 365、网页版 Excel 或命令行工具。',
    'This version of Excel does not support this. Use Microsoft 365, Excel on the web or the command-line checker.',
  ],
  OperationCellsExceedLimit: [
    '一次涉及的单元格过多。请使用命令行工具处理这份台账。',
    'Too many cells in one operation. Use the command-line checker for this ledger.',
  ],
  PivotTableRangeConflict: [
    '数据透视表与这项操作冲突。请把数据透视表移开后再试。',
    'A PivotTable is in the way. Move it and try again.',
  ],
  RangeExceedsLimit: [
    '区域超出 Excel 一次能处理的单元格数。请使用命令行工具处理这份台账。',
    'The range has more cells than Excel handles at once. Use the command-line checker for this ledger.',
  ],
  RequestAborted: ['操作被中断。请再试一次。', 'The operation was interrupted. Try again.'],
  RequestPayloadSizeLimitExceeded: [
    '一次写入的内容超过 Excel 的上限。请使用命令行工具处理这份台账。',
    'Too much was written at once for Excel. Use the command-line checker for this ledger.',
  ],
  ResponsePayloadSizeLimitExceeded: [
    '一次读取的内容超过 Excel 的上限。请使用命令行工具处理这份台账。',
    'Too much was read at once for Excel. Use the command-line checker for this ledger.',
  ],
  ServiceNotAvailable: [
    'Excel 服务暂时不可用。请稍候再试。',
    'The Excel service is not available now. Try again later.',
  ],
  Unauthenticated: [
    '登录已失效。请重新登录 Office 后再试。',
    'Your sign-in has expired. Sign in to Office again and try again.',
  ],
  UnsupportedOperation: [
    'Excel 不支持这项操作。请使用命令行工具。',
    'Excel does not support this operation. Use the command-line checker.',
  ],
  UnsupportedSheet: [
    '这类工作表（例如图表工作表或宏表）不能检查。请点一下台账所在的普通工作表。',
    'This kind of sheet (a chart sheet or macro sheet) cannot be checked. Click the ledger sheet.',
  ],
  UnsupportedFeature: [
    '工作表含有此版本 Excel 不支持的功能。请使用 Microsoft 365 或命令行工具。',
    'The sheet uses a feature this Excel does not support. Use Microsoft 365 or the command-line checker.',
  ],
  ActivityLimitReached: [
    '短时间内操作过多。请稍候再试。',
    'Too many operations in a short time. Wait a moment and try again.',
  ],
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
  if (code === 'ApiNotFound') return errors.unsupported('所需的功能', 'a feature the add-in needs');
  if (code === 'InactiveWorkbook') return errors.otherWorkbook();
  const known = BY_CODE[code];
  if (known) return new HostError(code === 'AccessDenied' ? 'protected' : 'excel-error', known[0], known[1]);
  // Unknown: say what the clerk can do; the code (not Excel's English message) for support.
  const tail = code ? `（错误代码：${code}）` : '';
  return new HostError(
    'unknown',
    `Excel 未能完成这项操作${tail}。请保存工作簿，关闭后重新打开再试；如仍出现，请改用命令行工具检查。`,
    `Excel could not complete the operation${code ? ` (error code ${code})` : ''}. Save the workbook, close and reopen it, and try again; if it happens again, use the command-line checker.`,
  );
}

/** Between round trips of a write: stops it when the clerk cancelled. */
export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw errors.cancelled();
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = codeOf(e);
  return /PayloadSizeLimitExceeded/i.test(code) || /payload/i.test(e instanceof Error ? e.message : '');
}
