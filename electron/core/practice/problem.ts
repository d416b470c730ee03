/**
 * The shape a model answers with when it writes a practice problem, the forced tool that carries
 * it, and the mapping into the same `Exercise` shape as built-in content, so progress, hints and
 * reports treat generated problems exactly like authored ones.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Exercise, type Language, type UiLocale } from '../../../shared/content/schema.ts';

export const GENERATED_PROBLEM_TOOL = 'write_practice_problem';

/** What the model fills in. Text fields are in the asked UI language only. */
export const GeneratedProblem = z.object({
  title: z.string().min(1).max(80).describe('Short title, in the asked language'),
  statement: z
    .string()
    .min(20)
    .max(4000)
    .describe('The task in Markdown, in the asked language: what to write, with one example call'),
  module: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .describe('Module name of the learner file; the tests import from it'),
  starter: z.string().min(1).describe('Code the learner starts from; it must fail at least one test'),
  solution: z.string().min(1).describe('Reference solution that passes every test'),
  tests: z
    .string()
    .min(1)
    .describe('Test file: Python unittest, or Jest-style describe/test/expect for JavaScript'),
  hints: z
    .array(z.string().min(1))
    .length(4)
    .describe('Four graded hints, in the asked language: a nudge, the concept, where to look, pseudo-code'),
  concepts: z.array(z.string()).min(1).describe('Concept ids from the track'),
  difficulty: z.number().int().min(1).max(10),
});
export type GeneratedProblem = z.infer<typeof GeneratedProblem>;

/** The tool definition sent with `tool_choice: { type: 'tool', name: GENERATED_PROBLEM_TOOL }`. */
export function problemTool(): {
  name: string;
  description: string;
  input_schema: { type: 'object' } & Record<string, unknown>;
} {
  const { $schema: _drop, ...schema } = z.toJSONSchema(GeneratedProblem) as Record<string, unknown>;
  return {
    name: GENERATED_PROBLEM_TOOL,
    description: 'Record one complete, runnable practice problem.',
    input_schema: { ...schema, type: 'object' },
  };
}

export interface ProblemContext {
  track: string;
  language: Language;
  locale: UiLocale;
}

/**
 * A stable id from the whole problem: the same problem always gets the same id, and two problems
 * that differ anywhere (statement, hints, tests, solution, level) never share one. `content` is
 * every field, serialised with sorted keys.
 */
export function generatedId(track: string, concept: string, content: unknown): string {
  const hash = createHash('sha256').update(canonical(content)).digest('hex').slice(0, 16);
  const slug = `gen-${track}-${concept}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return `${slug}-${hash}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Maps a model's problem into an Exercise. The problem is written in one language; both locale
 * fields carry it so the Exercise schema holds (the store records which language it was asked in).
 */
export function problemToExercise(problem: GeneratedProblem, ctx: ProblemContext): Exercise {
  const text = (s: string) => ({ en: s, zh: s });
  const concept = problem.concepts[0] ?? 'practice';
  return Exercise.parse({
    id: generatedId(ctx.track, concept, { ...problem, language: ctx.language, locale: ctx.locale }),
    title: text(problem.title),
    type: 'exercise',
    concepts: problem.concepts,
    difficulty: problem.difficulty,
    language: ctx.language,
    module: problem.module,
    starter: problem.starter,
    solution: problem.solution,
    tests: problem.tests,
    hints: problem.hints.map(text),
    body: text(problem.statement),
  });
}
