/**
 * Jest's `expect`, built from @vitest/expect (Jest's matchers as a chai plugin) the way vitest
 * builds its own. Runs INSIDE QuickJS, as part of the harness bundle.
 *
 * The bundle sees a private `globalThis` (see scripts/harness/javascript.ts), so the state @vitest/expect keeps
 * on well-known global symbols (matchers, equality testers, per-expect state) is out of the
 * learner's reach. `expect.extend` and `expect.addEqualityTesters` are left out on purpose: either
 * would let code under test redefine what "equal" means.
 */
import * as chai from 'chai';
import {
  ASYMMETRIC_MATCHERS_OBJECT,
  AsymmetricMatcher,
  ChaiStyleAssertions,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  customMatchers,
  getState,
  setState,
} from '@vitest/expect';
import { recordMatcherFailures } from './matcher-failures.ts';
import { trustMatcher } from './trusted-equality.ts';

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(ChaiStyleAssertions);
chai.use(JestAsymmetricMatchers);

export type Expect = ((value: unknown, message?: string) => unknown) & Record<string, unknown>;

export interface ExpectState {
  assertionCalls: number;
  isExpectingAssertions: boolean;
  expectedAssertionsNumber: number | null;
}

export function createExpect(): Expect {
  const expect = ((value: unknown, message?: string) => {
    const { assertionCalls } = getState(expect as never) as ExpectState;
    setState({ assertionCalls: assertionCalls + 1 }, expect as never);
    return chai.expect(value, message);
  }) as Expect;
  Object.assign(expect, chai.expect);
  const asymmetric = (globalThis as Record<symbol, object>)[ASYMMETRIC_MATCHERS_OBJECT];
  Object.assign(expect, asymmetric);
  // Vitest's own extra matchers (toSatisfy, toBeOneOf) are registered before lockdown.
  (chai.expect as unknown as { extend(e: unknown, m: unknown): void }).extend(expect, customMatchers);
  Object.assign(expect, asymmetric);
  delete expect.extend;
  // After vitest's own matchers are on chai's Assertion, before lockdown freezes it.
  recordMatcherFailures();
  expect.getState = () => getState(expect as never);
  expect.soft = (value: unknown, message?: string) =>
    (expect(value, message) as { withContext(c: object): unknown }).withContext({ soft: true });
  expect.unreachable = (message?: string) => {
    chai.assert.fail(`expected${message ? ` "${message}" ` : ' '}not to be reached`);
  };
  expect.assertions = (count: number) => {
    setState({ expectedAssertionsNumber: count }, expect as never);
  };
  expect.hasAssertions = () => {
    setState({ isExpectingAssertions: true }, expect as never);
  };
  resetExpectState(expect);
  return expect;
}

/**
 * The test file's `expect`: its own state, and the asymmetric matchers it makes (`expect.any`,
 * `expect.not.objectContaining`…) are the only ones the equality checks accept
 * (trusted-equality.ts). The `expect` learner code sees is a plain `createExpect()`.
 */
export function createTrustedExpect(): Expect {
  const expect = createExpect();
  const not = expect.not as Record<PropertyKey, unknown>;
  brandMatchers(expect as unknown as Record<PropertyKey, unknown>);
  const ownNot: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(not)) ownNot[key] = not[key];
  brandMatchers(ownNot);
  expect.not = ownNot;
  return expect;
}

function brandMatchers(target: Record<PropertyKey, unknown>): void {
  for (const key of Reflect.ownKeys(target)) {
    const original = target[key];
    if (typeof original !== 'function' || key === 'getState') continue;
    target[key] = function (this: unknown, ...args: unknown[]) {
      const made: unknown = Reflect.apply(original, this, args);
      return made instanceof AsymmetricMatcher ? trustMatcher(made) : made;
    };
  }
}

/** Clears the per-test counters (`expect.assertions(n)`, `expect.hasAssertions()`). */
export function resetExpectState(expect: Expect): void {
  setState(
    { assertionCalls: 0, isExpectingAssertions: false, expectedAssertionsNumber: null } satisfies ExpectState,
    expect as never,
  );
}

/**
 * The failure `expect.assertions(n)` / `expect.hasAssertions()` asked for, if any: vitest's
 * English (the message, for the log and the CLI) and the code the page words it from.
 */
export function assertionCountFailure(
  expect: Expect,
): { message: string; code: string; params: Record<string, string> } | null {
  const state = getState(expect as never) as ExpectState;
  if (state.expectedAssertionsNumber !== null && state.assertionCalls !== state.expectedAssertionsNumber) {
    const [expected, actual] = [String(state.expectedAssertionsNumber), String(state.assertionCalls)];
    return {
      message: `expected number of assertions to be ${expected}, but got ${actual}`,
      code: 'assertionCount',
      params: { expected, actual },
    };
  }
  if (state.isExpectingAssertions && state.assertionCalls === 0) {
    return { message: 'expected any number of assertion, but got none', code: 'noAssertions', params: {} };
  }
  return null;
}

export const AssertionError = chai.AssertionError;
/** Everything the matchers are made of (`Assertion.prototype` and its methods, `util`, `config`), to freeze. */
export const chaiLibrary: object = { ...chai };
