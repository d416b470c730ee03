import { describe, expect, test } from 'vitest';
import { chanceIn, nameProblem, staticTests } from '../../../electron/core/practice/test-checks.ts';
import { garbledProblem, markupProblem } from '../../../electron/core/practice/text-checks.ts';

describe('reading a test file without running it', () => {
  test('Python: which tests assert, directly or through a helper', () => {
    const tests = `import unittest\nfrom m import f\n\ndef check(x, y):\n    assert f(x) == y\n\nclass T(unittest.TestCase):\n    def test_direct(self):\n        self.assertEqual(f(1), 2)\n\n    def test_through_helper(self):\n        check(2, 4)\n\n    def test_nothing(self):\n        f(3)\n\n    def test_raises(self):\n        with self.assertRaises(ValueError):\n            f(-1)\n`;
    expect(staticTests(tests, 'python').map((t) => [t.name, t.asserts])).toEqual([
      ['test_direct', true],
      ['test_through_helper', true],
      ['test_nothing', false],
      ['test_raises', true],
    ]);
  });

  test('JavaScript: test, it, .each, helpers; same bodies are seen as the same', () => {
    const tests = `import { f } from './m';\nfunction same(a, b) { expect(f(a)).toBe(b); }\ndescribe('f', () => {\n  test('doubles one', () => { expect(f(1)).toBe(2); });\n  it('doubles two', () => { same(2, 4); });\n  test.each([[3, 6]])('doubles %i', (a, b) => { expect(f(a)).toBe(b); });\n  test('runs', () => { f(1); });\n  test('doubles one again', () => { expect(f(1)).toBe(2); });\n});\n`;
    const found = staticTests(tests, 'javascript');
    expect(found.map((t) => [t.name, t.asserts])).toEqual([
      ['doubles one', true],
      ['doubles two', true],
      ['doubles %i', true],
      ['runs', false],
      ['doubles one again', true],
    ]);
    expect(found[0]?.body).toBe(found[4]?.body);
  });

  test('randomness and the clock are found in code, not in strings', () => {
    expect(chanceIn('import random\n', 'python')).toBe('random');
    expect(chanceIn('from datetime import date\n', 'python')).toBe('datetime');
    expect(chanceIn('x = "import random"\n', 'python')).toBeUndefined();
    expect(chanceIn('const t = Date.now();', 'javascript')).toBe('Date');
    expect(chanceIn('const d = new Date(0);', 'javascript')).toBe('Date');
    expect(chanceIn('const r = Math.random();', 'javascript')).toBe('Math.random');
    expect(chanceIn("const s = 'Math.random()';", 'javascript')).toBeUndefined();
  });
});

describe('test names say what they check, in the learner’s language', () => {
  test.each([
    ['T.test_1', 'en'],
    ['T.test_case_2', 'en'],
    ['T.test_basic_example', 'en'],
    ['T.test_double', 'en'],
    ['f > case 3', 'en'],
    ['f > works', 'en'],
    ['T.test_empty_list_gives_zero', 'zh'],
    ['f > gives zero for an empty list', 'zh'],
  ] as const)('%s (%s) is refused', (name, locale) => {
    expect(nameProblem(name, locale)).toBeDefined();
  });

  test.each([
    ['T.test_empty_list_gives_zero', 'en'],
    ['T.test_four_gives_eight', 'en'],
    ['f > keeps negative even numbers', 'en'],
    ['T.test_空列表返回零', 'zh'],
    ['f > 三个名字用点隔开', 'zh'],
  ] as const)('%s (%s) is accepted', (name, locale) => {
    expect(nameProblem(name, locale)).toBeUndefined();
  });
});

describe('statements are text', () => {
  test.each([
    'Hello <script>alert(1)</script>',
    'Click <a href="https://example.com">here</a>',
    'An <img src=x onerror=alert(1)> image',
    '<b>bold</b> words',
    '[link](javascript:alert(1))',
    '<!-- hidden -->',
    '```python\n<script>x</script>\n```',
  ])('HTML is refused: %s', (text) => {
    expect(markupProblem(text)).toBeDefined();
  });

  test.each([
    'Use `a < b` here',
    'if a < b and b > c',
    '```html\n<p>shown as code</p>\n```',
    'pseudo-code: if <i counts>: add it',
  ])('text with < and code is accepted: %s', (text) => {
    expect(markupProblem(text)).toBeUndefined();
  });

  test.each([
    '写一个函数 ä¸­æ–‡',
    '成绩��级',
    'Â£5 a month',
    '字符串锟斤拷',
    'ç¨‹åºè®¾è®¡',
    'control \u0085 char',
  ])('garbled text is refused: %s', (text) => {
    expect(garbledProblem(text)).toBeDefined();
  });

  test.each(['café, naïve, résumé', '写一个函数，返回两倍', 'Straße and “quotes” — dash', 'emoji 🎉 ok'])(
    'real text is accepted: %s',
    (text) => {
      expect(garbledProblem(text)).toBeUndefined();
    },
  );
});
