import { readFileSync } from 'fs';
import { join } from 'path';
import { CODE_ORDER, FINDINGS, dateReasonText, findingMessage } from '../../src/core/findings';
import { FINDING_CODES, type DateReason, type FindingParams } from '../../src/core/types';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('the finding catalogue', () => {
  it('has one entry per code, each in its own place in the list order', () => {
    expect(Object.keys(FINDINGS).sort()).toEqual([...FINDING_CODES].sort());
    expect(new Set(FINDING_CODES.map((c) => FINDINGS[c].order)).size).toBe(FINDING_CODES.length);
    expect([...CODE_ORDER].sort()).toEqual([...FINDING_CODES].sort());
    // What an inspector asks about first comes first.
    expect(CODE_ORDER.slice(0, 3)).toEqual(['missing-column', 'relative-deadline-no-start', 'overdue']);
  });

  it('marks the cells of missing and unreadable values, and lists what the clerk must supply', () => {
    const marked = FINDING_CODES.filter((c) => FINDINGS[c].mark === 'missing').sort();
    expect(marked).toEqual(['invalid-date', 'missing-department', 'missing-required']);
    const listed = FINDING_CODES.filter((c) => FINDINGS[c].toComplete !== null).sort();
    expect(listed).toEqual(['invalid-date', 'missing-department', 'missing-required', 'unknown-status']);
    const label = (code: keyof typeof FINDINGS, header: string | null, field: 'status' | null = null) =>
      FINDINGS[code].toComplete!({ header, field });
    expect(label('missing-department', null)).toBe('缺责任单位');
    expect(label('missing-required', null, 'status')).toBe('缺整改进展');
    expect(label('missing-required', null)).toBe('缺必填项');
    expect(label('invalid-date', '完成时限')).toBe('完成时限无法识别');
    expect(label('unknown-status', null)).toBe('整改进展无法识别');
  });

  const REASONS: DateReason[] = [
    { code: 'unrecognised' },
    { code: 'not-a-date' },
    { code: 'no-such-month', month: 13 },
    { code: 'implausible-year', year: 1905 },
    { code: 'no-such-day', year: 2026, month: 2, day: 30 },
    { code: 'not-a-valid-date', value: '-3' },
    { code: 'number-not-date', value: '7' },
    { code: 'month-ambiguous', value: '2024.1' },
    { code: 'bad-serial', value: '9999999' },
    { code: 'error-value', value: '#REF!' },
    { code: 'error-value', value: '' },
  ];

  it.each(REASONS.map((r) => [r.code, r]))('date reason %s: Chinese in zh, none in en', (_, reason) => {
    expect(dateReasonText(reason as DateReason, 'zh')).toMatch(CJK);
    expect(dateReasonText(reason as DateReason, 'en')).not.toMatch(CJK);
  });

  it('English messages carry no Chinese of their own (ledger words a clerk must type aside)', () => {
    const params: FindingParams = {
      field: 'deadline',
      header: 'Deadline',
      seen: ['No.', 'Problem'],
      value: 'x',
      reason: { code: 'no-such-day', year: 2026, month: 2, day: 30 },
      deadline: '2026-06-30',
      completedOn: '2026-07-02',
      days: 2,
      rows: [4, 9, 10, 11, 12, 13],
      count: 6,
      department: 'y',
      column: 'E',
      years: [2031, 2032],
      knownUntil: 2026,
      year: 2026,
    };
    for (const code of CODE_ORDER) {
      // relative-deadline-no-start names the Chinese words to write into the ledger itself.
      const en = findingMessage(code, params, 'en').replace(/交办时间|"交办日期：…"/g, '');
      expect([code, CJK.test(en)]).toEqual([code, false]);
      expect(findingMessage(code, params, 'zh')).toMatch(CJK);
    }
    expect(findingMessage('invalid-date', params, 'en')).toContain('(2026-02 has no day 30)');
    expect(findingMessage('invalid-date', params, 'zh')).toContain('（2026年2月没有30日）');
    expect(findingMessage('calendar-unknown', params, 'en')).toContain('2031, 2032');
    expect(findingMessage('calendar-unknown', params, 'zh')).toContain('2031、2032年');
  });

  it('the README finding-codes table lists every code with its severity, and nothing else', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Finding codes'));
    const table = section.slice(0, section.indexOf('\n#'));
    const rows = [...table.matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows.map(([code]) => code).sort()).toEqual([...FINDING_CODES].sort());
    for (const [code, severity] of rows) {
      expect([code, severity]).toEqual([code, FINDINGS[code as keyof typeof FINDINGS].severity]);
    }
  });
});
