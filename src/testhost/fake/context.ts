/**
 * The request context of the in-memory Excel and its sync accounting. As in Office.js, calls on
 * proxy objects only queue operations; `context.sync()` sends them as one request and Excel runs
 * them in order (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/application-specific-api-model#sync).
 *
 * Enforced at sync, each with its source:
 * - Cell-edit mode fails the whole batch with InvalidOperationInCellEditMode unless the run asked
 *   for delayForCellEdit (ExcelApi 1.11), which waits for the clerk instead
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions).
 * - A failing operation stops the batch; the operations before it stay applied, nothing is rolled
 *   back (https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling
 *   and https://learn.microsoft.com/en-us/office/dev/add-ins/excel/performance#update-all-cells-in-a-range).
 * - Requests and responses over 5 MB fail (RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded) as on Excel on the web
 *   (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 *
 * Request bytes: the UTF-8 JSON of every queued operation's arguments (values, formats, addresses,
 * hyperlinks, fonts, borders, merges, rules) plus a fixed overhead per operation for the object
 * path and method name. Response bytes: the UTF-8 JSON of what every load carries back.
 */
import { FakeError, type FakeSheet } from './model';
import { WorkbookProxy } from './proxies';
import type { FakeWorkbook } from './workbook';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Bytes an operation costs beyond its arguments: object path, method or property name, ids. */
export const OP_OVERHEAD = 40;

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface Op {
  load: boolean;
  run: () => unknown;
}

export class FakeContext {
  private ops: Op[] = [];
  private failure: FakeError | null = null;
  private requestSize = 0;
  readonly workbook: WorkbookProxy;
  constructor(
    readonly wb: FakeWorkbook,
    readonly options: { delayForCellEdit: boolean } = { delayForCellEdit: false },
  ) {
    this.workbook = new WorkbookProxy(this);
  }
  /** Queues a write (or any call that changes the workbook); `data` is what the request carries. */
  op(data: unknown, run: () => void): void {
    this.requestSize += OP_OVERHEAD + utf8Length(JSON.stringify(data ?? null) ?? '');
    this.ops.push({ load: false, run });
  }
  /** Queues a load; what `run` returns is the response's part for it. */
  queueLoad(run: () => unknown): void {
    this.requestSize += OP_OVERHEAD;
    this.ops.push({ load: true, run });
  }
  /** Called while an operation runs: the batch stops there. */
  fail(code: string, message: string): void {
    if (!this.failure) this.failure = new FakeError(code, message);
  }
  /** An API of a requirement set the host lacks fails at sync with ApiNotFound. */
  needs(minor: number, what: string): boolean {
    if (this.wb.apiVersion >= minor) return true;
    this.op(null, () => this.fail('ApiNotFound', `${what} needs ExcelApi 1.${minor}`));
    return false;
  }
  /** While running an operation: a write on a protected sheet fails with AccessDenied. */
  writable(sheet: FakeSheet): boolean {
    if (!sheet.protected) return true;
    this.fail('AccessDenied', `The sheet ${sheet.name} is protected`);
    return false;
  }
  /**
   * While running an operation: APIs that fail when another workbook has the focus
   * (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-troubleshooting#api-limitations-when-the-active-workbook-switches).
   */
  focused(code: 'GeneralException' | 'InvalidSelection', what: string): boolean {
    if (!this.wb.inactive) return true;
    this.fail(code, `${what}: the workbook is not active`);
    return false;
  }
  async sync(): Promise<void> {
    // Office.js sends nothing when nothing is queued (Excel.run's closing sync is often empty).
    if (this.ops.length === 0) return;
    const wb = this.wb;
    const index = wb.syncCount++;
    wb.beforeSync?.(index);
    const ops = this.ops;
    const request = this.requestSize;
    this.ops = [];
    this.requestSize = 0;
    wb.requestBytes.push(request);
    const refuse = (e: FakeError) => {
      wb.responseBytes.push(0);
      throw e;
    };
    if (wb.cellEditMode) {
      if (!this.options.delayForCellEdit)
        refuse(new FakeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'));
      // The batch waits until the clerk presses Enter or Esc, then runs.
      wb.delayedSyncs++;
      wb.cellEditMode = false;
    }
    if (request > PAYLOAD_LIMIT)
      refuse(new FakeError('RequestPayloadSizeLimitExceeded', 'Request too large'));
    let bytes = 0;
    for (const op of ops) {
      this.failure = null;
      const data = op.run();
      const failure = this.failure as FakeError | null;
      if (failure) {
        this.failure = null;
        // What ran before stays applied; the failed request answers nothing.
        refuse(failure);
      }
      if (op.load) bytes += utf8Length(JSON.stringify(data ?? null));
    }
    wb.responseBytes.push(bytes);
    if (bytes > PAYLOAD_LIMIT) throw new FakeError('ResponsePayloadSizeLimitExceeded', 'Response too large');
    await Promise.resolve();
  }
}
