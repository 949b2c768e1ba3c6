/**
 * The words of the 合并各单位台账 view (zh, en), kept beside the pane's main table (i18n.ts) so that
 * the view can change without touching it. Components take them as `m`.
 */
import type { Lang } from '../core/types';
import type { UnitNameSource } from '../core/consolidate/unitName';

const zh = {
  tab: '合并各单位台账',
  intro:
    '把各单位报送的台账合成一份：选择各单位的 .xlsx/.xls 文件，或合并本工作簿中每个单位一张的工作表。先预览各单位的情况，确认后写入汇总台账、各单位情况、逾期清单和待补充清单四张表。',
  pickFiles: '选择各单位的台账文件',
  fromWorkbook: '合并本工作簿的各工作表',
  reading: (done: number, total: number, name: string) => `正在读取第 ${done + 1} / ${total} 个：${name}`,
  readingSheets: '正在读取本工作簿的工作表…',
  loadingReader: '正在加载读取程序…',
  previewTitle: (units: number, measures: number) => `${units} 个单位，共 ${measures} 项措施`,
  cols: {
    unit: '填报单位',
    source: '名称来源',
    measures: '措施',
    overdue: '逾期',
    missing: '缺责任单位',
    toComplete: '待补充',
  },
  unreadableTitle: (n: number) => `未能读取的文件（${n} 个，其余文件照常合并）`,
  duplicatesTitle: '同一单位的多个文件（只合并修改时间较晚的一个）',
  duplicate: (unit: string, kept: string, dropped: string) => `${unit}：采用“${kept}”，未合并“${dropped}”`,
  ignored: (names: string[]) => `已跳过：${names.join('、')}（Excel 临时锁定文件或本工具生成的文件）。`,
  write: '写入汇总表',
  written: (names: string[]) => `已写入：${names.join('、')}。`,
  renamed: (wanted: string, name: string) => `已有同名工作表“${wanted}”，新表命名为“${name}”。`,
  nothing: '没有一个文件能够合并：请确认选择的是各单位填好的台账。',
  noSheets: '本工作簿中没有带台账表头的工作表。',
  currentWorkbook: '本工作簿',
  unexpected: '读取时发生意外错误，请在 Excel 中打开并另存为 .xlsx 后再试。',
  readerUnavailable: '读取程序没有加载成功，请重新打开任务窗格后再试。',
  sheetsUnsupported: '当前环境不能读取整个工作簿，请改为选择文件。',
  changed: '文件已重新选择，请确认预览后再写入。',
  sources: {
    mapping: '映射',
    'fill-line': '填报单位行',
    'file-name': '文件名',
    'folder-name': '文件夹名',
    'sheet-name': '工作表名',
  } as Record<UnitNameSource, string>,
};

export type MergeStrings = typeof zh;

const en: MergeStrings = {
  tab: 'Merge units',
  intro:
    "Merge the ledgers your units sent back: choose their .xlsx/.xls files, or merge this workbook's sheets (one per unit). Preview each unit's figures, then write four sheets: 汇总台账, 各单位情况, 逾期清单 and 待补充清单.",
  pickFiles: "Choose the units' ledger files",
  fromWorkbook: "Merge this workbook's sheets",
  reading: (done, total, name) => `Reading ${done + 1} of ${total}: ${name}`,
  readingSheets: "Reading this workbook's sheets…",
  loadingReader: 'Loading the reader…',
  previewTitle: (units, measures) => `${units} units, ${measures} measures`,
  cols: {
    unit: 'Unit',
    source: 'Name from',
    measures: 'Measures',
    overdue: 'Overdue',
    missing: 'No dept.',
    toComplete: 'To complete',
  },
  unreadableTitle: (n) => `Files that could not be read (${n}; the others are merged)`,
  duplicatesTitle: 'Several files of one unit (only the one modified last is merged)',
  duplicate: (unit, kept, dropped) => `${unit}: used "${kept}", not "${dropped}"`,
  ignored: (names) => `Skipped: ${names.join(', ')} (Excel lock files or this tool's own output).`,
  write: 'Write the summary sheets',
  written: (names) => `Written: ${names.join(', ')}.`,
  renamed: (wanted, name) => `A sheet named "${wanted}" already existed; the new one is "${name}".`,
  nothing: "No file could be merged: choose the units' filled-in ledgers.",
  noSheets: 'No sheet of this workbook has a ledger header.',
  currentWorkbook: 'This workbook',
  unexpected: 'Unexpected error while reading; open it in Excel and save it again as .xlsx.',
  readerUnavailable: 'The reader did not load; reopen the task pane and try again.',
  sheetsUnsupported: 'This host cannot read the whole workbook; choose files instead.',
  changed: 'The files changed; check the preview before writing.',
  sources: {
    mapping: 'mapping',
    'fill-line': '填报单位 line',
    'file-name': 'file name',
    'folder-name': 'folder name',
    'sheet-name': 'sheet name',
  },
};

export const MERGE_STRINGS: Record<Lang, MergeStrings> = { zh, en };
