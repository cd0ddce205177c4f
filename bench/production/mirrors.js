// Where the pinned repositories live on this machine, and how to read one file or the whole tree
// at its commit. A mirror is any git directory (bare or a clone's .git) that has the commit:
// $FAULTLINE_MIRRORS/<owner>+<name>/repo (the layout the search tool's fetch writes), or
// $FAULTLINE_MIRRORS/<owner>+<name> itself. Default FAULTLINE_MIRRORS: /work/.mirror.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const base = process.env.FAULTLINE_MIRRORS ?? '/work/.mirror';

/** The git directory that holds `repo` (owner/name), or a clear error saying how to get one. */
export function gitDir(repo, commit) {
  const name = repo.replace('/', '+');
  for (const candidate of [
    path.join(base, name, 'repo'),
    path.join(base, name, '.git'),
    path.join(base, name),
  ]) {
    if (!existsSync(candidate)) continue;
    try {
      execFileSync('git', ['--git-dir', candidate, 'cat-file', '-e', `${commit}^{commit}`], {
        stdio: 'ignore',
      });
      return candidate;
    } catch {
      throw new Error(
        `${candidate} does not have commit ${commit} of ${repo}. Fetch that commit into it (see DEVELOPERS.md, "Production corpus").`,
      );
    }
  }
  throw new Error(
    `No mirror of ${repo} under ${base} (looked for ${name}/repo, ${name}/.git, ${name}). See DEVELOPERS.md, "Production corpus", or set FAULTLINE_MIRRORS.`,
  );
}

/** Runs git in the mirror and returns stdout as text. */
export function git(dir, args, options = {}) {
  return execFileSync('git', ['--git-dir', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    ...options,
  });
}
