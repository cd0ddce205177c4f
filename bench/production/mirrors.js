// Where the pinned repositories live on this machine, and how to read one file or the whole tree
// at its commit. A mirror is any git directory (bare or a clone's .git) that has the commit:
// $FAULTLINE_MIRRORS/<owner>+<name>/repo (the layout the search tool's fetch writes), or
// $FAULTLINE_MIRRORS/<owner>+<name> itself. Default FAULTLINE_MIRRORS: /work/.mirror.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The repository's tree at the commit, materialised once under `into` (as
 * `<owner>+<name>@<commit12>`). Mirrors may lack
 * large blobs (a snapshot leaves out files of 4 MiB and more), so files are written one by one from
 * `git cat-file --batch`, skipping blobs of 1 MiB and more and blobs the mirror does not have.
 */
export function materialise(repo, commit, into) {
  const dir = path.join(into, `${repo.replace('/', '+')}@${commit.slice(0, 12)}`);
  const done = path.join(dir, '.faultline-materialised');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = gitDir(repo, commit);
  const tree = execFileSync('git', ['--git-dir', git, 'ls-tree', '-r', '-l', '-z', commit], {
    maxBuffer: 256 * 1024 * 1024,
  })
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const [meta, file] = line.split('\t');
      const [mode, type, sha, size] = meta.split(/\s+/);
      return { mode, type, sha, size: Number(size), file };
    })
    .filter(item => item.type === 'blob' && item.mode !== '120000' && item.size < 1024 * 1024);
  const BATCH = 2000;
  for (let start = 0; start < tree.length; start += BATCH) {
    const items = tree.slice(start, start + BATCH);
    const out = execFileSync('git', ['--git-dir', git, 'cat-file', '--batch'], {
      input: items.map(item => item.sha).join('\n') + '\n',
      maxBuffer: 1024 * 1024 * 1024,
    });
    let at = 0;
    for (const item of items) {
      const eol = out.indexOf(0x0a, at);
      const header = out.subarray(at, eol).toString('utf8');
      at = eol + 1;
      if (header.endsWith(' missing')) continue;
      const size = Number(header.split(' ')[2]);
      const target = path.join(dir, item.file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, out.subarray(at, at + size));
      at += size + 1;
    }
  }
  writeFileSync(done, `${repo} ${commit}\n`);
  return dir;
}
