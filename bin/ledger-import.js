#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's CommonJS hook (tsx 4: the "tsx/cjs" export).
require('tsx/cjs');
require('../src/cli/ledger-import.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
