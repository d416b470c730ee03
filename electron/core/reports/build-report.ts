/**
 * Builds a learner's progress report (the JSON of report-schema.ts) from their records, and signs
 * it with the profile's key. The code of attempts stays on the learner's machine.
 */
import type { Db } from '../store/database.ts';
import type { AttemptRow as StoredAttemptRow, ExerciseProgressRow } from '../learner/progress-records.ts';
import type { Profiles } from '../learner/profiles.ts';
import type { ProgressStore } from '../learner/progress-store.ts';
import type { LearnerModel } from '../learner/learner-model.ts';
import type { CourseMap } from '../learner/course-map.ts';
import { streak } from '../learner/dashboard.ts';
import {
  REPORT_FORMAT,
  REPORT_SCHEMA_VERSION,
  type ProgressReport,
  type ReportTrack,
} from './report-schema.ts';
import { signReport } from './signing.ts';
import { masteryFigure } from '../../../shared/api/calls/learner.ts';
import { GeneratedExerciseStore } from '../practice/store.ts';
import { decompressCode } from '../learner/progress-records.ts';
import { Memberships } from './membership.ts';
import type { ReportLocale } from './csv.ts';
import { learnerNameIn } from '../../../shared/api/learner-name.ts';
import { keyFingerprint } from './signing.ts';
import { MAX_ERROR_EXAMPLES, MAX_EXAMPLE_CODE, type ReportErrorExample } from './report-schema.ts';

export interface ReportSources {
  db: Db;
  profiles: Profiles;
  progress: ProgressStore;
  model: LearnerModel;
  courseOf: (track: string) => CourseMap | undefined;
  appVersion: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/**
 * `locale`: the language the learner exports in, which words a name no one chose ("学习者"), as
 * the learner sees it on screen (decision 0055).
 */
export function buildProgressReport(
  src: ReportSources,
  profileId: number,
  now = src.progress.now(),
  locale: ReportLocale = 'en',
): ProgressReport {
  const profile = src.profiles.get(profileId);
  if (!profile) throw new Error(`There is no learner profile with id ${profileId}.`);
  const { db } = src;
  const generated = new GeneratedExerciseStore(db);
  const exerciseRows = db
    .prepare('SELECT * FROM exercise_progress WHERE profile_id = ? ORDER BY track, first_at')
    .all(profileId) as ExerciseProgressRow[];
  const masteryTracks = db
    .prepare('SELECT DISTINCT track FROM mastery WHERE profile_id = ?')
    .all(profileId) as { track: string }[];
  const trackIds = [
    ...new Set([...exerciseRows.map((r) => r.track), ...masteryTracks.map((r) => r.track)]),
  ].sort();

  const tracks = trackIds.map((id): ReportTrack => {
    const course = src.courseOf(id);
    const mastery = course
      ? src.model.mastery(profileId, id)
      : (db
          .prepare(
            `SELECT concept, mastery, evidence, updated_at AS updatedAt FROM mastery
             WHERE profile_id = ? AND track = ? ORDER BY concept`,
          )
          .all(profileId, id) as { concept: string; mastery: number; evidence: number; updatedAt: number }[]);
    const conceptTitle = new Map(course?.track.concepts.map((c) => [c.id, c.title]));
    const exerciseTitle = new Map(course?.exercises.map((e) => [e.id, e.title]));
    return {
      id,
      ...(course && { title: pickTitle(course.track.title) }),
      exercisesTotal: course?.exercises.length ?? 0,
      concepts: mastery.map((m) => {
        const figure = masteryFigure(m);
        return {
          id: m.concept,
          ...(conceptTitle.get(m.concept) && { title: pickTitle(conceptTitle.get(m.concept)!) }),
          ...figure,
          lastSeen: figure.lastSeen === null ? null : iso(figure.lastSeen),
        };
      }),
      exercises: exerciseRows
        .filter((r) => r.track === id)
        .map((r) => {
          // Generated practice problems are not in the course: their title is stored with them.
          const t = exerciseTitle.get(r.exercise) ?? generated.title(r.exercise);
          return {
            id: r.exercise,
            ...(t && { title: pickTitle(t) }),
            completedAt: isoOrNull(r.completed_at),
            runs: r.runs,
            checks: r.checks,
            passes: r.passes,
            hintsShown: r.hints_shown,
            solutionRevealed: r.solution_revealed === 1,
            activeMs: r.active_ms,
          };
        }),
    };
  });

  const activity = db
    .prepare(
      'SELECT day, active_ms AS activeMs, attempts FROM activity_day WHERE profile_id = ? ORDER BY day',
    )
    .all(profileId) as ProgressReport['activity'];
  const attempts = (
    db
      .prepare(
        `SELECT created_at, track, exercise, kind, status, tests_passed, tests_total, time_taken_ms, hints_shown,
           solution_revealed, generated FROM attempt WHERE profile_id = ? ORDER BY created_at, id`,
      )
      .all(profileId) as AttemptRow[]
  ).map((a) => ({
    at: iso(a.created_at),
    track: a.track,
    exercise: a.exercise,
    kind: a.kind,
    status: a.status,
    testsPassed: a.tests_passed,
    testsTotal: a.tests_total,
    timeTakenMs: a.time_taken_ms,
    hintsShown: a.hints_shown,
    solutionRevealed: a.solution_revealed === 1,
    generated: a.generated === 1,
  }));
  const hints = db.prepare('SELECT count(*) AS n FROM hint WHERE profile_id = ?').get(profileId) as {
    n: number;
  };
  const reveals = db
    .prepare('SELECT count(*) AS n FROM solution_reveal WHERE profile_id = ?')
    .get(profileId) as {
    n: number;
  };
  const firstLast = db
    .prepare(
      'SELECT min(first_at) AS first, max(last_at) AS last FROM exercise_progress WHERE profile_id = ?',
    )
    .get(profileId) as { first: number | null; last: number | null };

  const membership = new Memberships(db).get(profileId);
  return {
    format: REPORT_FORMAT,
    schemaVersion: REPORT_SCHEMA_VERSION,
    exportedAt: iso(now),
    app: { name: 'Lantern', version: src.appVersion },
    learner: {
      name: learnerNameIn(profile.name, locale),
      profileCreatedAt: profile.createdAt,
      ...(membership && { studentId: membership.studentId }),
    },
    ...(membership && {
      class: {
        id: membership.classId,
        name: membership.className,
        teacherKey: keyFingerprint(membership.teacherKey),
      },
    }),
    summary: {
      exercisesCompleted: exerciseRows.filter((r) => r.completed_at !== null).length,
      attempts: attempts.length,
      checks: attempts.filter((a) => a.kind !== 'run').length,
      activeMs: activity.reduce((s, d) => s + d.activeMs, 0),
      hintsShown: hints.n,
      solutionsRevealed: reveals.n,
      streakDays: streak(
        new Set(activity.filter((d) => d.activeMs > 0 || d.attempts > 0).map((d) => d.day)),
        src.progress.dayOf(now),
      ),
      firstActiveAt: isoOrNull(firstLast.first),
      lastActiveAt: isoOrNull(firstLast.last),
    },
    tracks,
    activity,
    attempts,
    // The learner's code goes only to the teacher of a class they joined, and only a little of it.
    ...(membership && { errorExamples: errorExamples(db, profileId) }),
  };
}

/** The newest failed check of each exercise and kind, newest first, each cut to a readable size. */
function errorExamples(db: Db, profileId: number): ReportErrorExample[] {
  const rows = db
    .prepare(
      `SELECT track, exercise, status, code, max(created_at) AS at FROM attempt
       WHERE profile_id = ? AND kind = 'check' AND status != 'pass' AND code IS NOT NULL
       GROUP BY track, exercise, status ORDER BY at DESC LIMIT ?`,
    )
    .all(profileId, MAX_ERROR_EXAMPLES) as {
    track: string;
    exercise: string;
    status: ReportErrorExample['kind'];
    code: Buffer;
    at: number;
  }[];
  return rows.map((r) => ({
    at: iso(r.at),
    track: r.track,
    exercise: r.exercise,
    kind: r.status,
    code: decompressCode(r.code).slice(0, MAX_EXAMPLE_CODE),
  }));
}

/** The report, signed with the profile's Ed25519 key. */
export function buildSignedReport(
  src: ReportSources,
  profileId: number,
  now?: number,
  locale: ReportLocale = 'en',
): ProgressReport {
  const { privateKey, publicKeyDer } = src.profiles.signingKey(profileId);
  return signReport(buildProgressReport(src, profileId, now, locale), privateKey, publicKeyDer);
}

type ReportTitle = { en: string; zh: string };
const pickTitle = (t: ReportTitle): ReportTitle => ({ en: t.en, zh: t.zh });

/** The attempt columns a report carries (no code). */
type AttemptRow = Omit<StoredAttemptRow, 'id' | 'profile_id' | 'code'>;
