import type { Migration } from './types.ts';

/**
 * The learner model keeps a general ability per learner and track beside each concept's
 * (decision 0037). A learner who already has concepts starts from what they say: their
 * evidence-weighted mean ability, shrunk towards a new learner's 0 by one attempt's worth, which
 * is where the previous model started a concept they had not practised.
 */
export const migration: Migration = {
  version: 7,
  name: 'learner-ability',
  up: `
    CREATE TABLE learner_ability (
      profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      track       TEXT NOT NULL,
      ability     REAL NOT NULL,
      evidence    INTEGER NOT NULL DEFAULT 0,
      updated_at  INTEGER NOT NULL,
      PRIMARY KEY (profile_id, track)
    ) WITHOUT ROWID;
    INSERT INTO learner_ability (profile_id, track, ability, evidence, updated_at)
      SELECT profile_id, track, sum(ability * evidence) / (sum(evidence) + 1), sum(evidence), max(updated_at)
      FROM mastery GROUP BY profile_id, track;
  `,
};
