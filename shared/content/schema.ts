/**
 * The content format: one schema for tracks and exercises, shared by the loader, the validator,
 * the lesson view and generated practice. A JSON Schema for authors is generated from it.
 * This file imports neither Node nor DOM APIs.
 */
import { z } from 'zod';

export const LANGUAGES = ['python', 'javascript', 'typescript'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const UI_LOCALES = ['en', 'zh'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes (e.g. "leap-year")');

/** Text in both interface languages. */
export const LocalizedText = z.object({
  en: z.string().min(1, 'English text is empty'),
  zh: z.string().min(1, 'Chinese text is empty'),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const ExerciseType = z.enum(['explanation', 'exercise', 'predict', 'quiz']);
export type ExerciseType = z.infer<typeof ExerciseType>;

export const QuizChoice = z.object({
  text: LocalizedText,
  correct: z.boolean().default(false),
});

/**
 * The front matter of one exercise file, plus the prose from its body (`body`).
 * Code fields hold source text; in a folder exercise the loader reads them from the named files.
 */
export const Exercise = z
  .object({
    id,
    title: LocalizedText,
    type: ExerciseType,
    /** Concept ids from the track file. */
    concepts: z.array(id).min(1, 'name at least one concept'),
    difficulty: z.number().int().min(1).max(10),
    /** Language of the code; defaults to the track's language. */
    language: Language.optional(),
    /**
     * Module name of the learner's file. Python tests import it (`from leap import leap_year`),
     * JavaScript tests import `./leap`. Defaults to "solution".
     */
    module: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a valid module name')
      .default('solution'),
    /** Code the learner starts from (exercise), or the code to read (predict, explanation example). */
    starter: z.string().default(''),
    /** Reference solution (exercise). */
    solution: z.string().optional(),
    /** Test file source (exercise): unittest / pytest-style functions, or Jest-style specs. */
    tests: z.string().optional(),
    /** Graded hints, from a nudge to the shape of the answer. */
    hints: z.array(LocalizedText).default([]),
    /** predict: the exact output the code prints (checked by running it). */
    expectedOutput: z.string().optional(),
    /** quiz: the choices; at least one is correct. */
    choices: z.array(QuizChoice).optional(),
    timeLimitMs: z.number().int().min(100).max(60_000).default(5000),
    /** Prose (Markdown) in both languages, from the file body. */
    body: LocalizedText,
  })
  .superRefine((ex, ctx) => {
    const need = (field: 'solution' | 'tests', why: string) => {
      if (!ex[field]?.trim()) ctx.addIssue({ code: 'custom', path: [field], message: why });
    };
    if (ex.type === 'exercise') {
      need('solution', 'an exercise needs a reference solution');
      need('tests', 'an exercise needs tests');
      if (!ex.starter.trim())
        ctx.addIssue({ code: 'custom', path: ['starter'], message: 'an exercise needs starter code' });
      if (ex.hints.length < 3)
        ctx.addIssue({
          code: 'custom',
          path: ['hints'],
          message: `an exercise needs at least 3 graded hints (has ${ex.hints.length})`,
        });
    }
    if (ex.type === 'predict') {
      if (!ex.starter.trim())
        ctx.addIssue({ code: 'custom', path: ['starter'], message: 'a predict step needs code to read' });
      if (ex.expectedOutput === undefined)
        ctx.addIssue({ code: 'custom', path: ['expectedOutput'], message: 'a predict step needs expectedOutput' });
    }
    if (ex.type === 'quiz') {
      if (!ex.choices || ex.choices.length < 2)
        ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a quiz needs at least 2 choices' });
      else if (!ex.choices.some((c) => c.correct))
        ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a quiz needs a correct choice' });
    }
  });
export type Exercise = z.infer<typeof Exercise>;
export type ExerciseInput = z.input<typeof Exercise>;

export const Concept = z.object({
  id,
  title: LocalizedText,
  prerequisites: z.array(id).default([]),
});
export type Concept = z.infer<typeof Concept>;

export const Unit = z.object({
  id,
  title: LocalizedText,
  /** Exercise ids, in the order a learner meets them. */
  lessons: z.array(id).min(1),
});
export type Unit = z.infer<typeof Unit>;

/** `track.yaml` at the root of a track or pack folder. */
export const Track = z.object({
  id,
  title: LocalizedText,
  description: LocalizedText,
  language: Language,
  concepts: z.array(Concept).min(1),
  units: z.array(Unit).min(1),
});
export type Track = z.infer<typeof Track>;
