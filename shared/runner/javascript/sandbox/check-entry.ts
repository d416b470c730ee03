/**
 * Harness bundle entry for Check: Jest's globals (`describe`, `test`, `expect`, `jest.fn`…) on
 * @vitest/expect, @vitest/spy and chai. Runs INSIDE QuickJS.
 *
 * Two sets: `testFile`, the real ones, reach only the test file (../test-file.ts); `globals`, on
 * the global object for learner code, hold an `expect` of their own and a test API that refuses.
 */
import { clearAllMocks, fn, resetAllMocks, restoreAllMocks, spyOn } from '@vitest/spy';
import { AssertionError, chaiLibrary, createExpect, createTrustedExpect } from './expect.ts';
import { installHarness } from './harness.ts';
import { TEST_GLOBALS, type HarnessControl, type SandboxHost } from './host.ts';
import { createTestApi, refusingTestApi } from './tests.ts';

export function install(host: SandboxHost, realm: typeof globalThis): HarnessControl {
  return installHarness(host, realm, () => {
    const expect = createTrustedExpect();
    const tests = createTestApi(expect);
    const jest = { fn, spyOn, clearAllMocks, resetAllMocks, restoreAllMocks };
    const testFile: Record<string, unknown> = { ...tests.globals, expect, jest, vi: jest };
    const learner: Record<string, unknown> = { ...refusingTestApi(), expect: createExpect(), jest, vi: jest };
    return {
      // Frozen after lockdown, which first tames Error.prototype (the library's errors inherit it).
      frozen: [chaiLibrary],
      globals: Object.fromEntries(TEST_GLOBALS.map((name) => [name, learner[name]])),
      testFile: Object.fromEntries(TEST_GLOBALS.map((name) => [name, testFile[name]])),
      run: tests.run,
      isAssertion: (value) => value instanceof AssertionError,
    };
  });
}
