// The plugin object. The rule map below is generated from the rule files by `npm run gen`;
// configs are derived from each rule's `meta.docs` so metadata stays the single source of truth.
import type { TSESLint } from '@typescript-eslint/utils';

import type { PluginDocs } from './create-rule.js';
// <generated-rules>
import noCrossServerCoordination from './no-cross-server-coordination.js';
import noUnboundedFanout from './no-unbounded-fanout.js';
import preferPartialAvailability from './prefer-partial-availability.js';
import requireBackoff from './require-backoff.js';
import requireIdempotencyKey from './require-idempotency-key.js';
import requireSignalPropagation from './require-signal-propagation.js';
import requireTimeout from './require-timeout.js';

export const rules = {
  'no-cross-server-coordination': noCrossServerCoordination,
  'no-unbounded-fanout': noUnboundedFanout,
  'prefer-partial-availability': preferPartialAvailability,
  'require-backoff': requireBackoff,
  'require-idempotency-key': requireIdempotencyKey,
  'require-signal-propagation': requireSignalPropagation,
  'require-timeout': requireTimeout,
};
// </generated-rules>

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], PluginDocs>;
type ConfigName = 'recommended' | 'strict' | 'all';

// `name` is the rule namespace, not the npm name (@faultline/eslint-plugin): oxlint and
// eslint-doc-generator derive the prefix from it, and every config here uses `faultline/…`.
const pkg = { name: 'faultline', namespace: 'faultline', version: '0.1.0' };

function ruleLevels(pick: (docs: PluginDocs) => boolean): Record<string, 'error'> {
  const levels: Record<string, 'error'> = {};
  for (const [id, rule] of Object.entries(rules as Record<string, AnyRule>)) {
    if (pick(rule.meta.docs ?? {})) levels[`faultline/${id}`] = 'error';
  }
  return levels;
}

const RULE_SETS: Record<ConfigName, Record<string, 'error'>> = {
  recommended: ruleLevels(docs => docs.recommended === true),
  strict: ruleLevels(docs => docs.recommended === true || docs.strict === true),
  all: ruleLevels(() => true),
};

interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, 'error'>;
}

const plugin = {
  meta: pkg,
  rules: rules as Record<string, AnyRule>,
  configs: {} as Record<ConfigName, FlatConfig>,
};

for (const name of Object.keys(RULE_SETS) as ConfigName[]) {
  plugin.configs[name] = {
    name: `faultline/${name}`,
    plugins: { faultline: plugin },
    rules: RULE_SETS[name],
  };
}

export const configs = plugin.configs;
export const meta = plugin.meta;
export default plugin;
