/**
 * The learner's records as the rest of the app sees them: attempts, per-exercise progress, and how
 * a row of the progress tables becomes one. Code is stored deflated; `progress-store.ts` writes and
 * reads these records.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { RunResult } from '../../../shared/runner/protocol.ts';

export type AttemptKind = 'run' | 'check' | 'predict' | 'quiz';
export type AttemptStatus = RunResult['status'];
export type HintSource = 'authored' | 'computed' | 'model';

export interface AttemptInput {
  profileId: number;
  track: string;
  exercise: string;
  kind: AttemptKind;
  code?: string;
  status: AttemptStatus;
  testsPassed?: number;
  testsTotal?: number;
  timeTakenMs?: number;
  /** How many hints the learner had seen on this exercise when they ran or checked. */
  hintsShown?: number;
  solutionRevealed?: boolean;
  /** A generated practice exercise rather than one from the track. */
  generated?: boolean;
  /** Epoch ms; defaults to now. */
  at?: number;
}

export interface Attempt {
  id: number;
  profileId: number;
  track: string;
  exercise: string;
  kind: AttemptKind;
  code: string | null;
  status: AttemptStatus;
  testsPassed: number;
  testsTotal: number;
  timeTakenMs: number;
  hintsShown: number;
  solutionRevealed: boolean;
  generated: boolean;
  createdAt: number;
}

export interface ExerciseProgress {
  track: string;
  exercise: string;
  runs: number;
  checks: number;
  passes: number;
  hintsShown: number;
  solutionRevealed: boolean;
  activeMs: number;
  firstAt: number;
  lastAt: number;
  completedAt: number | null;
}

export function compressCode(code: string): Buffer {
  return deflateSync(code);
}

/**
 * The most an attempt's code inflates to: the API takes at most 1 000 000 characters, at most 4
 * bytes each in UTF-8. A restored backup can hold anything in this column (a deflate bomb that
 * would inflate to gigabytes, text that is not deflated at all): such a value reads as empty
 * code instead of exhausting memory or failing every read of the learner's history.
 */
const MAX_CODE_BYTES = 4_000_000;

export function decompressCode(blob: unknown): string {
  if (!Buffer.isBuffer(blob)) return '';
  try {
    return inflateSync(blob, { maxOutputLength: MAX_CODE_BYTES }).toString('utf8');
  } catch {
    return '';
  }
}

/** A row of the `attempt` table as SQLite returns it. */
export interface AttemptRow {
  id: number;
  profile_id: number;
  track: string;
  exercise: string;
  kind: AttemptKind;
  code: Buffer | null;
  status: AttemptStatus;
  tests_passed: number;
  tests_total: number;
  time_taken_ms: number;
  hints_shown: number;
  solution_revealed: number;
  generated: number;
  created_at: number;
}

/** A row of the `exercise_progress` table as SQLite returns it. */
export interface ExerciseProgressRow {
  track: string;
  exercise: string;
  runs: number;
  checks: number;
  passes: number;
  hints_shown: number;
  solution_revealed: number;
  active_ms: number;
  first_at: number;
  last_at: number;
  completed_at: number | null;
}

export function toProgress(r: ExerciseProgressRow): ExerciseProgress {
  return {
    track: r.track,
    exercise: r.exercise,
    runs: r.runs,
    checks: r.checks,
    passes: r.passes,
    hintsShown: r.hints_shown,
    solutionRevealed: r.solution_revealed === 1,
    activeMs: r.active_ms,
    firstAt: r.first_at,
    lastAt: r.last_at,
    completedAt: r.completed_at,
  };
}

export function toAttempt(r: AttemptRow): Attempt {
  return {
    id: r.id,
    profileId: r.profile_id,
    track: r.track,
    exercise: r.exercise,
    kind: r.kind,
    code: r.code === null ? null : decompressCode(r.code),
    status: r.status,
    testsPassed: r.tests_passed,
    testsTotal: r.tests_total,
    timeTakenMs: r.time_taken_ms,
    hintsShown: r.hints_shown,
    solutionRevealed: r.solution_revealed === 1,
    generated: r.generated === 1,
    createdAt: r.created_at,
  };
}
