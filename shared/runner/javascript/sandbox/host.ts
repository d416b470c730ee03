/**
 * The narrow surface between the harness (inside QuickJS) and runJavaScript (outside). The host
 * functions are handed to `install()` as arguments and kept in closures; they are never put on
 * the sandbox's global object, so learner code cannot call `report` to forge a result.
 */

import type { RunnerErrorCode } from '../../codes.ts';

/** Names the `@jest/globals` (and `vitest`) module re-exports from the global object. */
export const TEST_GLOBALS = [
  'describe',
  'test',
  'it',
  'xdescribe',
  'xtest',
  'xit',
  'fdescribe',
  'fit',
  'beforeAll',
  'afterAll',
  'beforeEach',
  'afterEach',
  'expect',
  'jest',
  'vi',
] as const;

/**
 * The test file's way to clear, reset or restore its own mocks (sandbox/trusted-mocks.ts
 * `callMock`): a binding of the test file only, which its rewritten `.mockClear()` calls go
 * through (../test-file.ts).
 */
export const MOCK_CALL_NAME = '__lanternMockCall';

/** The temporary global the test API module reads once, before learner code exists (../test-file.ts). */
export const TEST_API_HANDOFF = '__lanternTestApi';

export interface SandboxHost {
  write(stream: 'stdout' | 'stderr', text: string): void;
  /** A line the learner typed, or null at end of input. */
  readLine(prompt: string): string | null;
  /** One JSON-encoded HarnessEvent. */
  report(json: string): void;
}

/** A thrown value described without trusting it (getters may throw, `message` may be a lie). */
export interface ThrownValue {
  name: string;
  message: string;
  stack: string;
  /** Both sides of an equality assertion, printed the way Jest prints them. */
  expected?: string;
  actual?: string;
  /** True when the value is the assertion library's own AssertionError. */
  assertion: boolean;
  /** Set by the host when Lantern, not the program, failed: the page words it. */
  code?: RunnerErrorCode;
  /**
   * For a failed matcher: what it checked, as a code and its parameters (shared/runner/codes.ts,
   * runner.testMessage), so the page words it instead of the library's English `message`.
   */
  check?: { code: string; params: Record<string, string> };
}

export type HarnessEvent =
  | { kind: 'test-start'; id: number; name: string }
  | { kind: 'test-end'; id: number; name: string; status: 'pass' | 'fail' | 'error'; error?: ThrownValue }
  | { kind: 'skipped'; count: number }
  | { kind: 'uncaught'; error: ThrownValue };

/** What the host calls inside the sandbox once the harness is installed. */
export interface HarnessControl {
  /** Runs every registered test in order; settles when the last one has reported. */
  runTests(): Promise<void>;
  /** Milliseconds until the next timer is due, or -1 when none is pending. */
  nextTimerDelay(): number;
  /** Runs the timers that are due; errors they throw are reported as `uncaught`. */
  runDueTimers(): void;
  /**
   * Reports the oldest promise rejection nothing has handled as `uncaught` (1), or does nothing
   * (0). The host calls it each time the job queue has drained.
   */
  reportUnhandled(): number;
  /** JSON-encoded ThrownValue for a value the host caught. */
  describe(value: unknown): string;
}
