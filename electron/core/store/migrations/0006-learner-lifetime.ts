import type { Migration } from './types.ts';

/**
 * Nothing outlives its learner.
 *
 * - Profile ids are never reused (AUTOINCREMENT): a new learner must never be mistaken for a
 *   deleted one by anything that kept the old id. SQLite cannot add AUTOINCREMENT to a table, so
 *   `profile` is rebuilt with the same columns and rows (foreign keys are off for this migration,
 *   so the rebuild cascades nothing, and checked before it commits).
 * - The tutor's hints keep their text with the hint, so the tutor reads the learner's hint
 *   history from the database (deleted with them) instead of keeping it in memory.
 * - The practice problems each learner was given move from a setting named by profile id (which a
 *   deletion left behind) to a table that is deleted with the learner. Lists of learners that no
 *   longer exist are dropped.
 */
export const migration: Migration = {
  version: 6,
  name: 'learner-lifetime',
  foreignKeysOff: true,
  up: `
    CREATE TABLE profile_new (
      id                   INTEGER PRIMARY KEY AUTOINCREMENT,
      name                 TEXT NOT NULL UNIQUE,
      created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      signing_private_key  BLOB,
      signing_public_key   BLOB,
      placed_at            INTEGER
    );
    INSERT INTO profile_new (id, name, created_at, signing_private_key, signing_public_key, placed_at)
      SELECT id, name, created_at, signing_private_key, signing_public_key, placed_at FROM profile;
    DROP TABLE profile;
    ALTER TABLE profile_new RENAME TO profile;

    ALTER TABLE hint ADD COLUMN text TEXT;

    CREATE TABLE practice_given (
      profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      exercise    TEXT NOT NULL,
      -- Larger is more recent; the list shows the newest first.
      seq         INTEGER NOT NULL,
      PRIMARY KEY (profile_id, exercise)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO practice_given (profile_id, exercise, seq)
      SELECT p.id, j.value, -j.key
      FROM setting s
      JOIN profile p ON p.id = CAST(substr(s.key, length('practice.given.') + 1) AS INTEGER)
      JOIN json_each(s.value) j
      WHERE s.key LIKE 'practice.given.%' AND json_valid(s.value) AND json_type(s.value) = 'array'
        AND j.type = 'text';
    DELETE FROM setting WHERE key LIKE 'practice.given.%';
  `,
};
