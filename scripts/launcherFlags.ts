/**
 * The Node flags a launcher in bin/ passes through its shebang (`#!/usr/bin/env -S node FLAGS`), so
 * the bench measures the command with the settings a clerk's run gets, and the launcher test keeps
 * the npm scripts on the same flags. Written once here; the shebang itself is the only copy of them.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const SHEBANG = /^#!\/usr\/bin\/env -S node((?: --[a-z0-9-]+=[0-9]+)*)$/;

export function launcherFlags(bin: 'ledger-check' | 'ledger-import' = 'ledger-check'): string[] {
  const first = readFileSync(join(__dirname, '..', 'bin', `${bin}.js`), 'utf8').split('\n')[0];
  const match = SHEBANG.exec(first);
  if (!match) throw new Error(`bin/${bin}.js: unexpected shebang ${first}`);
  return match[1].split(' ').filter(Boolean);
}
