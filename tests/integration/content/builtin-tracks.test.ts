/**
 * The built-in tracks, checked by the real validator in the real Node sandbox: every solution
 * passes, every starter fails, every predict step prints what it says, and no solution uses what
 * a later lesson teaches (strict: an error here, a warning for packs). And the course is as large
 * as promised: Python ≥ 40 exercises over ≥ 12 concepts, JavaScript ≥ 25 over ≥ 10, TypeScript ≥ 12
 * over 6, each of its Checks type-checked first (decision 0048).
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { formatContentError } from '../../../shared/content/errors.ts';
import type { LoadResult } from '../../../shared/content/load.ts';
import { openSandboxRunner } from '../../../electron/core/curriculum/sandbox.ts';
import { validatePack } from '../../../electron/core/curriculum/validate.ts';

const EXERCISES = fileURLToPath(new URL('../../../exercises/', import.meta.url));
const jobs = Math.max(1, Math.min(4, availableParallelism()));
const sandbox = openSandboxRunner(jobs);
afterAll(() => sandbox.close());

async function validated(track: string, options: { noRun?: boolean } = {}) {
  const report = await validatePack(EXERCISES + track, {
    runner: sandbox.runner,
    concurrency: jobs,
    strict: true,
    ...options,
  });
  return { ...report, loaded: report.loaded as LoadResult };
}

/** Exercises of type `exercise` (not explanations, quizzes or predict steps) and their concepts. */
function realExercises(loaded: LoadResult) {
  const exercises = [...loaded.exercises.values()]
    .map((l) => l.exercise)
    .filter((e) => e.type === 'exercise');
  return { count: exercises.length, concepts: new Set(exercises.flatMap((e) => e.concepts)) };
}

const typesOf = (loaded: LoadResult) => new Set([...loaded.exercises.values()].map((l) => l.exercise.type));

describe('the built-in tracks', () => {
  test('Python validates with no problems, code included', async () => {
    const report = await validated('python');
    expect(report.errors.map(formatContentError)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.runs).toBeGreaterThan(80);

    const { count, concepts } = realExercises(report.loaded);
    expect(count).toBeGreaterThanOrEqual(40);
    expect(concepts.size).toBeGreaterThanOrEqual(12);
    expect([...concepts].sort()).toEqual(
      expect.arrayContaining([
        'output-variables',
        'numbers',
        'strings',
        'conditionals',
        'loops',
        'functions',
        'lists',
        'dictionaries',
        'tuples-sets',
        'comprehensions',
        'exceptions',
        'classes',
        'recursion',
        'searching-sorting',
      ]),
    );
    expect([...typesOf(report.loaded)]).toEqual(
      expect.arrayContaining(['explanation', 'exercise', 'predict']),
    );
    // A program-output exercise runs the whole program once per case: more runs than one test file.
  }, 300_000);

  test('JavaScript validates with no problems, code included', async () => {
    const report = await validated('javascript');
    expect(report.errors.map(formatContentError)).toEqual([]);
    expect(report.ok).toBe(true);

    const { count, concepts } = realExercises(report.loaded);
    expect(count).toBeGreaterThanOrEqual(25);
    expect(concepts.size).toBeGreaterThanOrEqual(10);
    expect([...concepts].sort()).toEqual(
      expect.arrayContaining([
        'values-types',
        'strings',
        'conditionals',
        'loops',
        'functions',
        'arrays',
        'objects',
        'destructuring',
        'classes',
        'errors',
        'closures',
        'async',
      ]),
    );
    expect([...typesOf(report.loaded)]).toEqual(
      expect.arrayContaining(['explanation', 'exercise', 'predict']),
    );
    // A program-output exercise runs the whole program once per case: more runs than one test file.
  }, 300_000);

  test('TypeScript validates with no problems, and its Checks read the types first', async () => {
    const report = await validated('typescript');
    expect(report.errors.map(formatContentError)).toEqual([]);
    expect(report.ok).toBe(true);
    const { count, concepts } = realExercises(report.loaded);
    expect(count).toBeGreaterThanOrEqual(12);
    expect([...concepts].sort()).toEqual([
      'arrays-tuples',
      'generics',
      'object-types',
      'type-annotations',
      'typed-classes',
      'unions',
    ]);
    // The first exercise's starter has parameters without types: under strict checking its Check
    // stops at the type error and runs no test.
    const first = report.loaded.exercises.get('ts-rectangle-area')!.exercise;
    const result = await sandbox.runner({
      mode: 'check',
      language: 'typescript',
      module: first.module!,
      code: first.starter,
      tests: first.tests!,
    });
    expect(result.status).toBe('error');
    expect(result.tests).toEqual([]);
    expect(result.error).toMatchObject({ type: 'TypeScript', line: 1, file: 'area.ts' });
    expect(result.error!.message).toMatch(/implicitly has an 'any' type/);
  }, 300_000);

  test('every exercise and Parsons step has English and Chinese prose and at least three graded hints', async () => {
    for (const track of ['python', 'javascript', 'typescript']) {
      const { loaded } = await validated(track, { noRun: true });
      for (const { exercise, file } of loaded.exercises.values()) {
        expect(exercise.body.zh, file).toMatch(/\p{Script=Han}/u);
        expect(exercise.body.en, file).not.toMatch(/\p{Script=Han}/u);
        if (exercise.type === 'exercise' || exercise.type === 'parsons')
          expect(exercise.hints.length, file).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
