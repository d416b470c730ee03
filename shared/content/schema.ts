/**
 * The content format: one schema for tracks and exercises, shared by the loader, the validator,
 * the lesson view and generated practice. The JSON Schema for authors (docs/schema/) is generated
 * from it. Objects are strict so that a misspelt field is an error, not silently ignored.
 * This file imports neither Node nor DOM APIs.
 */
import { z } from 'zod';
import type { ProblemCode, ProblemParams } from './problems.ts';
import { starterCommentLines } from './starter-comments.ts';

export const LANGUAGES = ['python', 'javascript', 'typescript'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const UI_LOCALES = ['en', 'zh'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id-format');

/** A path inside the exercise folder: relative, forward slashes, never leaving the folder. */
const relativePath = z
  .string()
  .min(1)
  .regex(/^(?!\/)(?!.*\\)(?!(.*\/)?\.\.(\/|$)).+$/, 'relative-path');

/** Text in both interface languages. */
export const LocalizedText = z.strictObject({
  en: z.string().min(1, 'english-empty'),
  zh: z.string().min(1, 'chinese-empty'),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const ExerciseType = z.enum(['explanation', 'exercise', 'predict', 'quiz', 'trace', 'parsons']);
export type ExerciseType = z.infer<typeof ExerciseType>;

/**
 * A quiz choice and why it is right or wrong. The explanation is what a learner reads after
 * picking the choice (and never before), so every choice has one.
 */
export const QuizChoice = z.strictObject({
  text: LocalizedText,
  correct: z.boolean().default(false),
  explanation: z.strictObject(LocalizedText.shape, {
    error: (issue) => (issue.input === undefined ? 'explanation-required' : undefined),
  }),
});
export type QuizChoice = z.infer<typeof QuizChoice>;

/**
 * trace: the marked step of the program (the `hit`-th time `line` is about to run) and the
 * variable whose value the learner predicts there; `answer` is written as the language prints it.
 */
export const TraceQuestion = z.strictObject({
  line: z.number().int().min(1),
  hit: z.number().int().min(1).default(1),
  variable: z.string().regex(/^[A-Za-z_$][\w$]*$/, 'variable-name'),
  answer: z.string().min(1),
});
export type TraceQuestion = z.infer<typeof TraceQuestion>;

/**
 * One run of a program-output exercise: the lines typed in (`stdin`) and what the program must
 * print (`output`, compared line by line, trailing whitespace ignored).
 */
export const OutputCase = z.strictObject({
  stdin: z.array(z.string()).default([]),
  output: z.string(),
});
export type OutputCase = z.infer<typeof OutputCase>;

/** The fields an exercise shares between its front matter and its loaded form. */
const exerciseFields = {
  id,
  title: LocalizedText,
  type: ExerciseType,
  /** Concept ids from the track file. */
  concepts: z.array(id).min(1, 'no-concepts'),
  difficulty: z.number().int().min(1).max(10),
  /** Language of the code; defaults to the track's language. */
  language: Language.optional(),
  /**
   * Module name of the learner's file. Python tests import it (`from leap import leap_year`),
   * JavaScript tests import `./leap` (dashes allowed there: `./two-fer`). Defaults to "solution",
   * or in a folder exercise to the starter file's name without its extension.
   */
  module: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'module-name')
    .default('solution'),
  /** Code the learner starts from (exercise), or the code to read (predict, explanation example). */
  starter: z.string().default(''),
  /**
   * The starter's comments in both languages, each `{ en, zh }` with `en` as the starter writes it;
   * the page shows the comments of the learner's language (shared/content/starter-comments.ts).
   */
  starterComments: z.array(LocalizedText).optional(),
  /** Reference solution (exercise). */
  solution: z.string().optional(),
  /** Test file source (exercise): unittest / pytest-style functions, or Jest-style specs. */
  tests: z.string().optional(),
  /**
   * Program-output exercise: instead of `tests`, the learner's whole program is run once per case
   * and its output compared; there is no module or function name to guess.
   */
  cases: z.array(OutputCase).min(1, 'no-cases').optional(),
  /** Graded hints, from a nudge to the shape of the answer. */
  hints: z.array(LocalizedText).default([]),
  /** predict: the exact output the code prints (checked by running it; trailing whitespace ignored). */
  expectedOutput: z.string().optional(),
  /** quiz: the choices; at least one is correct. */
  choices: z.array(QuizChoice).optional(),
  /** trace: the step to stop at and the value to predict there (checked by recording a trace). */
  trace: TraceQuestion.optional(),
  /**
   * parsons: lines shown beside the solution's own that the program does not need; the learner
   * must leave them out. Each is one line of code, unlike every line of the solution.
   */
  distractors: z.array(z.string().min(1, 'empty-distractor')).optional(),
  timeLimitMs: z.number().int().min(100).max(60_000).default(5000),
};

/**
 * Folder exercises (`lessons/<id>/exercise.md` plus code files) name their code files here instead
 * of writing the code inline, e.g. `files: { starter: leap.py, solution: .meta/example.py,
 * tests: leap_test.py }`. Paths are relative to the exercise folder.
 */
export const ExerciseFiles = z.strictObject({
  starter: relativePath.optional(),
  solution: relativePath.optional(),
  tests: relativePath.optional(),
});
export type ExerciseFiles = z.infer<typeof ExerciseFiles>;

/** The YAML front matter of an exercise file: every Exercise field but `body`, plus `files`. */
export const ExerciseFrontMatter = z.strictObject({ ...exerciseFields, files: ExerciseFiles.optional() });
export type ExerciseFrontMatter = z.input<typeof ExerciseFrontMatter>;

/** A problem found by a rule: its field, its code (`packs.problem.*`) and parameters. */
type Issue = (path: string | (string | number)[], problem: ProblemCode, params?: ProblemParams) => void;

/** Rules across fields, which depend on the exercise type. */
function checkExercise(ex: z.infer<z.ZodObject<typeof exerciseFields>>, ctx: z.RefinementCtx): void {
  const issue: Issue = (path, problem, params = {}) =>
    ctx.addIssue({
      code: 'custom',
      path: typeof path === 'string' ? [path] : path,
      message: problem,
      params: { problem, ...params },
    });
  if (ex.language === 'python' && ex.module.includes('-')) issue('module', 'python-module-dash');
  if (ex.type === 'exercise') {
    if (!ex.solution?.trim()) issue('solution', 'needs-solution');
    if (ex.cases && ex.tests?.trim()) issue('cases', 'tests-and-cases');
    else if (!ex.cases && !ex.tests?.trim()) issue('tests', 'needs-tests');
    if (!ex.starter.trim()) issue('starter', 'needs-starter');
    if (ex.hints.length < 3) issue('hints', 'needs-hints', { count: ex.hints.length });
  }
  if (ex.cases && ex.type !== 'exercise' && ex.type !== 'parsons') issue('cases', 'cases-not-here');
  if (ex.type === 'predict') {
    if (!ex.starter.trim()) issue('starter', 'predict-needs-code');
    if (ex.expectedOutput === undefined) issue('expectedOutput', 'predict-needs-output');
  }
  if (ex.type === 'trace') {
    if (!ex.starter.trim()) issue('starter', 'trace-needs-code');
    if (!ex.trace) issue('trace', 'trace-needs-trace');
    else if (ex.trace.line > ex.starter.split('\n').length)
      issue('trace', 'trace-past-end', { line: ex.trace.line });
  }
  const written = new Set(starterCommentLines(ex.starter).map((c) => c.text));
  ex.starterComments?.forEach((comment, i) => {
    if (!written.has(comment.en.trim())) issue(['starterComments', i, 'en'], 'comment-not-in-starter');
  });
  if (ex.type === 'parsons') checkParsons(ex, issue);
  else if (ex.distractors) issue('distractors', 'distractors-not-here');
  if (ex.type === 'quiz') {
    if (!ex.choices || ex.choices.length < 2) issue('choices', 'quiz-needs-choices');
    else if (!ex.choices.some((c) => c.correct)) issue('choices', 'quiz-needs-correct');
  }
}

/**
 * A parsons step is its solution cut into lines: the lines must be ones a learner can place (one
 * statement each, Python indented by whole steps of four spaces), and a distractor must not be
 * one of them, or leaving it out would be wrong too.
 */
function checkParsons(ex: z.infer<z.ZodObject<typeof exerciseFields>>, issue: Issue): void {
  if (!ex.solution?.trim()) issue('solution', 'parsons-needs-solution');
  if (ex.cases && ex.tests?.trim()) issue('cases', 'parsons-tests-and-cases');
  else if (!ex.cases && !ex.tests?.trim()) issue('tests', 'parsons-needs-tests');
  if (ex.starter.trim()) issue('starter', 'parsons-no-starter');
  const lines = solutionLines(ex.solution ?? '');
  if (ex.solution?.trim() && lines.length < 2)
    issue('solution', 'parsons-too-few-lines', { count: lines.length });
  const shown = lines.length + (ex.distractors?.length ?? 0);
  if (shown > MAX_PARSONS_LINES)
    issue('solution', 'parsons-too-many-lines', { limit: MAX_PARSONS_LINES, count: shown });
  if ((ex.language ?? 'python') === 'python')
    lines.forEach((line, i) => {
      const lead = /^\s*/.exec(line)![0];
      if (lead.includes('\t') || lead.length % 4)
        issue('solution', 'parsons-indent', { line: i + 1, indent: JSON.stringify(lead) });
    });
  const needed = new Map(lines.map((line, i) => [line.trim(), i + 1]));
  const seen = new Set<string>();
  (ex.distractors ?? []).forEach((distractor, i) => {
    const text = distractor.trim();
    const where = ['distractors', i];
    if (text.includes('\n')) issue(where, 'distractor-one-line');
    else if (needed.has(text)) issue(where, 'distractor-in-solution', { text, line: needed.get(text)! });
    else if (seen.has(text)) issue(where, 'distractor-twice', { text });
    seen.add(text);
  });
}

/** The most lines (solution and distractors) a parsons step puts in order. */
export const MAX_PARSONS_LINES = 16;

/** The lines of a parsons solution: blank lines are layout, not something to place. */
export function solutionLines(solution: string): string[] {
  return solution
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/**
 * One exercise as the app uses it: the front matter with code files read in, plus the prose from
 * its body (`body`).
 */
export const ExerciseShape = z.strictObject({
  ...exerciseFields,
  /** Prose (Markdown) in both languages, from the file body. */
  body: LocalizedText,
});
export const Exercise = ExerciseShape.superRefine(checkExercise);
export type Exercise = z.infer<typeof Exercise>;
export type ExerciseInput = z.input<typeof Exercise>;

export const Concept = z.strictObject({
  id,
  title: LocalizedText,
  prerequisites: z.array(id).default([]),
});
export type Concept = z.infer<typeof Concept>;

export const Unit = z.strictObject({
  id,
  title: LocalizedText,
  /** Exercise ids, in the order a learner meets them. */
  lessons: z.array(id).min(1),
});
export type Unit = z.infer<typeof Unit>;

/** Where imported content came from, for attribution (e.g. an Exercism track and its licence). */
export const ContentSource = z.strictObject({
  name: z.string().min(1),
  url: z.string().optional(),
  license: z.string().optional(),
});
export type ContentSource = z.infer<typeof ContentSource>;

/** `track.yaml` at the root of a track or pack folder. */
export const Track = z.strictObject({
  id,
  title: LocalizedText,
  description: LocalizedText,
  language: Language,
  concepts: z.array(Concept).min(1),
  units: z.array(Unit).min(1),
  source: ContentSource.optional(),
  /**
   * The language the pack's text is not written in: `[zh]` for an English-only pack (an imported
   * Exercism track), `[en]` for a Chinese-only one. Each text may then be written once; the
   * loader copies it into the other field, the validator skips its translation checks, and the
   * lesson view tells a learner whose interface language is missing.
   */
  untranslated: z
    .array(z.enum(['en', 'zh']))
    .max(1, 'untranslated-both')
    .optional(),
});
export type Track = z.infer<typeof Track>;
