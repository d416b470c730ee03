/**
 * A content pack is first-class in the learner model: installed through the API (validated in
 * the real sandbox), a passed check on it gives its concept a mastery figure at once, the track
 * gets a recommendation, and removing it takes it out of the model's map.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';
import { dispatch } from '../../../shared/api/dispatch.ts';
import type { Dashboard, TrackOverview } from '../../../shared/api/contract.ts';

const root = path.resolve(__dirname, '../../..');
const PACK = path.join(root, 'tests/fixtures/packs/good-python');
let backend: Backend;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-pack-mastery-'));
  backend = createBackend({
    dataDir: dir,
    exercisesDir: path.join(root, 'exercises'),
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
  const envelope = await dispatch(backend.handlers, name, input, { emit: () => undefined });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

const conceptsOf = (d: Dashboard, track: string) =>
  Object.fromEntries(d.mastery.filter((m) => m.track === track).map((m) => [m.concept, m]));

it('installs a pack, passes a check on it and reads its mastery back; removing it leaves the model', async () => {
  const installed = await call<{ ok: boolean; errors?: unknown[] }>('installPack', {
    source: { kind: 'path', path: PACK },
  });
  // Validation runs the pack's code in the sandbox; its errors say what failed.
  expect(installed.errors ?? []).toEqual([]);

  // Before any attempt the pack's concepts are listed, not yet assessed.
  const fresh = conceptsOf(await call<Dashboard>('getDashboard', {}), 'fixture-python');
  expect(Object.keys(fresh)).toEqual(['basics', 'loops']);
  expect(fresh.basics).toMatchObject({ mastery: null, evidence: 0, confidence: 'none' });

  // A real, correct solution (the pack's own reference solution), checked.
  const lesson = await backend.curriculum.exercise('fixture-python', 'double');
  const solution = lesson!.exercise.solution!;
  await call('recordAttempt', {
    trackId: 'fixture-python',
    exerciseId: 'double',
    kind: 'check',
    code: solution,
    status: 'pass',
    testsPassed: 2,
    testsTotal: 2,
  });
  const after = conceptsOf(await call<Dashboard>('getDashboard', {}), 'fixture-python');
  expect(after.basics).toMatchObject({ evidence: 1, confidence: 'low', title: { en: 'Basics', zh: '基础' } });
  expect(after.basics!.mastery).toBeGreaterThan(0.5);
  expect(after.basics!.lastSeen).not.toBeNull();
  expect(after.loops).toMatchObject({ mastery: null, evidence: 0 });

  const track = await call<TrackOverview>('getTrack', { trackId: 'fixture-python' });
  expect(track.recommendation?.reason.code).toBeDefined();
  expect(track.recommendation?.exercise).not.toBe('double');

  expect(await call('removePack', { trackId: 'fixture-python' })).toEqual({ removed: true });
  // The records stay (they are the learner's), without the removed pack's titles.
  const removed = conceptsOf(await call<Dashboard>('getDashboard', {}), 'fixture-python');
  expect(removed.basics).toMatchObject({ evidence: 1 });
  expect(removed.basics!.title).toBeUndefined();
}, 120_000);
