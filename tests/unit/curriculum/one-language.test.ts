/**
 * A pack in one language (decision 0042): English-only or Chinese-only, each text written once.
 * It loads and validates; the other language's fields carry the pack's own text; a learner whose
 * interface language is missing gets the lesson in the pack's language, marked so the lesson view
 * says it. A pack that declares nothing still needs both languages.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadTrack } from '../../../shared/content/load.ts';
import { validateFiles } from '../../../electron/core/curriculum/validate.ts';
import { Curriculum } from '../../../electron/core/curriculum/index.ts';
import { lessonHandlers } from '../../../electron/core/api/lesson-handlers.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { Verifier } from '../../../electron/core/learner/verifier.ts';
import { silentLogger } from '../../../electron/core/logger.ts';
import { runnerErrorResult } from '../../../shared/runner/results.ts';
import { dispatch, type Handlers } from '../../../shared/api/dispatch.ts';
import { addProfile, tempDatabase } from '../learner/fixtures.ts';
import { PACKS, edit, fixtureFiles } from './fixtures.ts';

describe('a pack written in one language', () => {
  test('English only: plain texts and unmarked prose load, the Chinese fields carry the English', async () => {
    const { track, exercises, errors } = loadTrack(await fixtureFiles('english-only-python'));
    expect(errors).toEqual([]);
    expect(track).toMatchObject({
      title: { en: 'Reading Python', zh: 'Reading Python' },
      untranslated: ['zh'],
      concepts: [{ id: 'basics', title: { en: 'Basics', zh: 'Basics' } }],
      units: [{ title: { en: 'Start', zh: 'Start' } }],
    });
    const intro = exercises.get('what-print-does')!.exercise;
    expect(intro.body).toEqual({
      en: '`print` shows a value on the screen, on a line of its own.',
      zh: '`print` shows a value on the screen, on a line of its own.',
    });
    const quiz = exercises.get('print-quiz')!.exercise;
    expect(quiz.title).toEqual({ en: 'What does it show?', zh: 'What does it show?' });
    expect(quiz.choices!.map((c) => c.text.zh)).toEqual(['hi', 'print("hi")']);
    // A choice's explanation, as plain text or under its one key, is copied the same way.
    expect(quiz.choices!.map((c) => c.explanation.zh)).toEqual([
      'print shows the value it is given, without the quotes.',
      'The code itself is not shown; only what print is given appears.',
    ]);
    expect(quiz.body.zh).toBe('What does `print("hi")` show?');
  });

  test('Chinese only: texts under zh alone load, the English fields carry the Chinese', async () => {
    const { track, exercises, errors } = loadTrack(await fixtureFiles('chinese-only-python'));
    expect(errors).toEqual([]);
    expect(track!.title).toEqual({ en: '读懂 Python', zh: '读懂 Python' });
    expect(exercises.get('what-print-does')!.exercise.body.en).toBe(
      '`print` 把一个值显示在屏幕上，单独占一行。',
    );
  });

  test('both pass the validator, with no translation check to fail', async () => {
    for (const pack of ['english-only-python', 'chinese-only-python']) {
      const report = await validateFiles(await fixtureFiles(pack), { noRun: true });
      expect(report.errors, pack).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });

  test('a pack that does not declare one language still needs the Chinese text, with its line', async () => {
    const files = edit(await fixtureFiles('english-only-python'), 'track.yaml', 'untranslated: [zh]\n', '');
    const { errors } = loadTrack(files);
    expect(errors).toContainEqual(expect.objectContaining({ file: 'track.yaml', line: 5, field: 'title' }));
  });

  test('a pack cannot be untranslated into both languages', async () => {
    const files = edit(
      await fixtureFiles('english-only-python'),
      'track.yaml',
      'untranslated: [zh]',
      'untranslated: [en, zh]',
    );
    const { errors } = loadTrack(files);
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'track.yaml',
        field: 'untranslated',
        message: 'a pack is written in at least one language: untranslated lists one of en, zh',
      }),
    );
  });
});

describe('the lesson of a one-language pack', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('opens with the language it lacks, for the lesson view’s notice', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lantern-one-language-'));
    const packsDir = join(dir, 'packs');
    await cp(PACKS + 'english-only-python', join(packsDir, 'english-only-python'), { recursive: true });
    await cp(PACKS + 'good-python', join(packsDir, 'fixture-python'), { recursive: true });
    const { db } = tempDatabase();
    const progress = new ProgressStore(db);
    const profileId = addProfile(db, 'Ada');
    const handlers = lessonHandlers({
      curriculum: new Curriculum({ builtinDir: join(dir, 'none'), packsDir }),
      progress,
      profileId: () => profileId,
      recordAttempt: (a) => progress.insertAttempt(a),
      verifier: new Verifier({
        runCode: () => Promise.resolve(runnerErrorResult('RunnerUnavailable', 'no sandbox in this test')),
        log: silentLogger(),
      }),
      log: silentLogger(),
    }) as unknown as Handlers;
    const open = async (trackId: string, exerciseId: string) => {
      const envelope = await dispatch(handlers, 'openLesson', { trackId, exerciseId }, { emit: () => {} });
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value as { untranslated?: string[]; exercise: { title: { zh: string } } };
    };
    const lesson = await open('english-only-python', 'what-print-does');
    expect(lesson.untranslated).toEqual(['zh']);
    expect(lesson.exercise.title.zh).toBe('What print does');
    expect((await open('fixture-python', 'intro')).untranslated).toBeUndefined();
  });
});
