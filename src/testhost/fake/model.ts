/**
 * The in-memory Excel's data: workbook, sheets, cells, rules, names, charts, and the options that
 * choose between behaviours real Excel versions differ in. No batching here (see context.ts).
 */
import type { MergedArea } from '../../core/types';
import { parseArea } from '../../core/a1';

export interface FakeCell {
  /** Text, number or boolean; null for empty. Errors are text like '#REF!' with `error` set. */
  value: string | number | boolean | null;
  numberFormat: string;
  formula?: string;
  error?: boolean;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface FakeRule {
  id: string;
  type: 'Custom' | 'CellValue' | 'ColorScale' | 'DataBar';
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  stopIfTrue: boolean;
  areas: MergedArea[];
}

export interface FakeName {
  name: string;
  reference: string;
  comment: string;
}

export interface FakeChart {
  name?: string;
  type: string;
  source: string;
  title: string;
  /** Series the chart has (one per source column when series are by columns). */
  seriesCount: number;
  topLeft?: string;
  bottomRight?: string;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merges: MergedArea[] = [];
  rules: FakeRule[] = [];
  names: FakeName[] = [];
  charts: FakeChart[] = [];
  protected = false;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: Record<string, unknown> = {};
  /** Formatting writes other than values (fonts, fills, borders, alignment) on this sheet. */
  formatWrites = 0;
  constructor(public name: string) {}

  static key(row: number, column: number): string {
    return `${row}:${column}`;
  }
  get(row: number, column: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, column));
  }
  cell(row: number, column: number): FakeCell {
    const k = FakeSheet.key(row, column);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, numberFormat: 'General' };
      this.cells.set(k, c);
    }
    return c;
  }
  /** Puts values in from a 1-based corner: plain values, or partial cells. */
  setRows(
    top: number,
    left: number,
    rows: Array<Array<FakeCell['value'] | Partial<FakeCell> | undefined>>,
  ): this {
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === undefined) return;
        const c = this.cell(top + i, left + j);
        if (v !== null && typeof v === 'object') Object.assign(c, v);
        else c.value = v === '' ? null : v;
      }),
    );
    return this;
  }
  merge(address: string): this {
    const a = parseArea(address);
    if (a) this.merges.push(a);
    return this;
  }
  /** The bounding box of cells holding a value or formula. */
  usedArea(): MergedArea | null {
    let a: MergedArea | null = null;
    for (const [k, c] of this.cells) {
      if (c.value === null && !c.formula) continue;
      const [r, col] = k.split(':').map(Number);
      if (!a) a = { top: r, bottom: r, left: col, right: col };
      else {
        if (r < a.top) a.top = r;
        if (r > a.bottom) a.bottom = r;
        if (col < a.left) a.left = col;
        if (col > a.right) a.right = col;
      }
    }
    return a;
  }
  /** A deep copy of everything a clerk owns on the sheet, for before/after comparisons. */
  snapshot(): unknown {
    const cells = [...this.cells.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, c]) => [k, { ...c }]);
    return JSON.parse(
      JSON.stringify({ cells, merges: this.merges, name: this.name, frozen: this.frozenRows }),
    );
  }
}

export interface FakeExcelOptions {
  /** Highest ExcelApi minor version supported (1.x): 7 = Excel 2019 (volume licence), 17 = current. */
  apiVersion?: number;
  dateSystem?: 1900 | 1904;
  displayLanguage?: string;
  /**
   * What Excel does with a leading apostrophe written into a text-formatted ('@') cell. Not
   * documented: 'strip' treats it as the quote prefix (as typing does), 'keep' stores it as a
   * character. The writer must be right under both.
   */
  apostropheInTextCell?: 'strip' | 'keep';
  /**
   * Conditional-format rules a sheet may hold before adding one more fails. Excel has no documented
   * cap, but thousands of rules take minutes to write and slow every later edit (an assumption
   * chosen so that rule counts growing with the ledger fail the tests).
   */
  maxRulesPerSheet?: number;
  /** Merged areas one getMergedAreasOrNullObject answers (512 documented; 0 = Excel never tells). */
  maxMergedAreas?: number;
}

export class FakeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}
