/**
 * Parsons steps in the content format and the validator: a well-formed one loads and validates,
 * and each mistake an author can make is reported with its file, line and field.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { formatContentError } from '../../../shared/content/errors.ts';
import { loadTrack } from '../../../shared/content/load.ts';
import { lessonOrderProblems } from '../../../shared/content/lesson-order.ts';
import { validateFiles } from '../../../electron/core/curriculum/validate.ts';
import { edit, fixtureFiles } from '../curriculum/fixtures.ts';
import { fakeRunner } from '../curriculum/fake-runner.ts';

const ORDER_ME = `---
id: order-me
title: { en: Put in order, zh: 排列顺序 }
type: parsons
concepts: [loops]
difficulty: 2
solution: |
  total = 0
  for n in range(4):
      total = total + n
  print(total)
distractors:
  - total = n
  - 'for n in range(4)'
cases:
  - output: |
      6
---

<!-- lang: en -->

Put the lines in order.

<!-- lang: zh -->

把这些行排好顺序。
`;

let files: Map<string, string>;
beforeAll(async () => {
  const good = await fixtureFiles('good-python');
  files = edit(good, 'track.yaml', 'lessons: [loop-quiz, leap]', 'lessons: [loop-quiz, order-me, leap]').set(
    'lessons/order-me.md',
    ORDER_ME,
  );
});

const withLesson = (text: string) => new Map(files).set('lessons/order-me.md', text);
const errorsOf = (f: Map<string, string>) => loadTrack(f).errors.map(formatContentError);
/** Every check passes except a run of exactly `program`. */
const failingOnly = (program: string) =>
  fakeRunner({
    failing: (r) => (r.code === program || /^\s+pass$/m.test(r.code) || r.code === '' ? ['test_one'] : []),
  });

describe('a parsons step in the content format', () => {
  test('loads with its solution, distractors and cases', () => {
    const loaded = loadTrack(files);
    expect(loaded.errors).toEqual([]);
    const { exercise } = loaded.exercises.get('order-me')!;
    expect(exercise).toMatchObject({ type: 'parsons', distractors: ['total = n', 'for n in range(4)'] });
  });

  test('a distractor identical to a line of the solution is an error at that distractor', () => {
    const text = ORDER_ME.replace('  - total = n\n', '  - "    total = total + n"\n');
    expect(errorsOf(withLesson(text))).toEqual([
      'lessons/order-me.md:13: distractors[0]: "total = total + n" is line 3 of the solution: a distractor must differ from every line the program needs',
    ]);
  });

  test('a Python solution indented by two spaces is an error naming the line', () => {
    const text = ORDER_ME.replace('      total = total + n', '    total = total + n');
    expect(errorsOf(withLesson(text))).toEqual([
      expect.stringMatching(
        /^lessons\/order-me\.md:7: solution: line 3 of the solution is indented by " {2}": indent a parsons solution by 4 spaces per level$/,
      ),
    ]);
  });

  test('a parsons step without tests or cases, or with a starter, is an error', () => {
    const text = ORDER_ME.replace(/cases:[\s\S]*?---/, 'starter: print(6)\n---');
    expect(errorsOf(withLesson(text))).toEqual([
      'lessons/order-me.md:2: tests: a parsons step needs tests (or output cases) to check the assembled program',
      'lessons/order-me.md:15: starter: a parsons step has no starter: the learner starts from its lines',
    ]);
  });

  test('only a parsons step has distractors', () => {
    const text = ORDER_ME.replace('type: parsons', 'type: predict').replace(
      'cases:\n  - output: |\n      6\n',
      'starter: print(6)\nexpectedOutput: "6"\n',
    );
    expect(errorsOf(withLesson(text))).toContain(
      'lessons/order-me.md:12: distractors: only a parsons step has distractor lines',
    );
  });
});

describe('validating a parsons step', () => {
  const program = 'total = 0\nfor n in range(4):\n    total = total + n\nprint(total)\n';

  test('runs its lines in the solution order, assembled, and a program of no lines', async () => {
    const { runner, requests } = failingOnly('never');
    const report = await validateFiles(files, { runner });
    expect(report.errors.filter((e) => e.file === 'lessons/order-me.md')).toEqual([]);
    const mine = requests.filter((r) => r.cases?.[0]?.output === '6\n');
    expect(mine.map((r) => r.code)).toEqual([program, '']);
  });

  test('lines that cannot form a passing program are reported at the solution', async () => {
    const report = await validateFiles(files, { runner: failingOnly(program).runner });
    expect(report.errors.map(formatContentError)).toContain(
      "lessons/order-me.md:7: solution: its lines cannot form a passing program: in the solution's order, the program prints something else in test_one: line 1 is nothing, the case says nothing",
    );
  });

  test('tests that pass with no lines at all are reported', async () => {
    const report = await validateFiles(files, { runner: fakeRunner({}).runner });
    expect(report.errors.map(formatContentError)).toContain(
      'lessons/order-me.md:7: solution: a program with none of the lines already passes; the tests must need the lines',
    );
  });
});

describe('the lesson-order rule on a parsons step', () => {
  test('applies to its solution and to its distractors', () => {
    const text = ORDER_ME.replace('concepts: [loops]', 'concepts: [basics]').replace(
      "  - 'for n in range(4)'",
      "  - 'def total(n):'",
    );
    // First in the track: no earlier lesson teaches loops.
    const first = edit(
      edit(withLesson(text), 'track.yaml', 'lessons: [intro,', 'lessons: [order-me, intro,'),
      'track.yaml',
      'lessons: [loop-quiz, order-me, leap]',
      'lessons: [loop-quiz, leap]',
    );
    const loaded = loadTrack(first);
    const problems = lessonOrderProblems(loaded.track!, loaded.exercises).map(formatContentError);
    expect(problems).toEqual([
      expect.stringMatching(
        /^lessons\/order-me\.md:9: solution: line 2 of the solution uses a loop \(`for`\), introduced by the concept "loops"/,
      ),
    ]);
    // The loop is taught here; a function in a distractor is not taught anywhere in this track.
    const taught = text.replace('concepts: [basics]', 'concepts: [loops]');
    const withFunctions = edit(
      new Map(first).set('lessons/order-me.md', taught),
      'track.yaml',
      '  - id: loops',
      '  - id: functions\n    title: { en: Functions, zh: 函数 }\n  - id: loops',
    );
    const again = loadTrack(withFunctions);
    const mine = lessonOrderProblems(again.track!, again.exercises)
      .map(formatContentError)
      .filter((line) => line.startsWith('lessons/order-me.md'));
    expect(mine).toEqual([
      expect.stringMatching(
        /^lessons\/order-me\.md:14: distractors\[1\]: the distractor uses a function definition \(`def`\), introduced by the concept "functions": no lesson of the track teaches "functions"/,
      ),
    ]);
  });
});
