#!/usr/bin/env node
// The documented, deterministic file selection for the production corpus (README.md, "Selection").
// For each repository: TypeScript files under its roots (no tests, mocks, fixtures, declarations,
// generated code, browser hooks), 40–300 lines, whose text matches an outbound-call / retry / lock / fan-out
// pattern; ordered by sha256("<repo>:<path>"); the first `sample` are labelled. The order does not
// depend on anything the rules say. Usage: node bench/production/select.js [--repo owner/name]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { git, gitDir } from './mirrors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(here, 'repos.json'), 'utf8'));

export const PATTERN = String.raw`fetch\(|axios|got\(|\.request\(|new [A-Z][A-Za-z]*Client\(|\$queryRaw|\$executeRaw|new Redis|ioredis|Promise\.all(Settled)?\(|[Rr]etr(y|ies)|setTimeout\(|[Ll]ock\(|Redlock|AbortSignal|AbortController|bullmq|Queue\(`;
// Tests and test helpers, declarations, generated code, and browser-side code (React hooks, SWR).
const EXCLUDE =
  /(^|\/)(__tests__|__mocks__|test|tests|testing|e2e|fixtures?|mocks?|generated|migrations|hooks|swr|components)\/|\.(test|spec|e2e-spec|e2e-ee|e2e|d)\.ts$|\.stories\.ts$|(^|\/)use-[^/]*\.ts$/;

/** The selected files of one manifest entry: [{ path, lines }]. */
// Second stage, stratified by category: the general sample holds few retries, signals and locks,
// so for each of these one more file is drawn the same way from the files that match its pattern
// (40–200 lines, not already drawn).
// The word patterns drew few signals in scope, so a last stratum takes up to three files that
// declare one (a parameter or field typed AbortSignal), up to 300 lines.
export const STRATA = {
  retry: { pattern: String.raw`[Rr]etr(y|ies)|attempt|[Bb]ackoff`, maxLines: 200 },
  signal: { pattern: String.raw`signal|AbortController|AbortSignal`, maxLines: 200 },
  coordination: { pattern: String.raw`[Ll]ock|[Mm]utex|[Ll]eader|[Ss]emaphore`, maxLines: 200 },
  signalScope: { pattern: String.raw`signal\??: AbortSignal`, maxLines: 300, count: 3 },
  // Second round (entries with "round": 2): signalScope drew no file in any of its repositories, so
  // up to three files are drawn that have a signal in scope (an AbortSignal or AbortController, or a
  // `signal` word) AND make an outbound call, up to 300 lines. Earlier entries keep their selection.
  signalCall: {
    pattern: [
      String.raw`AbortSignal|AbortController|[^A-Za-z]signal[^A-Za-z]`,
      String.raw`fetch\(|axios|got\(|\.request\(|new [A-Z][A-Za-z]*Client\(`,
    ],
    maxLines: 300,
    count: 3,
    round: 2,
  },
};

// The path below the root that holds it: the exclusions judge the folders inside the service code,
// not the root's own name (Flowise's server-side nodes live under packages/components). No root of
// the first two rounds names an excluded folder, so their selection is unchanged.
function underRoot(entry, file) {
  const root = entry.roots.find(each => file.startsWith(`${each}/`));
  return root ? file.slice(root.length + 1) : file;
}

// A pattern, or a list of patterns that a file must all match.
function grepFiles(dir, entry, pattern) {
  const patterns = Array.isArray(pattern) ? pattern : [pattern];
  try {
    return git(dir, [
      'grep',
      '-l',
      '-E',
      ...(patterns.length > 1 ? ['--all-match'] : []),
      ...patterns.flatMap(each => ['-e', each]),
      entry.commit,
      '--',
      ...entry.roots.map(root => `${root}/*.ts`),
      // Paths under a root that are not service code (a dev harness, an ad hoc script).
      ...(entry.exclude ?? []).map(excluded => `:(exclude)${excluded}`),
    ])
      .split('\n')
      .filter(Boolean)
      .map(hit => hit.slice(entry.commit.length + 1))
      .filter(file => !EXCLUDE.test(underRoot(entry, file)));
  } catch (error) {
    if (error.status === 1) return []; // no match
    throw error;
  }
}

function ordered(dir, entry, files, maxLines) {
  const out = [];
  for (const file of files) {
    const lines = git(dir, ['show', `${entry.commit}:${file}`]).split('\n').length;
    if (lines < 40 || lines > maxLines) continue;
    out.push({ path: file, lines, key: createHash('sha256').update(`${entry.repo}:${file}`).digest('hex') });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

export function select(entry, sample = manifest.sample) {
  const dir = gitDir(entry.repo, entry.commit);
  const candidates = ordered(dir, entry, grepFiles(dir, entry, PATTERN), 300);
  const files = candidates
    .slice(0, sample)
    .map(({ path: p, lines }) => ({ path: p, lines, stratum: 'general' }));
  for (const [stratum, { pattern, maxLines, count = 1, round = 1 }] of Object.entries(STRATA)) {
    if ((entry.round ?? 1) < round) continue;
    const taken = new Set(files.map(file => file.path));
    const picks = ordered(dir, entry, grepFiles(dir, entry, pattern), maxLines)
      .filter(file => !taken.has(file.path))
      .slice(0, count);
    for (const pick of picks) files.push({ path: pick.path, lines: pick.lines, stratum });
  }
  return { candidates: candidates.length, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.includes('--repo') ? process.argv[process.argv.indexOf('--repo') + 1] : undefined;
  for (const entry of manifest.repos.filter(e => !only || e.repo === only)) {
    const { candidates, files } = select(entry);
    console.log(`${entry.repo} @ ${entry.commit.slice(0, 12)} (${entry.part}): ${candidates} candidates`);
    for (const file of files) console.log(`  ${file.path} (${file.lines} lines, ${file.stratum})`);
  }
}
