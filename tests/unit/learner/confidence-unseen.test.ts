/**
 * How sure a figure is, as a teacher reads it: re-checking one solved exercise again and again
 * is one piece of evidence repeated, not eight. The model already weighs the k-th check of an
 * exercise by 1/k; the confidence shown beside the figure should not claim more than that.
 */
import { expect, it } from 'vitest';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { masteryFigure } from '../../../shared/api/calls/learner.ts';
import { COURSE, addProfile, tempDatabase } from './fixtures.ts';

it('does not call a figure from one exercise checked eight times "high" confidence', () => {
  const { db } = tempDatabase();
  let now = Date.UTC(2026, 0, 5, 9);
  const model = new LearnerModel(
    new ProgressStore(db, { now: () => now }),
    new ModelRecords(db),
    () => COURSE,
  );
  const id = addProfile(db, 'Sam');
  const variables = () => model.mastery(id, 'py').find((m) => m.concept === 'variables')!;
  for (let i = 0; i < 8; i++)
    model.recordAttempt({
      profileId: id,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      status: 'pass',
      at: (now += 60_000),
    });
  expect(masteryFigure(variables()).confidence).not.toBe('high');
  // One exercise is one piece of evidence, and re-checking it once solved does not raise mastery.
  const once = variables();
  expect(once.evidence).toBe(1);
  model.recordAttempt({
    profileId: id,
    track: 'py',
    exercise: 'hello',
    kind: 'check',
    status: 'pass',
    at: (now += 60_000),
  });
  expect(variables()).toEqual(once);
});
