import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { MASTERED, TARGET_BAND } from '../../../electron/core/learner/elo.ts';
import { DAY_MS } from '../../../electron/core/learner/review-schedule.ts';
import { COURSE, addProfile, tempDatabase } from './fixtures.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function setup() {
  const { db } = tempDatabase();
  let now = T0;
  const progress = new ProgressStore(db, { now: () => now });
  const records = new ModelRecords(db);
  const model = new LearnerModel(progress, records, (t) => (t === 'py' ? COURSE : undefined));
  const ada = addProfile(db, 'Ada');
  const check = (
    exercise: string,
    status: 'pass' | 'fail',
    extra: { hintsShown?: number; solutionRevealed?: boolean } = {},
  ) =>
    model.recordAttempt({ profileId: ada, track: 'py', exercise, kind: 'check', status, at: now, ...extra });
  return { db, progress, records, model, ada, check, advance: (ms: number) => (now += ms), now: () => now };
}

const masteryOf = (m: ReturnType<typeof setup>, concept: string) =>
  m.model.mastery(m.ada, 'py').find((c) => c.concept === concept)?.mastery ?? NaN;

describe('LearnerModel', () => {
  it('raises mastery of a concept when its exercise is solved and lowers it when a check fails', () => {
    const m = setup();
    const start = masteryOf(m, 'loops');
    m.check('count', 'pass');
    const afterPass = masteryOf(m, 'loops');
    m.check('while-sum', 'fail');
    expect(afterPass).toBeGreaterThan(start);
    expect(masteryOf(m, 'loops')).toBeLessThan(afterPass);
  });

  it('credits a solve after hints less than a clean solve, and a solve after the revealed solution not at all', () => {
    const clean = setup();
    clean.check('count', 'pass');
    const hinted = setup();
    hinted.check('count', 'pass', { hintsShown: 3 });
    const revealed = setup();
    const before = masteryOf(revealed, 'loops');
    revealed.check('count', 'pass', { solutionRevealed: true });
    expect(masteryOf(hinted, 'loops')).toBeLessThan(masteryOf(clean, 'loops'));
    expect(masteryOf(revealed, 'loops')).toBeLessThan(before);
  });

  it('keeps a mastery history point for every checked attempt, and none for runs', () => {
    const m = setup();
    m.model.recordAttempt({ profileId: m.ada, track: 'py', exercise: 'count', kind: 'run', status: 'pass' });
    m.check('count', 'fail');
    m.check('count', 'pass');
    expect(m.records.history(m.ada, 'py', 'loops')).toHaveLength(2);
  });

  it('rates an exercise harder when learners fail it on their first try', () => {
    const m = setup();
    const before = m.records.difficulty('py', 'sum')?.rating;
    m.check('sum', 'fail');
    const bo = addProfile(m.db, 'Bo');
    m.model.recordAttempt({ profileId: bo, track: 'py', exercise: 'sum', kind: 'check', status: 'fail' });
    expect(before).toBeUndefined();
    expect(m.records.difficulty('py', 'sum')?.rating).toBeGreaterThan(-1.75); // authored 2 → −1.75
  });

  it('offers the unread explanation first, then an exercise in the desirable band', () => {
    const m = setup();
    expect(m.model.nextBestStep(m.ada, 'py')).toMatchObject({ kind: 'lesson', exercise: 'intro' });
    m.progress.markCompleted(m.ada, 'py', 'intro');
    const step = m.model.nextBestStep(m.ada, 'py');
    expect(step.kind).toBe('exercise');
    if (step.kind !== 'exercise') return;
    expect(COURSE.byId.get(step.exercise)?.concepts).toEqual(['variables']);
  });

  it('does not open a concept before its prerequisites are met', () => {
    const m = setup();
    m.progress.markCompleted(m.ada, 'py', 'intro');
    const step = m.model.nextBestStep(m.ada, 'py');
    expect(step.kind === 'exercise' && step.concepts.includes('functions')).toBe(false);
    for (const id of ['hello', 'sum', 'swap', 'count', 'while-sum', 'fizz']) m.check(id, 'pass');
    const later = m.model.nextBestStep(m.ada, 'py');
    const concepts =
      later.kind === 'practice' ? [later.concept] : later.kind === 'done' ? [] : later.concepts;
    expect(concepts).toEqual(['functions']);
  });

  it('picks the exercise whose predicted success is inside 70–85% when one is', () => {
    const m = setup();
    m.progress.markCompleted(m.ada, 'py', 'intro');
    for (const id of ['hello', 'sum', 'swap']) m.check(id, 'pass');
    const step = m.model.nextBestStep(m.ada, 'py');
    if (step.kind !== 'exercise') throw new Error(`expected an exercise, got ${step.kind}`);
    const inBand = COURSE.exercises
      .filter((e) => e.type !== 'explanation' && !['hello', 'sum', 'swap'].includes(e.id))
      .map((e) => m.model.predictedSuccess(m.ada, 'py', e.id))
      .some((p) => p >= TARGET_BAND.low && p <= TARGET_BAND.high);
    if (inBand) {
      expect(step.predictedSuccess).toBeGreaterThanOrEqual(TARGET_BAND.low);
      expect(step.predictedSuccess).toBeLessThanOrEqual(TARGET_BAND.high);
    }
    expect(step.practice?.difficulty).toBeGreaterThanOrEqual(1);
  });

  it('schedules a review once a concept is mastered and brings it back when due', () => {
    const m = setup();
    for (const id of ['hello', 'sum', 'swap']) m.check(id, 'pass');
    expect(masteryOf(m, 'variables')).toBeGreaterThanOrEqual(MASTERED);
    const review = m.records.review(m.ada, 'py', 'variables');
    expect(review?.intervalDays).toBe(1);
    m.advance(DAY_MS + 1);
    expect(m.model.nextBestStep(m.ada, 'py')).toMatchObject({ kind: 'review', concepts: ['variables'] });
  });

  it('grows the review interval after a passed review and shortens it after a failed one', () => {
    const m = setup();
    for (const id of ['hello', 'sum', 'swap']) m.check(id, 'pass');
    m.advance(DAY_MS + 1);
    m.check('hello', 'pass');
    const grown = m.records.review(m.ada, 'py', 'variables')?.intervalDays ?? 0;
    expect(grown).toBeGreaterThan(1);
    m.advance(grown * DAY_MS + 1);
    m.check('sum', 'fail');
    expect(m.records.review(m.ada, 'py', 'variables')?.intervalDays).toBeLessThan(grown);
  });

  it('places an experienced learner past the basics from a short diagnostic', () => {
    const m = setup();
    const diagnostics = m.model.placementExercises('py', 3);
    expect(diagnostics).toHaveLength(3);
    // Placement reads the recorded checks of the diagnostics, not what the page says.
    for (const id of diagnostics) m.check(id, id === 'recursive' ? 'fail' : 'pass');
    m.model.applyPlacement(
      m.ada,
      'py',
      diagnostics.map((exercise) => ({ exercise, passed: exercise !== 'recursive' })),
    );
    expect(masteryOf(m, 'variables')).toBeGreaterThanOrEqual(MASTERED);
    m.progress.markCompleted(m.ada, 'py', 'intro');
    const step = m.model.nextBestStep(m.ada, 'py');
    expect(
      step.kind === 'exercise' && step.concepts.includes('variables') && step.concepts.length === 1,
    ).toBe(false);
  });

  it('moves a concept with the learner’s general ability, without evidence or a history point', () => {
    const m = setup();
    const functions = () => m.model.mastery(m.ada, 'py').find((c) => c.concept === 'functions')!;
    const unseen = functions();
    m.check('hello', 'pass');
    m.check('sum', 'pass');
    const variables = m.model.mastery(m.ada, 'py').find((c) => c.concept === 'variables')!;
    m.check('count', 'pass');
    // Loops were solved: the learner's general ability rose, and with it every other concept.
    expect(functions().ability).toBeGreaterThan(unseen.ability);
    expect(functions().evidence).toBe(0);
    const after = m.model.mastery(m.ada, 'py').find((c) => c.concept === 'variables')!;
    expect(after.ability).toBeGreaterThan(variables.ability);
    expect(after.evidence).toBe(variables.evidence);
    expect(m.records.history(m.ada, 'py', 'variables')).toHaveLength(2);
    // The recommender predicts from the same abilities.
    expect(m.model.predictedSuccess(m.ada, 'py', 'def-add')).toBeGreaterThan(
      1 / (1 + Math.exp(COURSE.byId.get('def-add')!.difficulty / 2 - 5.5 / 2 - unseen.ability)),
    );
  });
});

describe('placement reads only verified checks', () => {
  it('a forged placement pass moves no ability', () => {
    const m = setup();
    const diagnostics = m.model.placementExercises('py', 3);
    const before = m.model.mastery(m.ada, 'py');
    // The page claims every diagnostic solved; no check of any was recorded.
    const changed = m.model.applyPlacement(
      m.ada,
      'py',
      diagnostics.map((exercise) => ({ exercise, passed: true })),
    );
    expect(changed).toEqual([]);
    expect(m.model.mastery(m.ada, 'py')).toEqual(before);
  });

  it('a claimed pass over a failed check counts as failed, and a skipped diagnostic as nothing', () => {
    const m = setup();
    m.check('def-add', 'fail');
    const loops = masteryOf(m, 'loops');
    const functions = masteryOf(m, 'functions');
    expect(m.model.placementOutcome(m.ada, 'py', 'def-add')).toBe('failed');
    expect(m.model.placementOutcome(m.ada, 'py', 'count')).toBe('skipped');
    const changed = m.model.applyPlacement(m.ada, 'py', [
      { exercise: 'def-add', passed: true },
      { exercise: 'count', passed: false },
    ]);
    // The failed diagnostic can only cap its concept; loops (skipped) and its prerequisites stay.
    expect(changed.every((c) => c.concept === 'functions')).toBe(true);
    expect(masteryOf(m, 'functions')).toBeLessThanOrEqual(functions);
    expect(masteryOf(m, 'loops')).toBe(loops);
  });
});
