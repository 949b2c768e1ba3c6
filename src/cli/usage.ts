/**
 * The usage text, in a module of its own that loads nothing else: the launcher (bin/ledger-check.js)
 * answers --help from it without loading the engine, so help appears at once.
 */
export const LEDGER_CHECK_USAGE = `用法：ledger-check 文件.xlsx [--sheet 工作表名] [--as-of YYYY-MM-DD] [--due-soon-days 天数]
                    [--required 字段,字段] [--lang zh|en] [--json] [--out 检查结果.xlsx]
                    [--issued 交办日期YYYY-MM-DD] [--map 字段=列,…] [--config 台账设置.json]
      --map 例：measure=J,department=L:O,issued=C（列字母、列范围或表头文字；字段也可写中文，如 整改措施=J）
      汇总多个单位：ledger-check 文件或文件夹… [--units 单位名称映射.txt] [--out 汇总.xlsx] [其他参数同上]
字段名：index category problem measure department cooperating person deadline status completedOn evidence remarks`;

export const LEDGER_IMPORT_USAGE =
  '用法：ledger-import 方案.txt|方案.docx --out 台账.xlsx [--year 年份] [--json]';

/**
 * What a command's exit code means, the same for every command:
 * 0 done (ledger-check: no error found); 1 ledger-check found errors in the ledger (the report
 * says which); 2 the command could not do its work (a mistake in the call, a file that cannot be
 * used, an --out that exists, or an unexpected failure), said in one plain sentence on stderr.
 */
export const EXIT = { ok: 0, findings: 1, failed: 2 } as const;
