/** Which rule speaks for which labelled category, and whether `recommended` turns it on. */
export const CATEGORIES: Record<string, { rule: string; config: 'recommended' | 'strict' }>;
