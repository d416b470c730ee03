import type { Migration } from './types.ts';

/**
 * What the checks of a generated problem found, kept with it: the share of its solution's
 * mutants its tests catch (NULL for templates, which are tested in the repository), and, for a
 * template served instead of a model problem, why (a reason code the page words in the learner's
 * language: no key, offline, rate limit, budget spent, model output refused, API error).
 */
export const migration: Migration = {
  version: 5,
  name: 'practice-checks',
  up: `
    ALTER TABLE generated_exercise ADD COLUMN mutation_score REAL;
    ALTER TABLE generated_exercise ADD COLUMN template_reason TEXT;
  `,
};
