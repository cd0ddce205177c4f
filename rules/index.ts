// The plugin object. The rule map below is generated from the rule files by `npm run gen`;
// configs are derived from each rule's `meta.docs` so metadata stays the single source of truth.
import { createRequire } from 'node:module';

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
type RuleId = keyof typeof rules;

// `name` is the rule namespace, not the npm name (@faultline/eslint-plugin): oxlint and
// eslint-doc-generator derive the prefix from it, and every config here uses `faultline/…`.
// The version comes from the installed package.json so that it follows `changeset version`; ESLint
// uses it in cache keys, and a stale one would keep `--cache` results across plugin upgrades.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
const pkg = { name: 'faultline', namespace: 'faultline', version };

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

/**
 * A rule as the plugin exposes it to ESLint's own types. The rules are typescript-eslint
 * `RuleModule`s, whose `create` takes typescript-eslint's context, which ESLint's `RuleDefinition`
 * does not accept; like typescript-eslint's own plugin type, the public type stays loose so that
 * ESLint 9's and 10's `Linter.Config`, `defineConfig` and `ESLint.Plugin` all accept it.
 */
export interface CompatibleRule {
  meta?: object;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ESLint passes its own context type
  create(context: any): Record<string, ((...args: any[]) => void) | undefined>;
}

/** The plugin object: what `plugins: { faultline }` registers. */
export interface FaultlinePlugin {
  meta: { name: string; namespace: string; version: string };
  rules: Record<RuleId, CompatibleRule>;
  configs: Record<ConfigName, FaultlineConfig>;
}

/**
 * One of the plugin's configs (`recommended`, `strict`, `all`): a flat config object with the
 * plugin registered as `faultline`. A test type-checks it in `defineConfig([...])`, as
 * `Linter.Config[]` and in a `// @ts-check` config, against ESLint 9's and 10's types.
 */
export interface FaultlineConfig {
  name: string;
  plugins: { faultline: FaultlinePlugin };
  rules: Record<string, 'error'>;
}

const plugin: FaultlinePlugin = {
  meta: pkg,
  // typescript-eslint's listener types (`RuleFunction<never>` for unknown keys) are narrower than
  // the loose public type; the objects are the same.
  rules: rules as Record<RuleId, AnyRule> as Record<RuleId, CompatibleRule>,
  configs: {} as Record<ConfigName, FaultlineConfig>,
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
