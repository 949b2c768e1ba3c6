/**
 * Imported rows → the plan of a new ledger sheet with the standard columns. A title row on top
 * (row 1, merged across), the header on row 2, one row per measure; 序号, 问题类别 and 存在问题
 * merged down over the measures they cover. Cells the document did not supply stay empty so the
 * checker flags them.
 */
import { CN_DATE_FORMAT } from '../protocol';
import { FIELD_LABELS } from '../messages';
import { FIELDS, type MergedArea } from '../types';
import { num, text, type PlanCell, type SheetPlan } from '../sheetPlan';
import type { ImportedRow } from './parse';

/** The standard columns: every field but 配合单位, which plans write inside the department text. */
export const LEDGER_FIELDS = FIELDS.filter((f) => f !== 'cooperating');
export const LEDGER_HEADERS = LEDGER_FIELDS.map((f) => FIELD_LABELS[f].zh);

/** Widths in characters (a CJK character counts about 2). */
const WIDTHS = [6, 16, 36, 48, 20, 10, 14, 16, 12, 14, 28];

export const LEDGER_DATE_FORMAT = CN_DATE_FORMAT;

export interface LedgerLayoutOptions {
  /** Sheet name wanted (the host picks a free one if taken). */
  name?: string;
  /** Title written over the table; '' for none. */
  title?: string;
}

function cellText(value: string): PlanCell {
  return value ? text(value, 'cell') : null;
}

function deadlineCell(row: ImportedRow): PlanCell {
  if (row.deadline) return { kind: 'date', date: row.deadline, format: LEDGER_DATE_FORMAT, style: 'cell' };
  return cellText(row.deadlineText);
}

function remarksOf(row: ImportedRow): string {
  const notes = [row.remarks];
  if (row.deadlineSource === 'phase') notes.push(`整改时限按工作步骤“${row.deadlineText}”的截止日计`);
  if (row.deadlineSource === 'plan') notes.push(`整改时限按推进计划“${row.deadlineText}”末计`);
  return notes.filter(Boolean).join('\n');
}

/** Runs of consecutive rows (0-based indexes) sharing a key; keys that are '' never run. */
function runs(keys: string[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start] || !keys[start]) {
      if (i - 1 > start && keys[start]) out.push([start, i - 1]);
      start = i;
    }
  }
  return out;
}

export function layoutLedger(rows: ImportedRow[], options: LedgerLayoutOptions = {}): SheetPlan {
  const title = options.title ?? '整改台账';
  const top = title ? 1 : 0;
  const headerRow = top + 1;
  const planRows: PlanCell[][] = [];
  const merges: MergedArea[] = [];
  const width = LEDGER_HEADERS.length;

  if (title) {
    planRows.push([text(title, 'title'), ...Array<PlanCell>(width - 1).fill(null)]);
    merges.push({ top: 1, left: 1, bottom: 1, right: width });
  }
  planRows.push(LEDGER_HEADERS.map((h) => text(h, 'header')));

  const firstData = headerRow + 1;
  rows.forEach((row, i) => {
    const first = i === 0 || rows[i - 1].problemIndex !== row.problemIndex;
    planRows.push([
      first ? num(row.problemIndex, 'number', '0') : { kind: 'text', text: '', style: 'cell' },
      cellText(row.category),
      cellText(row.problem),
      cellText(row.measure),
      cellText(row.departmentsText),
      cellText(row.person),
      deadlineCell(row),
      cellText(row.status),
      null,
      null,
      cellText(remarksOf(row)),
    ]);
    // Empty cells still get borders: the covered cells of merges take their anchor's style, and a
    // blank field cell is written as an empty styled text so the grid looks whole.
    const r = planRows[planRows.length - 1];
    for (let c = 0; c < width; c++) if (r[c] === null) r[c] = { kind: 'text', text: '', style: 'cell' };
  });

  const problemKeys = rows.map((r) => String(r.problemIndex));
  for (const [a, b] of runs(problemKeys)) {
    for (const col of [1, 3])
      merges.push({ top: firstData + a, left: col, bottom: firstData + b, right: col });
  }
  // A category runs over whole problems: break runs where the category changes.
  const categoryKeys = rows.map((r) => (r.category ? `${r.category}` : ''));
  for (const [a, b] of runs(categoryKeys))
    merges.push({ top: firstData + a, left: 2, bottom: firstData + b, right: 2 });

  return {
    name: options.name ?? '整改台账',
    kind: 'imported-ledger',
    columnWidths: [...WIDTHS],
    rows: planRows,
    merges,
    headerRow,
    charts: [],
  };
}
