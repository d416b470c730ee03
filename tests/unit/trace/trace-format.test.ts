/**
 * The visualiser's trace (shared/runner/trace/) on the programs that make beginners reach for
 * Python Tutor: two names for one list, recursion, exceptions, closures and generators, plus the
 * caps, in Python (recorded inside Pyodide) and JavaScript/TypeScript (instrumented for QuickJS).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeStep,
  markedStep,
  valueAt,
  TRACE_MAX_STEPS,
  TRACE_MAX_ITEMS,
} from '../../../shared/runner/trace/format.ts';
import { ref, value, visualise, warmPython } from './helpers.ts';

beforeAll(() => warmPython(), 300_000);

describe.each(['python', 'javascript'] as const)('%s trace', (language) => {
  const py = language === 'python';

  it('draws two names for one list as one heap object, and both see an append', async () => {
    const code = py
      ? 'a = [1, 2]\nb = a\nb.append(3)\nc = [1, 2, 3]\n'
      : 'const a = [1, 2];\nconst b = a;\nb.push(3);\nconst c = [1, 2, 3];\n';
    const { trace, status } = await visualise(language, code);
    expect(status).toBe('pass');
    const last = trace.steps[trace.steps.length - 1]!;
    expect(ref(last, 'a')).toBeDefined();
    expect(ref(last, 'a')).toBe(ref(last, 'b'));
    expect(ref(last, 'c')).not.toBe(ref(last, 'a'));
    expect(value(last, 'a', language)).toBe('[1, 2, 3]');
    // The step after the append says what changed.
    const afterAppend = trace.steps.findIndex((s) => s.line === 4 && s.event === 'line');
    expect(describeStep(trace, afterAppend)).toMatchObject({ key: 'mutated' });
    // The list's id is the same at every step it appears in.
    const ids = new Set(trace.steps.map((s) => ref(s, 'a')).filter((id) => id !== undefined));
    expect(ids.size).toBe(1);
  });

  it('gives each recursive call a frame of its own and returns through them', async () => {
    const code = py
      ? 'def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n\nresult = fact(3)\n'
      : 'function fact(n) {\n  if (n <= 1) {\n    return 1;\n  }\n  return n * fact(n - 1);\n}\nconst result = fact(3);\n';
    const { trace } = await visualise(language, code);
    const deepest = trace.steps.reduce(
      (a, s) => Math.max(a, s.frames.filter((f) => f.name === 'fact').length),
      0,
    );
    expect(deepest).toBe(3);
    const atDeepest = trace.steps.find((s) => s.frames.length === 4)!;
    expect(atDeepest.frames.map((f) => value({ ...atDeepest, frames: [f] }, 'n', language))).toEqual([
      undefined,
      '3',
      '2',
      '1',
    ]);
    expect(new Set(atDeepest.frames.map((f) => f.id)).size).toBe(4);
    const returns = trace.steps.filter((s) => s.event === 'return' && s.frames.at(-1)?.name === 'fact');
    expect(returns.map((s) => (s.returned && 'repr' in s.returned ? s.returned.repr : '?'))).toEqual([
      '1',
      '2',
      '6',
    ]);
    expect(value(trace.steps.at(-1)!, 'result', language)).toBe('6');
    expect(trace.steps.filter((s) => s.event === 'call')).toHaveLength(3);
  });

  it('records an exception where it is raised, caught or not', async () => {
    const code = py
      ? 'def check(x):\n    if x < 0:\n        raise ValueError("negative")\n    return x\n\ntry:\n    check(-1)\nexcept ValueError:\n    ok = False\ncheck(-2)\n'
      : 'function check(x) {\n  if (x < 0) {\n    throw new RangeError("negative");\n  }\n  return x;\n}\nlet ok = true;\ntry {\n  check(-1);\n} catch (e) {\n  ok = false;\n}\ncheck(-2);\n';
    const result = await visualise(language, code);
    expect(result.status).toBe('error');
    const raised = result.trace.steps.filter((s) => s.event === 'exception');
    expect(raised.length).toBeGreaterThanOrEqual(2);
    expect(raised[0]!.exception).toEqual({ type: py ? 'ValueError' : 'RangeError', message: 'negative' });
    expect(raised[0]!.line).toBe(3);
    expect(value(result.trace.steps.at(-1)!, 'ok', language)).toBe(py ? 'False' : 'false');
    expect(result.trace.steps.at(-1)!.event).toBe('exception');
    expect(describeStep(result.trace, result.trace.steps.length - 1).key).toBe('exception');
  });

  it('shows a closure counting in its own frame each call', async () => {
    const code = py
      ? 'def counter():\n    count = 0\n    def step():\n        nonlocal count\n        count += 1\n        return count\n    return step\n\ntick = counter()\ntick()\nlast = tick()\n'
      : 'function counter() {\n  let count = 0;\n  return function step() {\n    count += 1;\n    return count;\n  };\n}\nconst tick = counter();\ntick();\nconst last = tick();\n';
    const { trace } = await visualise(language, code);
    const steps = trace.steps.filter((s) => s.event === 'return' && s.frames.at(-1)?.name === 'step');
    expect(steps.map((s) => (s.returned && 'repr' in s.returned ? s.returned.repr : '?'))).toEqual([
      '1',
      '2',
    ]);
    expect(value(trace.steps.at(-1)!, 'last', language)).toBe('2');
    const tick = trace.steps.at(-1)!;
    const fn = tick.heap[String(ref(tick, 'tick'))];
    expect(fn?.kind).toBe('function');
    expect(fn?.label).toMatch(/^step\(/);
  });

  it('leaves a generator frame at each yield and comes back to it', async () => {
    const code = py
      ? 'def evens(n):\n    for i in range(n):\n        if i % 2 == 0:\n            yield i\n\ntotal = 0\nfor e in evens(5):\n    total += e\n'
      : 'function* evens(n) {\n  for (let i = 0; i < n; i++) {\n    if (i % 2 === 0) {\n      yield i;\n    }\n  }\n}\nlet total = 0;\nfor (const e of evens(5)) {\n  total += e;\n}\n';
    const { trace } = await visualise(language, code);
    const yields = trace.steps.filter((s) => s.yielded);
    expect(yields.map((s) => (s.returned && 'repr' in s.returned ? s.returned.repr : '?'))).toEqual([
      '0',
      '2',
      '4',
    ]);
    // While the loop body adds, the generator is suspended: not on the stack.
    const adding = trace.steps.filter((s) => s.line === (py ? 8 : 10) && s.event === 'line');
    expect(adding.length).toBe(3);
    for (const s of adding) expect(s.frames.map((f) => f.name)).toEqual(['<module>']);
    expect(value(trace.steps.at(-1)!, 'total', language)).toBe('6');
  });

  it('ends an endless loop at the step cap, even one that catches everything', async () => {
    const code = py
      ? 'i = 0\nwhile True:\n    try:\n        i += 1\n    except BaseException:\n        pass\n'
      : 'let i = 0;\nwhile (true) {\n  try {\n    i++;\n  } catch (e) {}\n}\n';
    const result = await visualise(language, code);
    expect(result.trace.stopped).toBe('steps');
    expect(result.trace.steps).toHaveLength(TRACE_MAX_STEPS);
    expect(result.status).toBe('pass');
  });

  it('cuts big values with a marker and keeps the output so far per step', async () => {
    const code = py
      ? 'big = list(range(500))\nword = "x" * 1000\nprint("hi")\nprint("there")\ndone = True\n'
      : 'const big = new Array(500).fill(7);\nconst word = "x".repeat(1000);\nconsole.log("hi");\nconsole.log("there");\nconst done = true;\n';
    const result = await visualise(language, code);
    const last = result.trace.steps.at(-1)!;
    const list = last.heap[String(ref(last, 'big'))];
    expect(list?.items).toHaveLength(TRACE_MAX_ITEMS);
    expect(list?.omitted).toBe(500 - TRACE_MAX_ITEMS);
    const word = last.frames[0]!.vars.find(([n]) => n === 'word')![1];
    expect(word).toMatchObject({ cut: true });
    const outs = result.trace.steps
      .filter((s) => s.event === 'line')
      .map((s) => result.stdout.slice(0, s.out));
    expect(outs).toContain('hi\n');
    expect(outs.at(-1)).toBe('hi\nthere\n');
  });

  it('marks a step by line and visit, and reads a variable there', async () => {
    const code = py
      ? 'total = 0\nfor n in [4, 5, 6]:\n    total = total + n\nprint(total)\n'
      : 'let total = 0;\nfor (const n of [4, 5, 6]) {\n  total = total + n;\n}\nconsole.log(total);\n';
    const { trace } = await visualise(language, code);
    const third = markedStep(trace, 3, 3);
    expect(third).toBeGreaterThan(0);
    expect(valueAt(trace, third, 'total')).toBe('9');
    expect(valueAt(trace, third, 'n')).toBe('6');
    expect(markedStep(trace, 3, 4)).toBe(-1);
  });
});

describe('language specifics', () => {
  it('Python: draws an instance with its fields and hides the harness and class bodies', async () => {
    const { trace } = await visualise(
      'python',
      'class Point:\n    def __init__(self, x):\n        self.x = x\n\np = Point(3)\nq = sorted([3, 1, 2], key=lambda v: -v)\n',
    );
    const last = trace.steps.at(-1)!;
    expect(last.heap[String(ref(last, 'p'))]).toMatchObject({ kind: 'object', type: 'Point' });
    expect(value(last, 'p', 'python')).toBe('Point(x=3)');
    const names = new Set(trace.steps.flatMap((s) => s.frames.map((f) => f.name)));
    expect([...names].sort()).toEqual(['<lambda>', '<module>', '__init__']);
  });

  it('Python: input() reads the lines given', async () => {
    const result = await visualise('python', 'name = input("Name? ")\nprint("Hi", name)\n', {
      stdin: ['Ada'],
    });
    expect(value(result.trace.steps.at(-1)!, 'name', 'python')).toBe("'Ada'");
    expect(result.stdout).toBe('Name? Hi Ada\n');
  });

  it('TypeScript: steps on the lines the learner wrote', async () => {
    const { trace, status } = await visualise(
      'typescript',
      'interface P { x: number }\nconst p: P = { x: 1 };\nlet n: number = p.x + 1;\n',
    );
    expect(status).toBe('pass');
    expect(trace.steps.filter((s) => s.event === 'line').map((s) => s.line)).toEqual([2, 3]);
    expect(value(trace.steps.at(-1)!, 'p', 'typescript')).toBe('{ x: 1 }');
    expect(value(trace.steps.at(-1)!, 'n', 'typescript')).toBe('2');
  });

  it('JavaScript: the program cannot reach or fake the recorder', async () => {
    const result = await visualise(
      'javascript',
      [
        'const names = Object.getOwnPropertyNames(globalThis).filter((n) => n.includes("Trace"));',
        'let found = "none";',
        'function probe() {}',
        'const text = probe.toString();',
        'try { found = typeof eval(text.match(/\\$lt\\w+/)?.[0] ?? "x"); } catch (e) { found = e.name; }',
        'console.log(`${names.length} ${found}`);',
      ].join('\n'),
    );
    expect(result.stdout).toBe('0 ReferenceError\n');
  });

  it('Python: the program cannot turn the recorder off or reach its frames', async () => {
    const result = await visualise(
      'python',
      'import sys\ntry:\n    sys.monitoring.set_events(3, 0)\n    r = "reached"\nexcept AttributeError:\n    r = "refused"\nprint(r)\n',
    );
    expect(result.stdout).toBe('refused\n');
    expect(result.trace.steps.length).toBeGreaterThan(4);
  });
});
