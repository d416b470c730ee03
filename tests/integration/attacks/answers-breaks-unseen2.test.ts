/**
 * A predict or trace answer the backend reveals after a wrong one, sent back as the next
 * answer: the pass it earns shows nothing about the learner, as a pasted revealed solution does
 * not (learner-model.ts placementOutcome). Asserts the honest outcome; fails until it holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';
import { dispatch } from '../../../shared/api/dispatch.ts';
import type { RecordedAttempt } from '../../../shared/api/calls/lessons.ts';

const exercisesDir = path.resolve(import.meta.dirname, '../../../exercises');
let backend: Backend;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-reveal-attacks-'));
  backend = createBackend({
    dataDir: dir,
    exercisesDir,
    mode: 'web',
    version: '0',
    env: {},
    prefetchPractice: false,
  });
});
afterAll(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const envelope = await dispatch(backend.handlers, name, input, { emit: () => {} });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}
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
