// PACKED INSTALL (needs the npm registry; about 1–3 minutes, most of it `npm install`).
//
// A new user's first hour, from the packed tarballs: packs every publishable workspace with
// `npm pack`, copies examples/ (a monorepo, no .git) into a temp folder outside the repository,
// then runs the READMEs' commands verbatim: every `npm i …` line of README.md and the packages'
// READMEs, the `eslint.config.ts` and `.oxlintrc.json` of README.md, and every `npx …` line of
// README.md and the CLI's README (lint, SARIF, oxlint, analyze). It type-checks the README's
// `eslint.config.ts` with each of our configs and every TypeScript example of the packages'
// READMEs against the installed packages.
//
// Only two substitutions are made, as publishing would make them unnecessary:
// - `@faultline/<name>` becomes the path of its tarball, plus the tarballs of the @faultline
//   packages it depends on (npm would fetch those from the registry once they are published);
// - every other package is pinned to the version this repository's package-lock.json installs
//   (ESLint, typescript-eslint, TypeScript 6.0, jiti, oxlint, the SARIF formatter…), so the
//   test is deterministic and moves only when the lockfile does.
// npm settings (no audit, no fund, no update notice) go through the environment, not the command.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READMES = [
  'README.md',
  'rules/README.md',
  'packages/cli/README.md',
  'packages/core/README.md',
  'packages/runtime/README.md',
];
/** READMEs whose `npx` lines run here (the plugin's README repeats the root's `npx eslint .`). */
const COMMAND_READMES = ['README.md', 'rules/README.md', 'packages/cli/README.md'];

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}
interface Block {
  lang: string;
  text: string;
}
interface Result {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

function codeBlocks(file: string): Block[] {
  const markdown = fs.readFileSync(path.join(root, file), 'utf8');
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map(match => ({
    lang: match[1] as string,
    text: match[2] as string,
  }));
}

function shellLines(file: string): string[] {
  return codeBlocks(file)
    .filter(block => block.lang === 'sh')
    .flatMap(block => block.text.split('\n'))
    .map(line => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

// Child processes get a clean npm environment: nothing of the `npm test` that runs this file.
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
  NO_COLOR: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

async function sh(command: string, cwd: string): Promise<Result> {
  try {
    const { stdout, stderr } = await run('sh', ['-c', command], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { command, code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { command, code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const workspaces = readJson<{ workspaces: string[] }>(path.join(root, 'package.json'))
  .workspaces.map(dir => readJson<Manifest>(path.join(root, dir, 'package.json')))
  .filter(manifest => manifest.private !== true);
const ours = new Map(workspaces.map(manifest => [manifest.name, manifest]));

let base: string;
let project: string;
const tarballs = new Map<string, string>();
const results: Result[] = [];

/** `name` and its @faultline dependencies, transitively, as tarball paths. */
function tarballClosure(name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const manifest = ours.get(name);
  const tarball = tarballs.get(name);
  if (!manifest || !tarball)
    throw new Error(`the README installs ${name}, which is not a workspace of this repository`);
  const deps = Object.keys(manifest.dependencies ?? {}).filter(dep => ours.has(dep));
  return [tarball, ...deps.flatMap(dep => tarballClosure(dep, seen))];
}

/** A README `npm i` line with our packages as tarballs and the others pinned to the lockfile's versions. */
function substitute(line: string): string {
  const words = line.split(/\s+/);
  const out: string[] = [];
  for (const word of words.slice(2)) {
    if (word.startsWith('-')) {
      out.push(word);
      continue;
    }
    const at = word.indexOf('@', 1);
    const name = at === -1 ? word : word.slice(0, at);
    const range = at === -1 ? undefined : word.slice(at + 1);
    if (name.startsWith('@faultline/')) {
      out.push(...tarballClosure(name));
      continue;
    }
    const installed = path.join(root, 'node_modules', name, 'package.json');
    if (!fs.existsSync(installed))
      throw new Error(
        `the README installs ${name}; add it to the root devDependencies so this test can pin it`,
      );
    const { version } = readJson<Manifest>(installed);
    // The README's own range must hold the pinned version (`typescript@~6.0` and 6.0.x).
    if (range?.startsWith('~'))
      expect(version.startsWith(`${range.slice(1)}.`), `${word} vs ${version}`).toBe(true);
    out.push(`${name}@${version}`);
  }
  return [...words.slice(0, 2), ...[...new Set(out)]].join(' ');
}

function output(command: string): Result {
  const found = results.find(result => result.command === command);
  if (!found) throw new Error(`${command} did not run`);
  return found;
}

const readmeLines = (files: string[], prefix: string): string[] => [
  ...new Set(files.flatMap(shellLines).filter(line => line.startsWith(prefix))),
];
const installLines = readmeLines(READMES, 'npm i ');
const npxLines = readmeLines(COMMAND_READMES, 'npx ');
const eslintConfig = codeBlocks('README.md').find(
  block => block.lang === 'ts' && block.text.startsWith('// eslint.config.ts'),
)?.text;
const oxlintrc = codeBlocks('README.md').find(
  block => block.lang === 'json' && block.text.includes('"jsPlugins"'),
)?.text;

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'packages/cli/dist/bin.js')))
    throw new Error('build first: npm run build');
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-packed-')));
  const packs = path.join(base, 'tarballs');
  fs.mkdirSync(packs);
  const args = [
    'pack',
    '--json',
    '--pack-destination',
    packs,
    ...workspaces.flatMap(m => ['--workspace', m.name]),
  ];
  const { stdout } = await run('npm', args, { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
  for (const packed of JSON.parse(stdout) as { name: string; filename: string }[])
    tarballs.set(packed.name, path.join(packs, packed.filename));

  // The user's project: the example monorepo, with a version of its own (which `faultline
  // --version` must not print) and without the repository's eslint.config.js.
  project = path.join(base, 'acme-shop');
  fs.cpSync(path.join(root, 'examples'), project, {
    recursive: true,
    filter: source => !/[\\/](node_modules|eslint\.config\.js)$/.test(source),
  });
  const manifest = readJson<Record<string, unknown>>(path.join(project, 'package.json'));
  fs.writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({ ...manifest, version: '1.0.0' }, null, 2)}\n`,
  );

  for (const line of installLines) {
    const result = await sh(substitute(line), project);
    expect(result.code, `${line}\n${result.stderr}`).toBe(0);
  }
  if (eslintConfig) fs.writeFileSync(path.join(project, 'eslint.config.ts'), eslintConfig);
  if (oxlintrc) fs.writeFileSync(path.join(project, '.oxlintrc.json'), oxlintrc);
  for (const line of npxLines) results.push(await sh(line, project));
}, 900_000);

afterAll(() => {
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

describe('the packed packages, installed and used as the READMEs say', { timeout: 120_000 }, () => {
  it('finds the commands and configs it runs in the READMEs', () => {
    expect(installLines.some(line => line.includes('@faultline/eslint-plugin'))).toBe(true);
    expect(installLines.some(line => line.includes('@faultline/cli'))).toBe(true);
    expect(npxLines.some(line => line.startsWith('npx eslint'))).toBe(true);
    expect(npxLines.some(line => line.includes('--format @microsoft/eslint-formatter-sarif'))).toBe(true);
    expect(npxLines).toContain('npx oxlint');
    expect(npxLines.some(line => line.startsWith('npx faultline analyze'))).toBe(true);
    expect(eslintConfig).toContain('defineConfig');
    expect(oxlintrc).toContain('@faultline/eslint-plugin');
  });

  it('type-checks the README eslint.config.ts with each config, and the packages’ TypeScript examples', async () => {
    const files: string[] = [];
    for (const config of ['recommended', 'strict', 'all']) {
      const file = `eslint.config.${config}.ts`;
      fs.writeFileSync(
        path.join(project, file),
        (eslintConfig as string).replace('faultline.configs.recommended', `faultline.configs.${config}`),
      );
      files.push(file);
    }
    for (const readme of READMES.slice(1)) {
      codeBlocks(readme)
        .filter(block => block.lang === 'ts')
        .forEach((block, index) => {
          const file = `readme-${path.basename(path.dirname(readme))}-${index}.ts`;
          fs.writeFileSync(path.join(project, file), block.text);
          files.push(file);
        });
    }
    fs.writeFileSync(
      path.join(project, 'tsconfig.readme.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files,
      }),
    );
    const result = await sh('npx tsc -p tsconfig.readme.json', project);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('lints with the README commands: findings, a SARIF file, no crash', () => {
    for (const line of npxLines.filter(command => command.startsWith('npx eslint'))) {
      const result = output(line);
      expect(result.code, `${line}\n${result.stderr}`).toBe(1);
      expect(result.stderr).not.toMatch(/Oops|^\s+at /m);
    }
    expect(output('npx eslint . --max-warnings 0').stdout).toMatch(/error .* faultline\/require-timeout/);
    const sarif = readJson<{ runs: { results: { ruleId: string }[] }[] }>(
      path.join(project, 'faultline.sarif'),
    );
    const rules = new Set(sarif.runs.flatMap(runResult => runResult.results.map(result => result.ruleId)));
    expect([...rules].filter(rule => rule.startsWith('faultline/')).length).toBeGreaterThan(1);
  });

  it('lints with oxlint from the README .oxlintrc.json', () => {
    const result = output('npx oxlint');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/faultline\(require-timeout\)/);
  });

  it('analyses the shared library, rooted at the workspace root, with JSON valid against the shipped schema', () => {
    for (const line of npxLines.filter(command => command.startsWith('npx faultline analyze'))) {
      const result = output(line);
      expect([0, 1], `${line}\n${result.stderr}`).toContain(result.code);
      expect(result.stderr).toBe('');
    }
    const json = npxLines.find(line => line.startsWith('npx faultline analyze') && line.endsWith('--json'));
    const report = JSON.parse(output(json as string).stdout) as { library: { root: string } };
    const schemaPath = path.join(project, 'node_modules/@faultline/cli/schema/analyze-report.schema.json');
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(readJson<object>(schemaPath));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.library.root).toBe('packages/shared');
    expect(fs.readFileSync(path.join(project, 'closure.svg'), 'utf8')).toContain('<svg');
  });

  it('runs every faultline command of the READMEs to a clean exit', () => {
    const lines = npxLines.filter(command => command.startsWith('npx faultline'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const result = output(line);
      // 1 only where the README asks for a gate (--fail-on); never a usage or input error (2).
      expect(line.includes('--fail-on') ? [0, 1] : [0], `${line}\n${result.stderr}`).toContain(result.code);
      expect(result.stderr, line).not.toMatch(/^\s+at |Error:/m);
    }
  });

  it('prints the CLI’s own version and names a schema path that exists in the package', async () => {
    const version = await sh('npx faultline --version', project);
    expect(version.stdout).toBe(`${ours.get('@faultline/cli')?.version}\n`);
    const help = await sh('npx faultline analyze --help', project);
    const named = /(@faultline\/cli\/\S+\.schema\.json)/.exec(help.stdout.replace(/\s+/g, ' '))?.[1];
    expect(named).toBe('@faultline/cli/schema/analyze-report.schema.json');
    const resolved = await sh(`node -p "require.resolve('${named}')"`, project);
    expect(resolved.stdout.trim()).toBe(path.join(project, 'node_modules', named as string));
  });

  it('reports the installed plugin version as its meta.version', async () => {
    const result = await sh(
      `node --input-type=module -e "import p from '@faultline/eslint-plugin'; console.log(p.meta.version)"`,
      project,
    );
    expect(result.stdout).toBe(`${ours.get('@faultline/eslint-plugin')?.version}\n`);
  });
});
