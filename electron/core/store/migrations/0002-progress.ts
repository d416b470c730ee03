import type { Migration } from './types.ts';

/**
 * The learner's records (attempts, drafts, hints, solution reveals, sessions and active time),
 * the learner model (mastery per concept and its history, exercise difficulty, review schedule)
 * and the teacher's classes built from imported reports.
 *
 * Times here are epoch milliseconds (INTEGER): smaller and faster to compare than ISO text, and
 * these tables hold the most rows. `day` columns are the learner's local calendar day
 * ('YYYY-MM-DD'), fixed when the row is written so a streak does not move with the timezone.
 */
export const migration: Migration = {
  version: 2,
  name: 'progress',
  up: `
    -- Per-profile Ed25519 key that signs exported reports (DER: PKCS#8 private, SPKI public).
    ALTER TABLE profile ADD COLUMN signing_private_key BLOB;
    ALTER TABLE profile ADD COLUMN signing_public_key BLOB;
    ALTER TABLE profile ADD COLUMN placed_at INTEGER;

    CREATE TABLE attempt (
      id                 INTEGER PRIMARY KEY,
      profile_id         INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      track              TEXT NOT NULL,
      exercise           TEXT NOT NULL,
      kind               TEXT NOT NULL CHECK (kind IN ('run', 'check', 'predict', 'quiz')),
      -- The learner's code, zlib deflate; NULL when there was none (quiz).
      code               BLOB,
      status             TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'error', 'timeout')),
      tests_passed       INTEGER NOT NULL DEFAULT 0,
      tests_total        INTEGER NOT NULL DEFAULT 0,
      time_taken_ms      INTEGER NOT NULL DEFAULT 0,
      hints_shown        INTEGER NOT NULL DEFAULT 0,
      solution_revealed  INTEGER NOT NULL DEFAULT 0,
      generated          INTEGER NOT NULL DEFAULT 0,
      created_at         INTEGER NOT NULL
    );
    CREATE INDEX attempt_by_profile_time ON attempt (profile_id, created_at);
    CREATE INDEX attempt_by_profile_exercise ON attempt (profile_id, track, exercise, created_at);

    -- One row per exercise a learner has touched: the summary the lesson view and dashboard read.
    CREATE TABLE exercise_progress (
      profile_id         INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      track              TEXT NOT NULL,
      exercise           TEXT NOT NULL,
      runs               INTEGER NOT NULL DEFAULT 0,
      checks             INTEGER NOT NULL DEFAULT 0,
      passes             INTEGER NOT NULL DEFAULT 0,
      hints_shown        INTEGER NOT NULL DEFAULT 0,
      solution_revealed  INTEGER NOT NULL DEFAULT 0,
      active_ms          INTEGER NOT NULL DEFAULT 0,
      first_at           INTEGER NOT NULL,
      last_at            INTEGER NOT NULL,
      completed_at       INTEGER,
      PRIMARY KEY (profile_id, track, exercise)
    ) WITHOUT ROWID;

    CREATE TABLE draft (
      profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      track       TEXT NOT NULL,
      exercise    TEXT NOT NULL,
      code        TEXT NOT NULL,
      updated_at  INTEGER NOT NULL,
      PRIMARY KEY (profile_id, track, exercise)
    ) WITHOUT ROWID;

    CREATE TABLE hint (
      id          INTEGER PRIMARY KEY,
      profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      track       TEXT NOT NULL,
      exercise    TEXT NOT NULL,
      level       INTEGER NOT NULL,
      source      TEXT NOT NULL CHECK (source IN ('authored', 'computed', 'model')),
      created_at  INTEGER NOT NULL
    );
    CREATE INDEX hint_by_profile_exercise ON hint (profile_id, track, exercise);

    CREATE TABLE solution_reveal (
      id          INTEGER PRIMARY KEY,
      profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      track       TEXT NOT NULL,
      exercise    TEXT NOT NULL,
      created_at  INTEGER NOT NULL
    );
    CREATE INDEX solution_reveal_by_profile_exercise ON solution_reveal (profile_id, track, exercise);

    CREATE TABLE session (
      id            INTEGER PRIMARY KEY,
      profile_id    INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      started_at    INTEGER NOT NULL,
      last_seen_at  INTEGER NOT NULL,
      active_ms     INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX session_by_profile ON session (profile_id, last_seen_at);

    -- Per local day: active time and attempts, for the streak and the activity chart.
    CREATE TABLE activity_day (
      profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      day         TEXT NOT NULL,
      active_ms   INTEGER NOT NULL DEFAULT 0,
      attempts    INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (profile_id, day)
    ) WITHOUT ROWID;

    -- Learner model: ability per concept on the logit scale (Elo-style), and the mastery shown.
    CREATE TABLE mastery (
      profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      track       TEXT NOT NULL,
      concept     TEXT NOT NULL,
      ability     REAL NOT NULL,
      mastery     REAL NOT NULL,
      evidence    INTEGER NOT NULL DEFAULT 0,
      updated_at  INTEGER NOT NULL,
      PRIMARY KEY (profile_id, track, concept)
    ) WITHOUT ROWID;

    CREATE TABLE mastery_history (
      id          INTEGER PRIMARY KEY,
      profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      track       TEXT NOT NULL,
      concept     TEXT NOT NULL,
      mastery     REAL NOT NULL,
      attempt_id  INTEGER,
      created_at  INTEGER NOT NULL
    );
    CREATE INDEX mastery_history_by_profile ON mastery_history (profile_id, track, concept, created_at);

    -- Shared by every profile on this machine: difficulty is a property of the exercise.
    CREATE TABLE exercise_difficulty (
      track       TEXT NOT NULL,
      exercise    TEXT NOT NULL,
      rating      REAL NOT NULL,
      evidence    INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (track, exercise)
    ) WITHOUT ROWID;

    CREATE TABLE review (
      profile_id     INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
      track          TEXT NOT NULL,
      concept        TEXT NOT NULL,
      interval_days  REAL NOT NULL,
      due_at         INTEGER NOT NULL,
      reviews        INTEGER NOT NULL DEFAULT 0,
      lapses         INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (profile_id, track, concept)
    ) WITHOUT ROWID;
    CREATE INDEX review_by_due ON review (profile_id, due_at);

    -- Teacher side: classes built from learners' exported reports.
    CREATE TABLE class (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE,
      created_at  INTEGER NOT NULL
    );
    CREATE TABLE class_learner (
      class_id      INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,
      -- The report's public key fingerprint, or for unsigned reports a name-based key.
      learner_key   TEXT NOT NULL,
      name          TEXT NOT NULL,
      exported_at   INTEGER NOT NULL,
      verification  TEXT NOT NULL CHECK (verification IN ('verified', 'unsigned')),
      exercises_completed INTEGER NOT NULL,
      exercises_total     INTEGER NOT NULL,
      active_ms     INTEGER NOT NULL,
      hints         INTEGER NOT NULL,
      last_active   INTEGER,
      report        BLOB NOT NULL,
      imported_at   INTEGER NOT NULL,
      PRIMARY KEY (class_id, learner_key)
    ) WITHOUT ROWID;
    CREATE TABLE class_mastery (
      class_id     INTEGER NOT NULL,
      learner_key  TEXT NOT NULL,
      track        TEXT NOT NULL,
      concept      TEXT NOT NULL,
      mastery      REAL NOT NULL,
      PRIMARY KEY (class_id, learner_key, track, concept),
      FOREIGN KEY (class_id, learner_key) REFERENCES class_learner(class_id, learner_key) ON DELETE CASCADE
    ) WITHOUT ROWID;
  `,
};
