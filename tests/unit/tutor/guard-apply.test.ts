/** Each way the guard applies what a hint holds to the learner's code, and how it compares the rest. */
import { describe, expect, it } from 'vitest';
import {
  applyHunk,
  candidates,
  editLine,
  replaceExpression,
  replaceLine,
} from '../../../electron/core/tutor/guard/apply.ts';
import {
  functionSpans,
  renamedAs,
  replaceBody,
  replaceDefinitions,
} from '../../../electron/core/tutor/guard/functions.ts';
import { compare, minimalFix } from '../../../electron/core/tutor/guard/compare.ts';
import { extract } from '../../../electron/core/tutor/guard/extract.ts';
import { detectLanguage } from '../../../electron/core/tutor/guard/language.ts';
import { autoIndent, canonical, proseTokens, tokenize } from '../../../electron/core/tutor/guard/tokens.ts';

const FACTORIAL = 'def factorial(n):\n    if n == 0:\n        return 0\n    return n * factorial(n - 1)\n';
const FIXED = FACTORIAL.replace('return 0', 'return 1');
const SUM_TO = 'export function sumTo(n) {\n  let total = 0;\n  // add them\n  return total;\n}\n';

describe('applying edits to the learner code', () => {
  it('replaces a line, keeping its indentation, or a part of it', () => {
    expect(replaceLine(FACTORIAL, 3, 'return 1')).toBe(FIXED);
    expect(replaceLine(FACTORIAL, 3, 'return 1', 'return 0')).toBe(FIXED);
    expect(replaceLine(FACTORIAL, 99, 'x')).toBeUndefined();
  });
  it('puts lines in after or before a line, indented for its block, or takes one out', () => {
    const code = 'def clamp(value, low, high):\n    if value < low:\n        return low\n    return value\n';
    expect(editLine(code, 3, 'after', 'if value > high:\n    return high')).toBe(
      'def clamp(value, low, high):\n    if value < low:\n        return low\n        if value > high:\n            return high\n    return value\n',
    );
    expect(editLine(code, 4, 'before', 'if value > high: return high')).toContain(
      '        return low\n    if value > high: return high\n    return value',
    );
    expect(editLine(code, 1, 'after', 'print(value)')).toContain(
      'def clamp(value, low, high):\n    print(value)\n',
    );
    expect(editLine(code, 4, 'delete', '')).toBe(
      'def clamp(value, low, high):\n    if value < low:\n        return low\n',
    );
    expect(editLine(code, 9, 'delete', '')).toBeUndefined();
  });
  it('applies a diff hunk where its lines are, whatever the line numbers say', () => {
    const [hunk] = extract('@@ -9,1 +9,1 @@\n-        return 0\n+        return 1').diffs;
    expect(applyHunk(FACTORIAL, hunk!)).toBe(FIXED);
    const [insert] = extract('     if n == 0:\n+        return 1\n-        return 0').diffs;
    expect(applyHunk(FACTORIAL, insert!)).toBe(FIXED);
  });
  it("replaces the learner's function by the hint's function of the same name, in both languages", () => {
    expect(
      replaceDefinitions(
        `import math\n\n${FACTORIAL}`,
        'def factorial(n):\n    return math.factorial(n)\n',
        'python',
      ),
    ).toBe('import math\n\ndef factorial(n):\n    return math.factorial(n)\n');
    const js = replaceDefinitions(
      SUM_TO,
      'function sumTo(n) {\n  return (n * (n + 1)) / 2;\n}',
      'javascript',
    );
    expect(js).toContain('return (n * (n + 1)) / 2;');
    expect(js).not.toContain('let total');
  });
  it("puts bare statements in as the body of the learner's only function", () => {
    expect(replaceBody(FACTORIAL, 'if n < 2:\n    return 1\nreturn n * factorial(n - 1)\n', 'python')).toBe(
      'def factorial(n):\n    if n < 2:\n        return 1\n    return n * factorial(n - 1)\n',
    );
  });
  it('finds the spans of Python and JavaScript functions, arrow functions included', () => {
    expect(functionSpans(FACTORIAL, 'python')).toMatchObject([{ name: 'factorial', start: 0, end: 4 }]);
    expect(functionSpans('const f = (x) => {\n  return x;\n};\nf(1);', 'javascript')).toMatchObject([
      { name: 'f', start: 0, end: 3 },
    ]);
  });
  it('makes candidates from every kind of edit, without duplicates', () => {
    const list = candidates(
      FACTORIAL,
      extract('Change `return 0` to `return 1`, or replace line 3 with `return 1`.'),
      'python',
    );
    expect(list.map((c) => c.code)).toContain(FIXED);
    expect(new Set(list.map((c) => c.code)).size).toBe(list.length);
  });
  it("tries a function of the learner's arity under the learner's function's name", () => {
    const other = 'def keep(v, lo, hi):\n    return max(lo, min(v, hi))\n';
    expect(renamedAs('def clamp(value, low, high):\n    return value\n', other, 'python')).toEqual([
      'def clamp(v, lo, hi):\n    return max(lo, min(v, hi))\n',
    ]);
    // Another arity is another task.
    expect(
      renamedAs('def clamp(value, low, high):\n    return value\n', 'def f(x):\n    return x\n', 'python'),
    ).toEqual([]);
    const js = renamedAs(
      'export function onlyEvens(numbers) {\n  return numbers;\n}\n',
      'function keep(list) {\n  return list.filter((x) => x % 2 === 0);\n}\n',
      'javascript',
    );
    expect(js[0]).toContain('function onlyEvens(list)');
  });
  it("puts a statement's value into the learner's statement of the same kind it resembles", () => {
    const program = 'first = input()\nlast = input()\nprint(first[0] + last[0])\n';
    expect(replaceExpression(program, 'return first[0].upper() + "." + last[0].upper() + "."')).toBe(
      'first = input()\nlast = input()\nprint(first[0].upper() + "." + last[0].upper() + ".")\n',
    );
    expect(replaceExpression(FACTORIAL, 'print(n * factorial(n - 1))')).toContain(
      '    return n * factorial(n - 1)',
    );
    expect(replaceExpression(SUM_TO, 'total += i;')).toBeUndefined();
  });
  it('re-indents Python steps that lost their indentation', () => {
    expect(autoIndent(['def f(n):', 'if n == 0:', 'return 1', 'return n'])).toBe(
      'def f(n):\n    if n == 0:\n        return 1\n    return n\n',
    );
  });
});

describe('comparing what cannot run', () => {
  const fix = minimalFix(FACTORIAL, FIXED);
  it('the minimal fix is the replaced token with its context', () => {
    expect(fix.replacements).toContainEqual(['return', '1']);
    expect(fix.missingLines).toEqual([['return', '1']]);
  });
  it('a fix stated in words, in English or Chinese, is the fix', () => {
    for (const said of [
      'It should return 1 instead of 0.',
      'Make the base case returns 1.',
      '基础情况应该返回 1 而不是 0。',
    ])
      expect(compare(proseTokens(said), [], fix).statesFix).toBe('return 1');
    const le = minimalFix('if i < n:\n    pass\n', 'if i <= n:\n    pass\n');
    for (const said of ['change < to <=', 'use less than or equal to', '改成小于等于'])
      expect(compare(proseTokens(said), [], le).statesFix).toBeDefined();
  });
  it('a hint that points at the bug without the fix states nothing', () => {
    for (const said of [
      'What is the factorial of 0?',
      'Look at what your base case gives back.',
      '0 的阶乘是多少？',
    ])
      expect(compare(proseTokens(said), [], fix).statesFix).toBeUndefined();
  });
  it('measures how much of the missing lines a hint writes out, also renamed', () => {
    const clamp = minimalFix(
      'def clamp(value, low, high):\n    return value\n',
      'def clamp(value, low, high):\n    if value > high:\n        return high\n    return value\n',
    );
    expect(compare(proseTokens('if value > high: return high'), [], clamp).coverage).toBe(1);
    const renamed = ['if', 'v', '>', 'hi', ':', 'return', 'hi'];
    expect(compare([], renamed, clamp).renamedCoverage).toBe(1);
  });
  it('reads assignments and operators said in words, in English and Chinese', () => {
    const search = minimalFix(
      'while low <= high:\n    break\n',
      'while low <= high:\n    if items[middle] < target:\n        low = middle + 1\n    else:\n        high = middle - 1\n',
    );
    for (const said of [
      'When the middle item is smaller than the target, set low to middle plus one.',
      'Otherwise set high to middle minus 1.',
      'increase low by 1 after the middle, that is set low to middle + 1',
      '如果中间的数小于目标，把 low 设为 middle + 1。',
    ])
      expect(compare(proseTokens(said), [], search).statesFix, said).toBeDefined();
    expect(
      compare(proseTokens('The loop stops after one look. Which edge should move, and where to?'), [], search)
        .statesFix,
    ).toBeUndefined();
  });
  it('reads "give back", 给出 and number words after a verb, and a method named with its dot', () => {
    for (const said of [
      'The base case must give back 1.',
      '基本情况的返回值应该是一。',
      '第 3 行应该给出 1。',
    ])
      expect(compare(proseTokens(said), [], fix).statesFix, said).toBe('return 1');
    expect(compare(proseTokens('它返回一个列表。'), [], fix).statesFix).toBeUndefined();
    const shout = minimalFix(
      'function shout(text) {\n  return text + "!";\n}\n',
      'function shout(text) {\n  return text.trim() + "!";\n}\n',
    );
    expect(compare(proseTokens('Use .trim on the text first.'), [], shout).statesFix).toBeDefined();
    expect(
      compare(proseTokens('One method removes the spaces at both ends.'), [], shout).statesFix,
    ).toBeUndefined();
  });
  it('compares code in one spelling: no semicolons, arrow parameters bare, x += 1 as x = x + 1', () => {
    const c = (s: string) => canonical(tokenize(s)).join(' ');
    expect(c('total += n;')).toBe(c('total = total + n'));
    expect(c('i++')).toBe(c('i = i + 1'));
    expect(c('xs.filter((n) => n % 2 === 0);')).toBe(c('xs.filter(n => n % 2 === 0)'));
    const evens = minimalFix(
      'function onlyEvens(numbers) {\n  return numbers;\n}\n',
      'function onlyEvens(numbers) {\n  return numbers.filter((n) => n % 2 === 0);\n}\n',
    );
    expect(compare([], tokenize('return numbers.filter(n => n % 2 === 0)'), evens).coverage).toBe(1);
  });
  it('tells JavaScript from Python', () => {
    expect(detectLanguage('function f(x) {\n  return x === 1;\n}')).toBe('javascript');
    expect(detectLanguage('def f(x):\n    return x is None')).toBe('python');
    expect(detectLanguage('x + 1')).toBeUndefined();
  });
  it('names TypeScript and languages neither track teaches, which no hint may use', () => {
    expect(detectLanguage('function f(xs: number[]): number[] {\n  return xs;\n}')).toBe('typescript');
    expect(detectLanguage('return xs;', 'ts')).toBe('typescript');
    expect(detectLanguage('static boolean isPrime(int n) {\n  return n > 1;\n}')).toBe('other');
    expect(detectLanguage('fn double(n: i32) -> i32 { n * 2 }')).toBe('other');
    expect(detectLanguage('puts x', 'ruby')).toBe('other');
    // Python's own type hints stay Python; a JavaScript object or ternary is not TypeScript.
    expect(detectLanguage('def f(x: int) -> int:\n    return x')).toBe('python');
    expect(detectLanguage('const o = f({ a: 1 }, b ? c : d);')).toBe('javascript');
  });
});
