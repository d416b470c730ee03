/**
 * Putting a template's parts together into an exercise, the same way in both languages. A template
 * only supplies what differs: statement, reference solution, test cases and hints.
 */
import { starterCommentLines } from '../../../../shared/content/starter-comments.ts';
import type { TemplateExercise } from './types.ts';
import { js, jsCallTests, jsStub, py, pyCallTests, pyStub, statement, text, type Case } from './build.ts';

export type Language = 'python' | 'javascript';
/** English first, then Chinese. */
export type Pair = [string, string];
export type Hints = [Pair, Pair, Pair, Pair];

/** The one comment a starter says; the page shows it in the learner's language (starterComments). */
export const TODO = text('Write your code here', '在这里写代码');

/** How each language shows a call, stubs and defines a function, and tests it on cases. */
const DIALECTS: Record<
  Language,
  {
    example(fn: string, first: Case): string;
    starter(fn: string, params: string): string;
    solution(fn: string, params: string, body: string): string;
    tests(module: string, fn: string, cases: Case[]): string;
  }
> = {
  python: {
    example: (fn, first) => `${fn}(${first.args.map(py).join(', ')})  # -> ${py(first.expected)}`,
    starter: (fn, params) => pyStub(`${fn}(${params})`, TODO),
    solution: (fn, params, body) => `def ${fn}(${params}):\n${body}\n`,
    tests: pyCallTests,
  },
  javascript: {
    example: (fn, first) => `console.log(${fn}(${first.args.map(js).join(', ')})); // ${js(first.expected)}`,
    starter: (fn, params) => jsStub(`${fn}(${params})`, TODO),
    solution: (fn, params, body) => `export function ${fn}(${params}) {\n${body}\n}\n`,
    tests: jsCallTests,
  },
};

function hintsOf(hints: Hints): TemplateExercise['hints'] {
  return hints.map(([en, zh]) => text(en, zh)) as TemplateExercise['hints'];
}

/** One function, checked by calling it on `cases`; the first case is the statement's example. */
export function functionExercise(
  language: Language,
  opts: {
    fn: string;
    params: string;
    module: string;
    difficulty: number;
    title: Pair;
    task: Pair;
    /** The function's body, already indented. */
    solutionBody: string;
    cases: Case[];
    hints: Hints;
  },
): TemplateExercise {
  const dialect = DIALECTS[language];
  const first = opts.cases[0];
  return {
    title: text(...opts.title),
    body: statement(text(...opts.task), first ? dialect.example(opts.fn, first) : '', language),
    module: opts.module,
    difficulty: opts.difficulty,
    starter: dialect.starter(opts.fn, opts.params),
    starterComments: [TODO],
    solution: dialect.solution(opts.fn, opts.params, opts.solutionBody),
    tests: dialect.tests(opts.module, opts.fn, opts.cases),
    hints: hintsOf(opts.hints),
  };
}

/** An exercise whose starter, solution and tests are written out (classes, closures, errors). */
export function writtenExercise(
  language: Language,
  opts: {
    module: string;
    difficulty: number;
    title: Pair;
    task: Pair;
    example: string;
    starter: string;
    solution: string;
    tests: string;
    hints: Hints;
  },
): TemplateExercise {
  return {
    title: text(...opts.title),
    body: statement(text(...opts.task), opts.example, language),
    module: opts.module,
    difficulty: opts.difficulty,
    starter: opts.starter,
    ...(starterCommentLines(opts.starter).some((c) => c.text === TODO.en) ? { starterComments: [TODO] } : {}),
    solution: opts.solution,
    tests: opts.tests,
    hints: hintsOf(opts.hints),
  };
}
