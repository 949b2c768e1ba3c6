/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias */
/**
 * Proxy objects of the in-memory Excel: the part of the Office.js object model the add-in uses.
 * Every method and property set queues an operation on the context (context.ts); loads fill the
 * proxy's properties at sync. Each API checks the ExcelApi requirement set it belongs to
 * (https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 */
import type { MergedArea } from '../../core/types';
import { formatArea, intersects, parseArea, parseAreaList, quoteSheet } from '../../core/a1';
import type { FakeContext } from './context';
import type { FakeCell, FakeChart, FakeName, FakeRule, FakeSheet } from './model';

/** Cells a single get may read (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins). */
export const MAX_READ_CELLS = 5_000_000;
/** getMergedAreasOrNullObject answers at most this many areas (ExcelApi 1.13 reference). */
export const MAX_MERGED_AREAS = 512;
/** Longest RangeAreas address getRanges accepts. */
export const MAX_RANGES_ADDRESS = 8192;

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

function sheetOfReference(reference: string): string {
  const bang = reference.lastIndexOf('!');
  const part = bang > 0 ? reference.slice(0, bang) : '';
  return part.startsWith("'") ? part.slice(1, -1).replace(/''/g, "'") : part;
}

export class WorkbookProxy {
  worksheets: WorksheetCollectionProxy;
  names: NamesProxy;
  protection: any;
  constructor(private ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamesProxy(ctx, null);
    const self = this;
    // WorkbookProtection: ExcelApi 1.7.
    this.protection = {
      protected: undefined as boolean | undefined,
      load(_spec?: unknown) {
        if (!self.ctx.needs(7, 'workbook.protection')) return this;
        self.ctx.queueLoad(() => {
          this.protected = self.ctx.wb.structureProtected;
          return { protected: this.protected };
        });
        return this;
      },
    };
  }
}

class WorksheetCollectionProxy {
  items: WorksheetProxy[] = [];
  constructor(private ctx: FakeContext) {}
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheets[this.ctx.wb.activeSheet]);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.findSheet(name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.needs(4, 'getItemOrNullObject');
    const p = new WorksheetProxy(this.ctx, () => this.ctx.wb.findSheet(name));
    p.nullable = true;
    return p;
  }
  add(name: string): WorksheetProxy {
    const ctx = this.ctx;
    let created: FakeSheet | undefined;
    ctx.op({ add: name }, () => {
      if (!ctx.focused('GeneralException', 'WorksheetCollection.add')) return;
      // Structure protection forbids adding sheets (assumed code: AccessDenied).
      if (ctx.wb.structureProtected) return ctx.fail('AccessDenied', 'The workbook structure is protected');
      if (ctx.wb.findSheet(name)) return ctx.fail('ItemAlreadyExists', `Sheet ${name} exists`);
      created = ctx.wb.addSheet(name);
    });
    return new WorksheetProxy(ctx, () => created);
  }
  load(spec?: unknown): this {
    const fields = props(spec).map((p) => p.replace(/^items\//, ''));
    this.ctx.queueLoad(() => {
      this.items = this.ctx.wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.name = s.name;
        p.visibilityLoaded = s.visibility;
        return p;
      });
      return this.ctx.wb.sheets.map((s) => ({
        ...(fields.includes('name') || fields.length === 0 ? { name: s.name } : {}),
        ...(fields.includes('visibility') ? { visibility: s.visibility } : {}),
      }));
    });
    return this;
  }
}

let chartIds = 0;

export class WorksheetProxy {
  name?: string;
  visibilityLoaded?: string;
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
          const s = self.sheet();
          if (!s) return null;
          this.protected = s.protected;
          return { protected: this.protected };
        });
        return this;
      },
    };
    this.freezePanes = {
      freezeRows(n: number) {
        if (!ctx.needs(7, 'freezePanes')) return;
        ctx.op(n, () => {
          const s = self.sheet();
          if (s && ctx.focused('GeneralException', 'freezeRows')) s.frozenRows = n;
        });
      },
      unfreeze() {
        ctx.op(null, () => {
          const s = self.sheet();
          if (s && ctx.focused('GeneralException', 'unfreeze')) s.frozenRows = 0;
        });
      },
    };
    this.pageLayout = this.makePageLayout();
    this.charts = this.makeCharts();
    this.names = new NamesProxy(ctx, () => this.sheet());
  }
  get visibility(): string | undefined {
    return this.visibilityLoaded;
  }
  set visibility(v: string | undefined) {
    if (v === undefined) return;
    const ctx = this.ctx;
    ctx.op(v, () => {
      const s = this.sheet();
      if (!s) return;
      // Hiding or showing a sheet changes the structure (assumed code: AccessDenied).
      if (ctx.wb.structureProtected) return ctx.fail('AccessDenied', 'The workbook structure is protected');
      s.visibility = v as FakeSheet['visibility'];
    });
  }
  private makeCharts() {
    const ctx = this.ctx;
    const self = this;
    const charts = {
      items: [] as Array<{ name: string }>,
      load(_spec?: unknown) {
        ctx.queueLoad(() => {
          const s = self.sheet();
          charts.items = (s?.charts ?? []).map((c, i) => ({ name: c.name ?? `Chart ${i + 1}` }));
          return charts.items;
        });
        return charts;
      },
      getItem(name: string) {
        return {
          delete() {
            ctx.op(name, () => {
              const s = self.sheet();
              if (!s) return;
              const i = s.charts.findIndex((c, k) => (c.name ?? `Chart ${k + 1}`) === name);
              if (i < 0) return ctx.fail('ItemNotFound', `No chart ${name}`);
              s.charts.splice(i, 1);
            });
          },
        };
      },
      add(type: string, source: RangeProxy, seriesBy?: string) {
        const chart: FakeChart = { type, source: '', title: '', seriesCount: 0, name: `Chart ${++chartIds}` };
        ctx.op({ type, source: source.addressLocal(), seriesBy }, () => {
          const s = self.sheet();
          const a = source.resolveArea();
          if (!s || !a) return;
          chart.source = formatArea(a);
          // Series by columns: one series per column of the source (its first row names them).
          chart.seriesCount = seriesBy === 'Rows' ? a.bottom - a.top + 1 : a.right - a.left + 1;
          s.charts.push(chart);
        });
        return {
          title: {
            set text(v: string) {
              ctx.op(v, () => (chart.title = v));
            },
          },
          setPosition(tl: string, br?: string) {
            ctx.op([tl, br], () => {
              chart.topLeft = tl;
              chart.bottomRight = br;
            });
          },
          legend: { position: 'Bottom', visible: true },
          series: {
            getItemAt(i: number) {
              return {
                setXAxisValues(r: RangeProxy) {
                  if (!ctx.needs(7, 'ChartSeries.setXAxisValues')) return;
                  ctx.op(r.addressLocal(), () => {
                    // A series that does not exist cannot be reached by index
                    // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriescollection#excel-excel-chartseriescollection-getitemat-member(1)).
                    if (i >= chart.seriesCount) ctx.fail('ItemNotFound', `No series ${i}`);
                  });
                },
              };
            },
          },
        };
      },
    };
    return charts;
  }
  private makePageLayout() {
    const ctx = this.ctx;
    const self = this;
    const target = {
      setPrintTitleRows(rows: string) {
        if (!ctx.needs(9, 'pageLayout')) return;
        ctx.op(rows, () => {
          const s = self.sheet();
          if (s) s.pageLayout.printTitleRows = rows;
        });
      },
    };
    return new Proxy(target, {
      get(t, key) {
        if (key in t) return (t as any)[key];
        return undefined;
      },
      set(_t, key, value) {
        if (!ctx.needs(9, 'pageLayout')) return true;
        ctx.op(value, () => {
          const s = self.sheet();
          if (s) s.pageLayout[String(key)] = value;
        });
        return true;
      },
    });
  }
  /** While running an operation: the sheet, or a failure (also through a null object). */
  sheet(): FakeSheet | undefined {
    const s = this.resolve();
    // Any call through a null object fails: https://learn.microsoft.com/en-us/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
    if (!s) this.ctx.fail('ItemNotFound', 'The requested resource does not exist.');
    return s;
  }
  load(spec?: unknown): this {
    const fields = props(spec);
    this.ctx.queueLoad(() => {
      const s = this.resolve();
      this.isNullObject = !s;
      if (!s) {
        if (!this.nullable) this.ctx.fail('ItemNotFound', 'No such sheet');
        return null;
      }
      const data: Record<string, unknown> = {};
      if (fields.includes('name') || fields.length === 0) data.name = this.name = s.name;
      if (fields.includes('visibility')) data.visibility = this.visibilityLoaded = s.visibility;
      return data;
    });
    return this;
  }
  activate(): void {
    this.ctx.op(null, () => {
      const s = this.sheet();
      if (s && this.ctx.focused('GeneralException', 'Worksheet.activate'))
        this.ctx.wb.activeSheet = this.ctx.wb.sheets.indexOf(s);
    });
  }
  delete(): void {
    this.ctx.op(null, () => {
      const s = this.sheet();
      if (!s) return;
      const wb = this.ctx.wb;
      if (!this.ctx.focused('InvalidSelection', 'Worksheet.delete')) return;
      if (wb.structureProtected) return this.ctx.fail('AccessDenied', 'The workbook structure is protected');
      const active = wb.sheets[wb.activeSheet];
      wb.sheets = wb.sheets.filter((x) => x !== s);
      // Names that pointed into the sheet stay, as #REF!; so do formulas elsewhere (see FakeSheet).
      for (const n of wb.names) if (sheetOfReference(n.reference) === s.name) n.reference = '#REF!';
      for (const other of wb.sheets)
        for (const c of other.cells.values())
          if (c.formula?.includes(`${quoteSheet(s.name)}!`) || c.formula?.includes(`${s.name}!`)) {
            c.formula = c.formula.replace(
              new RegExp(
                `('${s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'|${s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})![$A-Z0-9:]+`,
                'g',
              ),
              '#REF!',
            );
            c.value = '#REF!';
            c.error = true;
          }
      wb.activeSheet = Math.max(0, wb.sheets.indexOf(active === s ? wb.sheets[0] : active));
    });
  }
  getRange(address?: string): RangeProxy {
    const parsed =
      address === undefined ? { top: 1, left: 1, bottom: 1048576, right: 16384 } : parseArea(address);
    return new RangeProxy(
      this.ctx,
      this,
      () => {
        if (!parsed) this.ctx.fail('InvalidArgument', `Bad address ${address}`);
        return parsed;
      },
      address ?? '',
    );
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    this.ctx.needs(7, 'getRangeByIndexes');
    return new RangeProxy(
      this.ctx,
      this,
      () => ({ top: row + 1, left: column + 1, bottom: row + rows, right: column + columns }),
      [row, column, rows, columns],
    );
  }
  /** https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getranges-member(1) (ExcelApi 1.9) */
  getRanges(address: string): RangeAreasProxy {
    this.ctx.needs(9, 'getRanges');
    const areas = parseAreaList(address);
    const proxy = new RangeAreasProxy(this.ctx, this, () => {
      if (address.length > MAX_RANGES_ADDRESS) {
        this.ctx.fail('InvalidArgument', 'RangeAreas address too long');
        return null;
      }
      return areas;
    });
    this.ctx.op(address, () => {
      if (address.length > MAX_RANGES_ADDRESS)
        this.ctx.fail('InvalidArgument', 'RangeAreas address too long');
    });
    return proxy;
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    const r = this.getUsedRangeOrNullObject(valuesOnly);
    r.nullable = false;
    return r;
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    const r = new RangeProxy(this.ctx, this, () => this.sheet()?.usedArea() ?? null, 'used');
    r.nullable = true;
    return r;
  }
}

export class NamesProxy {
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
    this.ctx.op({ name, comment }, () => {
      const ref = typeof reference === 'string' ? reference : reference.fullAddress();
      const list = this.list();
      if (list.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        return this.ctx.fail('ItemAlreadyExists', `Name ${name} exists`);
      list.push({ name, reference: ref, comment });
    });
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
                const exists = ctx.wb.sheets.some((s) => s.name === sheetOfReference(n.reference));
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
          this.ctx.op(null, () => {
            const l = this.list();
            const i = l.indexOf(n);
            if (i >= 0) l.splice(i, 1);
          });
        },
      }));
      return list.map((n) => ({ name: n.name, comment: n.comment, formula: n.reference }));
    });
    return this;
  }
}

type AreaResolver = () => MergedArea | null | undefined;

export class RangeProxy {
  address?: string;
  rowCount?: number;
  columnCount?: number;
  rowIndex?: number;
  columnIndex?: number;
  text?: string[][];
  valueTypes?: string[][];
  formulas?: unknown[][];
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
    /** What the request carries to name this range (its address or indexes). */
    private ref: unknown,
  ) {
    this.format = this.makeFormat();
    this.conditionalFormats = new ConditionalFormatsProxy(ctx, ws, () => {
      const a = this.area();
      return a ? [a] : [];
    });
  }
  resolveArea(): MergedArea | null | undefined {
    return this.area();
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
  /** Queues a write on this range's sheet (fails on a protected sheet). */
  private write(what: string, data: unknown, fn: (s: FakeSheet) => void): void {
    this.ctx.op([this.ref, what, data], () => {
      const s = this.ws.sheet();
      if (!s || !this.area() || !this.ctx.writable(s)) return;
      fn(s);
    });
  }
  private makeFormat() {
    const self = this;
    const style = (what: string, v: unknown, fn?: (c: FakeCell) => void) =>
      self.write(what, v, (s) => {
        s.formatWrites++;
        if (fn) self.each((r, c) => fn(s.cell(r, c)));
      });
    return {
      fill: {
        set color(v: string) {
          style('fill.color', v, (c) => (c.fill = v));
        },
      },
      font: {
        set color(v: string) {
          style('font.color', v, (c) => (c.fontColor = v));
        },
        set bold(v: boolean) {
          style('font.bold', v, (c) => (c.bold = v));
        },
        set italic(v: boolean) {
          style('font.italic', v);
        },
        set underline(v: string) {
          style('font.underline', v);
        },
        set size(v: number) {
          style('font.size', v);
        },
        set name(v: string) {
          style('font.name', v);
        },
      },
      set wrapText(v: boolean) {
        style('wrapText', v);
      },
      set horizontalAlignment(v: string) {
        style('horizontalAlignment', v);
      },
      set verticalAlignment(v: string) {
        style('verticalAlignment', v);
      },
      set rowHeight(v: number) {
        self.write('rowHeight', v, (s) => {
          s.formatWrites++;
          const a = self.area();
          if (a) for (let r = a.top; r <= a.bottom; r++) s.rowHeights.set(r, v);
        });
      },
      set columnWidth(v: number) {
        self.write('columnWidth', v, (s) => {
          s.formatWrites++;
          const a = self.area();
          if (a) for (let c = a.left; c <= a.right; c++) s.columnWidths.set(c, v);
        });
      },
      borders: {
        getItem(which: string) {
          return {
            set style(v: string) {
              style(`borders.${which}.style`, v);
            },
            set color(v: string) {
              style(`borders.${which}.color`, v);
            },
          };
        },
      },
      autofitRows() {
        self.write('autofitRows', null, (s) => {
          const a = self.area();
          if (a)
            for (const r of [...s.rowHeights.keys()]) if (r >= a.top && r <= a.bottom) s.rowHeights.delete(r);
        });
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
      if (!s) return null;
      const cells = (a.bottom - a.top + 1) * (a.right - a.left + 1);
      const perCell = ['values', 'numberFormat', 'valueTypes', 'text', 'formulas'];
      if (cells > MAX_READ_CELLS && fields.some((f) => perCell.includes(f))) {
        // Code assumed: the page names the limit, not the error.
        this.ctx.fail('RangeExceedsLimit', 'A range is limited to five million cells for get operations');
        return null;
      }
      const data: Record<string, unknown> = {};
      for (const f of fields) {
        switch (f) {
          case 'address':
            data.address = this.address = `${quoteSheet(s.name)}!${formatArea(a)}`;
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
          case 'formulas':
            data.formulas = this.formulas = this.grid(s, (c) => (c ? (c.formula ?? c.value ?? '') : ''));
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
            data.text = this.text = this.grid(s, (c) => (c ? this.ctx.wb.display(c) : ''));
            break;
        }
      }
      return data;
    });
    return this;
  }
  private grid<T>(s: FakeSheet, fn: (c: FakeCell | undefined) => T): T[][] {
    const a = this.area();
    const out: T[][] = [];
    if (!a) return out;
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(fn(s.get(r, c)));
      out.push(row);
    }
    return out;
  }
  get values(): unknown[][] | undefined {
    return this.loadedValues;
  }
  set values(v: unknown[][] | undefined) {
    if (!v) return;
    const textApostrophe = this.ctx.wb.apostropheInTextCell;
    this.write('values', v, (s) =>
      this.each((r, c, i, j) => {
        const raw = v.length === 1 && v[0].length === 1 ? v[0][0] : v[i]?.[j];
        if (raw === undefined) return;
        const cell = s.cell(r, c);
        delete cell.formula;
        delete cell.error;
        if (raw === null || raw === '') cell.value = null;
        else if (typeof raw === 'string') {
          if (raw.startsWith("'")) {
            // The quote prefix: dropped, except (an option) in a text-formatted cell.
            cell.value = cell.numberFormat === '@' && textApostrophe === 'keep' ? raw : raw.slice(1);
          } else if (cell.numberFormat === '@') cell.value = raw;
          else if (/^[=+]/.test(raw) || /^-[^\d.]/.test(raw) || raw.startsWith('@')) {
            cell.formula = raw;
            cell.value = 0;
          } else if (/^-?\d+(\.\d+)?$/.test(raw)) cell.value = Number(raw);
          else cell.value = raw;
        } else cell.value = raw as number | boolean;
      }),
    );
  }
  get numberFormat(): string[][] | undefined {
    return this.loadedFormats;
  }
  set numberFormat(v: string[][] | undefined) {
    if (!v) return;
    this.write('numberFormat', v, (s) =>
      this.each((r, c, i, j) => {
        const f = v.length === 1 && v[0].length === 1 ? v[0][0] : v[i]?.[j];
        if (f !== undefined) s.cell(r, c).numberFormat = f;
      }),
    );
  }
  set hyperlink(v: FakeCell['hyperlink']) {
    if (!this.ctx.needs(7, 'hyperlink')) return;
    this.write('hyperlink', v, (s) =>
      this.each((r, c) => {
        const cell = s.cell(r, c);
        cell.hyperlink = { ...v };
        if (v?.textToDisplay !== undefined) cell.value = v.textToDisplay;
      }),
    );
  }
  /** Clears values, formats and merges in the range; formulas elsewhere that point here stay valid. */
  clear(_applyTo?: string): void {
    this.write('clear', null, (s) => {
      const a = this.area();
      if (!a) return;
      for (const key of [...s.cells.keys()]) {
        const [r, c] = key.split(':').map(Number);
        if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right) s.cells.delete(key);
      }
      s.merges = s.merges.filter((m) => !intersects(m, a));
      // Row heights and column widths are not contents or formats: clear keeps them (assumed).
    });
  }
  unmerge(): void {
    this.write('unmerge', null, (s) => {
      const a = this.area();
      if (a) s.merges = s.merges.filter((m) => !intersects(m, a));
    });
  }
  merge(_across?: boolean): void {
    this.write('merge', null, (s) => {
      const a = this.area();
      if (a) s.merges.push({ ...a });
    });
  }
  select(): void {
    this.ctx.op(this.ref, () => {
      const s = this.ws.sheet();
      if (s && this.ctx.focused('GeneralException', 'Range.select'))
        this.ctx.wb.selected = { sheet: s.name, address: this.addressLocal() };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(
      this.ctx,
      this.ws,
      () => {
        const a = this.area();
        return a
          ? { top: a.top + row, left: a.left + column, bottom: a.top + row, right: a.left + column }
          : null;
      },
      [this.ref, row, column],
    );
  }
  /**
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
   * (ExcelApi 1.13). More than 512 areas fail the request. An area whose top-left cell lies in the
   * range comes whole; one that only crosses into the range (from above or the left) comes clipped
   * to the range (as reported on the office-js tracker; to confirm in real Excel).
   */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.needs(13, 'getMergedAreasOrNullObject');
    return new RangeAreasProxy(this.ctx, this.ws, () => {
      const a = this.area();
      const s = this.ws.sheet();
      if (!a || !s) return [];
      const hits = s.merges
        .filter((m) => intersects(m, a))
        .map((m) =>
          m.top >= a.top && m.left >= a.left
            ? { ...m }
            : {
                top: Math.max(m.top, a.top),
                left: Math.max(m.left, a.left),
                bottom: m.bottom,
                right: m.right,
              },
        );
      if (hits.length > Math.min(MAX_MERGED_AREAS, this.ctx.wb.maxMergedAreas)) {
        this.ctx.fail('GeneralException', 'Too many merged areas');
        return null;
      }
      return hits;
    });
  }
}

export class RangeAreasProxy {
  address?: string;
  areaCount?: number;
  isNullObject = false;
  private areas: MergedArea[] | null = null;
  conditionalFormats: ConditionalFormatsProxy;
  constructor(
    private ctx: FakeContext,
    private ws: WorksheetProxy,
    private resolve: () => MergedArea[] | null,
  ) {
    this.conditionalFormats = new ConditionalFormatsProxy(ctx, ws, () => this.resolve() ?? []);
  }
  load(_spec?: unknown): this {
    this.ctx.queueLoad(() => {
      this.areas = this.resolve();
      if (this.areas === null) return null;
      this.isNullObject = this.areas.length === 0;
      if (this.isNullObject) return null;
      const sheet = quoteSheet(this.ws.sheet()?.name ?? '');
      this.address = this.areas.map((a) => `${sheet}!${formatArea(a)}`).join(',');
      this.areaCount = this.areas.length;
      return { address: this.address, areaCount: this.areaCount };
    });
    return this;
  }
}

export class ConditionalFormatsProxy {
  items: ConditionalFormatProxy[] = [];
  constructor(
    private ctx: FakeContext,
    private ws: WorksheetProxy,
    private areas: () => MergedArea[],
  ) {}
  add(type: string): ConditionalFormatProxy {
    const ctx = this.ctx;
    const rule: FakeRule = {
      id: ctx.wb.newId(),
      type: type as FakeRule['type'],
      formula: '',
      fill: null,
      fontColor: null,
      bold: null,
      stopIfTrue: false,
      areas: [],
    };
    if (ctx.needs(6, 'conditionalFormats'))
      ctx.op({ add: type }, () => {
        const s = this.ws.sheet();
        if (!s || !ctx.writable(s)) return;
        if (s.rules.length >= ctx.wb.maxRulesPerSheet)
          return ctx.fail(
            'GeneralException',
            `More than ${ctx.wb.maxRulesPerSheet} conditional formats on one sheet`,
          );
        rule.areas = this.areas().map((a) => ({ ...a }));
        s.rules.unshift(rule);
      });
    return new ConditionalFormatProxy(ctx, this.ws, rule);
  }
  load(spec?: unknown): this {
    const fields = props(spec).map((p) => p.replace(/^items\//, ''));
    this.ctx.queueLoad(() => {
      const s = this.ws.sheet();
      if (!s) return null;
      const mine = this.areas();
      const rules = s.rules.filter((r) => r.areas.some((a) => mine.some((m) => intersects(a, m))));
      this.items = rules.map((r) => {
        const p = new ConditionalFormatProxy(this.ctx, this.ws, r);
        if (fields.includes('type')) p.type = r.type;
        if (fields.includes('id')) p.id = r.id;
        if (fields.includes('priority')) p.setLoadedPriority(s.rules.indexOf(r));
        return p;
      });
      return rules.map((r) => ({ type: r.type, id: r.id }));
    });
    return this;
  }
}

export class ConditionalFormatProxy {
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
    const ruleProxy: any = {
      _f: undefined as string | undefined,
      load(_spec?: unknown) {
        c.queueLoad(() => {
          if (r.type !== 'Custom') {
            c.fail('InvalidOperation', 'Not a custom rule');
            return null;
          }
          ruleProxy._f = r.formula;
          return { formula: r.formula };
        });
        return ruleProxy;
      },
    };
    Object.defineProperty(ruleProxy, 'formula', {
      get: () => ruleProxy._f,
      set: (v: string) => c.op(v, () => (r.formula = v)),
    });
    this.custom = {
      rule: ruleProxy,
      format: {
        fill: {
          set color(v: string) {
            c.op(v, () => (r.fill = v));
          },
        },
        font: {
          set color(v: string) {
            c.op(v, () => (r.fontColor = v));
          },
          set bold(v: boolean) {
            c.op(v, () => (r.bold = v));
          },
        },
      },
    };
  }
  get priority(): number | undefined {
    return this.loadedPriority;
  }
  set priority(p: number | undefined) {
    if (p === undefined) return;
    this.ctx.op(p, () => {
      const s = this.ws.sheet();
      if (!s) return;
      const i = s.rules.indexOf(this.rule);
      if (i < 0) return;
      s.rules.splice(i, 1);
      s.rules.splice(Math.max(0, Math.min(p, s.rules.length)), 0, this.rule);
    });
  }
  set stopIfTrue(v: boolean) {
    this.ctx.op(v, () => (this.rule.stopIfTrue = v));
  }
  setLoadedPriority(p: number | undefined): void {
    this.loadedPriority = p;
  }
  delete(): void {
    this.ctx.op(null, () => {
      const s = this.ws.sheet();
      if (!s || !this.ctx.writable(s)) return;
      s.rules = s.rules.filter((r) => r !== this.rule);
    });
  }
}
