import { beforeAll, describe, expect, test } from 'vitest';
import { formatContentError } from '../../../shared/content/errors.ts';
import { validateFiles } from '../../../electron/core/curriculum/validate.ts';
import { edit, fixtureFiles } from './fixtures.ts';
import { fakeRunner, honestRunner } from './fake-runner.ts';

let good: Map<string, string>;
const printed = new Map([['for i in range(3):\n    print(i)\n', '0\n1\n2\n']]);
beforeAll(async () => {
  good = await fixtureFiles('good-python');
});

/** The fixture's starters are the only code with a bare `pass` line. */
const isStarter = (request: { code: string }) => /^\s+pass$/m.test(request.code);
const lines = (errors: Parameters<typeof formatContentError>[0][]) => errors.map(formatContentError);

describe('running the code of a pack', () => {
  test('a good pack passes: solutions pass, starters fail, predict output matches', async () => {
    const { runner, requests } = honestRunner(printed);
    const report = await validateFiles(good, { runner });
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    // two exercises × (solution + starter) + one predict step
    expect(requests).toHaveLength(5);
    expect(report.runs).toBe(5);
  });

  test('each exercise is run with its module, language and time limit', async () => {
    const { runner, requests } = honestRunner(printed);
    await validateFiles(good, { runner });
    const leap = requests.find((r) => r.module === 'leap' && r.code.includes('year % 400'));
    expect(leap).toMatchObject({ mode: 'check', language: 'python', timeLimitMs: 5000 });
    expect(leap?.tests).toContain('class LeapTest');
  });

  test('a solution that fails a test is reported at the solution, naming the test', async () => {
    const { runner } = fakeRunner({
      failing: (r) => (isStarter(r) ? ['test_one'] : r.code.includes('n * 2') ? ['test_zero'] : []),
      prints: () => '0\n1\n2\n',
    });
    const report = await validateFiles(good, { runner });
    expect(lines(report.errors)).toEqual([
      'lessons/double.md:11: solution: the reference solution fails 1 of 3 tests: test_zero (AssertionError: 1 != 2)',
    ]);
    expect(report.ok).toBe(false);
  });

  test('a folder exercise is reported in its code file', async () => {
    const { runner } = fakeRunner({
      failing: (r) => (isStarter(r) ? ['test_one'] : r.code.includes('year % 400') ? ['test_century'] : []),
      prints: () => '0\n1\n2\n',
    });
    const report = await validateFiles(good, { runner });
    expect(report.errors.map((e) => `${e.file}: ${e.field}`)).toEqual([
      'lessons/leap/.meta/example.py: solution',
    ]);
  });

  test('a starter that already passes', async () => {
    const { runner } = fakeRunner({
      failing: (r) => (isStarter(r) && r.module === 'leap' ? ['test_one'] : []),
      prints: () => '0\n1\n2\n',
    });
    const report = await validateFiles(good, { runner });
    expect(lines(report.errors)).toEqual([
      'lessons/double.md:8: starter: the starter code already passes every test; it must fail at least one',
    ]);
  });

  test('a predict step whose code prints something else names the first differing line', async () => {
    const files = edit(good, 'lessons/count-up.md', '  1\n  2\n', '  1\n  3\n');
    const report = await validateFiles(files, { runner: honestRunner(printed).runner });
    expect(lines(report.errors)).toEqual([
      'lessons/count-up.md:10: expectedOutput: the code prints something else: line 3 is "2", expectedOutput says "3"',
    ]);
  });

  test('a runner that crashes becomes an error, not an exception', async () => {
    const report = await validateFiles(good, {
      runner: async () => {
        throw new Error('sandbox missing');
      },
    });
    expect(report.errors).toHaveLength(5);
    expect(report.errors[0]?.message).toBe('could not run the code: sandbox missing');
  });

  test('noRun checks the files only', async () => {
    const report = await validateFiles(good, { noRun: true });
    expect(report).toMatchObject({ ok: true, runs: 0, exercises: 5 });
  });
});

describe('hints do not give the solution away', () => {
  test('a hint quoting a solution line is reported at that hint', async () => {
    const files = edit(
      good,
      'lessons/double.md',
      'en: Return the number times two.',
      'en: "Write `return n*2`."',
    );
    const report = await validateFiles(files, { noRun: true });
    expect(lines(report.errors)).toEqual([
      'lessons/double.md:30: hints[2].en: the hint gives away a line of the solution: "return n * 2"',
    ]);
  });

  test('a hint that quotes the starter is fine', async () => {
    const files = edit(
      good,
      'lessons/double.md',
      'en: Return the number times two.',
      'en: "Keep `def double(n):` as it is."',
    );
    const report = await validateFiles(files, { runner: honestRunner(printed).runner });
    expect(report.errors).toEqual([]);
  });
});
