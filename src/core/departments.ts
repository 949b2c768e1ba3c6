/**
 * Department cells ("责任单位", "配合单位"): one cell often names several departments, and some
 * name nobody in particular ("各科室、各单位").
 *
 * Choices worth knowing:
 * - Separators: 、 , ， ; ； / ／ | ｜, line breaks, tabs, the ideographic space (U+3000) and runs of two
 *   or more ASCII spaces. A single ASCII space does not split: "X市 交通局" is one name with a
 *   stray space, and guessing otherwise splits more names wrongly than it saves.
 * - Brackets ( ) （ ） [ ] 【 】 〔 〕 《 》 protect what they hold: "政策法规与审批股(含窗口、执法)"
 *   is one name and "办公室(牵头)" keeps its note. A bracket that never closes protects nothing.
 * - A leading label ending in a colon is dropped ("牵头单位:", "责任单位：", "配合:"), at the
 *   start of the cell and of every line, and a cell wrapped whole in 〔…〕 or 【…】 is unwrapped
 *   (plan documents write "〔责任单位:县发改委、县商务局〕").
 * - Names are returned as written (no width folding), trimmed, with trailing 。 . removed; empty
 *   parts are dropped and exact duplicates removed, first occurrence kept.
 *
 * Pure and total: never throws.
 */
import { memoByText } from './memo';
import { ZERO_WIDTH_CLASS } from './text/fold';
import { LABEL_NOUNS, LABEL_ROLES, LABEL_WORDS } from './lexicon/departments';
import { anyOf } from './lexicon/pattern';

const OPEN_TO_CLOSE: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  ['（', '）'],
  ['[', ']'],
  ['【', '】'],
  ['〔', '〕'],
  ['《', '》'],
  ['〈', '〉'],
  ['{', '}'],
]);
const CLOSERS: ReadonlySet<string> = new Set(OPEN_TO_CLOSE.values());

/** Single-character separators. Spaces are handled apart (only runs of two or more split). */
const SEPARATORS = new Set([
  '、',
  ',',
  '，',
  ';',
  '；',
  '/',
  '／',
  '|',
  '｜',
  '\n',
  '\r',
  '\t',
  '\u3000',
  '\u2028',
  '\u2029',
]);

/** A label such as "牵头单位:" or "责任部门：" before the names. */
const LABEL_RE = new RegExp(
  `^(?:(?:${anyOf(LABEL_ROLES)})(?:${anyOf(LABEL_NOUNS)})?|${anyOf(LABEL_WORDS)})\\s*[:：]\\s*`,
);

/** Whitespace at either end, including the ideographic space and zero-width characters. */
const EDGE_SPACE_RE = new RegExp(`^[\\s\\u3000${ZERO_WIDTH_CLASS}]+|[\\s\\u3000${ZERO_WIDTH_CLASS}]+$`, 'g');
/** Trailing full stops (and any spaces around them). */
const TRAILING_STOP_RE = new RegExp(`[\\s\\u3000${ZERO_WIDTH_CLASS}。.]+$`);
const WRAPPERS: ReadonlyArray<readonly [string, string]> = [
  ['〔', '〕'],
  ['【', '】'],
];

/** Index pairs of brackets that really close, so separators between them do not split. */
function protectedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPEN_TO_CLOSE.has(ch)) {
      stack.push(i);
    } else if (CLOSERS.has(ch)) {
      // Close the nearest matching opener; openers above it were never closed and protect nothing.
      for (let k = stack.length - 1; k >= 0; k--) {
        const open = stack[k];
        if (OPEN_TO_CLOSE.get(text[open]) === ch) {
          for (let j = open + 1; j < i; j++) mask[j] = 1;
          stack.length = k;
          break;
        }
      }
    }
  }
  return mask;
}

function unwrap(text: string): string {
  for (const [open, close] of WRAPPERS) {
    if (text.startsWith(open) && text.endsWith(close) && text.indexOf(open, 1) < 0) {
      return text.slice(open.length, text.length - close.length);
    }
  }
  return text;
}

function clean(part: string): string {
  let name = part.replace(EDGE_SPACE_RE, '');
  // A label may stand before a line's first name; each pass removes at least its colon.
  while (LABEL_RE.test(name)) name = name.replace(LABEL_RE, '').replace(EDGE_SPACE_RE, '');
  return name.replace(TRAILING_STOP_RE, '');
}

/** An Excel error value ('#N/A', '#REF!', '#DIV/0!' …): it names no department (and '#N/A' must not split at '/'). */
const EXCEL_ERROR_RE =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!)$/i;

/**
 * Splits a department cell into a clean list: trimmed, de-duplicated, order kept. See the module
 * comment for separators, brackets and labels. An Excel error value names nobody: [].
 */
export function splitDepartments(text: string): string[] {
  if (typeof text !== 'string') return [];
  // A copy, so that no caller can change the remembered list.
  return readRemembered(text).names.slice();
}

/** A department cell read once: its names (frozen, shared by every row with the same text). */
export interface DepartmentCell {
  names: readonly string[];
  /** Every name is vague (and there is at least one): the vague-department finding. */
  vague: boolean;
}

const NO_NAMES: readonly string[] = Object.freeze([]);

/**
 * The engine's own reading of a department cell, remembered per text: a ledger repeats the same
 * few department lists on thousands of rows, and the names are only read, never changed.
 */
export function readDepartments(text: string): DepartmentCell {
  if (typeof text !== 'string') return { names: NO_NAMES, vague: false };
  return readRemembered(text);
}

const readRemembered = memoByText((text: string): DepartmentCell => {
  const names = EXCEL_ERROR_RE.test(text.replace(EDGE_SPACE_RE, '')) ? [] : splitOnce(text);
  return Object.freeze({
    names: names.length === 0 ? NO_NAMES : Object.freeze(names),
    vague: names.length > 0 && names.every(isVagueDepartment),
  });
});

function splitOnce(text: string): string[] {
  try {
    const source = unwrap(text.replace(EDGE_SPACE_RE, ''));
    const mask = protectedMask(source);
    const out: string[] = [];
    const seen = new Set<string>();
    const push = (from: number, to: number): void => {
      const name = clean(source.slice(from, to));
      if (name !== '' && !seen.has(name)) {
        seen.add(name);
        out.push(name);
      }
    };
    let start = 0;
    let i = 0;
    while (i < source.length) {
      const ch = source[i];
      if (mask[i] === 0 && SEPARATORS.has(ch)) {
        push(start, i);
        start = i + 1;
        i++;
      } else if (mask[i] === 0 && ch === ' ' && source[i + 1] === ' ') {
        let j = i;
        while (j < source.length && source[j] === ' ') j++;
        push(start, i);
        start = j;
        i = j;
      } else {
        i++;
      }
    }
    push(start, source.length);
    return out;
  } catch {
    return [];
  }
}

/** Collective or unspecified bodies. Tested on the name without spaces and bracketed notes. */
const VAGUE_PATTERNS: readonly RegExp[] = [
  // 各单位, 各科室, 各地各单位, 局属各单位, 机关各股室, 各镇(园区), 各镇人民政府, 各成员单位 …
  /各/,
  // 相关单位, 有关部门, 县直有关单位, 其他相关科室, 相关责任单位 …
  /(?:相关|有关|其他|其它)[^\s]{0,4}?(?:单位|部门|科室|股室|处室|方面|人员|镇|乡镇|街道|机构|企业|领导|同志)$/,
  // 全体, 全局, 全局上下, 全体干部职工, 全县 …
  /^全(?:体|局|员|系统|县|区|市|镇|委|院|所|处)(?:上下|干部|职工|干部职工|党员|人员|同志|单位)*$/,
  // 所有科室, 全部单位, 所有部门 …
  /^(?:所有|全部|一切)/,
  // 成员单位, 领导小组成员单位, 班子成员
  /成员单位$|班子成员$/,
];
/** English: "all departments", "relevant units", "each unit" … (read with spaces kept). */
const VAGUE_ENGLISH_RE =
  /^\s*(?:all|each|every|relevant|related|concerned|other)\s+(?:the\s+)?(?:departments?|units?|sections?|offices?|bodies|agencies|staff)\b/i;
const STRIP_FOR_VAGUE_RE = /[\s\u3000]+|[(（[【〔][^(（[【〔)）\]】〕]*[)）\]】〕]/g;

/**
 * True when a department name names nobody in particular: 各单位, 各科室, 局属各单位, 机关各股室,
 * 各部门, 各地各单位, 各镇(园区), 相关单位, 有关部门, 全体, 全局, 各相关部门 … Anything with 各 is a
 * collective ("各镇人民政府" too: every town's government, no one answerable body for a summary).
 * A specific name such as "办公室" or "县发改委" is not vague, nor is an empty string.
 */
export function isVagueDepartment(name: string): boolean {
  if (typeof name !== 'string') return false;
  const core = name.replace(STRIP_FOR_VAGUE_RE, '');
  if (core === '') return false;
  for (const re of VAGUE_PATTERNS) if (re.test(core)) return true;
  return VAGUE_ENGLISH_RE.test(name);
}
