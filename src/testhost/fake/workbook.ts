/** The in-memory workbook: sheets, names, settings, options, and Excel.run. */
import { FakeContext } from './context';
import { FakeSheet, type FakeCell, type FakeExcelOptions, type FakeName } from './model';
import { displayText } from './numberFormat';
import { shownFills } from './rules';

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  activeSheet = 0;
  selected: { sheet: string; address: string } | null = null;
  apiVersion: number;
  dateSystem: 1900 | 1904;
  displayLanguage: string;
  apostropheInTextCell: 'strip' | 'keep';
  maxRulesPerSheet: number;
  maxMergedAreas: number;
  /** Workbook structure protection: sheets cannot be added, deleted, hidden or renamed. */
  structureProtected = false;
  /** When set, every sync fails as Excel does while a cell is being edited (unless delayed). */
  cellEditMode = false;
  /**
   * Another workbook has the focus: APIs listed on the troubleshooting page fail
   * (GeneralException / InvalidSelection).
   */
  inactive = false;
  /** When set, settings.saveAsync reports failure. */
  settingsSaveFails = false;
  /** Called before each sync is answered (tests use it to change the sheet, or click into a cell). */
  beforeSync: ((syncIndex: number) => void) | null = null;
  syncCount = 0;
  runCount = 0;
  /** Syncs that waited for the clerk to leave cell-edit mode (Excel.run's delayForCellEdit). */
  delayedSyncs = 0;
  settingsSaves = 0;
  responseBytes: number[] = [];
  /** Per sync, the UTF-8 JSON size of every queued operation's arguments (see context.ts). */
  requestBytes: number[] = [];
  settingsStore: Record<string, unknown> = {};
  savedSettings: Record<string, unknown> = {};
  private nextId = 1;

  constructor(opts: FakeExcelOptions = {}) {
    this.apiVersion = opts.apiVersion ?? 17;
    this.dateSystem = opts.dateSystem ?? 1900;
    this.displayLanguage = opts.displayLanguage ?? 'zh-CN';
    this.apostropheInTextCell = opts.apostropheInTextCell ?? 'strip';
    this.maxRulesPerSheet = opts.maxRulesPerSheet ?? 100;
    this.maxMergedAreas = opts.maxMergedAreas ?? 512;
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
  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
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
    this.delayedSyncs = 0;
    this.responseBytes = [];
    this.requestBytes = [];
  }
  /** The fills conditional formats show on a sheet's area ('E9' → '#FFC7CE'). */
  fills(
    sheet: string,
    area: { top: number; left: number; bottom: number; right: number },
  ): Map<string, string> {
    return shownFills(this.sheet(sheet), area, (name) => this.findSheet(name));
  }
  /** A copy as saved and opened again: everything the file keeps, nothing of the session. */
  reopened(): FakeWorkbook {
    const copy = new FakeWorkbook({
      apiVersion: this.apiVersion,
      dateSystem: this.dateSystem,
      displayLanguage: this.displayLanguage,
      apostropheInTextCell: this.apostropheInTextCell,
      maxRulesPerSheet: this.maxRulesPerSheet,
      maxMergedAreas: this.maxMergedAreas,
    });
    for (const s of this.sheets) {
      const t = copy.addSheet(s.name);
      for (const [k, c] of s.cells) t.cells.set(k, JSON.parse(JSON.stringify(c)));
      t.merges = s.merges.map((m) => ({ ...m }));
      t.rules = JSON.parse(JSON.stringify(s.rules));
      t.protected = s.protected;
      t.visibility = s.visibility;
    }
    copy.names = this.names.map((n) => ({ ...n }));
    copy.settingsStore = JSON.parse(JSON.stringify(this.savedSettings));
    copy.structureProtected = this.structureProtected;
    return copy;
  }
  /** What Range.text shows for a cell. */
  display(c: FakeCell): string {
    return displayText(c.value, c.numberFormat, this.dateSystem);
  }

  /** Excel.run: a fresh context, the batch, then a final sync. */
  async run<T>(
    batch: (context: FakeContext) => Promise<T>,
    options: { delayForCellEdit?: boolean } = {},
  ): Promise<T> {
    this.runCount++;
    const ctx = new FakeContext(this, {
      delayForCellEdit: !!options.delayForCellEdit && this.apiVersion >= 11,
    });
    const result = await batch(ctx);
    await ctx.sync();
    return result;
  }

  /**
   * An Office.context.document.settings look-alike. saveAsync can fail (for example when the
   * document is read-only or another save is under way): https://learn.microsoft.com/en-us/javascript/api/office/office.settings#office-office-settings-saveasync-member(1)
   */
  settings() {
    return {
      get: (key: string) => this.settingsStore[key] ?? null,
      set: (key: string, value: unknown) => {
        this.settingsStore[key] = value;
      },
      remove: (key: string) => {
        delete this.settingsStore[key];
      },
      saveAsync: (
        cb?: (r: { status: string; error?: { code?: number; name?: string; message: string } }) => void,
      ) => {
        this.settingsSaves++;
        if (this.settingsSaveFails) {
          setTimeout(
            () =>
              cb?.({
                status: 'failed',
                error: { code: 5003, name: 'Save Settings Error', message: 'Save Settings Error' },
              }),
            0,
          );
          return;
        }
        this.savedSettings = JSON.parse(JSON.stringify(this.settingsStore));
        setTimeout(() => cb?.({ status: 'succeeded' }), 0);
      },
    };
  }
}
