import { beforeAll, describe, expect, test } from 'vitest';
import { loadTrack } from '../../../shared/content/load.ts';
import { formatContentError } from '../../../shared/content/errors.ts';
import { edit, fixtureFiles } from './fixtures.ts';

let good: Map<string, string>;
beforeAll(async () => {
  good = await fixtureFiles('good-python');
});

/** The errors of a pack, as `file:line: field` keys and full lines. */
function problems(files: Map<string, string>) {
  const { errors } = loadTrack(files);
  return {
    keys: errors.map((e) => `${e.file}:${e.line ?? ''}: ${e.field ?? ''}`),
    lines: errors.map(formatContentError),
  };
}

describe('loading a good track', () => {
  test('reads the track and every step type, with no errors', () => {
    const { track, exercises, errors } = loadTrack(good);
    expect(errors).toEqual([]);
    expect(track?.id).toBe('fixture-python');
    expect([...exercises.keys()].sort()).toEqual(['count-up', 'double', 'intro', 'leap', 'loop-quiz']);
    expect(exercises.get('double')?.exercise.language).toBe('python');
  });

  test('a folder exercise reads its code from the files it names, module from the starter file', () => {
    const leap = loadTrack(good).exercises.get('leap');
    expect(leap?.exercise.module).toBe('leap');
    expect(leap?.exercise.starter).toContain('def is_leap(year):');
    expect(leap?.exercise.solution).toContain('year % 400 == 0');
    expect(leap?.exercise.tests).toContain('from leap import is_leap');
    expect(leap?.codeFiles.tests).toBe('lessons/leap/leap_test.py');
  });

  test('the prose is split into English and Chinese', () => {
    const intro = loadTrack(good).exercises.get('intro')?.exercise;
    expect(intro?.body.en).toMatch(/^A program is a list/);
    expect(intro?.body.zh).toMatch(/^程序是一串指令/);
  });
});

describe('schema errors name the file, the line and the field', () => {
  test('a value out of range', () => {
    const { lines } = problems(edit(good, 'lessons/double.md', 'difficulty: 2', 'difficulty: 11'));
    expect(lines).toEqual(['lessons/double.md:6: difficulty: must be at most 10']);
  });

  test('a misspelt field', () => {
    const { lines } = problems(edit(good, 'lessons/double.md', 'module: doubling', 'modul: doubling'));
    expect(lines).toEqual([
      'lessons/double.md:7: modul: unknown field (check its spelling against docs/content-format.md)',
    ]);
  });

  test('a missing translation inside a list', () => {
    const files = edit(good, 'lessons/double.md', '    zh: 在 Python 里乘法写作 `*`。\n', '');
    expect(problems(files).lines).toEqual(['lessons/double.md:28: hints[1].zh: is required']);
  });

  test('a wrong type', () => {
    const { lines } = problems(edit(good, 'lessons/double.md', 'difficulty: 2', 'difficulty: easy'));
    expect(lines).toEqual(['lessons/double.md:6: difficulty: must be a number (found the text "easy")']);
  });

  test('an unknown step type', () => {
    const { lines } = problems(edit(good, 'lessons/intro.md', 'type: explanation', 'type: lecture'));
    expect(lines).toEqual([
      'lessons/intro.md:4: type: must be one of: explanation, exercise, predict, quiz, trace, parsons (found "lecture")',
    ]);
  });

  test('too few hints for an exercise', () => {
    const files = edit(
      good,
      'lessons/double.md',
      '  - en: Return the number times two.\n    zh: 返回这个数乘以二的结果。\n',
      '',
    );
    expect(problems(files).lines).toEqual([
      'lessons/double.md:25: hints: an exercise needs at least 3 graded hints (has 2)',
    ]);
  });

  test('a quiz without a correct choice', () => {
    const files = edit(good, 'lessons/loop-quiz.md', '    correct: true\n', '');
    expect(problems(files).keys).toEqual(['lessons/loop-quiz.md:7: choices']);
  });

  test('a quiz choice without an explanation is named by its file, line and field', () => {
    const files = edit(
      good,
      'lessons/loop-quiz.md',
      '    explanation:\n      en: range(3) stops before 3, so there is no fourth round.\n      zh: range(3) 在 3 之前就停止了，所以没有第四轮。\n',
      '',
    );
    expect(problems(files).lines).toEqual([
      'lessons/loop-quiz.md:13: choices[1].explanation: every choice needs an explanation { en, zh }: a sentence or two on why this choice is right or wrong, shown after the learner picks it',
    ]);
  });

  test('a quiz explanation in one language only (the pack declares both)', () => {
    const files = edit(
      good,
      'lessons/loop-quiz.md',
      '      zh: range(3) 在 3 之前就停止了，所以没有第四轮。\n',
      '',
    );
    expect(problems(files).lines).toEqual([
      'lessons/loop-quiz.md:14: choices[1].explanation.zh: is required',
    ]);
  });

  test('a quiz explanation that is empty', () => {
    const files = edit(
      good,
      'lessons/loop-quiz.md',
      'en: range(3) stops before 3, so there is no fourth round.',
      "en: ''",
    );
    expect(problems(files).lines).toEqual([
      'lessons/loop-quiz.md:15: choices[1].explanation.en: English text is empty',
    ]);
  });

  test('a YAML syntax error', () => {
    const files = edit(good, 'lessons/count-up.md', 'difficulty: 2', 'difficulty: [2');
    expect(problems(files).keys[0]).toMatch(/^lessons\/count-up\.md:\d+: $/);
  });

  test('a missing language section in the prose', () => {
    const files = edit(good, 'lessons/intro.md', '<!-- lang: zh -->', '');
    expect(problems(files).keys).toEqual(['lessons/intro.md:10: body.zh']);
  });

  test('a track.yaml field', () => {
    const files = edit(good, 'track.yaml', 'language: python', 'language: ruby');
    expect(problems(files).keys).toEqual(['track.yaml:3: language']);
  });

  test('no track.yaml at all', () => {
    const files = new Map(good);
    files.delete('track.yaml');
    expect(problems(files).keys).toEqual(['track.yaml:: ']);
  });
});

describe('the track holds together', () => {
  test('a lesson listed in track.yaml but never written', () => {
    const files = edit(good, 'track.yaml', '[loop-quiz, leap]', '[loop-quiz, leap, ghost]');
    expect(problems(files).lines).toEqual([
      'track.yaml:20: units[1].lessons[2]: no exercise with id "ghost" in lessons/',
    ]);
  });

  test('a lesson file that no unit lists', () => {
    const files = edit(good, 'track.yaml', '[loop-quiz, leap]', '[leap]');
    expect(problems(files).keys).toEqual(['lessons/loop-quiz.md:1: ']);
  });

  test('the same lesson listed twice', () => {
    const files = edit(good, 'track.yaml', '[loop-quiz, leap]', '[loop-quiz, leap, double]');
    expect(problems(files).lines).toEqual([
      'track.yaml:20: units[1].lessons[2]: lesson "double" is listed twice',
    ]);
  });

  test('two files with the same id', () => {
    const files = edit(good, 'lessons/loop-quiz.md', 'id: loop-quiz', 'id: intro');
    expect(problems(files).keys).toContain('lessons/loop-quiz.md:2: id');
  });

  test('an exercise naming a concept the track does not have', () => {
    const files = edit(good, 'lessons/double.md', 'concepts: [basics]', 'concepts: [recursion]');
    expect(problems(files).lines).toEqual([
      'lessons/double.md:5: concepts[0]: no concept "recursion" in track.yaml',
    ]);
  });

  test('a prerequisite that does not exist', () => {
    const files = edit(good, 'track.yaml', 'prerequisites: [basics]', 'prerequisites: [variables]');
    expect(problems(files).lines).toEqual([
      'track.yaml:13: concepts[1].prerequisites[0]: no concept "variables" in this track',
    ]);
  });

  test('prerequisites that go round in a circle, with the circle named', () => {
    const files = edit(
      good,
      'track.yaml',
      '    title: { en: Basics, zh: 基础 }\n',
      '    title: { en: Basics, zh: 基础 }\n    prerequisites: [loops]\n',
    );
    expect(problems(files).lines).toEqual([
      'track.yaml:11: concepts[0].prerequisites: prerequisites form a cycle: basics → loops → basics',
    ]);
  });

  test('a folder exercise naming a file that is not there', () => {
    const files = new Map(good);
    files.delete('lessons/leap/leap_test.py');
    expect(problems(files).lines).toEqual([
      'lessons/leap/exercise.md:10: files.tests: no file "leap_test.py" in lessons/leap/',
    ]);
  });
});
