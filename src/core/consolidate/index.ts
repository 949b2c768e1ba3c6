/** 汇总: merging many units' ledgers. See consolidation.ts (figures), plans.ts (sheets), unitName.ts (names). */
export * from './consolidation';
export * from './plans';
export * from './unitName';
