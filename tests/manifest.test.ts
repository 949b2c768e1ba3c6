/** What the Office manifest validator checks, offline: structure, URLs, icons, strings, limits. */
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser, type Element as XElement } from '@xmldom/xmldom';

const ROOT = path.join(__dirname, '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const errors: string[] = [];
const doc = new DOMParser({
  onError: (level, msg) => level !== 'warning' && errors.push(msg),
}).parseFromString(xml, 'text/xml');
const root = doc.documentElement as unknown as XElement;

function all(name: string): XElement[] {
  const out: XElement[] = [];
  const list = root.getElementsByTagName('*');
  for (let i = 0; i < list.length; i++)
    if (name === '*' || list[i].localName === name) out.push(list[i] as unknown as XElement);
  return out;
}
function one(name: string): XElement {
  const [e] = all(name).filter((x) => (x.parentNode as unknown as XElement) === root);
  if (!e) throw new Error(`no <${name}> under OfficeApp`);
  return e;
}
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
/** https://localhost:3000/assets/icon-16.png → assets/icon-16.png */
function localFile(url: string): string {
  return path.join(ROOT, new URL(url).pathname.replace(/^\//, ''));
}

const LOCALES = ['zh-CN', 'en-US'];

describe('manifest.xml', () => {
  it('is well-formed XML of the right type', () => {
    expect(errors).toEqual([]);
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(root.namespaceURI).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
  });

  it('has a GUID id, a four-part version, provider and locale', () => {
    expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one('Version').textContent).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    expect(one('ProviderName').textContent!.length).toBeGreaterThan(0);
    expect(one('ProviderName').textContent!.length).toBeLessThanOrEqual(250);
    expect(one('DefaultLocale').textContent).toBe('zh-CN');
  });

  it('asks for ReadWriteDocument only, ExcelApi 1.7, workbooks only', () => {
    expect(one('Permissions').textContent).toBe('ReadWriteDocument');
    const sets = all('Set');
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([
      ['ExcelApi', '1.7'],
    ]);
    expect(all('Sets')[0].getAttribute('DefaultMinVersion')).toBe('1.1');
    const hosts = one('Hosts').getElementsByTagName('Host');
    expect(hosts.length).toBe(1);
    expect(hosts[0].getAttribute('Name')).toBe('Workbook');
  });

  it('uses https everywhere and loads the pane from taskpane.html, never the test page', () => {
    const urls = all('*')
      .flatMap((e) => ['DefaultValue', 'Value'].map((a) => e.getAttribute(a) ?? ''))
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    expect(xml).not.toMatch(/testhost/);
    expect(all('SourceLocation')[0].getAttribute('DefaultValue')).toBe(
      'https://localhost:3000/taskpane.html',
    );
  });

  it('keeps display strings within the limits, with valid locale overrides', () => {
    const limits: Record<string, number> = { DisplayName: 125, Description: 250 };
    for (const [name, max] of Object.entries(limits)) {
      const e = one(name);
      expect(e.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(max);
      const overrides = Array.from(e.getElementsByTagName('Override'));
      expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
      for (const o of overrides) expect(o.getAttribute('Value')!.length).toBeLessThanOrEqual(max);
    }
    for (const [group, max] of [
      ['ShortStrings', 125],
      ['LongStrings', 250],
    ] as const) {
      for (const s of Array.from(all(group)[0].getElementsByTagName('bt:String'))) {
        expect(s.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(max);
        for (const o of Array.from(s.getElementsByTagName('bt:Override'))) {
          expect(LOCALES).toContain(o.getAttribute('Locale'));
          expect(o.getAttribute('Value')!.length).toBeLessThanOrEqual(max);
        }
      }
    }
  });

  it('defines every resid it uses, with ids of at most 32 characters', () => {
    const defined = new Set(
      all('*')
        .filter((e) => e.getAttribute('id') && ['Image', 'Url', 'String'].includes(e.localName!))
        .map((e) => e.getAttribute('id')!),
    );
    const used = all('*')
      .map((e) => e.getAttribute('resid'))
      .filter((r): r is string => Boolean(r));
    expect(used.length).toBeGreaterThan(5);
    for (const r of used) {
      expect(defined).toContain(r);
      expect(r.length).toBeLessThanOrEqual(32);
    }
    for (const d of defined) expect(d.length).toBeLessThanOrEqual(32);
  });

  it('has a Home tab group 整改台账 with a button that shows the task pane', () => {
    const group = all('Group')[0];
    expect(group.getAttribute('id')).toBe('ZhengGai.Group');
    expect((group.parentNode as unknown as XElement).getAttribute('id')).toBe('TabHome');
    const strings = new Map(
      Array.from(all('ShortStrings')[0].getElementsByTagName('bt:String')).map((s) => [
        s.getAttribute('id'),
        s.getAttribute('DefaultValue'),
      ]),
    );
    expect(strings.get(group.getElementsByTagName('Label')[0].getAttribute('resid'))).toBe('整改台账');
    const button = group.getElementsByTagName('Control')[0];
    expect(strings.get(button.getElementsByTagName('Label')[0].getAttribute('resid'))).toBe('检查台账');
    expect(button.getElementsByTagName('Action')[0].getAttribute('xsi:type')).toBe('ShowTaskpane');
  });

  it('points at real PNG icons of the declared sizes', () => {
    expect(pngSize(localFile(one('IconUrl').getAttribute('DefaultValue')!))).toEqual({
      width: 64,
      height: 64,
    });
    expect(pngSize(localFile(one('HighResolutionIconUrl').getAttribute('DefaultValue')!))).toEqual({
      width: 128,
      height: 128,
    });
    const images = new Map(
      all('Image')
        .filter((e) => e.getAttribute('id'))
        .map((e) => [e.getAttribute('id'), e.getAttribute('DefaultValue')!]),
    );
    const refs = all('Image').filter((e) => e.getAttribute('resid'));
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) {
      const size = Number(ref.getAttribute('size'));
      expect([16, 32, 80]).toContain(size);
      expect(pngSize(localFile(images.get(ref.getAttribute('resid'))!))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(fs.existsSync(localFile(one('SupportUrl').getAttribute('DefaultValue')!))).toBe(true);
  });
});
