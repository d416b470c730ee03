/** A small real exercise (from the Python track's `clamp`) and a stand-in sandbox runner. */
import { Exercise } from '../../../shared/content/schema.ts';
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';

export const SOLUTION = `def clamp(value, low, high):
    if value < low:
        return low
    if value > high:
        return high
    return value
`;

export const STARTER = `def clamp(value, low, high):
    if value < low:
        return low
    return value
`;

export const clamp = Exercise.parse({
  id: 'clamp',
  title: { en: 'Keep a value in range', zh: '把数值限制在范围内' },
  type: 'exercise',
  concepts: ['functions', 'conditionals'],
  difficulty: 3,
  module: 'clamp',
  starter: STARTER,
  solution: SOLUTION,
  tests:
    'import unittest\nfrom clamp import clamp\n\nclass ClampTest(unittest.TestCase):\n    def test_too_big_becomes_high(self):\n        self.assertEqual(clamp(42, 0, 10), 10)\n',
  hints: [
    {
      en: 'What does the starter return for clamp(42, 0, 10)?',
      zh: '起始代码对 clamp(42, 0, 10) 返回什么？',
    },
    { en: 'The function already handles one side of the range.', zh: '函数已经处理好了范围的一侧。' },
    { en: 'Before the final return, add a second check.', zh: '在最后的 return 之前再加一个判断。' },
  ],
  body: { en: 'Write `clamp(value, low, high)`.', zh: '写一个函数 `clamp(value, low, high)`。' },
});

export const failingRun: RunResult = {
  status: 'fail',
  stdout: '',
  stderr: '',
  truncated: false,
  durationMs: 12,
  tests: [
    { name: 'test_too_big_becomes_high', status: 'fail', message: '42 != 10', expected: '10', actual: '42' },
    { name: 'test_value_inside_the_range_is_kept', status: 'pass' },
  ],
};

/**
 * Stands in for runInSandbox: "passes" exactly when the code handles the upper bound the way the
 * tests demand (returns high when value > high) and defines the function.
 */
export async function fakeSandbox(request: RunRequest): Promise<RunResult> {
  const solves = /def clamp\(/.test(request.code) && /value\s*>\s*high[\s\S]*return high/.test(request.code);
  return {
    ...failingRun,
    status: solves ? 'pass' : 'fail',
    tests: solves ? [{ name: 'all', status: 'pass' }] : failingRun.tests,
  };
}
