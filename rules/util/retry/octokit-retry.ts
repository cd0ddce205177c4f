// @octokit/plugin-retry's settings, under `retry` in the Octokit options (read from
// octokit/plugin-retry.js src/index.ts and error-request.ts): `retries` (3 by default) and
// `retryAfterBaseValue` (1000 ms). Before retry n (from 1) it waits n² × retryAfterBaseValue:
// 1 s, 4 s, 9 s by default, a growing wait that the count caps. The plugin has no jitter option,
// so its defaults are accepted; what is reported is a setting that removes the wait (a base of 0),
// more attempts than the team allows, or a last wait longer than its cap.
import type { Prop } from '@faultline/catalog';
import type { Node } from '../ast.js';
import type { FileModel } from '../file-model.js';
import { type LibraryFinding, number } from './library-finding.js';

/** Findings for the `retry` property of an Octokit's options. */
export function octokitRetryFindings(model: FileModel, retry: Prop): LibraryFinding[] {
  const options = retry.value;
  if (options.kind !== 'object' || options.hasSpread) return [];
  const enabled = options.props.get('enabled');
  if (enabled?.value.kind === 'boolean' && !enabled.value.value) return [];
  const retriesProp = options.props.get('retries');
  const retries = retriesProp ? number(retriesProp.value) : 3;
  if (retries === 0) return [];
  const baseProp = options.props.get('retryAfterBaseValue');
  const base = baseProp ? number(baseProp.value) : 1000;
  const findings: LibraryFinding[] = [];
  if (retries !== undefined && retriesProp && (retries === Infinity || retries > model.settings.maxAttempts))
    findings.push({
      problem: 'unboundedRetry',
      node: retriesProp.at as Node,
      why: retries === Infinity ? ' (unlimited attempts)' : ` (${retries + 1} attempts)`,
    });
  if (base !== undefined && base <= 0 && baseProp) {
    findings.push({ problem: 'noDelay', node: baseProp.at as Node });
    return findings;
  }
  if (
    findings.length === 0 &&
    retries !== undefined &&
    retries !== Infinity &&
    base !== undefined &&
    retries ** 2 * base > model.settings.maxDelayMs
  )
    findings.push({
      problem: 'uncappedBackoff',
      node: (retriesProp ?? baseProp ?? retry).at as Node,
      also: '',
    });
  return findings;
}
