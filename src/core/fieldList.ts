/**
 * Field names written as a list (`--required problem,measure`). Apart from the settings schema
 * (./options.ts), which needs zod: the command line reads this list on any run and loads zod only
 * for a settings file (--config).
 */
import { FIELDS, type Field } from './types';

/** Parses a comma-separated list of field names ('problem,measure'); returns the unknown names too. */
export function parseFieldList(text: string): { fields: Field[]; unknown: string[] } {
  const known: readonly string[] = FIELDS;
  const fields: Field[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,，、\s]+/).filter(Boolean)) {
    if (!known.includes(part)) unknown.push(part);
    else if (!fields.includes(part as Field)) fields.push(part as Field);
  }
  return { fields, unknown };
}
