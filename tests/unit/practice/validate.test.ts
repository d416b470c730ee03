import { describe, expect, test } from 'vitest';
import type { Exercise } from '../../../shared/content/schema.ts';
import { exerciseFingerprint, validateExercise } from '../../../electron/core/practice/validate.ts';
import { markerRunner } from './helpers.ts';

function exercise(overrides: Partial<Exercise> = {}): Exercise {
  const text = (en: string, zh: string) => ({ en, zh });
  return {
    id: 'gen-python-functions-abc',
    title: text('Add two numbers', '两数相加'),
    type: 'exercise',
    concepts: ['functions'],
    difficulty: 2,
    language: 'python',
    module: 'adding',
    starter: 'def add(a, b):\n    # Write your code here\n    pass\n',
    solution: 'def add(a, b):\n    return a + b\n',
    tests: 'import unittest\nfrom adding import add\n',
    hints: [
      text('What should come back?', '应该返回什么？'),
      text('Use the + operator.', '使用 + 运算符。'),
      text('Return the sum of both parameters.', '返回两个参数之和。'),
      text('Give back `a` plus `b`.', '返回 `a` 加 `b`。'),
    ],
    timeLimitMs: 5000,
    body: text(
      'Write a function `add(a, b)` that returns the sum.',
      '写一个函数 `add(a, b)`，返回两个数的和。',
    ),
    ...overrides,
  };
}

const ctx = (extra = {}) => ({
  run: markerRunner().run,
  language: 'python' as const,
  locale: 'en' as const,
  ...extra,
});

describe('validating a generated exercise', () => {
  test('a correct exercise passes every check', async () => {
    const report = await validateExercise(exercise(), ctx());
    expect(report).toMatchObject({ ok: true, problems: [] });
  });

  test('a hint that hands over a line of the solution is refused, naming the hint', async () => {
    const base = exercise();
    const leaky = {
      ...base,
      hints: [...base.hints.slice(0, 3), { en: 'Write return a + b', zh: '写 return a + b' }],
    };
    const report = await validateExercise(leaky, ctx());
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({
      check: 'hint-leak',
      message: 'hint 4 (en) gives away a line of the solution: return a + b',
    });
  });

  test('runs the solution twice and the starter once', async () => {
    const runner = markerRunner();
    await validateExercise(exercise(), ctx({ run: runner.run }));
    expect(runner.requests.map((r) => r.code.includes('return a + b'))).toEqual([true, true, false]);
  });

  test('rejects a shape that breaks the schema, naming the field', async () => {
    const report = await validateExercise({ ...exercise(), hints: [] }, ctx());
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ check: 'schema' });
    expect(report.problems[0]?.message).toMatch(/^hints/);
  });

  test('rejects a solution that fails its tests', async () => {
    const report = await validateExercise(
      exercise({ solution: 'def add(a, b):\n    return a - b  # BROKEN\n' }),
      ctx(),
    );
    expect(report.problems.map((p) => p.check)).toEqual(['solution']);
    expect(report.problems[0]?.message).toContain('expected 3');
  });

  test('rejects flaky tests that pass once and fail the second time', async () => {
    const report = await validateExercise(
      exercise({ solution: 'def add(a, b):\n    return a + b  # FLAKY\n' }),
      ctx(),
    );
    expect(report.problems.map((p) => p.check)).toEqual(['deterministic']);
  });

  test('rejects a starter that already passes', async () => {
    const report = await validateExercise(exercise({ starter: 'def add(a, b):\n    return a + b\n' }), ctx());
    expect(report.problems.map((p) => p.check)).toEqual(['starter']);
  });

  test('rejects a solution that runs past the time limit', async () => {
    const report = await validateExercise(
      exercise({ solution: 'def add(a, b):\n    while True: pass  # SLOW\n' }),
      ctx(),
    );
    expect(report.problems.map((p) => p.check)).toEqual(['time']);
  });

  test('rejects a statement in the wrong language', async () => {
    const report = await validateExercise(exercise(), ctx({ locale: 'zh' }));
    expect(report.ok).toBe(true);
    const english = exercise({
      title: { en: 'Add', zh: 'Add two numbers' },
      body: { en: 'x', zh: 'Write a function add(a, b).' },
    });
    const wrong = await validateExercise(english, ctx({ locale: 'zh' }));
    expect(wrong.problems.map((p) => p.check)).toContain('language');
  });

  test('rejects a near-duplicate of an exercise the learner already has', async () => {
    const existing = [{ id: 'add-two', text: exerciseFingerprint(exercise(), 'en') }];
    const report = await validateExercise(exercise({ id: 'gen-python-functions-other' }), ctx({ existing }));
    expect(report.problems).toEqual([
      expect.objectContaining({ check: 'duplicate', message: expect.stringContaining('add-two') }),
    ]);
  });

  test('rejects concepts the track does not have', async () => {
    const report = await validateExercise(
      exercise({ concepts: ['functions', 'monads'] }),
      ctx({ trackConcepts: ['functions'] }),
    );
    expect(report.problems).toEqual([
      expect.objectContaining({ check: 'schema', message: expect.stringContaining('monads') }),
    ]);
  });
});
