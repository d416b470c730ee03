/**
 * The code that runs INSIDE the QuickJS sandbox, before any learner code. Two entries share it:
 * run-entry.ts (Run: console, prompt, timers) and check-entry.ts (Check: the same plus Jest's
 * test API on @vitest/expect and chai). tests/unit/runner-js/bundle-harness.ts bundles each
 * into harness-bundle.generated.ts; every run evaluates one of them in a fresh realm.
 *
 * How a failing test is kept from passing (harness integrity):
 * - Results leave the realm only through `host.report`, a host function passed to `install` and
 *   kept in closures here. Learner code cannot reach it, so printed "PASS" lines are just output.
 * - Pass/fail is decided by the runner in tests.ts from whether the test function settled without
 *   throwing; the host also counts a test that started and never reported as an error.
 * - `lockdown()` freezes every built-in and makes the global names of built-ins and of the test
 *   API (`expect`, `describe`, `test`…) read-only before learner code runs; the assertion
 *   library's objects are frozen with them. Patching `Object.prototype`, `Array.prototype`,
 *   `Object.is`, matchers or `expect` throws a TypeError the learner sees as a normal error.
 * - @vitest/expect keeps its state on a private `globalThis` (the bundle's), and the two APIs that
 *   change what "equal" means (`expect.extend`, `expect.addEqualityTesters`) are not offered.
 * - `console` stays replaceable: it only affects output, and output never decides a result.
 */
import { describeThrown } from './describe-thrown.ts';
import { installConsole, installTimers } from './globals.ts';
import type { HarnessControl, HarnessEvent, SandboxHost } from './host.ts';
import { lockdown } from './lockdown.ts';

/** What check mode adds: globals to define read-only, and the test runner. */
export interface TestSetup {
  globals: Record<string, unknown>;
  run(report: (event: HarnessEvent) => void): Promise<void>;
  isAssertion(value: object): boolean;
}

export function installHarness(
  host: SandboxHost,
  realm: typeof globalThis,
  setup: (() => TestSetup) | null,
): HarnessControl {
  const report = (event: HarnessEvent): void => host.report(JSON.stringify(event));
  installConsole(realm, host);
  const timers = installTimers(realm);
  const tests = setup ? setup() : null;
  for (const [name, value] of Object.entries(tests?.globals ?? {})) {
    Object.defineProperty(realm, name, { value, writable: false, configurable: false });
  }
  lockdown(realm);
  const isAssertion = tests ? tests.isAssertion : () => false;
  return {
    runTests: async () => {
      if (tests === null) throw new Error('runTests is only available in check mode');
      await tests.run(report);
    },
    nextTimerDelay: () => timers.nextDelay(),
    runDueTimers: () =>
      timers.runDue((error) => report({ kind: 'uncaught', error: describeThrown(error, isAssertion) })),
    describe: (value) => JSON.stringify(describeThrown(value, isAssertion)),
  };
}
