import type { FaultlineSettings } from '@faultline/catalog';
import type { TSESLint } from '@typescript-eslint/utils';
import {
  type NamedCreateRuleMeta,
  RuleCreator,
  type RuleListener,
  applyDefault,
} from '@typescript-eslint/utils/eslint-utils';

import { type FileModel, type Need, fileModel, mergeListeners, releaseFile } from './util/file-model.js';
import type { Node } from './util/ast.js';
import { isDevOnly } from './util/dev-only.js';
import { isTestFile } from './util/test-files.js';

/** Extra `meta.docs` fields our rules declare; configs and the README table are generated from them. */
export interface PluginDocs {
  /** In the `recommended` config (and therefore also in `strict` and `all`). */
  recommended?: boolean;
  /** In the `strict` config (and `all`) but not `recommended`. */
  strict?: boolean;
  /** The whole rule needs type information. Our rules never do; type-aware checks sit behind an option. */
  requiresTypeChecking?: boolean;
}

/** Builds a rule whose `docs.url` points at its doc in this repository. */
export const createRule = RuleCreator<PluginDocs>(
  name => `https://github.com/faultline-dev/faultline/blob/main/rules/docs/${name}.md`,
);

/** What every faultline rule reads about the file it lints. */
export interface RuleFacts {
  /** The file's shared model (provenance, remote calls, options), filled during ESLint's traversal. */
  model: FileModel;
  /** `settings.faultline`, validated. */
  settings: FaultlineSettings;
}

/** Every faultline rule takes `checkTests`; the wrapper reads it. */
type CheckTestsOptions = readonly [{ checkTests?: boolean }, ...unknown[]];

/** A faultline rule as written: metadata, the facts it needs beyond the core, and its own listeners. */
export interface ModelRuleDefinition<Options extends CheckTestsOptions, MessageIds extends string> {
  name: string;
  meta: NamedCreateRuleMeta<MessageIds, PluginDocs, Options>;
  /** Facts beyond the core to collect during traversal: loops and catch clauses, SQL strings. */
  needs?: readonly Need[];
  /** The rule's own listeners; the model's collectors are merged in before them. */
  create(
    context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
    options: Readonly<Options>,
    facts: RuleFacts,
  ): RuleListener;
}

/**
 * The rule's context, with reports about code that runs only outside production (see
 * util/dev-only.ts) left out. The engine's context may be frozen (ESLint) or keep its state in
 * private fields (oxlint), so the view reads every other property from it as it is.
 */
function outsideDevOnly<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
): Readonly<TSESLint.RuleContext<MessageIds, Options>> {
  const report = (descriptor: TSESLint.ReportDescriptor<MessageIds>): void => {
    const node = 'node' in descriptor ? (descriptor.node as Node | undefined) : undefined;
    if (node && isDevOnly(node)) return;
    context.report(descriptor);
  };
  return new Proxy({} as Readonly<TSESLint.RuleContext<MessageIds, Options>>, {
    get: (_target, property) => (property === 'report' ? report : Reflect.get(context, property)),
    has: (_target, property) => Reflect.has(context, property),
  });
}

/**
 * Builds a faultline rule from its metadata and listeners, with the preamble every rule shares:
 * test files are skipped unless `checkTests` is on, the file model is shared with the other
 * rules (each fact collected once, by the first rule that needs it), the model's collectors
 * run before the rule's own handlers, and nothing is reported in code that runs only outside
 * production.
 */
export function createModelRule<Options extends CheckTestsOptions, MessageIds extends string>({
  needs = [],
  create,
  ...rule
}: Readonly<ModelRuleDefinition<Options, MessageIds>>): ReturnType<typeof createRule<Options, MessageIds>> {
  const run = (
    context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
    options: Readonly<Options>,
  ): RuleListener => {
    if (!options[0].checkTests && isTestFile(context.filename, context.cwd)) return {};
    const { model, collectors } = fileModel(context, needs);
    return mergeListeners(
      collectors,
      create(outsideDevOnly(context), options, { model, settings: model.settings }),
      {
        'Program:exit': () => releaseFile(model),
      },
    );
  };
  const built = createRule<Options, MessageIds>({ ...rule, create: run });
  const defaults = (rule.meta.defaultOptions ?? []) as unknown as Options;
  const defaultKeys = Object.keys((defaults[0] ?? {}) as object);
  return {
    ...built,
    // ESLint ≥ 9.15 merges `meta.defaultOptions` into `context.options` itself; typescript-eslint's
    // wrapper would deep-merge them again for every rule and file. Merge only when a default is
    // missing (an engine that does not apply them, such as oxlint's JS plugins).
    create(context) {
      const given = context.options as unknown as Options;
      const first = given[0] as Record<string, unknown> | undefined;
      const complete =
        given.length >= defaults.length && defaultKeys.every(key => first !== undefined && key in first);
      return run(context, complete ? given : (applyDefault(defaults, given) as Options));
    },
  };
}
