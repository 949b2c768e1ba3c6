import { matchField } from '../../src/core/header';
import { splitLabelled } from '../../src/core/import/fields';
import * as deadlines from '../../src/core/lexicon/deadlines';
import * as departments from '../../src/core/lexicon/departments';
import { HEADER_SYNONYMS, DOC_FIELD_LABELS } from '../../src/core/lexicon/fields';
import * as progress from '../../src/core/lexicon/progress';
import * as sections from '../../src/core/lexicon/sections';
import * as sentences from '../../src/core/lexicon/sentences';

describe('lexicon', () => {
  it('names a field differently in a ledger and a plan only where it is meant to', () => {
    const ledger = new Map<string, string>();
    for (const [field, words] of Object.entries(HEADER_SYNONYMS)) for (const w of words) ledger.set(w, field);
    const differing: string[] = [];
    for (const [field, words] of Object.entries(DOC_FIELD_LABELS))
      for (const w of words) {
        const f = ledger.get(w);
        if (f !== undefined && f !== field) differing.push(`${w}: ${f} / ${field}`);
      }
    expect(differing.sort()).toEqual(
      [
        '完成时间: completedOn / deadline',
        '整改情况: status / outcome',
        '整改落实情况: status / outcome',
        '联系人: person / contact',
      ].sort(),
    );
  });

  it('reads such a word by its own meaning in each reader', () => {
    expect(matchField('整改情况')).toBe('status');
    expect(matchField('联系人')).toBe('person');
    expect(matchField('完成时间')).toBe('completedOn');
    const keys = (text: string) => splitLabelled(text).map((s) => s.key);
    expect(keys('整改情况：已完成。')).toContain('outcome');
    expect(keys('联系人：张三')).toContain('contact');
    expect(keys('完成时间：2024年6月底')).toContain('deadline');
  });

  it('holds plain words: no regex syntax, no blanks, no repeats within a list', () => {
    const lists = {
      ...deadlines,
      ...departments,
      ...progress,
      ...sections,
      ...sentences,
      ...DOC_FIELD_LABELS,
    };
    for (const [name, list] of Object.entries(lists)) {
      if (!Array.isArray(list)) continue;
      for (const w of list) expect([name, w, /^[^\s.*+?^${}()|[\]\\]+$/.test(w)]).toEqual([name, w, true]);
      expect([name, new Set(list).size]).toEqual([name, list.length]);
    }
  });
});
