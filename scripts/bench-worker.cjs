/**
 * One measurement in a fresh process, for scripts/bench-files.ts (npm run bench). Plain JavaScript
 * on the compiled command in build/ (what the bins run), so nothing is compiled while measuring.
 *
 *   node --expose-gc scripts/bench-worker.cjs RESULT.json check ARGS…  the real ledger-check main,
 *       its stdout wherever the parent points it (/dev/null in the bench); CPU ms from after the
 *       modules are loaded to the end, and the peak RSS growth over the RSS at the start
 *   node --expose-gc scripts/bench-worker.cjs RESULT.json floor FILE.xlsx    the floor: inflate the
 *       sheet part and one saxes pass over it; the first pass (cold, as the command runs once per
 *       process) and the lowest of three more (warm)
 *
 * Neither the command nor the floor's first pass is preceded by a forced full collection: V8 sets
 * its next collection's limit from the heap that collection leaves, so a forced one makes the run
 * collect earlier and more often than a clerk's process, which starts with V8's own limit. With
 * it, a 10k-row check did a full collection that the real command does not, and loading less at
 * start-up (zod, 3 MB) showed as 9 ms slower here while the real command did the same collections.
 */
'use strict';
const { readFileSync, writeFileSync } = require('fs');
const { join } = require('path');
const { inflateRawSync } = require('zlib');

const [resultFile, mode, ...rest] = process.argv.slice(2);
const build = join(__dirname, '..', 'build');

/** CPU time (user + system) of this process in ms: every step is synchronous on one thread. */
function cpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function sheetPart(bytes) {
  const { listZipEntries, rawEntry } = require(join(build, 'workbook', 'zip.js'));
  return rawEntry(bytes, listZipEntries(bytes).get('xl/worksheets/sheet1.xml'));
}

function floor(file) {
  const { SaxesParser } = require('saxes');
  const raw = sheetPart(readFileSync(file));
  const pass = (collect) => {
    if (collect) global.gc();
    const t = cpu();
    const xml = inflateRawSync(raw).toString('utf8');
    new SaxesParser().write(xml).close();
    return { ms: cpu() - t, sheetBytes: Buffer.byteLength(xml) };
  };
  const cold = pass(false);
  const warm = Math.min(pass(true).ms, pass(true).ms, pass(true).ms);
  return { cold: cold.ms, warm, sheetBytes: cold.sheetBytes };
}

async function command(args) {
  const { main } = require(join(build, 'cli', 'ledger-check.js'));
  const base = process.memoryUsage().rss;
  const t = cpu();
  const exitCode = await main(args);
  const ms = cpu() - t;
  if (exitCode === 2) throw new Error(`ledger-check ${args.join(' ')} failed (exit 2)`);
  const peak = Math.max(process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return { ms, growth: peak - base, exitCode };
}

(async () => {
  const result = mode === 'floor' ? floor(rest[0]) : await command(rest);
  writeFileSync(resultFile, JSON.stringify(result));
})();
