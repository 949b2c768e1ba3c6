/** folderNameUnit: a folder's name as a unit's name, only when it reads as one. */
import { fileNameUnit, folderNameUnit } from '../../src/core/consolidate';

describe('folderNameUnit', () => {
  it('names the unit a folder is called after, without the common words', () => {
    expect(folderNameUnit('城关镇')).toBe('城关镇');
    expect(folderNameUnit('县教育局报送')).toBe('县教育局');
    expect(folderNameUnit('县卫生健康局（2024年6月）/')).toBe('县卫生健康局');
    expect(folderNameUnit('城关街道整改台账')).toBe('城关街道');
  });

  it('names no unit for batches, dates and the lead office’s collecting words', () => {
    for (const f of ['第二批', '2024年6月', '各单位', '整改台账', '新建文件夹', '问题清单汇总', '张三']) {
      expect(folderNameUnit(f)).toBeNull();
    }
  });

  it('is asked only when the file name says nothing', () => {
    // The file names that leave nothing, as units send them back.
    for (const f of ['整改台账.xlsx', '附件2：整改台账（2024年6月）.xlsx', '巡察整改落实情况.xlsx']) {
      expect(fileNameUnit(f)).toBeNull();
    }
  });
});
