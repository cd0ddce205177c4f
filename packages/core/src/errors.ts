// Errors the CLI turns into messages and exit codes. Each subclass carries its exit code, so the
// CLI's fail handler needs no table; the stack trace is shown only with `--verbose`.

/** Base class of every error faultline raises on purpose; `exitCode` is what the CLI exits with. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number = 1;
}

/** The command line itself is wrong: a missing or malformed option. Exit code 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  override readonly exitCode = 2;
}

/**
 * The input cannot be analysed at all: no package or tsconfig where one was named, a tsconfig that
 * cannot be read, an unknown export, a path outside the repository. Exit code 2.
 */
export class InputError extends CliError {
  override name = 'InputError';
  override readonly exitCode = 2;
  /** Where the problem is, when it is in a file (`tsconfig.json:3:5`). */
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(message: string, where?: { file: string; line?: number }) {
    super(where ? `${where.file}${where.line ? `:${where.line}` : ''}: ${message}` : message);
    this.file = where?.file;
    this.line = where?.line;
  }
}

/** An export named on the command line does not exist; `suggestions` holds the closest names. */
export class UnknownExportError extends InputError {
  override name = 'UnknownExportError';
  readonly exportName: string;
  readonly suggestions: readonly string[];

  constructor(exportName: string, library: string, suggestions: readonly string[]) {
    const hint =
      suggestions.length > 0 ? ` Did you mean ${suggestions.map(name => `\`${name}\``).join(', ')}?` : '';
    super(`\`${exportName}\` is not exported by ${library}.${hint}`);
    this.exportName = exportName;
    this.suggestions = suggestions;
  }
}

/** The analysis itself failed on a file it could not get past. Exit code 1. */
export class AnalysisError extends CliError {
  override name = 'AnalysisError';
  readonly file: string;
  readonly line: number | undefined;

  constructor(message: string, file: string, line?: number, options?: { cause?: unknown }) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`, options);
    this.file = file;
    this.line = line;
  }
}
