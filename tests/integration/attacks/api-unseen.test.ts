/**
 * Unseen attempts to get a pass recorded without solving the step, through the real API handlers
 * and the real Node sandbox, as web mode serves them (the HTTP layer adds only the token and
 * Origin checks): someone else's solution, mismatched ids, look-alike answers, odd JSON, many
 * attempts at once. None may complete a step or raise mastery.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';
import { dispatch } from '../../../shared/api/dispatch.ts';
import type { RecordedAttempt } from '../../../shared/api/calls/lessons.ts';
import type { Exercise } from '../../../shared/content/schema.ts';

const exercisesDir = path.resolve(import.meta.dirname, '../../../exercises');
let backend: Backend;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-api-attacks-'));
  backend = createBackend({
    dataDir: dir,
    exercisesDir,
    mode: 'web',
    version: '0',
    env: {},
    prefetchPractice: false,
  });
  await call('createProfile', { name: 'Sam', switchTo: true });
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

async function exercise(trackId: string, exerciseId: string): Promise<Exercise> {
  const view = await backend.curriculum.exercise(trackId, exerciseId);
  if (!view) throw new Error(`no ${trackId}/${exerciseId}`);
  return view.exercise;
}

const claimedPass = { status: 'pass', testsPassed: 3, testsTotal: 3, timeTakenMs: 500 } as const;
const attempt = (
  trackId: string,
  exerciseId: string,
  kind: string,
  code: string,
  claim: object = claimedPass,
) => call<RecordedAttempt>('recordAttempt', { trackId, exerciseId, kind, code, ...claim });
const completed = async (trackId: string, exerciseId: string) =>
  (await call<{ completed: boolean }>('getLessonState', { trackId, exerciseId })).completed;
const pythonMastery = async () =>
  (await call<{ mastery: { track: string; concept: string; mastery: number }[] }>('getDashboard', {})).mastery
    .filter((m) => m.track === 'python')
    .map((m) => `${m.concept}:${m.mastery}`)
    .sort();

describe('checks', () => {
  test('another exercise’s reference solution, sent as this exercise’s check, is not a pass', async () => {
    const other = await exercise('python', 'average-of-three');
    const recorded = await attempt('python', 'clamp', 'check', other.solution!);
    expect(recorded.verdict.status).not.toBe('pass');
    expect(await completed('python', 'clamp')).toBe(false);
  });

  test('a Python solution sent under the JavaScript track’s exercise is not a pass', async () => {
    const python = await exercise('python', 'average-of-three');
    const recorded = await attempt('javascript', 'js-average', 'check', python.solution!);
    expect(recorded.verdict.status).not.toBe('pass');
    expect(await completed('javascript', 'js-average')).toBe(false);
  });

  test('a track id and an exercise id that do not belong together are refused', async () => {
    const { solution } = await exercise('python', 'average-of-three');
    await expect(attempt('javascript', 'average-of-three', 'check', solution!)).rejects.toThrow();
    expect(await completed('python', 'average-of-three')).toBe(false);
  });

  test('a run claimed as passing every test completes nothing and moves no mastery', async () => {
    const before = await pythonMastery();
    const recorded = await attempt('python', 'count-vowels', 'run', 'print(1)', {
      status: 'pass',
      testsPassed: 99,
      testsTotal: 99,
    });
    expect(recorded.completed).toBe(false);
    expect(await pythonMastery()).toEqual(before);
  });

  test('the predicted output sent as the code of a check of the predict step is not a pass', async () => {
    const { expectedOutput } = await exercise('python', 'predict-division');
    const recorded = await attempt('python', 'predict-division', 'check', expectedOutput!);
    expect(recorded.verdict.status).not.toBe('pass');
  });

  test('twelve forged checks at once, beside one real pass: only the real one counts', async () => {
    const { solution } = await exercise('python', 'clamp');
    const forged = Array.from({ length: 12 }, (_, i) => attempt('python', 'clamp', 'check', `pass  # ${i}`));
    const results = await Promise.all([...forged, attempt('python', 'clamp', 'check', solution!)]);
    expect(results.filter((r) => r.verdict.status === 'pass')).toHaveLength(1);
    const stored = backend.progress.attempts(backend.profiles.current()!.id, {
      track: 'python',
      exercise: 'clamp',
    });
    expect(stored.filter((a) => a.status === 'pass').map((a) => a.code)).toEqual([solution]);
  }, 120_000);

  test('code at the size limit is judged, and one character more is refused', async () => {
    const big = `# ${'x'.repeat(1_000_000 - 3)}\n`;
    expect(big.length).toBe(1_000_000);
    const recorded = await attempt('python', 'count-vowels', 'check', big);
    expect(recorded.verdict.status).not.toBe('pass');
    await expect(attempt('python', 'count-vowels', 'check', `${big} `)).rejects.toThrow();
  }, 60_000);
});

describe('odd JSON', () => {
  test('__proto__ and constructor keys in the input neither pass nor pollute', async () => {
    const input = JSON.parse(
      '{"trackId":"python","exerciseId":"count-vowels","kind":"check","code":"pass","status":"fail",' +
        '"__proto__":{"status":"pass","passed":true},"constructor":{"prototype":{"status":"pass"}}}',
    ) as unknown;
    await dispatch(backend.handlers, 'recordAttempt', input, { emit: () => {} });
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(await completed('python', 'count-vowels')).toBe(false);
  });

  test('a status, kind or count of the wrong type is refused, not coerced to a pass', async () => {
    for (const odd of [
      { status: ['pass'] },
      { status: 'PASS' },
      { kind: 'Check' },
      { testsPassed: '3' },
      { testsPassed: -1 },
      { testsTotal: Number.POSITIVE_INFINITY },
    ]) {
      await expect(
        call('recordAttempt', {
          trackId: 'python',
          exerciseId: 'count-vowels',
          kind: 'check',
          code: 'pass',
          ...claimedPass,
          ...odd,
        }),
        JSON.stringify(odd),
      ).rejects.toThrow();
    }
    expect(await completed('python', 'count-vowels')).toBe(false);
  });
});

describe('predict and quiz look-alikes', () => {
  test('a prediction with confusable characters, case or spacing changes is not a pass', async () => {
    const { expectedOutput } = await exercise('python', 'predict-division');
    const want = expectedOutput!;
    const lookAlikes = [
      want.toUpperCase() === want ? want.toLowerCase() : want.toUpperCase(),
      want.replace(/\d/, (d) => String.fromCharCode(0xff10 + Number(d))), // a fullwidth digit
      want.replace(/\./, '\u2024'), // one dot leader for a full stop
      `\u200b${want}`, // a zero-width space first
      ` ${want}`, // a leading space
      want.replace(/\n/, '\n\n'), // a blank line inside
      want.replace(/ /, '\u00a0'), // a no-break space
      want.normalize('NFKD') === want ? `${want}\u0301` : want.normalize('NFKD'), // a combining accent
    ].filter((s) => s !== want);
    expect(lookAlikes.length).toBeGreaterThanOrEqual(5);
    for (const answer of lookAlikes) {
      const recorded = await attempt('python', 'predict-division', 'predict', answer, { status: 'pass' });
      expect(recorded.verdict.status, JSON.stringify(answer)).toBe('fail');
    }
    expect(await completed('python', 'predict-division')).toBe(false);
  });

  test('a quiz answer that only looks like the right index is not a pass', async () => {
    const { choices } = await exercise('python', 'quiz-elif');
    const right = choices!.findIndex((c) => c.correct);
    for (const answer of [
      `${right}.0`,
      `+${right}`,
      `0x${right}`,
      `${right}e0`,
      `[${right}]`,
      String.fromCharCode(0x0660 + right), // an Arabic-Indic digit
      String.fromCharCode(0xff10 + right), // a fullwidth digit
      `${right}\u200b`,
      `-${right}`,
      `${right},${right}`,
    ]) {
      const recorded = await attempt('python', 'quiz-elif', 'quiz', answer, { status: 'pass' });
      expect(recorded.verdict.status, JSON.stringify(answer)).toBe('fail');
    }
    expect(await completed('python', 'quiz-elif')).toBe(false);
  });
});

describe('practice and placement', () => {
  test('a practice problem id that does not exist records nothing', async () => {
    for (const id of ['gen-does-not-exist', '../python/count-vowels', 'count-vowels', '']) {
      await expect(
        call('recordPracticeAttempt', { id, kind: 'check', code: 'pass', ...claimedPass }),
      ).rejects.toThrow();
    }
    const all = backend.progress.attempts(backend.profiles.current()!.id, {});
    expect(all.filter((a) => a.status === 'pass' && a.code === 'pass')).toEqual([]);
  });

  test('placement claims for steps that are not diagnostics, or solved only by a run, count for nothing', async () => {
    /** A new learner's python mastery after the same work, claiming `claim` for every result. */
    async function placed(name: string, claim: boolean) {
      backend.db.exec('DELETE FROM exercise_difficulty');
      await call('createProfile', { name, switchTo: true });
      const check = await call<{ exercises: { id: string }[] }>('getPlacement', { trackId: 'python' });
      const first = check.exercises[0]!.id;
      // A run "passing" the first diagnostic, and a real pass of a step that is not a diagnostic.
      await attempt('python', first, 'run', 'print(1)', { status: 'pass', testsPassed: 5, testsTotal: 5 });
      const outsider = check.exercises.some((e) => e.id === 'average-of-three') ? null : 'average-of-three';
      if (outsider)
        await attempt('python', outsider, 'check', (await exercise('python', outsider)).solution!);
      const results = [first, ...(outsider ? [outsider] : []), 'no-such-step'].map((exerciseId) => ({
        exerciseId,
        passed: claim,
      }));
      // Sent three times: a placement repeated is no stronger than one.
      for (let i = 0; i < 3; i++) await call('applyPlacement', { trackId: 'python', results });
      return pythonMastery();
    }
    expect(await placed('Claims it all', true)).toEqual(await placed('Claims nothing', false));
  }, 120_000);
});
