import { describe, expect, test } from 'vitest';
import { validateFiles } from '../../../electron/core/curriculum/validate.ts';
import { formatContentError } from '../../../shared/content/errors.ts';
import { constructsUsed, lessonOrderProblems } from '../../../shared/content/lesson-order.ts';
import { loadTrack } from '../../../shared/content/load.ts';
import { readPack, textOf } from '../../../electron/core/curriculum/pack-files.ts';
import { fixtureFiles } from './fixtures.ts';

const EXERCISES = new URL('../../../exercises/', import.meta.url).pathname;

const used = (code: string, language: 'python' | 'javascript') =>
  constructsUsed(code, language).map((u) => `${u.id}@${u.line}`);

describe('constructs a Python solution uses', () => {
  test.each([
    ['print(f"{name}!")', 'python.f-string@1'],
    ['print(name.upper())', 'python.string-method@1'],
    ['print(word[1:3])', 'python.slice@1'],
    ['x = 1\nif x > 0:\n    print(x)', 'python.if@2'],
    ['print("big" if x > 9 else "small")', 'python.if@1'],
    ['for c in "abc":\n    print(c)', 'python.loop@1'],
    ['n = 3\nwhile n:\n    n -= 1', 'python.loop@2'],
    ['def f():\n    pass', 'python.def@1'],
    ['key = lambda p: p[1]', 'python.def@1'],
    ['xs = [1, 2]', 'python.list@1'],
    ['xs.append(3)', 'python.list@1'],
    ['d = {"a": 1}', 'python.dict@1'],
    ['d = {}', 'python.dict@1'],
    ['print(d.items())', 'python.dict@1'],
    ['s = {1, 2}', 'python.set@1'],
    ['s = set("abc")', 'python.set@1'],
    ['print(len(s))\ntry:\n    pass\nexcept ValueError:\n    pass', 'python.exception@2'],
    ['raise ValueError("no")', 'python.exception@1'],
    ['class Dog:\n    pass', 'python.class@1'],
    ['import math', 'python.import@1'],
  ])('%j uses %s', (code, expected) => {
    expect(used(code, 'python')).toContain(expected);
  });

  test('a comprehension is not a loop statement', () => {
    expect(used('print([n * n for n in range(3)])', 'python')).toEqual([
      'python.list@1',
      'python.comprehension@1',
    ]);
  });

  test('a function that calls itself inside its body recurses; one called after its body does not', () => {
    const recursive = 'def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1)';
    expect(used(recursive, 'python')).toContain('python.recursion@4');
    expect(used('def f(n):\n    return n\n\nprint(f(2))', 'python')).not.toContain('python.recursion@4');
    expect(used('def f(n):\n    return n\n\nf(2)', 'python')).not.toContain('python.recursion@4');
    expect(used('function f(n) {\n  return n;\n}\nf(2);', 'javascript')).toEqual(['javascript.function@1']);
  });

  test('a list that starts a line is a list, though a name ends the line before', () => {
    expect(used('total = 0\n[print(n) for n in range(3)]', 'python')).toContain('python.list@2');
  });

  test('an index is no list and no slice; print alone uses nothing', () => {
    expect(used('word = "abc"\nprint(word[0], 2 + 3)', 'python')).toEqual([]);
  });

  test('keywords and brackets inside strings and comments do not count', () => {
    const code = [
      '# def f(): for x in [1, 2]: if x: return {1: 2}',
      'print("def for while if else return class try [1] {2: 3} import")',
      "print('lambda x: x')",
      'print("""',
      'for x in [1]:',
      '"""  )',
    ].join('\n');
    expect(used(code, 'python')).toEqual([]);
  });
});

describe('constructs a JavaScript solution uses', () => {
  test.each([
    ['console.log(`Hi ${name}`);', 'javascript.template@1'],
    ['console.log(name.toUpperCase());', 'javascript.string-method@1'],
    ['if (x) {\n  y();\n}', 'javascript.if@1'],
    ['const s = x > 0 ? "+" : "-";', 'javascript.if@1'],
    ['switch (d) {\n  case 1:\n    break;\n  default:\n}', 'javascript.if@1'],
    ['for (let i = 0; i < 3; i++) {}', 'javascript.loop@1'],
    ['while (n > 0) n--;', 'javascript.loop@1'],
    ['function f() {}', 'javascript.function@1'],
    ['const f = (x) => x + 1;', 'javascript.function@1'],
    ['const xs = [1, 2];', 'javascript.array@1'],
    ['xs.push(3);', 'javascript.array@1'],
    ['const o = { a: 1 };', 'javascript.object@1'],
    ['console.log(Object.keys(o));', 'javascript.object@1'],
    ['const { a, b } = o;', 'javascript.destructuring@1'],
    ['const [first, ...rest] = xs;', 'javascript.destructuring@1'],
    ['const f = ({ name }) => name;', 'javascript.destructuring@1'],
    ['class Dog extends Animal {}', 'javascript.class@1'],
    ['throw new Error("no");', 'javascript.error@1'],
    ['try {\n  f();\n} catch (e) {}', 'javascript.error@1'],
    ['function make(n) {\n  return (x) => x * n;\n}', 'javascript.closure@2'],
    ['const add = (a) => (b) => a + b;', 'javascript.closure@1'],
    ['async function f() {\n  await g();\n}', 'javascript.async@1'],
  ])('%j uses %s', (code, expected) => {
    expect(used(code, 'javascript')).toContain(expected);
  });

  test('a break in a switch is part of the condition, not a loop', () => {
    const code = "switch (day) {\n  case 'sat':\n    console.log('weekend');\n    break;\n}";
    expect(used(code, 'javascript')).toEqual(['javascript.if@1']);
  });

  test('an arrow passed to map is a function, not a closure handed out', () => {
    const code = 'function lengths(words) {\n  return words.map((w) => w.length);\n}';
    expect(used(code, 'javascript')).toEqual(['javascript.function@1', 'javascript.array@2']);
  });

  test('a block is no object, an array argument no destructuring, an index no array', () => {
    const code = 'if (ok) {\n  total = sum([1, 2]) + xs[0];\n}';
    expect(used(code, 'javascript')).toEqual(['javascript.if@1', 'javascript.array@2']);
  });

  test('keywords inside strings, templates and comments do not count', () => {
    const code = [
      '// function f() { for (;;) {} }',
      '/* class try => */',
      'console.log("if else return", \'while [1]\', `async ${"{ a: 1 }"}`.length);',
    ].join('\n');
    expect(used(code, 'javascript')).toEqual(['javascript.template@3']);
  });
});

describe('the lesson-order rule', () => {
  test('names the construct, the line, the concept and where it is taught, at the file line', async () => {
    const loaded = loadTrack(await fixtureFiles('out-of-order-python'));
    expect(loaded.errors).toEqual([]);
    expect(lessonOrderProblems(loaded.track!, loaded.exercises).map(formatContentError)).toEqual([
      'lessons/shout-twice.md:13: solution: line 4 of the solution uses a loop (`for`), introduced by the ' +
        'concept "loops": "loops" is first taught in lesson "count-to-three", after this one, and it is no ' +
        'prerequisite of "output-variables". Write the solution without it, or move this lesson after "count-to-three".',
      'lessons/shout-twice.md:11: solution: line 2 of the solution uses a function definition (`def`), ' +
        'introduced by the concept "functions": "functions" is first taught in lesson "twice", after this one, ' +
        'and it is no prerequisite of "output-variables". Write the solution without it, or move this lesson after "twice".',
    ]);
  });

  test('a construct of an earlier lesson, a prerequisite or an undeclared concept is allowed', async () => {
    const files = await fixtureFiles('out-of-order-python');
    // Functions become a prerequisite of the first lesson's concept; loops move before it.
    const track = files
      .get('track.yaml')!
      .replace(
        '  - id: output-variables\n    title: { en: Output and variables, zh: 输出与变量 }\n',
        '  - id: output-variables\n    title: { en: Output and variables, zh: 输出与变量 }\n    prerequisites: [functions]\n',
      )
      .replace('prerequisites: [output-variables]\n  - id: functions', 'prerequisites: []\n  - id: functions')
      .replace('    prerequisites: [output-variables]\nunits', '    prerequisites: []\nunits')
      .replace('lessons: [shout-twice]', 'lessons: [count-to-three, shout-twice]')
      .replace('lessons: [count-to-three]', 'lessons: [twice]')
      .replace('  - id: functions\n    title: { en: Functions, zh: 函数 }\n    lessons: [twice]\n', '');
    const loaded = loadTrack(new Map(files).set('track.yaml', track));
    expect(loaded.errors.map(formatContentError)).toEqual([]);
    expect(lessonOrderProblems(loaded.track!, loaded.exercises)).toEqual([]);

    // A pack that declares no "functions" concept is not told that `def` comes later.
    const noFunctions = loadTrack(await fixtureFiles('good-python'));
    expect(lessonOrderProblems(noFunctions.track!, noFunctions.exercises)).toEqual([]);
  });

  test('a pack gets warnings and stays valid; strict (built-in tracks) makes them errors', async () => {
    const files = await fixtureFiles('out-of-order-python');
    const lenient = await validateFiles(files, { noRun: true });
    expect(lenient.ok).toBe(true);
    expect(lenient.errors).toEqual([]);
    expect(lenient.warnings.map((w) => `${w.file}:${w.line}`)).toEqual([
      'lessons/shout-twice.md:11',
      'lessons/shout-twice.md:13',
    ]);

    const strict = await validateFiles(files, { noRun: true, strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.warnings).toEqual([]);
    expect(strict.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('uses a function definition (`def`)'),
      expect.stringContaining('uses a loop (`for`)'),
    ]);
  });
});

describe.each(['python', 'javascript'])('the built-in %s track', (language) => {
  test('uses nothing before a lesson teaches it, and starts with programs that print', async () => {
    const read = await readPack(EXERCISES + language);
    if ('errors' in read) throw new Error(read.errors[0]?.message);
    const loaded = loadTrack(textOf(read.files));
    expect(lessonOrderProblems(loaded.track!, loaded.exercises).map(formatContentError)).toEqual([]);

    // Every exercise before the first lesson on functions is checked by its output.
    const order = loaded
      .track!.units.flatMap((u) => u.lessons)
      .map((id) => loaded.exercises.get(id)!.exercise);
    const functionsAt = order.findIndex((e) => e.concepts.includes('functions'));
    const early = order.slice(0, functionsAt).filter((e) => e.type === 'exercise');
    expect(early.length).toBeGreaterThanOrEqual(8);
    expect(early.filter((e) => !e.cases).map((e) => e.id)).toEqual([]);
  });
});
