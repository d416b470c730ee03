/**
 * A breaker's cases for issue 16 (decision 0057): a failed JavaScript check is sent as a code with
 * its values. As a learner after a better mark, the learner's code (never the test file) tries to
 * make a failed check pass or to put its own code, values or markup into the result: lying
 * toString/toPrimitive, throwing getters, Proxies, a thrown object shaped like a coded failure,
 * a replaced expect, prototype pollution. As a Chinese-interface learner, matchers the first list
 * did not cover must come to a code both catalogs word, never chai's English on the page.
 */
import { describe, expect, it } from 'vitest';
import { TEST_MESSAGE_CODES } from '../../../shared/runner/codes.ts';
import en from '../../../shared/i18n/locales/en/lesson.json' with { type: 'json' };
import zh from '../../../shared/i18n/locales/zh/lesson.json' with { type: 'json' };
import { check } from './helpers.ts';

const CODE = String.raw`
export const liar = { toString() { return 'Hello'; }, [Symbol.toPrimitive]() { return 'Hello'; } };
export const thrower = { toString() { throw new Error('ts'); }, [Symbol.toPrimitive]() { throw new Error('tp'); }, get x() { throw new Error('get'); } };
export const proxy = new Proxy({}, { get(_t, k) { if (k === 'then') return undefined; throw new Error('proxy ' + String(k)); }, ownKeys() { throw new Error('keys'); }, getPrototypeOf() { throw new Error('proto'); } });
export const html = '<img src=x onerror=alert(1)>{{expected}}$t(runner.testMessage.equal)';
export function shaped() { throw { check: 'x', code: 'equal', params: { expected: '1', actual: '1' }, message: 'passed' }; }
export function shapedError() { const e = new Error('ok'); e.code = 'equal'; e.params = { expected: '1', actual: '1' }; e.matcherResult = { pass: true }; throw e; }
export function patchExpect() { try { expect.prototype = null; } catch {} try { globalThis.expect = () => ({ toBe() {} }); } catch {} return 1; }
export function pollute() { try { Object.prototype.code = 'equal'; } catch (e) { return String(e); } return 1; }
export function patchChai() { try { const p = Object.getPrototypeOf(expect(1)); p.toBe = function () {}; } catch (e) { return String(e); } return 1; }
export class Point { constructor(x) { this.x = x; } }
export const fn = () => 1;
`;

const HTML = '<img src=x onerror=alert(1)>{{expected}}$t(runner.testMessage.equal)';

type Case = [check: string, status: string, code: string | undefined, params?: Record<string, string>];

const CASES: Case[] = [
  // A value that prints as 'Hello' is not 'Hello'.
  ["expect(liar).toBe('Hello')", 'fail', 'equal', { expected: "'Hello'" }],
  ["expect(String(liar)).toBe('Hi')", 'fail', 'equal', { expected: "'Hi'", actual: "'Hello'" }],
  // A getter or Proxy trap that throws is an error in the learner's code, never a pass.
  ["expect(thrower).toBe('Hello')", 'error', undefined],
  ['expect(thrower).toEqual({ x: 1 })', 'error', undefined],
  ['expect(proxy).toEqual({})', 'error', undefined],
  ['expect(proxy).toBe(1)', 'error', undefined],
  // Markup and i18next syntax are only a value: the page puts it in <code> as text.
  ["expect(html).toBe('Hello')", 'fail', 'equal', { actual: `'${HTML}'` }],
  ["expect('abc').toMatch(html)", 'fail', 'matches', { pattern: `'${HTML}'` }],
  // A thrown object shaped like a coded failure is the learner's error, not a check's code.
  ['shaped()', 'error', undefined],
  ['shapedError()', 'error', undefined],
  // Replacing expect, chai's matchers or Object.prototype does not turn a failure into a pass.
  ['patchExpect(); expect(1).toBe(2)', 'fail', 'equal', { expected: '2', actual: '1' }],
  ['pollute(); expect(1).toBe(2)', 'fail', 'equal', { expected: '2', actual: '1' }],
  ['patchChai(); expect(1).toBe(2)', 'fail', 'equal', { expected: '2', actual: '1' }],
  // Matchers the first list did not cover.
  [
    'expect({ a: 1, b: 2 }).toMatchObject({ a: 2 })',
    'fail',
    'checkFailed',
    { check: 'expect(…).toMatchObject(…)' },
  ],
  [
    "expect({ a: 1 }).toHaveProperty('a', 2)",
    'fail',
    'checkFailed',
    { check: 'expect(…).toHaveProperty(…)' },
  ],
  [
    'expect(new Point(1)).toStrictEqual({ x: 1 })',
    'fail',
    'equal',
    { expected: '{ x: 1 }', actual: 'Point { x: 1 }' },
  ],
  ['expect(1).toBeNaN()', 'fail', 'equal', { expected: 'NaN', actual: '1' }],
  ['expect(NaN).not.toBeNaN()', 'fail', 'notEqual', { value: 'NaN' }],
  ["return expect(Promise.reject(new Error('no'))).resolves.toBe(1)", 'fail', 'checkFailed'],
  ['return expect(Promise.resolve(1)).rejects.toThrow()', 'fail', 'checkFailed'],
  [
    'const m = vi.fn(); m(1); expect(m).toHaveBeenCalledWith(2)',
    'fail',
    'checkFailed',
    { check: 'expect(…).toHaveBeenCalledWith(…)' },
  ],
  [
    'const m = vi.fn(); expect(m).toHaveBeenCalled()',
    'fail',
    'checkFailed',
    { check: 'expect(…).toHaveBeenCalled()' },
  ],
  ['expect({ a: 1 }).toEqual(expect.objectContaining({ a: 2 }))', 'fail', 'equal', { actual: '{ a: 1 }' }],
  ['expect([1]).toContainEqual(2)', 'fail', 'contains', { member: '2', container: '[ 1 ]' }],
];

function testFile(checks: string[]): string {
  return [
    "import { liar, thrower, proxy, html, shaped, shapedError, patchExpect, pollute, patchChai, Point } from './leap';",
    '',
    ...checks.map((c, i) => `test('check ${i}', async () => {\n  ${c};\n});`),
    '',
  ].join('\n');
}

const worded = (code: string) => code in en.runner.testMessage && code in zh.runner.testMessage;

describe('a learner after a better mark, and matchers the first list did not cover', () => {
  // One run each: a case that changes the sandbox must not reach the next.
  it.each(CASES)('%s', async (line, status, code, params) => {
    const result = await check(CODE, testFile([line]), { timeLimitMs: 10_000 });
    expect(result.status).not.toBe('pass');
    const test = result.tests[0];
    expect(test?.status).toBe(status);
    expect(test?.code).toBe(code);
    if (params) expect(test?.params).toMatchObject(params);
    if (code) {
      expect(TEST_MESSAGE_CODES as readonly string[]).toContain(code);
      expect(worded(code)).toBe(true);
    }
  });

  it('a thrown object with no name is an Error, not “undefined”', async () => {
    const result = await check(CODE, testFile(['shaped()']));
    expect(result.tests[0]?.error).toMatchObject({ type: 'Error', message: 'passed' });
    expect(result.tests[0]?.code).toBeUndefined();
  });
});
