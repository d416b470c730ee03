/**
 * One checked attempt through the learner model, as pure functions of the state before it: the
 * prediction made before the outcome is seen, and the abilities and difficulty after it. The app
 * (learner-model.ts, which reads and writes this state in SQLite) and `lantern model evaluate`
 * (which replays a log in memory) both go through here, so the evaluation measures the model the
 * app runs. The arithmetic is in elo.ts; decision 0007 says why it is shaped this way.
 */
import { exerciseStep, learnerStep, predictSuccess, repeatWeight } from './elo.ts';

/** A learner's ability in one concept (logit scale) and how many attempts it rests on. */
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
  /** Each concept's state after the attempt, in the order given. */
  concepts: C[];
  /** The exercise's difficulty after the attempt; undefined when a retry leaves it alone. */
  difficulty: DifficultyState | undefined;
}

/**
 * Where a learner's ability in a concept they have not practised yet starts: the mean of their
 * abilities in the concepts they have, weighted by evidence and shrunk towards 0 (a new
 * learner's) by one attempt's worth. General aptitude carries over between the concepts of a
 * course; decision 0031 has the measurements.
 */
export function unseenAbility(practised: Iterable<AbilityState>): number {
  let sum = 0;
  let evidence = 0;
  for (const m of practised) {
    sum += m.ability * m.evidence;
    evidence += m.evidence;
  }
  return sum / (evidence + 1);
}

/** An exercise of several concepts is predicted from the mean ability over them. */
export function predictAttempt(concepts: readonly AbilityState[], rating: number): number {
  const ability = concepts.reduce((s, m) => s + m.ability, 0) / concepts.length;
  return predictSuccess(ability, rating);
}

/**
 * Moves every concept of the exercise by the same step towards the outcome `score` (0–1, see
 * outcomeScore), weighted down for the learner's `priorChecks` earlier checks of this exercise.
 * Only a first check moves the difficulty: retries are biased towards success.
 */
export function updateAttempt<C extends AbilityState>(
  concepts: readonly C[],
  difficulty: DifficultyState,
  score: number,
  priorChecks: number,
): AttemptUpdate<C> {
  const expected = predictAttempt(concepts, difficulty.rating);
  const surprise = score - expected;
  const weight = repeatWeight(priorChecks);
  return {
    expected,
    concepts: concepts.map((m) => ({
      ...m,
      ability: m.ability + learnerStep(m.evidence) * weight * surprise,
      evidence: m.evidence + 1,
    })),
    difficulty:
      priorChecks === 0
        ? {
            rating: difficulty.rating - exerciseStep(difficulty.evidence) * surprise,
            evidence: difficulty.evidence + 1,
          }
        : undefined,
  };
}
