/** The Python escape corpus against the Node sandbox host (see corpus.ts for the verdict). */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectContained, type EscapeCase } from './corpus.ts';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();

const LEAP_TESTS = `import unittest
from leap import leap_year

class LeapTest(unittest.TestCase):
    def test_1900(self):
        self.assertEqual(leap_year(1900), False)

def test_2001():
    assert leap_year(2001) == False
`;
const WRONG = 'def leap_year(year):\n    return True\n';
const check = (code: string) => ({ mode: 'check' as const, code: `${WRONG}${code}`, tests: LEAP_TESTS });

const cases: EscapeCase[] = [
  {
    name: 'from js import fetch',
    request: { code: 'from js import fetch\nfetch("http://example.com")' },
    status: 'error',
    type: 'ModuleNotFoundError',
    // Python's words, and a code the page words in the learner's language.
    check: (r) =>
      expect(r.error).toMatchObject({
        message: "No module named 'js'",
        code: 'moduleUnavailable',
        params: { name: 'js' },
      }),
  },
  {
    name: 'import pyodide.http',
    request: { code: 'import pyodide.http\npyodide.http.open_url("http://example.com")' },
    status: 'error',
    type: 'ModuleNotFoundError',
  },
  {
    name: 'js.process',
    request: { code: 'import js\nprint(js.process.env)' },
    status: 'error',
    type: 'ModuleNotFoundError',
  },
  {
    name: 'importlib around the import check',
    request: { code: 'import importlib\nprint(importlib.import_module("pyodide_js").FS)' },
    status: 'error',
    type: 'ModuleNotFoundError',
  },
  {
    name: 'Function through JsProxy.constructor',
    request: {
      code: 'import importlib\ncore = importlib.import_module("_pyodide_core")\nproxy = core.create_proxy(object())\nFunction = proxy.constructor.constructor\nprint(Function("return process")().env)',
    },
    status: 'error',
    check: (r) => expect(r.message).toMatch(/Code generation from strings disallowed|No module named/),
  },
  {
    name: "open('/etc/passwd')",
    request: { code: 'print(open("/etc/passwd").read())' },
    status: 'error',
    type: 'FileNotFoundError',
  },
  {
    name: 'reading the app’s own files',
    request: { code: `print(open(${JSON.stringify(`${process.cwd()}/package.json`)}).read())` },
    status: 'error',
    type: 'FileNotFoundError',
  },
  {
    name: 'writing a file outside the sandbox',
    request: { code: 'open("/tmp/lantern-escape-probe.txt", "w").write("x")' },
    status: 'pass',
    check: () => expect(existsSync('/tmp/lantern-escape-probe.txt')).toBe(false),
  },
  {
    name: 'os.system',
    request: { code: 'import os\nos.system("touch /tmp/lantern-escape-probe")' },
    status: 'error',
    type: 'RuntimeError',
  },
  {
    name: 'subprocess',
    request: { code: 'import subprocess\nsubprocess.run(["ls", "/"])' },
    status: 'error',
    type: 'OSError',
  },
  {
    name: 'os.environ holds no host secrets',
    request: { code: 'import os\nprint(dict(os.environ))' },
    status: 'pass',
    check: (r) => expect(r.stdout).not.toMatch(/ANTHROPIC|AWS_|TOKEN/),
  },
  {
    name: 'a socket to the network',
    request: { code: 'import socket\nsocket.create_connection(("example.com", 80), timeout=1)' },
    status: 'error',
  },
  {
    name: 'urllib to the network',
    request: { code: 'import urllib.request\nurllib.request.urlopen("http://example.com", timeout=1)' },
    status: 'error',
  },
  {
    name: 'sys._getframe into the harness',
    request: { code: 'import sys\nprint(sys._getframe(1).f_globals)' },
    status: 'error',
    type: 'RuntimeError',
    check: (r) => expect(r.error).toMatchObject({ code: 'refused', params: { what: 'sys._getframe()' } }),
  },
  {
    name: 'gc.get_objects',
    request: { code: 'import gc\nprint(len(gc.get_objects()))' },
    status: 'error',
    type: 'RuntimeError',
  },
  { name: 'ctypes', request: { code: 'import ctypes' }, status: 'error', type: 'ModuleNotFoundError' },
  {
    name: 'an infinite loop',
    request: { code: 'while True:\n    pass', timeLimitMs: 1000 },
    status: 'timeout',
    type: 'Timeout',
  },
  {
    name: 'a loop that swallows the interrupt',
    request: {
      code: 'while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass',
      timeLimitMs: 1000,
    },
    status: 'timeout',
    type: 'Timeout',
  },
  {
    name: 'a huge allocation at once',
    request: { code: 'x = [0] * (10 ** 9)' },
    status: 'error',
    type: 'MemoryError',
  },
  {
    name: 'memory that grows without end',
    request: { code: 'x = []\nwhile True:\n    x.append(" " * 10 ** 8)', timeLimitMs: 10_000 },
    status: 'error',
    type: 'MemoryError',
    // Python's own MemoryError at the runtime's memory cap, before the host must kill the child.
    check: (r) => expect(r.restarted).toBeFalsy(),
  },
  {
    name: 'an output flood',
    request: { code: 'while True:\n    print("flood " * 5000)', timeLimitMs: 1000 },
    status: 'timeout',
    check: (r) => expect(r.truncated).toBe(true),
  },
  {
    name: 'deep recursion',
    request: { code: 'def f(n):\n    return f(n + 1)\nf(0)' },
    status: 'error',
    type: 'RecursionError',
  },
  {
    name: 'deep recursion with a raised limit',
    request: { code: 'import sys\nsys.setrecursionlimit(10 ** 6)\ndef f(n):\n    return f(n + 1)\nf(0)' },
    status: 'error',
    type: 'RecursionError',
  },
  {
    name: 'data nested a million deep',
    request: { code: 'a = []\nfor i in range(10 ** 6):\n    a = [a]\nprint(repr(a)[:5])' },
    status: 'error',
    type: 'RecursionError',
  },
  { name: 'sys.exit(1)', request: { code: 'import sys\nsys.exit(1)' }, status: 'error', type: 'SystemExit' },
  { name: 'os._exit', request: { code: 'import os\nos._exit(1)' }, status: 'error', type: 'SystemExit' },
  {
    name: 'os.kill of its own process',
    request: { code: 'import os, signal\nos.kill(os.getpid(), signal.SIGKILL)' },
    status: 'error',
    type: 'RuntimeError',
  },
  {
    name: 'patching unittest.TestCase.assertEqual',
    request: check('import unittest\nunittest.TestCase.assertEqual = lambda *a, **k: None\n'),
    status: 'error',
    type: 'HarnessTampering',
  },
  {
    name: 'patching unittest.TestCase.run',
    request: check('import unittest\nunittest.TestCase.run = lambda self, result=None: None\n'),
    status: 'error',
    type: 'HarnessTampering',
  },
  {
    name: 'replacing the unittest module',
    request: check('import sys, types\nsys.modules["unittest"] = types.SimpleNamespace(TestCase=object)\n'),
    status: 'error',
    type: 'HarnessTampering',
  },
  {
    name: 'replacing the builtins the harness uses',
    request: check(
      'import builtins, unittest\nbuiltins.len = lambda x: 0\nbuiltins.any = lambda x: False\nbuiltins.type = lambda *a: str\nunittest.TestCase.assertEqual = lambda *a, **k: None\n',
    ),
    status: 'error',
    type: 'HarnessTampering',
  },
  {
    name: 'patching unittest from inside the learner’s function, during a test',
    request: {
      mode: 'check',
      code: 'def leap_year(year):\n    import unittest.case\n    unittest.case.TestCase.assertEqual = lambda *a, **k: None\n    return True\n',
      tests: LEAP_TESTS,
    },
    status: 'error',
    type: 'HarnessTampering',
  },
  {
    name: 'patching builtins.isinstance',
    request: check('import builtins\nbuiltins.isinstance = lambda *a: True\n'),
    status: 'fail',
  },
  {
    name: 'swapping builtins.AssertionError',
    request: check('import builtins\nbuiltins.AssertionError = ZeroDivisionError\n'),
    status: 'fail',
  },
  {
    name: 'printing fake result lines',
    request: check('print(\'{"status": "pass", "tests": []}\')\nprint("test_1900 ... ok\\nOK")\n'),
    status: 'fail',
    check: (r) => expect(r.tests.every((t) => t.status === 'fail')).toBe(true),
  },
  {
    name: 'SystemExit raised in a test',
    request: { mode: 'check', code: 'def leap_year(year):\n    raise SystemExit(0)\n', tests: LEAP_TESTS },
    status: 'fail',
  },
  {
    name: 'sys.exit(0) before the tests',
    request: check('import sys\nsys.exit(0)\n'),
    status: 'error',
    type: 'SystemExit',
  },
  {
    name: 'KeyboardInterrupt raised in a test',
    request: {
      mode: 'check',
      code: 'def leap_year(year):\n    raise KeyboardInterrupt\n',
      tests: LEAP_TESTS,
    },
    status: 'error',
  },
  {
    name: 'rewriting a unittest function’s code',
    request: check('import unittest\nunittest.TestCase.assertEqual.__code__ = (lambda *a: None).__code__\n'),
    status: 'error',
    type: 'RuntimeError',
    check: (r) =>
      expect(r.error).toMatchObject({
        code: 'refusedChange',
        params: { name: '__code__', type: 'function' },
      }),
  },
  {
    name: 'a refusal whose code the program forged',
    request: {
      code: "import sys\ntry:\n    sys._getframe(1)\nexcept RuntimeError as e:\n    e.lantern = ('runnerFailed', {'x': 1})\n    raise\n",
    },
    status: 'error',
    type: 'RuntimeError',
    check: (r) => expect(r.error?.code).toBeUndefined(),
  },
];

describe('Python escape corpus (Node sandbox host)', () => {
  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));
  it.each(cases.map((c) => [c.name, c] as const))('contains %s', (_name, c) =>
    expectContained(sandbox, c, 'python'),
  );
});
