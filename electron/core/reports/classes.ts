/**
 * The teacher's classes in SQLite (tables of migration 0002): each keeps the newest report of
 * each of its learners, compressed and without its attempt list, plus the figures and mastery
 * the overview shows. An import runs in one transaction, so a class never holds half a batch.
 */
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Db } from '../store/database.ts';
import type {
  ClassLearnerRow,
  ClassOverview,
  ClassSummary,
  ImportOutcome,
  LearnerDetail,
} from '../../../shared/api/calls/teacher.ts';
import type { ProgressReport } from './report-schema.ts';
import { MAX_IMPORT_FILES } from '../../../shared/api/calls/teacher.ts';
import type {
  AssignedUnit,
  ClassEnrolment,
  ClassView,
  HeldReport,
} from '../../../shared/api/calls/classes.ts';
import type { LocalizedText } from '../../../shared/content/schema.ts';
import type { ReportFile } from './class-import.ts';
import { migrateReport } from './report-migrate.ts';
import { evidenceFromSummary } from './grades.ts';
import type { GradebookLearner } from './lms-gradebook.ts';
import { classIdFrom, enrolmentCode, enrolmentFile } from './enrolment.ts';
import type { TeacherKey } from './teacher-key.ts';
import {
  prepareClassStatements,
  type ClassStatements,
  type HeldRow,
  type LearnerRow,
} from './class-statements.ts';
import {
  ClassError,
  importReport,
  learnersById,
  resolveHeldReport,
  writeTrackRows,
  type StoredReport,
} from './class-merge.ts';
import { buildTrackView, type TrackRow, type ViewOrder } from './class-view.ts';
import { KeptViews } from './kept-views.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const conceptKey = (track: string, concept: string) => `${track}\u0000${concept}`;

export class Classes {
  private readonly db: Db;
  private readonly stmt: ClassStatements;
  private readonly teacher: TeacherKey | undefined;
  /** Views kept built until the class's data changes (decision 0054). */
  private readonly views: KeptViews;
  readonly importReports: (classId: number, files: readonly ReportFile[]) => ImportOutcome[];
  readonly resolveHeld: (classId: number, heldId: number, accept: boolean) => ImportOutcome | null;

  /** `teacher`: the key enrolments carry; without it (the CLI) classes have no enrolment. */
  constructor(db: Db, teacher?: TeacherKey) {
    this.db = db;
    this.teacher = teacher;
    this.stmt = prepareClassStatements(db);
    this.views = new KeptViews(db);
    this.importReports = db.transaction((classId: number, files: readonly ReportFile[]) => {
      this.require(classId);
      if (files.length > MAX_IMPORT_FILES)
        throw new ClassError(
          'too-many-files',
          { max: MAX_IMPORT_FILES, count: files.length },
          `One import takes at most ${MAX_IMPORT_FILES} report files; this one has ${files.length}. Import them in parts.`,
        );
      const ids = learnersById(this.stmt, classId);
      return files.map((f) => importReport(this.stmt, classId, f, (c) => this.isThisClass(classId, c), ids));
    });
    this.resolveHeld = db.transaction((classId: number, heldId: number, accept: boolean) => {
      this.require(classId);
      return resolveHeldReport(this.stmt, classId, heldId, accept);
    });
  }

  list(): ClassSummary[] {
    return this.stmt.list.all() as ClassSummary[];
  }

  create(name: string): ClassSummary {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (!clean)
      throw new ClassError('class-name-empty', {}, 'A class needs a name, for example “7B Python”.');
    const taken = this.stmt.byName.get(clean) as { name: string } | undefined;
    if (taken)
      throw new ClassError(
        'class-name-taken',
        { name: taken.name },
        `There is already a class called “${taken.name}”. Choose another name.`,
      );
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
    if (!this.teacher)
      throw new ClassError(
        'no-teacher-key',
        {},
        'This Lantern has no teacher key to make an enrolment with.',
      );
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

  /**
   * The class view of one track (the one with most learners when none is asked for), read from
   * the per-track rows; learners imported before those rows existed get theirs first.
   */
  view(
    classId: number,
    track: string | undefined,
    orderOf: (track: string) => ViewOrder | undefined,
  ): ClassView {
    return this.views.get(`${classId}\u0000${track ?? ''}`, orderOf, () =>
      this.buildView(classId, track, orderOf),
    );
  }

  private buildView(
    classId: number,
    track: string | undefined,
    orderOf: (track: string) => ViewOrder | undefined,
  ): ClassView {
    const cls = this.require(classId);
    const missing = this.stmt.withoutRows.all({ classId }) as LearnerRow[];
    if (missing.length)
      this.db.transaction(() => {
        for (const row of missing)
          writeTrackRows(
            this.stmt,
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
      throw new ClassError(
        'learner-gone',
        {},
        'That learner is not in this class any more. Import their report again.',
      );
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
    if (!cls)
      throw new ClassError(
        'class-missing',
        { id: classId },
        `There is no class with id ${classId}. It may have been deleted.`,
      );
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

/** A class name as part of a file name. */
const safeName = (name: string) =>
  name
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'class';
