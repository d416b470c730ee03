/**
 * Checks on generated problems built for classes rather than examples (decision 0044): markup
 * the tag list does not know, mojibake beyond Latin-1, test names that only number the tests,
 * and tests that look only at the answer's length or type.
 */
import { describe, expect, it } from 'vitest';
import { nameProblem, shapeOnly, staticTests } from '../../../electron/core/practice/test-checks.ts';
import { garbledProblem, markupProblem } from '../../../electron/core/practice/text-checks.ts';

/** UTF-8 bytes read in a legacy encoding, with the undecodable bytes dropped (no U+FFFD left). */
const mojibake = (text: string, encoding: 'gbk' | 'shift_jis') =>
  new TextDecoder(encoding).decode(new TextEncoder().encode(text)).replace(/\ufffd/g, '');

describe('markup', () => {
  it.each([
    '<my-card onfocusin="steal()">tip</my-card>',
    'see <math/onmouseover=alert(1)>',
    '[go](vbscript&colon;msgbox)',
    '[page](data:image/svg+xml;base64,PHN2Zz4=)',
    '<details open>more</details>',
  ])('refuses %s', (text) => {
    expect(markupProblem(text)).toBeDefined();
  });

  it.each([
    'Return `a < b` when x<y and 3 > 2.',
    'The data: a list of numbers.',
    'Use `<div class="x">` in HTML lessons.',
  ])('accepts %s', (text) => {
    expect(markupProblem(text)).toBeUndefined();
  });
});

describe('mojibake beyond Latin-1', () => {
  const zh = '写一个函数，返回列表中最大的数；列表为空时返回空值。';
  it('finds UTF-8 read as GBK and as Shift_JIS', () => {
    expect(garbledProblem(mojibake(zh, 'gbk'))).toMatch(/GBK/);
    expect(garbledProblem(mojibake(zh, 'shift_jis'))).toMatch(/Shift_JIS/);
  });

  it('leaves Chinese and Japanese text alone', () => {
    expect(garbledProblem(zh)).toBeUndefined();
    expect(garbledProblem('リストの中で一番大きい数を返す関数を書いてください。')).toBeUndefined();
  });
});

describe('test names in Chinese', () => {
  it('refuses names that only number the test', () => {
    expect(nameProblem('test_用例三', 'zh')).toBeDefined();
    expect(nameProblem('第二个测试', 'zh')).toBeDefined();
  });

  it('accepts names that say what they check', () => {
    expect(nameProblem('test_空列表返回零', 'zh')).toBeUndefined();
  });
});

describe('tests that look only at length or type', () => {
  it('finds them in JavaScript and Python', () => {
    const js = staticTests(
      "test('keeps three', () => {\n  expect(pick([1, 2, 3, 4])).toHaveLength(3);\n});\ntest('gives a list', () => {\n  expect(Array.isArray(pick([]))).toBe(true);\n});\n",
      'javascript',
    );
    expect(js.map((t) => t.shapeOnly)).toEqual([true, true]);
    const py = staticTests(
      'class T(unittest.TestCase):\n    def test_two(self):\n        self.assertEqual(len(pick([1, 2])), 2)\n    def test_values(self):\n        self.assertEqual(pick([1, 2]), [2])\n',
      'python',
    );
    expect(py.map((t) => t.shapeOnly)).toEqual([true, false]);
  });

  it('does not count a test that also checks a value', () => {
    expect(
      shapeOnly(
        'expect ( f ( x ) ) . toHaveLength ( 2 ) ; expect ( f ( x ) ) . toEqual ( [ 1 , 2 ] )',
        'javascript',
      ),
    ).toBe(false);
  });
});
