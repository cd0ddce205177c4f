// Exports as consumers see them: the names the entry file exports, through barrels, aliases
// (`export { a as b }`) and `export *`, each followed to the declarations behind it.
import { ts } from 'ts-morph';

import { UnknownExportError } from '../errors.js';
import { resolveAlias } from './ts-util.js';

export interface ResolvedExport {
  name: string;
  symbol: ts.Symbol;
  declarations: ts.Declaration[];
}

/** Every name the entry exports, mapped to its (alias-resolved) symbol. */
export function entryExports(checker: ts.TypeChecker, entry: ts.SourceFile): Map<string, ts.Symbol> {
  const result = new Map<string, ts.Symbol>();
  const moduleSymbol =
    checker.getSymbolAtLocation(entry) ?? (entry as unknown as { symbol?: ts.Symbol }).symbol;
  if (!moduleSymbol) return result;
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    result.set(symbol.escapedName === 'export=' ? 'default' : symbol.name, resolveAlias(checker, symbol));
  }
  return result;
}

/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

/** Up to three exported names closest to `wanted` (case-insensitive edit distance, or containing it). */
export function closestNames(wanted: string, names: Iterable<string>): string[] {
  const lower = wanted.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of names) {
    const candidate = name.toLowerCase();
    const score =
      candidate.includes(lower) || (candidate.length >= 4 && lower.includes(candidate))
        ? 0.5
        : distance(lower, candidate);
    if (score <= Math.max(2, Math.floor(wanted.length / 3))) scored.push({ name, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map(entry => entry.name);
}

/** A namespace: `export * as ns from './ns'` (a module) or `export namespace ns {}`. */
function isNamespace(symbol: ts.Symbol): boolean {
  return (
    (symbol.flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) !== 0 &&
    !(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Enum))
  );
}

/** The members of a namespace that exist at run time, each alias-resolved. */
function namespaceMembers(checker: ts.TypeChecker, symbol: ts.Symbol): Map<string, ts.Symbol> {
  const members = new Map<string, ts.Symbol>();
  for (const member of checker.getExportsOfModule(symbol)) {
    const resolved = resolveAlias(checker, member);
    if (resolved.flags & ts.SymbolFlags.Value) members.set(member.name, resolved);
  }
  return members;
}

/**
 * Resolves the requested names; an unknown name throws with the closest exported names. A dotted
 * name (`geometry.inner.area`) walks namespace re-exports; a namespace named alone stands for its
 * runtime members (`geometry` → `geometry.area`, `geometry.inner.perimeter`, …), because a
 * namespace is not something a service can serve, its functions are.
 */
export function resolveExports(
  checker: ts.TypeChecker,
  entry: ts.SourceFile,
  names: readonly string[],
  libraryLabel: string,
): ResolvedExport[] {
  const available = entryExports(checker, entry);
  const results: ResolvedExport[] = [];
  const expand = (name: string, symbol: ts.Symbol, depth: number): void => {
    if (isNamespace(symbol) && depth < 4) {
      for (const [member, memberSymbol] of namespaceMembers(checker, symbol))
        expand(`${name}.${member}`, memberSymbol, depth + 1);
      return;
    }
    if (results.some(result => result.name === name)) return;
    results.push({ name, symbol, declarations: [...(symbol.declarations ?? [])] });
  };
  for (const name of names) {
    const [head, ...rest] = name.split('.');
    let symbol = available.get(head as string);
    if (!symbol) {
      // `default` and names with dots in them are looked up whole first.
      symbol = available.get(name);
      if (!symbol) throw new UnknownExportError(name, libraryLabel, closestNames(name, available.keys()));
      expand(name, symbol, 0);
      continue;
    }
    let reached = head as string;
    for (const segment of rest) {
      const members: Map<string, ts.Symbol> = isNamespace(symbol)
        ? namespaceMembers(checker, symbol)
        : new Map();
      const next = members.get(segment);
      if (!next)
        throw new UnknownExportError(
          name,
          libraryLabel,
          closestNames(segment, members.keys()).map(member => `${reached}.${member}`),
        );
      symbol = next;
      reached = `${reached}.${segment}`;
    }
    expand(name, symbol, 0);
  }
  return results;
}
