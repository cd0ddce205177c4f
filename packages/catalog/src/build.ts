// Small constructors for catalog entries, shared by the per-library files, and the shape each
// client family file exports. Plain data only: no AST, no I/O.
import type { JudgeInput, VersionFacts } from './facts.js';
import type {
  Family,
  FamilyId,
  InstanceKind,
  InstanceTable,
  Locator,
  MemberTable,
  Role,
  RetryLibrary,
  Verdict,
} from './types.js';

/**
 * How long a request sent with the runtime's fetch waits when the server stops answering: what a
 * client built on fetch (Octokit, Resend, Supabase…) inherits when nothing bounds it.
 */
export const RUNTIME_FETCH_HANG =
  'waits until the runtime’s fetch gives up, if it ever does (on Node, 5 minutes with no response headers; a trickling body holds it longer)';

/** A declared type that identifies a client instance when its construction is not visible. */
export interface DeclaredType {
  /** Exported type or class names (`AxiosInstance`, `S3Client`). */
  names: readonly string[];
  /** Modules (canonical specifiers) that export them, for readers that see imports. */
  modules: readonly string[];
  /** Folders of declaration files, for readers that see the type checker's declarations. */
  packages: readonly string[];
  instance: InstanceKind;
  family: FamilyId;
}

/** One client library family: its bound, its modules and instances, and its decision. */
export interface ClientFamily {
  family: Family;
  /** Member tables of the modules this family owns, by canonical specifier. */
  modules?: Readonly<Record<string, MemberTable>>;
  /** Member tables of the instances this family's factories return. */
  instances?: Partial<Record<InstanceKind, InstanceTable>>;
  /** Globals with a role (`fetch`, `Request`). */
  globals?: MemberTable;
  /** Declared types that are instances of this family. */
  types?: readonly DeclaredType[];
  /** Modules matched by prefix (`@aws-sdk/client-*`), with the member lookup they use. */
  modulePrefix?: { prefix: string; lookup(key: string): Role | undefined };
  /** Whether a call (or a construction, for construction-level families) has a deadline. */
  decide(input: JudgeInput): Verdict;
  /**
   * The fix for the versions a project declares, when `family.fix` names an option they do not
   * have; undefined keeps `family.fix` (and does so when the facts are empty).
   */
  fixFor?(facts: VersionFacts): string | undefined;
}

export const NONE: Locator = { none: true };

export const call = (family: FamilyId, options: Locator): Role => ({ role: 'call', family, options });

export const factory = (
  instance: InstanceKind,
  family: FamilyId,
  options: Locator,
  inheritsFrom?: 'callee' | 'arg0' | 'arg1',
): Role =>
  inheritsFrom
    ? { role: 'factory', instance, family, options, inheritsFrom }
    : { role: 'factory', instance, family, options };

export const retry = (library: RetryLibrary, fnArg: number | undefined, optionsAt: number): Role =>
  fnArg === undefined
    ? { role: 'retry', library, options: { at: optionsAt } }
    : { role: 'retry', library, fnArg, options: { at: optionsAt } };

export const policy = (instance: InstanceKind, library: string, optionsAt: number): Role => ({
  role: 'policy',
  instance,
  library,
  options: { at: optionsAt },
});

export const run = (fnArg: number): Role => ({ role: 'run', fnArg });

export const lock = (check: string): Role => ({ role: 'coordination', kind: 'lock', check });

/** The HTTP method a verb member sends (`post` → POST, `del` → DELETE, `patchForm` → PATCH). */
export function methodOfVerb(name: string): string | undefined {
  const verb = name.replace(/Form$/, '').toLowerCase();
  if (verb === 'del') return 'DELETE';
  return ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].includes(verb)
    ? verb.toUpperCase()
    : undefined;
}

/** Call roles for verb members (`get`, `post`…), each carrying the HTTP method it sends. */
export function verbs(family: FamilyId, names: readonly string[], options: Locator): Record<string, Role> {
  return Object.fromEntries(
    names.map(name => {
      const method = methodOfVerb(name);
      const role: Role = method ? { role: 'call', family, options, method } : call(family, options);
      return [name, role];
    }),
  );
}

/** Event-emitter and lifecycle members of Redis clients: not commands, so not remote calls. */
export const REDIS_NON_COMMANDS: readonly string[] = [
  'on',
  'once',
  'off',
  'emit',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'listeners',
  'duplicate',
  'pipeline',
  'multi',
  'defineCommand',
  'disconnect',
  'status',
  'options',
  'isOpen',
  'isReady',
  'createBuiltinCommand',
  'nodes',
  'withTypeMapping',
  'withCommandOptions',
  'legacy',
  'destroy',
  'close',
  // Closing a connection is not a remote call worth a deadline: node-redis 4's `QUIT`, node-redis
  // 3's `end(flush)`, and the `…Async` twins bluebird's `promisifyAll` adds (`quitAsync()`).
  'quit',
  'QUIT',
  'end',
  'quitAsync',
  'endAsync',
  'disconnectAsync',
];
