#!/usr/bin/env node
// Checks every publishable workspace the way a registry user meets it: packs each one with npm,
// then checks the tarball (README, LICENSE, no build leftovers, every file the manifest points at
// is inside), the manifest (description, keywords, repository/homepage/bugs, sideEffects,
// internal dependency ranges), publint (strict) and @arethetypeswrong/cli (the ESM-only profile:
// the packages declare `"type": "module"` and Node ≥ 20.19), and `npm publish --dry-run` on the
// very tarball (no npm auto-corrections allowed). Run after `npm run build`; part of `npm test`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPOSITORY = 'git+https://github.com/faultline-dev/faultline.git';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The workspaces npm would publish (not `private`), as { dir, manifest }. */
export function publishableWorkspaces() {
  const { workspaces } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return workspaces
    .map(dir => ({
      dir,
      manifest: JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** Packs every publishable workspace into `destination`; returns npm's report per package. */
export async function packWorkspaces(destination) {
  const args = ['pack', '--json', '--pack-destination', destination];
  for (const { dir } of publishableWorkspaces()) args.push('--workspace', dir);
  const { stdout } = await run(npm, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout);
}

/** Every relative file path a manifest field points at (main, types, bin, exports). */
function referencedFiles(manifest) {
  const files = [];
  const visit = value => {
    if (typeof value === 'string') files.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(manifest.main);
  visit(manifest.types);
  visit(manifest.bin);
  visit(manifest.exports);
  return files
    .filter(file => file.startsWith('./') || !file.includes(':'))
    .map(file => file.replace(/^\.\//, ''));
}

function checkManifest({ dir, manifest }, versions) {
  const problems = [];
  const need = (ok, message) => ok || problems.push(message);
  need(typeof manifest.description === 'string' && manifest.description.length > 20, 'a description');
  need(Array.isArray(manifest.keywords) && manifest.keywords.length >= 3, 'keywords');
  need(manifest.license === 'MIT', '"license": "MIT"');
  need(manifest.type === 'module', '"type": "module"');
  need(manifest.repository?.url === REPOSITORY, `repository.url ${REPOSITORY}`);
  need(manifest.repository?.directory === dir, `repository.directory "${dir}"`);
  need(
    typeof manifest.homepage === 'string' && manifest.homepage.includes(`/tree/main/${dir}`),
    'a homepage at its folder',
  );
  need(typeof manifest.bugs?.url === 'string', 'bugs.url');
  need(manifest.sideEffects !== undefined, 'sideEffects');
  need(typeof manifest.engines?.node === 'string', 'engines.node');
  need(manifest.publishConfig?.access === 'public', 'publishConfig.access "public" (scoped packages)');
  need(manifest.exports?.['./package.json'] === './package.json', 'the "./package.json" export');
  if (/(^|\/)eslint-plugin/.test(manifest.name)) {
    // https://eslint.org/docs/latest/extend/plugins#share-plugins
    need(
      manifest.keywords?.includes('eslint') &&
        manifest.keywords.includes('eslintplugin') &&
        manifest.keywords.includes('eslint-plugin'),
      'the keywords eslint, eslintplugin and eslint-plugin',
    );
  }
  // A dependency on a sibling must accept the sibling's current version, or the published
  // package would pull an older one (or none) from the registry.
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    if (versions.has(name))
      need(range === `^${versions.get(name)}`, `"${name}": "^${versions.get(name)}" (is "${range}")`);
  }
  return problems.map(problem => `package.json needs ${problem}`);
}

function checkTarballFiles(manifest, files) {
  const problems = [];
  for (const required of ['package.json', 'README.md', 'LICENSE'])
    if (!files.has(required)) problems.push(`the tarball has no ${required}`);
  for (const file of files) {
    if (file.endsWith('.tsbuildinfo')) problems.push(`the tarball ships the build leftover ${file}`);
    // Source maps would point at sources the package does not ship (tsconfig.base.json turns them off).
    if (file.endsWith('.map')) problems.push(`the tarball ships the source map ${file}`);
    // Templates of generated code may hold tests of their own: those are shipped on purpose.
    if (/(^|\/)(test|tests|__tests__|fixtures)\//.test(file) && !file.startsWith('templates/'))
      problems.push(`the tarball ships test file ${file}`);
  }
  for (const file of referencedFiles(manifest))
    if (!files.has(file)) problems.push(`package.json points at ${file}, which is not in the tarball`);
  return problems;
}

async function checkPublint(tarball) {
  const data = fs.readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
    level: 'suggestion',
    strict: true,
  });
  return messages.map(message => `publint: ${formatMessage(message, pkg, { color: false })}`);
}

async function checkAttw(tarball) {
  const bin = path.join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  try {
    await run(process.execPath, [bin, tarball, '--profile', 'esm-only', '--format', 'ascii'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return [];
  } catch (error) {
    return [`@arethetypeswrong/cli:\n${error.stdout || error.stderr || error.message}`];
  }
}

async function checkPublishDryRun(tarball) {
  try {
    const { stderr } = await run(npm, ['publish', '--dry-run', '--ignore-scripts', tarball], {
      cwd: os.tmpdir(),
      maxBuffer: 16 * 1024 * 1024,
    });
    // npm silently drops what it "auto-corrects" (a bin entry, for one): treat that as a failure.
    return /auto-corrected|errors corrected/.test(stderr)
      ? [
          `npm publish --dry-run corrected the manifest:\n${stderr
            .split('\n')
            .filter(line => /warn/.test(line))
            .join('\n')}`,
        ]
      : [];
  } catch (error) {
    return [`npm publish --dry-run failed:\n${error.stderr || error.message}`];
  }
}

async function main() {
  const workspaces = publishableWorkspaces();
  const versions = new Map(workspaces.map(({ manifest }) => [manifest.name, manifest.version]));
  const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-pack-'));
  let failed = 0;
  try {
    const packed = await packWorkspaces(destination);
    for (const workspace of workspaces) {
      const report = packed.find(entry => entry.name === workspace.manifest.name);
      if (!report) throw new Error(`npm pack produced no tarball for ${workspace.manifest.name}`);
      const tarball = path.join(destination, report.filename);
      const files = new Set(report.files.map(file => file.path));
      const problems = [
        ...checkManifest(workspace, versions),
        ...checkTarballFiles(workspace.manifest, files),
        ...(await checkPublint(tarball)),
        ...(await checkAttw(tarball)),
        ...(await checkPublishDryRun(tarball)),
      ];
      const size = `${(report.size / 1024).toFixed(1)} kB packed, ${files.size} files`;
      if (problems.length === 0) {
        process.stdout.write(`ok ${report.id} (${size})\n`);
      } else {
        failed++;
        process.stdout.write(`FAIL ${report.id} (${workspace.dir}, ${size})\n`);
        for (const problem of problems) process.stdout.write(`  - ${problem.replace(/\n/g, '\n    ')}\n`);
      }
    }
  } finally {
    fs.rmSync(destination, { recursive: true, force: true });
  }
  if (failed > 0) {
    process.stdout.write(`${failed} package(s) are not ready to publish; fix the problems above.\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
