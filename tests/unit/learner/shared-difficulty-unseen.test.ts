/**
 * Difficulty is shared by every profile on the machine (decision 0007): a learner after a better
 * mark makes throwaway profiles that each fail an exercise once, so its difficulty climbs, then
 * passes it with their own profile for the credit of a hard exercise.
 */
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { COURSE, tempDatabase } from './fixtures.ts';

function loopsAfterPass(puppets: number): number {
  const { db } = tempDatabase();
  let now = Date.UTC(2026, 2, 10);
  const progress = new ProgressStore(db, {
    now: () => now,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const check = (profileId: number, exercise: string, status: 'pass' | 'fail') =>
    model.recordAttempt({ profileId, track: 'py', exercise, kind: 'check', status, at: (now += 60_000) });
  const me = profiles.create('Me').id;
  for (let i = 0; i < puppets; i++) {
    const puppet = profiles.create(`Puppet ${i}`).id;
    for (const e of ['count', 'while-sum', 'fizz']) check(puppet, e, 'fail');
  }
  for (const e of ['count', 'while-sum', 'fizz']) check(me, e, 'pass');
  return model.mastery(me, 'py').find((m) => m.concept === 'loops')!.mastery;
}

describe('difficulty pooled over profiles', () => {
  // Measured: loops after three clean passes 0.77 on its own, 0.89 ("mastered") after twelve
  // throwaway profiles failed the same three first. Left failing: bounding how far other profiles can move an exercise's difficulty (or weighing
  // a profile's first checks by its own evidence) changes model-core, which the evaluator replays
  // to 12 digits, and the evaluation figures of decisions 0031/0037; too large for this round.
  it.fails('throwaway profiles failing the exercises first do not buy a learner mastery', () => {
    const honest = loopsAfterPass(0);
    const gamed = loopsAfterPass(12);
    expect(gamed - honest).toBeLessThan(0.05);
  });
});
