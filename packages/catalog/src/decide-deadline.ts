// Pure deadline decisions: given what a reader saw about a call (its options, the options its
// client was built with, the wrappers around it), decide whether it has a deadline. No AST here;
// the lint rules and `faultline analyze` call the same functions.
import type { CallFacts, ClientFacts, JudgeInput, VersionFacts } from './facts.js';
import { CLIENT_FAMILIES, FAMILIES } from './registry.js';
import { getPath, getProp, isNoneValue, showValue } from './summary.js';
import type { FamilyId, Summary, Verdict } from './types.js';
import { UNDICI_TIMEOUT_KEYS } from './clients/undici.js';

/** Per-call options that bound one call of a construction-level client (AWS `send`, pg `query`). */
export const PER_CALL_BOUNDS: readonly string[] = [
  'abortSignal',
  'requestTimeout',
  'query_timeout',
  'timeout',
  'signal',
  'deadline',
];

/** The family's own bound check over plain inputs. */
export function judge(family: FamilyId, input: JudgeInput): Verdict {
  return CLIENT_FAMILIES[family].decide(input);
}

/**
 * The fix to print for a family, worded for the versions the project declares: only options those
 * versions have. The family's `fix` when the facts say nothing (or nothing that changes it).
 */
export function familyFix(family: FamilyId, facts: VersionFacts = {}): string {
  return CLIENT_FAMILIES[family].fixFor?.(facts) ?? FAMILIES[family].fix;
}

/** A verdict that prints a fix carries the one worded for the declared versions, when it differs. */
function withFix(family: FamilyId, verdict: Verdict, facts: VersionFacts): Verdict {
  if (verdict.status !== 'missing' && verdict.status !== 'none' && verdict.status !== 'ignored')
    return verdict;
  if (verdict.fix !== undefined || !CLIENT_FAMILIES[family].fixFor) return verdict;
  const fix = familyFix(family, facts);
  return fix === FAMILIES[family].fix ? verdict : { ...verdict, fix };
}

/** The version facts of a reader's input, alone (what `familyFix` reads). */
function versionFactsOf(input: VersionFacts): VersionFacts {
  return {
    ...(input.packageMajor === undefined ? {} : { packageMajor: input.packageMajor }),
    ...(input.declared ? { declared: input.declared } : {}),
    ...(input.locked ? { locked: input.locked } : {}),
  };
}

/** True when a call's own options carry a bound (a finite number, or a signal that may be timed). */
export function hasPerCallBound(options: Summary): boolean {
  return PER_CALL_BOUNDS.some(key => {
    const prop = getProp(options, key);
    if (!prop) return false;
    if (prop.value.kind === 'signal') return prop.value.timed !== 'no';
    return !isNoneValue(prop.value);
  });
}

/** Custom clients with a finite default: only an explicit none value is a problem. */
function decideBoundedByDefault(input: JudgeInput, keys: readonly string[]): Verdict {
  for (const layer of [input.options, ...input.instance]) {
    for (const key of keys) {
      const prop = getPath(layer, key.split('.'));
      if (prop && isNoneValue(prop.value))
        return { status: 'none', key, value: showValue(prop.value), at: prop.at };
    }
  }
  return { status: 'bounded' };
}

/**
 * Decides whether one remote call has a deadline. For families bounded where the client is made
 * (AWS, pg, Redis, Mongo…) the call's own per-call bound counts first, then the construction;
 * a construction the reader cannot see is unknown.
 */
export function decideDeadline(facts: CallFacts): Verdict {
  const family = FAMILIES[facts.family];
  if (family.reportAt === 'construction') {
    // A per-call option, or knex's `.timeout(ms)` along the query builder's chain.
    if (hasPerCallBound(facts.options) || facts.chainTimeout) return { status: 'bounded' };
    if (!facts.client) return { status: 'unknown' };
    return decideClientDeadline({ ...facts.client, perCallOptions: undefined })[0] ?? { status: 'bounded' };
  }
  const verdict = facts.custom?.boundedByDefault
    ? decideBoundedByDefault(facts, facts.custom.keys)
    : judge(facts.family, facts.custom ? { ...facts, keys: facts.custom.keys } : facts);
  if (wrapperMatters(verdict) && facts.wrappedByTimeout) return { status: 'bounded' };
  return withFix(facts.family, verdict, facts);
}

/**
 * True when a timeout wrapper around the call (`pTimeout(call)`, a race with a timer) would turn
 * this verdict into a bound: readers look for one only then, since the search walks the tree.
 */
export function wrapperMatters(verdict: Verdict): boolean {
  return verdict.status === 'missing' || verdict.status === 'untimedSignal';
}

/**
 * Whether visible per-call bounds could change this client verdict: readers collect the options
 * of every call through the client (`ClientFacts.perCallOptions`) only then.
 */
export function perCallUsesMatter(verdicts: readonly Verdict[]): boolean {
  return verdicts.length === 1 && verdicts[0]?.status === 'missing';
}

/**
 * Decides whether a construction-level client (AWS, pg, Redis, Mongo…) has a deadline: its verdicts
 * (one today; a list so that a family may name more than one problem, each with its own fix).
 */
export function decideClientDeadline(facts: ClientFacts): Verdict[] {
  const instance = [...(facts.later ?? []), ...(facts.connectionString ? [facts.connectionString] : [])];
  const versions = versionFactsOf(facts);
  const verdict = withFix(
    facts.family,
    withLimitation(facts.family, judge(facts.family, { options: facts.options, instance, ...versions })),
    versions,
  );
  // A client whose every visible call passes its own bound (`send(cmd, { abortSignal })`).
  if (
    verdict.status === 'missing' &&
    facts.perCallOptions &&
    facts.perCallOptions.length > 0 &&
    facts.perCallOptions.every(hasPerCallBound)
  )
    return [{ status: 'bounded' }];
  return [verdict];
}

/**
 * Explicit "none" values written into the factory of a call-level client (`axios.create({ timeout: 0 })`),
 * judged on the factory's options alone so that each is reported once, where it is written.
 */
export function decideFactoryOptions(family: FamilyId, options: Summary): Verdict[] {
  if (options.kind !== 'object') return [];
  if (family === 'undici') {
    const found: Verdict[] = [];
    for (const key of UNDICI_TIMEOUT_KEYS) {
      const prop = getProp(options, key);
      if (prop && isNoneValue(prop.value))
        found.push({ status: 'none', key, value: showValue(prop.value), at: prop.at });
    }
    return found;
  }
  const verdict = judge(family, { options, instance: [] });
  return verdict.status === 'none' ? [verdict] : [];
}

/** A missing client bound of a family that has no option for one says so (the family's `limitation`). */
function withLimitation(family: FamilyId, verdict: Verdict): Verdict {
  const limitation = FAMILIES[family].limitation;
  if (verdict.status !== 'missing' || verdict.limitation || !limitation) return verdict;
  return { ...verdict, limitation };
}
