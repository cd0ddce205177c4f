#!/usr/bin/env node
// `changeset status` for CI and `npm test`: every package changed since the base branch needs a
// changeset (`npm run changeset`). Changesets diffs against the merge base with `main`, which a
// fresh clone of main has; a CI checkout of a pull request often has only `origin/main`, and a
// shallow one has neither: then this says how to fetch it instead of failing on a git error.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const base = ['main', 'origin/main'].find(
  ref =>
    spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root }).status === 0,
);
if (!base) {
  process.stderr.write(
    'changeset status: neither `main` nor `origin/main` is in this clone, so there is nothing to compare ' +
      'with. Fetch it (`git fetch origin main`, with `fetch-depth: 0` in actions/checkout) and rerun.\n',
  );
  process.exit(1);
}
// A shallow clone may hold main without the merge base: say so rather than compare wrongly.
const mergeBase = spawnSync('git', ['merge-base', base, 'HEAD'], { cwd: root });
if (mergeBase.status !== 0) {
  process.stderr.write(
    `changeset status: HEAD and ${base} share no commit in this clone (a shallow clone?). ` +
      'Fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0`) and rerun.\n',
  );
  process.exit(1);
}
const bin = path.join(root, 'node_modules/@changesets/cli/bin.js');
try {
  execFileSync(process.execPath, [bin, 'status', `--since=${base}`], { cwd: root, stdio: 'inherit' });
} catch {
  process.stderr.write('Add one with `npm run changeset` (or `npx changeset --empty` for no release).\n');
  process.exit(1);
}
