/**
 * Synthetic learners of known ability work through exercises of known difficulty, choosing what
 * to do by the model's own "next best step". After 30 checked attempts each, the model's ability
 * estimates should rank the learners as their true abilities do, and the exercises it recommends
 * should be ones the learners solve about 70–85% of the time.
 */
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildCourseMap, type CourseExercise } from '../../../electron/core/learner/course-map.ts';
import { TARGET_BAND, predictSuccess, ratingFromAuthored } from '../../../electron/core/learner/elo.ts';
import type { Track } from '../../../shared/content/schema.ts';
import { addProfile, tempDatabase } from './fixtures.ts';
import { spearman } from '../../../electron/core/learner/prediction-metrics.ts';

function rng(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

const text = (en: string) => ({ en, zh: en });
const CONCEPTS = [
  { id: 'c0', prerequisites: [] },
  { id: 'c1', prerequisites: ['c0'] },
  { id: 'c2', prerequisites: ['c0'] },
  { id: 'c3', prerequisites: ['c1'] },
  { id: 'c4', prerequisites: ['c2', 'c3'] },
  { id: 'c5', prerequisites: ['c4'] },
];

function simulate(seed: number) {
  const random = rng(seed);
  const exercises: CourseExercise[] = CONCEPTS.flatMap((c) =>
    Array.from({ length: 10 }, (_, i) => ({
      id: `${c.id}-e${i}`,
      type: 'exercise' as const,
      concepts: [c.id],
      difficulty: i + 1,
    })),
  );
  const track: Track = {
    id: 'sim',
    title: text('Simulation'),
    description: text('Synthetic'),
    language: 'python',
    concepts: CONCEPTS.map((c) => ({ ...c, title: text(c.id) })),
    units: [{ id: 'all', title: text('All'), lessons: exercises.map((e) => e.id) }],
  };
  const course = buildCourseMap(track, exercises);
  const trueDifficulty = new Map(
    exercises.map((e) => [e.id, ratingFromAuthored(e.difficulty) + 0.5 * random.normal()]),
  );

  const { db } = tempDatabase();
  let now = Date.UTC(2026, 1, 1);
  const progress = new ProgressStore(db, { now: () => now });
  const records = new ModelRecords(db);
  const model = new LearnerModel(progress, records, () => course);

  const learners = Array.from({ length: 40 }, (_, i) => {
    const base = 1.2 * random.normal();
    return {
      id: addProfile(db, `learner-${i}`),
      ability: new Map(CONCEPTS.map((c) => [c.id, base + 0.3 * random.normal()])),
    };
  });
  const trueAbility = (l: (typeof learners)[number], concepts: readonly string[]) =>
    concepts.reduce((s, c) => s + (l.ability.get(c) ?? 0), 0) / concepts.length;

  const recommended: { predicted: number; actual: number }[] = [];
  for (const learner of learners) {
    for (let attempt = 0; attempt < 30; attempt++) {
      now += 60_000;
      const step = model.nextBestStep(learner.id, 'sim', now);
      let p: number;
      let exercise: string;
      let extra: { concepts?: string[]; difficulty?: number; generated?: boolean } = {};
      if (step.kind === 'exercise' || step.kind === 'review') {
        exercise = step.exercise;
        p = predictSuccess(trueAbility(learner, step.concepts), trueDifficulty.get(exercise) ?? 0);
        if (attempt >= 5) recommended.push({ predicted: step.predictedSuccess, actual: p });
      } else if (step.kind === 'practice') {
        exercise = `generated-${learner.id}-${attempt}`;
        extra = { concepts: [step.concept], difficulty: step.difficulty, generated: true };
        p = predictSuccess(trueAbility(learner, [step.concept]), ratingFromAuthored(step.difficulty));
      } else break;
      const passed = random.uniform() < p;
      model.recordAttempt({
        profileId: learner.id,
        track: 'sim',
        exercise,
        kind: 'check',
        status: passed ? 'pass' : 'fail',
        at: now,
        ...extra,
      });
    }
  }

  const truth: number[] = [];
  const estimate: number[] = [];
  for (const learner of learners) {
    const seen = model.mastery(learner.id, 'sim').filter((m) => m.evidence > 0);
    truth.push(
      trueAbility(
        learner,
        seen.map((m) => m.concept),
      ),
    );
    estimate.push(
      seen.reduce((s, m) => s + m.ability * m.evidence, 0) / seen.reduce((s, m) => s + m.evidence, 0),
    );
  }
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const inBand = recommended.filter((r) => r.predicted >= TARGET_BAND.low && r.predicted <= TARGET_BAND.high);
  return {
    rho: spearman(estimate, truth),
    predictedInBand: inBand.length / recommended.length,
    meanActualSuccess: mean(recommended.map((r) => r.actual)),
  };
}

describe('learner model simulation', () => {
  it('ranks synthetic learners by their true ability after 30 attempts and recommends in the band', () => {
    const runs = [11, 22, 33].map(simulate);
    for (const r of runs)
      console.log(
        `simulation: Spearman ρ = ${r.rho.toFixed(3)} after 30 attempts; ` +
          `${(100 * r.predictedInBand).toFixed(0)}% of recommendations predicted in 70–85%; ` +
          `true success on recommendations ${(100 * r.meanActualSuccess).toFixed(0)}%`,
      );
    const meanRho = runs.reduce((s, r) => s + r.rho, 0) / runs.length;
    expect(meanRho).toBeGreaterThanOrEqual(0.8);
    for (const r of runs) {
      expect(r.rho).toBeGreaterThan(0.7);
      expect(r.predictedInBand).toBeGreaterThan(0.6);
      expect(r.meanActualSuccess).toBeGreaterThan(0.6);
      expect(r.meanActualSuccess).toBeLessThan(0.92);
    }
  });
});
