// The labelled categories of the production corpus and the rule that speaks for each (README.md,
// "Labels"), shared by the scorer and the corpus's own test.

/** Which rule speaks for which labelled category, and whether `recommended` turns it on. */
export const CATEGORIES = {
  timeout: { rule: 'require-timeout', config: 'recommended' },
  retry: { rule: 'require-backoff', config: 'recommended' },
  fanout: { rule: 'no-unbounded-fanout', config: 'strict' },
  'all-or-nothing': { rule: 'prefer-partial-availability', config: 'strict' },
  signal: { rule: 'require-signal-propagation', config: 'recommended' },
  coordination: { rule: 'no-cross-server-coordination', config: 'recommended' },
};
