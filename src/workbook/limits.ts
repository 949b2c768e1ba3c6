/**
 * What the reader accepts. Excel's own limits for rows and columns; the other caps keep a hostile
 * file within seconds and well under 1 GB of memory while leaving room for any real ledger (a
 * 500,000-row ledger has about 6 million cells and a 170 MB sheet part).
 */
export const LIMITS = {
  /** Excel: 1,048,576 rows, 16,384 columns (XFD). */
  maxRow: 1_048_576,
  maxColumn: 16_384,
  /** Cells with content, over the whole workbook. */
  maxCells: 8_000_000,
  /** Merged areas on one sheet. */
  maxMerges: 1_000_000,
  /** Inflated size of one worksheet part (its text decoded and scanned in 8 MB pieces). */
  maxSheetBytes: 1024 * 1024 * 1024,
  /** Inflated size of the shared strings (held as strings). */
  maxSharedStringsBytes: 256 * 1024 * 1024,
  /** Inflated size of any other part read (workbook, relationships, styles). */
  maxSmallPartBytes: 32 * 1024 * 1024,
  /** A part that inflates past `ratioFloorBytes` may not inflate more than this many times its size. */
  maxRatio: 100,
  ratioFloorBytes: 32 * 1024 * 1024,
  /** The file itself. */
  maxFileBytes: 512 * 1024 * 1024,
} as const;

export type Limits = { [K in keyof typeof LIMITS]: number };
