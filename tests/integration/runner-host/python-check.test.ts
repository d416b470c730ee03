/** Python Check through the Node sandbox host: the learner's module under unittest and assert tests. */
import { describe, expect, it } from 'vitest';
import { statuses, useSandbox } from './helpers.ts';

const sandbox = useSandbox();

const LEAP = 'def leap_year(year):\n    return year % 4 == 0\n';

const UNITTEST = `import unittest
from leap import leap_year


class LeapTest(unittest.TestCase):
    def test_ordinary_leap_year(self):
        self.assertIs(leap_year(1996), True)

    def test_century(self):
        print("checking 1900")
        self.assertEqual(leap_year(1900), False)

    @unittest.skip("not yet")
    def test_skipped(self):
        self.fail("never runs")
`;

describe('Python Check in the Node sandbox', () => {
  it('imports the learner’s file as a module and runs unittest.TestCase tests', async () => {
    const result = await sandbox.pythonCheck(LEAP, UNITTEST);
    expect(result.status).toBe('fail');
    expect(result.message).toBe('1 of 2 tests did not pass.');
    expect(statuses(result)).toEqual({
      'LeapTest.test_ordinary_leap_year': 'pass',
      'LeapTest.test_century': 'fail',
    });
  });

  it('gives a failed equality assertion its message, expected, actual and printed output', async () => {
    const result = await sandbox.pythonCheck(LEAP, UNITTEST);
    const century = result.tests.find((test) => test.name === 'LeapTest.test_century');
    expect(century).toMatchObject({
      status: 'fail',
      message: 'True != False',
      expected: 'False',
      actual: 'True',
      output: 'checking 1900\n',
    });
  });

  it('runs plain assert test functions and shows both sides of `==`', async () => {
    const tests =
      'from leap import leap_year\n\ndef test_2000():\n    assert leap_year(2000)\n\ndef test_1900():\n    assert leap_year(1900) == False\n';
    const result = await sandbox.pythonCheck(LEAP, tests);
    expect(statuses(result)).toEqual({ test_2000: 'pass', test_1900: 'fail' });
    expect(result.tests[1]).toMatchObject({
      message: 'assert leap_year(1900) == False',
      expected: 'False',
      actual: 'True',
    });
  });

  it('passes when every test passes', async () => {
    const right = 'def leap_year(year):\n    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)\n';
    const result = await sandbox.pythonCheck(right, UNITTEST);
    expect(result.status).toBe('pass');
    expect(result.message).toBe('All 2 tests passed.');
  });

  it('runs the learner’s top-level code once, not again when the tests import it', async () => {
    const result = await sandbox.pythonCheck(`print("loading")\n${LEAP}`, UNITTEST);
    expect(result.stdout).toBe('loading\n');
  });

  it('marks an exception inside the learner’s function as an error on the learner’s line', async () => {
    const code = 'def leap_year(year):\n    return year % 4 == 0 and yeer % 100 != 0\n';
    const result = await sandbox.pythonCheck(code, UNITTEST);
    const test = result.tests.find((t) => t.name === 'LeapTest.test_ordinary_leap_year');
    expect(test?.status).toBe('error');
    expect(test?.message).toBe("NameError: name 'yeer' is not defined");
    expect(test?.error).toMatchObject({ type: 'NameError', file: 'leap.py', line: 2 });
    expect(test?.error?.traceback).toContain('File "leap_test.py", line 7, in test_ordinary_leap_year');
    expect(test?.error?.traceback).toContain('File "leap.py", line 2, in leap_year');
    expect(test?.error?.traceback).not.toMatch(/unittest|harness|\/lib\//);
  });

  it('says the learner’s code failed before the tests, naming the line', async () => {
    const result = await sandbox.pythonCheck('def leap_year(year)\n    return True\n', UNITTEST);
    expect(result.status).toBe('error');
    expect(result.message).toBe('Your code stopped with an error before the tests could run.');
    expect(result.error).toMatchObject({ type: 'SyntaxError', file: 'leap.py', line: 1 });
  });

  it("says the learner's code needs the function the test file cannot import", async () => {
    const result = await sandbox.pythonCheck(
      LEAP,
      'from leap import is_leap\n\ndef test_it():\n    assert is_leap(2000)\n',
    );
    expect(result.status).toBe('error');
    expect(result.message).toBe('Your code needs a function called is_leap.');
    expect(result.error).toMatchObject({
      type: 'ImportError',
      file: 'leap_test.py',
      code: 'missingFunction',
    });
    expect(result.error?.traceback).toContain("cannot import name 'is_leap'");
  });

  it('says so when the test file has a syntax error', async () => {
    const result = await sandbox.pythonCheck(LEAP, 'def test_it(:\n    pass\n');
    expect(result.status).toBe('error');
    expect(result.message).toContain('The tests could not be loaded: SyntaxError');
    expect(result.error).toMatchObject({ file: 'leap_test.py', line: 1 });
  });

  it('reports an error, not a pass, when the test file has no tests', async () => {
    const result = await sandbox.pythonCheck(LEAP, 'from leap import leap_year\n');
    expect(result.status).toBe('error');
    expect(result.message).toBe('No tests were found in the test file.');
  });

  it('keeps the results of the tests that ran before one hit the time limit', async () => {
    const code = 'def leap_year(year):\n    while year == 1900:\n        pass\n    return year % 4 == 0\n';
    const result = await sandbox.pythonCheck(code, UNITTEST, { timeLimitMs: 1000 });
    expect(result.status).toBe('timeout');
    expect(result.tests).toEqual([
      expect.objectContaining({ name: 'LeapTest.test_ordinary_leap_year', status: 'pass' }),
    ]);
    const next = await sandbox.pythonCheck(LEAP, UNITTEST);
    expect(next.status).toBe('fail');
  });

  it('counts a test that raises SystemExit as an error', async () => {
    const code = 'import sys\n\ndef leap_year(year):\n    sys.exit(0)\n';
    const result = await sandbox.pythonCheck(code, UNITTEST);
    expect(result.status).toBe('fail');
    expect(result.tests[0]).toMatchObject({
      status: 'error',
      message: 'SystemExit: The program called exit(0).',
    });
  });
});
