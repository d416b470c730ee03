/**
 * Jest's test API (`describe`, `test`/`it`, skips, `.only`, `.each`, hooks) and the runner that
 * executes the registered tests one after another. Runs INSIDE QuickJS.
 *
 * Integrity: the registry lives in this closure, results leave only through `report` (a host
 * function learner code never sees), and a test counts as passed only when this runner saw its
 * function settle without throwing. Printing "✓ passed" or redefining globals changes nothing.
 * These functions reach only the test file (as module bindings, ../test-file.ts); the global
 * `describe`, `test`… that learner code sees are `refusingTestApi()`, so learner code can neither
 * add, focus nor skip a test, nor hand one of these functions to the test file in disguise. The
 * registry closes when the tests start: nothing registers a test while tests run.
 */
import { AssertionError, assertionCountFailure, resetExpectState, type Expect } from './expect.ts';
import { matcherFailure } from './matcher-failures.ts';
import { describeThrown } from './describe-thrown.ts';
import type { HarnessEvent } from './host.ts';

type TestFn = (done?: unknown) => unknown;
type Mode = 'run' | 'skip' | 'only';

interface TestCase {
  kind: 'test';
  name: string;
  fn: TestFn;
  mode: Mode;
}

interface Suite {
  kind: 'suite';
  name: string;
  mode: Mode;
  children: (Suite | TestCase)[];
  beforeAll: TestFn[];
  afterAll: TestFn[];
  beforeEach: TestFn[];
  afterEach: TestFn[];
}

const newSuite = (name: string, mode: Mode): Suite => ({
  kind: 'suite',
  name,
  mode,
  children: [],
  beforeAll: [],
  afterAll: [],
  beforeEach: [],
  afterEach: [],
});

/** Jest's printf-style titles for `.each`: %s %d %i %f %j %o %p %#, and `$key` for objects. */
function eachTitle(title: string, row: unknown, index: number): string {
  const args = Array.isArray(row) ? [...row] : [row];
  let out = title.replace(/%[sdifjop#%]/g, (token) => {
    if (token === '%%') return '%';
    if (token === '%#') return String(index);
    const value = args.shift();
    if (token === '%d' || token === '%i') return String(Math.trunc(Number(value)));
    if (token === '%f') return String(Number(value));
    if (token === '%s') return String(value);
    return JSON.stringify(value) ?? String(value);
  });
  if (!Array.isArray(row) && typeof row === 'object' && row !== null) {
    out = out.replace(/\$([A-Za-z_][\w.]*)/g, (whole, key: string) =>
      key in row ? String((row as Record<string, unknown>)[key]) : whole,
    );
  }
  return out;
}

export interface TestApi {
  globals: Record<string, unknown>;
  /**
   * `unhandled` waits for the job queue to drain and returns the oldest promise rejection that
   * nothing handled meanwhile (rejections.ts): asked at the end of each test, so an assertion
   * failing in a promise the test did not await or return fails that test.
   */
  run(
    report: (event: HarnessEvent) => void,
    unhandled: () => Promise<{ reason: unknown } | null>,
  ): Promise<void>;
}

/** What learner code is told when it calls the test API. */
export const LEARNER_TEST_API_MESSAGE =
  "describe(), test() and their .only/.skip forms belong to the exercise's test file: your code cannot add, focus or skip tests.";

/** The global `describe`, `test`, hooks… learner code sees: each call throws. */
export function refusingTestApi(): Record<string, unknown> {
  const refuse = () => {
    throw new Error(LEARNER_TEST_API_MESSAGE);
  };
  const forms = () =>
    Object.assign(() => refuse(), { skip: refuse, only: refuse, todo: refuse, each: refuse });
  const describe = forms();
  const test = forms();
  return {
    describe,
    test,
    it: forms(),
    xdescribe: describe.skip,
    xtest: test.skip,
    xit: test.skip,
    fdescribe: describe.only,
    fit: test.only,
    beforeAll: refuse,
    afterAll: refuse,
    beforeEach: refuse,
    afterEach: refuse,
  };
}

export function createTestApi(expect: Expect): TestApi {
  const root = newSuite('', 'run');
  let current = root;
  let hasOnly = false;
  let closed = false;
  const open = (what: string) => {
    if (closed)
      throw new Error(
        `${what} cannot be called while the tests run: register tests at the top of the test file`,
      );
  };

  const register = (name: unknown, fn: unknown, mode: Mode): void => {
    open('test()');
    if (typeof fn !== 'function' && mode !== 'skip')
      throw new TypeError(`test "${String(name)}" needs a function`);
    if (mode === 'only') hasOnly = true;
    current.children.push({ kind: 'test', name: String(name), fn: fn as TestFn, mode });
  };
  const group = (name: unknown, fn: unknown, mode: Mode): void => {
    open('describe()');
    if (typeof fn !== 'function') throw new TypeError(`describe "${String(name)}" needs a function`);
    if (mode === 'only') hasOnly = true;
    const suite = newSuite(String(name), mode);
    current.children.push(suite);
    const parent = current;
    current = suite;
    try {
      const result = (fn as () => unknown)();
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        throw new TypeError(`describe "${String(name)}" must not be async: put the awaits inside test()`);
      }
    } finally {
      current = parent;
    }
  };
  const withEach =
    (add: (name: unknown, fn: unknown, mode: Mode) => void, mode: Mode) =>
    (table: unknown) =>
    (title: unknown, fn: unknown) => {
      const rows = Array.isArray(table) ? table : [];
      rows.forEach((row, index) => {
        const args = Array.isArray(row) ? row : [row];
        add(eachTitle(String(title), row, index), () => (fn as TestFn)(...(args as [])), mode);
      });
    };
  const makeTest = () => {
    const test = (name: unknown, fn: unknown) => register(name, fn, 'run');
    return Object.assign(test, {
      skip: (name: unknown, fn?: unknown) => register(name, fn, 'skip'),
      only: (name: unknown, fn: unknown) => register(name, fn, 'only'),
      todo: (name: unknown) => register(name, undefined, 'skip'),
      each: withEach(register, 'run'),
    });
  };
  const describe = Object.assign((name: unknown, fn: unknown) => group(name, fn, 'run'), {
    skip: (name: unknown, fn: unknown) => group(name, fn, 'skip'),
    only: (name: unknown, fn: unknown) => group(name, fn, 'only'),
    each: withEach(group, 'run'),
  });
  const hook = (list: 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach') => (fn: unknown) => {
    open(`${list}()`);
    if (typeof fn !== 'function') throw new TypeError(`${list} needs a function`);
    current[list].push(fn as TestFn);
  };
  const test = makeTest();
  const globals: Record<string, unknown> = {
    describe,
    test,
    it: makeTest(),
    xdescribe: describe.skip,
    xtest: test.skip,
    xit: test.skip,
    fdescribe: describe.only,
    fit: test.only,
    beforeAll: hook('beforeAll'),
    afterAll: hook('afterAll'),
    beforeEach: hook('beforeEach'),
    afterEach: hook('afterEach'),
  };

  return {
    globals,
    run: async (report, unhandled) => {
      closed = true;
      const state: RunState = { expect, report, unhandled, hasOnly: () => hasOnly, nextId: 0, skipped: 0 };
      await runSuite(root, [], [], false, state);
      if (state.skipped > 0) report({ kind: 'skipped', count: state.skipped });
    },
  };
}

interface RunState {
  expect: Expect;
  report: (event: HarnessEvent) => void;
  unhandled: () => Promise<{ reason: unknown } | null>;
  hasOnly: () => boolean;
  nextId: number;
  skipped: number;
}

/** Calls a test or hook; supports async functions and Jest's `done` callback. */
async function invoke(fn: TestFn): Promise<void> {
  if (fn.length === 0) {
    await fn();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const done = (error?: unknown) => (error === undefined || error === null ? resolve() : reject(error));
    Promise.resolve(fn(done)).catch(reject);
  });
}

async function runSuite(
  suite: Suite,
  path: string[],
  eachHooks: Suite[],
  focused: boolean,
  state: RunState,
): Promise<void> {
  const hooks = [...eachHooks, suite];
  const isFocused = focused || suite.mode === 'only';
  let setupError: unknown = null;
  let setupFailed = false;
  try {
    for (const fn of suite.beforeAll) await invoke(fn);
  } catch (error) {
    setupFailed = true;
    setupError = error;
  }
  for (const child of suite.children) {
    const skip =
      suite.mode === 'skip' ||
      child.mode === 'skip' ||
      (state.hasOnly() && !isFocused && child.mode !== 'only');
    if (child.kind === 'suite') {
      if (suite.mode === 'skip') child.mode = 'skip';
      await runSuite(child, child.name ? [...path, child.name] : path, hooks, isFocused, state);
      continue;
    }
    if (skip) {
      state.skipped++;
      continue;
    }
    const name = [...path, child.name].join(' > ');
    const id = state.nextId++;
    state.report({ kind: 'test-start', id, name });
    let failure: unknown = setupFailed ? setupError : null;
    let failed = setupFailed;
    let counted: ReturnType<typeof assertionCountFailure> = null;
    if (!failed) {
      resetExpectState(state.expect);
      try {
        for (const holder of hooks) for (const fn of holder.beforeEach) await invoke(fn);
        await invoke(child.fn);
      } catch (error) {
        failed = true;
        failure = error;
      }
      for (const holder of [...hooks].reverse()) {
        for (const fn of holder.afterEach) {
          try {
            await invoke(fn);
          } catch (error) {
            if (!failed) [failed, failure] = [true, error];
          }
        }
      }
      const rejection = await state.unhandled();
      if (rejection !== null && !failed) [failed, failure] = [true, rejection.reason];
      counted = failed ? null : assertionCountFailure(state.expect);
      // A check the test asked for and did not get: it fails, as a matcher's does.
      if (counted !== null) [failed, failure] = [true, new AssertionError(counted.message)];
    }
    if (!failed) {
      state.report({ kind: 'test-end', id, name, status: 'pass' });
    } else {
      const error = describeThrown(failure, (value) => value instanceof AssertionError);
      const check = !error.assertion
        ? undefined
        : counted !== null
          ? { code: counted.code, params: counted.params }
          : matcherFailure(failure);
      if (check) error.check = check;
      state.report({ kind: 'test-end', id, name, status: error.assertion ? 'fail' : 'error', error });
    }
  }
  for (const fn of suite.afterAll) {
    try {
      await invoke(fn);
    } catch (error) {
      state.report({
        kind: 'uncaught',
        error: describeThrown(error, (value) => value instanceof AssertionError),
      });
    }
  }
}
