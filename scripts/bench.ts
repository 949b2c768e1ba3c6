/**
 * npm run bench: judges generated ledgers of 1k, 10k and 100k rows × 12 columns and prints, per
 * size, rows per second, memory, and the ratio of the engine's time to the time of merely
 * JSON.parse-ing the same grid, measured in the same run (machines here are shared and noisy, so
 * ratios mean more than seconds). Each figure is the median of several runs.
 */
import { checkGrid } from '../src/core/check';
import { isoToSerial } from '../src/core/calendar';
import { FIELD_LABELS } from '../src/core/messages';
import { DEFAULT_REQUIRED, FIELDS, type Cell, type Grid, type MergedArea } from '../src/core/types';
import { benchFiles } from './bench-files';
import { benchHost } from './bench-host';

const HEADERS = FIELDS.map((f) => FIELD_LABELS[f].zh);
const DEPARTMENTS = [
  '办公室',
  '财务股',
  '政策法规与审批股、道路运输管理股',
  '执法大队',
  '局属各单位、机关各股室',
  '',
];
const STATUSES = [
  '已完成',
  '正在推进,已完成工程量的75%',
  '尚未完成',
  '长期坚持',
  '未启动',
  '已于2025年12月13日全部整改完毕',
  '待定',
];
const DEADLINE_TEXT = [
  '2026年6月30日',
  '2026.11.25',
  '6月底前',
  '2026年下半年',
  '长期坚持',
  '立行立改',
  '2026年2月30日',
  '第三季度',
];

const t = (value: string): Cell => ({ type: 'text', value });
const EMPTY: Cell = { type: 'empty', value: null };

/** A ledger with a merged title, a header, problems merged over pairs of measures and mixed dates. */
export function makeLedger(rows: number): Grid {
  const cells: Cell[][] = [[t('X市交通运输局整改落实台账')], HEADERS.map(t)];
  const merges: MergedArea[] = [{ top: 1, left: 1, bottom: 1, right: 12 }];
  for (let i = 0; i < rows; i++) {
    const sheetRow = i + 3;
    const first = i % 2 === 0;
    if (first && i + 1 < rows) merges.push({ top: sheetRow, left: 3, bottom: sheetRow + 1, right: 3 });
    const deadline: Cell =
      i % 3 === 0
        ? { type: 'number', value: isoToSerial('2026-01-01') + (i % 700), format: 'yyyy/m/d' }
        : t(DEADLINE_TEXT[i % DEADLINE_TEXT.length]);
    cells.push([
      { type: 'number', value: i + 1, format: 'General' },
      t(`第${(i % 7) + 1}类问题`),
      first ? t(`存在问题${i}：政策落实不到位，服务意识不强，存在“等靠要”思想。`) : EMPTY,
      t(`整改措施${i}：制定印发工作方案，细化责任清单，明确目标任务，协同配合推进。`),
      t(DEPARTMENTS[i % DEPARTMENTS.length]),
      t(i % 4 === 0 ? '财务股' : ''),
      t(i % 5 === 0 ? '' : '张三'),
      deadline,
      t(STATUSES[i % STATUSES.length]),
      i % 7 === 0
        ? { type: 'number', value: isoToSerial('2026-03-01'), format: 'yyyy"年"m"月"d"日"' }
        : EMPTY,
      t(i % 3 === 0 ? '会议纪要、制度文件' : ''),
      EMPTY,
    ]);
  }
  return { sheet: '台账', firstRow: 1, firstColumn: 1, cells, merges, dateSystem: 1900 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function benchSize(rows: number, runs: number) {
  const json = JSON.stringify(makeLedger(rows));
  const options = {
    asOf: '2026-11-21',
    dueSoonDays: 7,
    required: [...DEFAULT_REQUIRED],
    lang: 'zh' as const,
  };
  const parseTimes: number[] = [];
  const engineTimes: number[] = [];
  let heapGrowth = 0;
  for (let i = 0; i < runs; i++) {
    let grid: Grid | undefined;
    parseTimes.push(time(() => (grid = JSON.parse(json) as Grid)));
    gc();
    const before = process.memoryUsage().heapUsed;
    let findings = 0;
    engineTimes.push(
      time(() => {
        const result = checkGrid(grid!, options);
        findings = result.ok ? result.report.findings.length : 0;
      }),
    );
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - before);
    if (findings === 0) throw new Error('the benchmark ledger should have findings');
  }
  const parseMs = median(parseTimes);
  const engineMs = median(engineTimes);
  return {
    rows,
    parseMs,
    engineMs,
    ratio: engineMs / parseMs,
    rowsPerSecond: rows / (engineMs / 1000),
    heapGrowth,
  };
}

async function main() {
  await benchFiles();
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  console.log('整改台账助手 benchmark — engine (checkGrid) vs JSON.parse of the same grid, median of runs\n');
  console.log('rows      engine ms   JSON.parse ms   ratio   rows/s       heap growth');
  const results = [benchSize(1_000, 15), benchSize(10_000, 9), benchSize(100_000, 5)];
  for (const r of results) {
    console.log(
      `${String(r.rows).padEnd(9)} ${r.engineMs.toFixed(1).padStart(9)}   ${r.parseMs.toFixed(1).padStart(13)}   ${r.ratio
        .toFixed(2)
        .padStart(
          5,
        )}   ${Math.round(r.rowsPerSecond).toLocaleString('en').padStart(10)}   ${mb(r.heapGrowth).padStart(11)}`,
    );
  }
  console.log(`\npeak RSS of this process: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  const big = results[2];
  console.log(
    `targets: 100k rows under 1 s: ${big.engineMs < 1000 ? 'yes' : 'NO'} (${big.engineMs.toFixed(0)} ms); ratio ≤ 3: ${
      big.ratio <= 3 ? 'yes' : 'NO'
    } (${big.ratio.toFixed(2)})`,
  );
  await benchHost();
}

if (require.main === module) void main();
