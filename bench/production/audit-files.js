// Which files of an audited service the audits lint (audit.js re-scores them, order.js checks that
// their findings do not depend on file order): every file under the audit's roots with one of its
// extensions, less what the audits left out of a service (tests, fixtures, generated code, scripts,
// UI), sorted.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the audits left out of a service root: tests, fixtures, generated code, scripts, UI. */
export const EXCLUDE =
  /(^|\/)(__tests__|__mocks__|test|tests|testing|test-utils|testkit|e2e|fixtures?|mocks?|mock|generated|migrations?|seeds?|scripts|hooks|swr|components|node_modules)\/|\.(test|spec|e2e-spec|e2e|d|stories|mock)\.ts$|(^|\/)[^/]*(test-utils|\.generated)[^/]*\.ts$/;

/** `server/src (not server/src/analytics-script, …)` → the root and the folders it leaves out. */
function parseRoot(text) {
  const [folder] = text.split(' ');
  const excluded = [...text.matchAll(/\(not ([^,)\s]+)/g)].map(match => match[1]);
  return { folder, excluded };
}

/** A root with `*` segments (`packages/platform/<any>/src`) as the folders it names. */
function expand(dir, folder) {
  let found = [''];
  for (const segment of folder.split('/')) {
    found = found.flatMap(prefix => {
      if (segment !== '*') return [prefix ? `${prefix}/${segment}` : segment];
      return readdirSync(path.join(dir, prefix), { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => (prefix ? `${prefix}/${entry.name}` : entry.name));
    });
  }
  return found.filter(candidate => existsSync(path.join(dir, candidate)));
}

/** The source files under `rel` whose extension is one of `extensions` (`ts`, `js`, …). */
function walk(dir, rel, extensions) {
  const found = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    const child = `${rel}/${name}`;
    if (statSync(path.join(dir, child)).isDirectory()) found.push(...walk(dir, child, extensions));
    else if (extensions.some(extension => child.endsWith(`.${extension}`))) found.push(child);
  }
  return found;
}

/** The files an audit lints in the service materialised at `cwd`, relative to it, sorted. */
export function auditFiles(audit, cwd) {
  const files = audit.roots
    .map(parseRoot)
    .flatMap(({ folder, excluded }) =>
      expand(cwd, folder)
        .flatMap(each => walk(cwd, each, audit.extensions ?? ['ts']))
        .filter(file => !excluded.some(prefix => file.startsWith(`${prefix}/`))),
    )
    .filter(file => !EXCLUDE.test(file) && !/\.(test|spec)\.[cm]?js$/.test(file))
    .sort();
  // An empty list would make ESLint lint the whole tree: a root that names nothing is an error.
  if (files.length === 0)
    throw new Error(
      `${audit.repo}: its roots (${audit.roots.join(', ')}) hold no ${(audit.extensions ?? ['ts']).join('/')} file to lint. Fix the roots, or list the extensions the audit linted ("extensions": ["js", "ts"]).`,
    );
  return files;
}
