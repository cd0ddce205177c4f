// Asking for a missing required argument, as Nest and Nx do: only when both stdin and stdout are
// terminals. Every prompt is also a flag; without a terminal a missing value is a usage error.
import { createInterface } from 'node:readline/promises';

import type { CliIo } from './io.js';

/** Asks `question` on the terminal; undefined when there is no terminal to ask on. */
export async function ask(io: CliIo, question: string): Promise<string | undefined> {
  if (io.prompt) return io.prompt(question);
  const stdin = io.stdin ?? process.stdin;
  if (stdin.isTTY !== true || io.stdout.isTTY !== true) return undefined;
  const readline = createInterface({ input: stdin, output: process.stdout });
  try {
    return (await readline.question(`${question} `)).trim();
  } finally {
    readline.close();
  }
}
