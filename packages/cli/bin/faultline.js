#!/usr/bin/env node
// The `faultline` command npm links. Committed (not built) so that npm can link it at install
// time, also in this repository's workspace before the first build; the CLI is dist/bin.js.
import fs from 'node:fs';
import module from 'node:module';

const cli = new URL('../dist/bin.js', import.meta.url);
if (!fs.existsSync(cli)) {
  process.stderr.write('faultline: the CLI is not built (dist/bin.js is missing). Run `npm run build`.\n');
  process.exit(1);
}
// Node 22.1+ caches compiled modules across runs, which shortens every start; older Node skips it.
module.enableCompileCache?.();
await import(cli.href);
