/**
 * One warm sandbox pool per test file (starting Pyodide takes seconds, so every test in a file
 * shares it), and small wrappers so each test reads as "run this code, see this result".
 */
import { afterAll, beforeAll } from 'vitest';
import { SandboxPool } from '../../../electron/core/runner-host/index.ts';
import { makePythonSnapshotFile } from '../../../electron/core/runner-host/python-snapshot.ts';
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';

export interface Ran extends RunResult {
  /** What reached the console while the code ran, in order. */
  streamed: string;
}

export interface Sandbox {
  run(request: RunRequest): Promise<Ran>;
  python(code: string, extra?: Partial<RunRequest>): Promise<Ran>;
  pythonCheck(code: string, tests: string, extra?: Partial<RunRequest>): Promise<Ran>;
  javascript(code: string, extra?: Partial<RunRequest>): Promise<Ran>;
  javascriptCheck(code: string, tests: string, extra?: Partial<RunRequest>): Promise<Ran>;
}

/**
 * Registers beforeAll/afterAll hooks that warm and close one pool for the calling file. The
 * host's Python snapshot is made first, so the tests run against a restored interpreter, as the
 * app's runners do (python-snapshot.test.ts covers a normal start).
 */
export function useSandbox(): Sandbox {
  const pool = new SandboxPool({ size: 1 });
  beforeAll(async () => {
    await makePythonSnapshotFile(process.execPath);
    await pool.warm();
  }, 120_000);
  afterAll(() => pool.close());
  const run = async (request: RunRequest): Promise<Ran> => {
    let streamed = '';
    const result = await pool.run(request, { onOutput: (_stream, text) => (streamed += text) });
    return { ...result, streamed };
  };
  const base = { mode: 'run', module: 'main', timeLimitMs: 5000 } as const;
  return {
    run,
    python: (code, extra = {}) => run({ ...base, language: 'python', code, ...extra }),
    pythonCheck: (code, tests, extra = {}) =>
      run({ ...base, mode: 'check', module: 'leap', language: 'python', code, tests, ...extra }),
    javascript: (code, extra = {}) => run({ ...base, language: 'javascript', code, ...extra }),
    javascriptCheck: (code, tests, extra = {}) =>
      run({ ...base, mode: 'check', module: 'leap', language: 'javascript', code, tests, ...extra }),
  };
}

export function statuses(result: RunResult): Record<string, string> {
  return Object.fromEntries(result.tests.map((test) => [test.name, test.status]));
}
