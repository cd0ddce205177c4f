// Where the CLI writes: injected so tests capture output without touching the console.

/** A stream the CLI writes to (process.stdout, or a test's buffer). */
export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** Where relative paths start; default `process.cwd()`. */
  cwd?: string;
  /** Environment (NO_COLOR, FORCE_COLOR); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where prompts read from; default `process.stdin` (prompts only when it is a TTY). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Answers prompts instead of a terminal (tests). */
  prompt?: (question: string) => Promise<string | undefined>;
}

/** Colour on a TTY unless NO_COLOR is set; FORCE_COLOR forces it on. */
export function useColor(
  writer: Writer,
  env: Readonly<Record<string, string | undefined>>,
  flag: boolean | undefined,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return writer.isTTY === true;
}
