/**
 * The practice template files as content: the built-in ones are valid, and a mistake in one is
 * reported with its file, line and field, the way `lantern validate` prints it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatContentError } from '../../../shared/content/errors.ts';
import { loadPracticeTemplates, loadTemplateFile } from '../../../electron/core/practice/templates/load.ts';
import { Rng } from '../../../electron/core/practice/templates/rng.ts';

const BUILTIN = path.resolve(import.meta.dirname, '../../../exercises/practice-templates');

const GOOD = `templates:
  - id: py-double
    module: doubling
    difficulty: 2
    let:
      k: int(2, 5)
      cases: "[1, 2, 3].map((n) => ({ args: [n], expected: n * k }))"
    title: { en: 'Times \${k}', zh: '乘以 \${k}' }
    task: { en: 'Multiply by \${k}.', zh: '乘以 \${k}。' }
    function:
      name: times
      params: n
      body: return n * \${k}
      cases: \${cases}
    hints:
      - { en: One, zh: 一 }
      - { en: Two, zh: 二 }
      - { en: Three, zh: 三 }
      - { en: Four, zh: 四 }
`;

function errorsOf(text: string): string[] {
  return loadTemplateFile(text, 'python/numbers.yaml', 'python', 'numbers').errors.map(formatContentError);
}

function trialErrorsOf(text: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-templates-'));
  try {
    fs.mkdirSync(path.join(dir, 'python'));
    fs.writeFileSync(path.join(dir, 'python', 'numbers.yaml'), text);
    return loadPracticeTemplates(dir, { trial: true }).errors.map(formatContentError);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('practice template files', () => {
  test('the built-in templates are valid and make valid exercises', () => {
    const { templates, errors } = loadPracticeTemplates(BUILTIN, { trial: true });
    expect(errors.map(formatContentError)).toEqual([]);
    expect(templates.all('python').length + templates.all('javascript').length).toBeGreaterThan(0);
  });

  test('a template makes its exercise from the seed', () => {
    const [template] = loadTemplateFile(GOOD, 'python/numbers.yaml', 'python', 'numbers').templates;
    const made = template!.make(new Rng(1));
    const k = new Rng(1).int(2, 5);
    expect(made.title.en).toBe(`Times ${k}`);
    expect(made.solution).toBe(`def times(n):\n    return n * ${k}\n`);
    expect(made.tests).toContain(`self.assertEqual(times(3), ${3 * k})`);
  });

  test('a value out of range is reported with file, line and field', () => {
    expect(errorsOf(GOOD.replace('difficulty: 2', 'difficulty: 11'))).toEqual([
      'python/numbers.yaml:4: templates[0].difficulty: must be at most 10',
    ]);
  });

  test('a misspelt field is reported, not ignored', () => {
    expect(errorsOf(GOOD.replace('    module: doubling', '    modul: doubling'))).toEqual([
      'python/numbers.yaml:2: templates[0].module: is required',
      'python/numbers.yaml:3: templates[0].modul: unknown field (check its spelling against docs/content-format.md)',
    ]);
  });

  test('an expression that does not parse names its field', () => {
    const [error] = errorsOf(GOOD.replace('k: int(2, 5)', 'k: int(2, 5'));
    expect(error).toMatch(/^python\/numbers\.yaml:6: templates\[0\]\.let\.k: /);
  });

  test('a placeholder in a text that does not parse names its field', () => {
    const [error] = errorsOf(GOOD.replace("en: 'Multiply by ${k}.'", "en: 'Multiply by ${k +}.'"));
    expect(error).toMatch(/^python\/numbers\.yaml:\d+: templates\[0\]\.task\.en: /);
  });

  test('a name that is not there is found when the template is tried', () => {
    expect(trialErrorsOf(GOOD.replace('k: int(2, 5)', 'k: process.exit(1)'))).toEqual([
      'python/numbers.yaml:2: py-double: let.k: unknown name "process" (seed 0)',
    ]);
  });

  test('expressions cannot reach past their data', () => {
    for (const expression of [
      '[].constructor',
      "''.constructor",
      'Math.constructor',
      '(() => 1).call(null)',
      'pick.apply(null, [[1]])',
    ]) {
      const [error] = trialErrorsOf(GOOD.replace('k: int(2, 5)', `k: "${expression}"`));
      expect(error, expression).toMatch(/not allowed|cannot read|is not a function|only functions/);
    }
  });

  test('a call that recurses for ever is refused with its field', () => {
    const text = GOOD.replace('k: int(2, 5)', 'f: "(n) => f(n)"\n      k: f(1)');
    expect(trialErrorsOf(text)).toEqual([
      'python/numbers.yaml:2: py-double: let.k: Maximum call stack size exceeded (seed 0)',
    ]);
  });

  // Review 16: a template may ask for a list of any length; range(0, 1e6) is tried ten times and
  // holds the validator for seconds (3e7 for minutes, and the app's event loop with it when a
  // learner asks for practice). It should be refused with its file and field, as an expression
  // that reaches a global is, by a size limit on what an expression may build.
  test('a list too long for an exercise is refused with its field, not built', () => {
    const [error] = trialErrorsOf(GOOD.replace('k: int(2, 5)', 'k: range(0, 1e6).length'));
    expect(error).toMatch(/^python\/numbers\.yaml:2: py-double: let\.k: /);
  }, 60_000);

  test.each([
    [
      'a huge Array.from',
      'k: "Array.from({ length: 1e9 }).length"',
      /Array\.from would build 1000000000 items/,
    ],
    ['a huge repeat', `k: "'ab'.repeat(1e8).length"`, /\.repeat\(\) would build 200000000 items/],
    ['a huge padStart', `k: "'a'.padStart(1e8).length"`, /\.padStart\(\) would build/],
    ['many drawn cases', 'k: drawCases(1e7, () => [1], (a) => a).length', /drawCases would build/],
    [
      'an exponential recursion',
      'f: "(n) => n < 2 ? n : f(n - 1) + f(n - 2)"\n      k: f(40)',
      /more than 1000000 steps/,
    ],
  ])('%s is refused at its field before it holds the app', (_, let_, message) => {
    const [error] = trialErrorsOf(GOOD.replace('k: int(2, 5)', let_));
    expect(error).toMatch(/^python\/numbers\.yaml:2: py-double: let\.(k|f): /);
    expect(error).toMatch(message);
  });

  test('a starter says its comment in the learner’s language; another English comment is reported', () => {
    const [template] = loadTemplateFile(GOOD, 'python/numbers.yaml', 'python', 'numbers').templates;
    expect(template!.make(new Rng(1)).starterComments).toEqual([
      { en: 'Write your code here', zh: '在这里写代码' },
    ]);
    const written = GOOD.replace(
      / {4}function:[\s\S]*?cases: \$\{cases\}\n/,
      `    written:
      example: print(times(2))
      starter: |
        def times(n):
            # Multiply it here
            pass
      solution: |
        def times(n):
            return n * \${k}
      tests:
        import: times
        cases:
          - self.assertEqual(times(1), \${k})
`,
    );
    expect(trialErrorsOf(written)).toEqual([
      'python/numbers.yaml:2: py-double: written.starter: the starter\'s comment "Multiply it here" has no Chinese: a template\'s starter may only say "Write your code here", which the app words in both languages',
    ]);
  });

  test('the templates a file makes must be valid exercises', () => {
    const [error] = trialErrorsOf(GOOD.replace("en: 'Times ${k}'", 'en: \'${""}\''));
    expect(error).toMatch(/^python\/numbers\.yaml:2: py-double: title\.en: /);
  });
});
