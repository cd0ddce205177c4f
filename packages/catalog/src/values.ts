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
