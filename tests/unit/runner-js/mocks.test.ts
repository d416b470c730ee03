/**
 * Jest's mocks in Check (sandbox/trusted-mocks.ts): the test file uses them as in Jest, and
 * learner code holding one cannot change what it recorded.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, statuses } from './helpers.ts';

const QUIET_TESTS = readFileSync(
  new URL('../../fixtures/attacks/javascript/targets/quiet.test.js', import.meta.url),
  'utf8',
);
const QUIET =
  'export function isLeapQuietly(year) {\n  return year % 4 === 0;\n}\nexport function forEachName(names, cb) {\n  for (const name of names) cb(name);\n}\n';
const LEAP = 'export function isLeap(year) {\n  return year % 4 === 0;\n}\n';

describe('mocks the test file makes', () => {
  it('work as in Jest: a right solution passes the tests that spy, clear and restore', async () => {
    const result = await check(QUIET, QUIET_TESTS, { module: 'quiet' });
    expect(result.message).toBe('4 of 4 tests passed.');
  });

  it('clear, reset and restore from the test file, one by one or all at once', async () => {
    const tests = `const target = { twice: (n) => n * 2 };
test('mockClear empties the record, mockReset the implementation too', () => {
  const f = jest.fn(() => 7);
  f(1); f(2);
  expect(f.mock.calls).toEqual([[1], [2]]);
  expect(f.mock.lastCall).toEqual([2]);
  expect(f).toHaveReturnedWith(7);
  f.mockClear();
  expect(f).not.toHaveBeenCalled();
  expect(f(3)).toBe(7);
  f.mockImplementation(() => 9);
  expect(f(4)).toBe(9);
  f?.mockReset();
  expect(f).not.toHaveBeenCalled();
  expect(f(5)).toBe(7);
});
test('a spy restores the original', () => {
  const spy = jest.spyOn(target, 'twice').mockImplementation(() => 0);
  expect(target.twice(2)).toBe(0);
  spy.mockRestore();
  expect(target.twice(2)).toBe(4);
});
test('clearAllMocks, resetAllMocks and restoreAllMocks', () => {
  const f = vi.fn();
  f.mockReturnValue(1);
  const spy = jest.spyOn(target, 'twice');
  f(); target.twice(1);
  jest.clearAllMocks();
  expect(f).not.toHaveBeenCalled();
  expect(spy).not.toHaveBeenCalled();
  expect(f()).toBe(1);
  jest.resetAllMocks();
  expect(f()).toBeUndefined();
  jest.restoreAllMocks();
  expect(target.twice(3)).toBe(6);
});
test('a name that mentions .mockClear() is left as written', () => {
  expect('x.mockClear()').toHaveLength(13);
});`;
    const result = await check(LEAP, tests);
    expect(result.tests.map((t) => [t.name, t.status, t.message ?? ''])).toEqual([
      ['mockClear empties the record, mockReset the implementation too', 'pass', ''],
      ['a spy restores the original', 'pass', ''],
      ['clearAllMocks, resetAllMocks and restoreAllMocks', 'pass', ''],
      ['a name that mentions .mockClear() is left as written', 'pass', ''],
    ]);
  });
});

describe('learner code holding a mock', () => {
  it('is told it cannot clear the test file’s mock, and the test fails', async () => {
    const code =
      'export function isLeap(year, cb) {\n  cb(year);\n  cb.mockClear();\n  return year % 4 === 0;\n}\n';
    const tests = `import { isLeap } from './leap';
test('never calls back', () => { const cb = jest.fn(); isLeap(1900, cb); expect(cb).not.toHaveBeenCalled(); });`;
    const result = await check(code, tests);
    expect(result.tests[0]?.status).toBe('error');
    expect(result.tests[0]?.message).toContain('your code cannot clear, reset or restore it');
  });

  it('is told the mock helpers belong to the test file', async () => {
    const code =
      'export const spy = jest.fn();\nexport function isLeap(year) {\n  return year % 4 === 0;\n}\n';
    const tests = `import { isLeap } from './leap';\ntest('2000', () => expect(isLeap(2000)).toBe(true));`;
    const result = await check(code, tests);
    expect(result.status).not.toBe('pass');
    expect(result.error?.message).toContain("mock helpers belong to the exercise's test file");
  });

  it('reads a record it cannot change', async () => {
    const code =
      'export function isLeap(year, cb) {\n  cb(1); cb(2); cb(3);\n  try { cb.mock.calls.length = 1; } catch {}\n  try { cb.mock.calls.pop(); } catch {}\n  return year % 4 === 0;\n}\n';
    const tests = `import { isLeap } from './leap';
test('calls back once', () => { const cb = jest.fn(); isLeap(1900, cb); expect(cb).toHaveBeenCalledTimes(1); });
test('calls back three times', () => { const cb = jest.fn(); isLeap(1900, cb); expect(cb.mock.calls).toEqual([[1], [2], [3]]); });`;
    const result = await check(code, tests);
    expect(statuses(result)).toEqual({ 'calls back once': 'fail', 'calls back three times': 'pass' });
  });
});
