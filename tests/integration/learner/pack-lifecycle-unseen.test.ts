/**
 * A pack-only learner through the API: install a pack, work on it (a pass, missed predictions),
 * read what Learn and Practice recommend and why, remove the pack, install it again. The pack's
 * concepts get what the built-in tracks' get, and removing a pack loses nothing the learner did.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';
import { dispatch } from '../../../shared/api/dispatch.ts';
import type { Dashboard, PracticeList, TrackOverview } from '../../../shared/api/contract.ts';

const root = path.resolve(__dirname, '../../..');
const PACK = path.join(root, 'tests/fixtures/packs/good-python');
const TRACK = 'fixture-python';
let backend: Backend;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-pack-lifecycle-'));
  backend = createBackend({
    dataDir: dir,
    exercisesDir: path.join(root, 'exercises'),
    mode: 'web',
    version: '0',
    env: {},
    prefetchPractice: false,
  });
  // Pack validation runs the pack's code: start Python first, as a learner's session has it.
  await backend.verifier.warm('python');
}, 120_000);
afterAll(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const envelope = await dispatch(backend.handlers, name, input, { emit: () => undefined });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

const packConcepts = async () =>
  Object.fromEntries(
    (await call<Dashboard>('getDashboard', {})).mastery
      .filter((m) => m.track === TRACK)
      .map((m) => [m.concept, m]),
  );

async function install() {
  const installed = await call<{ ok: boolean; errors?: unknown[] }>('installPack', {
    source: { kind: 'path', path: PACK },
  });
  expect(installed.errors ?? []).toEqual([]);
}

it('gives a pack-only learner reasons, practice and mastery, and keeps them across remove and reinstall', async () => {
  await install();
  await call('createProfile', { name: 'Pack only', switchTo: true });

  // A fresh learner: Up next is the pack's first explanation, said with the concept's title.
  const fresh = await call<TrackOverview>('getTrack', { trackId: TRACK });
  expect(fresh.recommendation).toMatchObject({
    kind: 'lesson',
    exercise: 'intro',
    reason: { code: 'new-concept', concept: 'basics', conceptTitle: { en: 'Basics', zh: '基础' } },
  });
  // Practice offers the concepts not yet assessed, with no percentage.
  const freshPractice = await call<PracticeList>('listPractice', { trackId: TRACK, locale: 'en' });
  expect(freshPractice.weakSpots.length).toBeGreaterThan(0);
  for (const spot of freshPractice.weakSpots) {
    expect(spot.mastery).toBeNull();
    expect(spot.reason.code).toBe('next-in-track');
    expect(spot.conceptTitle).toBeDefined();
  }

  await call('markRead', { trackId: TRACK, exerciseId: 'intro' });
  const double = (await backend.curriculum.exercise(TRACK, 'double'))!.exercise;
  await call('recordAttempt', {
    trackId: TRACK,
    exerciseId: 'double',
    kind: 'check',
    code: double.solution!,
    status: 'pass',
    testsPassed: 2,
    testsTotal: 2,
  });
  // Two wrong predictions of the loop's output, each claimed right by the page.
  for (const guess of ['1\n2\n3\n', '0\n1\n2\n3\n'])
    await call('recordAttempt', {
      trackId: TRACK,
      exerciseId: 'count-up',
      kind: 'predict',
      code: guess,
      status: 'pass',
    });

  const worked = await packConcepts();
  expect(worked.basics).toMatchObject({ evidence: 1, confidence: 'low' });
  // Two answers to one exercise are one piece of evidence (distinct exercises, decision 0037).
  expect(worked.loops).toMatchObject({ evidence: 1, confidence: 'low' });
  expect(worked.loops!.mastery).toBeLessThan(worked.basics!.mastery!);

  // Both Learn and Practice say why: the two checks missed on loops this week.
  const practice = await call<PracticeList>('listPractice', { trackId: TRACK, locale: 'zh' });
  expect(practice.weakSpots[0]).toMatchObject({
    concept: 'loops',
    conceptTitle: { en: 'Loops', zh: '循环' },
    reason: { code: 'missed-checks', concept: 'loops', count: 2 },
  });
  expect(practice.weakSpots[0]!.mastery).toBeCloseTo(worked.loops!.mastery!, 3);
  const before = await call<TrackOverview>('getTrack', { trackId: TRACK });
  expect(before.recommendation?.reason).toMatchObject({ code: 'missed-checks', concept: 'loops', count: 2 });

  // Removed: the learner's figures stay; the pack's pages are gone, with a message.
  expect(await call('removePack', { trackId: TRACK })).toEqual({ removed: true });
  const removed = await packConcepts();
  expect(removed.basics).toMatchObject({ evidence: 1, mastery: worked.basics!.mastery });
  expect(removed.loops).toMatchObject({ evidence: 1, mastery: worked.loops!.mastery });
  await expect(call('getTrack', { trackId: TRACK })).rejects.toThrow(/fixture-python/);
  await expect(call('listPractice', { trackId: TRACK, locale: 'en' })).rejects.toThrow(/fixture-python/);

  // Reinstalled: the same figures, titled again, and the same next step.
  await install();
  const back = await packConcepts();
  expect(back.basics).toMatchObject({
    evidence: 1,
    mastery: worked.basics!.mastery,
    title: { en: 'Basics' },
  });
  expect(back.loops).toMatchObject({ evidence: 1, mastery: worked.loops!.mastery, title: { en: 'Loops' } });
  const after = await call<TrackOverview>('getTrack', { trackId: TRACK });
  expect(after.recommendation).toEqual(before.recommendation);
}, 180_000);
