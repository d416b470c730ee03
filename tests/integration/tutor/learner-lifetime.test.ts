/**
 * No state outlives its learner: a learner who took hints, solved an exercise and was given a
 * practice problem is deleted; the next learner made gets a new id and a fresh start (hint level
 * 1, no hint history in the tutor's prompt, no progress, no practice list). Through the real API,
 * the real SDK against the fake Messages API, and the real sandbox.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';
import { dispatch } from '../../../shared/api/dispatch.ts';
import { startFakeAnthropic, textReply, type FakeAnthropic } from '../../fake-anthropic/server.ts';
import { failingRun, STARTER } from './fixtures.ts';
import { TEST_KEY } from './helpers.ts';
import { FOLLOW_UP_LIMIT } from '../../../electron/core/api/tutor-handlers.ts';

const exercisesDir = path.resolve(import.meta.dirname, '../../../exercises');
let fake: FakeAnthropic;
let backend: Backend;
let dir: string;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-lifetime-'));
  backend = createBackend({
    dataDir: dir,
    exercisesDir,
    mode: 'web',
    version: '0',
    env: { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: fake.url },
    prefetchPractice: false,
  });
});
afterAll(() => {
  backend.close();
  fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T = Record<string, unknown>>(name: string, input: unknown = {}): Promise<T> {
  const envelope = await dispatch(backend.handlers, name, input, { emit: () => {} });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

const hint = (requestId: string) =>
  call<{ level: number; kind: string }>('requestHint', {
    requestId,
    trackId: 'python',
    exerciseId: 'clamp',
    code: STARTER,
    lastResult: failingRun,
    locale: 'en',
  });
const clamp = { trackId: 'python', exerciseId: 'clamp' };
const average = { trackId: 'python', exerciseId: 'average-of-three' };

it('a new learner made after a deleted one starts afresh, with an id never used before', async () => {
  const someoneElse = await call<{ id: number }>('currentProfile');
  const ada = await call<{ id: number }>('createProfile', { name: 'Ada', switchTo: true });

  // Ada takes two hints from the tutor, solves an exercise and is given a practice problem.
  fake.enqueue(textReply('Ada, look at what happens above high.'), textReply('Ada: think of min and max.'));
  expect((await hint('a1')).level).toBe(1);
  expect((await hint('a2')).level).toBe(2);
  const solution = (await backend.curriculum.exercise('python', 'average-of-three'))!.exercise.solution!;
  const solved = await call<{ completed: boolean }>('recordAttempt', {
    ...average,
    kind: 'check',
    code: solution,
    status: 'pass',
  });
  expect(solved.completed).toBe(true);
  await call('morePractice', { trackId: 'python', exerciseId: 'count-vowels', locale: 'en' });
  expect(
    (await call<{ problems: unknown[] }>('listPractice', { trackId: 'python', locale: 'en' })).problems,
  ).toHaveLength(1);

  await call('deleteProfile', { id: ada.id });
  const bo = await call<{ id: number }>('createProfile', { name: 'Bo', switchTo: true });
  expect(bo.id).not.toBe(ada.id);
  expect(bo.id).toBeGreaterThan(Math.max(ada.id, someoneElse.id));

  // Bo's first hint is the first rung, and the tutor's prompt carries none of Ada's hints.
  fake.enqueue(textReply('A first nudge for Bo.'));
  expect(await hint('b1')).toMatchObject({ level: 1, kind: 'model' });
  const prompt = JSON.stringify(fake.requests.at(-1)?.body);
  expect(prompt).not.toContain('Ada');
  expect(await call('getLessonState', clamp)).toMatchObject({ hintsShown: 1, checks: 0 });
  expect(await call('getLessonState', average)).toMatchObject({ completed: false, checks: 0 });
  expect(
    (await call<{ problems: unknown[] }>('listPractice', { trackId: 'python', locale: 'en' })).problems,
  ).toEqual([]);
  const dashboard = await call<{ exercisesSolved: number; recent: unknown[]; hintsPerExercise: unknown[] }>(
    'getDashboard',
  );
  expect(dashboard).toMatchObject({ exercisesSolved: 0, recent: [] });
  expect(dashboard.hintsPerExercise).toEqual([expect.objectContaining({ exercise: 'clamp', hints: 1 })]);
}, 120_000);

it("the tutor's hint history is kept with the learner in the database, and deleted with them", async () => {
  const me = await call<{ id: number }>('createProfile', { name: 'Cy', switchTo: true });
  fake.enqueue(textReply('Cy, compare value with low first.'));
  await hint('c1');
  const texts = backend.progress.hintTexts(me.id, 'python', 'clamp');
  expect(texts).toEqual(['Cy, compare value with low first.']);
  await call('deleteProfile', { id: me.id });
  expect(backend.progress.hintTexts(me.id, 'python', 'clamp')).toEqual([]);
  expect(
    backend.db.prepare('SELECT count(*) FROM practice_given WHERE profile_id = ?').pluck().get(me.id),
  ).toBe(0);
});

it('the follow-up questions a deleted learner used up are not counted against the next one', async () => {
  const ask = (requestId: string, followUp?: string) =>
    call<{ status?: string; level: number }>('requestHint', {
      requestId,
      trackId: 'python',
      exerciseId: 'clamp',
      code: STARTER,
      lastResult: failingRun,
      locale: 'en',
      ...(followUp ? { followUp } : {}),
    });
  const di = await call<{ id: number }>('createProfile', { name: 'Di', switchTo: true });
  fake.enqueue(textReply('Di: look at the value above high.'));
  await ask('d0');
  for (let i = 1; i <= FOLLOW_UP_LIMIT; i++) {
    fake.enqueue(textReply(`Di, answer ${i}: compare with high.`));
    expect((await ask(`d${i}`, 'Why?')).status).not.toBe('follow-up-limit');
  }
  expect((await ask('d-over', 'And now?')).status).toBe('follow-up-limit');

  await call('deleteProfile', { id: di.id });
  await call('createProfile', { name: 'Ed', switchTo: true });
  fake.enqueue(textReply('Ed: look at the value above high.'), textReply('Ed: compare it with high.'));
  expect(await ask('e0')).toMatchObject({ level: 1 });
  expect((await ask('e1', 'Why?')).status).not.toBe('follow-up-limit');
}, 120_000);
