import { describe, expect, it } from 'vitest';
import { predictAttempt, unseenAbility, updateAttempt } from '../../../electron/core/learner/model-core.ts';

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

  it('moves each concept by its own step and the difficulty on a first check', () => {
    const u = updateAttempt(
      [
        { ability: 0, evidence: 0, concept: 'a' },
        { ability: 0, evidence: 5, concept: 'b' },
      ],
      { rating: 0, evidence: 0 },
      1,
      0,
    );
    expect(u.expected).toBe(0.5);
    // learner step 0.8 / (1 + 0.12 n) times the surprise 0.5
    expect(u.concepts[0]).toEqual({ ability: 0.4, evidence: 1, concept: 'a' });
    expect(u.concepts[1]?.ability).toBeCloseTo(0.25, 12);
    expect(u.concepts[1]?.evidence).toBe(6);
    // exercise step 0.8 times the surprise, downwards: it was easier than thought
    expect(u.difficulty).toEqual({ rating: -0.4, evidence: 1 });
  });

  it('weighs the third check of an exercise by a third and leaves its difficulty alone', () => {
    const u = updateAttempt([{ ability: 0, evidence: 0 }], { rating: 0, evidence: 4 }, 0, 2);
    expect(u.concepts[0]?.ability).toBeCloseTo((-0.8 * 0.5) / 3, 12);
    expect(u.difficulty).toBeUndefined();
  });

  it('starts an unpractised concept at the evidence-weighted mean of the others, shrunk towards 0', () => {
    expect(unseenAbility([])).toBe(0);
    // (1 × 3 + (−1) × 1) / (3 + 1 + 1)
    expect(
      unseenAbility([
        { ability: 1, evidence: 3 },
        { ability: -1, evidence: 1 },
      ]),
    ).toBeCloseTo(0.4, 12);
  });
});
