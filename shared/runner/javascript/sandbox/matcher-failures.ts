/**
 * What a failed matcher was asked, for the words of a failed test (issue 16): each Jest matcher on
 * chai's Assertion is wrapped so that the error it throws is remembered with the matcher's name,
 * `.not`, the value under test and the arguments. The test's result then carries a code and its
 * parameters (shared/runner/codes.ts), which the page words in the interface language, instead
 * of chai's English (which stays the `message`, for the log and the CLI). Runs INSIDE QuickJS;
 * the record is the harness's own, so learner code cannot write one.
 */
import * as chai from 'chai';
import { brief, safe, text } from './describe-thrown.ts';

interface Asked {
  matcher: string;
  not: boolean;
  /** `resolves` or `rejects`, or empty. */
  promise: string;
  value: unknown;
  args: unknown[];
  /** The test author's own words: `expect(value, 'message')`. */
  message: unknown;
}

export interface CodedFailure {
  code: string;
  params: Record<string, string>;
}

const { apply } = Reflect;
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
const weakSetHas = WeakSet.prototype.has;
const weakSetAdd = WeakSet.prototype.add;
const asked = new WeakMap<object, Asked>();
const wrappers = new WeakSet<object>();
const flag = (assertion: object, name: string): unknown =>
  (chai.util.flag as (o: object, n: string) => unknown)(assertion, name);

/**
 * Wraps every `to…` matcher chai's Assertion has now (Jest's, vitest's own); run before lockdown
 * freezes the prototype, and again after more are added (a wrapper is never wrapped twice).
 */
export function recordMatcherFailures(): void {
  const prototype = chai.Assertion.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    if (!/^to[A-Z]/.test(name)) continue;
    const original = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
    if (typeof original !== 'function' || apply(weakSetHas, wrappers, [original])) continue;
    const wrapper = function (this: object, ...args: unknown[]): unknown {
      const facts: Asked = {
        matcher: name,
        not: flag(this, 'negate') === true,
        promise: typeof flag(this, 'promise') === 'string' ? (flag(this, 'promise') as string) : '',
        value: flag(this, 'object'),
        args,
        message: flag(this, 'message'),
      };
      try {
        return apply(original as (...a: unknown[]) => unknown, this, args);
      } catch (error) {
        // The outermost matcher's call is the one the test made: it is remembered last.
        if ((typeof error === 'object' || typeof error === 'function') && error !== null)
          apply(weakMapSet, asked, [error, facts]);
        throw error;
      }
    };
    apply(weakSetAdd, wrappers, [wrapper]);
    prototype[name] = wrapper;
  }
}

const COMPLEMENT: Record<string, [string, string]> = {
  // matcher: [its code, its code under .not]
  toBeGreaterThan: ['greater', 'lessOrEqual'],
  toBeGreaterThanOrEqual: ['greaterOrEqual', 'less'],
  toBeLessThan: ['less', 'greaterOrEqual'],
  toBeLessThanOrEqual: ['lessOrEqual', 'greater'],
};

/** What a `.toBe…` matcher of one fixed value compares with, as Jest prints it. */
const FIXED: Record<string, string> = {
  toBeNull: 'null',
  toBeUndefined: 'undefined',
  toBeNaN: 'NaN',
};

function typeName(value: unknown): string {
  if (typeof value === 'function') {
    const name = safe(() => (value as { name?: unknown }).name, '');
    if (typeof name === 'string' && name) return name;
  }
  return brief(value);
}

/** A thrown value as chai reported it: its text (`Error: boom`) when it has one. */
function shown(value: unknown): string {
  return typeof value === 'string' ? text(value) : brief(value);
}

function coded(facts: Asked, error: object): CodedFailure {
  const { matcher, not, args } = facts;
  const value = brief(facts.value);
  const arg = brief(args[0]);
  const reported = (key: 'actual' | 'expected') =>
    safe(() => (error as Record<string, unknown>)[key], undefined);
  switch (matcher) {
    case 'toBe':
    case 'toEqual':
    case 'toStrictEqual': {
      if (not) return { code: 'notEqual', params: { value: arg } };
      // toBe on two equal objects that are not the same one: the message suggests toEqual.
      const deep =
        matcher === 'toBe' && /toStrictEqual|toEqual/.test(safe(() => String((error as Error).message), ''));
      return { code: deep ? 'sameObject' : 'equal', params: { expected: arg, actual: value } };
    }
    case 'toBeTruthy':
    case 'toBeFalsy':
      return { code: (matcher === 'toBeTruthy') !== not ? 'truthy' : 'falsy', params: { value } };
    case 'toBeNull':
    case 'toBeUndefined':
    case 'toBeNaN': {
      const fixed = FIXED[matcher] ?? '';
      return not
        ? { code: 'notEqual', params: { value: fixed } }
        : { code: 'equal', params: { expected: fixed, actual: value } };
    }
    case 'toBeDefined':
      return not
        ? { code: 'equal', params: { expected: 'undefined', actual: value } }
        : { code: 'notEqual', params: { value: 'undefined' } };
    case 'toContain':
    case 'toContainEqual':
      return { code: not ? 'notContains' : 'contains', params: { member: arg, container: value } };
    case 'toHaveLength':
      return not
        ? { code: 'notLength', params: { expected: arg, value } }
        : { code: 'length', params: { expected: arg, actual: brief(reported('actual')), value } };
    case 'toBeInstanceOf':
      return { code: not ? 'notInstance' : 'instance', params: { type: typeName(args[0]), value } };
    case 'toBeCloseTo':
      return { code: not ? 'notClose' : 'close', params: { expected: arg, actual: value } };
    case 'toMatch':
      return { code: not ? 'notMatches' : 'matches', params: { text: value, pattern: arg } };
    case 'toThrow':
    case 'toThrowError': {
      const thrown = reported('actual');
      if (not) return { code: 'threw', params: { actual: shown(thrown) } };
      if (thrown === undefined) return { code: 'throws', params: {} };
      const expected = typeof args[0] === 'function' ? typeName(args[0]) : arg;
      return { code: 'throwsOther', params: { expected, actual: shown(thrown) } };
    }
  }
  const order = COMPLEMENT[matcher];
  if (order) return { code: not ? order[1] : order[0], params: { value, bound: arg } };
  const chain = `${not ? '.not' : ''}${facts.promise ? `.${facts.promise}` : ''}`;
  return {
    code: 'checkFailed',
    params: { check: `expect(…)${chain}.${matcher}(${args.length ? '…' : ''})` },
  };
}

/** The code and parameters for an error a matcher threw, or undefined for any other error. */
export function matcherFailure(error: unknown): CodedFailure | undefined {
  if ((typeof error !== 'object' && typeof error !== 'function') || error === null) return undefined;
  const facts = apply(weakMapGet, asked, [error]) as Asked | undefined;
  if (!facts) return undefined;
  const result = safe(() => coded(facts, error), undefined);
  if (!result) return undefined;
  if (typeof facts.message === 'string' && facts.message) result.params.msg = text(facts.message);
  return result;
}
