/**
 * Counts what a batch of queued operations will carry and syncs before a request would grow past
 * the budget. Excel on the web refuses requests over 5 MB
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * every operation counts — values and formats, but also addresses, hyperlinks, fonts, borders and
 * merges — so the writers ask the budget before queuing each one.
 */
import { throwIfCancelled } from './errors';
import { worstCaseBytes } from './readSheet';

/** Bytes per request the writers aim for: well under the 5 MB limit, as counted worst case. */
export const REQUEST_BUDGET = 1_500_000;
/** What an operation costs beyond its arguments (object path, property or method name, ids). */
export const OP_BYTES = 64;

export class RequestBudget {
  private bytes = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = REQUEST_BUDGET,
    /** Checked before each round trip; told after each one. */
    private readonly control: { signal?: AbortSignal; onFlush?: () => void } = {},
  ) {}
  /** Call before queuing an operation carrying `data`: syncs first when it would not fit. */
  async before(data: unknown): Promise<void> {
    const n = OP_BYTES + (data === undefined || data === null ? 0 : worstCaseBytes(data));
    if (this.bytes > 0 && this.bytes + n > this.limit) await this.flush();
    this.bytes += n;
  }
  async flush(): Promise<void> {
    throwIfCancelled(this.control.signal);
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
    this.control.onFlush?.();
  }
}
