import { withoutRoundNotes } from '../../src/core/text/brackets';
import { compactText, foldText, halfWidthCode, halfWidthOf, toHalfWidth } from '../../src/core/text/fold';

describe('text folding', () => {
  it('folds full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('２０２４年６月（底）：完成　ＯＫ')).toBe('2024年6月(底):完成 OK');
    expect(toHalfWidth('已完成')).toBe('已完成');
  });

  it('removes invisible characters, the soft hyphen included, and keeps spaces', () => {
    expect(foldText('\uFEFF已\u200B完\u00AD成，\u3000in progress')).toBe('已完成, in progress');
  });

  it('compacts for identity: no whitespace, no zero-width characters', () => {
    expect(compactText('整改\n时限（ 年月日 ）\u200D\u00A0')).toBe('整改时限(年月日)');
  });
});

describe('round-bracket notes', () => {
  it('removes notes in either width, mixed widths too', () => {
    expect(withoutRoundNotes('整改时限（年月日)')).toBe('整改时限');
    expect(withoutRoundNotes('县教育局(2024年6月）台账', ' ')).toBe('县教育局 台账');
  });

  it('keeps a note longer than the bound', () => {
    expect(withoutRoundNotes('存在问题（请逐条填写具体问题表现并注明来源）', '', 20)).toBe('存在问题');
    expect(
      withoutRoundNotes('存在问题（请逐条填写具体问题表现并注明来源以及发现时间和发现人员）', '', 20),
    ).toBe('存在问题（请逐条填写具体问题表现并注明来源以及发现时间和发现人员）');
  });
});

describe('halfWidthCode', () => {
  test('folds every BMP character as halfWidthOf does, by its code', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (halfWidthCode(code) !== halfWidthOf(ch).charCodeAt(0)) {
        throw new Error(`U+${code.toString(16)}: ${halfWidthCode(code)} vs ${halfWidthOf(ch).charCodeAt(0)}`);
      }
    }
    expect(halfWidthCode('（'.charCodeAt(0))).toBe('('.charCodeAt(0));
    expect(halfWidthCode(0x3000)).toBe(0x20);
  });
});
