// `faultline analyze <library> --export a,b`: thin over @faultline/core. Parses, calls the
// analysis, prints the report (text or --json), writes the closure graph (--graph), and sets the
// exit code for the --fail-on gate. All decisions live in core.
import fs from 'node:fs';
import path from 'node:path';

import type { AnalysisReport } from '@faultline/core';
import { UsageError } from '@faultline/core/errors';
import type { Argv, CommandModule } from 'yargs';

import { type CliIo, useColor } from '../io.js';
import { createProgress } from '../progress.js';

export interface AnalyzeArgs {
  library: string;
  export: string[];
  consumers?: string[];
  exclude?: string[];
  entry?: string;
  json: boolean;
  graph?: string;
  'graph-types': boolean;
  'fail-on'?: 'blocked' | 'warning';
  color?: boolean;
  verbose: boolean;
  progress: boolean;
  'eslint-config': boolean;
}

/** Splits repeated and comma-separated values: `--export a,b --export c` → [a, b, c]. */
function list(values: readonly (string | number)[] | undefined): string[] {
  return (values ?? [])
    .flatMap(value => String(value).split(','))
    .map(value => value.trim())
    .filter(Boolean);
}

/** The two files `--graph FILE` writes: FILE.dot and FILE.svg (an extension on FILE picks its name). */
export function graphPaths(file: string, cwd: string): { dot: string; svg: string } {
  const absolute = path.resolve(cwd, file);
  const stem = absolute.replace(/\.(?:svg|dot|gv)$/i, '');
  return {
    dot: /\.(?:dot|gv)$/i.test(absolute) ? absolute : `${stem}.dot`,
    svg: /\.svg$/i.test(absolute) ? absolute : `${stem}.svg`,
  };
}

/** The analyze command; `state.exitCode` receives 1 when the --fail-on gate trips. */
export function analyzeCommand(io: CliIo, state: { exitCode: number }): CommandModule<object, AnalyzeArgs> {
  return {
    command: 'analyze <library>',
    describe: 'Say whether, and how, exports of a shared library can become a service',
    builder: (yargs: Argv<object>) =>
      yargs
        .positional('library', {
          type: 'string',
          demandOption: true,
          describe: 'The library: a package folder or its tsconfig.json',
        })
        .option('export', {
          alias: 'e',
          type: 'string',
          array: true,
          demandOption: 'Name the exports to analyse: --export a,b',
          describe: 'Exports to analyse, as consumers import them (comma-separated or repeated)',
        })
        .option('consumers', {
          type: 'string',
          array: true,
          describe:
            'Consumer package folders (default: every workspace of the monorepo that imports the library)',
        })
        .option('exclude', {
          type: 'string',
          array: true,
          describe:
            'Globs of files whose call sites are not followed, relative to the repository root (a glob without / matches a name anywhere)',
        })
        .option('entry', {
          type: 'string',
          describe: 'The entry file consumers import (default: from package.json)',
        })
        .option('json', {
          type: 'boolean',
          default: false,
          describe: 'Print the report as JSON (schema: @faultline/cli/schema/analyze-report.schema.json)',
        })
        .option('graph', { type: 'string', describe: 'Write the closure graph to FILE.dot and FILE.svg' })
        .option('graph-types', {
          type: 'boolean',
          default: false,
          describe: 'Draw type-only declarations (interfaces, type aliases) in the graph too',
        })
        .option('fail-on', {
          choices: ['blocked', 'warning'] as const,
          describe: 'Exit 1 when an export is blocked, or when any warning or error is found',
        })
        .option('color', {
          type: 'boolean',
          describe: 'Colour the report (default: on a TTY, unless NO_COLOR)',
        })
        .option('eslint-config', {
          type: 'boolean',
          default: true,
          describe:
            "Read settings.faultline (your own clients, timeout wrappers) from the project's ESLint config (--no-eslint-config skips it)",
        })
        .option('progress', {
          type: 'boolean',
          default: true,
          describe: 'Show progress on stderr when it is a TTY',
        })
        .option('verbose', {
          type: 'boolean',
          default: false,
          describe: 'List everything, and show stack traces on errors',
        })
        .example(
          '$0 analyze packages/shared --export computeQuote,convert',
          'Analyse two exports of the shared library',
        )
        .example(
          '$0 analyze packages/shared -e computeQuote --json --fail-on blocked',
          'Gate CI on blocked exports',
        ) as unknown as Argv<AnalyzeArgs>,
    handler: async argv => {
      const cwd = io.cwd ?? process.cwd();
      const exports = list(argv.export);
      if (exports.length === 0) throw new UsageError('Name at least one export: --export a,b');
      const graph = argv.graph !== undefined ? graphPaths(argv.graph, cwd) : undefined;
      if (graph && fs.existsSync(graph.svg) && fs.statSync(graph.svg).isDirectory())
        throw new UsageError(`--graph ${argv.graph} is a folder; name a file.`);
      // Loaded here, not at the top: the analysis pulls in ts-morph and TypeScript (cli.ts).
      const { analyzeLibrary, closureDot, formatReport, hasFindingAtLeast, loadEslintSettings, renderSvg } =
        await import('@faultline/core');
      // The rules and analyze judge with the same settings: the ones the project's ESLint config
      // gives the library's files (ESLint itself is loaded from the project, only here).
      const eslint = argv['eslint-config']
        ? await loadEslintSettings({
            library: argv.library,
            ...(argv.entry ? { entry: argv.entry } : {}),
            cwd,
          })
        : { settings: undefined };
      if (eslint.warning) io.stderr.write(`faultline: warning: ${eslint.warning}\n`);
      const progress = createProgress(io.stderr, argv.progress);
      let report: AnalysisReport;
      try {
        report = analyzeLibrary({
          library: argv.library,
          exports,
          ...(argv.consumers ? { consumers: list(argv.consumers) } : {}),
          ...(argv.exclude ? { exclude: list(argv.exclude) } : {}),
          ...(argv.entry ? { entry: argv.entry } : {}),
          ...(eslint.settings !== undefined ? { settings: eslint.settings } : {}),
          cwd,
          onProgress: event => progress.update(event),
        });
      } finally {
        progress.done();
      }
      if (graph) {
        const dot = closureDot(report, { types: argv['graph-types'] });
        const svg = await renderSvg(dot);
        fs.mkdirSync(path.dirname(graph.dot), { recursive: true });
        fs.writeFileSync(graph.dot, dot);
        fs.writeFileSync(graph.svg, svg);
      }
      const env = io.env ?? process.env;
      if (argv.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else
        io.stdout.write(
          formatReport(report, { color: useColor(io.stdout, env, argv.color), verbose: argv.verbose }),
        );
      if (graph && !argv.json)
        io.stdout.write(`graph: ${path.relative(cwd, graph.dot)}, ${path.relative(cwd, graph.svg)}\n`);
      if (argv['fail-on'] && hasFindingAtLeast(report, argv['fail-on'])) state.exitCode = 1;
    },
  };
}
