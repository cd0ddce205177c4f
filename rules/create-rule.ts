import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

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
