import { describe, expect, test } from 'vitest';
import { Exercise } from '../../../shared/content/schema.ts';
import { exerciseFromTemplate, generateOffline } from '../../../electron/core/practice/offline.ts';
import { isInLanguage } from '../../../electron/core/practice/text-checks.ts';
import { exerciseFingerprint } from '../../../electron/core/practice/validate.ts';
import { leakedLine } from '../../../electron/core/curriculum/verify.ts';
import { BUILTIN_TEMPLATES, JAVASCRIPT_CONCEPTS, PYTHON_CONCEPTS, markerRunner } from './helpers.ts';

const tracks = [
  ['python', PYTHON_CONCEPTS],
  ['javascript', JAVASCRIPT_CONCEPTS],
] as const;

describe('offline templates', () => {
  test.each(tracks)('every %s concept has at least two templates', (language, concepts) => {
    for (const concept of concepts)
      expect(BUILTIN_TEMPLATES.for(language, concept).length, concept).toBeGreaterThanOrEqual(2);
  });

  test.each(tracks)(
    'no %s template hint hands over a line of its solution, in either language',
    (language) => {
      const leaks: string[] = [];
      for (const template of BUILTIN_TEMPLATES.all(language)) {
        for (let seed = 1; seed <= 20; seed++) {
          const exercise = exerciseFromTemplate(template, seed, language, language);
          exercise.hints.forEach((hint, i) => {
            for (const lang of ['en', 'zh'] as const) {
              const line = leakedLine(hint[lang], exercise.solution ?? '', exercise.starter);
              if (line) leaks.push(`${template.id} seed ${seed} hint ${i + 1} (${lang}): ${line}`);
            }
          });
        }
      }
      expect(leaks).toEqual([]);
    },
  );

  test.each(tracks)('%s templates make valid bilingual exercises with four hints', (language) => {
    for (const template of BUILTIN_TEMPLATES.all(language)) {
      for (const seed of [1, 2, 3, 42, 1234]) {
        const exercise = exerciseFromTemplate(template, seed, language, language);
        const parsed = Exercise.safeParse(exercise);
        expect(parsed.success, `${template.id} seed ${seed}: ${parsed.error?.message}`).toBe(true);
        expect(exercise.hints, template.id).toHaveLength(4);
        expect(exercise.starter, template.id).not.toBe(exercise.solution);
        const statement = (l: 'en' | 'zh') => `${exercise.title[l]}\n${exercise.body[l]}`;
        expect(isInLanguage(statement('en'), 'en'), `${template.id} en`).toBe(true);
        expect(isInLanguage(statement('zh'), 'zh'), `${template.id} zh: ${statement('zh')}`).toBe(true);
        expect(
          isInLanguage(exercise.hints.map((h) => h.zh).join('\n'), 'zh'),
          `${template.id} zh hints`,
        ).toBe(true);
      }
    }
  });

  test('the same seed makes the same exercise, another seed a different one', () => {
    const template = BUILTIN_TEMPLATES.for('python', 'output-variables')[0]!;
    const a = exerciseFromTemplate(template, 7, 'python', 'python');
    expect(exerciseFromTemplate(template, 7, 'python', 'python')).toEqual(a);
    const others = [8, 9, 10, 11].map((s) => exerciseFromTemplate(template, s, 'python', 'python').id);
    expect(others.some((id) => id !== a.id)).toBe(true);
  });

  test('the offline generator returns a validated exercise for the asked concept', async () => {
    const runner = markerRunner();
    const result = await generateOffline(
      { track: 'javascript', language: 'javascript', concept: 'closures', locale: 'zh' },
      { run: runner.run },
      { templates: BUILTIN_TEMPLATES, seed: 5 },
    );
    expect(result?.exercise.concepts).toEqual(['closures']);
    expect(result?.template).toMatch(/^js-closures-/);
    expect(runner.requests.length).toBe(3);
  });

  test('the offline generator skips variants the learner already has', async () => {
    const runner = markerRunner();
    const request = { track: 'python', language: 'python' as const, concept: 'loops', locale: 'en' as const };
    const first = await generateOffline(
      request,
      { run: runner.run },
      { templates: BUILTIN_TEMPLATES, seed: 5 },
    );
    const existing = [{ id: first!.exercise.id, text: exerciseFingerprint(first!.exercise, 'en') }];
    const second = await generateOffline(
      request,
      { run: runner.run, existing },
      { templates: BUILTIN_TEMPLATES, seed: 5 },
    );
    expect(second?.exercise.id).not.toBe(first?.exercise.id);
  });
});
