/**
 * The learner model's arithmetic: an Elo-style model on the logit scale (see
 * docs/decisions/0007-learner-model.md). A learner has an ability per concept, an exercise has a
 * difficulty, and the predicted chance of solving is the logistic of their difference. After a
 * checked attempt both move towards what was seen, by a step that shrinks with evidence.
 */

/** Difficulty on the logit scale for an authored difficulty 1–10 (1 → −2.25, 10 → +2.25). */
export function ratingFromAuthored(difficulty: number): number {
  return (difficulty - 5.5) / 2;
}

/** The authored 1–10 scale for a logit rating, clamped: what generated practice is asked for. */
export function authoredFromRating(rating: number): number {
  return Math.min(10, Math.max(1, rating * 2 + 5.5));
}

export function predictSuccess(ability: number, difficulty: number): number {
  return 1 / (1 + Math.exp(difficulty - ability));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** The desirable-difficulty band for the next exercise, and its centre. */
export const TARGET_BAND = { low: 0.7, high: 0.85, centre: 0.775 } as const;
/** A concept counts as mastered (prerequisites met, reviews scheduled) from this mastery on. */
export const MASTERED = 0.8;

/**
 * Step size for a learner's general ability in a track (decision 0037): large while little is
 * known, smaller with evidence. Every attempt in the track moves it, so it is what a concept the
 * learner has not practised, or has practised little, stands on.
 */
export function learnerStep(evidence: number): number {
  return 0.6 / (1 + 0.1 * evidence);
}

/**
 * Step size for how far a concept stands from the learner's general ability. Small and constant:
 * a few attempts at one concept say little about it apart from the learner, so its estimate
 * shrinks to their general ability while evidence is thin, and it keeps following what the
 * learner does now (decision 0037).
 */
export function conceptStep(_evidence: number): number {
  return 0.2;
}

/** Step size for an exercise's difficulty, which pools every learner on this machine. */
export function exerciseStep(evidence: number): number {
  return 0.8 / (1 + 0.05 * evidence);
}

export interface GradedOutcome {
  passed: boolean;
  hintsShown: number;
  solutionRevealed: boolean;
  testsPassed: number;
  testsTotal: number;
}

/** What each hint shown before a pass takes off it, and how many hints count. */
export const HINT_PENALTY = 0.3;
export const HINTS_COUNTED = 3;

/**
 * What an attempt says about the learner, 0–1. A pass after hints is worth less (each hint takes
 * 0.3, at most three: asking for help is evidence of not knowing how, decision 0037), a pass after
 * seeing the solution says nothing in the learner's favour, and a failing check earns a little for
 * the tests that did pass.
 */
export function outcomeScore(o: GradedOutcome): number {
  if (o.solutionRevealed) return 0;
  if (o.passed) return 1 - HINT_PENALTY * Math.min(o.hintsShown, HINTS_COUNTED);
  return o.testsTotal > 0 ? (0.2 * o.testsPassed) / o.testsTotal : 0;
}

/**
 * Repeated checks of the same exercise carry less new information (the learner is iterating on
 * one piece of code), so the k-th check on an exercise weighs 1/k.
 */
export function repeatWeight(priorChecks: number): number {
  return 1 / (1 + priorChecks);
}
