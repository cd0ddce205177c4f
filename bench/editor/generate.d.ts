/** Writes the deterministic benchmark project into `dir` (emptied first); returns its source files. */
export function generateProject(dir: string, count?: number): string[];
