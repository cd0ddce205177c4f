// What an expression denotes, as both provenance engines (ESTree in the rules, TypeScript in
// core) describe it, and how member access extends it. `O` is each engine's own record of where
// an instance was made.
import { lookupInstanceMember } from './registry.js';
import { GLOBAL_OBJECTS } from './hints.js';
import type { FamilyId, InstanceKind, Role } from './types.js';

export type CatalogValue<O> =
  | { kind: 'module'; module: string; path: readonly string[] }
  | { kind: 'global'; path: readonly string[] }
  | { kind: 'instance'; instance: InstanceKind; family?: FamilyId; path: readonly string[]; origin: O }
  | { kind: 'unknown' };

const UNKNOWN = { kind: 'unknown' } as const;

/**
 * The value of `value.a.b…`: module paths skip ES-interop `default`, `globalThis.x` is the global
 * `x`, and a namespace instance (a loaded gRPC package) stays a namespace however deep the access.
 * `lookup` may override the catalog for instances (a team's own clients).
 */
export function extendValue<O>(
  value: CatalogValue<O>,
  names: readonly string[],
  lookup: (
    instance: InstanceKind,
    path: readonly string[],
    origin: O,
  ) => Role | undefined = lookupInstanceMember,
): CatalogValue<O> {
  if (names.length === 0 || value.kind === 'unknown') return value;
  switch (value.kind) {
    case 'module': {
      const path = [...value.path];
      for (const name of names) {
        if (path.length === 0 && name === 'default') continue;
        path.push(name);
      }
      return { kind: 'module', module: value.module, path };
    }
    case 'global': {
      const path = [...value.path];
      for (const name of names) {
        if (path.length === 1 && GLOBAL_OBJECTS.has(path[0] as string)) path.length = 0;
        path.push(name);
      }
      return { kind: 'global', path };
    }
    case 'instance': {
      let current: CatalogValue<O> = value;
      for (const name of names) {
        if (current.kind !== 'instance') return UNKNOWN;
        const path: string[] = [...current.path, name];
        const role = lookup(current.instance, path, current.origin);
        current =
          role?.role === 'namespace'
            ? {
                kind: 'instance',
                instance: role.instance,
                ...(current.family ? { family: current.family } : {}),
                path: [],
                origin: current.origin,
              }
            : { ...current, path };
      }
      return current;
    }
  }
}

/** http and https are one client family; everything else is itself. */
function clientModule(module: string): string {
  return module === 'node:https' ? 'node:http' : module;
}

/** Two values that are the same client: equal modules and paths (http and https as one), or the same kind of instance. */
export function isSameClient<O>(a: CatalogValue<O>, b: CatalogValue<O>): boolean {
  if (a.kind === 'module' && b.kind === 'module')
    return clientModule(a.module) === clientModule(b.module) && a.path.join('.') === b.path.join('.');
  if (a.kind === 'instance' && b.kind === 'instance')
    return a.instance === b.instance && a.path.join('.') === b.path.join('.');
  return false;
}

/**
 * The client a callee chosen between two values is: `(secure ? https : http)` is node:http either
 * way, `mod.default ?? mod` (or `||`) is the module. Two different clients, or `&&`, are unknown.
 * Both readers call this with the values of the two operands, so they agree on every choice.
 */
export function chosenClient<O>(
  operator: '?:' | '??' | '||' | '&&',
  left: CatalogValue<O>,
  right: CatalogValue<O>,
): CatalogValue<O> {
  if (operator === '&&') return UNKNOWN;
  if (isSameClient(left, right)) return left;
  if (operator === '?:') return UNKNOWN;
  // Module interop picks one of the two: `imported.default || imported`.
  if (
    left.kind === 'module' &&
    right.kind === 'module' &&
    left.module === right.module &&
    left.path.length === 1 &&
    left.path[0] === 'default' &&
    right.path.length === 0
  )
    return right;
  return UNKNOWN;
}

/**
 * The major version a package.json dependency range pins (`^8.12.0`, `~7.17.14`, `8.x`, `>=7 <9`
 * gives its lowest bound's major), or undefined when it names none (`*`, `latest`, `workspace:*`,
 * `catalog:`, a URL or a path).
 */
export function majorOfRange(range: string): number | undefined {
  const match = /^\s*(?:npm:(?:@[^@/]+\/)?[^@]+@)?(?:[\^~]|>=?|=)?\s*v?(\d+)(?:[.\s]|$|x)/i.exec(range);
  return match ? Number(match[1]) : undefined;
}
