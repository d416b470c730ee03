/**
 * A predict or trace answer the backend reveals after a wrong one, sent back as the next
 * answer: the pass it earns shows nothing about the learner, as a pasted revealed solution does
 * not (learner-model.ts placementOutcome). Asserts the honest outcome; fails until it holds.
 */
import { expect, test } from 'vitest';
import { useBackend } from '../backend-fixture.ts';
import type { RecordedAttempt } from '../../../shared/api/calls/lessons.ts';

const live = useBackend('lantern-reveal-attacks-');
const { call } = live;
const predict = (exerciseId: string, code: string) =>
  call<RecordedAttempt>('recordAttempt', {
    trackId: 'python',
    exerciseId,
    kind: 'predict',
    code,
    status: 'pass',
  });
async function mastery(concept: string): Promise<number | null> {
  const { mastery } = await call<{ mastery: { track: string; concept: string; mastery: number | null }[] }>(
    'getDashboard',
    {},
  );
  return mastery.find((m) => m.track === 'python' && m.concept === concept)?.mastery ?? null;
}

test.each([
  ['predict-division', 'numbers', (r: RecordedAttempt) => r.verdict.reveal?.output],
  ['trace-loop-total', 'loops', (r: RecordedAttempt) => r.verdict.reveal?.value],
] as const)(
  '%s: pasting the answer revealed by a wrong one earns nothing',
  async (exerciseId, concept, revealed) => {
    await call('createProfile', { name: `Paster ${exerciseId}`, switchTo: true });
    const wrong = await predict(exerciseId, 'no idea');
    expect(wrong.verdict.status).toBe('fail');
    const afterWrong = (await mastery(concept)) ?? 0;
    const shown = revealed(wrong);
    expect(shown).toBeTruthy();
    const pasted = await predict(exerciseId, shown!);
    // Either the record says the answer was shown, or the pass moves nothing.
    const flagged = pasted.solutionRevealed;
    const after = (await mastery(concept)) ?? 0;
    expect(
      flagged || after <= afterWrong,
      `mastery ${afterWrong} -> ${after}, revealed flag ${flagged}`,
    ).toBe(true);
  },
);
