import { beforeAll, describe, expect, test } from 'vitest';
import { formatContentError } from '../../../shared/content/errors.ts';
import { validateFiles } from '../../../electron/core/curriculum/validate.ts';
import { edit, fixtureFiles } from './fixtures.ts';

let good: Map<string, string>;
beforeAll(async () => {
  good = await fixtureFiles('good-python');
});

const GAP = 'the Chinese text is English; translate it (or mark the track `untranslated: [zh]`)';
const errorsOf = async (files: Map<string, string>) =>
  (await validateFiles(files, { noRun: true })).errors.map(formatContentError);

describe('every lesson has Chinese text, not English pasted into the Chinese field', () => {
  test('the good fixture has none of these problems', async () => {
    expect(await errorsOf(good)).toEqual([]);
  });

  test('English prose in the Chinese section is reported at the section marker', async () => {
    const files = edit(
      good,
      'lessons/double.md',
      '写一个函数 `double(n)`，返回 `n` 的两倍。',
      'Write `double(n)` so that it returns twice `n`.',
    );
    expect(await errorsOf(files)).toEqual([`lessons/double.md:38: body.zh: ${GAP}`]);
  });

  test('a hint left in English is reported at its line and field', async () => {
    const files = edit(
      good,
      'lessons/double.md',
      'zh: 在 Python 里乘法写作 `*`。',
      'zh: Multiplication is written with `*` in Python.',
    );
    expect(await errorsOf(files)).toEqual([`lessons/double.md:29: hints[1].zh: ${GAP}`]);
  });

  test('a quiz choice left in English is reported; code or output that is the same in both is not', async () => {
    const english = edit(good, 'lessons/loop-quiz.md', 'zh: 四次', 'zh: Four times over');
    expect(await errorsOf(english)).toEqual([`lessons/loop-quiz.md:13: choices[1].text.zh: ${GAP}`]);
    const output = edit(
      good,
      'lessons/loop-quiz.md',
      '{ en: Four times, zh: 四次 }',
      '{ en: "[0, 1]", zh: "[0, 1]" }',
    );
    expect(await errorsOf(output)).toEqual([]);
  });

  test('a quiz choice’s explanation left in English is reported at its line and field', async () => {
    const files = edit(
      good,
      'lessons/loop-quiz.md',
      'zh: range(3) 在 3 之前就停止了，所以没有第四轮。',
      'zh: range(3) stops before 3, so there is no fourth round.',
    );
    expect(await errorsOf(files)).toEqual([`lessons/loop-quiz.md:16: choices[1].explanation.zh: ${GAP}`]);
  });

  test('a track marked `untranslated: [zh]` may carry English in the Chinese fields', async () => {
    const english = edit(
      good,
      'lessons/double.md',
      '写一个函数 `double(n)`，返回 `n` 的两倍。',
      'Write `double(n)` so that it returns twice `n`.',
    );
    const marked = edit(
      english,
      'track.yaml',
      'language: python\n',
      'language: python\nuntranslated: [zh]\n',
    );
    expect(await errorsOf(marked)).toEqual([]);
  });
});
