/**
 * `ledger-check --json`: the report as one JSON document for programs, streamed (src/cli/jsonStream.ts)
 * so that a large ledger's rows and findings are never all turned into text at once.
 */
import type { SheetReport } from '../core/types';
import type { SkippedSheet } from './format';
import type { Output } from './io';
import { StreamedList, StreamedObject, writeJson } from './jsonStream';

/** The document: what was checked, and per sheet its columns, rows, findings and figures. */
export function jsonReportDocument(
  head: { file: string; asOf: string },
  reports: SheetReport[],
  skipped: SkippedSheet[],
): StreamedObject {
  return new StreamedObject([
    ['asOf', head.asOf],
    ['file', head.file],
    ['sheets', new StreamedList(reports, sheetDocument)],
    ['skipped', skipped],
  ]);
}

function sheetDocument(r: SheetReport): StreamedObject {
  return new StreamedObject([
    ['name', r.name],
    ['valid', r.valid],
    ['headerRows', r.headerRows],
    ['columns', r.columns],
    [
      'rows',
      new StreamedList(r.rows, (row) => ({
        row: row.row,
        state: row.state,
        deadline: row.deadline,
        deadlineKind: row.deadlineKind,
        overdue: row.overdue,
        daysOverdue: row.daysOverdue,
        dueSoon: row.dueSoon,
        daysLeft: row.daysLeft,
        departments: row.departments,
        cooperating: row.cooperating,
        completedOn: row.completedOn,
      })),
    ],
    // The message in the report's language, and what it is made of for a program to use.
    [
      'findings',
      new StreamedList(r.findings, ({ code, severity, row, column, field, message, params }) => ({
        code,
        severity,
        row,
        column,
        field,
        message,
        params,
      })),
    ],
    ['stats', r.stats],
  ]);
}

export function writeJsonReport(
  out: Output,
  head: { file: string; asOf: string },
  reports: SheetReport[],
  skipped: SkippedSheet[],
): Promise<void> {
  return writeJson(out, jsonReportDocument(head, reports, skipped));
}
