import type { Migration } from './types.ts';

/**
 * Classes a learner joins, and who each learner of a class is (decision 0040).
 *
 * Teacher side:
 * - `class.code` is the class's id inside its enrolment file and code, random so that two
 *   teachers' classes never share one; `class.units` the assigned units with due dates (JSON).
 *   Classes made before this change get a code when they are first shown.
 * - `class_learner.student_id` is the ID or e-mail the learner typed when joining.
 * - `class_learner_key` holds the signing keys accepted for a learner: the first one is pinned
 *   at the first import; another is added only when the teacher accepts it.
 * - `class_held` keeps a report signed by a key the learner's row does not have, until the
 *   teacher accepts or rejects it: it is never merged on its own.
 *
 * - `class_track_row` is what the class view reads of each learner's report, one row per track,
 *   and `class_title` the titles of tracks, exercises and concepts: so a class of hundreds opens
 *   without reading every report back. Learners imported earlier get their rows on first view.
 *
 * Learner side: `enrolment`, the class each profile joined.
 */
export const migration: Migration = {
  version: 8,
  name: 'class-enrolment',
  up: `
    ALTER TABLE class ADD COLUMN code TEXT;
    ALTER TABLE class ADD COLUMN units TEXT NOT NULL DEFAULT '[]';
    CREATE UNIQUE INDEX class_by_code ON class (code);
    ALTER TABLE class_learner ADD COLUMN student_id TEXT;

    CREATE TABLE class_learner_key (
      class_id     INTEGER NOT NULL,
      learner_key  TEXT NOT NULL,
      -- Fingerprint of a public key (keyFingerprint in signing.ts).
      key          TEXT NOT NULL,
      accepted_at  INTEGER NOT NULL,
      PRIMARY KEY (class_id, learner_key, key),
      FOREIGN KEY (class_id, learner_key) REFERENCES class_learner(class_id, learner_key) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX class_learner_key_by_key ON class_learner_key (class_id, key);
    -- Learners imported before pinning existed: the key they were recognised by is their pin.
    INSERT INTO class_learner_key (class_id, learner_key, key, accepted_at)
      SELECT class_id, learner_key, substr(learner_key, 5), imported_at FROM class_learner
      WHERE learner_key LIKE 'key:%';

    CREATE TABLE class_held (
      id           INTEGER PRIMARY KEY,
      class_id     INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,
      learner_key  TEXT NOT NULL,
      key          TEXT NOT NULL,
      name         TEXT NOT NULL,
      student_id   TEXT,
      file         TEXT NOT NULL,
      exported_at  INTEGER NOT NULL,
      -- The whole report as imported (gzip JSON), so accepting it merges exactly this file.
      report       BLOB NOT NULL,
      held_at      INTEGER NOT NULL,
      UNIQUE (class_id, learner_key, key, exported_at)
    );

    CREATE TABLE class_track_row (
      class_id     INTEGER NOT NULL,
      learner_key  TEXT NOT NULL,
      track        TEXT NOT NULL,
      -- JSON: TrackRow in electron/core/reports/class-view.ts.
      data         TEXT NOT NULL,
      PRIMARY KEY (class_id, track, learner_key),
      FOREIGN KEY (class_id, learner_key) REFERENCES class_learner(class_id, learner_key) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE TABLE class_title (
      class_id  INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,
      track     TEXT NOT NULL,
      -- '' for the track itself, 'e:<id>' for an exercise, 'c:<id>' for a concept.
      item      TEXT NOT NULL,
      title     TEXT NOT NULL,
      PRIMARY KEY (class_id, track, item)
    ) WITHOUT ROWID;

    CREATE TABLE enrolment (
      profile_id   INTEGER PRIMARY KEY REFERENCES profile(id) ON DELETE CASCADE,
      class_code   TEXT NOT NULL,
      class_name   TEXT NOT NULL,
      -- The teacher's public key, SPKI DER base64, as the enrolment carried it.
      teacher_key  TEXT NOT NULL,
      units        TEXT NOT NULL DEFAULT '[]',
      student_id   TEXT NOT NULL,
      joined_at    INTEGER NOT NULL
    );
  `,
};
