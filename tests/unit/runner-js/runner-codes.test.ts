/**
 * Each failure a runner reports in its own words carries a code the page words
 * (shared/runner/codes.ts): the JavaScript runner's, the results every host builds, the type
 * check's. The English message beside it is for the log and the CLI.
 */
import { describe, expect, it } from 'vitest';
import {
  typeCheckFailedResult,
  typeCheckSlowResult,
  typeErrorResult,
  SUPPRESSED_CODE,
} from '../../../shared/runner/javascript/type-check.ts';
import { crashResult, runnerErrorResult, timeoutResult } from '../../../shared/runner/results.ts';
import { check, execute, run } from './helpers.ts';

describe('the JavaScript runner', () => {
  it('runaway recursion is the code recursion, at the line that recursed', async () => {
    const result = await run('function f(n) {\n  return f(n + 1);\n}\nf(0);\n');
    expect(result.error).toMatchObject({ type: 'RangeError', code: 'recursion', line: 2 });
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
