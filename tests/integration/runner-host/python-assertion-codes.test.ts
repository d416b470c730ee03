/**
 * Issue 16 for a failed Python assertion: the test's result carries a code and its parameters
 * (shared/runner/codes.ts), so the page says what was expected in the interface language instead
 * of unittest's English ("False is not True"), which stays the `message` for the log and the CLI.
 * Each kind of assertion is listed with the code and parameters it comes to.
 */
import { describe, expect, it } from 'vitest';
import { TEST_MESSAGE_CODES } from '../../../shared/runner/codes.ts';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();

const CODE = 'def greet():\n    return "hi"\n\nclass Box:\n    pass\n';

/** One unittest test per line of `checks`, named test_0, test_1, … */
function unittestFile(checks: string[]): string {
  return [
    'import unittest',
    'import re',
    'from leap import greet, Box',
    '',
    'class T(unittest.TestCase):',
    ...checks.flatMap((check, i) => [`    def test_${i}(self):`, `        ${check}`]),
    '',
  ].join('\n');
}

type Case = [check: string, code: string, params: Record<string, string>];

const UNITTEST: Case[] = [
  ['self.assertEqual(greet(), "Hello")', 'equal', { expected: "'Hello'", actual: "'hi'" }],
  ['self.assertListEqual([1, 2], [1, 3])', 'equal', { expected: '[1, 3]', actual: '[1, 2]' }],
  ['self.assertNotEqual(greet(), "hi")', 'notEqual', { value: "'hi'" }],
  ['self.assertTrue(greet().startswith("Hello"))', 'truthy', { value: 'False' }],
  ['self.assertFalse(greet())', 'falsy', { value: "'hi'" }],
  ['self.assertIs(greet() == "hi", False)', 'equal', { expected: 'False', actual: 'True' }],
  ['self.assertIs(Box(), Box)', 'sameObject', { expected: "<class 'leap.Box'>" }],
  ['self.assertIsNot(None, None)', 'notEqual', { value: 'None' }],
  ['self.assertIsNone(greet())', 'equal', { expected: 'None', actual: "'hi'" }],
  ['self.assertIsNotNone(None)', 'notEqual', { value: 'None' }],
  ['self.assertIn("x", greet())', 'contains', { member: "'x'", container: "'hi'" }],
  ['self.assertNotIn("h", greet())', 'notContains', { member: "'h'", container: "'hi'" }],
  ['self.assertIsInstance(greet(), int)', 'instance', { type: 'int', value: "'hi'" }],
  ['self.assertNotIsInstance(greet(), (str, int))', 'notInstance', { type: 'str, int', value: "'hi'" }],
  ['self.assertAlmostEqual(0.5, 0.6)', 'close', { expected: '0.6', actual: '0.5' }],
  ['self.assertNotAlmostEqual(0.5, 0.5)', 'notClose', { expected: '0.5', actual: '0.5' }],
  ['self.assertGreater(1, 2)', 'greater', { value: '1', bound: '2' }],
  ['self.assertGreaterEqual(1, 2)', 'greaterOrEqual', { value: '1', bound: '2' }],
  ['self.assertLess(2, 1)', 'less', { value: '2', bound: '1' }],
  ['self.assertLessEqual(2, 1)', 'lessOrEqual', { value: '2', bound: '1' }],
  ['self.assertCountEqual([1, 2], [2, 2])', 'sameItems', { expected: '[2, 2]', actual: '[1, 2]' }],
  ['self.assertRegex(greet(), r"^H")', 'matches', { text: "'hi'", pattern: "'^H'" }],
  ['self.assertNotRegex(greet(), re.compile("h"))', 'notMatches', { text: "'hi'", pattern: "'h'" }],
  ['with self.assertRaises(ValueError): greet()', 'raises', { exception: 'ValueError' }],
  ['self.assertRaises(ValueError, greet)', 'raises', { exception: 'ValueError' }],
  [
    'with self.assertRaisesRegex(ValueError, "bad"): int("x")',
    'raisesMessage',
    { exception: 'ValueError', pattern: "'bad'", message: "invalid literal for int() with base 10: 'x'" },
  ],
  [
    'with self.assertWarns(UserWarning): pass',
    'checkFailed',
    { check: 'with self.assertWarns(UserWarning): pass' },
  ],
  ['self.fail("not yet")', 'checkFailed', { check: 'self.fail("not yet")', msg: 'not yet' }],
];

describe('a failed unittest assertion is a code with its values', () => {
  it('for every kind of assertion', async () => {
    const result = await sandbox.pythonCheck(CODE, unittestFile(UNITTEST.map(([check]) => check)), {
      timeLimitMs: 30_000,
    });
    const got = Object.fromEntries(result.tests.map((t) => [t.name, t]));
    UNITTEST.forEach(([check, code, params], i) => {
      const test = got[`T.test_${i}`];
      expect(test?.status, check).toBe('fail');
      expect(test?.code, check).toBe(code);
      expect(test?.params, check).toMatchObject(params);
      expect(TEST_MESSAGE_CODES as readonly string[]).toContain(test?.code);
      // unittest's English is still the message, for the log and the command line.
      expect(test?.message, check).toBeTruthy();
    });
  });

  it('gives the author’s own msg as it is, positional or named', async () => {
    const result = await sandbox.pythonCheck(
      CODE,
      unittestFile([
        'self.assertEqual(greet(), "Hello", "greet() should say Hello")',
        'self.assertTrue(False, msg="是真的吗")',
        'self.assertAlmostEqual(1.0, 2.0, 3, "close enough?")',
        'with self.assertRaises(KeyError, msg="needs a KeyError"): pass',
        'self.assertIn(1, [2], "one")',
      ]),
      { timeLimitMs: 30_000 },
    );
    expect(result.tests.map((t) => t.params?.msg)).toEqual([
      'greet() should say Hello',
      '是真的吗',
      'close enough?',
      'needs a KeyError',
      'one',
    ]);
    expect(result.tests[0]).toMatchObject({ code: 'equal', expected: "'Hello'", actual: "'hi'" });
  });

  it('quotes the failing line when the assertion has no words of its own', async () => {
    const result = await sandbox.pythonCheck(
      CODE,
      unittestFile(['with self.assertWarns(UserWarning): pass', 'raise AssertionError("by hand")']),
      { timeLimitMs: 30_000 },
    );
    expect(result.tests[0]).toMatchObject({
      code: 'checkFailed',
      params: { check: 'with self.assertWarns(UserWarning): pass' },
    });
    expect(result.tests[1]).toMatchObject({
      code: 'checkFailed',
      params: { check: 'raise AssertionError("by hand")', msg: 'by hand' },
    });
  });

  it('never calls a learner value’s own methods to show it unguarded', async () => {
    const result = await sandbox.pythonCheck(
      'class Liar:\n    def __repr__(self):\n        raise RuntimeError("no")\n    def __bool__(self):\n        return False\n\ndef greet():\n    return Liar()\n\nclass Box:\n    pass\n',
      unittestFile(['self.assertEqual(greet(), 1)', 'self.assertTrue(greet())']),
      { timeLimitMs: 30_000 },
    );
    expect(result.tests[0]).toMatchObject({ code: 'equal', params: { actual: '<unprintable value>' } });
    expect(result.tests[1]).toMatchObject({ code: 'ownTruth', params: { type: 'Liar' } });
  });
});

describe('assertRegex and assertNotRegex with a compiled pattern', () => {
  it('pass when the text matches (or does not) and fail otherwise, as unittest’s do', async () => {
    const result = await sandbox.pythonCheck(
      CODE,
      unittestFile([
        'self.assertRegex(greet(), re.compile("^h"))',
        'self.assertNotRegex(greet(), re.compile("^H"))',
        'self.assertRegex(greet(), re.compile("^H"))',
        'self.assertNotRegex(greet(), re.compile("i$"))',
      ]),
      { timeLimitMs: 30_000 },
    );
    expect(result.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'fail', 'fail']);
    expect(result.tests[2]).toMatchObject({ code: 'matches', params: { text: "'hi'", pattern: "'^H'" } });
    expect(result.tests[3]).toMatchObject({ code: 'notMatches', params: { text: "'hi'", pattern: "'i$'" } });
  });
});

describe('a huge value in a failed assertion', () => {
  it('is cut at MAX_REPR (2000 characters) and marked with …', async () => {
    const result = await sandbox.pythonCheck(
      CODE,
      unittestFile(['self.assertEqual("x" * 1_000_000, "y")', 'raise ValueError("v" * 1_000_000)']),
      { timeLimitMs: 30_000 },
    );
    const cut = `'${'x'.repeat(1999)}…`;
    expect(result.tests[0]).toMatchObject({
      code: 'equal',
      expected: "'y'",
      actual: cut,
      params: { actual: cut },
    });
    expect(result.tests[1]?.status).toBe('error');
    expect(result.tests[1]?.error?.message).toBe(`${'v'.repeat(2000)}…`);
  });
});

describe('a failed bare assert in the test file is a code with its values', () => {
  const BARE: Case[] = [
    ['assert greet() == "Hello"', 'equal', { expected: "'Hello'", actual: "'hi'" }],
    ['assert "x" in greet()', 'contains', { member: "'x'", container: "'hi'" }],
    ['assert "h" not in greet()', 'notContains', { member: "'h'", container: "'hi'" }],
    ['assert greet().startswith("Hello")', 'truthy', { value: 'False' }],
    ['assert not greet()', 'falsy', { value: "'hi'" }],
    ['assert len(greet()) > 5', 'checkFailed', { check: 'assert len(greet()) > 5' }],
    ['assert greet() == "Hello", "say Hello"', 'equal', { msg: 'say Hello' }],
  ];

  it('for every form of assert', async () => {
    const tests = [
      'from leap import greet',
      '',
      ...BARE.flatMap(([a], i) => [`def test_${i}():`, `    ${a}`, '']),
    ].join('\n');
    const result = await sandbox.pythonCheck(CODE, tests, { timeLimitMs: 30_000 });
    BARE.forEach(([check, code, params], i) => {
      const test = result.tests[i];
      expect(test?.name, check).toBe(`test_${i}`);
      expect(test?.code, check).toBe(code);
      expect(test?.params, check).toMatchObject(params);
    });
  });

  it('does not take an earlier assert’s values for a later one that failed', async () => {
    const result = await sandbox.pythonCheck(
      CODE,
      'from leap import greet\n\ndef test_two():\n    assert greet() == "hi"\n    assert "x" in greet()\n',
      { timeLimitMs: 30_000 },
    );
    expect(result.tests[0]).toMatchObject({ code: 'contains', params: { member: "'x'", container: "'hi'" } });
    expect(result.tests[0]?.expected).toBeUndefined();
  });
});
