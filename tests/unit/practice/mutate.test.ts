import { describe, expect, test } from 'vitest';
import { mutants, returningNothing, type MutationOperator } from '../../../electron/core/practice/mutate.ts';
import { guardLoops } from '../../../electron/core/practice/loop-guard.ts';
import { javascriptBatch, parsesAsJavaScript } from '../../../electron/core/practice/mutation-batch.ts';

/** The changed line of each mutant of one operator, as the learner would read it. */
function changed(source: string, language: 'python' | 'javascript', operator: MutationOperator): string[] {
  const lines = source.split('\n');
  return mutants(source, language)
    .filter((m) => m.operator === operator)
    .map((m) => {
      const after = m.code.split('\n');
      const i = after.findIndex((l, k) => l !== lines[k]);
      return (after[i] ?? '').trim();
    });
}

const PY = `def count_above(numbers, limit):
    """How many numbers are above the limit."""
    count = 0
    for n in numbers:
        if n > limit and not n == 99:
            count += 1
    return count

def label(flag):
    if flag == True:
        return "yes"
    return "no" + "!"

def first_three(items):
    result = []
    for i in range(len(items)):
        result.append(items[i])
        result = result[:3]
    return result

print(count_above([1, 2], 1))
`;

const JS = `export function countAbove(numbers, limit) {
  let count = 0;
  for (let i = 0; i < numbers.length; i++) {
    if (numbers[i] > limit && !(numbers[i] === 99)) count += 1;
  }
  return count;
}

export function label(flag) {
  let text = 'no';
  if (flag || false) text = 'yes';
  return text + '!';
}

console.log(countAbove([1, 2], 1));
`;

describe('mutants of a Python solution', () => {
  test('arithmetic, comparison and boolean operators are swapped', () => {
    expect(changed(PY, 'python', 'arithmetic')).toContain('return "no" - "!"');
    expect(changed(PY, 'python', 'comparison')).toEqual(
      expect.arrayContaining([
        'if n >= limit and not n == 99:',
        'if n <= limit and not n == 99:',
        'if n > limit and not n != 99:',
      ]),
    );
    expect(changed(PY, 'python', 'logical')).toContain('if n > limit or not n == 99:');
    expect(changed(PY, 'python', 'negation')).toContain('if n > limit and n == 99:');
    expect(changed(PY, 'python', 'boolean')).toContain('if flag == False:');
    expect(changed(PY, 'python', 'assignment')).toContain('count -= 1');
  });

  test('integer constants and range bounds are off by one', () => {
    expect(changed(PY, 'python', 'constant')).toEqual(
      expect.arrayContaining([
        'count = 1',
        'count = (-1)',
        'count += 2',
        'count += 0',
        'result = result[:4]',
      ]),
    );
    expect(changed(PY, 'python', 'range')).toEqual(
      expect.arrayContaining(['for i in range((len(items)) + 1):', 'for i in range((len(items)) - 1):']),
    );
  });

  test('strings change, a statement goes, a value is not returned', () => {
    expect(changed(PY, 'python', 'string')).toEqual(expect.arrayContaining(['return ""', 'return "" + "!"']));
    expect(changed(PY, 'python', 'statement')).toEqual(expect.arrayContaining(['pass']));
    expect(changed(PY, 'python', 'return')).toEqual([
      'return None',
      'return None',
      'return None',
      'return None',
    ]);
  });

  test('docstrings, imports and top-level printing are left alone; first bindings are not deleted', () => {
    const all = mutants(PY, 'python');
    expect(all.some((m) => m.line === 2)).toBe(false);
    expect(all.some((m) => m.line === 21)).toBe(false);
    const deleted = all.filter((m) => m.operator === 'statement').map((m) => m.line);
    expect(deleted).not.toContain(3);
    expect(deleted).toEqual(expect.arrayContaining([6, 17, 18]));
    expect(mutants('import math\nfrom os import path\n', 'python')).toEqual([]);
  });

  test('every mutant differs from the solution and from every other mutant', () => {
    const codes = mutants(PY, 'python').map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).not.toContain(PY);
  });

  test('a normalising call or a wrapping function is left out', () => {
    const code = 'def f(text, xs):\n    a = text.lower()\n    return [abs(a - 1)]\n';
    expect(changed(code, 'python', 'call')).toEqual(['a = text', 'return [(a - 1)]']);
    expect(
      changed('export function f(s) {\n  return s.trim().toLowerCase();\n}\n', 'javascript', 'call'),
    ).toEqual(['return s.toLowerCase();', 'return s.trim();']);
  });

  test('names that are also object properties are only names', () => {
    const code =
      'class A:\n    def constructor(self, toString):\n        return toString.__proto__ or hasOwnProperty\n';
    expect(mutants(code, 'python').map((m) => m.operator)).toEqual(['logical', 'return']);
    expect(() =>
      mutants('export const constructor = (toString) => toString + 1;', 'javascript'),
    ).not.toThrow();
  });

  test('returning nothing empties every return', () => {
    const empty = returningNothing(PY, 'python');
    expect(empty.match(/return None/g)).toHaveLength(4);
    expect(empty).not.toMatch(/return (count|"|result)/);
  });

  test('a while loop is guarded so that a broken counter ends', () => {
    const guarded = guardLoops(
      'def f(n):\n    i = 0\n    while i < n:\n        i -= 1\n    return i\n',
      'python',
    );
    expect(guarded).toContain('while __lantern_tick() and (i < n):');
    expect(guarded).toMatch(/raise RuntimeError/);
  });
});

describe('mutants of a JavaScript solution', () => {
  test('operators, constants and booleans', () => {
    expect(changed(JS, 'javascript', 'comparison')).toEqual(
      expect.arrayContaining([
        'for (let i = 0; i <= numbers.length; i++) {',
        'if (numbers[i] >= limit && !(numbers[i] === 99)) count += 1;',
        'if (numbers[i] > limit && !(numbers[i] !== 99)) count += 1;',
      ]),
    );
    expect(changed(JS, 'javascript', 'logical')).toEqual(
      expect.arrayContaining([
        'if (numbers[i] > limit || !(numbers[i] === 99)) count += 1;',
        "if (flag && false) text = 'yes';",
      ]),
    );
    expect(changed(JS, 'javascript', 'negation')).toContain(
      'if (numbers[i] > limit && (numbers[i] === 99)) count += 1;',
    );
    expect(changed(JS, 'javascript', 'boolean')).toContain("if (flag || true) text = 'yes';");
    expect(changed(JS, 'javascript', 'assignment')).toEqual(
      expect.arrayContaining(['for (let i = 0; i < numbers.length; i--) {']),
    );
    expect(changed(JS, 'javascript', 'constant')).toEqual(
      expect.arrayContaining(['let count = 1;', 'for (let i = 1; i < numbers.length; i++) {']),
    );
    expect(changed(JS, 'javascript', 'arithmetic')).toContain("return text - '!';");
  });

  test('strings, deleted statements and returned values', () => {
    expect(changed(JS, 'javascript', 'string')).toEqual(
      expect.arrayContaining(["let text = '';", "return text + '';"]),
    );
    expect(changed(JS, 'javascript', 'return')).toEqual(['return undefined;', 'return undefined;']);
    // A declaration is not deleted (only a ReferenceError would follow); console.log at the top is output.
    expect(mutants(JS, 'javascript').some((m) => m.line === 15)).toBe(false);
    expect(changed(JS, 'javascript', 'statement')).toEqual([]);
    expect(
      changed('export function f(a) {\n  let x = 0;\n  x = a;\n  return x;\n}\n', 'javascript', 'statement'),
    ).toEqual([';']);
  });

  test('a mutant that does not parse is recognised; a guarded one still parses', () => {
    expect(parsesAsJavaScript('export function f(x) { return x--1; }', 'javascript')).toBe(false);
    for (const m of mutants(JS, 'javascript')) {
      if (parsesAsJavaScript(m.code, 'javascript'))
        expect(parsesAsJavaScript(guardLoops(m.code, 'javascript'), 'javascript')).toBe(true);
    }
    expect(guardLoops(JS, 'javascript')).toContain('i < numbers.length); i++)');
  });

  test('TypeScript solutions are mutated around their types', () => {
    const ts = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
    expect(changed(ts, 'javascript', 'arithmetic')).toEqual(['return a - b;']);
  });

  test('a batch turns the module into variants and its imports into reads of them', () => {
    const tests =
      "import { describe } from '@jest/globals';\nimport { countAbove as above, label } from './count';\n\ntest('counts numbers above the limit', () => { expect(above([1, 5], 2)).toBe(1); });\n";
    const batch = javascriptBatch('count', tests, [JS, JS], 'javascript') ?? '';
    expect(batch.startsWith("import { describe } from '@jest/globals';")).toBe(true);
    expect(batch).toContain('const { countAbove : above, label } = __lanternModule;');
    expect(batch).toContain('return { countAbove, label };');
    expect(batch).not.toMatch(/from '\.\/count'/);
    expect(parsesAsJavaScript(batch, 'javascript')).toBe(true);
  });
});
