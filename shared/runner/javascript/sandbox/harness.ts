/**
 * The code that runs INSIDE the QuickJS sandbox, before any learner code. Two entries share it:
 * run-entry.ts (Run: console, prompt, timers) and check-entry.ts (Check: the same plus Jest's
 * test API on @vitest/expect and chai). scripts/harness/javascript.ts bundles each
 * into harness-bundle.generated.ts; every run evaluates one of them in a fresh realm.
 *
 * How a failing test is kept from passing (harness integrity):
 * - Results leave the realm only through `host.report`, a host function passed to `install` and
 *   kept in closures here. Learner code cannot reach it, so printed "PASS" lines are just output.
 * - Pass/fail is decided by the runner in tests.ts from whether the test function settled without
 *   throwing; the host also counts a test that started and never reported as an error.
 * - `lockdown()` freezes every built-in and makes the global names of built-ins and of the test
 *   API (`expect`, `describe`, `test`…) read-only accessors before learner code runs; the assertion
 *   library (chai's `Assertion.prototype` and all) is frozen with them. Patching `Object.prototype`,
 *   `Array.prototype`, `Object.is`, matchers or `expect` throws a TypeError the learner sees as a
 *   normal error.
 * - The harness's own code never reads a global: the bundle binds the built-ins it was evaluated
 *   with (scripts/harness/javascript.ts). The test file reads its test API (`describe`, `test`, `expect`…)
 *   from a module only it can import (../test-file.ts); the globals learner code sees are another
 *   `expect` and a test API that refuses (check-entry.ts).
 * - @vitest/expect keeps its state on a private `globalThis` (the bundle's), and the two APIs that
 *   change what "equal" means (`expect.extend`, `expect.addEqualityTesters`) are not offered.
 *   Equality never asks the compared values whether they are a matcher or what they box
 *   (trusted-equality.ts).
 * - `console` stays replaceable: it only affects output, and output never decides a result.
 * - Unhandled promise rejections (rejections.ts) are tracked by hooks installed before lockdown
 *   and state kept in closures here, so learner code can neither remove the hooks nor clear the
 *   record: an assertion that fails in a promise nobody awaits still fails the run.
 */
import { describeThrown } from './describe-thrown.ts';
import { installConsole, installTimers } from './globals.ts';
import {
  TEST_API_HANDOFF,
  type HarnessControl,
  type HarnessEvent,
  type SandboxHost,
  type ThrownValue,
} from './host.ts';
import { harden, lockdown } from './lockdown.ts';
import { TRACK_ASYNC_GLOBAL, trackRejections } from './rejections.ts';

/** What check mode adds: globals to define read-only, the test file's API, and the test runner. */
export interface TestSetup {
  globals: Record<string, unknown>;
  testFile: Record<string, unknown>;
  /** Objects to freeze once lockdown has run. */
  frozen: unknown[];
  run(
    report: (event: HarnessEvent) => void,
    unhandled: () => Promise<{ reason: unknown } | null>,
  ): Promise<void>;
  isAssertion(value: object): boolean;
}

export function installHarness(
  host: SandboxHost,
  realm: typeof globalThis,
  setup: (() => TestSetup) | null,
): HarnessControl {
  /** While a test runs, the test runner claims unhandled rejections for that test. */
  let testRunning = false;
  const report = (event: HarnessEvent): void => {
    if (event.kind === 'test-start') testRunning = true;
    else if (event.kind === 'test-end') testRunning = false;
    host.report(JSON.stringify(event));
  };
  installConsole(realm, host);
  const timers = installTimers(realm);
  const rejections = trackRejections(realm);
  // Named after the global, so errors.ts can find (and hide) the frames of a rewritten async function.
  const trackAsync = { [TRACK_ASYNC_GLOBAL]: (body: () => unknown) => rejections.trackAsync(body) };
  // Configurable until lockdown() turns every global into a read-only accessor: the engine does
  // not keep a non-configurable data property of the global object from being redefined.
  Object.defineProperty(realm, TRACK_ASYNC_GLOBAL, {
    value: trackAsync[TRACK_ASYNC_GLOBAL],
    writable: false,
    enumerable: false,
    configurable: true,
  });
  const tests = setup ? setup() : null;
  for (const [name, value] of Object.entries(tests?.globals ?? {})) {
    Object.defineProperty(realm, name, { value, writable: false, configurable: true });
  }
  lockdown(realm);
  if (tests) {
    harden(tests.frozen);
    const testFile = { ...tests.testFile, [TRACK_ASYNC_GLOBAL]: trackAsync[TRACK_ASYNC_GLOBAL] };
    harden(testFile);
    Object.defineProperty(realm, TEST_API_HANDOFF, { value: testFile, writable: false, configurable: true });
  }
  const isAssertion = tests ? tests.isAssertion : () => false;
  return {
    runTests: async () => {
      if (tests === null) throw new Error('runTests is only available in check mode');
      await tests.run(report, async () => {
        await timers.nextTurn();
        return rejections.takeUnhandled();
      });
    },
    nextTimerDelay: () => timers.nextDelay(),
    runDueTimers: () =>
      timers.runDue((error) => report({ kind: 'uncaught', error: describeThrown(error, isAssertion) })),
    reportUnhandled: () => {
      if (testRunning) return 0;
      const rejection = rejections.takeUnhandled();
      if (rejection === null) return 0;
      report({ kind: 'uncaught', error: describeRejection(rejection.reason, isAssertion) });
      return 1;
    },
    describe: (value) => JSON.stringify(describeThrown(value, isAssertion)),
  };
}

/** A rejection reads like an uncaught throw; one with a non-Error reason says what happened. */
function describeRejection(reason: unknown, isAssertion: (value: object) => boolean): ThrownValue {
  const described = describeThrown(reason, isAssertion);
  if ((typeof reason === 'object' || typeof reason === 'function') && reason !== null) return described;
  return {
    ...described,
    name: 'UnhandledPromiseRejection',
    message: `A promise was rejected with ${described.message.replace(/ was thrown \(not an Error object\)$/, '')} and nothing handled it (add .catch() or await it).`,
  };
}
