// Runs the built plugin through real linters (ESLint 10, ESLint 9, oxlint) and normalises their
// findings so tests can compare engines with each other and with expectations.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PLUGIN_DIST = path.join(ROOT, 'rules/dist/index.js');

export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

export type RuleLevels = Record<string, 'error' | ['error', ...unknown[]]>;

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

type EslintModule = {
  ESLint: new (options: Record<string, unknown>) => {
    lintFiles(patterns: string[]): Promise<
      {
        filePath: string;
        messages: { line: number; column: number; ruleId: string | null; message: string; fatal?: boolean }[];
      }[]
    >;
  };
};

/** Lints files (absolute paths under `cwd`) with ESLint 10 (`eslint`) or ESLint 9 (`eslint9`). */
export async function lintWithEslint(
  engine: 'eslint' | 'eslint9',
  cwd: string,
  files: string[],
  rules: RuleLevels,
  settings: Record<string, unknown> = {},
): Promise<Finding[]> {
  const { ESLint } = (await import(engine)) as EslintModule;
  const plugin = (await import(PLUGIN_DIST)).default;
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'],
        plugins: { faultline: plugin },
        settings: { faultline: settings },
        rules,
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      { files: ['**/*.{js,mjs}'], languageOptions: { sourceType: 'module' } },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      {
        files: ['**/*.{ts,tsx,mts,cts}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      },
    ],
  });
  const results = await eslint.lintFiles(files);
  const findings: Finding[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) throw new Error(`${engine} could not parse ${result.filePath}: ${message.message}`);
      findings.push({
        file: path.relative(cwd, result.filePath),
        line: message.line,
        column: message.column,
        rule: message.ruleId ?? '',
        message: message.message,
      });
    }
  }
  return sortFindings(findings);
}

/** Lints files with oxlint, loading the same plugin through `jsPlugins`. */
export async function lintWithOxlint(
  cwd: string,
  files: string[],
  rules: RuleLevels,
  settings: Record<string, unknown> = {},
): Promise<Finding[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'faultline-oxlint-'));
  try {
    const config = path.join(dir, '.oxlintrc.json');
    await writeFile(
      config,
      JSON.stringify({
        categories: { correctness: 'off' },
        plugins: [],
        jsPlugins: [{ name: 'faultline', specifier: PLUGIN_DIST }],
        settings: { faultline: settings },
        rules,
      }),
    );
    const bin = path.join(ROOT, 'node_modules/oxlint/bin/oxlint');
    const { stdout } = await run(process.execPath, [bin, '-c', config, '--format', 'json', ...files], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
      // oxlint exits 1 when it finds problems; anything else is a real failure.
      if (error.code === 1 && error.stdout) return { stdout: error.stdout };
      throw new Error(`oxlint failed: ${error.stderr ?? String(error)}`);
    });
    const report = JSON.parse(stdout) as {
      diagnostics: {
        message: string;
        code: string;
        filename: string;
        labels: { span: { line: number; column: number } }[];
      }[];
    };
    return sortFindings(
      report.diagnostics.map(diagnostic => {
        const match = /^([^(]+)\((.+)\)$/.exec(diagnostic.code);
        const span = diagnostic.labels[0]?.span;
        return {
          file: path.relative(cwd, path.resolve(cwd, diagnostic.filename)),
          line: span?.line ?? 0,
          column: span?.column ?? 0,
          rule: match ? `${match[1]}/${match[2]}` : diagnostic.code,
          message: diagnostic.message,
        };
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
