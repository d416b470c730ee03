/**
 * Scores for a gradebook, from evidence only (docs/gradebook.md): the checks the backend judged
 * (decision 0023), never the learner model's estimate. A pass is full credit; a check that did
 * not pass earns the share of tests it passed, at most NON_PASS_CAP; any attempt made after the
 * solution was shown earns REVEALED_FACTOR of that. An exercise's credit is its best attempt's.
 */
import type { ProgressReport, ReportAttempt } from './report-schema.ts';

/** A check that did not pass never scores as much as a pass, whatever its test counts say. */
export const NON_PASS_CAP = 0.9;
/** Credit kept by an attempt made after the learner had the solution shown. */
export const REVEALED_FACTOR = 0.5;

/** What a class keeps of one learner's checks on one exercise (the attempt list is not kept). */
export interface ExerciseEvidence {
  track: string;
  exercise: string;
  /** Best credit of a checked attempt, 0–1. */
  credit: number;
  /** Checked attempts (runs and generated practice are not counted). */
  checks: number;
  firstAt: string;
  lastAt: string;
  /** The first pass, or null. */
  passedAt: string | null;
  /** The solution had been shown before the attempt that earned `credit`. */
  revealed: boolean;
}

/** The credit one attempt earns, or null when it is no evidence (a run, generated practice). */
export function attemptCredit(a: ReportAttempt): number | null {
  if (a.kind === 'run' || a.generated) return null;
  const share =
    a.status === 'pass' ? 1 : a.testsTotal > 0 ? Math.min(a.testsPassed / a.testsTotal, NON_PASS_CAP) : 0;
  return a.solutionRevealed ? share * REVEALED_FACTOR : share;
}

/** Per exercise the learner checked: their best credit and when they tried and passed. */
export function gradeEvidence(attempts: readonly ReportAttempt[]): ExerciseEvidence[] {
  const byExercise = new Map<string, ExerciseEvidence>();
  for (const a of attempts) {
    const credit = attemptCredit(a);
    if (credit === null) continue;
    const key = `${a.track}\u0000${a.exercise}`;
    const seen = byExercise.get(key);
    const passedAt = a.status === 'pass' ? a.at : null;
    if (!seen) {
      byExercise.set(key, {
        track: a.track,
        exercise: a.exercise,
        credit,
        checks: 1,
        firstAt: a.at,
        lastAt: a.at,
        passedAt,
        revealed: a.solutionRevealed,
      });
      continue;
    }
    seen.checks += 1;
    if (a.at < seen.firstAt) seen.firstAt = a.at;
    if (a.at > seen.lastAt) seen.lastAt = a.at;
    if (passedAt && (!seen.passedAt || passedAt < seen.passedAt)) seen.passedAt = passedAt;
    if (credit > seen.credit) {
      seen.credit = credit;
      seen.revealed = a.solutionRevealed;
    }
  }
  return [...byExercise.values()];
}

/**
 * A class copy stored before evidence was kept has only each exercise's pass count: a pass is
 * full credit (half with the solution shown), anything else no evidence of a score.
 */
export function evidenceFromSummary(report: Pick<ProgressReport, 'tracks'>): ExerciseEvidence[] {
  return report.tracks.flatMap((t) =>
    t.exercises
      .filter((e) => e.passes > 0 && e.completedAt)
      .map((e) => ({
        track: t.id,
        exercise: e.id,
        credit: e.solutionRevealed ? REVEALED_FACTOR : 1,
        checks: e.checks,
        firstAt: e.completedAt!,
        lastAt: e.completedAt!,
        passedAt: e.completedAt,
        revealed: e.solutionRevealed,
      })),
  );
}
