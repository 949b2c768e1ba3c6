/**
 * Every string the task pane shows, in Chinese (the default) and English. Components never hold
 * literal text: they take `t` from useStrings() (or a `t` prop) and read it from here.
 */
import { chineseDate, codeTitles, englishDate, fieldLabels, severityLabels } from './engine';
import type { Lang } from '../core/types';

const zh = {
  /** The language finding messages are rendered in (findings.ts). */
  lang: 'zh' as Lang,
  appTitle: '整改台账助手',
  tabs: { check: '检查台账', columns: '列设置', import: '方案导入', merge: '合并台账' },
  tabListLabel: '功能视图',
  languageLabel: '界面语言',
  languageOffice: (name: string) => `跟随 Office（${name}）`,

  // Check view
  checkButton: '检查台账',
  checkHint: '打开要检查的台账工作表，然后点击“检查台账”。逾期的行标红，即将到期的行标黄。',
  clearMarks: '清除标记',
  writeSummary: '生成汇总',
  phaseReading: '正在读取工作表…',
  phaseChecking: '正在检查…',
  phaseMarking: '正在标记单元格…',
  phaseSummary: '正在写入汇总表…',
  rowsRead: (done: number, total: number) => `已读取 ${done} / ${total} 行`,
  progressLabel: '检查进度',
  cancel: '取消',
  cancelling: '正在取消…',
  checkCancelled: '已取消检查，工作表没有任何改动。',
  marksCancelled: '已取消标记，检查结果照常显示，原有标记保持不变。',
  summaryCancelled: '已取消生成汇总，工作簿没有任何改动。',
  cancelTooLate: '取消时已在完成最后一步，汇总表已完整写好。',
  toolSheet: (sheet: string) => `工作表“${sheet}”是本工具生成的，不是台账，请转到台账所在的工作表再检查。`,
  figuresLabel: '检查结果统计',
  figures: {
    rows: '总数',
    completed: '已完成',
    ongoing: '正在推进',
    overdue: '逾期未完成',
    longTerm: '其中长期任务',
    inProgress: '推进中',
    notStarted: '未启动',
    unclear: '进展不明',
    dueSoon: '即将到期',
    missingDepartment: '缺责任单位',
  },
  figuresSum: '＝ 已完成 ＋ 正在推进 ＋ 逾期未完成（与汇报用语一致）',
  // Dates as a clerk writes them (2026年12月1日), as the command line and the sentence do.
  checkedSheet: (sheet: string, asOf: string) => `工作表“${sheet}”，截至${chineseDate(asOf)}`,
  date: (iso: string) => chineseDate(iso),
  sentenceLabel: '汇报用语（可复制）',
  copy: '复制',
  copied: '已复制',
  copyFailed: '无法自动复制，请选中文字后按 Ctrl+C。',
  noFindings: '没有发现问题。',
  allValid: '台账格式完整，没有需要改正的错误。',
  findingsTitle: (shown: number, total: number) =>
    shown === total ? `发现的问题（${total} 条）` : `发现的问题（显示 ${shown} / ${total} 条）`,
  filterKind: '按问题类型筛选',
  filterKindPlaceholder: '全部类型',
  filterDepartment: '按责任单位筛选',
  filterDepartmentPlaceholder: '全部单位',
  clearFilters: '清除筛选',
  clearDepartment: '清除单位筛选',
  noMatch: '没有符合筛选条件的问题。',
  row: (row: number) => `第 ${row} 行`,
  /** The same finding on consecutive rows, said once (issue 10). */
  rowRange: (first: number, last: number) => `第 ${first}–${last} 行`,
  sheetLevel: '整张表',
  column: (column: string) => `${column} 列`,
  goToCell: (address: string, message: string) => `定位到 ${address}：${message}`,
  showMore: (n: number) => `再显示 ${n} 条`,
  marksCleared: (n: number) => (n === 0 ? '这张表上没有本工具做的标记。' : `已清除 ${n} 处标记。`),
  marksNotApplied: '检查已完成，但没有能在表格中标色：',
  sheetsWritten: (names: string[]) => `已生成汇总表：${names.join('、')}。`,
  sheetRenamed: (wanted: string, name: string) => `已有同名工作表“${wanted}”，新表命名为“${name}”。`,
  sheetShown: (name: string) => `已切换到工作表“${name}”，点击“检查台账”将检查这张表。`,
  summaryShown: (name: string, ledger: string) =>
    `已切换到工作表“${name}”；再次检查前，请先回到台账工作表“${ledger}”。`,
  staleResults: '设置已更改，请重新检查台账以更新结果。',
  needCheckFirst: '请先检查台账，再生成汇总。',

  // No header
  noHeaderTitle: '没有找到表头',
  noHeaderSeen: '前几行里还有这些文字：',
  noHeaderNothingSeen: '表格前几行里没有文字。',
  noHeaderGoToColumns: '到“列设置”里指定各列',

  // Errors
  errorTitle: '没有完成',
  genericError: (action: string) =>
    `${action}没有完成：出现了意外的问题。请重试；如果问题仍在，请保存工作簿后重新打开。`,
  actions: {
    check: '检查',
    clearMarks: '清除标记',
    summary: '生成汇总',
    settings: '保存设置',
    loadSettings: '读取设置',
    select: '定位单元格',
    import: '写入台账',
  },
  dismiss: '关闭提示',

  // Columns view
  columnsIntro: '每一项对应台账里的哪一列。自动识别不准时，可以手动指定；设置随工作簿保存，下次继续使用。',
  columnsNeedCheck: '先检查一次台账，这里会列出识别到的表头，供手动指定。',
  fieldHeader: '项目',
  columnHeader: '对应的列',
  autoDetected: (label: string) => `自动识别：${label}`,
  autoNotFound: '自动识别：未找到',
  autoOption: '自动识别',
  noSuchColumn: '（无此列）',
  headerNames: (names: string[]) => `能自动识别的表头：${names.join('、')}`,
  headerNamesButton: (field: string) => `“${field}”能识别的表头`,
  columnOption: (letter: string, header: string) => (header ? `${letter} 列 · ${header}` : `${letter} 列`),
  requiredTitle: '必填项',
  requiredHint: '勾选的项目为空时会提示。',
  dueSoonDays: '即将到期提前天数',
  dueSoonHint: '截止日前这么多天内未完成的，标为即将到期。',
  increase: '增加一天',
  decrease: '减少一天',
  asOf: '统计截止日期',
  asOfHint: '留空表示今天。',
  asOfToday: '用今天',
  issuedOn: '交办日期',
  issuedOnHint:
    '整改时限写作“5个工作日内”“一个月内”时，从这一天起算；表中有“交办时间”列或“交办日期”行时以表中为准。',
  markDone: '标记已完成（绿色）',
  saved: '设置已保存。',
  saving: '正在保存…',
  resetColumns: '全部恢复自动识别',

  // Import view
  importIntro: '把整改方案的文字粘贴到下面，先预览，确认无误后再写入新的工作表。',
  importText: '方案文字',
  importPlaceholder: '例如：\n一、……\n1. 存在问题……\n整改措施：……\n责任部门：……\n完成时限：……',
  importFile: '或者选择文件（.txt / .docx）',
  importFileReadError: '这个文件无法读取。请打开文件，复制全部文字后粘贴到上面的文本框。',
  importFileDocxUnavailable: '暂时无法直接读取 .docx 文件。请打开文件，复制全部文字后粘贴到上面的文本框。',
  preview: '预览',
  previewTitle: (n: number) => `识别出 ${n} 条整改措施`,
  previewCols: {
    category: '问题类别',
    problem: '存在问题',
    measure: '整改措施',
    departments: '责任单位',
    deadline: '整改时限',
  },
  previewMissing: '（缺）',
  colon: '：',
  previewMore: (n: number) => `另有 ${n} 条未在预览中显示，写入时会全部写入。`,
  sheetName: '新工作表名称',
  defaultSheetName: '整改台账',
  writeSheet: '写入新工作表',
  importWritten: (name: string, n: number) => `已写入工作表“${name}”，共 ${n} 条。`,
  importLacking: (dept: number, deadline: number) =>
    dept === 0 && deadline === 0
      ? '每条都有责任单位和整改时限。'
      : `其中 ${dept} 条缺责任单位，${deadline} 条缺整改时限，请在表中补填。`,
  importReplaced: '本工具之前生成的台账工作表已被这次写入的新表替换。',
  importEmpty: '请先粘贴方案文字。',
  importChanged: '文字已修改，请重新预览。',
  notAvailable: '此功能暂不可用，请更新加载项后重试。',
  bootNoOfficeJs:
    '无法加载 Office 组件（office.js），加载项无法启动：请确认单位网络未屏蔽 appsforoffice.microsoft.com（可请信息中心放行），并在 Excel 中打开本加载项。',
  bootNotExcel:
    '本页面是 Excel 加载项，请在 Excel 的“开始”选项卡中点击“检查台账”打开，不能直接在浏览器中使用。',
  bootTimeout:
    'Office 长时间没有响应，加载项无法启动：请关闭任务窗格后重新打开；如果仍然如此，请重新启动 Excel。',
  loading: '正在加载…',

  fields: fieldLabels('zh'),
  codes: codeTitles('zh'),
  severities: severityLabels('zh'),
};

export type Strings = typeof zh;

const en: Strings = {
  lang: 'en',
  appTitle: 'Rectification Ledger Assistant',
  // Short: the three tabs fit on one line at 350 px.
  tabs: { check: 'Check', columns: 'Columns', import: 'From plan', merge: 'Merge' },
  tabListLabel: 'Views',
  languageLabel: 'Language',
  languageOffice: (name) => `As Office (${name})`,

  checkButton: 'Check ledger',
  checkHint:
    'Open the ledger sheet to check, then select "Check ledger". Overdue rows turn red, rows due soon amber.',
  clearMarks: 'Clear marks',
  writeSummary: 'Write summary',
  phaseReading: 'Reading the sheet…',
  phaseChecking: 'Checking…',
  phaseMarking: 'Marking cells…',
  phaseSummary: 'Writing the summary sheets…',
  rowsRead: (done, total) => `${done} of ${total} rows read`,
  progressLabel: 'Check progress',
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  checkCancelled: 'The check was cancelled; the sheet was not changed.',
  marksCancelled: 'Marking was cancelled; the results are shown and the earlier marks were kept.',
  summaryCancelled: 'Writing the summary was cancelled; the workbook was not changed.',
  cancelTooLate: 'The cancel came during the last step, so the summary sheets were written whole.',
  toolSheet: (sheet) =>
    `Sheet "${sheet}" was written by this tool and is not a ledger; go to the ledger sheet and check again.`,
  figuresLabel: 'Check results',
  figures: {
    rows: 'Total',
    completed: 'Completed',
    ongoing: 'In progress',
    overdue: 'Overdue',
    longTerm: 'of which long-term',
    inProgress: 'Under way',
    notStarted: 'Not started',
    unclear: 'Unclear',
    dueSoon: 'Due soon',
    missingDepartment: 'No department',
  },
  figuresSum: '= completed + in progress + overdue, as in the report sentence',
  checkedSheet: (sheet, asOf) => `Sheet "${sheet}", as of ${englishDate(asOf)}`,
  date: (iso) => englishDate(iso),
  sentenceLabel: 'Report sentence (copyable)',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy automatically; select the text and press Ctrl+C.',
  noFindings: 'No problems found.',
  allValid: 'The ledger is complete; nothing needs correcting.',
  findingsTitle: (shown, total) =>
    shown === total ? `Findings (${total})` : `Findings (${shown} of ${total} shown)`,
  filterKind: 'Filter by kind',
  filterKindPlaceholder: 'All kinds',
  filterDepartment: 'Filter by department',
  filterDepartmentPlaceholder: 'All departments',
  clearFilters: 'Clear filters',
  clearDepartment: 'Clear the department filter',
  noMatch: 'No findings match the filters.',
  row: (row) => `Row ${row}`,
  rowRange: (first, last) => `Rows ${first}–${last}`,
  sheetLevel: 'Whole sheet',
  column: (column) => `Column ${column}`,
  goToCell: (address, message) => `Go to ${address}: ${message}`,
  showMore: (n) => `Show ${n} more`,
  marksCleared: (n) => (n === 0 ? 'This sheet has no marks made by this tool.' : `Removed ${n} marks.`),
  marksNotApplied: 'The check finished, but the sheet could not be coloured:',
  sheetsWritten: (names) => `Summary sheets written: ${names.join(', ')}.`,
  sheetRenamed: (wanted, name) => `A sheet named "${wanted}" already existed; the new one is "${name}".`,
  sheetShown: (name) => `Sheet "${name}" is now shown; Check ledger will check it.`,
  summaryShown: (name, ledger) =>
    `Sheet "${name}" is now shown; go back to the ledger sheet "${ledger}" before checking again.`,
  staleResults: 'Settings changed; check the ledger again to update the results.',
  needCheckFirst: 'Check the ledger first, then write the summary.',

  noHeaderTitle: 'No header row found',
  noHeaderSeen: 'Text seen in the first rows:',
  noHeaderNothingSeen: 'The first rows hold no text.',
  noHeaderGoToColumns: 'Set the columns in "Columns"',

  errorTitle: 'Not completed',
  genericError: (action) =>
    `${action} did not complete: something unexpected went wrong. Try again; if it keeps happening, save the workbook and reopen it.`,
  actions: {
    check: 'The check',
    clearMarks: 'Clearing marks',
    summary: 'Writing the summary',
    settings: 'Saving settings',
    loadSettings: 'Loading settings',
    select: 'Selecting the cell',
    import: 'Writing the ledger',
  },
  dismiss: 'Dismiss',

  columnsIntro:
    'Which column holds each item. When detection is wrong, choose the column yourself; settings are saved with the workbook.',
  columnsNeedCheck: 'Check the ledger once and the detected headers will be listed here to choose from.',
  fieldHeader: 'Item',
  columnHeader: 'Column',
  autoDetected: (label) => `Detected: ${label}`,
  autoNotFound: 'Detected: not found',
  autoOption: 'Detect automatically',
  noSuchColumn: '(no such column)',
  headerNames: (names) => `Headers recognised automatically: ${names.join(', ')}`,
  headerNamesButton: (field) => `Headers recognised for ${field}`,
  columnOption: (letter, header) => (header ? `${letter} · ${header}` : letter),
  requiredTitle: 'Required items',
  requiredHint: 'An empty checked item is reported.',
  dueSoonDays: 'Due-soon window (days)',
  dueSoonHint: 'Unfinished rows this many days before their deadline count as due soon.',
  increase: 'One day more',
  decrease: 'One day fewer',
  asOf: 'As-of date',
  asOfHint: 'Leave empty for today.',
  asOfToday: 'Use today',
  issuedOn: 'Handed over on',
  issuedOnHint:
    'Deadlines written as “5个工作日内” or “一个月内” count from this day, unless the sheet has a 交办时间 column or a 交办日期 line.',
  markDone: 'Mark done rows (green)',
  saved: 'Settings saved.',
  saving: 'Saving…',
  resetColumns: 'Detect all columns automatically',

  importIntro: 'Paste the text of a rectification plan below, preview it, then write it to a new sheet.',
  importText: 'Plan text',
  importPlaceholder: 'For example:\n一、……\n1. problem……\n整改措施：……\n责任部门：……\n完成时限：……',
  importFile: 'Or choose a file (.txt / .docx)',
  importFileReadError:
    'This file cannot be read. Open it, copy all its text and paste it into the box above.',
  importFileDocxUnavailable:
    '.docx files cannot be read directly yet. Open the file, copy all its text and paste it above.',
  preview: 'Preview',
  previewTitle: (n) => `${n} measures recognised`,
  previewCols: {
    category: 'Category',
    problem: 'Problem',
    measure: 'Measure',
    departments: 'Departments',
    deadline: 'Deadline',
  },
  previewMissing: '(missing)',
  colon: ': ',
  previewMore: (n) => `${n} more not shown in the preview; all will be written.`,
  sheetName: 'New sheet name',
  defaultSheetName: '整改台账',
  writeSheet: 'Write new sheet',
  importWritten: (name, n) => `Wrote sheet "${name}" with ${n} rows.`,
  importLacking: (dept, deadline) =>
    dept === 0 && deadline === 0
      ? 'Every row has a department and a deadline.'
      : `${dept} rows lack a responsible department and ${deadline} lack a deadline; fill them in on the sheet.`,
  importReplaced: 'The ledger sheet this tool generated earlier was replaced by this one.',
  importEmpty: 'Paste the plan text first.',
  importChanged: 'The text changed; preview it again.',
  notAvailable: 'This feature is not available yet; update the add-in and try again.',
  bootNoOfficeJs:
    'Office.js could not be loaded, so the add-in cannot start: make sure your network does not block appsforoffice.microsoft.com, and open the add-in from Excel.',
  bootNotExcel:
    'This page is an Excel add-in: in Excel, click Check ledger on the Home tab; it does not work on its own in a browser.',
  bootTimeout:
    'Office did not respond, so the add-in cannot start: close the task pane and open it again, or restart Excel.',
  loading: 'Loading…',

  fields: fieldLabels('en'),
  codes: codeTitles('en'),
  severities: severityLabels('en'),
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** Office's display language ('zh-CN', 'en-US') → the pane's language; Chinese unless English. */
export function langFromDisplay(displayLanguage: string | undefined | null): Lang {
  return (displayLanguage ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}
