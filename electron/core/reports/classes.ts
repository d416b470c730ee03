/**
 * The teacher's classes in SQLite (tables of migration 0002): each keeps the newest report of
 * each of its learners, compressed and without its attempt list, plus the figures and mastery
 * the overview shows. An import runs in one transaction, so a class never holds half a batch.
 */
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from '../store/database.ts';
import type {
  ClassLearnerRow,
  ClassOverview,
  ClassSummary,
  ImportOutcome,
  LearnerDetail,
} from '../../../shared/api/calls/teacher.ts';
import type { ProgressReport } from './report-schema.ts';
import type { AssignedUnit, ClassEnrolment, HeldReport } from '../../../shared/api/calls/classes.ts';
import { checkReportFile, type ReportFile } from './class-import.ts';
import { migrateReport } from './report-migrate.ts';
import { evidenceFromSummary, gradeEvidence, type ExerciseEvidence } from './grades.ts';
import type { GradebookLearner } from './lms-gradebook.ts';
import { keyFingerprint } from './signing.ts';
import { classIdFrom, enrolmentCode, enrolmentFile } from './enrolment.ts';
import type { TeacherKey } from './teacher-key.ts';
import type { ClassView } from '../../../shared/api/calls/classes.ts';
import type { LocalizedText } from '../../../shared/content/schema.ts';
import {
  buildTrackView,
  digestAttempts,
  trackRows,
  type AttemptDigest,
  type TrackRow,
  type ViewOrder,
} from './class-view.ts';

export class ClassError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClassError';
  }
}

/**
 * What a class keeps of a report: everything but the attempt list and the signature, plus the
 * gradebook's evidence and what the class view needs, drawn from the attempts (absent in copies
 * stored before they were kept).
 */
export type StoredReport = Omit<ProgressReport, 'attempts' | 'signature'> & {
  evidence?: ExerciseEvidence[];
  digest?: AttemptDigest;
};

export interface LearnerRow {
  learner_key: string;
  name: string;
  student_id: string | null;
  verification: 'verified' | 'unsigned';
  exported_at: number;
  report: Buffer;
}

interface HeldRow {
  id: number;
  learner_key: string;
  key: string;
  name: string;
  student_id: string | null;
  file: string;
  exported_at: number;
  report: Buffer;
}

/** How the class recognises a learner: the student ID they joined with, else their key or name. */
const studentKey = (studentId: string) => `id:${studentId.trim().toLowerCase()}`;

const iso = (ms: number) => new Date(ms).toISOString();
const conceptKey = (track: string, concept: string) => `${track}\u0000${concept}`;

export class Classes {
  private readonly db: Db;
  private readonly stmt: ReturnType<typeof prepare>;
  private readonly teacher: TeacherKey | undefined;
  readonly importReports: (classId: number, files: readonly ReportFile[]) => ImportOutcome[];
  readonly resolveHeld: (classId: number, heldId: number, accept: boolean) => ImportOutcome | null;

  /** `teacher`: the key enrolments carry; without it (the CLI) classes have no enrolment. */
  constructor(db: Db, teacher?: TeacherKey) {
    this.db = db;
    this.teacher = teacher;
    this.stmt = prepare(db);
    this.importReports = db.transaction((classId: number, files: readonly ReportFile[]) => {
      this.require(classId);
      return files.map((f) => this.importOne(classId, f));
    });
    this.resolveHeld = db.transaction((classId: number, heldId: number, accept: boolean) =>
      this.resolve(classId, heldId, accept),
    );
  }

  list(): ClassSummary[] {
    return this.stmt.list.all() as ClassSummary[];
  }

  create(name: string): ClassSummary {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (!clean) throw new ClassError('A class needs a name, for example “7B Python”.');
    const taken = this.stmt.byName.get(clean) as { name: string } | undefined;
    if (taken) throw new ClassError(`There is already a class called “${taken.name}”. Choose another name.`);
    const id = Number(this.stmt.create.run(clean, Date.now(), classIdFrom(randomBytes(5))).lastInsertRowid);
    return { id, name: clean, learners: 0 };
  }

  /** The class's id in enrolments and reports; a class made before enrolments gets one now. */
  code(classId: number): string {
    const cls = this.require(classId);
    if (cls.code) return cls.code;
    const code = classIdFrom(randomBytes(5));
    this.stmt.setCode.run(code, classId);
    return code;
  }

  units(classId: number): AssignedUnit[] {
    return JSON.parse(this.require(classId).units) as AssignedUnit[];
  }

  setUnits(classId: number, units: readonly AssignedUnit[]): AssignedUnit[] {
    this.require(classId);
    const seen = new Set<string>();
    const clean = units.filter((u) => !seen.has(`${u.track}/${u.unit}`) && seen.add(`${u.track}/${u.unit}`));
    this.stmt.setUnits.run(JSON.stringify(clean), classId);
    return clean;
  }

  /** The enrolment file and code a learner joins the class with. */
  enrolment(classId: number): ClassEnrolment {
    if (!this.teacher) throw new ClassError('This Lantern has no teacher key to make an enrolment with.');
    const cls = this.require(classId);
    const e = {
      classId: this.code(classId),
      className: cls.name,
      teacherKey: this.teacher.publicKey(),
      units: this.units(classId),
    };
    return {
      classId,
      className: cls.name,
      classCode: e.classId,
      enrolmentCode: enrolmentCode(e),
      units: e.units,
      file: {
        name: `class-${safeName(cls.name)}.lantern-class.json`,
        mimeType: 'application/json',
        content: enrolmentFile(e, this.teacher.privateKey()),
      },
    };
  }

  held(classId: number): HeldReport[] {
    this.require(classId);
    return (this.stmt.heldList.all(classId) as (HeldRow & { known_name: string | null })[]).map((h) => ({
      id: h.id,
      learnerKey: h.learner_key,
      name: h.known_name ?? h.name,
      reportName: h.name,
      studentId: h.student_id,
      file: h.file,
      exportedAt: iso(h.exported_at),
      key: h.key,
      knownKeys: (this.stmt.keysOf.all(classId, h.learner_key) as { key: string }[]).map((k) => k.key),
    }));
  }

  heldCount(classId: number): number {
    return (this.stmt.heldCount.get(classId) as { n: number }).n;
  }

  delete(classId: number): boolean {
    return this.stmt.delete.run(classId).changes > 0;
  }

  removeLearner(classId: number, learnerKey: string): boolean {
    return this.stmt.removeLearner.run(classId, learnerKey).changes > 0;
  }

  private importOne(classId: number, file: ReportFile): ImportOutcome {
    const checked = checkReportFile(file);
    if (!checked.ok) return checked.outcome;
    const { report, verification } = checked;
    const about = { file: file.name, learner: report.learner.name, exportedAt: report.exportedAt };
    const key = report.signature ? keyFingerprint(report.signature.publicKey) : '';
    if (report.class && !this.isThisClass(classId, report.class))
      return { ...about, result: 'rejected', status: 'other-class', detail: report.class.name };

    // Who is this? The student ID they joined with; else (older reports) the key that signed it,
    // or a signed learner of the same name: a fresh key must not make a second one of them.
    const studentId = report.learner.studentId?.trim() || null;
    let learnerKey: string;
    let existing: { learner_key: string; exported_at: number; verification: string } | undefined;
    let before: string | undefined;
    if (studentId) {
      learnerKey = studentKey(studentId);
      existing = this.stmt.existing.get(classId, learnerKey) as typeof existing;
      // The same learner's reports from before they joined: their row moves to the student ID.
      if (!existing && key) {
        const earlier = this.stmt.byKeyWithoutId.get(classId, key) as typeof existing;
        if (earlier) ({ learner_key: before } = earlier);
        existing = earlier;
      }
    } else if (key) {
      existing = (this.stmt.byKey.get(classId, key) ??
        this.stmt.signedByName.get(classId, report.learner.name.trim())) as typeof existing;
      learnerKey = existing?.learner_key ?? `key:${key}`;
    } else {
      learnerKey = `name:${report.learner.name.trim().toLowerCase()}`;
      existing = this.stmt.existing.get(classId, learnerKey) as typeof existing;
    }
    const exportedAt = Date.parse(report.exportedAt);
    if (existing && exportedAt === existing.exported_at)
      return { ...about, result: 'rejected', status: 'duplicate' };
    if (existing && exportedAt < existing.exported_at)
      return { ...about, result: 'rejected', status: 'older' };

    // A learner's first report pins its key; one signed by another key (or by none, after a
    // signed one) waits for the teacher, never replacing what the class has.
    const known = existing
      ? (this.stmt.keysOf.all(classId, existing.learner_key) as { key: string }[]).map((k) => k.key)
      : [];
    const otherKey = key ? known.length > 0 && !known.includes(key) : existing?.verification === 'verified';
    if (existing && otherKey) {
      const held = this.stmt.hold.run({
        class_id: classId,
        learner_key: existing.learner_key,
        key,
        name: report.learner.name,
        student_id: studentId,
        file: file.name,
        exported_at: exportedAt,
        report: gzipSync(JSON.stringify(report)),
        held_at: Date.now(),
      });
      if (held.changes === 0) return { ...about, result: 'rejected', status: 'duplicate' };
      return { ...about, result: 'held', status: 'other-key' };
    }
    if (before !== undefined) this.stmt.removeLearner.run(classId, before);
    this.merge(classId, learnerKey, report, verification, studentId, exportedAt);
    if (key) this.stmt.addKey.run(classId, learnerKey, key, Date.now());
    return {
      ...about,
      result: existing && before === undefined ? 'replaced' : 'imported',
      status: verification,
    };
  }

  private merge(
    classId: number,
    learnerKey: string,
    report: ProgressReport,
    verification: 'verified' | 'unsigned',
    studentId: string | null,
    exportedAt: number,
  ): void {
    const { attempts, signature: _signature, ...kept } = report;
    const stored: StoredReport = {
      ...kept,
      evidence: gradeEvidence(attempts),
      digest: digestAttempts(attempts, exportedAt),
    };
    const s = report.summary;
    this.stmt.upsert.run({
      class_id: classId,
      learner_key: learnerKey,
      name: report.learner.name,
      student_id: studentId,
      exported_at: exportedAt,
      verification,
      exercises_completed: s.exercisesCompleted,
      exercises_total: report.tracks.reduce((n, t) => n + t.exercisesTotal, 0),
      active_ms: s.activeMs,
      hints: s.hintsShown,
      last_active: s.lastActiveAt === null ? null : Date.parse(s.lastActiveAt),
      report: gzipSync(JSON.stringify(stored)),
      imported_at: Date.now(),
    });
    this.stmt.clearMastery.run(classId, learnerKey);
    for (const t of report.tracks)
      for (const c of t.concepts)
        if (c.mastery !== null) this.stmt.addMastery.run(classId, learnerKey, t.id, c.id, c.mastery);
    this.writeTrackRows(classId, learnerKey, stored);
  }

  private writeTrackRows(classId: number, learnerKey: string, stored: StoredReport): void {
    this.stmt.clearRows.run(classId, learnerKey);
    for (const { track, row, titles } of trackRows(stored)) {
      this.stmt.addRow.run(classId, learnerKey, track, JSON.stringify(row));
      for (const { item, title } of titles)
        this.stmt.setTitle.run(classId, track, item, JSON.stringify(title));
    }
  }

  /**
   * The class view of one track (the one with most learners when none is asked for), read from
   * the per-track rows; learners imported before those rows existed get theirs first.
   */
  view(
    classId: number,
    track: string | undefined,
    orderOf: (track: string) => ViewOrder | undefined,
  ): ClassView {
    const cls = this.require(classId);
    const missing = this.stmt.withoutRows.all(classId) as LearnerRow[];
    if (missing.length)
      this.db.transaction(() => {
        for (const row of missing)
          this.writeTrackRows(
            classId,
            row.learner_key,
            migrateReport(JSON.parse(gunzipSync(row.report).toString('utf8')) as StoredReport),
          );
      })();
    const counts = this.stmt.trackCounts.all(classId) as {
      track: string;
      learners: number;
      title: string | null;
    }[];
    const tracks = counts
      .map((c) => ({
        id: c.track,
        ...(c.title && { title: JSON.parse(c.title) as LocalizedText }),
        learners: c.learners,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const shown =
      track && counts.some((c) => c.track === track)
        ? track
        : ([...counts].sort((a, b) => b.learners - a.learners || a.track.localeCompare(b.track))[0]?.track ??
          null);
    const learners =
      shown === null
        ? []
        : (this.stmt.trackRows.all(classId, shown) as (Omit<LearnerRow, 'report'> & { data: string })[]).map(
            (r) => ({
              key: r.learner_key,
              name: r.name,
              studentId: r.student_id,
              verification: r.verification,
              exportedAt: r.exported_at,
              row: JSON.parse(r.data) as TrackRow,
            }),
          );
    const titles = new Map(
      shown === null
        ? []
        : (this.stmt.titles.all(classId, shown) as { item: string; title: string }[]).map(
            (t) => [t.item, JSON.parse(t.title) as LocalizedText] as const,
          ),
    );
    return buildTrackView({
      cls: { id: cls.id, name: cls.name },
      tracks,
      track: shown,
      learners,
      titles,
      held: this.heldCount(classId),
      order: shown === null ? undefined : orderOf(shown),
    });
  }

  /** Accepting adds the key to the learner's and merges the report if it is their newest. */
  private resolve(classId: number, heldId: number, accept: boolean): ImportOutcome | null {
    this.require(classId);
    const h = this.stmt.heldGet.get(heldId, classId) as HeldRow | undefined;
    if (!h) throw new ClassError('That report is no longer waiting: it was accepted or rejected already.');
    this.stmt.heldDelete.run(heldId);
    if (!accept) return null;
    const report = JSON.parse(gunzipSync(h.report).toString('utf8')) as ProgressReport;
    const about = { file: h.file, learner: h.name, exportedAt: report.exportedAt };
    const verification = h.key ? 'verified' : 'unsigned';
    const existing = this.stmt.existing.get(classId, h.learner_key) as { exported_at: number } | undefined;
    if (existing && h.exported_at <= existing.exported_at) {
      if (h.key) this.stmt.addKey.run(classId, h.learner_key, h.key, Date.now());
      return { ...about, result: 'rejected', status: 'older' };
    }
    this.merge(classId, h.learner_key, report, verification, h.student_id, h.exported_at);
    if (h.key) this.stmt.addKey.run(classId, h.learner_key, h.key, Date.now());
    return { ...about, result: existing ? 'replaced' : 'imported', status: verification };
  }

  private isThisClass(classId: number, c: NonNullable<ProgressReport['class']>): boolean {
    // The command line's gradebook is made of whichever files it is given.
    if (!this.teacher) return true;
    const cls = this.require(classId);
    return cls.code === c.id && this.teacher?.fingerprint() === c.teacherKey;
  }

  /** Learners × concepts, with each learner's figures; learners by name, concepts in track order. */
  overview(classId: number): ClassOverview {
    const cls = this.require(classId);
    const learners = this.learners(classId);
    const concepts = new Map<string, ClassOverview['concepts'][number]>();
    for (const { report } of learners)
      for (const track of [...report.tracks].sort((a, b) => a.id.localeCompare(b.id)))
        for (const c of track.concepts)
          if (!concepts.has(conceptKey(track.id, c.id)))
            concepts.set(conceptKey(track.id, c.id), {
              track: track.id,
              ...(track.title && { trackTitle: track.title }),
              concept: c.id,
              ...(c.title && { title: c.title }),
            });
    const keys = [...concepts.keys()];
    return {
      id: cls.id,
      name: cls.name,
      concepts: [...concepts.values()],
      learners: learners.map(({ row, report }): ClassLearnerRow => {
        // null: the report has the concept without evidence, or does not have it.
        const mastery = new Map<string, number | null>(
          report.tracks.flatMap((t) => t.concepts.map((c) => [conceptKey(t.id, c.id), c.mastery] as const)),
        );
        return {
          key: row.learner_key,
          name: row.name,
          studentId: row.student_id,
          verification: row.verification,
          exportedAt: iso(row.exported_at),
          lastActiveAt: report.summary.lastActiveAt,
          exercisesCompleted: report.summary.exercisesCompleted,
          exercisesTotal: report.tracks.reduce((n, t) => n + t.exercisesTotal, 0),
          activeMs: report.summary.activeMs,
          hintsShown: report.summary.hintsShown,
          solutionsRevealed: report.summary.solutionsRevealed,
          mastery: keys.map((k) => mastery.get(k) ?? null),
        };
      }),
    };
  }

  learner(classId: number, learnerKey: string): LearnerDetail {
    const found = this.learners(classId).find((l) => l.row.learner_key === learnerKey);
    if (!found)
      throw new ClassError('That learner is not in this class any more. Import their report again.');
    const { row, report } = found;
    return {
      key: row.learner_key,
      name: row.name,
      verification: row.verification,
      exportedAt: iso(row.exported_at),
      summary: { ...report.summary },
      tracks: report.tracks.map((t) => ({
        id: t.id,
        ...(t.title && { title: t.title }),
        exercisesTotal: t.exercisesTotal,
        concepts: t.concepts,
        exercises: t.exercises.map((e) => ({
          id: e.id,
          ...(e.title && { title: e.title }),
          completedAt: e.completedAt,
          checks: e.checks,
          hintsShown: e.hintsShown,
          solutionRevealed: e.solutionRevealed,
          activeMs: e.activeMs,
        })),
      })),
    };
  }

  /** Each learner's scores evidence and who they are, for the gradebook exports. */
  gradebookLearners(classId: number): GradebookLearner[] {
    return this.learners(classId).map(({ row, report }) => ({
      key: row.learner_key,
      name: row.name,
      ...(report.learner.studentId && { studentId: report.learner.studentId }),
      ...(report.class && { className: report.class.name }),
      verification: row.verification,
      exportedAt: iso(row.exported_at),
      exercisesCompleted: report.summary.exercisesCompleted,
      tracks: report.tracks,
      evidence: report.evidence ?? evidenceFromSummary(report),
    }));
  }

  require(classId: number): { id: number; name: string; code: string | null; units: string } {
    const cls = this.stmt.get.get(classId) as
      { id: number; name: string; code: string | null; units: string } | undefined;
    if (!cls) throw new ClassError(`There is no class with id ${classId}. It may have been deleted.`);
    return cls;
  }

  learners(classId: number): { row: LearnerRow; report: StoredReport }[] {
    return (this.stmt.learners.all(classId) as LearnerRow[]).map((row) => ({
      row,
      // Reports imported before the schema changed are kept as they came; read them as current.
      report: migrateReport(JSON.parse(gunzipSync(row.report).toString('utf8')) as StoredReport),
    }));
  }
}

function prepare(db: Db) {
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
    withoutRows: db.prepare(
      `SELECT learner_key, report FROM class_learner l WHERE class_id = ? AND NOT EXISTS
         (SELECT 1 FROM class_track_row r WHERE r.class_id = l.class_id AND r.learner_key = l.learner_key)`,
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
    existing: db.prepare(
      'SELECT learner_key, exported_at, verification FROM class_learner WHERE class_id = ? AND learner_key = ?',
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

/** A class name as part of a file name. */
const safeName = (name: string) =>
  name
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'class';
