/**
 * Where a unit's name comes from when the lead office merges what its units sent back.
 *
 * In order (docs/domain.md, 汇总): a mapping the clerk gives (file or name → unit) overrides everything;
 * else the 填报单位 line above the header ("填报单位（盖章）：县教育局  填报时间：…"); else the
 * file name without the words every unit's file carries (台账, 整改, 汇总, dates, 附件1, …); else
 * the name of the folder the file sits in, when it reads as a unit (城关镇/整改台账.xlsx); else the
 * sheet name. A workbook with one unit per sheet names its units by sheet when the sheet
 * names read as unit names (they end in 局, 委, 办, 中心, 镇, …). Pure: no I/O.
 */
import { cellText } from '../grid';
import type { Grid } from '../types';
import { QUARTER_NUMERALS } from '../lexicon/deadlines';
import { withoutRoundNotes } from '../text/brackets';

export type UnitNameSource = 'mapping' | 'fill-line' | 'file-name' | 'folder-name' | 'sheet-name';

/** How the report says where a name came from. */
export const UNIT_SOURCE_LABELS: Record<UnitNameSource, { zh: string; en: string }> = {
  mapping: { zh: '映射文件', en: 'mapping file' },
  'fill-line': { zh: '填报单位行', en: '填报单位 line' },
  'file-name': { zh: '文件名', en: 'file name' },
  'folder-name': { zh: '文件夹名', en: 'folder name' },
  'sheet-name': { zh: '工作表名', en: 'sheet name' },
};

/** Labels of the line naming the unit that filled the sheet in. */
const FILL_LABEL =
  /^(?:填报单位|报送单位|填报部门|报送部门|填表单位|单位名称|填报单位名称|上报单位)\s*(?:[(（][^)）]*[)）])?\s*[:：]?\s*/;
/** Other labels that often share the line and end the unit's name. */
const NEXT_LABEL =
  /\s{2,}|\u3000|(?:填报|报送|填表|上报)(?:时间|日期|人)|联系人|联系电话|负责人|审核人|分管领导|日期\s*[:：]|时间\s*[:：]/;

function cleanName(raw: string): string {
  return raw
    .replace(/[(（](?:盖章|公章|章)[)）]/g, '')
    .replace(/^[\s:：_＿\-—]+|[\s:：_＿\-—。，,;；]+$/g, '')
    .trim();
}

/** The unit named on a 填报单位 line in a cell's text, or null. */
function unitInText(text: string): { name: string | null; labelOnly: boolean } | null {
  const t = text.replace(/\r?\n/g, ' ').trim();
  const m = FILL_LABEL.exec(t);
  if (!m || m[0].length === 0) return null;
  const rest = t.slice(m[0].length);
  const end = NEXT_LABEL.exec(rest);
  const name = cleanName(end ? rest.slice(0, end.index) : rest);
  return name ? { name, labelOnly: false } : { name: null, labelOnly: true };
}

/**
 * The unit on the 填报单位 line above the header (rows before `headerTop`), or null. The name is
 * either in the label's own cell ("填报单位：县教育局") or in the next filled cell of that row.
 */
export function fillLineUnit(grid: Grid, headerTop: number): string | null {
  const last = Math.min(headerTop - 1, grid.firstRow + grid.cells.length - 1);
  for (let row = grid.firstRow; row <= last; row++) {
    const cells = grid.cells[row - grid.firstRow] ?? [];
    for (let i = 0; i < cells.length; i++) {
      const found = unitInText(cellText(cells[i]));
      if (!found) continue;
      if (found.name) return found.name;
      for (let j = i + 1; j < cells.length; j++) {
        const next = cellText(cells[j]);
        if (!next) continue;
        if (unitInText(next) || NEXT_LABEL.test(next.slice(0, 4))) break;
        const name = cleanName(next);
        if (name) return name;
      }
    }
  }
  return null;
}

/** Words every unit's file name carries, removed to leave the unit (longest first). */
const COMMON_WORDS = [
  '巡察反馈意见',
  '巡视反馈意见',
  '反馈意见',
  '整改落实',
  '整改工作',
  '落实情况',
  '进展情况',
  '完成情况',
  '问题清单',
  '工作台账',
  '整改台账',
  '台账',
  '整改',
  '汇总',
  '落实',
  '情况',
  '清单',
  '巡察',
  '巡视',
  '督查',
  '审计',
  '专项',
  '报送',
  '填报',
  '上报',
  '最新版',
  '最新',
  '终稿',
  '定稿',
  '修改稿',
  '修订',
  '副本',
  '备份',
  '回头看',
  '统计表',
  '一览表',
];

const DATE_PATTERNS: RegExp[] = [
  /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?/g,
  /\d{4}\s*年\s*\d{1,2}\s*月(?:份|底)?/g,
  /\d{4}\s*年(?:度|底)?/g,
  /\d{1,2}\s*月\s*\d{1,2}\s*日/g,
  /\d{1,2}\s*月(?:份|底)?/g,
  /\d{4}[-._/]\d{1,2}(?:[-._/]\d{1,2})?/g,
  /\d{8}|\d{6}/g,
  new RegExp(`[${QUARTER_NUMERALS.join('')}]季度|[上下]半年`, 'g'),
];

/**
 * The unit a file name names once the common words are gone: "附件2：县教育局巡察整改台账（2024年6月）.xlsx"
 * → "县教育局". Null when nothing meaningful is left ("整改台账汇总.xlsx").
 */
export function fileNameUnit(fileName: string): string | null {
  let s = fileName.replace(/^.*[\\/]/, '').replace(/\.(?:xlsx|xlsm|xls|et|csv)$/i, '');
  s = s.replace(/^(?:附件|附表)\s*\d*\s*[:：.、\-_]?/, '');
  s = withoutRoundNotes(s, ' ').replace(/[【[][^】\]]*[】\]]/g, ' ');
  s = s.replace(/[vV]\d+(?:\.\d+)?|版本?\d*$/g, ' ');
  // Every date pattern needs a digit or a 季度/半年 word; most names have neither.
  if (/\d|季度|半年/.test(s)) for (const p of DATE_PATTERNS) s = s.replace(p, ' ');
  for (const w of COMMON_WORDS) if (s.includes(w)) s = s.split(w).join(' ');
  s = s
    .replace(/^关于/, '')
    .replace(/的\s*$/, '')
    .replace(/[\s_\-—.,，、;；:：·~～#]+/g, ' ')
    .trim()
    .replace(/\s+/g, '');
  s = s.replace(/^关于|的$|^表$|表$/g, '');
  // A bare number, a single character or a generic word is no unit.
  if (!s || /^\d+$/.test(s) || [...s].length < 2 || GENERIC_NAMES.test(s)) return null;
  return s;
}

const GENERIC_NAMES = /^(?:sheet\d*|工作表\d*|表\d*|新建.*|book\d*|新建Microsoft.*|各单位|全部|总表|copy)$/i;

/** Endings of Chinese unit names: 局, 委员会, 办公室, 中心, 镇, 街道, 公司, 医院 … */
const UNIT_ENDING =
  /(?:局|委|办|厅|部|处|科|股|室|所|站|院|校|馆|队|中心|会|社|镇|乡|街道|村|社区|公司|集团|园区|区|县|市|组|团)$/;

/**
 * The unit a folder names, for a file whose own name carries nothing but common words
 * (城关镇/整改台账.xlsx → 城关镇): the folder's name without those words, when it reads as a unit's
 * name (ends in 局, 镇, 中心, …). Null otherwise ("第二批", "2024年6月报送", "各单位").
 */
export function folderNameUnit(folder: string): string | null {
  const name = fileNameUnit(folder.replace(/[\\/]+$/, ''));
  return name && sheetNameIsUnit(name) ? name : null;
}

/** True when a sheet name reads as a unit's name (so a workbook with one unit per sheet splits by sheet). */
export function sheetNameIsUnit(name: string): boolean {
  const s = name.trim();
  if (!s || GENERIC_NAMES.test(s) || /台账|清单|汇总|问题|说明|封面|目录/.test(s)) return false;
  return UNIT_ENDING.test(s);
}

/**
 * A mapping file: one line per name, `原名称=单位名` (or separated by a tab, a comma or →), `#`
 * starting a comment; or a JSON object { "原名称": "单位名" }. The key is matched against a
 * file's name (with or without its extension), the name found for the unit, and the sheet name.
 * Returns the mapping and the lines it could not read (1-based).
 */
export function parseUnitMapping(textContent: string): { map: Map<string, string>; badLines: number[] } {
  const map = new Map<string, string>();
  const badLines: number[] = [];
  const body = textContent.replace(/^\ufeff/, '');
  if (/^\s*\{/.test(body)) {
    try {
      const obj = JSON.parse(body) as Record<string, unknown>;
      for (const [k, v] of Object.entries(obj)) {
        if (typeof v === 'string' && k.trim() && v.trim()) map.set(mappingKey(k), v.trim());
      }
      return { map, badLines };
    } catch {
      return { map, badLines: [1] };
    }
  }
  body.split(/\r?\n/).forEach((line, i) => {
    const t = line.replace(/#.*$/, '').trim();
    if (!t) return;
    const m = /^(.+?)\s*(?:=|→|->|\t|,|，)\s*(.+)$/.exec(t);
    if (!m || !m[1].trim() || !m[2].trim()) {
      badLines.push(i + 1);
      return;
    }
    map.set(mappingKey(m[1]), m[2].trim());
  });
  return { map, badLines };
}

/** Keys compare without spaces, case, or an .xlsx/.xls extension. */
export function mappingKey(s: string): string {
  return s
    .replace(/^.*[\\/]/, '')
    .replace(/\.(?:xlsx|xlsm|xls)$/i, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}
