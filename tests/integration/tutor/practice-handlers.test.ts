/**
 * Practice over the API without a key: "Practise my weak spots" makes a template problem in the
 * real sandbox, the learner never gets its solution, it is listed, and a passing check solves it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';
import { dispatch } from '../../../shared/api/dispatch.ts';
import { GeneratedExerciseStore } from '../../../electron/core/practice/index.ts';
import type { PracticeList, PracticeProblemView } from '../../../shared/api/calls/practice.ts';

const exercisesDir = path.resolve(import.meta.dirname, '../../../exercises');
let backend: Backend;
let dir: string;
const events: { event: string; payload: unknown }[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-practice-api-'));
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
  const envelope = await dispatch(backend.handlers, name, input, {
    emit: (event, payload) => void events.push({ event, payload }),
  });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

it('a new learner gets a checked template problem on a first concept of the track, without its solution', async () => {
  const list = await call<PracticeList>('listPractice', { trackId: 'python', locale: 'en' });
  expect(list.problems).toEqual([]);
  expect(list.weakSpots.map((w) => w.concept)[0]).toBe('output-variables');

  const problem = await call<PracticeProblemView>('nextPractice', { trackId: 'python', locale: 'en' });
  expect(problem).toMatchObject({ trackId: 'python', source: 'template', solved: false });
  expect(list.weakSpots.map((w) => w.concept)).toContain(problem.concept);
  expect(JSON.stringify(problem)).not.toContain('"solution"');
  expect(problem.exercise.tests).toBeTruthy();

  const after = await call<PracticeList>('listPractice', { trackId: 'python', locale: 'en' });
  expect(after.problems.map((p) => p.id)).toEqual([problem.id]);
  const again = await call<PracticeProblemView>('getPracticeProblem', { id: problem.id });
  expect(again.exercise.title).toEqual(problem.exercise.title);
}, 120_000);

it('a passing check solves a practice problem and a failing one does not', async () => {
  const { problems } = await call<PracticeList>('listPractice', { trackId: 'python', locale: 'en' });
  const id = problems[0]!.id;
  // The backend re-runs each check: a pass needs code that passes (the problem's own solution).
  const { starter, solution } = new GeneratedExerciseStore(backend.db).get(id)!.exercise;
  const attempt = (status: string) =>
    call<{ solved: boolean }>('recordPracticeAttempt', {
      id,
      kind: 'check',
      code: status === 'pass' ? solution : starter,
      status,
      testsTotal: 2,
    });
  expect(await attempt('fail')).toMatchObject({ solved: false });
  expect(await attempt('pass')).toMatchObject({ solved: true });
  const list = await call<PracticeList>('listPractice', { trackId: 'python', locale: 'en' });
  expect(list.problems[0]).toMatchObject({ id, solved: true });
});

it("each learner's list holds only the problems they were given", async () => {
  const first = await call<PracticeList>('listPractice', { trackId: 'python', locale: 'en' });
  expect(first.problems).toHaveLength(1);
  await call('createProfile', { name: 'Second learner', switchTo: true });
  const second = await call<PracticeList>('listPractice', { trackId: 'python', locale: 'en' });
  expect(second.problems).toEqual([]);
});

it('an unknown problem is a clear error', async () => {
  await expect(call('getPracticeProblem', { id: 'nope' })).rejects.toThrow(
    'There is no practice problem "nope".',
  );
});
