/**
 * What one test printed is shown beside that test, cut at the same length with the same notice in
 * both languages (shared/runner/output.ts).
 */
import { describe, expect, it } from 'vitest';
import { TEST_OUTPUT_LIMIT, TEST_OUTPUT_NOTICE } from '../../../shared/runner/output.ts';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();
const CHATTY = TEST_OUTPUT_LIMIT + 5_000;

describe('output printed by a test', () => {
  it('is kept whole when short, and cut with a notice when long, in Python', async () => {
    const result = await sandbox.pythonCheck(
      'def leap_year(y):\n    return True\n',
      [
        'import unittest',
        'from leap import leap_year',
        '',
        'class LeapTest(unittest.TestCase):',
        '    def test_quiet(self):',
        '        print("a few words")',
        '        self.assertTrue(leap_year(2000))',
        '',
        '    def test_chatty(self):',
        `        print("x" * ${CHATTY}, end="")`,
        '        self.assertTrue(leap_year(2000))',
      ].join('\n'),
    );
    const byName = Object.fromEntries(result.tests.map((t) => [t.name.replace(/.*\./, ''), t.output ?? '']));
    expect(byName['test_quiet']).toBe('a few words\n');
    expect(byName['test_chatty']).toBe('x'.repeat(TEST_OUTPUT_LIMIT) + TEST_OUTPUT_NOTICE);
  });

  it('is kept whole when short, and cut with the same notice when long, in JavaScript', async () => {
    const result = await sandbox.javascriptCheck(
      'export function isLeap() {\n  return true;\n}\n',
      [
        "import { isLeap } from './leap';",
        "test('quiet', () => { console.log('a few words'); expect(isLeap()).toBe(true); });",
        `test('chatty', () => { console.log('x'.repeat(${CHATTY})); expect(isLeap()).toBe(true); });`,
      ].join('\n'),
    );
    const byName = Object.fromEntries(result.tests.map((t) => [t.name, t.output ?? '']));
    expect(byName['quiet']).toBe('a few words\n');
    expect(byName['chatty']).toBe('x'.repeat(TEST_OUTPUT_LIMIT) + TEST_OUTPUT_NOTICE);
  });
});
