/**
 * The words that name a field: a ledger's column headers (read by src/core/header/) and the
 * labels of a 整改方案 (read by src/core/import/). Where a word means the same field in both, it is
 * written once, in BOTH; each reader adds its own words. A few words deliberately name different
 * fields in the two, and are listed in each reader's own words (the test of this file pins them):
 *
 * - 整改情况, 整改落实情况: a ledger column of that name holds the state (status); in a plan the
 *   label introduces the report of what was done (report).
 * - 联系人: a ledger column names the person responsible (person); in a plan it opens the contact
 *   line at the end of the document (contact).
 * - 完成时间: a ledger column is the date work was finished (completedOn); in a plan it is the
 *   deadline set for a measure (deadline).
 */
import type { Field } from '../types';

/** The fields of a rectification document: the ledger's, less index/completedOn, plus its own (outcome 整改情况, schedule 推进计划, contact). */
export type FieldKey =
  | 'problem'
  | 'measure'
  | 'department'
  | 'cooperating'
  | 'person'
  | 'deadline'
  | 'status'
  | 'outcome'
  | 'schedule'
  | 'evidence'
  | 'remarks'
  | 'contact'
  | 'category';

/** Words that name the same field in a ledger header and in a plan's label. */
const BOTH = {
  category: ['问题类别', '问题类型', '整治内容', '类别'],
  problem: ['存在问题', '问题描述', '反馈问题', '问题表现', '具体问题', '主要问题'],
  measure: ['整改措施', '具体举措', '整改举措', '工作措施', '措施', '具体措施', '整改要求'],
  department: [
    '责任单位',
    '责任部门',
    '牵头单位',
    '责任股室',
    '责任科室',
    '主责单位',
    '牵头部门',
    '责任主体',
  ],
  cooperating: ['配合单位', '协办单位', '配合部门'],
  person: ['责任人', '责任领导', '分管领导'],
  deadline: ['整改时限', '完成时限', '时限要求', '完成时间节点', '整改期限', '计划完成时间', '时间节点'],
  status: ['整改进展', '进展情况', '完成情况', '整改状态', '进度', '整改进度'],
  evidence: ['佐证材料', '佐证资料', '支撑材料'],
  remarks: ['备注'],
} as const;

/**
 * Ledger header synonyms (docs/domain.md, plus variants seen in real ledgers), one canonical field
 * each. A header whose normalised text equals one of these names the field outright; the pane
 * shows the first eight of each as the headers it recognises.
 */
export const HEADER_SYNONYMS: Record<Field, readonly string[]> = {
  index: ['序号', '编号', '序', 'No.'],
  category: [...BOTH.category, '方面', '领域', '问题分类', '类型', '分类', '问题性质'],
  problem: [...BOTH.problem, '问题', '问题清单', '问题内容', '存在的问题'],
  measure: [...BOTH.measure, '举措', '整改措施清单', '整改目标及措施'],
  department: [...BOTH.department, '责任处室', '主责部门', '牵头科室'],
  cooperating: [...BOTH.cooperating, '协助单位', '协作单位', '配合科室', '配合股室', '参与单位'],
  person: [...BOTH.person, '联系人', '牵头领导', '具体责任人', '主要责任人', '包保领导'],
  deadline: [...BOTH.deadline, '时限', '期限', '整改时间', '截止时间', '截止日期', '计划完成日期'],
  status: [
    ...BOTH.status,
    '整改情况',
    '进展',
    '状态',
    '落实情况',
    '推进情况',
    '整改落实情况',
    '销号情况',
    '是否销号',
    '是否完成整改',
    '是否完成',
    '是否整改完成',
    '是否整改到位',
    '是否办结',
  ],
  completedOn: [
    '完成时间',
    '实际完成时间',
    '完成日期',
    '销号时间',
    '实际完成日期',
    '销号日期',
    '办结时间',
    '办结日期',
    '完成整改日期',
    '完成整改时间',
    '整改完成日期',
    '整改完成时间',
  ],
  evidence: [...BOTH.evidence, '佐证', '证明材料', '印证材料'],
  remarks: [...BOTH.remarks, '说明'],
};

/**
 * Words that name a field only when nothing better does, and only as a whole header: a unit column
 * (单位, 填报单位, 县市, 区县) is the department when the sheet has no department column (the report
 * says so); 问题来源 is the category when there is no category column (and never the problem).
 * Matched before containment, so "问题来源" does not read as the problem.
 */
export const WEAK_SYNONYMS: Partial<Record<Field, readonly string[]>> = {
  department: [
    '单位',
    '填报单位',
    '县市',
    '区县',
    '县市区',
    '县区',
    '市县',
    '县',
    '市州',
    '乡镇',
    '单位名称',
  ],
  category: ['问题来源', '来源', '反馈来源', '线索来源'],
};

/**
 * Synonyms that may only match a whole header, never as part of a longer one: '序' is inside
 * '程序', '说明' inside '情况说明', '责任主体' is usually a group cell over sub-columns.
 */
export const EXACT_ONLY_SYNONYMS = ['序', 'No.', '说明', '责任主体', '类型', '分类', '状态'];

/** Ends of count/ratio columns of a summary table ("问题数", "完成率"): not ledger fields. */
export const COUNT_SUFFIXES = ['数', '数量', '个数', '总数', '项数', '率', '占比', '比例', '合计', '小计'];

/**
 * Field labels as plans write them ("整改措施：", "【责任单位】", "〔责任单位：…〕"). A label is
 * also recognised at the end of a longer label ("问题整改责任单位：" ends in 责任单位), so only the
 * core word is listed.
 */
export const DOC_FIELD_LABELS: Record<FieldKey, readonly string[]> = {
  problem: [...BOTH.problem, '具体表现'],
  measure: [...BOTH.measure, '主要措施'],
  department: [...BOTH.department, '主管单位', '主管部门'],
  cooperating: BOTH.cooperating,
  person: BOTH.person,
  deadline: [...BOTH.deadline, '完成时间'],
  status: [...BOTH.status, '整改进展情况'],
  outcome: ['整改情况', '整改成效', '整改落实情况'],
  schedule: ['推进计划', '进度安排', '时间安排'],
  evidence: BOTH.evidence,
  remarks: BOTH.remarks,
  contact: ['联系人', '联系电话', '联系方式'],
  category: BOTH.category,
};

/** Table headers of a ledger flattened to text in a plan ("序号 | 存在问题 | 整改措施 | …"), per field. */
export const TABLE_HEADERS: Partial<Record<FieldKey | 'index', readonly string[]>> = {
  index: ['序号', '编号', '序'],
  category: [...DOC_FIELD_LABELS.category, '方面', '领域'],
  problem: [...DOC_FIELD_LABELS.problem, '问题'],
  measure: DOC_FIELD_LABELS.measure,
  department: DOC_FIELD_LABELS.department,
  cooperating: DOC_FIELD_LABELS.cooperating,
  person: DOC_FIELD_LABELS.person,
  deadline: DOC_FIELD_LABELS.deadline,
  status: [...DOC_FIELD_LABELS.status, ...DOC_FIELD_LABELS.outcome],
  evidence: DOC_FIELD_LABELS.evidence,
  remarks: [...DOC_FIELD_LABELS.remarks, '说明'],
};
