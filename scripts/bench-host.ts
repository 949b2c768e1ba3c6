/**
 * The add-in host's traffic with Excel, measured on the in-memory Excel (src/testhost/fakeExcel.ts):
 * for ledgers of 10k and 50k rows × 15 columns with long Chinese text, how many round trips
 * (context.sync calls) reading the sheet (readActiveSheet) and marking it (applyMarks with the
 * engine's planMarks of that ledger's report) take, and how many bytes go each way.
 *
 * The fake counts, per sync, the JSON size (UTF-8) of what the response carries (every queued
 * load) and of what the request writes (values, formats, added rules); queued loads themselves
 * are not counted as request bytes, so reading shows only a few. Excel on the web refuses a
 * response over 5 MB; the reader aims well below that.
 *
 * Time: the read through the fake host (which includes building the fake's responses and the
 * host's conversion to the engine's Grid) as a ratio to JSON.parse of the same Grid, in the same
 * run (machines here are shared and noisy, so the ratio means more than milliseconds).
 */
import { checkGrid } from '../src/core/check';
import { isoToSerial } from '../src/core/calendar';
import { planMarks } from '../src/core/marks';
import { checkOptionsFromSettings, defaultSettings } from '../src/core/options';
import type { Grid } from '../src/core/types';
import { FakeWorkbook, type FakeCell } from '../src/testhost/fakeExcel';
import { createMemoryHost } from '../src/testhost/memoryHost';

const COLUMNS = 15;
const AS_OF = '2026-11-21';
const RESPONSE_LIMIT = 5 * 1024 * 1024;

const HEADERS = [
  '序号',
  '问题来源',
  '问题类别',
  '存在问题',
  '整改目标',
  '整改措施',
  '责任单位',
  '配合单位',
  '责任人',
  '整改时限',
  '整改进展',
  '完成时间',
  '佐证材料',
  '销号情况',
  '备注',
];

const SOURCES = ['市委第三巡察组反馈', '审计整改通知书', '专项督查反馈意见', '群众信访反映', '上级督办件'];
const DEPARTMENTS = [
  '办公室',
  '财务股',
  '政策法规与审批股、道路运输管理股',
  '执法大队',
  '局属各单位、机关各股室',
  '',
];
const STATUSES = [
  '已完成，相关制度已印发执行，佐证材料已归档备查',
  '正在推进，已完成工程量的75%，预计按期完成',
  '尚未完成，正在协调资金和用地等问题',
  '长期坚持，已纳入年度重点工作常态化推进',
  '未启动',
  '已于2025年12月13日全部整改完毕，并通过验收',
  '待定',
];
const DEADLINE_TEXT = [
  '2026年6月30日',
  '2026.11.25',
  '6月底前',
  '2026年下半年',
  '长期坚持',
  '立行立改',
  '第三季度',
];
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** A long ledger as clerks write it: a merged title, one header row, problems merged over pairs. */
function ledgerWorkbook(rows: number): FakeWorkbook {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('整改台账');
  s.setRows(1, 1, [['X市交通运输局巡察反馈意见整改落实台账（2026年度）'], HEADERS]);
  s.merge('A1:O1');
  const date = (iso: string, plusDays: number): Partial<FakeCell> => ({
    value: isoToSerial(iso) + plusDays,
    numberFormat: DATE_FORMAT,
  });
  const body: Array<Array<FakeCell['value'] | Partial<FakeCell>>> = [];
  for (let i = 0; i < rows; i++) {
    const first = i % 2 === 0;
    body.push([
      i + 1,
      SOURCES[i % SOURCES.length],
      `第${(i % 7) + 1}类：${['党的建设', '作风建设', '安全生产', '行政审批', '财务管理', '基层治理', '意识形态'][i % 7]}方面`,
      first
        ? `存在问题${i}：政策落实不到位，服务意识不强，存在“等靠要”思想；部分项目前期工作推进缓慢，资金拨付不及时，群众反映强烈，个别干部担当作为不够。`
        : null,
      `整改目标${i}：到期前全面完成整改，建立长效机制，确保问题不反弹、不回潮。`,
      `整改措施${i}：制定印发专项整改工作方案，细化责任清单、任务清单和时限清单，明确目标任务，主要领导亲自部署、分管领导具体负责，各责任单位协同配合推进，每月调度一次进展情况，按期对账销号。`,
      DEPARTMENTS[i % DEPARTMENTS.length] || null,
      i % 4 === 0 ? '财务股、办公室' : null,
      i % 5 === 0 ? null : ['张三', '李四', '王五', '赵六'][i % 4],
      i % 3 === 0 ? date('2026-01-01', i % 700) : DEADLINE_TEXT[i % DEADLINE_TEXT.length],
      STATUSES[i % STATUSES.length],
      i % 7 === 0 ? date('2026-03-01', 0) : null,
      i % 3 === 0 ? '会议纪要、制度文件、工作方案、整改报告及相关照片资料' : null,
      i % 7 === 0 ? '已销号' : null,
      i % 11 === 0 ? '需上级部门协调解决' : null,
    ]);
  }
  s.setRows(3, 1, body);
  for (let i = 0; i + 1 < rows; i += 2) s.merge(`D${i + 3}:D${i + 4}`);
  return wb;
}

interface Traffic {
  syncs: number;
  responseTotal: number;
  responseMax: number;
  requestTotal: number;
}

function traffic(wb: FakeWorkbook): Traffic {
  return {
    syncs: wb.syncCount,
    responseTotal: wb.responseBytes.reduce((a, b) => a + b, 0),
    responseMax: Math.max(0, ...wb.responseBytes),
    requestTotal: wb.requestBytes.reduce((a, b) => a + b, 0),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface SizeResult {
  rows: number;
  cells: number;
  merges: number;
  read: Traffic;
  mark: Traffic;
  remark: Traffic;
  rules: number;
  markGroups: string;
  readMs: number;
  parseMs: number;
}

async function benchSize(rows: number, runs: number): Promise<SizeResult> {
  const wb = ledgerWorkbook(rows);
  const host = createMemoryHost(wb);
  const sheet = wb.sheets[0];

  const readTimes: number[] = [];
  const parseTimes: number[] = [];
  let grid: Grid | undefined;
  let read: Traffic | undefined;
  for (let i = 0; i < runs; i++) {
    gc();
    wb.resetCounters();
    const [g, ms] = await timed(() => host.readActiveSheet());
    readTimes.push(ms);
    read = traffic(wb);
    grid = g;
    const json = JSON.stringify(g);
    gc();
    parseTimes.push((await timed(() => JSON.parse(json) as Grid))[1]);
  }
  if (!grid || !read) throw new Error('nothing read');

  const result = checkGrid(grid, checkOptionsFromSettings(defaultSettings(), 'zh', AS_OF));
  if (!result.ok) throw new Error(`the benchmark ledger should be recognised: ${result.message}`);
  const plan = planMarks(result.report, { markDone: defaultSettings().markDone });

  wb.resetCounters();
  await host.applyMarks(plan);
  const mark = traffic(wb);
  const rules = sheet.rules.length;
  // Marking again replaces the tool's rules: it first reads their formulas back.
  wb.resetCounters();
  await host.applyMarks(plan);
  const remark = traffic(wb);
  if (sheet.rules.length !== rules) throw new Error('marking twice should not stack rules');

  return {
    rows,
    cells: grid.cells.reduce((n, r) => n + r.length, 0),
    merges: grid.merges.length,
    read,
    mark,
    remark,
    rules,
    markGroups: plan.groups.map((g) => `${g.kind} ${g.areas.length}`).join(', '),
    readMs: median(readTimes),
    parseMs: median(parseTimes),
  };
}

const kb = (n: number) => (n < 10_240 ? `${Math.round(n)} B` : `${(n / 1024).toFixed(0)} KB`);

function line(label: string, t: Traffic): string {
  const per = (n: number) => (t.syncs > 0 ? kb(n / t.syncs) : '-');
  return [
    label.padEnd(17),
    String(t.syncs).padStart(6),
    kb(t.responseTotal).padStart(11),
    kb(t.responseMax).padStart(10),
    per(t.responseTotal).padStart(10),
    kb(t.requestTotal).padStart(10),
    per(t.requestTotal).padStart(10),
  ].join('  ');
}

export async function benchHost(): Promise<void> {
  console.log(
    '\n整改台账助手 benchmark — the add-in host on the in-memory Excel (src/testhost/fakeExcel.ts), ' +
      `${COLUMNS} columns, long Chinese text`,
  );
  console.log(
    'bytes: UTF-8 JSON per sync of the response (what loads carry) and of the request (values written, ' +
      'addresses, rules with formulas and colours)\n',
  );
  const results = [await benchSize(10_000, 5), await benchSize(50_000, 3)];
  for (const r of results) {
    console.log(
      `${r.rows.toLocaleString('en')} rows (${r.cells.toLocaleString('en')} cells, ${r.merges.toLocaleString(
        'en',
      )} merged areas)`,
    );
    console.log(
      `${''.padEnd(17)}  ${'syncs'.padStart(6)}  ${'response'.padStart(11)}  ${'largest'.padStart(
        10,
      )}  ${'per sync'.padStart(10)}  ${'request'.padStart(10)}  ${'per sync'.padStart(10)}`,
    );
    console.log(line('read', r.read));
    console.log(line(`mark (${r.rules} rules)`, r.mark));
    console.log(line('mark again', r.remark));
    console.log(`  marks planned: ${r.markGroups}`);
    console.log(
      `  read ${r.readMs.toFixed(0)} ms vs JSON.parse of the same grid ${r.parseMs.toFixed(0)} ms: ratio ${(
        r.readMs / r.parseMs
      ).toFixed(1)} (median of runs)`,
    );
    const largest = Math.max(r.read.responseMax, r.mark.responseMax, r.remark.responseMax);
    console.log(
      `  largest response ${(largest / RESPONSE_LIMIT).toFixed(2)} of the 5 MB limit: ${
        largest < RESPONSE_LIMIT ? 'under' : 'OVER'
      }\n`,
    );
  }
}

if (require.main === module) void benchHost();
