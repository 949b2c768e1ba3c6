/**
 * Check options and the settings a clerk saves with a workbook, validated with zod so that a
 * hand-edited or older settings blob can never crash the engine: what does not parse is dropped.
 */
import { z } from 'zod';
import { localToday, parseIso } from './calendar';
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_REQUIRED, FIELDS, type CheckOptions, type Lang } from './types';

const fieldSchema = z.enum(FIELDS);
const isoDateSchema = z.string().refine((s) => parseIso(s) !== null, { message: 'not a YYYY-MM-DD date' });

/** What the task pane saves with the workbook and reuses next time. */
export const ledgerSettingsSchema = z.object({
  version: z.literal(1).default(1),
  /** The clerk's own column choices: 1-based sheet column per field, null = "no such column". */
  columnOverrides: z.partialRecord(fieldSchema, z.number().int().min(1).max(16384).nullable()).default({}),
  required: z.array(fieldSchema).default([...DEFAULT_REQUIRED]),
  dueSoonDays: z.number().int().min(0).max(365).default(DEFAULT_DUE_SOON_DAYS),
  /** A fixed as-of date; null means "today". */
  asOf: isoDateSchema.nullable().default(null),
  /** Also colour done rows green. */
  markDone: z.boolean().default(false),
  /**
   * The day the problems were handed over (交办), for relative deadlines ("5个工作日内") when the
   * sheet has no 交办时间 column or 交办日期 line; null: none given.
   */
  issuedOn: isoDateSchema.nullable().optional(),
  /** Further columns of a field (`department: [13, 14, 15]`): all of them name departments. */
  extraColumns: z.partialRecord(fieldSchema, z.array(z.number().int().min(1).max(16384)).max(64)).optional(),
  /** The 交办/下发 date column (1-based), null for none, absent to detect it. */
  issuedColumn: z.number().int().min(1).max(16384).nullable().optional(),
});
export type LedgerSettings = z.infer<typeof ledgerSettingsSchema>;

export function defaultSettings(): LedgerSettings {
  return ledgerSettingsSchema.parse({});
}

/** Reads saved settings; anything malformed falls back to the defaults instead of failing. */
export function parseSettings(raw: unknown): LedgerSettings {
  const parsed = ledgerSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : defaultSettings();
}

export function checkOptionsFromSettings(
  settings: LedgerSettings,
  lang: Lang,
  today: string = localToday(),
): CheckOptions {
  return {
    asOf: settings.asOf ?? today,
    dueSoonDays: settings.dueSoonDays,
    required: settings.required,
    lang,
    columnOverrides: settings.columnOverrides,
    issuedOn: settings.issuedOn ?? null,
    ...(settings.extraColumns ? { extraColumns: settings.extraColumns } : {}),
    ...(settings.issuedColumn !== undefined ? { issuedColumn: settings.issuedColumn } : {}),
  };
}
