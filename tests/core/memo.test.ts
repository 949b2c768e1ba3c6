import { memoByText } from '../../src/core/memo';
import { splitDepartments } from '../../src/core/departments';
import { parseDateText } from '../../src/core/dates';

describe('remembered answers', () => {
  it('computes each text once until the bound is reached, then starts afresh', () => {
    const seen: string[] = [];
    const f = memoByText((t: string) => (seen.push(t), t.length), 2);
    expect([f('ab'), f('ab'), f('c'), f('ab')]).toEqual([2, 2, 1, 2]);
    expect(seen).toEqual(['ab', 'c']);
    f('d'); // the third distinct text clears the cache
    f('ab');
    expect(seen).toEqual(['ab', 'c', 'd', 'ab']);
  });

  it('never lets a caller change a remembered department list', () => {
    const first = splitDepartments('办公室、财务股');
    first.push('篡改');
    first[0] = 'x';
    expect(splitDepartments('办公室、财务股')).toEqual(['办公室', '财务股']);
  });

  it('remembers dates per as-of date: a year-less deadline takes each as-of year', () => {
    expect(parseDateText('6月底前', '2025-03-01').date).toBe('2025-06-30');
    expect(parseDateText('6月底前', '2026-03-01').date).toBe('2026-06-30');
    expect(Object.isFrozen(parseDateText('6月底前', '2026-03-01'))).toBe(true);
  });
});
