/**
 * The learner's records in SQLite: attempts (with the code, deflated), drafts, hints, solution
 * reveals, sessions and active time, and per-exercise completion. It records facts only; what
 * they mean for mastery is the learner model's job (`learner-model.ts`).
 */
import type { Db } from '../store/database.ts';
import {
  compressCode,
  toAttempt,
  toProgress,
  type Attempt,
  type AttemptInput,
  type AttemptKind,
  type AttemptRow,
  type ExerciseProgress,
  type ExerciseProgressRow,
  type HintSource,
} from './progress-records.ts';

/** A heartbeat further than this from the previous one means the learner was away: not counted. */
export const IDLE_AFTER_MS = 2 * 60_000;
/** After this long without a heartbeat, the next one starts a new session. */
export const NEW_SESSION_AFTER_MS = 30 * 60_000;

export interface ProgressStoreOptions {
  now?: () => number;
  /** The learner's calendar day for a time; defaults to this machine's local day. */
  dayOf?: (ms: number) => string;
}

export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const GRADED: ReadonlySet<AttemptKind> = new Set(['check', 'predict', 'quiz']);

export class ProgressStore {
  readonly db: Db;
  readonly now: () => number;
  readonly dayOf: (ms: number) => string;
  private readonly stmt: ReturnType<typeof prepare>;
  /**
   * Records one run or check and its effect on the exercise's summary and the day's activity, in
   * one transaction (a savepoint when the learner model wraps it with its mastery update).
   */
  readonly insertAttempt: (input: AttemptInput) => number;

  constructor(db: Db, options: ProgressStoreOptions = {}) {
    this.db = db;
    this.now = options.now ?? Date.now;
    this.dayOf = options.dayOf ?? localDay;
    this.stmt = prepare(db);
    this.insertAttempt = db.transaction((a: AttemptInput): number => this.writeAttempt(a));
  }

  private writeAttempt(a: AttemptInput): number {
    const at = a.at ?? this.now();
    const graded = GRADED.has(a.kind);
    const passed = graded && a.status === 'pass';
    const id = Number(
      this.stmt.insertAttempt.run(
        a.profileId,
        a.track,
        a.exercise,
        a.kind,
        a.code === undefined ? null : compressCode(a.code),
        a.status,
        a.testsPassed ?? 0,
        a.testsTotal ?? 0,
        Math.round(a.timeTakenMs ?? 0),
        a.hintsShown ?? 0,
        a.solutionRevealed ? 1 : 0,
        a.generated ? 1 : 0,
        at,
      ).lastInsertRowid,
    );
    this.stmt.touchExercise.run({
      profile: a.profileId,
      track: a.track,
      exercise: a.exercise,
      run: graded ? 0 : 1,
      check: graded ? 1 : 0,
      pass: passed ? 1 : 0,
      hints: a.hintsShown ?? 0,
      revealed: a.solutionRevealed ? 1 : 0,
      at,
      completed: passed ? at : null,
    });
    this.stmt.addDayActivity.run(a.profileId, this.dayOf(at), 0, 1);
    return id;
  }

  /** How many graded attempts (checks) the learner has made on an exercise so far. */
  checksOf(profileId: number, track: string, exercise: string): number {
    const row = this.stmt.gradedChecksOfExercise.get(profileId, track, exercise) as
      { checks: number } | undefined;
    return row?.checks ?? 0;
  }

  attempts(profileId: number, filter: { track?: string; exercise?: string; limit?: number } = {}): Attempt[] {
    const limit = filter.limit ?? 50;
    const rows = (
      filter.track !== undefined && filter.exercise !== undefined
        ? this.stmt.attemptsOfExercise.all(profileId, filter.track, filter.exercise, limit)
        : this.stmt.recentAttempts.all(profileId, limit)
    ) as AttemptRow[];
    return rows.map(toAttempt);
  }

  saveDraft(profileId: number, track: string, exercise: string, code: string): void {
    this.stmt.saveDraft.run(profileId, track, exercise, code, this.now());
  }

  loadDraft(profileId: number, track: string, exercise: string): string | undefined {
    const row = this.stmt.loadDraft.get(profileId, track, exercise) as { code: string } | undefined;
    return row?.code;
  }

  /** "Reset" in the lesson view: the starter code comes back next time. */
  clearDraft(profileId: number, track: string, exercise: string): void {
    this.stmt.clearDraft.run(profileId, track, exercise);
  }

  /** Records a hint shown; returns how many hints this learner has now seen on the exercise. */
  recordHint(
    profileId: number,
    track: string,
    exercise: string,
    hint: { level: number; source: HintSource; at?: number; text?: string },
  ): number {
    return this.db.transaction(() => {
      const at = hint.at ?? this.now();
      this.stmt.insertHint.run(profileId, track, exercise, hint.level, hint.source, at, hint.text ?? null);
      const { n } = this.stmt.hintCount.get(profileId, track, exercise) as { n: number };
      this.touch(profileId, track, exercise, at, { hints: n });
      return n;
    })();
  }

  /** The texts of the tutor's hints this learner was given on an exercise, oldest first. */
  hintTexts(profileId: number, track: string, exercise: string): string[] {
    return this.stmt.hintTexts.pluck().all(profileId, track, exercise) as string[];
  }

  recordSolutionReveal(profileId: number, track: string, exercise: string, at = this.now()): void {
    this.db.transaction(() => {
      this.stmt.insertReveal.run(profileId, track, exercise, at);
      this.touch(profileId, track, exercise, at, { revealed: true });
    })();
  }

  /** Marks a step without a check (an explanation page) as done. */
  markCompleted(profileId: number, track: string, exercise: string, at = this.now()): void {
    this.touch(profileId, track, exercise, at, { completed: true });
  }

  private touch(
    profileId: number,
    track: string,
    exercise: string,
    at: number,
    what: { hints?: number; revealed?: boolean; completed?: boolean },
  ): void {
    this.stmt.touchExercise.run({
      profile: profileId,
      track,
      exercise,
      run: 0,
      check: 0,
      pass: 0,
      hints: what.hints ?? 0,
      revealed: what.revealed ? 1 : 0,
      at,
      completed: what.completed ? at : null,
    });
  }

  /**
   * The UI sends a heartbeat every few seconds while the learner is active (typing, clicking,
   * reading with the window focused). Only gaps up to IDLE_AFTER_MS count as time on task, so a
   * learner who walks away is not credited; the time goes to the session, the day and, when
   * given, the exercise open at the time.
   */
  heartbeat(
    profileId: number,
    where: { track?: string; exercise?: string; at?: number } = {},
  ): { sessionId: number; countedMs: number } {
    return this.db.transaction(() => {
      const at = where.at ?? this.now();
      const last = this.stmt.lastSession.get(profileId) as { id: number; last_seen_at: number } | undefined;
      const gap = last ? at - last.last_seen_at : Infinity;
      if (!last || gap > NEW_SESSION_AFTER_MS) {
        const sessionId = Number(this.stmt.startSession.run(profileId, at, at).lastInsertRowid);
        return { sessionId, countedMs: 0 };
      }
      const counted = gap > 0 && gap <= IDLE_AFTER_MS ? gap : 0;
      this.stmt.extendSession.run(Math.max(at, last.last_seen_at), counted, last.id);
      if (counted > 0) {
        this.stmt.addDayActivity.run(profileId, this.dayOf(at), counted, 0);
        if (where.track !== undefined && where.exercise !== undefined)
          this.stmt.addExerciseTime.run(counted, profileId, where.track, where.exercise);
      }
      return { sessionId: last.id, countedMs: counted };
    })();
  }

  /** Exercise ids the learner has completed in a track, in the order they completed them. */
  completedExercises(profileId: number, track: string): string[] {
    return (this.stmt.completed.all(profileId, track) as { exercise: string }[]).map((r) => r.exercise);
  }

  exerciseProgress(profileId: number, track: string): ExerciseProgress[];
  exerciseProgress(profileId: number, track: string, exercise: string): ExerciseProgress | undefined;
  exerciseProgress(
    profileId: number,
    track: string,
    exercise?: string,
  ): ExerciseProgress[] | ExerciseProgress | undefined {
    if (exercise === undefined)
      return (this.stmt.progressOfTrack.all(profileId, track) as ExerciseProgressRow[]).map(toProgress);
    const row = this.stmt.progressOfExercise.get(profileId, track, exercise) as
      ExerciseProgressRow | undefined;
    return row && toProgress(row);
  }
}

function prepare(db: Db) {
  return {
    insertAttempt: db.prepare(
      `INSERT INTO attempt (profile_id, track, exercise, kind, code, status, tests_passed, tests_total,
         time_taken_ms, hints_shown, solution_revealed, generated, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    touchExercise: db.prepare(
      `INSERT INTO exercise_progress (profile_id, track, exercise, runs, checks, passes, hints_shown,
         solution_revealed, first_at, last_at, completed_at)
       VALUES (@profile, @track, @exercise, @run, @check, @pass, @hints, @revealed, @at, @at, @completed)
       ON CONFLICT (profile_id, track, exercise) DO UPDATE SET
         runs = runs + excluded.runs,
         checks = checks + excluded.checks,
         passes = passes + excluded.passes,
         hints_shown = max(hints_shown, excluded.hints_shown),
         solution_revealed = max(solution_revealed, excluded.solution_revealed),
         last_at = max(last_at, excluded.last_at),
         completed_at = coalesce(completed_at, excluded.completed_at)`,
    ),
    addDayActivity: db.prepare(
      `INSERT INTO activity_day (profile_id, day, active_ms, attempts) VALUES (?, ?, ?, ?)
       ON CONFLICT (profile_id, day) DO UPDATE SET
         active_ms = active_ms + excluded.active_ms, attempts = attempts + excluded.attempts`,
    ),
    addExerciseTime: db.prepare(
      `UPDATE exercise_progress SET active_ms = active_ms + ?
       WHERE profile_id = ? AND track = ? AND exercise = ?`,
    ),
    hintCount: db.prepare(
      'SELECT count(*) AS n FROM hint WHERE profile_id = ? AND track = ? AND exercise = ?',
    ),
    insertHint: db.prepare(
      'INSERT INTO hint (profile_id, track, exercise, level, source, created_at, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    hintTexts: db.prepare(
      `SELECT text FROM hint WHERE profile_id = ? AND track = ? AND exercise = ? AND text IS NOT NULL
       ORDER BY created_at, id`,
    ),
    insertReveal: db.prepare(
      'INSERT INTO solution_reveal (profile_id, track, exercise, created_at) VALUES (?, ?, ?, ?)',
    ),
    saveDraft: db.prepare(
      `INSERT INTO draft (profile_id, track, exercise, code, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, track, exercise) DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at`,
    ),
    loadDraft: db.prepare('SELECT code FROM draft WHERE profile_id = ? AND track = ? AND exercise = ?'),
    clearDraft: db.prepare('DELETE FROM draft WHERE profile_id = ? AND track = ? AND exercise = ?'),
    lastSession: db.prepare(
      'SELECT id, last_seen_at FROM session WHERE profile_id = ? ORDER BY last_seen_at DESC LIMIT 1',
    ),
    startSession: db.prepare(
      'INSERT INTO session (profile_id, started_at, last_seen_at, active_ms) VALUES (?, ?, ?, 0)',
    ),
    extendSession: db.prepare('UPDATE session SET last_seen_at = ?, active_ms = active_ms + ? WHERE id = ?'),
    completed: db.prepare(
      `SELECT exercise FROM exercise_progress
       WHERE profile_id = ? AND track = ? AND completed_at IS NOT NULL ORDER BY completed_at`,
    ),
    progressOfTrack: db.prepare('SELECT * FROM exercise_progress WHERE profile_id = ? AND track = ?'),
    progressOfExercise: db.prepare(
      'SELECT * FROM exercise_progress WHERE profile_id = ? AND track = ? AND exercise = ?',
    ),
    recentAttempts: db.prepare(
      'SELECT * FROM attempt WHERE profile_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
    ),
    attemptsOfExercise: db.prepare(
      `SELECT * FROM attempt WHERE profile_id = ? AND track = ? AND exercise = ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    ),
    gradedChecksOfExercise: db.prepare(
      `SELECT checks FROM exercise_progress WHERE profile_id = ? AND track = ? AND exercise = ?`,
    ),
  };
}
