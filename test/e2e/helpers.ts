// Real processes for the end-to-end tests: commands with their output captured, a free loopback
// port, a service started as `node dist/main.js` and waited for, and a copy of `examples/` as its
// own git repository (inside this repository's ignored .e2e/ folder, so Node and tsc resolve
// fastify, @faultline/runtime and the rest from the repository's node_modules, as a workspace
// install would).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import { runCli } from '../../packages/cli/src/cli.js';
import faultline from '../../rules/index.js';
import { ROOT } from '../helpers/engines.js';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (bounded by `timeoutMs`) and captures its output. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += String(chunk)));
    child.stderr.on('data', chunk => (stderr += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', code => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a binary from the repository's node_modules/.bin. */
export function runBin(name: string, args: readonly string[], cwd: string, timeoutMs?: number): Promise<Ran> {
  return run(path.join(ROOT, 'node_modules/.bin', name), args, { cwd, ...(timeoutMs ? { timeoutMs } : {}) });
}

/** A port nothing listens on, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface StartedService {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `node dist/main.js` of a generated service and waits until /readyz answers. */
export async function startService(serviceDir: string, env: NodeJS.ProcessEnv): Promise<StartedService> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: serviceDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', chunk => (output += String(chunk)));
  child.stderr?.on('data', chunk => (output += String(chunk)));
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(500) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 20_000) {
      child.kill('SIGKILL');
      throw new Error(`the service did not become ready in 20 s:\n${output}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return { child, baseUrl, output: () => output, exited };
}

/** A fresh git repository holding a copy of examples/, inside .e2e/. */
export async function copyExamples(prefix: string): Promise<string> {
  // Not under node_modules: tools treat anything there as a third-party package.
  const base = path.join(ROOT, '.e2e');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, `${prefix}-`));
  fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  const git = await run('git', ['init', '-q'], { cwd: dir });
  if (git.code !== 0) throw new Error(git.stderr);
  return dir;
}

/** Links a workspace package into `<workspaceRoot>/node_modules`, as npm's workspaces do. */
export function linkWorkspace(workspaceRoot: string, name: string, target: string): void {
  const link = path.join(workspaceRoot, 'node_modules', name);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true, recursive: true });
  fs.symlinkSync(path.relative(path.dirname(link), target), link, 'dir');
}

/** Lints generated TypeScript with faultline's recommended rules; returns every finding as `file:line rule message`. */
export async function lintGenerated(
  dir: string,
  patterns: readonly string[],
): Promise<{ files: number; findings: string[] }> {
  const eslint = new ESLint({
    cwd: dir,
    ignore: false,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      faultline.configs.recommended,
    ],
  });
  const results = await eslint.lintFiles([...patterns]);
  return {
    files: results.length,
    findings: results.flatMap(result =>
      result.messages.map(
        message =>
          `${path.relative(dir, result.filePath)}:${message.line} ${message.ruleId} ${message.message}`,
      ),
    ),
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the faultline CLI in-process in `cwd`, capturing what it writes. */
export async function runCliIn(cwd: string, args: readonly string[]): Promise<CliRun> {
  const capture = (): { write(chunk: string): boolean; text: string } => ({
    text: '',
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  });
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(args, { stdout, stderr, cwd, env: { NO_COLOR: '1' } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
