/**
 * A learner after a better mark asks the tutor's follow-up box instead of pressing Hint: the box
 * is on the panel from the start, and the answer is help at the first rung. It must count as the
 * hint it is, so a pass after it is not scored as unaided (decision 0037: a pass after h hints
 * scores 1 − 0.3·h).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';
import { dispatch } from '../../../shared/api/dispatch.ts';
import { startFakeAnthropic, textReply, type FakeAnthropic } from '../../fake-anthropic/server.ts';
import { failingRun, STARTER } from './fixtures.ts';
import { TEST_KEY } from './helpers.ts';

const exercisesDir = path.resolve(import.meta.dirname, '../../../exercises');

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());

let open: { backend: Backend; dir: string }[] = [];
afterEach(() => {
  for (const { backend, dir } of open) {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  open = [];
  fake.reset();
});

function app() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-follow-up-'));
  const backend = createBackend({
    dataDir: dir,
    exercisesDir,
    mode: 'web',
    version: '0.0.0-test',
    env: { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url },
    prefetchPractice: false,
  });
  open.push({ backend, dir });
  return async (name: string, input: unknown) => {
    const envelope = await dispatch(backend.handlers, name, input, { emit: () => undefined });
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as Record<string, unknown>;
  };
}

const ask = (requestId: string, extra: Record<string, unknown> = {}) => ({
  requestId,
  trackId: 'python',
  exerciseId: 'clamp',
  code: STARTER,
  lastResult: failingRun,
  locale: 'en',
  ...extra,
});

it('a follow-up question asked before any hint counts as the first hint', async () => {
  const call = app();
  fake.enqueue(textReply('Think about what happens when the value is above high.'));
  const answer = await call('requestHint', ask('q1', { followUp: 'How do I do this?' }));
  expect(answer).toMatchObject({ kind: 'model', level: 1 });
  const state = await call('getLessonState', { trackId: 'python', exerciseId: 'clamp' });
  expect(state.hintsShown).toBe(1);
});

it('follow-ups after a hint stay on its rung and add no hint', async () => {
  const call = app();
  fake.enqueue(textReply('First nudge.'), textReply('About your question.'));
  await call('requestHint', ask('h1'));
  const followUp = await call('requestHint', ask('q1', { followUp: 'Why?' }));
  expect(followUp.level).toBe(1);
  const state = await call('getLessonState', { trackId: 'python', exerciseId: 'clamp' });
  expect(state.hintsShown).toBe(1);
});
