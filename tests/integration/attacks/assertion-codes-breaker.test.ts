/**
 * A breaker's cases for issue 16 (decision 0057): a failed Python check is sent as a code with
 * its values. As a learner after a better mark, the learner's code (never the test file) tries to
 * make a failed check pass or to put its own code, values or markup into the result; as a
 * Chinese-interface learner, every kind of unittest assertion must come to a code the catalogs
 * word in both languages, never unittest's English on the page.
 */
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../runner-host/helpers.ts';
import { TEST_MESSAGE_CODES } from '../../../shared/runner/codes.ts';
import en from '../../../shared/i18n/locales/en/lesson.json' with { type: 'json' };
import zh from '../../../shared/i18n/locales/zh/lesson.json' with { type: 'json' };

const sandbox = useSandbox();

const HTML = '<img src=x onerror=alert(1)>{{expected}}$t(runner.testMessage.equal)';

const LEARNER = String.raw`
import sys, unittest, builtins

class EqLies:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False

class EqRaises:
    def __eq__(self, other):
        raise RuntimeError("eq boom")

class HtmlRepr:
    def __repr__(self):
        return '<img src=x onerror=alert(1)>{{expected}}$t(runner.testMessage.equal)'

class HugeRepr:
    def __repr__(self):
        return "r" * 5_000_000

class ExitRepr:
    def __repr__(self):
        raise SystemExit(0)
    def __eq__(self, other):
        return False

class KbRepr:
    def __repr__(self):
        raise KeyboardInterrupt()
    def __eq__(self, other):
        return False

class ReprNotStr:
    def __repr__(self):
        return 42

class BoolLies:
    def __bool__(self):
        raise SystemExit(0)

class MyAssert(AssertionError):
    def __str__(self):
        return "All checks passed"

class Matcher(AssertionError):
    pass

def raise_sub():
    raise MyAssert("x")

def raise_shaped():
    e = AssertionError("checkFailed")
    e.code = "equal"
    e.params = {"expected": "1", "actual": "1"}
    raise e

def exit_zero():
    raise SystemExit(0)

def skip_me():
    raise unittest.SkipTest("later")

def patch_unittest():
    unittest.TestCase.assertEqual = lambda *a, **k: None
    unittest.TestCase.assertTrue = lambda *a, **k: None
    unittest.TestCase.fail = lambda *a, **k: None
    return 1

def patch_assertion_error():
    builtins.AssertionError = RuntimeError
    return 1

def real_unittest_fail():
    unittest.TestCase().assertEqual("Hello", "World")

def eq_lies(): return EqLies()
def eq_raises(): return EqRaises()
def html(): return HtmlRepr()
def huge(): return HugeRepr()
def exit_repr(): return ExitRepr()
def kb_repr(): return KbRepr()
def repr_not_str(): return ReprNotStr()
def bool_lies(): return BoolLies()
`;

type Case = [check: string, status: string, code: string | undefined, params?: Record<string, string>];

/** The learner's values and helpers above, used from an author's test file. */
const CASES: Case[] = [
  // trusted.py compares builtin values itself: an __eq__ that says True does not pass.
  ['self.assertEqual(eq_lies(), "Hello")', 'fail', 'equal', { expected: "'Hello'" }],
  ['self.assertEqual(eq_raises(), "Hello")', 'fail', 'equal', { expected: "'Hello'" }],
  // Markup and i18next syntax in a repr are only a value: the page puts it in <code> as text.
  ['self.assertEqual(html(), "Hello")', 'fail', 'equal', { actual: HTML }],
  ['self.assertIsNone(html())', 'fail', 'equal', { expected: 'None', actual: HTML }],
  ['self.assertIn(html(), [1])', 'fail', 'contains', { member: HTML, container: '[1]' }],
  ['self.assertEqual(huge(), "Hello")', 'fail', 'equal', { actual: `${'r'.repeat(2000)}…` }],
  ['self.assertEqual(exit_repr(), "Hello")', 'fail', 'equal', { actual: '<unprintable value>' }],
  ['self.assertEqual(kb_repr(), "Hello")', 'fail', 'equal', { actual: '<unprintable value>' }],
  ['self.assertEqual(repr_not_str(), "Hello")', 'fail', 'equal', { actual: '<unprintable value>' }],
  ['self.assertTrue(bool_lies())', 'fail', 'ownTruth', { type: 'BoolLies' }],
  // An AssertionError the learner's code raised is a failure quoting the test's line; its words
  // are the learner's (shown as the test's note), but nothing makes it a pass or another code.
  ['self.assertEqual(raise_sub(), 1)', 'fail', 'checkFailed', { check: 'self.assertEqual(raise_sub(), 1)' }],
  ['self.assertEqual(raise_shaped(), 1)', 'fail', 'checkFailed', { msg: 'checkFailed' }],
  ['real_unittest_fail()', 'fail', 'checkFailed', { check: 'real_unittest_fail()' }],
  ['self.assertEqual(exit_zero(), 1)', 'error', undefined],
  ['self.assertEqual(skip_me(), 1)', 'error', 'skipped', { reason: 'later' }],
  ['self.assertEqual(1, 2, msg=exit_repr())', 'error', undefined],
  ['patch_assertion_error(); self.assertEqual(1, 2)', 'fail', 'equal', { expected: '2', actual: '1' }],
  // Kinds of unittest assertion the first list did not cover.
  ['self.assertDictEqual({"a": 1}, {"a": 2})', 'fail', 'equal', { expected: "{'a': 2}", actual: "{'a': 1}" }],
  ['self.assertListEqual([1], [2])', 'fail', 'equal', { expected: '[2]', actual: '[1]' }],
  ['self.assertSetEqual({1}, {2})', 'fail', 'equal', { expected: '{2}', actual: '{1}' }],
  ['self.assertTupleEqual((1,), (2,))', 'fail', 'equal', { expected: '(2,)', actual: '(1,)' }],
  [
    'self.assertMultiLineEqual("a\\nb", "a\\nc")',
    'fail',
    'equal',
    { expected: "'a\\nc'", actual: "'a\\nb'" },
  ],
  ['self.assertSequenceEqual([1], [2])', 'fail', 'equal', { expected: '[2]', actual: '[1]' }],
  ['with self.assertWarns(UserWarning): pass', 'fail', 'checkFailed'],
  ['with self.assertWarns(UserWarning): __import__("warnings").warn("w")', 'pass', undefined],
  ['with self.subTest(i=1): self.assertEqual(1, 2)', 'fail', 'equal', { expected: '2', actual: '1' }],
  ['self.fail()', 'fail', 'checkFailed', { check: 'self.fail()' }],
  ['with self.assertRaisesRegex(ValueError, "bad"): int("1")', 'fail', 'raises', { exception: 'ValueError' }],
  ['self.assertRaisesRegex(ValueError, "bad", int, "x")', 'fail', 'raisesMessage', { pattern: "'bad'" }],
  ['self.assertRegex("abc", "z", msg=html())', 'fail', 'matches', { msg: HTML }],
  // assertLogs: unittest imports its helper (unittest._log) the first time, which must not read
  // as the learner changing the testing tools; its English is not the test's note.
  ['with self.assertLogs("x"): pass', 'fail', 'checkFailed', { check: 'with self.assertLogs("x"): pass' }],
  ['with self.assertLogs("x"): __import__("logging").getLogger("x").warning("w")', 'pass', undefined],
  ['with self.assertNoLogs("x"): __import__("logging").getLogger("x").warning("w")', 'fail', 'checkFailed'],
  ['with self.assertNoLogs("x"): pass', 'pass', undefined],
];

/** Each changes unittest from the learner's code, so each is a run of its own. */
const TAMPERING = [
  'patch_unittest(); self.assertEqual(1, 2)',
  'patch_unittest(); self.assertTrue(False)',
  'patch_unittest(); self.fail("no")',
];

function unittestFile(checks: string[]): string {
  return [
    'import unittest',
    'from leap import *',
    '',
    'class T(unittest.TestCase):',
    ...checks.flatMap((check, i) => [
      `    def test_${String(i).padStart(2, '0')}(self):`,
      `        ${check}`,
    ]),
    '',
  ].join('\n');
}

const worded = (code: string) => code in en.runner.testMessage && code in zh.runner.testMessage;

describe('a learner after a better mark, and every kind of unittest assertion', () => {
  it('each check comes to its status and a code both catalogs word', async () => {
    const result = await sandbox.pythonCheck(LEARNER, unittestFile(CASES.map(([c]) => c)), {
      timeLimitMs: 60_000,
    });
    expect(result.status).not.toBe('pass');
    CASES.forEach(([check, status, code, params], i) => {
      const test = result.tests[i];
      expect(test?.status, check).toBe(status);
      expect(test?.code, check).toBe(code);
      if (params) expect(test?.params, check).toMatchObject(params);
      if (code) {
        expect(TEST_MESSAGE_CODES as readonly string[], check).toContain(code);
        expect(worded(code), check).toBe(true);
      }
    });
  });

  it('no unittest English is the test’s note', async () => {
    const result = await sandbox.pythonCheck(
      LEARNER,
      unittestFile(['with self.assertLogs("x"): pass', 'with self.assertWarns(UserWarning): pass']),
      { timeLimitMs: 60_000 },
    );
    expect(result.tests.map((t) => t.params?.msg)).toEqual([undefined, undefined]);
    // It stays the message, for the log.
    expect(result.tests[0]?.message).toContain('no logs');
  });

  it.each(TAMPERING)('changing unittest from the learner’s code is tampering: %s', async (check) => {
    const result = await sandbox.pythonCheck(LEARNER, unittestFile([check]), { timeLimitMs: 60_000 });
    expect(result.status).not.toBe('pass');
    expect(result.tests[0]).toMatchObject({ status: 'error', code: 'tampered' });
  });
});
