/**
 * The slice of Office the host uses, injectable so the same host code runs against real Excel
 * (officeEnv) and the in-memory Excel (src/testhost). Only officeEnv touches the globals.
 */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(
    callback?: (result: { status: string | Office.AsyncResultStatus; error?: { message: string } }) => void,
  ): void;
}

export interface OfficeEnv {
  /** Excel.run; `options` only where capabilities.ts says the Excel supports them. */
  run<T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    options?: { delayForCellEdit?: boolean },
  ): Promise<T>;
  isSetSupported(name: 'ExcelApi', version: string): boolean;
  settings(): SettingsLike;
  displayLanguage(): string;
}

export function officeEnv(): OfficeEnv {
  return {
    run: (batch, options) => (options ? Excel.run(options as Excel.RunOptions, batch) : Excel.run(batch)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings: () => Office.context.document.settings as unknown as SettingsLike,
    displayLanguage: () => Office.context.displayLanguage || 'zh-CN',
  };
}
