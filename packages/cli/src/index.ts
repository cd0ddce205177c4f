// @faultline/cli as a library: run the CLI in-process (tests, wrappers) with your own writers.
export { runCli } from './cli.js';
export type { CliIo, Writer } from './cli.js';
export { analyzeCommand, graphPaths } from './commands/analyze.js';
