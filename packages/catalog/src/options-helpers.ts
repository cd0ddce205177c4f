// Library functions that hand the options they are given on to a client's construction (the
// families declare them next to their clients); readers summarise such a call as that argument.
import { OPTIONS_HELPERS as OCTOKIT } from './clients/octokit.js';

const HELPERS: Readonly<Record<string, Readonly<Record<string, number>>>> = { ...OCTOKIT };

/**
 * The argument a library function's result takes its client options from (`getOctokitOptions(token,
 * options)`: 1), for a callee a reader resolved to a module's member; undefined for any other.
 */
export function optionsHelperArgument(module: string, path: readonly string[]): number | undefined {
  return HELPERS[module]?.[path.join('.')];
}
