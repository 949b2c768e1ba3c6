/**
 * What Range.text shows for a value under a number format, for the formats ledgers use. Range.text
 * is the value as displayed, following the number format
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-text-member),
 * so a date formatted m"月"d"日" shows no year, and 'yy' two digits of it. Written independently of
 * the add-in's own date code so that tests check one against the other.
 */

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The first section of a format with quoted literals, escapes and [..] blocks marked. */
type Token = { lit: string } | { code: string };

function tokens(format: string): Token[] {
  const section = format.split(';')[0];
  const out: Token[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out.push({ lit: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      out.push({ lit: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end + 1;
    } else if (/[ymdhsa]/i.test(ch)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      out.push({ code: section.slice(i, j).toLowerCase() });
      i = j;
    } else {
      out.push({ lit: ch });
      i++;
    }
  }
  return out;
}

export function isDateCodeFormat(format: string): boolean {
  return (
    tokens(format).some((t) => 'code' in t && /^[yd]/.test(t.code)) ||
    (tokens(format).some((t) => 'code' in t && t.code[0] === 'm') &&
      !tokens(format).some((t) => 'code' in t && t.code[0] === 'h'))
  );
}

function ymd(serial: number, system: 1900 | 1904): { y: number; m: number; d: number; wd: number } {
  const base = system === 1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const dt = new Date(base + Math.floor(serial) * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), wd: dt.getUTCDay() };
}

export function displayText(value: unknown, format: string, system: 1900 | 1904): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value);
  if (format === 'General' || format === '@' || format === '') return String(value);
  if (isDateCodeFormat(format)) {
    const { y, m, d, wd } = ymd(value, system);
    return tokens(format)
      .map((t) => {
        if ('lit' in t) return t.lit;
        const c = t.code;
        if (c[0] === 'y') return c.length <= 2 ? String(y % 100).padStart(2, '0') : String(y);
        if (c[0] === 'm')
          return c.length >= 3 ? `${m}月` : c.length === 2 ? String(m).padStart(2, '0') : String(m);
        if (c[0] === 'd')
          return c.length >= 3 ? WEEKDAYS[wd] : c.length === 2 ? String(d).padStart(2, '0') : String(d);
        if (c[0] === 'a') return c.length >= 4 ? WEEKDAYS[wd] : WEEKDAYS[wd].slice(2);
        return '0';
      })
      .join('');
  }
  const decimals = /0\.(0+)/.exec(format);
  if (decimals) return value.toFixed(decimals[1].length);
  if (/^[#,]*0$/.test(format)) return String(Math.round(value));
  return String(value);
}
