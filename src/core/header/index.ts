/**
 * Header detection: which row(s) of a sheet are the ledger's header, and which column holds which
 * canonical field. Clerks write headers every which way ("责任\n单位", "整改时限(年月日)", "序 号",
 * a group cell "责任主体" merged over "牵头单位 | 配合单位"), so matching works on normalised text.
 *
 * The parts: normalise.ts (header text made comparable), match.ts (synonyms → field),
 * detect.ts (the header rows of a sheet and the column of each field).
 */
export { HEADER_SYNONYMS, WEAK_SYNONYMS } from '../lexicon/fields';
export { compactText, normalizeHeader } from './normalise';
export { matchField } from './match';
export {
  HEADER_SCAN_ROWS,
  MAX_HEADER_ROWS,
  detectHeader,
  isNumbersRow,
  partialHeader,
  type HeaderChoices,
  type PartialHeader,
} from './detect';
