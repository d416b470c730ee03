/**
 * The recommender on top of the learner model: the reason each step comes with, the difficulty
 * practice is asked for, and what placement counts as evidence. The last tests run the built-in
 * Python track as the app loads it.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { MASTERED } from '../../../electron/core/learner/elo.ts';
import { DAY_MS } from '../../../electron/core/learner/review-schedule.ts';
import { loadCourseMaps } from '../../../electron/core/learner/course-maps.ts';
import type { CourseMap } from '../../../electron/core/learner/course-map.ts';
import { Curriculum } from '../../../electron/core/curriculum/index.ts';
import { COURSE, addProfile, tempDatabase, tempDir } from './fixtures.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function setup(
  courseOf: (track: string) => CourseMap | undefined = (t) => (t === 'py' ? COURSE : undefined),
) {
  const { db } = tempDatabase();
  let now = T0;
  const progress = new ProgressStore(db, { now: () => now });
  const records = new ModelRecords(db);
  const model = new LearnerModel(progress, records, courseOf);
  const learner = (name: string) => {
    const id = addProfile(db, name);
    const check = (exercise: string, status: 'pass' | 'fail', track = 'py') =>
      model.recordAttempt({ profileId: id, track, exercise, kind: 'check', status, at: (now += 60_000) });
    return { id, check };
  };
  return { db, progress, records, model, learner, advance: (ms: number) => (now += ms) };
}

describe('why a step is recommended', () => {
  it('a new concept comes with its explanation, then the next exercise of a concept not yet assessed', () => {
    const m = setup();
    const ada = m.learner('Ada');
    expect(m.model.nextBestStep(ada.id, 'py')).toMatchObject({
      kind: 'lesson',
      exercise: 'intro',
      reason: { code: 'new-concept', concept: 'variables' },
    });
    m.progress.markCompleted(ada.id, 'py', 'intro');
    expect(m.model.nextBestStep(ada.id, 'py')).toMatchObject({
      kind: 'exercise',
      exercise: 'hello',
      reason: { code: 'next-in-track', concept: 'variables' },
    });
  });

  it('names the checks missed this week on the concept it sends the learner back to', () => {
    const m = setup();
    const bo = m.learner('Bo');
    m.progress.markCompleted(bo.id, 'py', 'intro');
    bo.check('hello', 'fail');
    bo.check('hello', 'fail');
    const step = m.model.nextBestStep(bo.id, 'py');
    expect(step.reason).toEqual({ code: 'missed-checks', concept: 'variables', count: 2 });
    // A week later the misses are old news: the reason is the weakness itself.
    m.advance(8 * DAY_MS);
    expect(m.model.nextBestStep(bo.id, 'py').reason).toMatchObject({ code: 'weakest', concept: 'variables' });
  });

  it('puts a due review first and says so', () => {
    const m = setup();
    const cy = m.learner('Cy');
    for (const id of ['hello', 'sum', 'swap']) cy.check(id, 'pass');
    m.advance(3 * DAY_MS);
    expect(m.model.nextBestStep(cy.id, 'py')).toMatchObject({
      kind: 'review',
      reason: { code: 'review-due', concept: 'variables', overdueDays: 2 },
    });
    expect(m.model.practiceTargets(cy.id, 'py')[0]).toMatchObject({
      concept: 'variables',
      review: true,
      reason: { code: 'review-due' },
    });
  });

  it('an exercise in the band says how likely the learner is to pass it', () => {
    const m = setup();
    const di = m.learner('Di');
    m.progress.markCompleted(di.id, 'py', 'intro');
    for (const id of ['hello', 'sum']) di.check(id, 'pass');
    const step = m.model.nextBestStep(di.id, 'py');
    if (step.kind !== 'exercise') throw new Error(`expected an exercise, got ${step.kind}`);
    expect(step.reason).toEqual({
      code: 'right-level',
      concept: step.concepts[0],
      percent: Math.round(step.predictedSuccess * 100),
    });
    expect(step.predictedSuccess).toBeGreaterThanOrEqual(0.7);
    expect(step.predictedSuccess).toBeLessThanOrEqual(0.85);
  });
});

describe('placement as evidence', () => {
  it('moves the abilities but adds no evidence: only a solved, checked diagnostic is evidence', () => {
    const m = setup();
    const ed = m.learner('Ed');
    // Ed solves 'count' (loops) and checks it; he skips 'recursive' (functions) without a check.
    ed.check('count', 'pass');
    m.model.applyPlacement(ed.id, 'py', [
      { exercise: 'count', passed: true },
      { exercise: 'recursive', passed: false },
    ]);
    const byConcept = new Map(m.model.mastery(ed.id, 'py').map((c) => [c.concept, c]));
    expect(byConcept.get('loops')?.evidence).toBe(1);
    expect(byConcept.get('variables')?.evidence).toBe(0); // raised as a prerequisite, not seen
    expect(byConcept.get('functions')?.evidence).toBe(0); // skipped: no evidence
    expect(byConcept.get('variables')?.mastery).toBeGreaterThanOrEqual(MASTERED);
    // The model still uses what placement says: Ed is not sent back to the variables.
    const step = m.model.nextBestStep(ed.id, 'py');
    expect(step.kind !== 'done' && 'concepts' in step && step.concepts.includes('variables')).toBe(false);
  });
});

describe('the built-in Python track', () => {
  let python: CourseMap;
  beforeAll(async () => {
    const maps = new Map<string, CourseMap>();
    const curriculum = new Curriculum({
      builtinDir: path.resolve(__dirname, '../../../exercises'),
      packsDir: tempDir('lantern-packs-'),
    });
    await loadCourseMaps(curriculum, maps);
    python = maps.get('python')!;
  });

  it('offers a learner who passes hard exercises harder work than one who struggles', () => {
    const m = setup((t) => (t === 'python' ? python : undefined));
    const strong = m.learner('Strong');
    const weak = m.learner('Weak');
    for (const id of ['variables-intro', 'loops-intro', 'functions-intro'])
      for (const who of [strong, weak]) m.progress.markCompleted(who.id, 'python', id);
    for (const id of ['is-prime', 'largest-number', 'word-count', 'running-total'])
      strong.check(id, 'pass', 'python');
    for (const id of ['hello-world', 'greet-by-name']) {
      weak.check(id, 'fail', 'python');
      weak.check(id, 'fail', 'python');
    }
    const difficultyOf = (step: ReturnType<typeof m.model.nextBestStep>) =>
      step.kind === 'practice'
        ? step.difficulty
        : step.kind === 'done'
          ? NaN
          : (python.byId.get(step.exercise)?.difficulty ?? NaN);
    // Each reads the explanation of a new concept when it is offered, as a learner would.
    const stepAfterReading = (id: number) => {
      let step = m.model.nextBestStep(id, 'python');
      while (step.kind === 'lesson') {
        m.progress.markCompleted(id, 'python', step.exercise);
        step = m.model.nextBestStep(id, 'python');
      }
      return step;
    };
    const strongStep = stepAfterReading(strong.id);
    const weakStep = stepAfterReading(weak.id);
    expect(strongStep.reason).toMatchObject({ code: 'right-level' });
    expect(difficultyOf(strongStep)).toBeGreaterThan(difficultyOf(weakStep));
    expect(weakStep.reason).toMatchObject({ code: 'missed-checks', concept: 'output-variables', count: 4 });

    const [strongPractice] = m.model.practiceTargets(strong.id, 'python');
    const [weakPractice] = m.model.practiceTargets(weak.id, 'python');
    expect(strongPractice!.difficulty).toBeGreaterThan(weakPractice!.difficulty);
    expect(weakPractice).toMatchObject({ concept: 'output-variables', difficulty: 1 });
    // "More like this" on the same exercise asks for the learner's own level.
    expect(m.model.difficultyFor(strong.id, 'python', ['loops'])).toBeGreaterThan(
      m.model.difficultyFor(weak.id, 'python', ['loops']),
    );
  });

  it('starts a new learner at the beginning of the track', () => {
    const m = setup((t) => (t === 'python' ? python : undefined));
    const fresh = m.learner('Fresh');
    expect(m.model.nextBestStep(fresh.id, 'python')).toMatchObject({
      kind: 'lesson',
      exercise: 'variables-intro',
    });
    m.progress.markCompleted(fresh.id, 'python', 'variables-intro');
    // Programs that print come before any function.
    expect(m.model.nextBestStep(fresh.id, 'python')).toMatchObject({
      kind: 'exercise',
      exercise: 'print-hello',
      reason: { code: 'next-in-track', concept: 'output-variables' },
    });
  });
});
