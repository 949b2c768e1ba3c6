/**
 * `ledger-check --json`: the report as one JSON document for programs, streamed (src/cli/jsonStream.ts)
 * so that a large ledger's rows and findings are never all turned into text at once.
 *
 * Rows and findings are written by templates (`RowTemplate`, `FindingTemplate`): an item's text is
 * a head, its row number and a tail, and items alike share one tail, made into bytes once. A
 * ledger's rows repeat a few states, deadlines and department lists, and the engine gives findings
 * that say the same one frozen params object and one message (README "The engine alone"): at
 * 50,000 rows, 1,590 row tails and 281 finding tails serve 83,000 items (README "JSON output").
 */
import type { Finding, RowReport, SheetReport } from '../core/types';
import type { SkippedSheet } from './format';
import { jsonBytes, type Output } from './io';
import {
  lineBreak,
  StreamedList,
  StreamedObject,
  writeJson,
  type ItemTemplate,
  type JsonTexts,
  type JsonWriter,
} from './jsonStream';

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
    ['rows', new StreamedList(r.rows, rowValue, new RowTemplate())],
    ['findings', new StreamedList(r.findings, findingValue, new FindingTemplate())],
    ['stats', r.stats],
  ]);
}

/** A row in the document. */
export function rowValue(row: RowReport) {
  return {
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
  };
}

/** A finding in the document: the message in the report's language, and what it is made of. */
export function findingValue({ code, severity, row, column, field, message, params }: Finding) {
  return { code, severity, row, column, field, message, params };
}

/**
 * How many tails a template keeps (about 300 bytes each): past it, new kinds of item are written
 * without keeping their tail, so a ledger whose rows are all different costs no more memory.
 */
const KEPT_TAILS = 10_000;

/**
 * Misses (items whose tail had to be made) past which a template gives up when they are also more
 * than half the items it has seen: the list's rest is then written by JSON.stringify in batches.
 * Measured at 50,000 rows: where every row is unlike the others a miss costs 5 µs, twice the
 * batches' cost; the generated ledger has 1,515 misses in its first 2,000 rows and 1,590 in all.
 */
const GIVE_UP_AFTER = 4096;

/** Should a template that has missed `missed` of `seen` items give up (GIVE_UP_AFTER)? */
function givesUp(missed: number, seen: number): boolean {
  return missed > GIVE_UP_AFTER && missed * 2 > seen;
}

/** Row tails kept per deadline (the generated 50,000-row ledger has at most 8). */
const ALIKE = 16;

/**
 * What comes before each member's value in an object at `indent`: `,` (or `{` for the first
 * member of an object that begins here), a line break and the name.
 */
function memberNames(keys: readonly string[], indent: number, opens: boolean): string[] {
  return keys.map(
    (k, i) => (opens && i === 0 ? '{' : ',') + lineBreak(indent + 2) + JSON.stringify(k) + ': ',
  );
}

/**
 * Members `keys` of `item` as JSON.stringify writes them in an object at `indent` (`names` from
 * memberNames); undefined when one is a value JSON.stringify leaves out. Runs on a miss only.
 */
function membersText(
  keys: readonly string[],
  names: readonly string[],
  item: object,
  indent: number,
  texts: JsonTexts,
): string | undefined {
  let text = '';
  for (let i = 0; i < keys.length; i++) {
    const value = texts.value((item as Record<string, unknown>)[keys[i]], indent + 2);
    if (value === undefined) return undefined;
    text += names[i] + value;
  }
  return text;
}

/** A row's members after its number, as bytes: rows alike share one (see `sameTail`). */
interface RowTail {
  /** The row it was made for. */
  like: RowReport;
  bytes: Uint8Array;
}

const ROW_TAIL_KEYS = Object.keys(rowValue({} as RowReport)).slice(1);

/** Do these rows' members after their numbers read the same? (Lists compared by identity.) */
function sameTail(a: RowReport, b: RowReport): boolean {
  return (
    a.state === b.state &&
    a.deadline === b.deadline &&
    a.deadlineKind === b.deadlineKind &&
    a.overdue === b.overdue &&
    a.daysOverdue === b.daysOverdue &&
    a.dueSoon === b.dueSoon &&
    a.daysLeft === b.daysLeft &&
    a.departments === b.departments &&
    a.cooperating === b.cooperating &&
    a.completedOn === b.completedOn
  );
}

/**
 * Writes rowValue(row)'s text: `{` to `"row": `, the number, and the tail it shares with rows
 * alike. Hot code (`write`, `find`) is kept apart from making a tail (`make`, a few thousand times
 * at most), and `make` runs little JavaScript: at 50,000 rows TurboFan compiling the hot code is
 * about a third of the step's CPU, and `make` as first written (a value object, `map`, `some`,
 * `JSON.stringify` with indentation per value) another 10 ms (README "JSON output").
 */
export class RowTemplate implements ItemTemplate<RowReport> {
  private indent = -1;
  private seen = 0;
  private missed = 0;
  gaveUp = false;
  private head: Uint8Array = new Uint8Array(0);
  private names: string[] = [];
  /** Tails by deadline (each row's own deadline text or null), a few per deadline. */
  private readonly tails = new Map<unknown, RowTail[]>();
  private kept = 0;

  write(row: RowReport, indent: number, w: JsonWriter): boolean {
    if (indent !== this.indent) this.start(indent);
    this.seen++;
    const tail = this.find(row) ?? this.make(row, w.texts);
    if (tail === undefined || typeof row.row !== 'number') return false;
    w.bytes(this.head);
    w.integer(row.row);
    w.bytes(tail);
    return true;
  }

  private start(indent: number): void {
    this.indent = indent;
    this.head = jsonBytes('{' + lineBreak(indent + 2) + '"row": ');
    this.names = memberNames(ROW_TAIL_KEYS, indent, false);
    this.tails.clear();
    this.kept = 0;
    this.seen = this.missed = 0;
    this.gaveUp = false;
  }

  private find(row: RowReport): Uint8Array | undefined {
    const alike = this.tails.get(row.deadline);
    if (alike === undefined) return undefined;
    for (let i = 0; i < alike.length; i++) if (sameTail(alike[i].like, row)) return alike[i].bytes;
    return undefined;
  }

  /** The row's tail, kept when its lists are the engine's shared, frozen ones; undefined when a
   *  member is one JSON.stringify leaves out. */
  private make(row: RowReport, texts: JsonTexts): Uint8Array | undefined {
    this.gaveUp = givesUp(++this.missed, this.seen);
    const members = membersText(ROW_TAIL_KEYS, this.names, row, this.indent, texts);
    if (members === undefined) return undefined;
    const bytes = jsonBytes(members + lineBreak(this.indent) + '}');
    // Lists are compared by identity: others than the shared ones would never be met again.
    if (!Object.isFrozen(row.departments) || !Object.isFrozen(row.cooperating)) return bytes;
    let alike = this.tails.get(row.deadline);
    if (this.kept >= KEPT_TAILS || (alike?.length ?? 0) >= ALIKE) return bytes;
    if (alike === undefined) this.tails.set(row.deadline, (alike = []));
    alike.push({ like: row, bytes });
    this.kept++;
    return bytes;
  }
}

/** A finding's members after its row, as bytes: findings that share their params share one. */
interface FindingTail {
  /** The finding it was made for. */
  like: Finding;
  bytes: Uint8Array;
}

const FINDING_KEYS = Object.keys(findingValue({} as Finding));
const FINDING_HEAD_KEYS = FINDING_KEYS.slice(0, FINDING_KEYS.indexOf('row'));
const FINDING_TAIL_KEYS = FINDING_KEYS.slice(FINDING_KEYS.indexOf('row') + 1);

/**
 * Writes findingValue(f)'s text: a head per code and severity (`{` to `"row": `), its row, and a
 * tail per frozen params object (the engine's shared ones). Hot and making code apart, as rows.
 */
export class FindingTemplate implements ItemTemplate<Finding> {
  private indent = -1;
  private seen = 0;
  private missed = 0;
  gaveUp = false;
  /** Heads by code. */
  private readonly heads = new Map<unknown, { like: Finding; bytes: Uint8Array }>();
  /** Tails by frozen params object. */
  private readonly tails = new Map<unknown, FindingTail>();
  private headNames: string[] = [];
  private tailNames: string[] = [];

  write(f: Finding, indent: number, w: JsonWriter): boolean {
    if (indent !== this.indent) this.start(indent);
    this.seen++;
    const head = this.findHead(f) ?? this.makeHead(f, w.texts);
    const tail = this.findTail(f) ?? this.makeTail(f, w.texts);
    if (head === undefined || tail === undefined) return false;
    if (f.row !== null && typeof f.row !== 'number') return false;
    w.bytes(head);
    if (f.row === null) w.text('null');
    else w.integer(f.row);
    w.bytes(tail);
    return true;
  }

  private start(indent: number): void {
    this.indent = indent;
    this.headNames = memberNames(FINDING_HEAD_KEYS, indent, true);
    this.tailNames = memberNames(FINDING_TAIL_KEYS, indent, false);
    this.heads.clear();
    this.tails.clear();
    this.seen = this.missed = 0;
    this.gaveUp = false;
  }

  private findHead(f: Finding): Uint8Array | undefined {
    const known = this.heads.get(f.code);
    return known !== undefined && known.like.severity === f.severity ? known.bytes : undefined;
  }

  private makeHead(f: Finding, texts: JsonTexts): Uint8Array | undefined {
    const members = membersText(FINDING_HEAD_KEYS, this.headNames, f, this.indent, texts);
    if (members === undefined) return undefined;
    const bytes = jsonBytes(members + ',' + lineBreak(this.indent + 2) + '"row": ');
    this.heads.set(f.code, { like: f, bytes });
    return bytes;
  }

  private findTail(f: Finding): Uint8Array | undefined {
    const known = this.tails.get(f.params);
    if (known === undefined) return undefined;
    const like = known.like;
    return like.column === f.column && like.field === f.field && like.message === f.message
      ? known.bytes
      : undefined;
  }

  private makeTail(f: Finding, texts: JsonTexts): Uint8Array | undefined {
    this.gaveUp = givesUp(++this.missed, this.seen);
    const members = membersText(FINDING_TAIL_KEYS, this.tailNames, f, this.indent, texts);
    if (members === undefined) return undefined;
    const bytes = jsonBytes(members + lineBreak(this.indent) + '}');
    const { params } = f;
    const shared = typeof params === 'object' && params !== null && Object.isFrozen(params);
    if (shared && (this.tails.has(params) || this.tails.size < KEPT_TAILS))
      this.tails.set(params, { like: f, bytes });
    return bytes;
  }
}

export function writeJsonReport(
  out: Output,
  head: { file: string; asOf: string },
  reports: SheetReport[],
  skipped: SkippedSheet[],
): Promise<void> {
  return writeJson(out, jsonReportDocument(head, reports, skipped));
}
