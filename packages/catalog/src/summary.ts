// Reading `Summary` values: properties, "none" values, and the small judgements every client
// family shares (a signal, a numeric timeout, an option looked up through instance layers).
import type { JudgeInput } from './facts.js';
import type { Prop, Summary, Verdict } from './types.js';

export const ABSENT: Summary = { kind: 'absent' };

/** A property of an object summary, if the summary is an object that has it. */
export function getProp(summary: Summary, key: string): Prop | undefined {
  return summary.kind === 'object' ? summary.props.get(key) : undefined;
}

/** Reads `a.b.c` through nested object summaries. */
export function getPath(summary: Summary, path: readonly string[]): Prop | undefined {
  let current: Summary = summary;
  let prop: Prop | undefined;
  for (const key of path) {
    prop = getProp(current, key);
    if (!prop) return undefined;
    current = prop.value;
  }
  return prop;
}

/** True when the value turns a bound off: 0, negative, Infinity, null, undefined or false. */
export function isNoneValue(value: Summary): boolean {
  switch (value.kind) {
    case 'number':
      return !(value.value > 0) || !Number.isFinite(value.value);
    case 'null':
    case 'undefined':
      return true;
    case 'boolean':
      return !value.value;
    default:
      return false;
  }
}

/** axios, superagent, Slack, Elasticsearch: any falsy value (0, null, undefined, false) means "no timeout". */
export function isFalsyNone(value: Summary): boolean {
  switch (value.kind) {
    case 'number':
      return value.value === 0 || Number.isNaN(value.value);
    case 'null':
    case 'undefined':
      return true;
    case 'boolean':
      return !value.value;
    case 'string':
      return value.value === '';
    default:
      return false;
  }
}

/** Text of a none value for messages: `0`, `null`, `Infinity`. */
export function showValue(value: Summary): string {
  switch (value.kind) {
    case 'number':
      return String(value.value);
    case 'boolean':
      return String(value.value);
    case 'null':
      return 'null';
    case 'undefined':
      return 'undefined';
    default:
      return '…';
  }
}

/** True when the summary hides what its keys are (an opaque value or an object with a spread). */
export function isOpaque(summary: Summary): boolean {
  return summary.kind === 'opaque' || (summary.kind === 'object' && summary.hasSpread);
}

/** The most specific setting of `key`: the call's options win over the instance's, innermost first. */
export function lookupLayers(input: JudgeInput, key: string): { prop: Prop | undefined; opaque: boolean } {
  const layers = [input.options, ...[...input.instance].reverse()];
  let opaque = false;
  for (const layer of layers) {
    const prop = getProp(layer, key);
    if (prop) return { prop, opaque };
    if (isOpaque(layer)) opaque = true;
  }
  return { prop: undefined, opaque };
}

/**
 * Reads a dotted option path (`connection.statement_timeout`) through nested object summaries;
 * `opaque` when a summary along the way hides its keys (a spread, an opaque value).
 */
export function getPathOrOpaque(
  summary: Summary,
  path: readonly string[],
): { prop: Prop | undefined; opaque: boolean } {
  let current: Summary = summary;
  let prop: Prop | undefined;
  for (const key of path) {
    prop = getProp(current, key);
    if (!prop) return { prop: undefined, opaque: isOpaque(current) || current.kind === 'value' };
    current = prop.value;
  }
  return { prop, opaque: false };
}

/** `lookupLayers` for a dotted key of a team's client (`connection.statement_timeout`). */
export function lookupLayersPath(
  input: JudgeInput,
  key: string,
): { prop: Prop | undefined; opaque: boolean } {
  if (!key.includes('.')) return lookupLayers(input, key);
  const path = key.split('.');
  const layers = [input.options, ...[...input.instance].reverse()];
  let opaque = false;
  for (const layer of layers) {
    const found = getPathOrOpaque(layer, path);
    if (found.prop) return { prop: found.prop, opaque };
    if (found.opaque) opaque = true;
  }
  return { prop: undefined, opaque };
}

/** Judges a `signal` property: a timed signal bounds the call; an untimed local one does not. */
export function judgeSignal(prop: Prop | undefined): Verdict | undefined {
  if (!prop) return undefined;
  const value = prop.value;
  if (value.kind === 'signal') {
    if (value.timed === 'yes') return { status: 'bounded' };
    if (value.timed === 'unknown') return { status: 'unknown' };
    return { status: 'untimedSignal', at: prop.at ?? value.at, value: value.at };
  }
  if (value.kind === 'undefined' || value.kind === 'null' || value.kind === 'absent') return undefined;
  return { status: 'unknown' };
}

/** A numeric-ish timeout property: bounded, none, or absent. */
export function judgeTimeoutProp(
  prop: Prop | undefined,
  key: string,
  isNone: (value: Summary) => boolean = isNoneValue,
): Verdict | undefined {
  if (!prop) return undefined;
  if (isNone(prop.value)) return { status: 'none', key, value: showValue(prop.value), at: prop.at };
  return { status: 'bounded' };
}

export function missingOrUnknown(opaque: boolean, detail?: string): Verdict {
  if (opaque) return { status: 'unknown' };
  return detail ? { status: 'missing', detail } : { status: 'missing' };
}

/** A literal connection string that carries a key (`?statement_timeout=…`, `&socketTimeoutMS=…`). */
export function connectionStringHas(value: Summary | undefined, keys: readonly string[]): boolean {
  return value?.kind === 'string' && keys.some(key => value.value.includes(key));
}

/** SDKs whose default has no bound: a finite `timeout` (at the given path) is required. */
export function judgeRequiredTimeout(
  input: JudgeInput,
  path: readonly string[],
  isNone: (value: Summary) => boolean = isNoneValue,
): Verdict {
  const options = input.options;
  const prop = getPath(options, path);
  const verdict = judgeTimeoutProp(prop, path.join('.'), isNone);
  if (verdict) return verdict;
  return missingOrUnknown(isOpaque(options), path.join('.'));
}

/** SDKs with a finite default: only an explicit none value (at the given path) is a problem. */
export function judgeFiniteDefault(
  input: JudgeInput,
  path: readonly string[],
  isNone: (value: Summary) => boolean,
): Verdict {
  const prop = getPath(input.options, path);
  if (prop && isNone(prop.value))
    return { status: 'none', key: path.join('.'), value: showValue(prop.value), at: prop.at };
  return { status: 'bounded' };
}
