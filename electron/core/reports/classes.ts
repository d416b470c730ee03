/**
 * The teacher's classes in SQLite (tables of migration 0002): each keeps the newest report of
 * each of its learners, compressed and without its attempt list, plus the figures and mastery
 * the overview shows. An import runs in one transaction, so a class never holds half a batch.
 */
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
import { checkReportFile, type ReportFile } from './class-import.ts';
import { migrateReport } from './report-migrate.ts';
import { evidenceFromSummary, gradeEvidence, type ExerciseEvidence } from './grades.ts';
import type { GradebookLearner } from './lms-gradebook.ts';

export class ClassError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClassError';
  }
}

/**
 * What a class keeps of a report: everything but the attempt list and the signature, plus the
 * gradebook's evidence drawn from the attempts (absent in copies stored before it was kept).
 */
export type StoredReport = Omit<ProgressReport, 'attempts' | 'signature'> & { evidence?: ExerciseEvidence[] };

interface LearnerRow {
  learner_key: string;
  name: string;
  verification: 'verified' | 'unsigned';
  exported_at: number;
  report: Buffer;
}

const iso = (ms: number) => new Date(ms).toISOString();
const conceptKey = (track: string, concept: string) => `${track}\u0000${concept}`;

export class Classes {
  private readonly db: Db;
  private readonly stmt: ReturnType<typeof prepare>;
  readonly importReports: (classId: number, files: readonly ReportFile[]) => ImportOutcome[];

  constructor(db: Db) {
    this.db = db;
    this.stmt = prepare(db);
    this.importReports = db.transaction((classId: number, files: readonly ReportFile[]) => {
      this.require(classId);
      return files.map((f) => this.importOne(classId, f));
    });
  }

  list(): ClassSummary[] {
    return this.stmt.list.all() as ClassSummary[];
  }

  create(name: string): ClassSummary {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (!clean) throw new ClassError('A class needs a name, for example “7B Python”.');
    const taken = this.stmt.byName.get(clean) as { name: string } | undefined;
    if (taken) throw new ClassError(`There is already a class called “${taken.name}”. Choose another name.`);
    const id = Number(this.stmt.create.run(clean, Date.now()).lastInsertRowid);
    return { id, name: clean, learners: 0 };
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
    const { report, verification, learnerKey } = checked;
    const about = { file: file.name, learner: report.learner.name, exportedAt: report.exportedAt };
    const exportedAt = Date.parse(report.exportedAt);
    const existing = this.stmt.existing.get(classId, learnerKey) as { exported_at: number } | undefined;
    if (existing && exportedAt === existing.exported_at)
      return { ...about, result: 'rejected', status: 'duplicate' };
    if (existing && exportedAt < existing.exported_at)
      return { ...about, result: 'rejected', status: 'older' };

    const { attempts: _attempts, signature: _signature, ...kept } = report;
    const stored: StoredReport = { ...kept, evidence: gradeEvidence(report.attempts) };
    const s = report.summary;
    this.stmt.upsert.run({
      class_id: classId,
      learner_key: learnerKey,
      name: report.learner.name,
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
    return { ...about, result: existing ? 'replaced' : 'imported', status: verification };
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

  require(classId: number): { id: number; name: string } {
    const cls = this.stmt.get.get(classId) as { id: number; name: string } | undefined;
    if (!cls) throw new ClassError(`There is no class with id ${classId}. It may have been deleted.`);
    return cls;
  }

  private learners(classId: number): { row: LearnerRow; report: StoredReport }[] {
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
    get: db.prepare('SELECT id, name FROM class WHERE id = ?'),
    create: db.prepare('INSERT INTO class (name, created_at) VALUES (?, ?)'),
    delete: db.prepare('DELETE FROM class WHERE id = ?'),
    removeLearner: db.prepare('DELETE FROM class_learner WHERE class_id = ? AND learner_key = ?'),
    existing: db.prepare('SELECT exported_at FROM class_learner WHERE class_id = ? AND learner_key = ?'),
    upsert: db.prepare(
      `INSERT INTO class_learner (class_id, learner_key, name, exported_at, verification, exercises_completed,
         exercises_total, active_ms, hints, last_active, report, imported_at)
       VALUES (@class_id, @learner_key, @name, @exported_at, @verification, @exercises_completed,
         @exercises_total, @active_ms, @hints, @last_active, @report, @imported_at)
       ON CONFLICT (class_id, learner_key) DO UPDATE SET name = excluded.name,
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
      `SELECT learner_key, name, verification, exported_at, report FROM class_learner
       WHERE class_id = ? ORDER BY name COLLATE NOCASE, learner_key`,
    ),
  };
}
