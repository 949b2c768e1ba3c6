/**
 * An in-memory LedgerHost for the browser test page: the real Office.js host code running on the
 * in-memory Excel (fakeExcel), loaded with a sample ledger. No Office, no network.
 */
import type { LedgerHost } from '../excel/host';
import { OfficeHost } from '../excel/officeHost';
import type { FakeWorkbook } from './fakeExcel';
import { fakeEnv } from './fakeEnv';
import { sampleWorkbook } from './sampleLedger';

export interface MemoryHost extends LedgerHost {
  workbook: FakeWorkbook;
}

export function createMemoryHost(workbook: FakeWorkbook = sampleWorkbook()): MemoryHost {
  const host = new OfficeHost(fakeEnv(workbook)) as OfficeHost & { workbook: FakeWorkbook };
  host.workbook = workbook;
  return host;
}
