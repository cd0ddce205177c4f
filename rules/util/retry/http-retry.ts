// The `retry` option of got and ky: the attempt limit, and the longest wait their built-in
// exponential schedule reaches (`backoffLimit`), with or without jitter.
import { type Prop, getProp } from '@faultline/catalog';
import type { Node } from '../ast.js';
import type { FileModel } from '../file-model.js';
import { ALSO_NO_JITTER, type LibraryFinding, number } from './library-finding.js';

/** got/ky `retry` options (number or object) written by the user; `anchor` is the call for defaults. */
export function httpRetryFindings(
  model: FileModel,
  family: 'got' | 'ky',
  retry: Prop,
  anchor: Node,
): LibraryFinding[] {
  const value = retry.value;
  let limit: number | undefined;
  let limitAt: Node = retry.at as Node;
  let backoffProp: Prop | undefined;
  let jitterAt: Node | undefined;
  let jitter = family === 'got';
  if (value.kind === 'number') limit = value.value;
  else if (value.kind === 'object') {
    if (value.hasSpread || getProp(value, 'calculateDelay') || getProp(value, 'delay')) return [];
    const limitProp = getProp(value, 'limit');
    limit = limitProp ? number(limitProp.value) : 2;
    if (limitProp) limitAt = limitProp.at as Node;
    backoffProp = getProp(value, 'backoffLimit');
    if (family === 'got') {
      const noise = getProp(value, 'noise');
      if (noise && number(noise.value) === 0) {
        jitter = false;
        jitterAt = noise.at as Node;
      }
    } else {
      const jitterProp = getProp(value, 'jitter');
      jitter = jitterProp !== undefined && !(jitterProp.value.kind === 'boolean' && !jitterProp.value.value);
      if (jitterProp && !jitter) jitterAt = jitterProp.at as Node;
    }
  } else return [];
  if (limit === undefined || limit === 0) return [];
  const findings: LibraryFinding[] = [];
  if (limit === Infinity)
    findings.push({ problem: 'unboundedRetry', node: limitAt, why: ' (unlimited attempts)' });
  else if (limit > model.settings.maxAttempts)
    findings.push({ problem: 'unboundedRetry', node: limitAt, why: ` (${limit + 1} attempts)` });
  const backoffLimit = backoffProp ? number(backoffProp.value) : Infinity;
  // got: 2^(n−1) · 1000 ms; ky: 0.3 · 2^(n−1) · 1000 ms.
  const longest = Math.min(
    backoffLimit ?? Infinity,
    (family === 'got' ? 1000 : 300) * 2 ** Math.max(0, (Number.isFinite(limit) ? limit : 60) - 1),
  );
  if (longest > model.settings.maxDelayMs)
    findings.push({
      problem: 'uncappedBackoff',
      node: (backoffProp?.at as Node | undefined) ?? anchor,
      also: jitter || jitterAt ? '' : ALSO_NO_JITTER,
    });
  if (!jitter && (jitterAt || longest <= model.settings.maxDelayMs))
    findings.push({ problem: 'noJitter', node: jitterAt ?? anchor });
  return findings;
}
