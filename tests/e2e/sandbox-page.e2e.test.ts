/**
 * The page of the desktop app's hidden sandbox window (renderer/sandbox/main.ts), in real
 * Chromium: the Electron binary cannot run here, so the bridge its preload would give
 * (`window.lanternSandbox`) is stood in for by an init script, and requests go in as the main
 * process would send them (electron/main/browser-sandbox.ts is tested with fakes in
 * tests/unit/foundation). What runs is the real page, the real workers and runtimes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { useSandboxStand } from './sandbox-stand.ts';

const { run } = useSandboxStand();

const LEAP_TESTS = `import unittest
from leap import leap_year

class LeapTest(unittest.TestCase):
    def test_2000(self):
        self.assertEqual(leap_year(2000), True)

    def test_1900(self):
        self.assertEqual(leap_year(1900), False)
`;

describe('the desktop app’s sandbox page in Chromium', () => {
  test('checks Python against its tests, with expected and actual for a failure', async () => {
    const failing = await run({
      mode: 'check',
      language: 'python',
      module: 'leap',
      code: 'def leap_year(y):\n    return y % 4 == 0\n',
      tests: LEAP_TESTS,
    });
    expect(failing.status).toBe('fail');
    expect(failing.tests.find((t) => t.status === 'fail')).toMatchObject({
      expected: 'False',
      actual: 'True',
    });
    const passing = await run({
      mode: 'check',
      language: 'python',
      module: 'leap',
      code: 'def leap_year(y):\n    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)\n',
      tests: LEAP_TESTS,
    });
    expect(passing.status).toBe('pass');
  });

  test('answers input() from the request’s stdin, and runs JavaScript', async () => {
    const python = await run({
      mode: 'run',
      language: 'python',
      module: 'main',
      code: 'name = input("Name? ")\nprint("hi", name)\n',
      stdin: ['Ada'],
    });
    expect(python.stdout).toContain('hi Ada');
    const js = await run({
      mode: 'run',
      language: 'javascript',
      module: 'main',
      code: 'console.log(6 * 7);',
    });
    expect(js).toMatchObject({ status: 'pass', stdout: '42\n' });
  });

  test('runs requests sent together one after another, each with its own result', async () => {
    const results = await Promise.all(
      [0, 1, 2].map((i) =>
        run({ mode: 'run', language: 'python', module: 'main', code: `print(${i} * 10)` }),
      ),
    );
    const outputs = results.map((result) => result.stdout);
    expect(outputs).toEqual(['0\n', '10\n', '20\n']);
  });

  test('a real request to a listening server never arrives, from Python or JavaScript', async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const python = await run({
        mode: 'run',
        language: 'python',
        module: 'main',
        code: `import urllib.request\nprint(urllib.request.urlopen(${JSON.stringify(url)}).read())\n`,
      });
      expect(python.status).toBe('error');
      const js = await run({
        mode: 'run',
        language: 'javascript',
        module: 'main',
        code: `const r = typeof fetch === 'function' ? await fetch(${JSON.stringify(url)}) : null;\nconsole.log(r ? await r.text() : 'no fetch');`,
      });
      expect(js.stdout).not.toContain('reached');
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  test('a runaway loop times out, the network is out of reach, and the next run works', async () => {
    const loop = await run({
      mode: 'run',
      language: 'python',
      module: 'main',
      code: 'while True:\n    pass\n',
      timeLimitMs: 500,
    });
    expect(loop.status).toBe('timeout');
    const escape = await run({
      mode: 'run',
      language: 'python',
      module: 'main',
      code: 'from js import fetch\nprint(fetch)\n',
    });
    expect(escape.status).toBe('error');
    expect(escape.stdout).not.toContain('function');
    const jsEscape = await run({
      mode: 'run',
      language: 'javascript',
      module: 'main',
      code: "console.log(typeof fetch, typeof XMLHttpRequest, typeof globalThis.constructor.constructor('return this')().postMessage);",
    });
    expect(jsEscape.stdout).toBe('undefined undefined undefined\n');
    const after = await run({ mode: 'run', language: 'python', module: 'main', code: 'print("still here")' });
    expect(after).toMatchObject({ status: 'pass', stdout: 'still here\n' });
  });
});
