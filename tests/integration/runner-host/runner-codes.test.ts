/**
 * Issue 16 point 2 for the runners: everything Lantern says about a run is a code with its
 * parameters (shared/runner/codes.ts), so the page words it in the interface language. Each
 * case here reaches its code the way it happens: a learner's program, a runner that cannot
 * start, a pool shut down. The English `message` beside the code stays for the log and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { SandboxPool } from '../../../electron/core/runner-host/index.ts';
import { RUNNER_ERROR_CODES, TEST_MESSAGE_CODES } from '../../../shared/runner/codes.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();

const LEAP = 'def leap_year(year):\n    return year % 4 == 0\n';

/** Every code in a result is one the catalogs word. */
function expectKnownCodes(result: RunResult): void {
  const errors = [result.error, ...result.tests.map((t) => t.error)];
  for (const e of errors) if (e?.code) expect(RUNNER_ERROR_CODES as readonly string[]).toContain(e.code);
  for (const t of result.tests) if (t.code) expect(TEST_MESSAGE_CODES as readonly string[]).toContain(t.code);
}

describe('a learner’s program, in the Node sandbox', () => {
  it('exit() is the code exit with what it was given', async () => {
    // A generous limit: the first run of a file may share the machine with others.
    const result = await sandbox.python('import sys\nsys.exit(3)\n', { timeLimitMs: 30_000 });
    expect(result.error).toMatchObject({ type: 'SystemExit', code: 'exit', params: { status: '3' } });
    expectKnownCodes(result);
  });

  it('raising KeyboardInterrupt itself is the code keyboardInterrupt', async () => {
    const result = await sandbox.python('raise KeyboardInterrupt\n', { timeLimitMs: 30_000 });
    expect(result.error).toMatchObject({ type: 'KeyboardInterrupt', code: 'keyboardInterrupt' });
  });

  it('data nested too deep to print is the code recursion', async () => {
    const result = await sandbox.python('a = []\nfor i in range(10 ** 6):\n    a = [a]\nprint(repr(a)[:5])');
    expect(result.error).toMatchObject({ type: 'RecursionError' });
    // Python's own RecursionError carries no code: its words are the language's.
    if (result.restarted) expect(result.error?.code).toBe('recursion');
  });

  it('Python’s own exceptions carry no code: their words are the language’s', async () => {
    const result = await sandbox.python('def f(n):\n    return f(n + 1)\nf(0)\n');
    expect(result.error?.type).toBe('RecursionError');
    expect(result.error?.code).toBeUndefined();
  });

  it('code that patches the testing tools is the code tampered', async () => {
    const result = await sandbox.pythonCheck(
      `${LEAP}import unittest\nunittest.TestCase.assertEqual = lambda *a, **k: None\n`,
      'import unittest\nfrom leap import leap_year\n\nclass T(unittest.TestCase):\n    def test_1900(self):\n        self.assertEqual(leap_year(1900), False)\n',
    );
    expect(result.error).toMatchObject({ type: 'HarnessTampering', code: 'tampered' });
    expect(result.error?.params).toBeUndefined();
  });

  it('a test that passes where it was expected to fail, and one skipped while it ran, say so by code', async () => {
    const result = await sandbox.pythonCheck(
      LEAP,
      'import unittest\nfrom leap import leap_year\n\nclass T(unittest.TestCase):\n    @unittest.expectedFailure\n    def test_a(self):\n        self.assertTrue(leap_year(2000))\n\n    def test_b(self):\n        self.skipTest("not today")\n',
    );
    const byName = Object.fromEntries(result.tests.map((t) => [t.name.split('.').at(-1), t]));
    expect(byName.test_a).toMatchObject({ status: 'fail', code: 'unexpectedSuccess' });
    expect(byName.test_b).toMatchObject({
      status: 'error',
      code: 'skipped',
      params: { reason: 'not today' },
    });
    expectKnownCodes(result);
  });

  it('JavaScript that recurses without end is the code recursion', async () => {
    const result = await sandbox.javascript('function f(n) { return f(n + 1); }\nf(0);\n');
    expect(result.error).toMatchObject({ type: 'RangeError', code: 'recursion' });
  });

  it('a JavaScript test that never settles is the test code neverSettled', async () => {
    const result = await sandbox.javascriptCheck(
      'export const x = 1;\n',
      "test('ok', () => expect(1).toBe(1));\ntest('hangs', () => new Promise(() => {}));\n",
    );
    expect(result.tests.find((t) => t.name === 'hangs')).toMatchObject({
      status: 'error',
      code: 'neverSettled',
    });
  });

  it('JavaScript whose top level never finishes loading is the code neverLoaded', async () => {
    const result = await sandbox.javascriptCheck(
      'await new Promise(() => {});\nexport const x = 1;\n',
      "import { x } from './leap';\ntest('x', () => expect(x).toBe(1));\n",
    );
    expect(result.error).toMatchObject({ code: 'neverLoaded' });
  });
});

describe('the sandbox itself', () => {
  it('a run over the host’s memory cap is the code memory with the cap', async () => {
    // A cap below what any child needs: the host's watch stops the first run.
    const pool = new SandboxPool({ memoryLimitMb: 1 });
    try {
      const result = await pool.run({
        mode: 'run',
        language: 'python',
        module: 'main',
        code: 'x = [0] * 10 ** 6\nwhile True:\n    x = x + [0]\n',
        timeLimitMs: 20_000,
      });
      expect(result.error).toMatchObject({ type: 'MemoryError', code: 'memory', params: { limitMb: '1' } });
      expect(result.restarted).toBe(true);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('a sandbox that cannot start is the code runnerUnavailable', async () => {
    const pool = new SandboxPool({ nodePath: '/nonexistent/node' });
    try {
      const result = await pool.run({ mode: 'run', language: 'python', module: 'main', code: 'print(1)' });
      expect(result.error).toMatchObject({ type: 'RunnerUnavailable', code: 'runnerUnavailable' });
      // The English reason stays for the log.
      expect(result.message).toMatch(/could not start/);
    } finally {
      await pool.close();
    }
  });

  it('a pool shut down is the code runnerClosed', async () => {
    const pool = new SandboxPool();
    await pool.close();
    const result = await pool.run({ mode: 'run', language: 'python', module: 'main', code: 'print(1)' });
    expect(result.error).toMatchObject({ type: 'RunnerClosed', code: 'runnerClosed' });
  });
});
