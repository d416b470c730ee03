/**
 * Placement tried by a learner after a better mark, with the help a lesson offers: every hint read
 * on a diagnostic in the lesson, then the same diagnostic "solved" in the placement check (which
 * offers no hints). The checked attempt already says what a pass after three hints is worth;
 * placement must not turn it into "known well above this exercise".
 */
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { masteryFigure } from '../../../shared/api/calls/learner.ts';
import { COURSE, tempDatabase } from './fixtures.ts';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

function machine() {
  const { db } = tempDatabase();
  let now = T0;
  const progress = new ProgressStore(db, {
    now: () => now,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create('Ada').id;
  const check = (exercise: string, status: 'pass' | 'fail', hintsShown = 0) =>
    model.recordAttempt({
      profileId: id,
      track: 'py',
      exercise,
      kind: 'check',
      status,
      hintsShown,
      at: (now += 60_000),
    });
  const figure = (concept: string) =>
    masteryFigure(model.mastery(id, 'py').find((m) => m.concept === concept)!);
  return { id, model, check, figure };
}

describe('placement after hints', () => {
  it('a diagnostic passed only after every hint does not raise its concepts as a clean solve would', () => {
    const m = machine();
    m.check('while-sum', 'fail');
    m.check('while-sum', 'pass', 3);
    const before = m.figure('loops').mastery!;
    expect(m.model.placementOutcome(m.id, 'py', 'while-sum')).not.toBe('solved');
    m.model.applyPlacement(m.id, 'py', [{ exercise: 'while-sum', passed: true }]);
    // A clean solve would put loops at σ(d + 2 − reference) ≈ 0.9: mastered on a pass the
    // learner needed three hints for.
    expect(m.figure('loops').mastery).toBe(before);
    expect(m.figure('loops').mastery!).toBeLessThan(0.8);
  });

  it('a clean pass of the same diagnostic still places the learner', () => {
    const m = machine();
    m.check('while-sum', 'pass');
    expect(m.model.placementOutcome(m.id, 'py', 'while-sum')).toBe('solved');
    m.model.applyPlacement(m.id, 'py', [{ exercise: 'while-sum', passed: true }]);
    expect(m.figure('loops').mastery!).toBeGreaterThan(0.8);
  });
});
