/**
 * Queues a writer's steps into requests that stay within the request budget (budget.ts counts
 * every operation: values, formats, addresses, fonts, borders, hyperlinks, merges), and syncs them.
 *
 * A step is a function that queues operations; it may be queued again. When a request is refused
 * because the clerk is editing a cell (Excel before ExcelApi 1.11 cannot wait for that, see
 * capabilities.ts), Excel applied none of it
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions), so the same steps are
 * queued again after a pause, a few times, until the clerk presses Enter or Esc.
 */
import { OP_BYTES, REQUEST_BUDGET } from './budget';
import { throwIfCancelled } from './errors';
import { worstCaseBytes } from './readSheet';

export interface BatcherOptions {
  budget?: number;
  /** Pause before asking again while a cell is being edited (ms), and how often to ask. */
  retryWaitMs?: number;
  retries?: number;
  /** Checked before each round trip: a cancel stops the writer there (see sheetsWriter.ts). */
  signal?: AbortSignal;
  /** Told after each round trip (for progress). */
  onSync?: () => void;
}

function isCellEdit(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { code?: unknown }).code === 'InvalidOperationInCellEditMode';
}

export class Batcher {
  private steps: Array<() => void> = [];
  private bytes = 0;
  syncs = 0;
  largestRequest = 0;
  private readonly budget: number;
  private readonly retryWaitMs: number;
  private readonly retries: number;
  private readonly signal?: AbortSignal;
  private readonly onSync?: () => void;
  constructor(
    private readonly context: Excel.RequestContext,
    options: BatcherOptions = {},
  ) {
    this.budget = options.budget ?? REQUEST_BUDGET;
    this.retryWaitMs = options.retryWaitMs ?? 1000;
    this.retries = options.retries ?? 20;
    this.signal = options.signal;
    this.onSync = options.onSync;
  }
  /** Adds a step whose operations carry `data` (estimated worst case); syncs first if it would not fit. */
  async step(data: unknown, ops: number, queue: () => void): Promise<void> {
    const n = ops * OP_BYTES + (data === undefined || data === null ? 0 : worstCaseBytes(data));
    if (this.steps.length > 0 && this.bytes + n > this.budget) await this.flush();
    this.steps.push(queue);
    this.bytes += n;
    queue();
  }
  async flush(): Promise<void> {
    if (this.steps.length === 0) return;
    throwIfCancelled(this.signal);
    const steps = this.steps;
    const bytes = this.bytes;
    this.steps = [];
    this.bytes = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.context.sync();
        this.syncs++;
        this.largestRequest = Math.max(this.largestRequest, bytes);
        this.onSync?.();
        return;
      } catch (e) {
        if (!isCellEdit(e) || attempt >= this.retries) throw e;
        await new Promise((resolve) => setTimeout(resolve, this.retryWaitMs));
        // The refused request applied nothing: a cancel during the wait stops here.
        throwIfCancelled(this.signal);
        for (const queue of steps) queue();
      }
    }
  }
}
