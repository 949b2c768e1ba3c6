import { checkGrid } from '../../src/core/check';
import { inferMerges } from '../../src/core/inferMerges';
import { detectHeader } from '../../src/core/header';
import { DEFAULT_REQUIRED } from '../../src/core/types';
import { grid } from '../helpers/grid';

/** The same ledger twice: as Excel 365 reads it (merges known) and as Excel 2019 does (none). */
const rows = [
  ['XX局巡察整改台账'],
  ['序号', '问题类别', '存在问题', '整改措施', '责任单位', '整改时限', '整改进展'],
  [1, '政策落实', '惠企政策落实不到位', '梳理政策清单', '办公室', '2026年12月31日', '正在推进'],
  [2, '', '', '建立兑现台账', '财务股', '2026年12月31日', '正在推进'],
  [3, '', '窗口服务意识薄弱', '推行容缺受理', '审批股', '2026年12月31日', '已完成'],
  [],
  [4, '制度执行', '审管衔接不紧', '建立信息互通机制', '执法大队', '2026年12月31日', '正在推进'],
  [5, '', '', '', '', '', ''],
  ['合计', '', '', '', '', '', ''],
];
const options = { asOf: '2026-11-21', dueSoonDays: 7, required: [...DEFAULT_REQUIRED], lang: 'zh' as const };

describe('merged cells on an Excel that cannot tell them', () => {
  it('infers a category and a problem written once above their measures, ending at spacer rows', () => {
    const g = grid(rows, { merges: [], sheet: 'x' });
    const header = detectHeader(g)!;
    expect(inferMerges(g, header)).toEqual([
      { top: 3, left: 2, bottom: 5, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 3 },
    ]);
  });

  it('judges the sheet as it would with real merges: the same rows, problems and findings', () => {
    const known = checkGrid(grid(rows, { merges: ['A1:G1', 'B3:B5', 'C3:C4'] }), options);
    const unknown = checkGrid({ ...grid(rows, { merges: [] }), mergesKnown: false }, options);
    if (!known.ok || !unknown.ok) throw new Error('no header');
    expect(unknown.report.findings).toEqual(known.report.findings);
    expect(unknown.report.stats).toEqual(known.report.stats);
    expect(unknown.report.stats).toMatchObject({ rows: 4, problems: 3 });
    expect(unknown.report.rows.map((r) => r.text.problem)).toEqual(
      known.report.rows.map((r) => r.text.problem),
    );
  });

  it('infers nothing when the host knows the merges: a blank problem is then really missing', () => {
    const result = checkGrid(grid(rows, { merges: [] }), options);
    if (!result.ok) throw new Error('no header');
    expect(
      result.report.findings.filter((f) => f.code === 'missing-required').map((f) => [f.row, f.field]),
    ).toEqual([[4, 'problem']]);
  });
});
