/**
 * Replays a log of attempts through the learner model and two simple baselines, each predicting
 * every attempt before it sees its outcome, and scores those predictions (prediction-metrics.ts).
 * The model is the app's own (model-core.ts), with state kept in memory instead of SQLite.
 * A success is a pass (outcome 1), with or without hints.
 */
import { outcomeScore, ratingFromAuthored } from './elo.ts';
import {
  NEW_LEARNER,
  predictAttempt,
  unseenConcept,
  updateAttempt,
  type AbilityState,
  type DifficultyState,
  type ExerciseHistory,
} from './model-core.ts';
import { PredictionMetrics, type MetricsSummary } from './prediction-metrics.ts';
import type { AttemptRecord } from './attempts-csv.ts';

/** What a predictor needs of an attempt. */
export type ReplayedAttempt = Pick<
  AttemptRecord,
  'learner' | 'exercise' | 'concepts' | 'at' | 'outcome' | 'hints' | 'revealed'
>;

export interface Predictor {
  readonly id: string;
  readonly label: string;
  /** The chance of success, before the outcome is known. */
  predict(a: ReplayedAttempt): number;
  /** Learns from the attempt's outcome. */
  observe(a: ReplayedAttempt): void;
}

const succeeded = (a: ReplayedAttempt): 0 | 1 => (a.outcome >= 1 ? 1 : 0);

/**
 * The track an attempt belongs to, for the general ability (decision 0037: one per learner and
 * track). An export names exercises and concepts `<track>/<id>`: an exercise `t/…` whose concepts
 * are all `t/…` is in track `t`. Any other row is in the one unnamed track of its learner.
 */
export function trackOf(a: Pick<ReplayedAttempt, 'exercise' | 'concepts'>): string {
  const slash = a.exercise.indexOf('/');
  if (slash <= 0) return '';
  const prefix = a.exercise.slice(0, slash + 1);
  for (const c of a.concepts) if (!c.startsWith(prefix)) return '';
  return prefix.slice(0, -1);
}

const DIFFICULTY_SUFFIX = /#difficulty=(\d+(?:\.\d+)?)$/;

/**
 * The authored difficulty (1–10) an exercise id carries, as `<id>#difficulty=<d>`: how an export
 * names generated practice, which the app starts at the difficulty it was generated at.
 */
export function difficultyInId(exercise: string): number | undefined {
  const m = DIFFICULTY_SUFFIX.exec(exercise);
  // On the authored scale, as the app asks for generated practice (authoredFromRating clamps):
  // a hand-made `#difficulty=100` would otherwise start the exercise 47 logits up.
  return m ? Math.min(10, Math.max(1, Number(m[1]))) : undefined;
}

interface ReplayedLearner {
  general: AbilityState;
  /** Each practised concept's distance from the general ability, and its evidence. */
  concepts: Map<string, AbilityState>;
  /** Per exercise: graded attempts so far, and whether one passed. */
  exercises: Map<string, ExerciseHistory>;
}

/**
 * Lantern's model, exactly as LearnerModel.recordAttempt runs it: a general ability per learner
 * and track (trackOf), each concept's ability some way from it, difficulty per exercise (shared by
 * all learners), the outcome discounted by hints, retries weighed down, re-checks of a solved
 * exercise ignored. An exercise starts at its authored difficulty (`authoredDifficulty`, for the
 * exercises Lantern knows), else at the difficulty its id carries (difficultyInId), else at the
 * middle of the scale, and is learned from the log. The app moves every practised concept's
 * stored ability when the general ability moves; here each concept keeps its distance from the
 * general ability instead, which is the same arithmetic without touching every concept on every
 * attempt.
 */
export class LanternPredictor implements Predictor {
  readonly id = 'lantern';
  readonly label = 'Lantern (Elo)';
  /** By learner, then by track. */
  private readonly learners = new Map<string, Map<string, ReplayedLearner>>();
  private readonly difficulties = new Map<string, DifficultyState>();
  private readonly authoredDifficulty: (exercise: string) => number | undefined;

  constructor(authoredDifficulty: (exercise: string) => number | undefined = () => undefined) {
    this.authoredDifficulty = authoredDifficulty;
  }

  /** What predict read, which observe of the same attempt reuses (half the lookups). */
  private predicted: { a: ReplayedAttempt; states: AbilityState[]; difficulty: DifficultyState } | undefined;

  predict(a: ReplayedAttempt): number {
    const states = this.conceptStates(a);
    const difficulty = this.difficulty(a.exercise);
    this.predicted = { a, states, difficulty };
    return predictAttempt(states, difficulty.rating);
  }

  observe(a: ReplayedAttempt): void {
    const seen = this.predicted?.a === a ? this.predicted : undefined;
    this.predicted = undefined;
    const states = seen?.states ?? this.conceptStates(a);
    const difficulty = seen?.difficulty ?? this.difficulty(a.exercise);
    let tracks = this.learners.get(a.learner);
    if (!tracks) this.learners.set(a.learner, (tracks = new Map()));
    const track = trackOf(a);
    let learner = tracks.get(track);
    if (!learner)
      tracks.set(track, (learner = { general: NEW_LEARNER, concepts: new Map(), exercises: new Map() }));
    const before = learner.exercises.get(a.exercise) ?? { checks: 0, passed: false };
    const passed = a.outcome >= 1;
    learner.exercises.set(a.exercise, { checks: before.checks + 1, passed: before.passed || passed });
    const score = outcomeScore({
      passed,
      hintsShown: a.hints,
      solutionRevealed: a.revealed,
      testsPassed: a.outcome,
      testsTotal: 1,
    });
    const update = updateAttempt(learner.general, states, difficulty, score, before);
    if (!update.counted) return;
    learner.general = update.learner;
    // Each concept is kept as its distance from the general ability (see the class comment).
    for (let i = 0; i < a.concepts.length; i++) {
      const m = update.concepts[i]!;
      learner.concepts.set(a.concepts[i]!, {
        ability: m.ability - update.learner.ability,
        evidence: m.evidence,
      });
    }
    if (update.difficulty) this.difficulties.set(a.exercise, update.difficulty);
  }

  /**
   * The learner's estimated abilities per concept they have practised, with the evidence behind
   * each, over all their tracks.
   */
  abilitiesOf(learner: string): ReadonlyMap<string, AbilityState> {
    const out = new Map<string, AbilityState>();
    for (const l of this.learners.get(learner)?.values() ?? [])
      for (const [c, m] of l.concepts)
        out.set(c, { ability: l.general.ability + m.ability, evidence: m.evidence });
    return out;
  }

  /** The learner's general ability in a track: where a concept they have not practised stands. */
  generalAbilityOf(learner: string, track = ''): AbilityState {
    return this.learners.get(learner)?.get(track)?.general ?? NEW_LEARNER;
  }

  private conceptStates(a: ReplayedAttempt): AbilityState[] {
    const learner = this.learners.get(a.learner)?.get(trackOf(a));
    if (!learner) return a.concepts.map(() => unseenConcept(NEW_LEARNER));
    const g = learner.general;
    return a.concepts.map((c) => {
      const m = learner.concepts.get(c);
      return m ? { ability: g.ability + m.ability, evidence: m.evidence } : unseenConcept(g);
    });
  }

  private difficulty(exercise: string): DifficultyState {
    const stored = this.difficulties.get(exercise);
    if (stored) return stored;
    const authored = this.authoredDifficulty(exercise) ?? difficultyInId(exercise);
    return { rating: authored === undefined ? 0 : ratingFromAuthored(authored), evidence: 0 };
  }
}

/**
 * Baseline: the exercise's success rate so far, pulled towards the success rate of the whole log
 * so far by PRIOR_WEIGHT pseudo-attempts (so a new exercise is predicted at the overall rate).
 */
export class ExerciseRatePredictor implements Predictor {
  static readonly PRIOR_WEIGHT = 2;
  readonly id = 'exercise-rate';
  readonly label = 'Exercise success rate';
  private readonly seen = new Map<string, { n: number; s: number }>();
  private n = 0;
  private s = 0;

  predict(a: ReplayedAttempt): number {
    const overall = (this.s + 1) / (this.n + 2);
    const e = this.seen.get(a.exercise);
    const w = ExerciseRatePredictor.PRIOR_WEIGHT;
    return ((e?.s ?? 0) + w * overall) / ((e?.n ?? 0) + w);
  }

  observe(a: ReplayedAttempt): void {
    const y = succeeded(a);
    const e = this.seen.get(a.exercise) ?? { n: 0, s: 0 };
    e.n++;
    e.s += y;
    this.seen.set(a.exercise, e);
    this.n++;
    this.s += y;
  }
}

/**
 * Baseline: Performance Factors Analysis (Pavlik, Cen & Koedinger 2009). The logit of success is
 * the sum over the exercise's concepts of β_c + γ_c·log(1 + successes) + ρ_c·log(1 + failures),
 * counting the learner's earlier successes and failures on concept c. A global β, γ, ρ is added
 * to each concept's own so that rare concepts borrow from the rest. Fitted online by stochastic
 * gradient descent on log-loss, one step per attempt after its prediction; counts enter as
 * log(1 + n) so a long history does not swamp the fixed step size.
 */
export class PfaPredictor implements Predictor {
  static readonly LEARNING_RATE = 0.02;
  readonly id = 'pfa';
  readonly label = 'PFA (online SGD)';
  private readonly global = new Float64Array(3);
  private readonly weights = new Map<string, Float64Array>();
  private readonly counts = new Map<string, Map<string, { s: number; f: number }>>();

  private predicted: { a: ReplayedAttempt; p: number } | undefined;

  predict(a: ReplayedAttempt): number {
    const p = 1 / (1 + Math.exp(-this.logit(a)));
    this.predicted = { a, p };
    return p;
  }

  observe(a: ReplayedAttempt): void {
    const y = succeeded(a);
    const p = this.predicted?.a === a ? this.predicted.p : this.predict(a);
    this.predicted = undefined;
    const step = PfaPredictor.LEARNING_RATE * (y - p);
    let learner = this.counts.get(a.learner);
    if (!learner) this.counts.set(a.learner, (learner = new Map()));
    for (const c of a.concepts) {
      const w = this.weightsOf(c);
      const n = learner.get(c) ?? { s: 0, f: 0 };
      const xs = Math.log1p(n.s);
      const xf = Math.log1p(n.f);
      w[0]! += step;
      w[1]! += step * xs;
      w[2]! += step * xf;
      this.global[0]! += step;
      this.global[1]! += step * xs;
      this.global[2]! += step * xf;
    }
    for (const c of a.concepts) {
      const n = learner.get(c) ?? { s: 0, f: 0 };
      if (y) n.s++;
      else n.f++;
      learner.set(c, n);
    }
  }

  private logit(a: ReplayedAttempt): number {
    const learner = this.counts.get(a.learner);
    const g = this.global;
    let z = 0;
    for (const c of a.concepts) {
      const w = this.weights.get(c);
      const n = learner?.get(c);
      z +=
        g[0]! +
        (w?.[0] ?? 0) +
        (g[1]! + (w?.[1] ?? 0)) * Math.log1p(n?.s ?? 0) +
        (g[2]! + (w?.[2] ?? 0)) * Math.log1p(n?.f ?? 0);
    }
    return z;
  }

  private weightsOf(concept: string): Float64Array {
    let w = this.weights.get(concept);
    if (!w) this.weights.set(concept, (w = new Float64Array(3)));
    return w;
  }
}

export interface ModelFigures {
  id: string;
  label: string;
  metrics: MetricsSummary;
}

export interface EvaluationReport {
  attempts: number;
  learners: number;
  exercises: number;
  concepts: number;
  /** Lantern's model first, then the baselines. */
  models: ModelFigures[];
}

export interface EvaluateOptions {
  /** Authored difficulty (1–10) of the exercises Lantern knows; the rest are learned from the log. */
  authoredDifficulty?: (exercise: string) => number | undefined;
}

export function defaultPredictors(options: EvaluateOptions = {}): Predictor[] {
  return [new LanternPredictor(options.authoredDifficulty), new ExerciseRatePredictor(), new PfaPredictor()];
}

/** Replays attempts in order: each predictor predicts an attempt, then learns its outcome. */
export class AttemptsEvaluation {
  readonly predictors: readonly Predictor[];
  private readonly metrics: PredictionMetrics[];
  private readonly learners = new Set<string>();
  private readonly exercises = new Set<string>();
  private readonly concepts = new Set<string>();
  private count = 0;

  constructor(options: EvaluateOptions = {}, predictors: Predictor[] = defaultPredictors(options)) {
    this.predictors = predictors;
    this.metrics = predictors.map(() => new PredictionMetrics());
  }

  add(a: ReplayedAttempt): void {
    const y = succeeded(a);
    for (let i = 0; i < this.predictors.length; i++) this.metrics[i]!.add(this.predictors[i]!.predict(a), y);
    for (const p of this.predictors) p.observe(a);
    this.learners.add(a.learner);
    this.exercises.add(a.exercise);
    for (const c of a.concepts) this.concepts.add(c);
    this.count++;
  }

  report(): EvaluationReport {
    return {
      attempts: this.count,
      learners: this.learners.size,
      exercises: this.exercises.size,
      concepts: this.concepts.size,
      models: this.predictors.map((p, i) => ({
        id: p.id,
        label: p.label,
        metrics: this.metrics[i]!.summary(),
      })),
    };
  }
}

export function evaluateAttempts(
  attempts: Iterable<ReplayedAttempt>,
  options: EvaluateOptions = {},
  predictors?: Predictor[],
): EvaluationReport {
  const evaluation = new AttemptsEvaluation(options, predictors);
  for (const a of attempts) evaluation.add(a);
  return evaluation.report();
}
