/**
 * A synthetic attempt log with known truth, for testing and benchmarking the learner model
 * against baselines (`lantern model evaluate`, bench/learner-model.ts). Learners of known ability
 * work through the concepts of a course in order, with occasional reviews of earlier ones; they
 * learn from every attempt, forget part of it between sessions, take hints when stuck, retry
 * failures, and sometimes guess right or slip. Exercises have known difficulties on the same
 * logit scale as the model's.
 *
 * Learners start in cohorts; each cohort's attempts are yielded in time order, so a log of
 * millions of rows is generated in bounded memory.
 */

import { attemptCsvLine, attemptsCsvHeader } from './attempts-csv.ts';

export interface Population {
  seed: number;
  learners: number;
  /** Learners working at the same time; their attempts are interleaved. */
  cohort: number;
  concepts: number;
  exercisesPerConcept: number;
  attemptsPerLearner: number;
  /** Spread (sd) of learners' general ability, and of a learner's per-concept offsets. */
  abilitySd: number;
  conceptSd: number;
  /** Exercises of a concept range from −spread to +spread around the concept's level. */
  difficultySpread: number;
  /** How much harder each next concept is (logit). */
  conceptStep: number;
  /** Sd of the exercise's deviation from that plan, which the model has to learn. */
  difficultyNoise: number;
  /** Ability gained per attempt on a concept (half of it on a failed attempt). */
  learnRate: number;
  /** Share of what is learnt that is kept for good; the rest fades with this time constant. */
  keep: number;
  forgetDays: number;
  guess: number;
  slip: number;
  /** Chance of taking hints when the learner's chance is below one half. */
  hintRate: number;
  /**
   * Share of learners who open hints out of habit, on this share of their attempts whatever their
   * chance (help abuse: real, and a test of how far the model may read hints as struggle).
   */
  hintHabit?: number;
  /** Chance of trying the same exercise again after failing it. */
  retry: number;
  /** Chance of reviewing an earlier concept instead of going on. */
  review: number;
  /** Share of exercises that also exercise the previous concept. */
  multiConcept: number;
}

/** A classroom: a wide range of abilities, steady learning, slow forgetting. */
export const CLASSROOM: Population = {
  seed: 1,
  learners: 300,
  cohort: 50,
  concepts: 8,
  exercisesPerConcept: 8,
  attemptsPerLearner: 60,
  abilitySd: 1.2,
  conceptSd: 0.4,
  difficultySpread: 1.5,
  conceptStep: 0.25,
  difficultyNoise: 0.5,
  learnRate: 0.08,
  keep: 0.6,
  forgetDays: 14,
  guess: 0.1,
  slip: 0.1,
  hintRate: 0.3,
  retry: 0.6,
  review: 0.1,
  multiConcept: 0.2,
};

/**
 * Self-taught learners: closer in ability, learning fast and forgetting fast, more guessing,
 * more retries and hints, more exercises that mix two concepts, and a course of more concepts.
 */
export const SELF_TAUGHT: Population = {
  seed: 2,
  learners: 400,
  cohort: 100,
  concepts: 15,
  exercisesPerConcept: 5,
  attemptsPerLearner: 50,
  abilitySd: 0.8,
  conceptSd: 0.6,
  difficultySpread: 1,
  conceptStep: 0.15,
  difficultyNoise: 0.8,
  learnRate: 0.15,
  keep: 0.3,
  forgetDays: 3,
  guess: 0.2,
  slip: 0.05,
  hintRate: 0.5,
  retry: 0.8,
  review: 0.2,
  multiConcept: 0.4,
};

/**
 * Crammers: learners close in ability who learn fast and forget within days, with much guessing.
 * What separates them is mostly how recently they practised, which the model does not track.
 */
export const CRAMMING: Population = {
  ...CLASSROOM,
  seed: 3,
  abilitySd: 0.6,
  learnRate: 0.2,
  forgetDays: 5,
  guess: 0.2,
};

/**
 * A classroom where half the learners open hints on a third of their attempts out of habit,
 * whether or not they are stuck: hints say less about ability here than elsewhere.
 */
export const HINT_HABIT: Population = {
  ...CLASSROOM,
  seed: 4,
  hintHabit: 0.35,
};

export interface SyntheticExercise {
  id: string;
  concepts: string[];
  /** True difficulty, logit scale. */
  rating: number;
  /** What an author would have written on the 1–10 scale: the plan, without the noise. */
  authored: number;
}

export interface SyntheticAttempt {
  learner: string;
  exercise: string;
  concepts: string[];
  at: number;
  outcome: number;
  hints: number;
  revealed: boolean;
  /** The learner's how-many-th attempt this is (1-based). */
  attemptNo: number;
  /** The true chance of success the outcome was drawn with. */
  chance: number;
  /** The learner's true ability right after this attempt: the mean over the concepts practised so far. */
  trueAbility: number;
}

export function random(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const int = (n: number) => Math.floor(uniform() * n);
  return { uniform, normal, int };
}

const DAY = 86_400_000;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function syntheticExercises(p: Population): SyntheticExercise[] {
  const rng = random(p.seed * 7919 + 1);
  const out: SyntheticExercise[] = [];
  for (let c = 0; c < p.concepts; c++)
    for (let i = 0; i < p.exercisesPerConcept; i++) {
      const ramp = p.exercisesPerConcept > 1 ? (2 * i) / (p.exercisesPerConcept - 1) - 1 : 0;
      const planned = c * p.conceptStep + ramp * p.difficultySpread;
      const concepts = c > 0 && rng.uniform() < p.multiConcept ? [`c${c}`, `c${c - 1}`] : [`c${c}`];
      out.push({
        id: `c${c}-e${i}`,
        concepts,
        rating: planned + p.difficultyNoise * rng.normal(),
        authored: Math.min(10, Math.max(1, Math.round(planned * 2 + 5.5))),
      });
    }
  return out;
}

interface Learner {
  id: string;
  base: number[];
  kept: number[];
  fresh: number[];
  lastPractised: number[];
  concept: number;
  inConcept: number;
  next: number;
  attempts: number;
  at: number;
  sessionLeft: number;
  retryOf: SyntheticExercise | undefined;
  hintHabit: number;
}

/** The log, cohort by cohort, each cohort's attempts in time order. */
export function* syntheticAttempts(p: Population): Generator<SyntheticAttempt> {
  const rng = random(p.seed);
  const exercises = syntheticExercises(p);
  const ofConcept = Array.from({ length: p.concepts }, (_, c) =>
    exercises.filter((e) => e.concepts[0] === `c${c}`),
  );
  const start = Date.UTC(2026, 0, 5);

  const ability = (l: Learner, c: number, at: number) =>
    l.base[c]! + l.kept[c]! + l.fresh[c]! * Math.exp(-(at - l.lastPractised[c]!) / (p.forgetDays * DAY));

  const choose = (l: Learner): SyntheticExercise => {
    if (l.retryOf) return l.retryOf;
    if (l.concept > 0 && rng.uniform() < p.review) {
      const c = rng.int(l.concept);
      return ofConcept[c]![rng.int(ofConcept[c]!.length)]!;
    }
    const pool = ofConcept[l.concept]!;
    // Mostly the next exercise of the concept, now and then one further on.
    const i = Math.min(pool.length - 1, l.next + (rng.uniform() < 0.2 ? 1 : 0));
    return pool[i]!;
  };

  for (let first = 0; first < p.learners; first += p.cohort) {
    const cohortStart = start + (first / p.cohort) * 7 * DAY;
    const learners: Learner[] = [];
    for (let i = first; i < Math.min(p.learners, first + p.cohort); i++) {
      const general = p.abilitySd * rng.normal();
      learners.push({
        id: `learner-${i + 1}`,
        base: Array.from({ length: p.concepts }, () => general + p.conceptSd * rng.normal()),
        kept: new Array<number>(p.concepts).fill(0),
        fresh: new Array<number>(p.concepts).fill(0),
        lastPractised: new Array<number>(p.concepts).fill(cohortStart),
        concept: 0,
        inConcept: 0,
        next: 0,
        attempts: 0,
        at: cohortStart + rng.uniform() * DAY,
        sessionLeft: 5 + rng.int(10),
        retryOf: undefined,
        // Drawn only for a population with the habit, so the others' draws stay as they were.
        hintHabit: p.hintHabit && rng.uniform() < 0.5 ? p.hintHabit : 0,
      });
    }
    // Always advance the learner whose next attempt comes first, so the cohort is in time order.
    const active = [...learners];
    while (active.length) {
      let k = 0;
      for (let j = 1; j < active.length; j++) if (active[j]!.at < active[k]!.at) k = j;
      const l = active[k]!;
      const e = choose(l);
      const cs = e.concepts.map((c) => Number(c.slice(1)));
      const theta = cs.reduce((s, c) => s + ability(l, c, l.at), 0) / cs.length;
      const stuck = sigmoid(theta - e.rating) < 0.5 && rng.uniform() < p.hintRate;
      const habit = !stuck && l.hintHabit > 0 && rng.uniform() < l.hintHabit;
      const hints = stuck || habit ? 1 + rng.int(3) : 0;
      const chance = p.guess + (1 - p.guess - p.slip) * sigmoid(theta - e.rating + 0.6 * hints);
      const passed = rng.uniform() < chance;
      const outcome = passed ? 1 : rng.int(5) / 5;
      for (const c of cs) {
        const stillFresh = l.fresh[c]! * Math.exp(-(l.at - l.lastPractised[c]!) / (p.forgetDays * DAY));
        const gain = p.learnRate * (passed ? 1 : 0.5);
        l.kept[c]! += gain * p.keep;
        l.fresh[c] = stillFresh + gain * (1 - p.keep);
        l.lastPractised[c] = l.at;
      }
      l.attempts++;
      const practised = l.lastPractised.map((t, c) => ({ t, c })).filter(({ t }) => t > cohortStart);
      const trueAbility = practised.reduce((s, { c }) => s + ability(l, c, l.at), 0) / practised.length;
      yield {
        learner: l.id,
        exercise: e.id,
        concepts: e.concepts,
        at: Math.round(l.at),
        outcome,
        hints,
        revealed: false,
        attemptNo: l.attempts,
        chance,
        trueAbility,
      };

      // What the learner does next.
      const current = e.concepts[0] === `c${l.concept}`;
      l.retryOf = !passed && rng.uniform() < p.retry ? e : undefined;
      if (current && !l.retryOf) {
        l.inConcept++;
        if (passed) l.next = Math.min(ofConcept[l.concept]!.length - 1, ofConcept[l.concept]!.indexOf(e) + 1);
        const done =
          (passed && ofConcept[l.concept]!.indexOf(e) === ofConcept[l.concept]!.length - 1) ||
          l.inConcept >= 6;
        if (done && l.concept < p.concepts - 1) {
          l.concept++;
          l.inConcept = 0;
          l.next = 0;
        }
      }
      if (--l.sessionLeft > 0) l.at += (2 + rng.uniform() * 8) * 60_000;
      else {
        l.at += (0.5 + rng.uniform() * 4) * DAY;
        l.sessionLeft = 5 + rng.int(10);
      }
      if (l.attempts >= p.attemptsPerLearner) active.splice(k, 1);
    }
  }
}

/** The log as attempts CSV lines, header first (docs/attempts-csv.md). */
export function* syntheticAttemptsCsv(p: Population): Generator<string> {
  yield attemptsCsvHeader();
  for (const a of syntheticAttempts(p)) yield attemptCsvLine(a);
}
