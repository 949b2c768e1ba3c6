/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias */
/**
 * An in-memory Excel: the part of the Office.js object model the add-in uses, with the same
 * batching shape (queue commands and loads, then `context.sync()`), so the host code runs
 * unchanged against it in unit tests and in the browser test page.
 *
 * Purpose-built rather than office-addin-mock: the tests need behaviour, not stubs — sync and
 * response-size counting, conditional-format priority, text-vs-formula rules when values are
 * written, protection, an older API level, cell-edit mode. The mock only returns preset values.
 *
 * Writes are applied when queued; loads are fulfilled at sync. A load's data is what the
 * response would carry, and its JSON size (UTF-8) is what `responseBytes` records per sync.
 */
import { columnLetter } from '../core/grid';
import type { MergedArea } from '../core/types';
import { formatArea, intersects, parseArea, parseAreaList, quoteSheet } from '../excel/a1';

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
  type: string;
  source: string;
  title: string;
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
  /** Highest ExcelApi minor version supported (1.x): 7 = Excel 2019-era, 17 = current. */
  apiVersion?: number;
  dateSystem?: 1900 | 1904;
  displayLanguage?: string;
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

const RESPONSE_LIMIT = 5 * 1024 * 1024;

function utf8Length(s: string): number {
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

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  activeSheet = 0;
  selected: { sheet: string; address: string } | null = null;
  apiVersion: number;
  dateSystem: 1900 | 1904;
  displayLanguage: string;
  /** When set, every sync fails as Excel does while a cell is being edited. */
  cellEditMode = false;
  /** Called before each sync is answered (tests use it to change the sheet mid-run). */
  beforeSync: ((syncIndex: number) => void) | null = null;
  syncCount = 0;
  runCount = 0;
  responseBytes: number[] = [];
  /**
   * Per sync, the JSON size (UTF-8) of what the request carries: values and formats written, the
   * addresses and indexes ranges are asked by, added rules with their formulas and colours.
   * (Load requests' property lists are not counted: a few dozen bytes each.)
   */
  requestBytes: number[] = [];
  settingsStore: Record<string, unknown> = {};
  savedSettings: Record<string, unknown> = {};
  private nextId = 1;

  constructor(opts: FakeExcelOptions = {}) {
    this.apiVersion = opts.apiVersion ?? 17;
    this.dateSystem = opts.dateSystem ?? 1900;
    this.displayLanguage = opts.displayLanguage ?? 'zh-CN';
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  newId(): string {
    return `{rule-${this.nextId++}}`;
  }
  isSetSupported(set: string, version?: string): boolean {
    if (set !== 'ExcelApi') return false;
    const minor = Number(String(version ?? '1.1').split('.')[1] ?? 0);
    return minor <= this.apiVersion;
  }
  resetCounters(): void {
    this.syncCount = 0;
    this.runCount = 0;
    this.responseBytes = [];
    this.requestBytes = [];
  }

  /** Excel.run: a fresh context, the batch, then a final sync. */
  async run<T>(batch: (context: any) => Promise<T>): Promise<T> {
    this.runCount++;
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    await ctx.sync();
    return result;
  }

  /** An Office.context.document.settings look-alike. */
  settings() {
    return {
      get: (key: string) => this.settingsStore[key] ?? null,
      set: (key: string, value: unknown) => {
        this.settingsStore[key] = value;
      },
      remove: (key: string) => {
        delete this.settingsStore[key];
      },
      saveAsync: (cb?: (r: { status: string; error?: { message: string } }) => void) => {
        this.savedSettings = JSON.parse(JSON.stringify(this.settingsStore));
        setTimeout(() => cb?.({ status: 'succeeded' }), 0);
      },
    };
  }
}

type Pending = () => unknown;

export class FakeContext {
  private loads: Pending[] = [];
  private errors: FakeError[] = [];
  private requestSize = 0;
  readonly workbook: any;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  queueLoad(fn: Pending): void {
    this.loads.push(fn);
  }
  fail(code: string, message: string): void {
    this.errors.push(new FakeError(code, message));
  }
  request(data: unknown): void {
    this.requestSize += utf8Length(JSON.stringify(data) ?? '');
  }
  needs(minor: number, what: string): boolean {
    if (this.wb.apiVersion >= minor) return true;
    this.fail('ApiNotFound', `${what} needs ExcelApi 1.${minor}`);
    return false;
  }
  /** Throws for a write on a protected sheet, as Excel does. */
  writable(sheet: FakeSheet): boolean {
    if (!sheet.protected) return true;
    this.fail('AccessDenied', `The sheet ${sheet.name} is protected`);
    return false;
  }
  async sync(): Promise<void> {
    const index = this.wb.syncCount++;
    this.wb.beforeSync?.(index);
    const loads = this.loads;
    const errors = this.errors;
    this.loads = [];
    this.errors = [];
    this.wb.requestBytes.push(this.requestSize);
    this.requestSize = 0;
    if (this.wb.cellEditMode) {
      this.wb.responseBytes.push(0);
      throw new FakeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    if (errors.length > 0) {
      this.wb.responseBytes.push(0);
      throw errors[0];
    }
    let bytes = 0;
    for (const load of loads) bytes += utf8Length(JSON.stringify(load() ?? null));
    const late = this.errors;
    this.errors = [];
    if (late.length > 0) {
      // A failed request answers nothing.
      this.wb.responseBytes.push(0);
      throw late[0];
    }
    this.wb.responseBytes.push(bytes);
    if (bytes > RESPONSE_LIMIT) throw new FakeError('ResponsePayloadSizeLimitExceeded', 'Response too large');
    await Promise.resolve();
  }
}

function props(spec: unknown): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap(props);
  if (typeof spec === 'object' && spec) return Object.keys(spec as object);
  return [];
}

class WorkbookProxy {
  worksheets: WorksheetCollectionProxy;
  names: NamesProxy;
  constructor(private ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamesProxy(ctx, null);
  }
}

class WorksheetCollectionProxy {
  items: WorksheetProxy[] = [];
  constructor(private ctx: FakeContext) {}
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheets[this.ctx.wb.activeSheet]);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) this.ctx.fail('ItemNotFound', `No sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const p = new WorksheetProxy(this.ctx, () =>
      this.ctx.wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase()),
    );
    p.nullable = true;
    return p;
  }
  add(name: string): WorksheetProxy {
    const wb = this.ctx.wb;
    if (wb.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      this.ctx.fail('ItemAlreadyExists', `Sheet ${name} exists`);
      return this.getItem(name);
    }
    this.ctx.request({ add: name });
    const s = wb.addSheet(name);
    return new WorksheetProxy(this.ctx, () => s);
  }
  load(spec?: unknown): this {
    const fields = props(spec).map((p) => p.replace(/^items\//, ''));
    this.ctx.queueLoad(() => {
      this.items = this.ctx.wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.name = s.name;
        return p;
      });
      return this.ctx.wb.sheets.map((s) =>
        fields.includes('name') || fields.length === 0 ? { name: s.name } : {},
      );
    });
    return this;
  }
}

class WorksheetProxy {
  name?: string;
  isNullObject = false;
  nullable = false;
  protection: any;
  freezePanes: any;
  pageLayout: any;
  charts: any;
  names: NamesProxy;
  constructor(
    private ctx: FakeContext,
    private resolve: () => FakeSheet | undefined,
  ) {
    const self = this;
    this.protection = {
      protected: undefined as boolean | undefined,
      load(_spec?: unknown) {
        ctx.queueLoad(() => {
          this.protected = self.sheet()?.protected ?? false;
          return { protected: this.protected };
        });
        return this;
      },
    };
    this.freezePanes = {
      freezeRows(n: number) {
        if (!ctx.needs(7, 'freezePanes')) return;
        const s = self.sheet();
        if (s) s.frozenRows = n;
      },
    };
    this.pageLayout = this.makePageLayout();
    this.charts = {
      add(type: string, source: RangeProxy, _by?: string) {
        const s = self.sheet();
        const chart: FakeChart = { type, source: source.addressLocal(), title: '' };
        s?.charts.push(chart);
        return {
          title: {
            set text(v: string) {
              chart.title = v;
            },
          },
          setPosition(tl: string, br?: string) {
            chart.topLeft = tl;
            chart.bottomRight = br;
          },
          legend: { position: 'Bottom', visible: true },
          series: {
            getItemAt(_i: number) {
              return { setXAxisValues(_r: unknown) {} };
            },
          },
        };
      },
    };
    this.names = new NamesProxy(ctx, () => this.sheet());
  }
  private makePageLayout() {
    const ctx = this.ctx;
    const self = this;
    const target = {
      setPrintTitleRows(rows: string) {
        const s = self.sheet();
        if (s) s.pageLayout.printTitleRows = rows;
      },
    };
    return new Proxy(target, {
      get(t, key) {
        if (key in t) return (t as any)[key];
        return self.sheet()?.pageLayout[String(key)];
      },
      set(_t, key, value) {
        if (!ctx.needs(9, 'pageLayout')) return true;
        const s = self.sheet();
        if (s) s.pageLayout[String(key)] = value;
        return true;
      },
    });
  }
  sheet(): FakeSheet | undefined {
    const s = this.resolve();
    if (!s && !this.nullable) this.ctx.fail('ItemNotFound', 'No such sheet');
    return s;
  }
  load(spec?: unknown): this {
    const fields = props(spec);
    this.ctx.queueLoad(() => {
      const s = this.resolve();
      this.isNullObject = !s;
      if (!s) return null;
      if (fields.includes('name') || fields.length === 0) this.name = s.name;
      return { name: s.name };
    });
    return this;
  }
  activate(): void {
    const s = this.sheet();
    if (s) this.ctx.wb.activeSheet = this.ctx.wb.sheets.indexOf(s);
  }
  delete(): void {
    const s = this.sheet();
    if (!s) return;
    const wb = this.ctx.wb;
    const active = wb.sheets[wb.activeSheet];
    wb.sheets = wb.sheets.filter((x) => x !== s);
    // Workbook names that pointed into the sheet stay, as #REF! (as in Excel).
    for (const n of wb.names) if (n.reference.startsWith(`${quoteSheet(s.name)}!`)) n.reference = '#REF!';
    wb.activeSheet = Math.max(0, wb.sheets.indexOf(active === s ? wb.sheets[0] : active));
  }
  getRange(address?: string): RangeProxy {
    if (address !== undefined) this.ctx.request(address);
    return new RangeProxy(this.ctx, this, () => {
      if (address === undefined) return { top: 1, left: 1, bottom: 1048576, right: 16384 };
      const a = parseArea(address);
      if (!a) this.ctx.fail('InvalidArgument', `Bad address ${address}`);
      return a;
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    if (!this.ctx.needs(7, 'getRangeByIndexes')) return this.getRange('A1');
    this.ctx.request([row, column, rows, columns]);
    return new RangeProxy(this.ctx, this, () => ({
      top: row + 1,
      left: column + 1,
      bottom: row + rows,
      right: column + columns,
    }));
  }
  getRanges(address: string): RangeAreasProxy {
    this.ctx.needs(9, 'getRanges');
    if (address.length > 255) this.ctx.fail('InvalidArgument', 'RangeAreas address too long');
    this.ctx.request(address);
    return new RangeAreasProxy(this.ctx, this, parseAreaList(address));
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    const r = this.getUsedRangeOrNullObject(valuesOnly);
    r.nullable = false;
    return r;
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    const r = new RangeProxy(this.ctx, this, () => this.sheet()?.usedArea() ?? null);
    r.nullable = true;
    return r;
  }
}

class NamesProxy {
  items: Array<{
    name: string;
    comment: string;
    formula: string;
    delete(): void;
    getRangeOrNullObject(): any;
  }> = [];
  constructor(
    private ctx: FakeContext,
    private sheet: (() => FakeSheet | undefined) | null,
  ) {}
  private list(): FakeName[] {
    if (!this.sheet) return this.ctx.wb.names;
    return this.sheet()?.names ?? [];
  }
  add(name: string, reference: RangeProxy | string, comment = ''): void {
    const ref = typeof reference === 'string' ? reference : reference.fullAddress();
    const list = this.list();
    if (list.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      this.ctx.fail('ItemAlreadyExists', `Name ${name} exists`);
      return;
    }
    list.push({ name, reference: ref, comment });
  }
  load(_spec?: unknown): this {
    this.ctx.queueLoad(() => {
      const list = this.list();
      this.items = list.map((n) => ({
        name: n.name,
        comment: n.comment,
        formula: `=${n.reference}`,
        getRangeOrNullObject: () => {
          const ctx = this.ctx;
          const proxy = {
            isNullObject: false,
            address: undefined as string | undefined,
            load() {
              ctx.queueLoad(() => {
                const bang = n.reference.lastIndexOf('!');
                const sheetPart = bang > 0 ? n.reference.slice(0, bang) : '';
                const sheetName = sheetPart.startsWith("'")
                  ? sheetPart.slice(1, -1).replace(/''/g, "'")
                  : sheetPart;
                const exists = ctx.wb.sheets.some((s) => s.name === sheetName);
                proxy.isNullObject = !exists || n.reference.startsWith('#REF');
                proxy.address = proxy.isNullObject ? undefined : n.reference.replace(/\$/g, '');
                return { address: proxy.address ?? null };
              });
              return proxy;
            },
          };
          return proxy;
        },
        delete: () => {
          const l = this.list();
          const i = l.indexOf(n);
          if (i >= 0) l.splice(i, 1);
        },
      }));
      return list.map((n) => ({ name: n.name, comment: n.comment, formula: n.reference }));
    });
    return this;
  }
}

type AreaResolver = () => MergedArea | null | undefined;

class RangeProxy {
  address?: string;
  rowCount?: number;
  columnCount?: number;
  rowIndex?: number;
  columnIndex?: number;
  text?: string[][];
  valueTypes?: string[][];
  isNullObject = false;
  nullable = false;
  private loadedValues?: unknown[][];
  private loadedFormats?: string[][];
  format: any;
  conditionalFormats: ConditionalFormatsProxy;
  constructor(
    private ctx: FakeContext,
    private ws: WorksheetProxy,
    private area: AreaResolver,
  ) {
    this.format = this.makeFormat();
    this.conditionalFormats = new ConditionalFormatsProxy(ctx, ws, () => {
      const a = this.area();
      return a ? [a] : [];
    });
  }
  addressLocal(): string {
    const a = this.area();
    return a ? formatArea(a) : '';
  }
  fullAddress(): string {
    return `${quoteSheet(this.ws.sheet()?.name ?? '')}!${this.addressLocal().replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  }
  private each(fn: (row: number, column: number, i: number, j: number) => void): void {
    const a = this.area();
    if (!a) return;
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) fn(r, c, r - a.top, c - a.left);
  }
  private makeFormat() {
    const self = this;
    const touch = () => {
      const s = self.ws.sheet();
      if (s && self.ctx.writable(s)) s.formatWrites++;
      return s;
    };
    const setOnCells = (fn: (c: FakeCell) => void) => {
      const s = touch();
      if (!s) return;
      self.each((r, c) => fn(s.cell(r, c)));
    };
    return {
      fill: {
        set color(v: string) {
          setOnCells((c) => (c.fill = v));
        },
      },
      font: {
        set color(v: string) {
          setOnCells((c) => (c.fontColor = v));
        },
        set bold(v: boolean) {
          setOnCells((c) => (c.bold = v));
        },
        set size(_v: number) {
          touch();
        },
        set name(_v: string) {
          touch();
        },
      },
      set wrapText(_v: boolean) {
        touch();
      },
      set horizontalAlignment(_v: string) {
        touch();
      },
      set verticalAlignment(_v: string) {
        touch();
      },
      set rowHeight(v: number) {
        const s = touch();
        const a = self.area();
        if (s && a) for (let r = a.top; r <= a.bottom; r++) s.rowHeights.set(r, v);
      },
      set columnWidth(v: number) {
        const s = touch();
        const a = self.area();
        if (s && a) for (let c = a.left; c <= a.right; c++) s.columnWidths.set(c, v);
      },
      borders: {
        getItem(_which: string) {
          return {
            set style(_v: string) {
              touch();
            },
            set color(_v: string) {
              touch();
            },
          };
        },
      },
      autofitRows() {
        touch();
      },
    };
  }
  load(spec?: unknown): this {
    const fields = props(spec);
    this.ctx.queueLoad(() => {
      const a = this.area();
      this.isNullObject = !a;
      if (!a) {
        if (!this.nullable) this.ctx.fail('ItemNotFound', 'No range');
        return null;
      }
      const s = this.ws.sheet();
      const data: Record<string, unknown> = {};
      for (const f of fields) {
        switch (f) {
          case 'address':
            this.address = `${quoteSheet(s?.name ?? '')}!${formatArea(a)}`;
            data.address = this.address;
            break;
          case 'rowCount':
            data.rowCount = this.rowCount = a.bottom - a.top + 1;
            break;
          case 'columnCount':
            data.columnCount = this.columnCount = a.right - a.left + 1;
            break;
          case 'rowIndex':
            data.rowIndex = this.rowIndex = a.top - 1;
            break;
          case 'columnIndex':
            data.columnIndex = this.columnIndex = a.left - 1;
            break;
          case 'values':
            data.values = this.loadedValues = this.grid(s, (c) => (c ? (c.value ?? '') : ''));
            break;
          case 'numberFormat':
            data.numberFormat = this.loadedFormats = this.grid(s, (c) => c?.numberFormat ?? 'General');
            break;
          case 'valueTypes':
            data.valueTypes = this.valueTypes = this.grid(s, (c) => {
              if (!c || (c.value === null && !c.formula)) return 'Empty';
              if (c.error) return 'Error';
              if (typeof c.value === 'number') return 'Double';
              if (typeof c.value === 'boolean') return 'Boolean';
              return 'String';
            });
            break;
          case 'text':
            data.text = this.text = this.grid(s, (c) => (c ? this.display(c) : ''));
            break;
        }
      }
      return data;
    });
    return this;
  }
  private display(c: FakeCell): string {
    if (typeof c.value === 'number' && /y/i.test(c.numberFormat)) {
      const base = this.ctx.wb.dateSystem === 1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      const d = new Date(base + Math.floor(c.value) * 86400000);
      return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
    }
    return c.value === null ? '' : String(c.value);
  }
  private grid<T>(s: FakeSheet | undefined, fn: (c: FakeCell | undefined) => T): T[][] {
    const a = this.area();
    const out: T[][] = [];
    if (!a) return out;
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(fn(s?.get(r, c)));
      out.push(row);
    }
    return out;
  }
  get values(): unknown[][] | undefined {
    return this.loadedValues;
  }
  set values(v: unknown[][] | undefined) {
    const s = this.ws.sheet();
    if (!s || !v || !this.ctx.writable(s)) return;
    this.ctx.request(v);
    this.each((r, c, i, j) => {
      const raw = v.length === 1 && v[0].length === 1 ? v[0][0] : v[i]?.[j];
      if (raw === undefined) return;
      const cell = s.cell(r, c);
      delete cell.formula;
      delete cell.error;
      if (raw === null || raw === '') cell.value = null;
      else if (typeof raw === 'string') {
        if (raw.startsWith("'")) cell.value = raw.slice(1);
        else if (cell.numberFormat === '@') cell.value = raw;
        else if (/^[=+]/.test(raw) || /^-[^\d.]/.test(raw) || raw.startsWith('@')) {
          cell.formula = raw;
          cell.value = 0;
        } else if (/^-?\d+(\.\d+)?$/.test(raw)) cell.value = Number(raw);
        else cell.value = raw;
      } else cell.value = raw as number | boolean;
    });
  }
  get numberFormat(): string[][] | undefined {
    return this.loadedFormats;
  }
  set numberFormat(v: string[][] | undefined) {
    const s = this.ws.sheet();
    if (!s || !v || !this.ctx.writable(s)) return;
    this.ctx.request(v);
    this.each((r, c, i, j) => {
      const f = v.length === 1 && v[0].length === 1 ? v[0][0] : v[i]?.[j];
      if (f !== undefined) s.cell(r, c).numberFormat = f;
    });
  }
  set hyperlink(v: FakeCell['hyperlink']) {
    const s = this.ws.sheet();
    if (!s || !this.ctx.needs(7, 'hyperlink') || !this.ctx.writable(s)) return;
    this.each((r, c) => {
      const cell = s.cell(r, c);
      cell.hyperlink = { ...v };
      if (v?.textToDisplay !== undefined) cell.value = v.textToDisplay;
    });
  }
  merge(_across?: boolean): void {
    const s = this.ws.sheet();
    const a = this.area();
    if (s && a && this.ctx.writable(s)) s.merges.push({ ...a });
  }
  select(): void {
    const s = this.ws.sheet();
    if (s) this.ctx.wb.selected = { sheet: s.name, address: this.addressLocal() };
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, this.ws, () => {
      const a = this.area();
      return a
        ? { top: a.top + row, left: a.left + column, bottom: a.top + row, right: a.left + column }
        : null;
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.needs(13, 'getMergedAreasOrNullObject');
    const proxy = new RangeAreasProxy(this.ctx, this.ws, []);
    proxy.resolveLater = () => {
      const a = this.area();
      const s = this.ws.sheet();
      if (!a || !s) return [];
      const hits = s.merges.filter((m) => intersects(m, a));
      if (hits.length > 512) this.ctx.fail('GeneralException', 'Too many merged areas');
      return hits;
    };
    return proxy;
  }
}

class RangeAreasProxy {
  address?: string;
  areaCount?: number;
  isNullObject = false;
  resolveLater: (() => MergedArea[]) | null = null;
  conditionalFormats: ConditionalFormatsProxy;
  constructor(
    private ctx: FakeContext,
    private ws: WorksheetProxy,
    private areas: MergedArea[],
  ) {
    this.conditionalFormats = new ConditionalFormatsProxy(ctx, ws, () => this.areas);
  }
  load(_spec?: unknown): this {
    this.ctx.queueLoad(() => {
      if (this.resolveLater) {
        this.areas = this.resolveLater();
        // A failed request (too many areas) answers nothing.
        this.isNullObject = this.areas.length === 0;
      }
      if (this.isNullObject) return null;
      const sheet = quoteSheet(this.ws.sheet()?.name ?? '');
      this.address = this.areas.map((a) => `${sheet}!${formatArea(a)}`).join(', ');
      this.areaCount = this.areas.length;
      return { address: this.address, areaCount: this.areaCount };
    });
    return this;
  }
}

class ConditionalFormatsProxy {
  items: ConditionalFormatProxy[] = [];
  constructor(
    private ctx: FakeContext,
    private ws: WorksheetProxy,
    private areas: () => MergedArea[],
  ) {}
  add(type: string): ConditionalFormatProxy {
    const s = this.ws.sheet();
    const rule: FakeRule = {
      id: this.ctx.wb.newId(),
      type: type as FakeRule['type'],
      formula: '',
      fill: null,
      fontColor: null,
      bold: null,
      stopIfTrue: false,
      areas: this.areas().map((a) => ({ ...a })),
    };
    this.ctx.request({ add: type });
    if (s && this.ctx.needs(6, 'conditionalFormats') && this.ctx.writable(s)) s.rules.unshift(rule);
    return new ConditionalFormatProxy(this.ctx, this.ws, rule);
  }
  load(spec?: unknown): this {
    const fields = props(spec).map((p) => p.replace(/^items\//, ''));
    this.ctx.queueLoad(() => {
      const s = this.ws.sheet();
      const mine = this.areas();
      const rules = (s?.rules ?? []).filter((r) => r.areas.some((a) => mine.some((m) => intersects(a, m))));
      this.items = rules.map((r) => {
        const p = new ConditionalFormatProxy(this.ctx, this.ws, r);
        if (fields.includes('type')) p.type = r.type;
        if (fields.includes('id')) p.id = r.id;
        if (fields.includes('priority')) p.setLoadedPriority(s!.rules.indexOf(r));
        return p;
      });
      return rules.map((r) => ({ type: r.type, id: r.id }));
    });
    return this;
  }
}

class ConditionalFormatProxy {
  type?: string;
  id?: string;
  private loadedPriority?: number;
  custom: any;
  constructor(
    private ctx: FakeContext,
    private ws: WorksheetProxy,
    private rule: FakeRule,
  ) {
    const r = rule;
    const c = ctx;
    this.custom = {
      rule: {
        load(_spec?: unknown) {
          c.queueLoad(() => {
            if (r.type !== 'Custom') {
              c.fail('InvalidOperation', 'Not a custom rule');
              return null;
            }
            (this as { _f?: string })._f = r.formula;
            return { formula: r.formula };
          });
          return this;
        },
      },
      format: {
        fill: {
          set color(v: string) {
            c.request(v);
            r.fill = v;
          },
        },
        font: {
          set color(v: string) {
            c.request(v);
            r.fontColor = v;
          },
          set bold(v: boolean) {
            c.request(v);
            r.bold = v;
          },
        },
      },
    };
    Object.defineProperty(this.custom.rule, 'formula', {
      get: () => (this.custom.rule as { _f?: string })._f,
      set: (v: string) => {
        ctx.request(v);
        (this.custom.rule as { _f?: string })._f = v;
        r.formula = v;
      },
    });
  }
  get priority(): number | undefined {
    return this.loadedPriority;
  }
  set priority(p: number | undefined) {
    if (p === undefined) {
      this.setLoadedPriority(p);
      return;
    }
    this.ctx.request(p);
    const s = this.ws.sheet();
    if (!s) return;
    const i = s.rules.indexOf(this.rule);
    if (i < 0) return;
    s.rules.splice(i, 1);
    s.rules.splice(Math.max(0, Math.min(p, s.rules.length)), 0, this.rule);
  }
  set stopIfTrue(v: boolean) {
    this.ctx.request(v);
    this.rule.stopIfTrue = v;
  }
  setLoadedPriority(p: number | undefined): void {
    this.loadedPriority = p;
  }
  delete(): void {
    const s = this.ws.sheet();
    if (!s || !this.ctx.writable(s)) return;
    s.rules = s.rules.filter((r) => r !== this.rule);
  }
}

/** A1 address of a fake sheet's corner cell, for tests. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
