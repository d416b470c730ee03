/**
 * Each failure a runner reports in its own words carries a code the page words
 * (shared/runner/codes.ts): the JavaScript runner's, the results every host builds, the type
 * check's, and the verifier's refusals. The English message beside it is for the log and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { Verifier } from '../../../electron/core/learner/verifier.ts';
import { silentLogger } from '../../../electron/core/logger.ts';
import type { Exercise } from '../../../shared/content/schema.ts';
import {
  typeCheckFailedResult,
  typeCheckSlowResult,
  typeErrorResult,
  SUPPRESSED_CODE,
} from '../../../shared/runner/javascript/type-check.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { crashResult, runnerErrorResult, timeoutResult } from '../../../shared/runner/results.ts';
import { hostCrash } from '../../../shared/runner/javascript/sandbox-session.ts';
import { toLearnerError } from '../../../shared/runner/javascript/errors.ts';
import { check, execute, run } from './helpers.ts';

describe('the JavaScript runner', () => {
  it('runaway recursion is the code recursion, at the line that recursed', async () => {
    const result = await run('function f(n) {\n  return f(n + 1);\n}\nf(0);\n');
    expect(result.error).toMatchObject({ type: 'RangeError', code: 'recursion', line: 2 });
  });

  it('the engine failing is the code runnerFailed, its own words kept for the log', () => {
    const thrown = hostCrash(new Error('wasm trap: unreachable'));
    const error = toLearnerError(thrown, [{ name: 'main.js', original: '', code: '' }]);
    expect(error).toMatchObject({ type: 'InternalError', code: 'runnerFailed' });
    expect(error.message).toContain('wasm trap: unreachable');
    // A stack overflow is the program's: no code of Lantern's there.
    expect(hostCrash(new RangeError('Maximum call stack size exceeded')).code).toBeUndefined();
  });

  it('a test that never settles is the test code neverSettled', async () => {
    const result = await check('export const x = 1;\n', "test('hangs', () => new Promise(() => {}));\n");
    expect(result.tests[0]).toMatchObject({ status: 'error', code: 'neverSettled' });
    expect(result.tests[0]?.message).toContain('never finished');
  });

  it('tests that never finish loading are the code testsNeverFinished', async () => {
    const result = await check(
      'export const x = 1;\n',
      "await new Promise(() => {});\ntest('x', () => {});\n",
    );
    expect(result.error).toMatchObject({ code: 'testsNeverFinished' });
  });

  it('a test stopped by the learner is the test code stopped', async () => {
    let polls = 0;
    const result = await execute(
      {
        mode: 'check',
        language: 'javascript',
        module: 'leap',
        code: 'export const x = 1;\n',
        tests: "test('loops', () => { while (true) {} });\n",
        timeLimitMs: 5000,
      },
      [],
      { shouldStop: () => ++polls > 5 },
    );
    expect(result.error).toMatchObject({ type: 'Stopped', code: 'stopped' });
    expect(result.tests[0]).toMatchObject({ status: 'error', code: 'stopped' });
  });

  it('a test at the time limit is the test code timeout with the seconds', async () => {
    const result = await check('export const x = 1;\n', "test('loops', () => { while (true) {} });\n", {
      timeLimitMs: 1000,
    });
    expect(result.tests[0]).toMatchObject({ code: 'timeout', params: { seconds: '1' } });
  });
});

describe('results every host builds', () => {
  it('a crash with an overflowed stack is recursion; any other crash is runnerCrashed', () => {
    expect(crashResult('RangeError: Maximum call stack size exceeded').error).toMatchObject({
      type: 'RecursionError',
      code: 'recursion',
    });
    const other = crashResult('uncaught: boom\n  at x');
    expect(other.error).toMatchObject({ type: 'RunnerCrashed', code: 'runnerCrashed' });
    expect(other.message).toContain('boom');
  });

  it('a runner error keeps its English message for the log beside the code', () => {
    const result = runnerErrorResult(
      'RunnerError',
      'The runner sent a malformed result.',
      {},
      { code: 'runnerMalformed' },
    );
    expect(result.error).toEqual({
      type: 'RunnerError',
      message: 'The runner sent a malformed result.',
      code: 'runnerMalformed',
    });
    expect(timeoutResult(2000).error).toMatchObject({ code: 'timeout', params: { seconds: '2' } });
  });

  it('the type check’s refusals are codes; the compiler’s own messages are not', () => {
    expect(typeCheckSlowResult('a.ts', 8000, 1).error).toMatchObject({
      code: 'typeCheckSlow',
      params: { seconds: '8' },
    });
    expect(typeCheckFailedResult('a.ts', 'stack', 1).error).toMatchObject({ code: 'typeCheckGaveUp' });
    const suppressed = typeErrorResult(
      'a.ts',
      [
        {
          line: 1,
          column: 1,
          code: SUPPRESSED_CODE,
          directive: '@ts-ignore',
          message: 'A Check does not accept @ts-ignore',
        },
      ],
      1,
    );
    expect(suppressed.error).toMatchObject({ code: 'typeSuppressed', params: { directive: '@ts-ignore' } });
    const compiler = typeErrorResult(
      'a.ts',
      [{ line: 1, column: 1, code: 2322, message: 'Type is wrong.' }],
      1,
    );
    expect(compiler.error?.code).toBeUndefined();
  });
});

describe('the verifier’s refusals', () => {
  const exercise = {
    id: 'double',
    type: 'exercise',
    language: 'python',
    module: 'double',
    tests: 'def test_x():\n    assert True\n',
  } as unknown as Exercise;
  const attempt = (runCode: () => Promise<RunResult>, ex: Exercise = exercise, code = 'x = 1') =>
    new Verifier({ runCode, log: silentLogger() }).verify({
      profileId: 1,
      track: 'python',
      exercise: ex,
      kind: 'check',
      code,
      claim: { status: 'pass', testsPassed: 1, testsTotal: 1 },
    });

  it('a sandbox that could not run the code is the reason runnerError with the runner’s code', async () => {
    const verdict = await attempt(() =>
      Promise.resolve(
        runnerErrorResult('RunnerUnavailable', 'no sandbox', {}, { code: 'runnerUnavailable' }),
      ),
    );
    expect(verdict.reason).toEqual({ code: 'runnerError', params: { code: 'runnerUnavailable' } });
    expect(verdict.runnerError).toBe('no sandbox');
  });

  it('a sandbox that threw is the reason runnerError, runnerFailed', async () => {
    const verdict = await attempt(() => Promise.reject(new Error('gone')));
    expect(verdict.reason).toEqual({ code: 'runnerError', params: { code: 'runnerFailed' } });
  });

  it('a failing test’s Lantern message keeps its code for the page', async () => {
    const verdict = await attempt(() =>
      Promise.resolve({
        status: 'fail',
        stdout: '',
        stderr: '',
        truncated: false,
        durationMs: 1,
        tests: [
          {
            name: 't',
            status: 'fail',
            message: 'This test was expected to fail, but it did not.',
            code: 'unexpectedSuccess',
          },
        ],
      }),
    );
    expect(verdict.failures).toEqual([
      { name: 't', message: 'This test was expected to fail, but it did not.', code: 'unexpectedSuccess' },
    ]);
  });

  it('an error that stopped the tests reaches the page with its code, beside no failure', async () => {
    const verdict = await attempt(() =>
      Promise.resolve({
        status: 'error',
        stdout: '',
        stderr: '',
        truncated: false,
        durationMs: 1,
        tests: [],
        error: {
          type: 'ImportError',
          message: "cannot import name 'average'",
          code: 'missingFunction',
          params: { name: 'average' },
        },
      }),
    );
    expect(verdict.error).toEqual({
      type: 'ImportError',
      message: "cannot import name 'average'",
      code: 'missingFunction',
      params: { name: 'average' },
    });
  });

  it('a Parsons answer not made of the given lines is the reason notArranged with the line', async () => {
    const parsons = {
      id: 'p',
      type: 'parsons',
      language: 'python',
      module: 'p',
      solution: 'total = 0\nprint(total)\n',
      tests: 'def test_x():\n    assert True\n',
    } as unknown as Exercise;
    const verdict = await attempt(
      () => Promise.reject(new Error('not run')),
      parsons,
      'total = 0\nprint(6)\n',
    );
    expect(verdict.reason).toEqual({ code: 'notArranged', params: { line: '2' } });
  });
});
