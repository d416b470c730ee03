import { describe, expect, it } from 'vitest';
import {
  NEW_LEARNER,
  predictAttempt,
  unseenConcept,
  updateAttempt,
} from '../../../electron/core/learner/model-core.ts';

describe('model core', () => {
  it('predicts an exercise of several concepts from their mean ability', () => {
    // mean ability 0.5, difficulty 0.5 → σ(0) = 0.5
    expect(
      predictAttempt(
        [
          { ability: 0, evidence: 0 },
          { ability: 1, evidence: 3 },
        ],
        0.5,
      ),
    ).toBe(0.5);
  });

  it('moves the general ability, each concept by it and its own step, and the difficulty on a first check', () => {
    const u = updateAttempt(
      { ability: 0, evidence: 10 },
      [
        { ability: 0, evidence: 0, concept: 'a' },
        { ability: 0, evidence: 5, concept: 'b' },
      ],
      { rating: 0, evidence: 0 },
      1,
      { checks: 0, passed: false },
    );
    expect(u.expected).toBe(0.5);
    // general step 0.6 / (1 + 0.1 × 10) = 0.3, times the surprise 0.5
    expect(u.shift).toBeCloseTo(0.15, 12);
    expect(u.learner.ability).toBeCloseTo(0.15, 12);
    expect(u.learner.evidence).toBe(11);
    // each concept: the general shift plus its own step 0.2 × 0.5, whatever its evidence
    expect(u.concepts[0]?.ability).toBeCloseTo(0.25, 12);
    expect(u.concepts[0]).toMatchObject({ evidence: 1, concept: 'a' });
    expect(u.concepts[1]?.ability).toBeCloseTo(0.25, 12);
    expect(u.concepts[1]?.evidence).toBe(6);
    // exercise step 0.8 times the surprise, downwards: it was easier than thought
    expect(u.difficulty).toEqual({ rating: -0.4, evidence: 1 });
  });

  it('weighs the third check of an exercise by a third, on no new evidence, and leaves its difficulty alone', () => {
    const u = updateAttempt(
      { ability: 0, evidence: 1 },
      [{ ability: 0, evidence: 1 }],
      { rating: 0, evidence: 4 },
      0,
      { checks: 2, passed: false },
    );
    // general step 0.6 / (1 + 0.1 × 1), concept step 0.2, surprise −0.5, weight 1/3
    expect(u.concepts[0]?.ability).toBeCloseTo(((-0.6 / 1.1 - 0.2) * 0.5) / 3, 12);
    expect(u.shift).toBeCloseTo((-0.6 / 1.1 / 3) * 0.5, 12);
    // The same exercise again is the same piece of evidence.
    expect(u.concepts[0]?.evidence).toBe(1);
    expect(u.learner.evidence).toBe(1);
    expect(u.difficulty).toBeUndefined();
    expect(u.counted).toBe(true);
  });

  it('learns nothing from a check of an exercise the learner has already passed', () => {
    const learner = { ability: 0.4, evidence: 3 };
    const concepts = [{ ability: 0.9, evidence: 2 }];
    const u = updateAttempt(learner, concepts, { rating: -1, evidence: 4 }, 1, { checks: 1, passed: true });
    expect(u.counted).toBe(false);
    expect(u.expected).toBeCloseTo(1 / (1 + Math.exp(-1.9)), 12);
    expect(u.learner).toEqual(learner);
    expect(u.concepts).toEqual(concepts);
    expect(u.shift).toBe(0);
    expect(u.difficulty).toBeUndefined();
  });

  it('starts a concept the learner has not practised at their general ability, on no evidence', () => {
    expect(unseenConcept(NEW_LEARNER)).toEqual({ ability: 0, evidence: 0 });
    expect(unseenConcept({ ability: 0.7, evidence: 12 })).toEqual({ ability: 0.7, evidence: 0 });
  });
});
