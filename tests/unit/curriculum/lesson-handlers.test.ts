/** The lesson calls over the API, on the fixture pack: state after a hint, and unknown lessons. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Curriculum } from '../../../electron/core/curriculum/index.ts';
import { lessonHandlers } from '../../../electron/core/api/lesson-handlers.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { silentLogger } from '../../../electron/core/logger.ts';
import { Verifier } from '../../../electron/core/learner/verifier.ts';
import { runnerErrorResult } from '../../../shared/runner/results.ts';
import { dispatch, type Handlers } from '../../../shared/api/dispatch.ts';
import { addProfile, tempDatabase } from '../learner/fixtures.ts';
import { PACKS } from './fixtures.ts';

const ctx = { emit: () => {} };
const double = { trackId: 'fixture-python', exerciseId: 'double' };
let dir: string;
let dbDir: string;
let handlers: Handlers;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lantern-lesson-calls-'));
  const builtinDir = join(dir, 'exercises');
  await cp(PACKS + 'good-python', join(builtinDir, 'python'), { recursive: true });
  const temp = tempDatabase();
  const db = temp.db;
  dbDir = temp.dir;
  const progress = new ProgressStore(db);
  const profileId = addProfile(db, 'Ada');
  handlers = lessonHandlers({
    curriculum: new Curriculum({ builtinDir, packsDir: join(dir, 'packs') }),
    progress,
    profileId: () => profileId,
    recordAttempt: (a) => progress.insertAttempt(a),
    verifier: new Verifier({
      runCode: () => Promise.resolve(runnerErrorResult('RunnerUnavailable', 'no sandbox in this test')),
      log: silentLogger(),
    }),
    log: silentLogger(),
  }) as unknown as Handlers;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(dbDir, { recursive: true, force: true });
});

async function call(name: string, input: unknown): Promise<unknown> {
  const envelope = await dispatch(handlers, name, input, ctx);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

describe('the lesson state call', () => {
  test('a new lesson shows no hints and no solution yet', async () => {
    expect(await call('getLessonState', double)).toEqual({
      checks: 0,
      failedChecks: 0,
      hintsShown: 0,
      solutionRevealed: false,
      completed: false,
      solutionAvailable: false,
    });
  });

  test('after a hint the state counts it, as reopening the lesson does', async () => {
    await call('nextHint', double);
    const state = await call('getLessonState', double);
    expect(state).toMatchObject({ hintsShown: 1, solutionAvailable: false });
    expect(state).toEqual(((await call('openLesson', double)) as { state: unknown }).state);
  });

  test('once every hint has been shown the solution is offered', async () => {
    for (let i = 0; i < 3; i++) await call('nextHint', double);
    expect(await call('getLessonState', double)).toMatchObject({ hintsShown: 3, solutionAvailable: true });
  });

  test('an unknown lesson or track gets the same message as opening it', async () => {
    for (const ref of [
      { trackId: 'fixture-python', exerciseId: 'nope' },
      { trackId: 'nope', exerciseId: 'double' },
    ]) {
      const expected = `There is no lesson "${ref.exerciseId}" in the track "${ref.trackId}".`;
      await expect(call('openLesson', ref)).rejects.toThrow(expected);
      await expect(call('getLessonState', ref)).rejects.toThrow(expected);
    }
  });

  test('a lesson reference without an exercise is rejected as bad input', async () => {
    const result = await dispatch(handlers, 'getLessonState', { trackId: 'fixture-python' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(JSON.stringify(result)).toContain('exerciseId');
  });
});
