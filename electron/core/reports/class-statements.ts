/**
 * The SQL the teacher's classes run (Classes in classes.ts), prepared once per database: the
 * tables are those of migrations 0002 and 0008.
 */
import type { Db } from '../store/database.ts';

export interface LearnerRow {
  learner_key: string;
  name: string;
  student_id: string | null;
  verification: 'verified' | 'unsigned';
  exported_at: number;
  report: Buffer;
}

export interface HeldRow {
  id: number;
  learner_key: string;
  key: string;
  name: string;
  student_id: string | null;
  file: string;
  exported_at: number;
  report: Buffer;
}

export function prepareClassStatements(db: Db) {
  return {
    list: db.prepare(
      `SELECT c.id, c.name, count(l.learner_key) AS learners FROM class c
       LEFT JOIN class_learner l ON l.class_id = c.id GROUP BY c.id ORDER BY c.name COLLATE NOCASE`,
    ),
    byName: db.prepare('SELECT name FROM class WHERE name = ? COLLATE NOCASE'),
    get: db.prepare('SELECT id, name, code, units FROM class WHERE id = ?'),
    create: db.prepare('INSERT INTO class (name, created_at, code) VALUES (?, ?, ?)'),
    setCode: db.prepare('UPDATE class SET code = ? WHERE id = ?'),
    setUnits: db.prepare('UPDATE class SET units = ? WHERE id = ?'),
    byKey: db.prepare(
      `SELECT l.learner_key, l.exported_at, l.verification FROM class_learner_key k
       JOIN class_learner l ON l.class_id = k.class_id AND l.learner_key = k.learner_key
       WHERE k.class_id = ? AND k.key = ? LIMIT 1`,
    ),
    byKeyWithoutId: db.prepare(
      `SELECT l.learner_key, l.exported_at, l.verification FROM class_learner_key k
       JOIN class_learner l ON l.class_id = k.class_id AND l.learner_key = k.learner_key
       WHERE k.class_id = ? AND k.key = ? AND l.student_id IS NULL LIMIT 1`,
    ),
    signedByName: db.prepare(
      `SELECT learner_key, exported_at, verification FROM class_learner
       WHERE class_id = ? AND verification = 'verified' AND student_id IS NULL AND name = ? COLLATE NOCASE
       LIMIT 1`,
    ),
    keysOf: db.prepare(
      'SELECT key FROM class_learner_key WHERE class_id = ? AND learner_key = ? ORDER BY accepted_at, key',
    ),
    addKey: db.prepare(
      'INSERT OR IGNORE INTO class_learner_key (class_id, learner_key, key, accepted_at) VALUES (?, ?, ?, ?)',
    ),
    hold: db.prepare(
      `INSERT OR IGNORE INTO class_held (class_id, learner_key, key, name, student_id, file, exported_at, report, held_at)
       VALUES (@class_id, @learner_key, @key, @name, @student_id, @file, @exported_at, @report, @held_at)`,
    ),
    heldList: db.prepare(
      `SELECT h.*, l.name AS known_name FROM class_held h
       LEFT JOIN class_learner l ON l.class_id = h.class_id AND l.learner_key = h.learner_key
       WHERE h.class_id = ? ORDER BY h.held_at, h.id`,
    ),
    heldCount: db.prepare('SELECT count(*) AS n FROM class_held WHERE class_id = ?'),
    heldGet: db.prepare('SELECT * FROM class_held WHERE id = ? AND class_id = ?'),
    heldDelete: db.prepare('DELETE FROM class_held WHERE id = ?'),
    clearRows: db.prepare('DELETE FROM class_track_row WHERE class_id = ? AND learner_key = ?'),
    addRow: db.prepare(
      'INSERT INTO class_track_row (class_id, learner_key, track, data) VALUES (?, ?, ?, ?)',
    ),
    setTitle: db.prepare(
      `INSERT INTO class_title (class_id, track, item, title) VALUES (?, ?, ?, ?)
       ON CONFLICT (class_id, track, item) DO UPDATE SET title = excluded.title`,
    ),
    // Not a correlated NOT EXISTS: class_track_row's key is (class, track, learner), so that looked
    // through the whole class's rows for each learner, 26 ms of a 32 ms view for 300 learners.
    withoutRows: db.prepare(
      `SELECT learner_key, report FROM class_learner WHERE class_id = @classId AND learner_key NOT IN
         (SELECT learner_key FROM class_track_row WHERE class_id = @classId)`,
    ),
    trackCounts: db.prepare(
      `SELECT r.track, count(*) AS learners, t.title FROM class_track_row r
       LEFT JOIN class_title t ON t.class_id = r.class_id AND t.track = r.track AND t.item = ''
       WHERE r.class_id = ? GROUP BY r.track`,
    ),
    trackRows: db.prepare(
      `SELECT l.learner_key, l.name, l.student_id, l.verification, l.exported_at, r.data
       FROM class_track_row r JOIN class_learner l ON l.class_id = r.class_id AND l.learner_key = r.learner_key
       WHERE r.class_id = ? AND r.track = ? ORDER BY l.name COLLATE NOCASE, l.learner_key`,
    ),
    titles: db.prepare('SELECT item, title FROM class_title WHERE class_id = ? AND track = ?'),
    delete: db.prepare('DELETE FROM class WHERE id = ?'),
    removeLearner: db.prepare('DELETE FROM class_learner WHERE class_id = ? AND learner_key = ?'),
    withStudentId: db.prepare(
      'SELECT learner_key, student_id FROM class_learner WHERE class_id = ? AND student_id IS NOT NULL',
    ),
    existing: db.prepare(
      `SELECT learner_key, exported_at, verification, student_id FROM class_learner
       WHERE class_id = ? AND learner_key = ?`,
    ),
    upsert: db.prepare(
      `INSERT INTO class_learner (class_id, learner_key, name, student_id, exported_at, verification,
         exercises_completed, exercises_total, active_ms, hints, last_active, report, imported_at)
       VALUES (@class_id, @learner_key, @name, @student_id, @exported_at, @verification, @exercises_completed,
         @exercises_total, @active_ms, @hints, @last_active, @report, @imported_at)
       ON CONFLICT (class_id, learner_key) DO UPDATE SET name = excluded.name, student_id = excluded.student_id,
         exported_at = excluded.exported_at, verification = excluded.verification,
         exercises_completed = excluded.exercises_completed, exercises_total = excluded.exercises_total,
         active_ms = excluded.active_ms, hints = excluded.hints, last_active = excluded.last_active,
         report = excluded.report, imported_at = excluded.imported_at`,
    ),
    clearMastery: db.prepare('DELETE FROM class_mastery WHERE class_id = ? AND learner_key = ?'),
    addMastery: db.prepare(
      'INSERT INTO class_mastery (class_id, learner_key, track, concept, mastery) VALUES (?, ?, ?, ?, ?)',
    ),
    learners: db.prepare(
      `SELECT learner_key, name, student_id, verification, exported_at, report FROM class_learner
       WHERE class_id = ? ORDER BY name COLLATE NOCASE, learner_key`,
    ),
  };
}

export type ClassStatements = ReturnType<typeof prepareClassStatements>;
