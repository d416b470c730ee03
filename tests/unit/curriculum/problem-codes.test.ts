/**
 * Each kind of mistake a teacher makes in a pack comes back as a code with its parameters, at
 * the file, line and field to fix: the page words the code in the interface's language and
 * `lantern validate` prints the English catalog's words (tests/unit/foundation/message-codes).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { ContentError } from '../../../shared/content/errors.ts';
import { validateFiles } from '../../../electron/core/curriculum/validate.ts';
import { edit, fixtureFiles } from './fixtures.ts';
import { fakeRunner } from './fake-runner.ts';

let good: Map<string, string>;
beforeAll(async () => {
  good = await fixtureFiles('good-python');
});

const DOUBLE = 'lessons/double.md';
const problems = async (files: Map<string, string>) => (await validateFiles(files, { noRun: true })).errors;
/** What a problem says and where, without the English. */
const coded = ({ file, line, field, code, params }: ContentError) => ({ file, line, field, code, params });

describe('a mistake in a pack is a code at its file, line and field', () => {
  test.each<[string, (files: Map<string, string>) => Map<string, string>, Partial<ContentError>[]]>([
    [
      'a misspelt field',
      (f) => edit(f, DOUBLE, 'difficulty: 2', 'dificulty: 2'),
      [
        // A field that is missing is named at the front matter's first line.
        { file: DOUBLE, line: 2, field: 'difficulty', code: 'required' },
        { file: DOUBLE, line: 6, field: 'dificulty', code: 'unknown-field' },
      ],
    ],
    [
      'a missing title',
      (f) => edit(f, DOUBLE, 'title: { en: Double it, zh: 乘以二 }\n', ''),
      [{ file: DOUBLE, line: 2, field: 'title', code: 'required' }],
    ],
    [
      'a word where a number goes',
      (f) => edit(f, DOUBLE, 'difficulty: 2', 'difficulty: two'),
      [
        {
          file: DOUBLE,
          line: 6,
          field: 'difficulty',
          code: 'wrong-type',
          params: { kind: 'number', found: 'text', text: '"two"' },
        },
      ],
    ],
    [
      'a type that is not one of the types',
      (f) => edit(f, DOUBLE, 'type: exercise', 'type: exercize'),
      [
        {
          file: DOUBLE,
          line: 4,
          field: 'type',
          code: 'one-of',
          params: { values: 'explanation, exercise, predict, quiz, trace, parsons', value: '"exercize"' },
        },
      ],
    ],
    [
      'too few hints',
      (f) => edit(f, DOUBLE, '  - en: Return the number times two.\n    zh: 返回这个数乘以二的结果。\n', ''),
      [{ file: DOUBLE, line: 25, field: 'hints', code: 'needs-hints', params: { count: 2 } }],
    ],
    [
      'a unit with no lessons',
      (f) =>
        edit(
          edit(f, 'track.yaml', 'lessons: [loop-quiz, leap]', 'lessons: []'),
          'track.yaml',
          'lessons: [intro, double, count-up]',
          'lessons: [intro, double, count-up, loop-quiz, leap]',
        ),
      [
        {
          file: 'track.yaml',
          line: 20,
          field: 'units[1].lessons',
          code: 'at-least-items',
          params: { count: 1 },
        },
      ],
    ],
    [
      'prerequisites that go round in a circle',
      (f) =>
        edit(
          f,
          'track.yaml',
          '  - id: basics\n    title: { en: Basics, zh: 基础 }\n',
          '  - id: basics\n    title: { en: Basics, zh: 基础 }\n    prerequisites: [loops]\n',
        ),
      [
        {
          file: 'track.yaml',
          line: 11,
          field: 'concepts[0].prerequisites',
          code: 'prerequisite-cycle',
          params: { cycle: 'basics → loops → basics' },
        },
      ],
    ],
    [
      'a lesson listed twice',
      (f) => edit(f, 'track.yaml', 'lessons: [loop-quiz, leap]', 'lessons: [loop-quiz, leap, double]'),
      [
        {
          file: 'track.yaml',
          line: 20,
          field: 'units[1].lessons[2]',
          code: 'lesson-twice',
          params: { lesson: 'double' },
        },
      ],
    ],
    [
      'a Chinese title left in English',
      (f) => edit(f, DOUBLE, 'zh: 乘以二', 'zh: Double the number'),
      [{ file: DOUBLE, line: 3, field: 'title.zh', code: 'zh-is-english' }],
    ],
    [
      'an exercise file without front matter',
      (f) => edit(f, DOUBLE, '---\nid: double', 'id: double'),
      [{ file: DOUBLE, line: 1, code: 'no-front-matter' }],
    ],
  ])('%s', async (_, broken, expected) => {
    const found = (await problems(broken(good))).map(coded);
    expect(found).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  test('a YAML error names what is wrong as a code the catalog words', async () => {
    const [error] = await problems(
      edit(good, 'track.yaml', 'language: python', 'language: python\nlanguage: js'),
    );
    expect(error).toMatchObject({
      file: 'track.yaml',
      line: 4,
      code: 'yaml-syntax',
      params: { yaml: 'DUPLICATE_KEY' },
    });
  });

  test('a hint that gives the answer away is named at the hint', async () => {
    const files = edit(good, DOUBLE, 'en: Return the number times two.', 'en: "Write: return n * 2"');
    const report = await validateFiles(files, {
      runner: fakeRunner({
        failing: (r) => (/\bpass\b/.test(r.code) ? ['test_one'] : []),
        prints: () => '0\n1\n2\n',
      }).runner,
    });
    expect(report.errors.map(coded)).toEqual([
      {
        file: DOUBLE,
        line: 30,
        field: 'hints[2].en',
        code: 'hint-gives-line',
        params: { leaked: '"return n * 2"' },
      },
    ]);
  });

  test('a reference solution that fails its tests is named at the solution, with the test', async () => {
    const { runner } = fakeRunner({
      failing: (r) =>
        /\bpass\b/.test(r.code) ? ['test_one'] : r.code.includes('n * 2') ? ['test_zero'] : [],
      prints: () => '0\n1\n2\n',
    });
    const report = await validateFiles(good, { runner });
    expect(report.errors.map(coded)).toEqual([
      {
        file: DOUBLE,
        line: 11,
        field: 'solution',
        code: 'solution-fails-tests',
        params: { failed: 1, total: 3, tests: 'test_zero (AssertionError: 1 != 2)' },
      },
    ]);
  });

  test('an English-only pack that says so has nothing to translate', async () => {
    expect(await problems(await fixtureFiles('english-only-python'))).toEqual([]);
  });

  test('every problem of a broken pack has a code', async () => {
    const broken = edit(
      edit(good, DOUBLE, 'difficulty: 2', 'dificulty: 2'),
      'track.yaml',
      'lessons: [loop-quiz, leap]',
      'lessons: [loop-quiz, leap, nowhere]',
    );
    for (const error of await problems(broken)) expect(error.code, error.message).toBeTypeOf('string');
  });
});
