/**
 * One checked attempt through the learner model, as pure functions of the state before it: the
 * prediction made before the outcome is seen, and the abilities and difficulty after it. The app
 * (learner-model.ts, which reads and writes this state in SQLite) and `lantern model evaluate`
 * (which replays a log in memory) both go through here, so the evaluation measures the model the
 * app runs. The arithmetic is in elo.ts; decisions 0007 and 0037 say why it is shaped this way.
 *
 * A learner has a general ability in a track, and each concept they have practised stands some
 * way from it: the concept's ability is the general ability plus that offset. A concept they have
 * not practised stands at the general ability. Every attempt moves the general ability (and so
 * every concept of the track) and, by a smaller step, the offsets of the exercise's concepts.
 */
import { conceptStep, exerciseStep, learnerStep, predictSuccess, repeatWeight } from './elo.ts';

/**
 * An ability (logit scale) and how much evidence it rests on: the number of distinct exercises
 * checked, not of checks (retries and re-checks of one exercise are one piece of evidence).
 */
export interface AbilityState {
  ability: number;
  evidence: number;
}

/** An exercise's difficulty (logit scale) and how many learners' first checks it rests on. */
export interface DifficultyState {
  rating: number;
  evidence: number;
}

export interface AttemptUpdate<C extends AbilityState> {
  /** The predicted chance of success before the outcome was seen. */
  expected: number;
  /** The learner's general ability in the track after the attempt. */
  learner: AbilityState;
  /**
   * How far the general ability moved: every concept of the track the attempt was not about
   * moves by this much too (their evidence does not change).
   */
  shift: number;
  /** Each of the exercise's concepts after the attempt, in the order given. */
  concepts: C[];
  /** The exercise's difficulty after the attempt; undefined when a retry leaves it alone. */
  difficulty: DifficultyState | undefined;
  /**
   * False for a check of an exercise the learner had already passed: it says nothing new, so
   * nothing above moved (the app records the attempt but no mastery, history or review for it).
   */
  counted: boolean;
}

/** What the learner did on this exercise before the attempt. */
export interface ExerciseHistory {
  /** Graded attempts (checks, predict and quiz answers) on it so far. */
  checks: number;
  /** Whether one of them passed. */
  passed: boolean;
}

/** A learner with no attempts yet in a track. */
export const NEW_LEARNER: AbilityState = { ability: 0, evidence: 0 };

/** Where a concept the learner has not practised stands: at their general ability, on no evidence. */
export function unseenConcept(learner: AbilityState): AbilityState {
  return { ability: learner.ability, evidence: 0 };
}

/** An exercise of several concepts is predicted from the mean ability over them. */
export function predictAttempt(concepts: readonly AbilityState[], rating: number): number {
  const ability = concepts.reduce((s, m) => s + m.ability, 0) / concepts.length;
  return predictSuccess(ability, rating);
}

/**
 * Moves the learner's general ability and every concept of the exercise towards the outcome
 * `score` (0–1, see outcomeScore), weighted down for the learner's earlier checks of this
 * exercise. Only a first check moves the difficulty: retries are biased towards success.
 *
 * Evidence counts distinct exercises: only the first check of an exercise adds to it, and a check
 * of an exercise the learner has already passed moves nothing at all. Re-checking solved code
 * shows the same thing again; counted, it would raise ability (the 1/k weights sum without bound)
 * and confidence with no new evidence.
 */
export function updateAttempt<C extends AbilityState>(
  learner: AbilityState,
  concepts: readonly C[],
  difficulty: DifficultyState,
  score: number,
  before: ExerciseHistory,
): AttemptUpdate<C> {
  const expected = predictAttempt(concepts, difficulty.rating);
  if (before.passed)
    return { expected, learner, shift: 0, concepts: [...concepts], difficulty: undefined, counted: false };
  const surprise = score - expected;
  const weight = repeatWeight(before.checks);
  const shift = learnerStep(learner.evidence) * weight * surprise;
  const added = before.checks === 0 ? 1 : 0;
  return {
    expected,
    learner: { ability: learner.ability + shift, evidence: learner.evidence + added },
    shift,
    concepts: concepts.map((m) => ({
      ...m,
      ability: m.ability + shift + conceptStep(m.evidence) * weight * surprise,
      evidence: m.evidence + added,
    })),
    difficulty:
      before.checks === 0
        ? {
            rating: difficulty.rating - exerciseStep(difficulty.evidence) * surprise,
            evidence: difficulty.evidence + 1,
          }
        : undefined,
    counted: true,
  };
}
