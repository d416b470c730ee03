/** Check mode of the JavaScript/TypeScript runner: Jest-style tests, unchanged, on @vitest/expect. */
import { describe, expect, it } from 'vitest';
import { check, statuses } from './helpers.ts';

const LEAP = 'export function isLeap(year) {\n  return year % 4 === 0;\n}\n';

describe('Jest test API', () => {
  it('runs describe/test/it, names tests by their describe path, and skips xtest and test.skip', async () => {
    const tests = `import { isLeap } from './leap';
describe('leap years', () => {
  test('1996 is a leap year', () => expect(isLeap(1996)).toBe(true));
  it('1900 is not', () => expect(isLeap(1900)).toBe(false));
  xtest('later', () => expect(1).toBe(2));
  test.skip('also later', () => expect(1).toBe(2));
});`;
    const result = await check(LEAP, tests);
    expect(statuses(result)).toEqual({
      'leap years > 1996 is a leap year': 'pass',
      'leap years > 1900 is not': 'fail',
    });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('1 of 2 tests passed, 2 skipped.');
  });

  it('imports the test API from @jest/globals', async () => {
    const tests = `import { describe, expect, test } from '@jest/globals';\nimport { isLeap } from './leap.js';\ndescribe('x', () => test('2000', () => expect(isLeap(2000)).toBe(true)));`;
    const result = await check(LEAP, tests);
    expect(result.status).toBe('pass');
    expect(result.message).toBe('1 of 1 tests passed.');
  });

  it('runs beforeEach before every test in its describe', async () => {
    const tests = `let log = [];
beforeEach(() => log.push('setup'));
test('first', () => expect(log).toEqual(['setup']));
test('second', () => expect(log).toEqual(['setup', 'setup']));`;
    const result = await check(LEAP, tests);
    expect(result.status).toBe('pass');
  });

  it('runs async tests and fails one whose promise rejects', async () => {
    const tests = `const later = (v) => new Promise((r) => setTimeout(() => r(v), 5));
test('resolves', async () => expect(await later(3)).toBe(3));
test('rejects', async () => { await later(0); throw new Error('went wrong'); });
test('resolves matcher', () => expect(later(4)).resolves.toBe(4));`;
    const result = await check(LEAP, tests);
    expect(statuses(result)).toEqual({ resolves: 'pass', rejects: 'error', 'resolves matcher': 'pass' });
    expect(result.tests[1]?.message).toContain('Error: went wrong');
  });

  it('reports a test that waits forever as an error and keeps the others', async () => {
    const tests = `test('ok', () => expect(1).toBe(1));\ntest('hangs', () => new Promise(() => {}));`;
    const result = await check(LEAP, tests);
    expect(statuses(result)).toEqual({ ok: 'pass', hangs: 'error' });
    expect(result.tests[1]?.message).toContain('never finished');
  });

  it('keeps what a test printed with that test', async () => {
    const result = await check(LEAP, `test('talks', () => { console.log('inside'); expect(1).toBe(1); });`);
    expect(result.tests[0]).toMatchObject({ status: 'pass', output: 'inside\n' });
  });

  it('says so when there are no tests, instead of passing', async () => {
    const result = await check(LEAP, `import { isLeap } from './leap';`);
    expect(result.status).toBe('error');
    expect(result.message).toBe('No tests were found.');
  });
});

describe('expect matchers', () => {
  const passing: [string, string][] = [
    ['toBe', 'expect(1 + 1).toBe(2)'],
    ['toEqual', 'expect({ a: [1, { b: 2 }] }).toEqual({ a: [1, { b: 2 }] })'],
    ['toStrictEqual', 'expect([1, 2]).toStrictEqual([1, 2])'],
    ['toThrow', 'expect(() => { throw new TypeError("bad input") }).toThrow("bad input")'],
    ['toThrow with a class', 'expect(() => { throw new TypeError("x") }).toThrow(TypeError)'],
    ['toContain', 'expect(["a", "b"]).toContain("b")'],
    ['toMatch', 'expect("hello world").toMatch(/wor/)'],
    ['toBeCloseTo', 'expect(0.1 + 0.2).toBeCloseTo(0.3)'],
    ['toBeTruthy', 'expect("x").toBeTruthy()'],
    ['toBeFalsy', 'expect(0).toBeFalsy()'],
    ['toBeNull', 'expect(null).toBeNull()'],
    ['toBeUndefined', 'expect(undefined).toBeUndefined()'],
    ['toBeDefined', 'expect(0).toBeDefined()'],
    ['toHaveLength', 'expect("four").toHaveLength(4)'],
    ['toBeGreaterThan', 'expect(3).toBeGreaterThan(2)'],
    ['toBeGreaterThanOrEqual', 'expect(3).toBeGreaterThanOrEqual(3)'],
    ['toBeLessThan', 'expect(2).toBeLessThan(3)'],
    ['toHaveProperty', 'expect({ a: { b: 1 } }).toHaveProperty("a.b", 1)'],
    ['not.toBe', 'expect(1).not.toBe(2)'],
    ['not.toEqual', 'expect([1]).not.toEqual([2])'],
    ['not.toThrow', 'expect(() => 1).not.toThrow()'],
    ['not.toContain', 'expect("abc").not.toContain("z")'],
    ['jest.fn', 'const f = jest.fn(); f(1); expect(f).toHaveBeenCalledWith(1)'],
  ];

  it.each(passing)('%s passes when it holds', async (_name, assertion) => {
    const result = await check(LEAP, `test('it', () => { ${assertion}; });`);
    expect(result.tests[0]).toEqual({ name: 'it', status: 'pass' });
  });

  const failing: [string, string][] = [
    ['toBe', 'expect(1).toBe(2)'],
    ['toStrictEqual', 'expect([1, undefined]).toStrictEqual([1])'],
    ['toThrow', 'expect(() => 1).toThrow()'],
    ['toMatch', 'expect("abc").toMatch(/z/)'],
    ['toBeCloseTo', 'expect(0.3).toBeCloseTo(0.4)'],
    ['toBeNull', 'expect(0).toBeNull()'],
    ['toHaveLength', 'expect([1]).toHaveLength(2)'],
    ['not.toBe', 'expect(1).not.toBe(1)'],
    ['not.toBeDefined', 'expect(1).not.toBeDefined()'],
  ];

  it.each(failing)('%s fails when it does not hold', async (_name, assertion) => {
    const result = await check(LEAP, `test('it', () => { ${assertion}; });`);
    expect(result.tests[0]?.status).toBe('fail');
    expect(result.tests[0]?.message).toBeTruthy();
  });

  it('gives a failed toEqual the expected and actual values as the language prints them', async () => {
    const result = await check(LEAP, `test('it', () => expect({ a: [1, 2] }).toEqual({ a: [1, 3] }));`);
    expect(result.tests[0]).toMatchObject({ status: 'fail' });
    expect(result.tests[0]?.expected).toContain('3');
    expect(result.tests[0]?.actual).toContain('2');
    expect(result.tests[0]?.expected).not.toBe(result.tests[0]?.actual);
  });

  it('gives a failed toBe the expected and actual values', async () => {
    const result = await check(
      LEAP,
      `import { isLeap } from './leap';\ntest('1900', () => expect(isLeap(1900)).toBe(false));`,
    );
    expect(result.tests[0]).toMatchObject({ status: 'fail', expected: 'false', actual: 'true' });
  });
});

describe('errors in Check', () => {
  it('marks an exception in the learner’s function as an error on the learner’s line', async () => {
    const code = 'export function isLeap(year) {\n  return yeer % 4 === 0;\n}\n';
    const result = await check(
      code,
      `import { isLeap } from './leap';\ntest('2000', () => expect(isLeap(2000)).toBe(true));`,
    );
    expect(result.tests[0]).toMatchObject({ status: 'error' });
    expect(result.tests[0]?.error).toMatchObject({ type: 'ReferenceError', file: 'leap.js', line: 2 });
    expect(result.error).toMatchObject({ file: 'leap.js', line: 2 });
  });

  it("says the learner's code needs the function the test file imports and it lacks", async () => {
    const result = await check(
      LEAP,
      `import { isLeep } from './leap';\ntest('x', () => expect(isLeep(1)).toBe(true));`,
    );
    expect(result.status).toBe('error');
    expect(result.message).toBe('Your code needs a function called isLeep.');
    expect(result.error).toMatchObject({
      type: 'SyntaxError',
      code: 'missingFunction',
      params: { name: 'isLeep' },
    });
  });

  it('says the tests could not load when the test file has a syntax error', async () => {
    const result = await check(LEAP, `test('x', () => {`);
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^The tests could not load: SyntaxError/);
  });

  it('blames the learner’s file, with its line, when it fails before the tests run', async () => {
    const code = 'export function isLeap(year) {\n  return year %;\n}\n';
    const result = await check(code, `import { isLeap } from './leap';\ntest('x', () => {});`);
    expect(result.status).toBe('error');
    expect(result.message).toBe('Your code stopped with an error before the tests could run.');
    expect(result.error).toMatchObject({ type: 'SyntaxError', file: 'leap.js', line: 2 });
  });

  it('runs the learner’s top-level code once, sharing the module with the tests', async () => {
    const code = 'console.log("loading");\nexport let count = 0;\nexport const bump = () => ++count;\n';
    const tests = `import { bump, count } from './leap';\ntest('live binding', () => { bump(); expect(count).toBe(1); });`;
    const result = await check(code, tests);
    expect(result.status).toBe('pass');
    expect(result.stdout).toBe('loading\n');
  });

  it('stops a test that loops forever at the time limit, keeping the earlier results', async () => {
    const tests = `test('quick', () => expect(1).toBe(1));\ntest('loops', () => { while (true) {} });`;
    const result = await check(LEAP, tests, { timeLimitMs: 500 });
    expect(result.status).toBe('timeout');
    expect(statuses(result)).toEqual({ quick: 'pass', loops: 'error' });
  });
});

describe('TypeScript in Check', () => {
  it('compiles a TypeScript learner file and test file before running them', async () => {
    const code = 'export function isLeap(year: number): boolean {\n  return year % 4 === 0;\n}\n';
    const tests = `import { isLeap } from './leap';\nimport { expect, test } from '@jest/globals';\nconst years: number[] = [1996, 2004];\ntest('leap', () => { for (const y of years) expect(isLeap(y)).toBe(true); });`;
    const result = await check(code, tests, { language: 'typescript' });
    expect(result.status).toBe('pass');
  });

  it('reports a TypeScript error thrown in the learner’s file on its line', async () => {
    const code =
      'interface Y { n: number }\nexport function isLeap(y: Y | null): boolean {\n  return y!.n % 4 === 0;\n}\n';
    const tests = `import { isLeap } from './leap';\ntest('null', () => expect(isLeap(null)).toBe(false));`;
    const result = await check(code, tests, { language: 'typescript' });
    expect(result.tests[0]?.error).toMatchObject({ type: 'TypeError', file: 'leap.ts', line: 3 });
  });
});
