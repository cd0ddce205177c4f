// The real-code corpus: JavaScript and TypeScript files under the repository's node_modules,
// code nobody here wrote. Used by the crash test and by the cost benchmark.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts']);

/** Every corpus file under `root`/node_modules, sorted, skipping huge bundles (> maxBytes). */
export function listCorpus(root: string, maxBytes = 400_000): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry);
      let stats;
      try {
        stats = statSync(full);
      } catch {
        continue;
      }
      if (stats.isDirectory()) walk(full);
      else if (EXTENSIONS.has(path.extname(entry)) && stats.size <= maxBytes && stats.size > 0)
        files.push(full);
    }
  };
  walk(path.join(root, 'node_modules'));
  return files.sort();
}

/** A deterministic, evenly spread sample of at most `size` files. */
export function sampleCorpus(files: readonly string[], size: number): string[] {
  if (files.length <= size) return [...files];
  const step = files.length / size;
  const sample: string[] = [];
  for (let i = 0; i < size; i++) sample.push(files[Math.floor(i * step)] as string);
  return sample;
}
