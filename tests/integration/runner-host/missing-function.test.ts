/**
 * Errors in code the learner did not write: when the tests need a function the learner's code
 * does not define, both runners say so by code and name, not as an import error in a test file.
 */
import { describe, expect, test } from 'vitest';
import { signatureIn } from '../../../shared/runner/missing-name.ts';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();

const pyTests = (importLine: string, call: string) =>
  `import unittest\n${importLine}\n\nclass GreetTest(unittest.TestCase):\n    def test_ada(self):\n        self.assertEqual(${call}("Ada"), "Hi Ada")\n`;

describe('a function the tests need and the code lacks', () => {
  test('Python: `from module import name` is not an ImportError in the test file', async () => {
    const result = await sandbox.pythonCheck(
      'print("Hello, World!")',
      pyTests('from leap import greet', 'greet'),
    );
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'missingFunction', params: { name: 'greet' } });
    expect(result.error?.line).toBeUndefined();
    expect(result.message).toBe('Your code needs a function called greet.');
  });

  test('Python: `module.name` in a test is the same missing function', async () => {
    const result = await sandbox.pythonCheck('x = 1', pyTests('import leap', 'leap.greet'));
    expect(result.tests[0]?.error).toMatchObject({ code: 'missingFunction', params: { name: 'greet' } });
  });

  test("Python: a class the tests need is named as a class, and the learner's own NameError stays theirs", async () => {
    const needsClass = await sandbox.pythonCheck(
      'x = 1',
      'import unittest\nfrom leap import Counter\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(Counter().n, 0)\n',
    );
    expect(needsClass.error).toMatchObject({ code: 'missingClass', params: { name: 'Counter' } });
    const own = await sandbox.pythonCheck(
      'def greet(name):\n    return nme\n',
      pyTests('from leap import greet', 'greet'),
    );
    expect(own.tests[0]?.error).toMatchObject({ type: 'NameError', line: 2 });
    expect(own.tests[0]?.error?.code).toBeUndefined();
  });

  test('JavaScript: a missing export is not a SyntaxError in the test file', async () => {
    const result = await sandbox.javascriptCheck(
      'console.log("Hello");',
      "import { greet } from './leap';\ntest('greets Ada', () => { expect(greet('Ada')).toBe('Hi Ada'); });\n",
    );
    expect(result.error).toMatchObject({ code: 'missingFunction', params: { name: 'greet' } });
    expect(result.message).toBe('Your code needs a function called greet.');
  });
});

describe("the function's parameters, from the exercise's starter", () => {
  test('Python, JavaScript and arrow functions; defaults and self left out', () => {
    expect(signatureIn('def greet(name):\n    pass\n', 'greet')).toBe('greet(name)');
    expect(signatureIn('def add(self, a, b=2):\n', 'add')).toBe('add(a, b)');
    expect(signatureIn('export function greet(name) {\n}\n', 'greet')).toBe('greet(name)');
    expect(signatureIn('export const pairUp = (a, b) => [];\n', 'pairUp')).toBe('pairUp(a, b)');
    expect(signatureIn('# nothing here\n', 'greet')).toBe('greet');
  });
});
