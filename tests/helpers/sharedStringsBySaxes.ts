/**
 * The reader's shared-string algorithm as it ran on saxes before the scanner: what the scanner
 * and the hand-read plain strings (src/workbook/sharedStrings.ts) are checked against.
 */
import { SaxesParser } from 'saxes';
import { decodeXString } from '../../src/workbook/xlsx';

export function sharedStringsBySaxes(xml: string): string[] {
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  const out: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const name = local(t.name);
    if (name === 'si') current = [];
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && current && phonetic === 0) inT = true;
  });
  p.on('closetag', (t) => {
    const name = local(t.name);
    if (name === 'si' && current) {
      out.push(decodeXString(current.join('')));
      current = null;
    } else if (name === 'rPh') phonetic--;
    else if (name === 't') inT = false;
  });
  p.on('text', (s) => {
    if (inT && current) current.push(s);
  });
  p.write(xml).close();
  return out;
}
