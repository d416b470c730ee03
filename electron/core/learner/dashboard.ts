/**
 * The progress dashboard's figures for one learner. Every query reads a small summary table
 * (exercise_progress, activity_day, mastery, review) or walks an index for the newest attempts,
 * so the page stays fast however many attempts a learner has made.
 */
import type { Db } from '../store/database.ts';
import type { ProgressStore } from './progress-store.ts';
import type { AttemptKind, AttemptStatus } from './progress-records.ts';
import { masteryFigure } from '../../../shared/api/calls/learner.ts';

export interface Dashboard {
  /** `mastery` is null when there is no evidence ("not yet assessed"). */
  mastery: {
    track: string;
    concept: string;
    mastery: number | null;
    evidence: number;
    lastSeen: number | null;
    confidence: 'none' | 'low' | 'medium' | 'high';
  }[];
  exercisesSolved: number;
  solvedByTrack: Record<string, number>;
  activeMs: number;
  /** Consecutive days with activity, ending today (or yesterday, while today is still open). */
  streakDays: number;
  /** Last 30 days, oldest first, days without activity included. */
  activity: { day: string; activeMs: number; attempts: number }[];
  hintsPerExercise: { track: string; exercise: string; hints: number }[];
  recent: {
    at: number;
    track: string;
    exercise: string;
    kind: AttemptKind;
    status: AttemptStatus;
    testsPassed: number;
    testsTotal: number;
  }[];
  dueReviews: { track: string; concept: string; dueAt: number }[];
}

export const ACTIVITY_DAYS = 30;
const RECENT = 10;

export class DashboardQueries {
  private readonly progress: ProgressStore;
  private readonly stmt: ReturnType<typeof prepare>;

  constructor(db: Db, progress: ProgressStore) {
    this.progress = progress;
    this.stmt = prepare(db);
  }

  /** `mastery` comes from the learner model when given (it includes concepts not yet practised). */
  dashboard(profileId: number, options: { now?: number; mastery?: Dashboard['mastery'] } = {}): Dashboard {
    const now = options.now ?? this.progress.now();
    const today = this.progress.dayOf(now);
    const solved = this.stmt.solved.all(profileId) as { track: string; n: number }[];
    const days = this.stmt.days.all(profileId) as { day: string; active_ms: number; attempts: number }[];
    const byDay = new Map(days.map((d) => [d.day, d]));
    const window = Array.from({ length: ACTIVITY_DAYS }, (_, i) => addDays(today, i - ACTIVITY_DAYS + 1));
    return {
      mastery:
        options.mastery ??
        (this.stmt.mastery.all(profileId) as StoredMastery[]).map((m) => ({
          track: m.track,
          concept: m.concept,
          ...masteryFigure(m),
        })),
      exercisesSolved: solved.reduce((s, r) => s + r.n, 0),
      solvedByTrack: Object.fromEntries(solved.map((r) => [r.track, r.n])),
      activeMs: (this.stmt.activeMs.get(profileId) as { ms: number | null }).ms ?? 0,
      streakDays: streak(new Set(days.map((d) => d.day)), today),
      activity: window.map((day) => ({
        day,
        activeMs: byDay.get(day)?.active_ms ?? 0,
        attempts: byDay.get(day)?.attempts ?? 0,
      })),
      hintsPerExercise: this.stmt.hints.all(profileId) as Dashboard['hintsPerExercise'],
      recent: (this.stmt.recent.all(profileId, RECENT) as RecentRow[]).map((r) => ({
        at: r.created_at,
        track: r.track,
        exercise: r.exercise,
        kind: r.kind,
        status: r.status,
        testsPassed: r.tests_passed,
        testsTotal: r.tests_total,
      })),
      dueReviews: this.stmt.due.all(profileId, now) as Dashboard['dueReviews'],
    };
  }
}

interface StoredMastery {
  track: string;
  concept: string;
  mastery: number;
  evidence: number;
  updatedAt: number;
}

interface RecentRow {
  created_at: number;
  track: string;
  exercise: string;
  kind: AttemptKind;
  status: AttemptStatus;
  tests_passed: number;
  tests_total: number;
}

/** Calendar arithmetic on 'YYYY-MM-DD' strings, independent of the machine's timezone. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function streak(activeDays: ReadonlySet<string>, today: string): number {
  let day = activeDays.has(today) ? today : addDays(today, -1);
  let n = 0;
  while (activeDays.has(day)) {
    n++;
    day = addDays(day, -1);
  }
  return n;
}

function prepare(db: Db) {
  return {
    mastery: db.prepare(
      `SELECT track, concept, mastery, evidence, updated_at AS updatedAt FROM mastery
       WHERE profile_id = ? ORDER BY track, concept`,
    ),
    solved: db.prepare(
      `SELECT track, count(*) AS n FROM exercise_progress
       WHERE profile_id = ? AND completed_at IS NOT NULL GROUP BY track`,
    ),
    activeMs: db.prepare('SELECT sum(active_ms) AS ms FROM activity_day WHERE profile_id = ?'),
    days: db.prepare(
      'SELECT day, active_ms, attempts FROM activity_day WHERE profile_id = ? AND (active_ms > 0 OR attempts > 0)',
    ),
    hints: db.prepare(
      `SELECT track, exercise, hints_shown AS hints FROM exercise_progress
       WHERE profile_id = ? AND hints_shown > 0 ORDER BY hints_shown DESC, last_at DESC`,
    ),
    recent: db.prepare(
      `SELECT created_at, track, exercise, kind, status, tests_passed, tests_total FROM attempt
       WHERE profile_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
    ),
    due: db.prepare(
      'SELECT track, concept, due_at AS dueAt FROM review WHERE profile_id = ? AND due_at <= ? ORDER BY due_at',
    ),
  };
}
