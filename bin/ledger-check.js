#!/usr/bin/env node
// Runs the TypeScript command directly through tsx, so the CLI needs no build step.
require('tsx/cjs');
require('../src/cli/ledger-check.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
