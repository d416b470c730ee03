/**
 * A starter's comments are prose: a learner with the Chinese interface reads them in Chinese
 * (issue 16). The built-in lessons translate every one; a pack that forgets one is told where.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readPack, textOf } from '../../../electron/core/curriculum/pack-files.ts';
import { validateFiles } from '../../../electron/core/curriculum/validate.ts';
import { loadTrack, type PackFiles } from '../../../shared/content/load.ts';
import { Exercise } from '../../../shared/content/schema.ts';
import { starterIn, untranslatedComments } from '../../../shared/content/starter-comments.ts';

const EXERCISES = fileURLToPath(new URL('../../../exercises/', import.meta.url));

async function builtin(language: string): Promise<PackFiles> {
  const read = await readPack(EXERCISES + language);
  if ('errors' in read) throw new Error(`exercises/${language} did not read`);
  return textOf(read.files);
}

function edited(files: PackFiles, file: string, from: string, to: string): PackFiles {
  const text = files.get(file)!;
  expect(text).toContain(from);
  return new Map([...files, [file, text.replace(from, to)]]);
}

describe('starter comments in the learner’s language', () => {
  test.each(['python', 'javascript', 'typescript'])(
    'every comment of a %s starter has its Chinese, and the code is the same in both',
    async (language) => {
      const files = await builtin(language);
      const report = await validateFiles(files, { noRun: true, strict: true });
      expect(report.errors.filter((e) => e.code?.startsWith('comment-'))).toEqual([]);
      for (const { exercise } of loadTrack(files).exercises.values()) {
        const zh = starterIn(exercise, 'zh');
        const code = (s: string) => s.split('\n').map((line) => line.replace(/(#|\/\/).*$/, ''));
        expect(code(zh), exercise.id).toEqual(code(exercise.starter));
        expect(starterIn(exercise, 'en')).toBe(exercise.starter);
      }
    },
  );

  test('the Chinese starter says the comment in Chinese, on its own line', async () => {
    const hello = loadTrack(await builtin('python')).exercises.get('hello-world')!.exercise;
    expect(starterIn(hello, 'zh')).toBe('def greet():\n    # 在这里返回问候语\n    pass\n');
    expect(starterIn(hello, 'en')).toBe('def greet():\n    # Return the greeting here\n    pass\n');
  });

  test('a comment left in English is a warning at its line, an error for a built-in track', async () => {
    const files = edited(
      await builtin('python'),
      'lessons/hello-world.md',
      'starterComments:\n  - en: Return the greeting here\n    zh: 在这里返回问候语\n',
      '',
    );
    const found = expect.objectContaining({
      file: 'lessons/hello-world.md',
      line: 12,
      field: 'starter',
      code: 'comment-untranslated',
      params: { text: 'Return the greeting here' },
    });
    // A pack written before starterComments still installs, and is told.
    const pack = await validateFiles(files, { noRun: true });
    expect(pack.warnings).toContainEqual(found);
    expect(pack.errors).not.toContainEqual(found);
    expect((await validateFiles(files, { noRun: true, strict: true })).errors).toContainEqual(found);
  });

  test('commented-out code is not prose and needs no translation', () => {
    const exercise = Exercise.parse({
      id: 'x',
      title: { en: 'X', zh: '某' },
      type: 'explanation',
      concepts: ['basics'],
      difficulty: 1,
      language: 'typescript',
      starter: "const total = 2;\n// Remove the // below and look.\n// console.log(price('12.50', 'EUR'));\n",
      body: { en: 'Read it.', zh: '读一读。' },
    });
    expect(untranslatedComments(exercise)).toEqual([{ line: 2, text: 'Remove the // below and look.' }]);
  });

  test('a translation of a comment the starter does not have is an error', () => {
    const parsed = Exercise.safeParse({
      id: 'x',
      title: { en: 'X', zh: '某' },
      type: 'explanation',
      concepts: ['basics'],
      difficulty: 1,
      starter: 'x = 1  # one\n',
      starterComments: [{ en: 'two', zh: '二' }],
      body: { en: 'Read it.', zh: '读一读。' },
    });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['starterComments', 0, 'en'], message: 'comment-not-in-starter' }),
    ]);
  });
});
