// `settings.faultline` as the project's own ESLint config gives it to the library's files, so that
// `analyze` knows a team's clients and timeout wrappers exactly as the lint rules do. ESLint is
// loaded lazily from the user's project (never a dependency of faultline): no ESLint installed or
// no config found means no settings, silently; a config ESLint cannot load is a warning, because
// the analysis is still right without settings, only less informed.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { SettingsError, parseSettings } from '@faultline/catalog';

import { InputError } from '../errors.js';
import { findEntry, findRepositoryRoot, locateLibrary } from './input.js';

export interface EslintSettingsOptions {
  /** The library, as `analyzeLibrary` takes it (a package folder or its tsconfig, relative to `cwd`). */
  library: string;
  /** The entry file consumers import, when package.json does not say. */
  entry?: string;
  /** Where relative paths start, and ESLint's working directory; default `process.cwd()`. */
  cwd?: string;
  /** The repository root; default as `analyzeLibrary` finds it. */
  root?: string;
}

export interface EslintSettings {
  /** The raw `settings.faultline` the config gives the library's entry (validated), if any. */
  settings: unknown;
  /** The config file it came from, when ESLint says. */
  configFile?: string;
  /** Why no settings were read, when something was there but could not be used. */
  warning?: string;
}

interface EslintLike {
  calculateConfigForFile(file: string): Promise<{ settings?: Record<string, unknown> } | undefined>;
  findConfigFile?(file?: string): Promise<string | undefined>;
}
interface EslintModule {
  ESLint?: new (options: { cwd: string }) => EslintLike;
  loadESLint?: (options?: {
    useFlatConfig?: boolean;
  }) => Promise<new (options: { cwd: string }) => EslintLike>;
}

/**
 * Reads `settings.faultline` from the ESLint config that applies to the library's entry file,
 * with the ESLint installed in the user's project (resolved from the library's folder). Resolves
 * to `{ settings: undefined }` when ESLint is not installed, no config applies, or the library
 * cannot be located (analyze then reports that itself). A malformed `settings.faultline` throws
 * an InputError (exit 2) naming the entry, the config file and the fix.
 */
export async function loadEslintSettings(options: EslintSettingsOptions): Promise<EslintSettings> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  let entry: string;
  let libraryDir: string;
  try {
    const root = path.resolve(options.root ?? findRepositoryRoot(cwd));
    const located = locateLibrary(options.library, cwd, root);
    libraryDir = located.dir;
    entry = findEntry(located, options.entry, cwd, root);
  } catch {
    return { settings: undefined };
  }
  const ESLint = await importEslint(libraryDir);
  if (!ESLint) return { settings: undefined };
  const eslint = new ESLint({ cwd });
  let config: { settings?: Record<string, unknown> } | undefined;
  try {
    config = await eslint.calculateConfigForFile(entry);
  } catch (error) {
    const template = (error as { messageTemplate?: string }).messageTemplate;
    if (template === 'config-file-missing' || /could not find config file/i.test(String(error)))
      return { settings: undefined };
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      settings: undefined,
      warning: `could not load the ESLint config for ${path.relative(cwd, entry) || entry} (${message}); analysing without settings.faultline. Pass --no-eslint-config to skip it.`,
    };
  }
  const raw = config?.settings?.faultline;
  if (raw === undefined) return { settings: undefined };
  const found = await eslint.findConfigFile?.(entry).catch(() => undefined);
  const configFile = found ? path.relative(cwd, found) || found : undefined;
  try {
    parseSettings(raw);
  } catch (error) {
    if (error instanceof SettingsError)
      throw new InputError(error.message, configFile ? { file: configFile } : undefined);
    throw error;
  }
  return { settings: raw, ...(configFile ? { configFile } : {}) };
}

/** The ESLint class of the project's own ESLint, or undefined when it has none. */
async function importEslint(fromDir: string): Promise<EslintModule['ESLint'] | undefined> {
  let resolved: string;
  try {
    resolved = createRequire(path.join(fromDir, 'package.json')).resolve('eslint');
  } catch {
    return undefined;
  }
  try {
    const module = (await import(pathToFileURL(resolved).href)) as EslintModule & { default?: EslintModule };
    const api = module.ESLint || module.loadESLint ? module : (module.default ?? module);
    if (api.loadESLint) return await api.loadESLint({ useFlatConfig: true });
    return api.ESLint;
  } catch {
    return undefined;
  }
}
