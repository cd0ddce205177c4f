// Names that reach generated code or the file system are validated here, once, before any
// template runs: a library cannot smuggle code into a generated file through an export name, and
// a service name cannot escape its folder.
import { UsageError } from '../errors.js';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** True for a name usable as a TypeScript identifier (ASCII only, not a reserved word). */
export function isSafeIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name) && name.length <= 200;
}

/** `computeQuote` → `compute-quote`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z\d]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** `order-pricing` → `OrderPricing`. */
export function pascalCase(name: string): string {
  return kebabCase(name)
    .split('-')
    .filter(Boolean)
    .map(part => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

/** `order-pricing` → `orderPricing`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/**
 * Checks a service name: it becomes a folder, a Kubernetes object name (an RFC 1123 label, so at
 * most 63 characters), part of an npm package name and a TypeScript identifier.
 */
export function validateServiceName(name: string): void {
  const fix =
    'use lowercase letters, digits and single hyphens, starting with a letter (e.g. `pricing` or `order-pricing`)';
  if (!name) throw new UsageError(`the service name is empty: ${fix}.`);
  if (!/^[a-z][a-z\d]*(?:-[a-z\d]+)*$/.test(name))
    throw new UsageError(`the service name \`${printable(name)}\` is not valid: ${fix}.`);
  // "-service"/"-client" suffixes and a Kubernetes label limit of 63.
  if (name.length > 50)
    throw new UsageError(`the service name \`${name}\` is longer than 50 characters: ${fix}.`);
}

/** npm's rules for a package name (validate-npm-package-name, for new packages). */
export function isValidPackageName(name: string): boolean {
  if (name.length === 0 || name.length > 214) return false;
  if (name !== name.toLowerCase()) return false;
  return /^(?:@[a-z\d][a-z\d._~-]*\/)?[a-z\d][a-z\d._~-]*$/.test(name);
}

/** A value shown in an error message, with control characters made visible. */
export function printable(value: string): string {
  return JSON.stringify(value).slice(1, -1).slice(0, 80);
}
