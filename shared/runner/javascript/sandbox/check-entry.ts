/**
 * Harness bundle entry for Check: Jest's globals (`describe`, `test`, `expect`, `jest.fn`…) on
 * @vitest/expect, @vitest/spy and chai. Runs INSIDE QuickJS.
 */
import { clearAllMocks, fn, resetAllMocks, restoreAllMocks, spyOn } from '@vitest/spy';
import { AssertionError, chaiConfig, createExpect } from './expect.ts';
import { installHarness } from './harness.ts';
import { TEST_GLOBALS, type HarnessControl, type SandboxHost } from './host.ts';
import { harden } from './lockdown.ts';
import { createTestApi } from './tests.ts';

export function install(host: SandboxHost, realm: typeof globalThis): HarnessControl {
  return installHarness(host, realm, () => {
    const expect = createExpect();
    const tests = createTestApi(expect);
    const jest = { fn, spyOn, clearAllMocks, resetAllMocks, restoreAllMocks };
    const all: Record<string, unknown> = { ...tests.globals, expect, jest, vi: jest };
    harden(chaiConfig);
    return {
      globals: Object.fromEntries(TEST_GLOBALS.map((name) => [name, all[name]])),
      run: tests.run,
      isAssertion: (value) => value instanceof AssertionError,
    };
  });
}
