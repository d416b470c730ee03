/**
 * The learner model against its baselines and the truth (issue 12, items 4 and 5), on synthetic
 * logs with known abilities and difficulties (electron/core/learner/synthetic-attempts.ts):
 *   - AUC, RMSE and log-loss of Lantern's model, decision 0007's original steps, each exercise's
 *     success rate so far, and PFA fitted online; and of the true chances themselves (the ceiling)
 *   - Spearman ρ of estimated vs true ability after each learner's 30th attempt (target ≥ 0.8)
 *   - both again over four more seeds of each population: the spread of the draw
 *   - `lantern model evaluate` on a 1,000,000-row file: time (target < 30 s) and memory; and on
 *     one whose learners never repeat an exercise, where the state grows with the rows
 *   - recording an attempt in the app (target ≤ 1 ms), and the model's update alone
 * Run: node bench/learner-model.ts   (or npm run bench learner-model)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CLASSROOM,
  CRAMMING,
  HINT_HABIT,
  SELF_TAUGHT,
  syntheticAttempts,
  syntheticAttemptsCsv,
  syntheticExercises,
  type Population,
} from '../electron/core/learner/synthetic-attempts.ts';
import {
  AttemptsEvaluation,
  LanternPredictor,
  defaultPredictors,
  type Predictor,
  type ReplayedAttempt,
} from '../electron/core/learner/model-evaluation.ts';
import { attemptCsvLine, attemptsCsvHeader } from '../electron/core/learner/attempts-csv.ts';
import { PredictionMetrics, spearman } from '../electron/core/learner/prediction-metrics.ts';
import { exerciseStep, predictSuccess, repeatWeight } from '../electron/core/learner/elo.ts';
import { updateAttempt } from '../electron/core/learner/model-core.ts';
import { attemptOf, benchStore, median, percentile, timeMs } from './_storage-fixtures.ts';

const f3 = (v: number | null) => (v === null || Number.isNaN(v) ? '–' : v.toFixed(3));

/** Decision 0007 as first shipped: learner step 1.6/(1 + 0.12 n), every concept starts at 0, hints 0.15. */
class Decision0007Predictor implements Predictor {
  readonly id = '0007';
  readonly label = 'Elo as in 0007 (step 1.6)';
  private readonly ability = new Map<string, { a: number; n: number }>();
  private readonly difficulty = new Map<string, { r: number; n: number }>();
  private readonly checks = new Map<string, number>();

  predict(x: ReplayedAttempt): number {
    const mean = x.concepts.reduce((s, c) => s + (this.ability.get(`${x.learner}\0${c}`)?.a ?? 0), 0);
    return predictSuccess(mean / x.concepts.length, this.difficulty.get(x.exercise)?.r ?? 0);
  }

  observe(x: ReplayedAttempt): void {
    const key = `${x.learner}\0${x.exercise}`;
    const prior = this.checks.get(key) ?? 0;
    // 0007's score: a pass loses 0.15 a hint (at most four).
    const score = x.revealed ? 0 : x.outcome >= 1 ? 1 - 0.15 * Math.min(x.hints, 4) : 0.2 * x.outcome;
    const surprise = score - this.predict(x);
    for (const c of x.concepts) {
      const m = this.ability.get(`${x.learner}\0${c}`) ?? { a: 0, n: 0 };
      this.ability.set(`${x.learner}\0${c}`, {
        a: m.a + (1.6 / (1 + 0.12 * m.n)) * repeatWeight(prior) * surprise,
        n: m.n + 1,
      });
    }
    if (prior === 0) {
      const d = this.difficulty.get(x.exercise) ?? { r: 0, n: 0 };
      this.difficulty.set(x.exercise, { r: d.r - exerciseStep(d.n) * surprise, n: d.n + 1 });
    }
    this.checks.set(key, prior + 1);
  }
}

/**
 * What 30 attempts can tell at best: the maximum-likelihood ability of a learner who never
 * changes, from their outcomes, knowing each exercise's true difficulty and the guess and slip
 * rates. The model knows none of these, so its ρ is unlikely to beat this one's. With `hints`, it
 * is also told the generator's rule for taking hints (only when the chance is below one half),
 * which makes each hint a near-certain sign of an exercise above the learner: no model of real
 * learners can know that rule.
 */
function informedAbility(
  p: Population,
  rating: ReadonlyMap<string, number>,
  history: readonly ReplayedAttempt[],
  hints: boolean,
): number {
  let best = 0;
  let bestLl = -Infinity;
  for (let theta = -5; theta <= 5; theta += 0.02) {
    let ll = 0;
    for (const a of history) {
      const d = rating.get(a.exercise) ?? 0;
      const z = theta - d + 0.6 * a.hints;
      const chance = p.guess + (1 - p.guess - p.slip) / (1 + Math.exp(-z));
      ll += Math.log(a.outcome >= 1 ? chance : 1 - chance);
      if (hints) {
        const takes = p.hintRate / (1 + Math.exp(4 * (theta - d))) + 1e-3;
        ll += Math.log(a.hints > 0 ? takes : 1 - takes);
      }
    }
    if (ll > bestLl) {
      bestLl = ll;
      best = theta;
    }
  }
  return best;
}

interface PopulationFigures {
  lantern: number;
  rate: number;
  pfa: number;
  rho: number;
  informed: number;
  informedHints: number;
}

function population(name: string, p: Population, detail: boolean): PopulationFigures {
  const predictors = [...defaultPredictors(), new Decision0007Predictor()];
  const evaluation = new AttemptsEvaluation({}, predictors);
  const truth = new PredictionMetrics();
  const lantern = predictors[0] as LanternPredictor;
  const est: number[] = [];
  const tru: number[] = [];
  const informed: number[] = [];
  const informedHints: number[] = [];
  const rating = new Map(syntheticExercises(p).map((e) => [e.id, e.rating]));
  const histories = new Map<string, ReplayedAttempt[]>();
  for (const a of syntheticAttempts(p)) {
    evaluation.add(a);
    truth.add(a.chance, a.outcome >= 1 ? 1 : 0);
    if (a.attemptNo <= 30) histories.set(a.learner, [...(histories.get(a.learner) ?? []), a]);
    if (a.attemptNo === 30) {
      informed.push(informedAbility(p, rating, histories.get(a.learner)!, false));
      // The rule it is told leaves out habitual hints, so it is no ceiling where they occur.
      if (!p.hintHabit) informedHints.push(informedAbility(p, rating, histories.get(a.learner)!, true));
      histories.delete(a.learner);
      // The model's own estimate of the learner: their general ability (decision 0037).
      est.push(lantern.generalAbilityOf(a.learner).ability);
      tru.push(a.trueAbility);
    }
  }
  const r = evaluation.report();
  const auc = (i: number) => r.models[i]!.metrics.auc ?? NaN;
  const figures: PopulationFigures = {
    lantern: auc(0),
    rate: auc(1),
    pfa: auc(2),
    rho: spearman(est, tru),
    informed: spearman(informed, tru),
    informedHints: informedHints.length ? spearman(informedHints, tru) : NaN,
  };
  if (!detail) return figures;
  console.log(
    `\n${name} (seed ${p.seed}): ${r.attempts.toLocaleString('en')} attempts, ${r.learners} learners, ${r.exercises} exercises ` +
      `(ability sd ${p.abilitySd}, learn ${p.learnRate}/attempt, forget ${p.forgetDays} d, guess ${p.guess})`,
  );
  console.log(`${''.padEnd(30)}${['AUC', 'RMSE', 'log-loss'].map((h) => h.padStart(9)).join('')}`);
  const t = truth.summary();
  for (const m of [...r.models, { label: 'the true chances (ceiling)', metrics: t }])
    console.log(
      `${m.label.padEnd(30)}${[m.metrics.auc, m.metrics.rmse, m.metrics.logLoss].map((v) => f3(v).padStart(9)).join('')}`,
    );
  console.log(
    `Lantern's AUC minus the better baseline's: ${signed(figures.lantern - Math.max(figures.rate, figures.pfa))}   target ≥ 0`,
  );
  console.log(`Spearman ρ, estimated vs true ability after 30 attempts: ${f3(figures.rho)}   target ≥ 0.8`);
  console.log(
    `  … an estimator told the true difficulties, guess and slip, from the same attempts: ${f3(figures.informed)}`,
  );
  if (!p.hintHabit)
    console.log(`  … and told the generator's rule for taking hints too: ${f3(figures.informedHints)}`);
  return figures;
}

const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`;

/** The same population drawn with other seeds: how far the figures move with the draw. */
function spread(name: string, p: Population, first: PopulationFigures, seeds: readonly number[]): void {
  const all = [first, ...seeds.map((s) => population(name, { ...p, seed: p.seed + s }, false))];
  const range = (v: number[], f: (x: number) => string) => `${f(Math.min(...v))} … ${f(Math.max(...v))}`;
  console.log(`Over ${all.length} seeds (${p.seed}, ${seeds.map((s) => p.seed + s).join(', ')}):`);
  console.log(
    `  AUC minus the better baseline ${range(
      all.map((x) => x.lantern - Math.max(x.rate, x.pfa)),
      signed,
    )}   target ≥ 0 on every seed`,
  );
  console.log(
    `  Lantern AUC ${range(
      all.map((x) => x.lantern),
      f3,
    )}`,
  );
  console.log(
    `  Spearman ρ ${range(
      all.map((x) => x.rho),
      f3,
    )}   target ≥ 0.8`,
  );
  console.log(
    `  ρ of the informed estimator ${range(
      all.map((x) => x.informed),
      f3,
    )}; told the hint rule too ${range(
      all.map((x) => x.informedHints),
      f3,
    )}`,
  );
}

/**
 * Learners who each try `perLearner` different exercises once, out of many: every row is a new
 * learner–exercise pair, the shape in which the evaluator's state grows with the rows.
 */
function* noRepeatsCsv(rows: number, perLearner = 50, exercises = 100_000): Generator<string> {
  yield attemptsCsvHeader();
  const start = Date.UTC(2026, 0, 5);
  for (let i = 0; i < rows; i++) {
    const learner = Math.floor(i / perLearner);
    const k = i % perLearner;
    const e = (learner * 7919 + k * 104_729) % exercises;
    yield attemptCsvLine({
      learner: `learner-${learner + 1}`,
      exercise: `ex-${e}`,
      concepts: [`c${e % 50}`, `c${(e + 1) % 50}`],
      at: start + k * 60_000,
      outcome: (i * 2_654_435_761) % 7 < 4 ? 1 : 0,
      hints: 0,
    });
  }
}

function throughput(
  rows: number,
  label = '',
  csv: Iterable<string> = syntheticAttemptsCsv({
    ...CLASSROOM,
    learners: Math.ceil(rows / CLASSROOM.attemptsPerLearner),
    cohort: 100,
  }),
): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-evaluate-'));
  const file = path.join(dir, 'attempts.csv');
  try {
    const fd = fs.openSync(file, 'w');
    let lines: string[] = [];
    for (const line of csv) {
      lines.push(line);
      if (lines.length === 20_000) {
        fs.writeSync(fd, `${lines.join('\n')}\n`);
        lines = [];
      }
    }
    fs.writeSync(fd, `${lines.join('\n')}\n`);
    fs.closeSync(fd);
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', path.join(import.meta.dirname, '_evaluate-file.ts'), file],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    const m = JSON.parse(child.stdout) as {
      attempts: number;
      learners: number;
      wallS: number;
      cpuS: number;
      maxRssMb: number;
      heapAfterGcMb: number;
    };
    const size = (fs.statSync(file).size / 2 ** 20).toFixed(0);
    console.log(
      `\nlantern model evaluate, ${m.attempts.toLocaleString('en')} rows (${size} MB, ${m.learners.toLocaleString('en')} learners)${label}:`,
    );
    console.log(`  wall ${m.wallS.toFixed(1)} s (CPU ${m.cpuS.toFixed(1)} s)   target < 30 s`);
    console.log(
      `  peak RSS ${m.maxRssMb.toFixed(0)} MB; heap after GC ${m.heapAfterGcMb.toFixed(0)} MB ` +
        `(the model state: ${((m.heapAfterGcMb * 1024) / m.learners).toFixed(1)} KB per learner, ` +
        `${((m.heapAfterGcMb * 2 ** 20) / m.attempts).toFixed(0)} bytes per row; the file is never held)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function recording(): void {
  const s = benchStore('learner-model');
  try {
    const learner = s.profiles.create('Ana').id;
    const start = Date.now() - 30 * 86_400_000;
    const times: number[] = [];
    for (let n = 0; n < 3000; n++) {
      const input = attemptOf(learner, n, start);
      times.push(timeMs(() => s.model.recordAttempt(input)));
    }
    const steady = times.slice(500);
    console.log(
      `\nrecordAttempt in the app (SQLite, median)   ${median(steady).toFixed(3)} ms   p95 ${percentile(steady, 95).toFixed(3)} ms   target ≤ 1 ms`,
    );
  } finally {
    s.close();
  }
  const learner = { ability: 0.1, evidence: 30 };
  const states = [
    { ability: 0.3, evidence: 12 },
    { ability: -0.4, evidence: 3 },
  ];
  const n = 1_000_000;
  const t = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < n; i++)
    sink += updateAttempt(learner, states, { rating: 0.1, evidence: 40 }, i % 3 ? 1 : 0, {
      checks: i % 4,
      passed: false,
    }).expected;
  const us = Number(process.hrtime.bigint() - t) / 1e3 / n;
  console.log(`the model's update alone (model-core)        ${us.toFixed(3)} µs ${sink > 0 ? '' : ' '}`);
}

const SEEDS = [100, 200, 300, 400];
for (const [name, p] of [
  ['Classroom', CLASSROOM],
  ['Self-taught', SELF_TAUGHT],
  ['Cramming', CRAMMING],
  ['Hint habit', HINT_HABIT],
] as const)
  spread(name, p, population(name, p, true), SEEDS);
throughput(1_000_000);
throughput(1_000_000, ', each learner trying 50 different exercises once', noRepeatsCsv(1_000_000));
recording();
