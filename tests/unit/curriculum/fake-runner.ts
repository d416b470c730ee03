/**
 * A stand-in for the sandbox: it does not run code, it answers from the rules a test gives it,
 * and records every request so a test can see what was run.
 */
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';

export interface FakeRules {
  /** check mode: which tests fail for this code (none = all pass). */
  failing?: (request: RunRequest) => string[];
  /** run mode: what the code prints. */
  prints?: (request: RunRequest) => string;
}

export function fakeRunner(rules: FakeRules) {
  const requests: RunRequest[] = [];
  const runner = async (request: RunRequest): Promise<RunResult> => {
    requests.push(request);
    const base = { stderr: '', truncated: false, durationMs: 1 };
    if (request.mode === 'run')
      return { ...base, status: 'pass', stdout: rules.prints?.(request) ?? '', tests: [] };
    const failing = rules.failing?.(request) ?? [];
    const names = ['test_one', 'test_two', ...failing.filter((n) => n !== 'test_one' && n !== 'test_two')];
    const tests = names.map((name) =>
      failing.includes(name)
        ? { name, status: 'fail' as const, message: 'AssertionError: 1 != 2' }
        : { name, status: 'pass' as const },
    );
    return { ...base, status: failing.length ? 'fail' : 'pass', stdout: '', tests };
  };
  return { runner, requests };
}

/** Solutions pass, starters fail one test, predict steps print what their expectedOutput says. */
export function honestRunner(expected: Map<string, string>) {
  return fakeRunner({
    failing: (request) => (/\bpass\b|throw new Error|return text;/.test(request.code) ? ['test_one'] : []),
    prints: (request) => expected.get(request.code) ?? '',
  });
}
