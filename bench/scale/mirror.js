// Materialises a pinned commit of a production repository from its local mirror (the search
// tool's `fetch` puts mirrors under /work/.mirror/<owner>+<name>/repo; FAULTLINE_MIRRORS moves
// it) into a git-ignored folder, at run time. The sources are never committed: the benchmarks
// keep repository and commit only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The production repositories the benchmarks lint, pinned. Not among the reserved ones. */
export const REPOSITORIES = {
  novu: {
    repo: 'novuhq/novu',
    commit: '74a2e9a6a295cd5a17aa9806914b4574fecce737',
    what: 'notification infrastructure: NestJS API, workers, SDKs (pnpm monorepo)',
  },
};

/**
 * The folder holding `repo` at `commit`, extracted once into `workDir/<name>-<commit>`.
 * Throws with what to do when the mirror is missing.
 */
export function materialise(name, workDir) {
  const { repo, commit } = REPOSITORIES[name];
  const into = path.join(workDir, `${name}-${commit.slice(0, 12)}`);
  const done = path.join(into, '.faultline-materialised');
  if (fs.existsSync(done)) return into;
  const mirrors = process.env.FAULTLINE_MIRRORS ?? '/work/.mirror';
  const gitDir = path.join(mirrors, repo.replace('/', '+'), 'repo');
  if (!fs.existsSync(gitDir))
    throw new Error(
      `no mirror of ${repo} at ${gitDir}: fetch it with the search tool's fetch (github:${repo}), or set FAULTLINE_MIRRORS`,
    );
  fs.rmSync(into, { recursive: true, force: true });
  fs.mkdirSync(into, { recursive: true });
  const archive = execFileSync('git', ['--git-dir', gitDir, 'archive', commit], {
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', into], { input: archive, maxBuffer: 1 << 30 });
  fs.writeFileSync(done, `${repo}@${commit}\n`);
  return into;
}
