// The CLI's own version. yargs' default `.version()` reads the package.json nearest the running
// script's caller, which under node_modules/.bin is the user's project, so read ours by path.
import { readFileSync } from 'node:fs';

/** The version of @faultline/cli, read from its package.json (next to src/ and dist/). */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
