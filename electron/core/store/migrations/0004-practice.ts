import type { Migration } from './types.ts';

/**
 * Generated practice problems, validated before they are stored: the Exercise JSON in the same
 * shape as built-in content, where it came from (a model id or a template id), and when it was
 * served to the learner (NULL while it is waiting, ready, in the prefetch pool).
 */
export const migration: Migration = {
  version: 4,
  name: 'practice',
  up: `
    CREATE TABLE generated_exercise (
      id            TEXT PRIMARY KEY,
      track         TEXT NOT NULL,
      concept       TEXT NOT NULL,
      difficulty    INTEGER NOT NULL,
      locale        TEXT NOT NULL,
      exercise      TEXT NOT NULL,
      source        TEXT NOT NULL CHECK (source IN ('model', 'template')),
      origin        TEXT NOT NULL,
      cost_usd      REAL NOT NULL DEFAULT 0,
      created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      served_at     TEXT
    );
    CREATE INDEX generated_exercise_ready ON generated_exercise (track, concept, served_at);
  `,
};
