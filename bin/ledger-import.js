#!/usr/bin/env -S node --max-semi-space-size=2 --v8-pool-size=0
// Runs the compiled command in build/ (npm run build:cli, which npm runs at install as `prepare`):
// plain JavaScript, no compiler at run time.
// The shebang's Node flags are bin/ledger-check.js's, explained there.
'use strict';
let command;
try {
  command = require('../build/cli/ledger-import.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /build[\\/]cli/.test(String(e.message))) {
    process.stderr.write('命令尚未编译：请在项目文件夹中运行 npm run build:cli 后再试。\n');
    process.exit(2);
  }
  throw e;
}
command.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
