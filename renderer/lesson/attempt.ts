import type { RunResult } from '../../shared/runner/protocol.ts';

/** The test counts an attempt is recorded with. */
export function testCounts(result: Pick<RunResult, 'tests'>): { testsPassed: number; testsTotal: number } {
  return {
    testsPassed: result.tests.filter((test) => test.status === 'pass').length,
    testsTotal: result.tests.length,
  };
}
