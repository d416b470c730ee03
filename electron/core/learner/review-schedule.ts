/**
 * Spaced review of mastered concepts: the first review a day after mastery, then intervals that
 * grow by REVIEW_GROWTH with every review passed; a failed review shortens the interval.
 */
export const DAY_MS = 86_400_000;
export const FIRST_INTERVAL_DAYS = 1;
export const REVIEW_GROWTH = 2.5;
export const LAPSE_FACTOR = 0.4;
export const MAX_INTERVAL_DAYS = 180;

export interface ReviewState {
  intervalDays: number;
  dueAt: number;
  reviews: number;
  lapses: number;
}

export function firstReview(now: number): ReviewState {
  return {
    intervalDays: FIRST_INTERVAL_DAYS,
    dueAt: now + FIRST_INTERVAL_DAYS * DAY_MS,
    reviews: 0,
    lapses: 0,
  };
}

/** The schedule after a review that `passed` or not. */
export function afterReview(state: ReviewState, passed: boolean, now: number): ReviewState {
  const intervalDays = passed
    ? Math.min(MAX_INTERVAL_DAYS, state.intervalDays * REVIEW_GROWTH)
    : Math.max(FIRST_INTERVAL_DAYS / 2, state.intervalDays * LAPSE_FACTOR);
  return {
    intervalDays,
    dueAt: now + intervalDays * DAY_MS,
    reviews: state.reviews + 1,
    lapses: state.lapses + (passed ? 0 : 1),
  };
}

export function isDue(state: ReviewState, now: number): boolean {
  return state.dueAt <= now;
}
