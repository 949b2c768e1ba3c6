#!/usr/bin/env node
// Runs the compiled command in build/ (npm run build:cli, which npm runs at install as `prepare`):
// plain JavaScript, no compiler at run time. --help is answered without loading the engine.
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
