#!/usr/bin/env -S node --max-semi-space-size=2 --v8-pool-size=0
// Runs the compiled command in build/ (npm run build:cli, which npm runs at install as `prepare`):
// plain JavaScript, no compiler at run time. --help is answered without loading the engine.
// The shebang passes two flags Node documents. --max-semi-space-size=2 (MiB): V8's young generation
// stays small instead of growing to 16 MiB semi-spaces that a check mostly fills with short-lived
// garbage. --v8-pool-size=0: V8's background threads (compiler, collector) sized to the machine's
// parallelism, not Node's fixed four, which on a two-core machine contend with the command itself
// (10k rows: CPU -9%, peak memory -20%; README "The command's Node flags").
// `env -S` splits the line: GNU coreutils 8.30 (2018) on, macOS, FreeBSD; npm's Windows shims read
// it too (tests/cli/launcher.test.ts). Where env lacks -S, `node bin/ledger-check.js` runs the same
// command with Node's default young generation. The npm scripts pass the same flags (the test
// keeps them equal).
'use strict';
const args = process.argv.slice(2);
const end = args.indexOf('--');
const options = end < 0 ? args : args.slice(0, end);
let command;
try {
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(require('../build/cli/usage.js').LEDGER_CHECK_USAGE + '\n');
    return;
  }
  command = require('../build/cli/ledger-check.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /build[\\/]cli/.test(String(e.message))) {
    process.stderr.write('命令尚未编译：请在项目文件夹中运行 npm run build:cli 后再试。\n');
    process.exit(2);
  }
  throw e;
}
command.main(args).then((code) => {
  process.exitCode = code;
});
