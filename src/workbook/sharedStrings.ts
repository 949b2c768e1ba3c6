/**
 * The shared strings part (xl/sharedStrings.xml): rich text runs joined, phonetic guides (rPh)
 * left out, `_xHHHH_` escapes decoded.
 *
 * Nearly every string a writer puts there is `<si><t>text</t></si>` (or `<t xml:space="preserve">`).
 * Those are read here by hand, a slice of the decoded text each, and everything else (the XML
 * declaration, the root, rich runs, phonetic guides, comments, prefixed names, white space between
 * strings, anything odd) goes through the strict scanner as before. A plain string is read by hand
 * only where the scanner stands between two tokens with just the root `sst` open, so what is
 * skipped is one whole, well-formed element at that depth: skipping it leaves the scanner's view of
 * the rest unchanged, and the strings come out as the scanner's events would make them. Measured
 * at 10k rows (15,040 strings, 2.1 MB): the part costs 10–15 ms instead of 35–45, and the scanner
 * meets only the worksheets' handler afterwards, so its compiled code is not thrown back when the
 * sheet starts (V8 keeps type feedback per function).
 */
import { BAD_CHAR, ScanError, SheetScanner, decodeEntities } from './sheetScanner';

/** `_xHHHH_` is how OOXML writes a character XML cannot carry (ST_Xstring). */
export function decodeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const SI = '<si>';
const PLAIN_START = '<si><t>';
const PRESERVED_START = '<si><t xml:space="preserve">';
const PLAIN_END = '</t></si>';

/** Where `what` next occurs at or after `from`; the text's length when nowhere. */
function nextOf(text: string, what: string, from: number): number {
  const i = text.indexOf(what, from);
  return i < 0 ? text.length : i;
}

/**
 * Reads the shared strings from the part's text, given in pieces of any size (`write`, then
 * `close`). Malformed XML throws ScanError, as the scanner does.
 */
export class SharedStringsReader {
  readonly strings: string[] = [];
  private readonly scanner: SheetScanner;
  /** The next '&', CR and ']]>' in the piece at or after the last position asked about. */
  private nextAmp = -1;
  private nextCr = -1;
  private nextCdEnd = -1;

  constructor() {
    const out = this.strings;
    // The string being read by the scanner (null outside <si>): its runs' text joined as it comes.
    let current: string | null = null;
    let inT = false;
    let phonetic = 0;
    this.scanner = new SheetScanner({
      open(name) {
        if (name === 'si') current = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && current !== null && phonetic === 0) inT = true;
      },
      text(t) {
        if (inT && current !== null) current += t.text();
      },
      close(name) {
        if (name === 'si' && current !== null) {
          out.push(decodeXString(current));
          current = null;
        } else if (name === 'rPh') phonetic--;
        else if (name === 't') inT = false;
      },
    });
  }

  write(piece: string): void {
    // The scanner checks the pieces it is given; the plain strings are checked here.
    if (BAD_CHAR.test(piece)) throw new ScanError('character');
    this.nextAmp = this.nextCr = this.nextCdEnd = -1;
    const n = piece.length;
    let p = 0;
    while (p < n) {
      // With only <sst> open (the scanner's handler then holds no string either): plain strings.
      if (this.scanner.restingIn() === 'sst' && this.scanner.openCount === 1) p = this.plainStrings(piece, p);
      if (p >= n) return;
      // The rest up to the next '<si>' to the scanner (all of it when that '<si>' is no tag).
      p = this.scanner.writeUntil(piece, p, piece.indexOf(SI, p + 1));
      if (p < 0) return;
    }
  }

  close(): void {
    this.scanner.close();
  }

  /**
   * Reads the plain strings from `p` on; returns where the first string that is not plain (or
   * not whole in this piece) begins. Text with a CR or ']]>' is left to the scanner (it
   * normalises the one and refuses the other); entities are decoded as the scanner decodes them.
   */
  private plainStrings(piece: string, p: number): number {
    for (;;) {
      let from: number;
      if (piece.startsWith(PLAIN_START, p)) from = p + PLAIN_START.length;
      else if (piece.startsWith(PRESERVED_START, p)) from = p + PRESERVED_START.length;
      else return p;
      const lt = piece.indexOf('<', from);
      if (lt < 0 || !piece.startsWith(PLAIN_END, lt)) return p;
      if (this.nextCr < from) this.nextCr = nextOf(piece, '\r', from);
      if (this.nextCdEnd < from) this.nextCdEnd = nextOf(piece, ']]>', from);
      if (this.nextCr < lt || this.nextCdEnd < lt) return p;
      if (this.nextAmp < from) this.nextAmp = nextOf(piece, '&', from);
      const text = piece.slice(from, lt);
      this.strings.push(decodeXString(this.nextAmp < lt ? decodeEntities(text) : text));
      p = lt + PLAIN_END.length;
    }
  }
}
