/**
 * Department words: the labels written before department names ("牵头单位：", "配合："), the words
 * of a cooperating sub-column, the headers of a responsibility group, and how the name of an
 * issuing unit ends.
 */

/** First halves of a label before the names: 牵头, 责任 … (then an optional LABEL_NOUNS word). */
export const LABEL_ROLES = [
  '牵头',
  '责任',
  '主责',
  '配合',
  '协办',
  '协助',
  '参与',
  '承办',
  '主办',
  '联系',
  '实施',
  '监督',
  '督办',
];
export const LABEL_NOUNS = ['单位', '部门', '股室', '科室', '处室', '主体', '领导'];
/** Whole labels that are not role + noun. */
export const LABEL_WORDS = ['责任人', '分管领导'];

/** Sub-columns of a responsibility group that name cooperating units (配合, 协办 …). */
export const COOPERATING_WORDS = ['配合', '协办', '协助', '协作', '参与'];

/**
 * A group cell over sub-columns naming who is responsible (整改责任单位 over 建设 | 设计 | 施工 |
 * 监理, 责任单位 over 牵头 | 配合): every filled sub-column names a department of the row.
 */
export const RESPONSIBILITY_GROUP_WORDS = [
  '责任单位',
  '责任主体',
  '责任部门',
  '责任科室',
  '责任股室',
  '责任处室',
  '主责单位',
  '整改主体',
  '责任分工',
];

/** How the name of an issuing unit ends (a short trailing line "中共XX县XX局党组"). */
export const UNIT_ENDINGS = [
  '党组',
  '党委',
  '委员会',
  '人民政府',
  '办公室',
  '局',
  '厅',
  '委',
  '办',
  '院',
  '镇',
  '乡',
  '街道',
  '中心',
  '领导小组',
  '公司',
  '集团',
  '学校',
  '党支部',
  '支部',
  '所',
];
