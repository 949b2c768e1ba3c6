/**
 * Turns an ExcelJS workbook into .xlsx bytes for the command line. Every workbook the CLI writes
 * goes through `workbookBuffer` (src/cli/checkedWorkbook.ts, src/cli/ledger-import.ts).
 *
 * Why not plain `wb.xlsx.writeBuffer()`: exceljs 4.4 writes every hyperlink as an external
 * relationship, an in-workbook link `#'Sheet'!D9` included (it adds `location` too, with the '#').
 * Excel copes; LibreOffice (and WPS) read the relationship and the location together and save a
 * dead link (`'Sheet'!D9%23%23'Sheet'!D9`). The OOXML for a link inside the workbook is
 * `<hyperlink ref="D9" location="'Sheet'!D9"/>` with no r:id and no relationship, which is what
 * Excel itself writes; `fixInternalHyperlinks` rewrites the written parts into that form.
 *
 * Note: exceljs reads a location-only hyperlink back as its text alone (it only reads links that
 * have a relationship), so a file written here, read again with exceljs, shows the link as text.
 */
import type ExcelJS from 'exceljs';
// jszip is exceljs's own zip library (a dependency of exceljs).
import JSZip from 'jszip';

const HYPERLINK_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** The workbook as .xlsx bytes, with in-workbook links written as `location=` links. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return fixInternalHyperlinks(Buffer.from(await wb.xlsx.writeBuffer()));
}

function decodeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_m, hex, dec, name) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
  });
}

function encodeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** The attributes of one start tag (`name="value"` or `name='value'`), values decoded. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/**
 * Rewrites hyperlinks whose relationship target starts with '#' (a place in this workbook) as
 * `location=` hyperlinks and removes their relationships. Other hyperlinks (web addresses, files)
 * and every other part are left as they are; when there is nothing to change the bytes are
 * returned untouched.
 */
export async function fixInternalHyperlinks(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let changed = false;
  const relsFiles = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/.test(f));
  for (const relsPath of relsFiles) {
    const sheetPath = relsPath.replace('/_rels/', '/').replace(/\.rels$/, '');
    const sheetFile = zip.file(sheetPath);
    if (!sheetFile) continue;
    const rels = await zip.file(relsPath)!.async('string');

    // Id → in-workbook location, for the hyperlink relationships that point into the workbook.
    const internal = new Map<string, string>();
    const keptRels = rels.replace(/<Relationship\b[^>]*?(?:\/>|>\s*<\/Relationship>)/g, (el) => {
      const a = attributes(el);
      const target = a.get('Target') ?? '';
      if (a.get('Type') !== HYPERLINK_REL || !target.startsWith('#') || !a.get('Id')) return el;
      internal.set(a.get('Id')!, target.slice(1));
      return '';
    });
    if (internal.size === 0) continue;

    const sheet = await sheetFile.async('string');
    const used = new Set<string>();
    const fixed = sheet.replace(/<hyperlink\b[^>]*?\/>/g, (el) => {
      const a = attributes(el);
      const id = a.get('r:id');
      const location = id === undefined ? undefined : internal.get(id);
      if (location === undefined) return el;
      used.add(id!);
      const kept = [...a].filter(([k]) => k !== 'r:id' && k !== 'location');
      const attrs = [
        ['ref', a.get('ref') ?? ''],
        ['location', location],
        ...kept.filter(([k]) => k !== 'ref'),
      ];
      return `<hyperlink ${attrs.map(([k, v]) => `${k}="${encodeXml(v)}"`).join(' ')}/>`;
    });
    // Only drop relationships whose hyperlink was rewritten (never leave an r:id dangling).
    const finalRels =
      used.size === internal.size
        ? keptRels
        : rels.replace(/<Relationship\b[^>]*?(?:\/>|>\s*<\/Relationship>)/g, (el) =>
            used.has(attributes(el).get('Id') ?? '') ? '' : el,
          );
    zip.file(sheetPath, fixed);
    zip.file(relsPath, finalRels);
    changed = true;
  }
  if (!changed) return xlsx;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
