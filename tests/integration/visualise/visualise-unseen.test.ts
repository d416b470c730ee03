/**
 * Visualise (issue 14) as its users would try to break it, through the Node sandbox host that
 * the app uses (the same child processes, time limits and result check as Run): a hostile learner
 * reaching for the recorder, traps that would run while a value is read, floods, endless loops and
 * the runner's escape hatches; and a beginner's ordinary mistakes. Every case expects the trace to
 * stay truthful or to stop at a limit the learner is told about, and the next Visualise to work.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunRequest } from '../../../shared/runner/protocol.ts';
import { formatValue, type Trace, type TraceStep } from '../../../shared/runner/trace/format.ts';
import { useSandbox, type Ran } from '../runner-host/helpers.ts';

const sandbox = useSandbox();
// The machine may be shared: a case that ends at a step or size cap gets a time limit far past
// what it needs, so only the cases about the time limit meet it.
vi.setConfig({ testTimeout: 300_000 });

type Traced = Ran & { trace: Trace };

async function visualise(
  language: RunRequest['language'],
  code: string,
  extra: Partial<RunRequest> = {},
): Promise<Traced> {
  const result = await sandbox.run({
    mode: 'run',
    module: 'main',
    language,
    code,
    timeLimitMs: 30_000,
    trace: {},
    ...extra,
  });
  if (!result.trace) throw new Error(`no trace: ${JSON.stringify(result).slice(0, 2000)}`);
  return result as Traced;
}

async function visualiseTest(
  language: RunRequest['language'],
  code: string,
  tests: string,
  test: string,
): Promise<Traced> {
  return visualise(language, code, { mode: 'check', module: 'leap', tests, trace: { test } });
}

/** The value of `name` in the innermost frame that has it, printed as the view prints it. */
function value(step: TraceStep | undefined, name: string, language: Trace['language']): string | undefined {
  for (const frame of [...(step?.frames ?? [])].reverse()) {
    const found = frame.vars.find(([n]) => n === name);
    if (found) return formatValue(found[1], step!.heap, language);
  }
  return undefined;
}

const lastValue = (trace: Trace, name: string) => {
  for (const step of [...trace.steps].reverse()) {
    const v = value(step, name, trace.language);
    if (v !== undefined) return v;
  }
  return undefined;
};

// After every case, hostile or not, the next Visualise in the same pool works.
afterEach(async () => {
  const js = await visualise('javascript', 'let total = 0;\ntotal += 6;\n');
  expect(js.status).toBe('pass');
  expect(lastValue(js.trace, 'total')).toBe('6');
});

describe('a hostile learner, JavaScript', () => {
  it('cannot reach the recorder through a parenthesised direct eval of its name', async () => {
    const code = [
      'const source = (function probe() { return 1; }).toString();',
      'const found = /(\\$lt\\w+)\\.e\\(/.exec(source);',
      'let reached = "hidden";',
      'for (const call of [(n) => (eval)(n), (n) => ((eval))(n), (n) => eval(n), (n) => eval?.(n)]) {',
      '  try { const R = call(found[1]); if (R) { reached = "reached"; R.l(0, 0, () => ["faked"]); } } catch (e) {}',
      '}',
      'console.log(reached);',
    ].join('\n');
    const { stdout, trace, status } = await visualise('javascript', code);
    expect(status).toBe('pass');
    expect(stdout).toBe('hidden\n');
    expect(JSON.stringify(trace)).not.toContain('faked');
  });

  it('runs no trap of a Proxy while it reads the Proxy for a step', async () => {
    const code = [
      'const log = [];',
      'const handler = {',
      '  getPrototypeOf(t) { log.push("proto"); return Object.getPrototypeOf(t); },',
      '  ownKeys: (t) => (console.log("arrow trap"), Reflect.ownKeys(t)),',
      '  getOwnPropertyDescriptor(t, k) { console.log("trap ran"); return Reflect.getOwnPropertyDescriptor(t, k); },',
      '};',
      'const p = new Proxy({ a: 1 }, handler);',
      'let n = 1;',
      'n = 2;',
      'console.log(log.length);',
    ].join('\n');
    const { stdout, trace, status } = await visualise('javascript', code);
    expect(status).toBe('pass');
    expect(stdout).toBe('0\n');
    expect(lastValue(trace, 'n')).toBe('2');
  });

  it('calls no toString, valueOf, Symbol.toPrimitive, toJSON or getter of the program', async () => {
    const code = [
      'const spy = {',
      '  toString() { console.log("toString"); return "s"; },',
      '  valueOf() { console.log("valueOf"); return 1; },',
      '  [Symbol.toPrimitive]() { console.log("toPrimitive"); return 1; },',
      '  toJSON() { console.log("toJSON"); return 1; },',
      '  get boom() { throw new Error("getter ran"); },',
      '  get forever() { while (true) {} },',
      '};',
      'class Point { constructor() { this.x = 1; } get y() { console.log("y"); return 2; } }',
      'const map = new Map([[spy, spy]]);',
      'const set = new Set([spy]);',
      'const pt = new Point();',
      'const arr = [spy, pt];',
      'Object.defineProperty(arr, 5, { get() { console.log("index getter"); return 0; }, enumerable: true });',
      'let done = true;',
    ].join('\n');
    const { stdout, trace, status } = await visualise('javascript', code);
    expect(status).toBe('pass');
    expect(stdout).toBe('');
    expect(lastValue(trace, 'done')).toBe('true');
    expect(lastValue(trace, 'spy')).toContain('[Getter]');
  });

  it('refuses prototype pollution as Run does, and the recorder still reads values', async () => {
    const code = [
      'let polluted = "no";',
      'try { Object.prototype.heap = "x"; polluted = "yes"; } catch (e) { polluted = e.name; }',
      'try { Object.defineProperty(Object.prototype, "frames", { set() { console.log("setter"); } }); } catch (e) {}',
      'try { JSON.stringify = () => "{}"; } catch (e) {}',
      'try { globalThis.String = () => "fake"; } catch (e) {}',
      'const n = 42;',
    ].join('\n');
    const { stdout, trace, status } = await visualise('javascript', code);
    expect(status).toBe('pass');
    expect(stdout).toBe('');
    expect(lastValue(trace, 'polluted')).toBe('"TypeError"');
    expect(lastValue(trace, 'n')).toBe('42');
  });

  it('draws a cyclic array and a huge array cut with a marker', async () => {
    const code = [
      'const a = [1];',
      'a.push(a);',
      'const big = new Array(1000000).fill(7);',
      'const m = new Map();',
      'for (let i = 0; i < 100; i++) m.set(i, i);',
      'let list = null;',
      'for (let i = 0; i < 30; i++) list = { i, next: list };',
      'const done = 1;',
    ].join('\n');
    const { trace, status } = await visualise('javascript', code);
    expect(status).toBe('pass');
    expect(trace.stopped).toBeUndefined();
    const step = trace.steps.at(-1)!;
    expect(lastValue(trace, 'a')).toMatch(/^\[1, /);
    const big = step.frames[0]!.vars.find(([n]) => n === 'big')![1];
    expect('ref' in big && step.heap[big.ref]?.omitted).toBe(1000000 - 50);
  });

  it('reads a big typed array by its first items, not by listing every index each step', async () => {
    const code = 'const bytes = new Uint8Array(5000000);\nbytes[1] = 9;\nlet i = 0;\nwhile (i < 20) i++;\n';
    const { trace, status } = await visualise('javascript', code);
    expect(status).toBe('pass');
    expect(trace.stopped).toBeUndefined();
    expect(lastValue(trace, 'i')).toBe('20');
    const step = trace.steps.at(-1)!;
    const bytes = step.frames[0]!.vars.find(([n]) => n === 'bytes')![1];
    expect('ref' in bytes && step.heap[bytes.ref]).toMatchObject({
      type: 'Uint8Array',
      omitted: 5000000 - 50,
    });
    expect(lastValue(trace, 'bytes')).toMatch(/^\[0, 9, 0/);
  });

  // An object with 300,000 keys costs QuickJS ~0.4 s a step to list (Object.getOwnPropertyNames
  // and for-in both build every key), so it records a few dozen steps before the time limit.
  it.fails('records an object with 300,000 keys as fast as a short one', async () => {
    const code =
      'const o = Object.assign({}, "x".repeat(300000).split(""));\nlet i = 0;\nwhile (i < 200) i++;\n';
    const { trace, status } = await visualise('javascript', code, { timeLimitMs: 3000 });
    expect(status).toBe('pass');
    expect(lastValue(trace, 'i')).toBe('200');
  });

  it('stops deep recursion at a stated limit, not in a hang', async () => {
    const code =
      'function down(n) {\n  return n === 0 ? 0 : 1 + down(n - 1);\n}\nconsole.log(down(100000));\n';
    const { trace, status } = await visualise('javascript', code);
    expect(['pass', 'error']).toContain(status);
    expect(trace.stopped === 'steps' || trace.stopped === 'size' || status === 'error').toBe(true);
  });

  it('ends an endless loop at the step cap, even one that catches everything', async () => {
    for (const code of [
      'while (true) {}',
      'for (;;);',
      'let i = 0;\ndo { i++; } while (true);',
      'while (true) { try { for (;;) {} } catch (e) {} finally { continue; } }',
      'function* count() { let i = 0; while (true) yield i++; }\nfor (const n of count());',
    ]) {
      const { trace, status } = await visualise('javascript', code);
      expect(status, code).toBe('pass');
      expect(trace.stopped, code).toBe('steps');
      expect(trace.steps.length, code).toBe(1000);
    }
  });

  it('ends code made at run time (no steps) at the time limit, said as such', async () => {
    const result = await sandbox.run({
      mode: 'run',
      module: 'main',
      language: 'javascript',
      code: 'let a = 1;\nnew Function("while (true) {}")();\n',
      timeLimitMs: 1500,
      trace: {},
    });
    expect(result.status).toBe('timeout');
    // The sandbox's own limit keeps the steps before it; on a loaded machine the host's kill
    // (the limit plus a grace) can come first, and then only the message is left.
    if (result.trace) {
      expect(result.message).toMatch(/longer than 1500 ms/);
      expect(result.trace.steps.length).toBeGreaterThan(0);
    } else expect(result.message).toMatch(/still running after 1.5 s/);
  });

  it('cuts an output flood and counts the output so far within what is shown', async () => {
    const code =
      'console.log("x".repeat(10000000));\nlet after = 1;\nfor (let i = 0; i < 100000; i++) console.log(i);\n';
    const { trace, status, stdout, truncated } = await visualise('javascript', code);
    expect(status).toBe('pass');
    expect(truncated).toBe(true);
    expect(trace.stopped).toBe('steps');
    expect(stdout.length).toBeLessThan(2_000_000);
  });

  it('reaches no network, file or app from inside the visualiser', async () => {
    const code = [
      'const tries = [];',
      'for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "require", "process", "window", "document", "electron", "lantern"]) tries.push(name + ":" + typeof globalThis[name]);',
      'let imported = "no";',
      'import("fs").then(() => { imported = "yes"; }, (e) => { imported = e.name; console.log("import", imported); });',
      'console.log(tries.join(" "));',
    ].join('\n');
    const { stdout, status } = await visualise('javascript', code);
    expect(status).toBe('pass');
    expect(stdout).toContain('fetch:undefined');
    expect(stdout).toContain('require:undefined');
    expect(stdout).toContain('process:undefined');
    expect(stdout).not.toMatch(/:function|:object/);
  });

  it('steps through generators, async functions, labelled breaks and eval as Run runs them', async () => {
    const code = [
      'function* pairs() { yield [1, 2]; yield [3, 4]; }',
      'let sum = 0;',
      'outer: for (const [a, b] of pairs()) {',
      '  for (let j = 0; j < 5; j++) {',
      '    if (j === 1) continue outer;',
      '    sum += a + b;',
      '  }',
      '}',
      'async function later(x) { await null; return x * 2; }',
      'later(sum).then((v) => { sum = v; console.log("async", v); });',
      'const e = eval("1 + 2");',
      'label: { if (e === 3) break label; sum = -1; }',
      'console.log(sum, e);',
    ].join('\n');
    const plain = await sandbox.javascript(code);
    const { stdout, status, trace } = await visualise('javascript', code);
    expect(status).toBe('pass');
    expect(stdout).toBe(plain.stdout);
    expect(stdout).toBe('10 3\nasync 20\n');
    expect(lastValue(trace, 'sum')).toBe('20');
  });

  it('records nothing for a test that is not the one asked for, and nothing the tests fake', async () => {
    const code =
      'export function leap(y) {\n  if (y < 0) throw new RangeError("no negative years");\n  return y % 4 === 0;\n}\n';
    const tests = [
      "import { test, expect } from 'vitest';",
      "import { leap } from './leap.js';",
      "test('a leap year', () => { expect(leap(2024)).toBe(true); });",
      "test('a negative year', () => { expect(leap(-4)).toBe(true); });",
    ].join('\n');
    const result = await visualiseTest('javascript', code, tests, 'a negative year');
    expect(result.status).toBe('error');
    expect(result.trace.test).toBe('a negative year');
    const thrown = result.trace.steps.find((s) => s.event === 'exception');
    expect(thrown?.exception?.type).toBe('RangeError');
    expect(thrown?.line).toBe(2);
    expect(result.trace.steps.every((s) => value(s, 'y', 'javascript') !== '2024')).toBe(true);
  });
});

describe('a hostile learner, TypeScript', () => {
  it('steps through enums, classes with private fields and generics', async () => {
    const code = [
      'enum Colour { Red, Green }',
      'class Box<T> {',
      '  #secret = 1;',
      '  constructor(public item: T) {}',
      '  get peek(): T { console.log("peek"); return this.item; }',
      '}',
      'const box: Box<string> = new Box<string>("雨");',
      'const c: Colour = Colour.Green;',
      'let 总数: number = 0;',
      'for (const ch of ["一", "二"]) 总数 += ch.length;',
      'console.log(总数, c);',
    ].join('\n');
    const { stdout, status, trace } = await visualise('typescript', code);
    expect(status).toBe('pass');
    expect(stdout).toBe('2 1\n');
    expect(lastValue(trace, '总数')).toBe('2');
    expect(lastValue(trace, 'box')).toContain('"雨"');
  });

  it('reports a TypeScript syntax error on its line, with no steps', async () => {
    const { status, error, trace } = await visualise('typescript', 'let x: number = 1;\nlet y = (x +;\n');
    expect(status).toBe('error');
    expect(error?.line).toBe(2);
    expect(trace.steps).toEqual([]);
  });
});

describe('a hostile learner, Python', () => {
  it('cannot switch the recorder off through sys.monitoring, even from a tested module', async () => {
    const plain = await visualise(
      'python',
      'import sys\ntry:\n    sys.monitoring.set_events(3, 0)\n    print("off")\nexcept Exception as e:\n    print(type(e).__name__)\nwhile True:\n    pass\n',
    );
    expect(plain.stdout).not.toContain('off');
    expect(plain.trace.stopped).toBe('steps');
    const code = [
      'import sys',
      'M = sys.monitoring',
      'def leap_year(y):',
      '    try:',
      '        for tool in range(6):',
      '            M.set_events(tool, 0)',
      '            M.free_tool_id(tool)',
      '    except Exception:',
      '        pass',
      '    while True:',
      '        y += 1',
    ].join('\n');
    const tests = [
      'import unittest',
      'from leap import leap_year',
      'class T(unittest.TestCase):',
      '    def test_loop(self):',
      '        self.assertTrue(leap_year(2024))',
    ].join('\n');
    const result = await visualiseTest('python', code, tests, 'T.test_loop');
    expect(result.status).not.toBe('timeout');
    expect(result.trace.stopped).toBe('steps');
  });

  it('calls no __repr__, __eq__, __hash__, __getattr__ or __len__ of the program', async () => {
    const code = [
      'class Trap:',
      '    def __repr__(self):',
      '        print("repr")',
      '        return "T"',
      '    def __eq__(self, other):',
      '        print("eq")',
      '        return True',
      '    def __hash__(self):',
      '        print("hash")',
      '        return 1',
      '    def __getattr__(self, name):',
      '        print("getattr", name)',
      '        return 1',
      '    def __len__(self):',
      '        raise RuntimeError("len")',
      '    @property',
      '    def __dict__(self):',
      '        print("dict")',
      '        return {}',
      'class Lying(list):',
      '    def __iter__(self):',
      '        print("iter")',
      '        return iter([])',
      '    def __getitem__(self, i):',
      '        print("getitem")',
      '        return 0',
      't = Trap()',
      'l = Lying([1, 2])',
      'd = {}',
      'd[1] = l',
      'done = 1',
    ].join('\n');
    const { stdout, status, trace } = await visualise('python', code);
    expect(status).toBe('pass');
    expect(stdout).toBe('');
    expect(lastValue(trace, 'l')).toContain('1, 2');
  });

  it('draws the attributes of a class with __slots__, calling none of its code', async () => {
    const code = [
      'from dataclasses import dataclass',
      '@dataclass(slots=True)',
      'class Point:',
      '    x: int',
      '    y: int',
      'class Slotted:',
      '    __slots__ = ("a", "b")',
      '    def __getattribute__(self, name):',
      '        print("getattribute")',
      '        return object.__getattribute__(self, name)',
      'p = Point(1, 2)',
      's = Slotted()',
      'object.__setattr__(s, "a", [1])',
      'n = 1',
    ].join('\n');
    const { status, stdout, trace } = await visualise('python', code);
    expect(status).toBe('pass');
    expect(stdout).toBe('');
    expect(lastValue(trace, 'p')).toMatch(/x.*1.*y.*2/);
    expect(lastValue(trace, 's')).toMatch(/a.*\[1\]/);
  });

  it('draws cyclic lists, huge ints and strings cut, and survives the recursion limit', async () => {
    const code = [
      'a = [1]',
      'a.append(a)',
      'big = 10 ** 5000',
      'huge = 7 ** 100',
      's = "长" * 100000',
      'def down(n):',
      '    return down(n + 1)',
      'try:',
      '    down(0)',
      'except RecursionError:',
      '    print("deep")',
    ].join('\n');
    const { status, trace } = await visualise('python', code);
    expect(status).toBe('pass');
    expect(['steps', 'size']).toContain(trace.stopped);
    expect(lastValue(trace, 'big')).toMatch(/too big/);
    const s = trace.steps.at(-1)!.frames[0]!.vars.find(([n]) => n === 's')![1];
    expect('cut' in s && s.cut).toBe(true);
  });

  it('stops at the size cap, not in a MemoryError, when every big list would be kept', async () => {
    const code = 'for i in range(300):\n    x = [0] * 1000000\nprint("done")\n';
    const { status, trace } = await visualise('python', code);
    expect(status).toBe('pass');
    expect(trace.stopped).toBe('size');
    expect(trace.steps.length).toBeGreaterThan(10);
  });

  it('keeps the output so far truthful when the program reaches the counter', async () => {
    const code = [
      'import sys',
      'try:',
      '    sys.stdout.write.__globals__["count"][0] = 10 ** 30',
      'except Exception as e:',
      '    print(type(e).__name__)',
      'print("hi")',
      'x = 1',
    ].join('\n');
    const { status, trace, stdout } = await visualise('python', code);
    expect(status).toBe('pass');
    for (const step of trace.steps) expect(step.out).toBeLessThanOrEqual(stdout.length);
  });

  it('ends endless loops at the cap, including one that catches the cap, and C loops at the time limit', async () => {
    for (const code of [
      'while True: pass',
      'while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass',
      'total = sum(1 for _ in iter(int, 1))',
    ]) {
      const { status, trace } = await visualise('python', code);
      expect(status, code).toBe('pass');
      expect(trace.stopped, code).toBe('steps');
    }
    // Code made at run time is not recorded: it ends at the time limit, with the steps before it.
    const made = await sandbox.run({
      mode: 'run',
      module: 'main',
      language: 'python',
      code: 'x = 1\nexec("while True:\\n    pass")\n',
      timeLimitMs: 1500,
      trace: {},
    });
    expect(made.status).toBe('timeout');
    if (made.trace) expect(made.trace.steps.length).toBeGreaterThan(0);
    // A loop inside C never reaches the interpreter's interrupt: the runner is replaced at the
    // time limit, as Run's is, and the learner is told so (the steps recorded are lost with it).
    const c = await sandbox.run({
      mode: 'run',
      module: 'main',
      language: 'python',
      code: 'import collections, itertools\nx = 1\ncollections.deque(itertools.count(), maxlen=0)\n',
      timeLimitMs: 1500,
      trace: {},
    });
    expect(c.status).toBe('timeout');
    expect(c.message).toMatch(/still running after 1.5 s/);
  });

  it('reaches no network, file outside the sandbox or the JavaScript bridge', async () => {
    const code = [
      'results = []',
      'for name in ["js", "pyodide", "pyodide_js", "ctypes"]:',
      '    try:',
      '        __import__(name)',
      '        results.append(name + ":yes")',
      '    except Exception as e:',
      '        results.append(name + ":no")',
      'try:',
      '    import urllib.request',
      '    urllib.request.urlopen("http://example.com", timeout=1)',
      '    results.append("net:yes")',
      'except Exception:',
      '    results.append("net:no")',
      'print(" ".join(results))',
    ].join('\n');
    const { stdout, status } = await visualise('python', code);
    expect(status).toBe('pass');
    expect(stdout).not.toContain(':yes');
  });
});

describe('the same program, run and visualised, prints the same', () => {
  // 30 JavaScript and 20 Python programs were run both ways (generators, async, timers, labels,
  // classes with private fields, destructuring, ASI, comprehensions, asyncio, files, metaclasses,
  // inspect, locals()): Python printed the same every time, JavaScript differed in these three.
  const same = async (code: string) => {
    const run = await sandbox.javascript(code);
    const vis = await visualise('javascript', code);
    expect(vis.status).toBe(run.status);
    expect(vis.stdout).toBe(run.stdout);
  };
  // Direct eval is made indirect so that the code it runs cannot name the recorder: it then
  // cannot see the function's locals either, and throws ReferenceError where Run prints 2.
  it.fails('a direct eval that reads a local', () =>
    same('function f() { const a = 1; return eval("a + 1"); }\nconsole.log(f());\n'),
  );
  // A function's source text is the instrumented one, recorder calls and all (and it shows the
  // per-run name that the parenthesised-eval fix had to close). Putting it right needs the
  // original text per function behind Function.prototype.toString, before the lockdown.
  it.fails('printing a function', () => same('console.log(String(function add(a, b) { return a + b; }));\n'));
  // Columns in a stack trace are the instrumented file's (lines are kept).
  it.fails('an error stack', () =>
    same('const e = new Error("x");\nconsole.log(e.stack ? e.stack.split("\\n")[0] : "none");\n'),
  );
  it('timers, microtasks, a generator closed early and a rejected promise', () =>
    same(
      [
        'setTimeout(() => console.log("timer"), 0);',
        'queueMicrotask(() => console.log("micro"));',
        'const gen = (function* () { try { yield 1; yield 2; } finally { console.log("closed"); } })();',
        'for (const v of gen) { console.log(v); break; }',
        'async function a() { throw new Error("boom"); }',
        'a().catch((e) => console.log("caught", e.message));',
        'let b = 1',
        '++b',
        'console.log("main", b)',
      ].join('\n'),
    ));
});

describe('names as long as the program makes them', () => {
  const long = (c: string) => c.repeat(2000);
  it.each([
    ['javascript', `const counts = {};\ncounts["${long('k')}"] = 1;\nlet n = 1;\n`],
    [
      'javascript',
      'class C {}\nObject.defineProperty(C, "name", { value: "T".repeat(2000) });\nconst c = new C();\nlet n = 1;\n',
    ],
    [
      'javascript',
      'class E extends Error {}\nconst e = new E("m");\nObject.defineProperty(e, "name", { value: "N".repeat(3000) });\ntry { throw e; } catch (x) {}\nlet n = 1;\n',
    ],
    [
      'javascript',
      `let ${long('v')} = 1;\nconst big = 10n ** 5000n;\nconst s = Symbol("d".repeat(5000));\nlet n = 1;\n`,
    ],
    ['typescript', `function ${long('f')}(): number { return 1; }\n${long('f')}();\nlet n: number = 1;\n`],
    ['python', 'class O: pass\no = O()\nsetattr(o, "a" * 2000, 1)\nn = 1\n'],
    ['python', 'T = type("T" * 2000, (), {})\nt = T()\nn = 1\n'],
    ['python', `${long('v')} = 1\nglobals()["g" * 2000] = 1\nn = 1\n`],
    [
      'python',
      'E = type("E" * 2000, (Exception,), {})\ntry:\n    raise E("m")\nexcept Exception:\n    pass\nn = 1\n',
    ],
    ['python', `def ${long('f')}():\n    return 1\n${long('f')}()\nn = 1\n`],
  ] as const)('%s: a 2,000-character name is cut, not the whole trace refused', async (language, code) => {
    const { status, trace } = await visualise(language, code);
    expect(status).toBe('pass');
    expect(lastValue(trace, 'n')).toBe('1');
    expect(JSON.stringify(trace)).toContain('…');
  });
});

describe('a beginner', () => {
  it.each(['python', 'javascript'] as const)(
    '%s: a syntax error is reported with its line and no steps',
    async (language) => {
      const code =
        language === 'python'
          ? 'x = 1\nif x > 0\n    print(x)\n'
          : 'let x = 1;\nif (x > 0 {\n  console.log(x);\n}\n';
      const { status, error, trace } = await visualise(language, code);
      expect(status).toBe('error');
      expect(error?.line).toBe(2);
      expect(trace.steps).toEqual([]);
    },
  );

  it.each(['python', 'javascript'] as const)(
    '%s: input() with the lines given, and without',
    async (language) => {
      const code =
        language === 'python'
          ? 'name = input("Name? ")\nprint("Hi", name)\n'
          : 'const name = prompt("Name? ");\nconsole.log("Hi", name);\n';
      const given = await visualise(language, code, { stdin: ['雨'] });
      expect(given.status).toBe('pass');
      expect(given.stdout).toContain('Hi 雨');
      expect(lastValue(given.trace, 'name')).toMatch(/雨/);
      const none = await visualise(language, code);
      expect(none.trace.steps.length).toBeGreaterThan(0);
      if (language === 'python') {
        expect(none.status).toBe('error');
        expect(none.trace.steps.at(-1)?.event).toBe('exception');
      }
    },
  );

  it.each(['python', 'javascript'] as const)(
    '%s: a program that prints nothing, with a very long line',
    async (language) => {
      const long = 'x'.repeat(20000);
      const code =
        language === 'python' ? `s = "${long}"\nn = len(s)\n` : `const s = "${long}";\nconst n = s.length;\n`;
      const { status, stdout, trace } = await visualise(language, code);
      expect(status).toBe('pass');
      expect(stdout).toBe('');
      expect(lastValue(trace, 'n')).toBe('20000');
      expect(trace.steps.every((s) => s.out === 0)).toBe(true);
    },
  );

  it.each(['python', 'javascript'] as const)(
    '%s: closures and classes with Chinese names',
    async (language) => {
      const code =
        language === 'python'
          ? 'def 计数器():\n    次数 = 0\n    def 加一():\n        nonlocal 次数\n        次数 += 1\n        return 次数\n    return 加一\n\nclass 猫:\n    def __init__(self, 名字):\n        self.名字 = 名字\n\nf = 计数器()\nf()\n结果 = f()\n咪 = 猫("小花")\n'
          : 'function 计数器() {\n  let 次数 = 0;\n  return () => ++次数;\n}\nclass 猫 {\n  constructor(名字) { this.名字 = 名字; }\n}\nconst f = 计数器();\nf();\nconst 结果 = f();\nconst 咪 = new 猫("小花");\n';
      const { status, trace } = await visualise(language, code);
      expect(status).toBe('pass');
      expect(lastValue(trace, '结果')).toBe('2');
      expect(lastValue(trace, '咪')).toContain('小花');
    },
  );

  it.each(['python', 'javascript'] as const)('%s: a generator yields on its own line', async (language) => {
    const code =
      language === 'python'
        ? 'def countdown(n):\n    while n > 0:\n        yield n\n        n -= 1\n\nfor v in countdown(2):\n    print(v)\n'
        : 'function* countdown(n) {\n  while (n > 0) {\n    yield n;\n    n -= 1;\n  }\n}\nfor (const v of countdown(2)) {\n  console.log(v);\n}\n';
    const { status, trace } = await visualise(language, code);
    expect(status).toBe('pass');
    const lines = code.split('\n').length;
    for (const step of trace.steps) expect(step.line).toBeLessThanOrEqual(lines);
    const yields = trace.steps.filter((s) => s.yielded);
    expect(yields.map((s) => s.line)).toEqual([3, 3]);
  });

  it('python: Visualise this test on a test whose call raises', async () => {
    const code =
      'def leap_year(y):\n    if y < 0:\n        raise ValueError("no negative years")\n    return y % 4 == 0\n';
    const tests = [
      'import unittest',
      'from leap import leap_year',
      'class T(unittest.TestCase):',
      '    def test_ok(self):',
      '        self.assertTrue(leap_year(2024))',
      '    def test_negative(self):',
      '        self.assertTrue(leap_year(-4))',
    ].join('\n');
    const result = await visualiseTest('python', code, tests, 'T.test_negative');
    expect(result.status).toBe('error');
    expect(result.trace.test).toBe('T.test_negative');
    const thrown = result.trace.steps.find((s) => s.event === 'exception');
    expect(thrown?.exception?.type).toBe('ValueError');
    expect(thrown?.line).toBe(3);
  });
});
