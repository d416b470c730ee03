/**
 * Issue 16 for a failed JavaScript check: the test's result carries a code and its parameters
 * (shared/runner/codes.ts), so the page says what was expected in the interface language instead
 * of chai's English ("expected 'hi' to be 'Hello' // Object.is equality"), which stays the
 * `message` for the log and the CLI. Each matcher is listed with the code and parameters it comes to.
 */
import { describe, expect, it } from 'vitest';
import { TEST_MESSAGE_CODES } from '../../../shared/runner/codes.ts';
import { check } from './helpers.ts';

const CODE = "export function greet() {\n  return 'hi';\n}\nexport class Box {}\n";

type Case = [check: string, code: string, params: Record<string, string>];

const MATCHERS: Case[] = [
  ["expect(greet()).toBe('Hello')", 'equal', { expected: "'Hello'", actual: "'hi'" }],
  ['expect([1, 2]).toEqual([1, 3])', 'equal', { expected: '[ 1, 3 ]', actual: '[ 1, 2 ]' }],
  ['expect({ a: 1 }).toStrictEqual({ a: 2 })', 'equal', { expected: '{ a: 2 }', actual: '{ a: 1 }' }],
  ['expect([1]).toBe([1])', 'sameObject', { expected: '[ 1 ]', actual: '[ 1 ]' }],
  ["expect(greet()).not.toBe('hi')", 'notEqual', { value: "'hi'" }],
  ["expect(greet().startsWith('H')).toBeTruthy()", 'truthy', { value: 'false' }],
  ['expect(greet()).toBeFalsy()', 'falsy', { value: "'hi'" }],
  ['expect(0).not.toBeFalsy()', 'truthy', { value: '0' }],
  ["expect(greet()).toContain('x')", 'contains', { member: "'x'", container: "'hi'" }],
  ['expect([1, 2]).not.toContain(2)', 'notContains', { member: '2', container: '[ 1, 2 ]' }],
  ['expect(greet()).toHaveLength(5)', 'length', { expected: '5', actual: '2', value: "'hi'" }],
  ['expect(greet()).not.toHaveLength(2)', 'notLength', { expected: '2', value: "'hi'" }],
  ['expect(greet).toThrow()', 'throws', {}],
  ["expect(() => { throw new Error('boom'); }).toThrow('bang')", 'throwsOther', { expected: "'bang'" }],
  [
    "expect(() => { throw new TypeError('boom'); }).toThrow(RangeError)",
    'throwsOther',
    { expected: 'RangeError' },
  ],
  ["expect(() => { throw new Error('boom'); }).not.toThrow()", 'threw', { actual: 'Error: boom' }],
  ['expect(0.5).toBeCloseTo(0.6)', 'close', { expected: '0.6', actual: '0.5' }],
  ['expect(0.5).not.toBeCloseTo(0.5)', 'notClose', { expected: '0.5', actual: '0.5' }],
  ['expect(greet()).toBeUndefined()', 'equal', { expected: 'undefined', actual: "'hi'" }],
  ['expect(greet()).toBeNull()', 'equal', { expected: 'null', actual: "'hi'" }],
  ['expect(null).not.toBeNull()', 'notEqual', { value: 'null' }],
  ['expect(undefined).toBeDefined()', 'notEqual', { value: 'undefined' }],
  ['expect(greet()).toBeInstanceOf(Box)', 'instance', { type: 'Box', value: "'hi'" }],
  ['expect(new Box()).not.toBeInstanceOf(Box)', 'notInstance', { type: 'Box', value: 'Box {}' }],
  ['expect(1).toBeGreaterThan(2)', 'greater', { value: '1', bound: '2' }],
  ['expect(1).toBeGreaterThanOrEqual(2)', 'greaterOrEqual', { value: '1', bound: '2' }],
  ['expect(2).toBeLessThan(1)', 'less', { value: '2', bound: '1' }],
  ['expect(2).toBeLessThanOrEqual(1)', 'lessOrEqual', { value: '2', bound: '1' }],
  ['expect(3).not.toBeGreaterThan(2)', 'lessOrEqual', { value: '3', bound: '2' }],
  ['expect(greet()).toMatch(/^H/)', 'matches', { text: "'hi'", pattern: '/^H/' }],
  ["expect(greet()).not.toMatch('h')", 'notMatches', { text: "'hi'", pattern: "'h'" }],
  ["expect({}).toHaveProperty('name')", 'checkFailed', { check: 'expect(…).toHaveProperty(…)' }],
];

/** One test per line of `checks`, named "check 0", "check 1", … */
function testFile(checks: string[]): string {
  return [
    "import { greet, Box } from './leap';",
    '',
    ...checks.map((c, i) => `test('check ${i}', () => {\n  ${c};\n});`),
    '',
  ].join('\n');
}

describe('a failed matcher is a code with its values', () => {
  it('for every kind of matcher, and its .not', async () => {
    const result = await check(CODE, testFile(MATCHERS.map(([c]) => c)), { timeLimitMs: 10_000 });
    MATCHERS.forEach(([line, code, params], i) => {
      const test = result.tests[i];
      expect(test?.name, line).toBe(`check ${i}`);
      expect(test?.status, line).toBe('fail');
      expect(test?.code, line).toBe(code);
      expect(test?.params, line).toMatchObject(params);
      expect(TEST_MESSAGE_CODES as readonly string[]).toContain(test?.code);
      // chai's English is still the message, for the log and the command line.
      expect(test?.message, line).toBeTruthy();
    });
  });

  it('keeps both sides of an equality for the diff, and the author’s own message as it is', async () => {
    const result = await check(CODE, testFile(["expect(greet(), 'greet() should say Hello').toBe('Hello')"]));
    expect(result.tests[0]).toMatchObject({
      code: 'equal',
      params: { expected: "'Hello'", actual: "'hi'", msg: 'greet() should say Hello' },
      // The diff shows them as Jest prints them, over lines for a large value.
      expected: '"Hello"',
      actual: '"hi"',
    });
  });

  it('a promise’s matcher, under .resolves, is a code too', async () => {
    const result = await check(
      'export const later = () => Promise.resolve(1);\n',
      "import { later } from './leap';\ntest('later', async () => {\n  await expect(later()).resolves.toBe(2);\n});\n",
    );
    expect(result.tests[0]).toMatchObject({
      status: 'fail',
      code: 'equal',
      params: { expected: '2', actual: '1' },
    });
  });

  it('quotes the test file’s line for a failure no matcher describes', async () => {
    const result = await check(CODE, testFile(["expect.unreachable('here')"]));
    expect(result.tests[0]).toMatchObject({
      status: 'fail',
      code: 'checkFailed',
      params: { check: "expect.unreachable('here');" },
    });
  });

  it('expect.assertions(n) and expect.hasAssertions() that were not met are codes too', async () => {
    const result = await check(
      CODE,
      testFile([
        "expect.assertions(2);\n  expect(greet()).toBe('hi')",
        'expect.hasAssertions()',
        "expect.assertions(1);\n  expect(greet()).toBe('hi')",
      ]),
    );
    expect(result.tests[0]).toMatchObject({
      status: 'fail',
      code: 'assertionCount',
      params: { expected: '2', actual: '1' },
    });
    expect(result.tests[1]).toMatchObject({ status: 'fail', code: 'noAssertions', params: {} });
    expect(result.tests[2]?.status).toBe('pass');
    // The harness's English stays the message, for the log and the command line.
    expect(result.tests[0]?.message).toBe('expected number of assertions to be 2, but got 1');
  });

  it('an error in the learner’s code is still an error, with no check code', async () => {
    const result = await check(
      `export function greet() {\n  throw new Error('nope');\n}\nexport class Box {}\n`,
      testFile(["expect(greet()).toBe('x')"]),
    );
    expect(result.tests[0]?.status).toBe('error');
    expect(result.tests[0]?.code).toBeUndefined();
  });
});
