// The production corpus's manifest and labels (bench/production): every pinned repository of every
// part has labels for the same commit and part, every label points at a selected file with a known
// category and a real line, and `npm run bench:production` crash-checks every part. Needs no
// mirror: the selection itself and the lint run are checked by `score.js --crash-check`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { CATEGORIES } from '../../bench/production/categories.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const HERE = path.join(ROOT, 'bench', 'production');

interface Entry {
  repo: string;
  commit: string;
  roots: string[];
  exclude?: string[];
  part: string;
  round?: number;
}
interface Label {
  path: string;
  line: number;
  category: string;
  why: string;
  also?: number[];
}
interface Labels {
  repo: string;
  commit: string;
  part: string;
  files: string[];
  hazards: Label[];
  negatives: Label[];
}

const manifest = JSON.parse(readFileSync(path.join(HERE, 'repos.json'), 'utf8')) as { repos: Entry[] };
const labelFile = (repo: string): string => path.join(HERE, 'labels', `${repo.replace('/', '+')}.json`);

describe('production corpus manifest and labels', () => {
  it('pins every repository once, by a full commit, with service roots', () => {
    const repos = manifest.repos.map(entry => entry.repo);
    expect(new Set(repos).size).toBe(repos.length);
    for (const entry of manifest.repos) {
      expect(entry.commit, entry.repo).toMatch(/^[0-9a-f]{40}$/);
      expect(entry.roots.length, entry.repo).toBeGreaterThan(0);
      for (const excluded of entry.exclude ?? [])
        expect(
          entry.roots.some(root => excluded.startsWith(`${root}/`)),
          `${entry.repo}: ${excluded} is under no root`,
        ).toBe(true);
    }
  });

  it('has the third to sixth held-out parts, added in rounds 3 to 6, beside the earlier parts', () => {
    const parts = new Set(manifest.repos.map(entry => entry.part));
    expect([...parts].sort()).toEqual([
      'dev',
      'heldout',
      'heldout2',
      'heldout3',
      'heldout4',
      'heldout5',
      'heldout6',
    ]);
    const third = manifest.repos.filter(entry => entry.part === 'heldout3');
    expect(third.length).toBeGreaterThanOrEqual(3);
    for (const entry of third) expect(entry.round, entry.repo).toBe(3);
    const fourth = manifest.repos.filter(entry => entry.part === 'heldout4');
    expect(fourth.length).toBeGreaterThanOrEqual(2);
    for (const entry of fourth) expect(entry.round, entry.repo).toBe(4);
    const fifth = manifest.repos.filter(entry => entry.part === 'heldout5');
    expect(fifth.length).toBeGreaterThanOrEqual(2);
    for (const entry of fifth) expect(entry.round, entry.repo).toBe(5);
    const sixth = manifest.repos.filter(entry => entry.part === 'heldout6');
    expect(sixth.length).toBeGreaterThanOrEqual(2);
    for (const entry of sixth) expect(entry.round, entry.repo).toBe(6);
  });

  it('labels every repository at its pinned commit and part, and nothing else', () => {
    for (const entry of manifest.repos) {
      const file = labelFile(entry.repo);
      expect(existsSync(file), `no labels for ${entry.repo}`).toBe(true);
      const labels = JSON.parse(readFileSync(file, 'utf8')) as Labels;
      expect([labels.repo, labels.commit, labels.part]).toEqual([entry.repo, entry.commit, entry.part]);
    }
    const labelled = readdirSync(path.join(HERE, 'labels')).sort();
    expect(labelled).toEqual(manifest.repos.map(entry => path.basename(labelFile(entry.repo))).sort());
  });

  it('has well-formed labels: selected files, known categories, real lines, a reason', () => {
    for (const entry of manifest.repos) {
      const labels = JSON.parse(readFileSync(labelFile(entry.repo), 'utf8')) as Labels;
      expect(new Set(labels.files).size, entry.repo).toBe(labels.files.length);
      const hazardKeys = new Set<string>();
      for (const label of [...labels.hazards, ...labels.negatives]) {
        const where = `${entry.repo} ${label.path}:${label.line}`;
        expect(labels.files, where).toContain(label.path);
        expect(Object.keys(CATEGORIES), where).toContain(label.category);
        expect(Number.isInteger(label.line) && label.line > 0, where).toBe(true);
        for (const line of label.also ?? []) expect(Number.isInteger(line) && line > 0, where).toBe(true);
        expect(label.why.trim().length, where).toBeGreaterThan(0);
      }
      for (const hazard of labels.hazards) {
        const key = `${hazard.path}:${hazard.line}:${hazard.category}`;
        expect(hazardKeys.has(key), `${entry.repo}: ${key} labelled twice`).toBe(false);
        hazardKeys.add(key);
      }
    }
  });

  it('crash-checks every part in npm run bench:production', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['bench:production']).toContain('bench/production/score.js --crash-check');
  });
});
