/**
 * How the guard judges what it ran: against the learner's own run (the baseline), and what it
 * decides when that baseline cannot be trusted. The sandbox is scripted: each program's tests
 * come out as the test says, so the rule itself is what is checked.
 */
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../../shared/content/schema.ts';
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import { HintGuard } from '../../../electron/core/tutor/guard/index.ts';

const exercise = {
  id: 'clamp',
  title: { en: 'Keep a value in range' },
  type: 'exercise',
  concepts: ['conditionals'],
  difficulty: 3,
  language: 'python',
  module: 'clamp',
  starter: 'def clamp(value, low, high):\n    if value < low:\n        return low\n    return value\n',
  solution:
    'def clamp(value, low, high):\n    if value < low:\n        return low\n    if value > high:\n        return high\n    return value\n',
  tests: 'import unittest\n',
  hints: [],
  timeLimitMs: 5000,
  body: { en: '' },
} as unknown as Exercise;

type Outcome = 'pass' | 'fail';
/** A result with the named tests passing and the rest failing; `timeout` / `error` for the run. */
function result(status: RunResult['status'], tests: Record<string, Outcome> = {}): RunResult {
  return {
    status,
    stdout: '',
    stderr: '',
    truncated: false,
    durationMs: 1,
    tests: Object.entries(tests).map(([name, s]) => ({ name, status: s })),
  };
}

/** The learner's code gets `baseline`; any other program gets `others`. */
function sandbox(baseline: RunResult | 'cannot-run', others: RunResult) {
  const ran: string[] = [];
  const runTests = async (req: RunRequest): Promise<RunResult> => {
    ran.push(req.code);
    if (req.code.trim() === exercise.starter.trim()) {
      if (baseline === 'cannot-run') throw new Error('sandbox down');
      return baseline;
    }
    return others;
  };
  return { runTests, ran };
}

/** A hint carrying a replacement for the learner's function, as a fenced block. */
/** A hint carrying its own version of the learner's function, as a fenced block. */
const hint = 'Compare with this:\n```python\ndef clamp(v, lo, hi):\n    return max(lo, min(v, hi))\n```\n';

const judge = (runTests: ReturnType<typeof sandbox>['runTests']) =>
  new HintGuard({ exercise, code: exercise.starter, level: 2, runTests }).judge(hint);

describe('with a baseline that says which tests fail', () => {
  it('a candidate that makes a failing test pass is a leak', async () => {
    const s = sandbox(
      result('fail', { kept: 'pass', big: 'fail' }),
      result('fail', { kept: 'pass', big: 'pass', edge: 'fail' }),
    );
    expect(await judge(s.runTests)).toMatchObject({ leak: true, why: 'passes-tests' });
  });
  it('a candidate that passes only what the learner already passes fixes nothing', async () => {
    const s = sandbox(
      result('fail', { kept: 'pass', big: 'fail' }),
      result('fail', { kept: 'pass', big: 'fail' }),
    );
    expect(await judge(s.runTests)).toEqual({ leak: false });
  });
});

describe('without a trustworthy baseline', () => {
  for (const [why, baseline] of [
    ['the learner’s code timed out', result('timeout')],
    ['the learner’s code could not run (a syntax error, no test results)', result('error')],
    ['the sandbox could not run it at all', 'cannot-run'],
  ] as const) {
    describe(why, () => {
      it('a candidate that passes every test is a leak', async () => {
        const s = sandbox(baseline, result('pass', { kept: 'pass', big: 'pass' }));
        expect(await judge(s.runTests)).toMatchObject({ leak: true, why: 'passes-tests' });
      });
      it('a candidate that passes only some tests is unsure: the second opinion decides', async () => {
        const s = sandbox(baseline, result('fail', { kept: 'pass', big: 'fail' }));
        const verdict = await judge(s.runTests);
        expect(verdict).toMatchObject({ leak: false, unsure: expect.stringContaining('some tests') });
        // Without a second opinion the unsure text is refused, never shown.
        const guard = new HintGuard({ exercise, code: exercise.starter, level: 2, runTests: s.runTests });
        expect(await guard.judgeFully(hint)).toMatchObject({ leak: true, why: 'second-opinion' });
      });
      it('a candidate that passes no test fixes nothing', async () => {
        const s = sandbox(baseline, result('fail', { kept: 'fail', big: 'fail' }));
        expect(await judge(s.runTests)).toEqual({ leak: false });
      });
    });
  }
});

it('a run that timed out is tried once more before it counts as not run', async () => {
  let baselineRuns = 0;
  const runTests = async (req: RunRequest): Promise<RunResult> => {
    if (req.code.trim() === exercise.starter.trim())
      return ++baselineRuns === 1 ? result('timeout') : result('fail', { kept: 'pass', big: 'fail' });
    return result('fail', { kept: 'pass', big: 'fail' });
  };
  // With the second run the baseline is trusted: passing only what the learner passes is nothing.
  expect(await judge(runTests)).toEqual({ leak: false });
  expect(baselineRuns).toBe(2);
});

it('a candidate the sandbox could not finish proves nothing, and its own version of the function is refused', async () => {
  const s = sandbox(result('fail', { kept: 'pass', big: 'fail' }), result('timeout'));
  expect(await judge(s.runTests)).toMatchObject({ leak: true, why: 'unverifiable' });
});

it('a program-output exercise is run against its cases', async () => {
  const seen: RunRequest[] = [];
  const output = {
    ...exercise,
    tests: undefined,
    cases: [{ stdin: [], output: 'Hello\n' }],
    starter: 'print("Helo")\n',
    solution: 'print("Hello")\n',
  } as Exercise;
  const guard = new HintGuard({
    exercise: output,
    code: output.starter,
    level: 2,
    runTests: async (req) => {
      seen.push(req);
      return req.code.includes('"Hel" + "lo"')
        ? result('pass', { 'case 1': 'pass' })
        : result('fail', { 'case 1': 'fail' });
    },
  });
  expect(await guard.judge('Write it as:\n```python\nprint("Hel" + "lo")\n```\n')).toMatchObject({
    leak: true,
    why: 'passes-tests',
  });
  expect(seen[0]?.cases).toEqual(output.cases);
});
