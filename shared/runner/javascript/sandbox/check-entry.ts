/**
 * Harness bundle entry for Check: Jest's globals (`describe`, `test`, `expect`, `jest.fn`…) on
 * @vitest/expect, @vitest/spy and chai. Runs INSIDE QuickJS.
 *
 * Two sets: `testFile`, the real ones, reach only the test file (../test-file.ts); `globals`, on
 * the global object for learner code, hold an `expect` of their own, a test API that refuses and
 * mock helpers that refuse (trusted-mocks.ts says why).
 */
import { fn, restoreAllMocks, spyOn } from '@vitest/spy';
import { AssertionError, chaiLibrary, createExpect, createTrustedExpect } from './expect.ts';
import { installHarness } from './harness.ts';
import { MOCK_CALL_NAME, TEST_GLOBALS, type HarnessControl, type SandboxHost } from './host.ts';
import { createTestApi, refusingTestApi } from './tests.ts';
import { callMock, forEachTestMock, guardMock, LEARNER_MOCKS_MESSAGE } from './trusted-mocks.ts';

type Fn = (...args: unknown[]) => unknown;

/** The test file's `jest` / `vi`: every mock it makes keeps its record for the test file alone. */
function testFileJest(): Record<string, Fn> {
  const jest: Record<string, Fn> = {
    fn: (implementation?: unknown) => guardMock(fn(implementation as Fn)),
    spyOn: (object: unknown, key: unknown, accessor?: unknown) =>
      guardMock((spyOn as unknown as Fn)(object, key, accessor)),
    clearAllMocks: () => (forEachTestMock('mockClear'), jest),
    resetAllMocks: () => (forEachTestMock('mockReset'), jest),
    restoreAllMocks: () => (restoreAllMocks(), jest),
  };
  return jest;
}

/** The `jest` / `vi` learner code sees: each helper throws. */
function refusingJest(): Record<string, Fn> {
  const refuse = () => {
    throw new Error(LEARNER_MOCKS_MESSAGE);
  };
  return { fn: refuse, spyOn: refuse, clearAllMocks: refuse, resetAllMocks: refuse, restoreAllMocks: refuse };
}

export function install(host: SandboxHost, realm: typeof globalThis): HarnessControl {
  return installHarness(host, realm, () => {
    const expect = createTrustedExpect();
    const tests = createTestApi(expect);
    const jest = testFileJest();
    const learnerJest = refusingJest();
    const testFile: Record<string, unknown> = { ...tests.globals, expect, jest, vi: jest };
    const learner: Record<string, unknown> = {
      ...refusingTestApi(),
      expect: createExpect(),
      jest: learnerJest,
      vi: learnerJest,
    };
    return {
      // Frozen after lockdown, which first tames Error.prototype (the library's errors inherit it).
      frozen: [chaiLibrary],
      globals: Object.fromEntries(TEST_GLOBALS.map((name) => [name, learner[name]])),
      testFile: {
        ...Object.fromEntries(TEST_GLOBALS.map((name) => [name, testFile[name]])),
        [MOCK_CALL_NAME]: callMock,
      },
      run: tests.run,
      isAssertion: (value) => value instanceof AssertionError,
    };
  });
}
