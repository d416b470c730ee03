/**
 * One template of a practice template file, ready to make exercises: its texts and expressions
 * parsed once, then filled in for each seed. The named values (`let`) are worked out in the order
 * they are written, so a seed always draws the same random numbers for the same things.
 */
import type { PracticeTemplate } from '../../../../shared/content/practice-template.ts';
import type { Language } from './exercise.ts';
import { functionExercise, writtenExercise, type Hints, type Pair } from './exercise.ts';
import { evaluate, parseExpression, withinBudget, type Scope } from './expression.ts';
import { builtins } from './builtins.ts';
import { jsTestFile, pyTestCase } from './build.ts';
import type { Rng } from './rng.ts';
import { compileText, renderString, renderText, type CompiledText } from './text.ts';
import type { ExerciseTemplate, TemplateExercise } from './types.ts';

/** A problem in a template, with the field it is in (`let.theme`, `hints[2].zh`). */
export class TemplateError extends Error {
  readonly field: (string | number)[];
  constructor(field: (string | number)[], message: string) {
    super(message);
    this.name = 'TemplateError';
    this.field = field;
  }
}

type Compiled = CompiledText | Compiled[] | { [key: string]: Compiled } | unknown;

const SPREAD = /^\.\.\.(\$\{[\s\S]*\})$/;

function isText(value: unknown): value is CompiledText {
  return typeof value === 'object' && value !== null && 'parts' in value && 'whole' in value;
}

/** Parses every text in a value, naming the field of the first that fails. */
function compileValue(value: unknown, field: (string | number)[]): Compiled {
  if (typeof value === 'string') {
    try {
      return compileText(value);
    } catch (err) {
      throw new TemplateError(field, (err as Error).message);
    }
  }
  if (Array.isArray(value)) return value.map((item, i) => compileValue(item, [...field, i]));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compileValue(v, [...field, k])]));
  return value;
}

function renderValue(value: Compiled, scope: Scope, field: (string | number)[]): unknown {
  if (isText(value)) {
    try {
      return renderText(value, scope);
    } catch (err) {
      throw new TemplateError(field, (err as Error).message);
    }
  }
  if (Array.isArray(value)) return value.map((item, i) => renderValue(item, scope, [...field, i]));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renderValue(v as Compiled, scope, [...field, k])]),
    );
  return value;
}

function text(value: Compiled, scope: Scope, field: (string | number)[]): string {
  try {
    return renderString(value as CompiledText, scope, field.join('.'));
  } catch (err) {
    throw new TemplateError(field, (err as Error).message);
  }
}

/** The template's values as they are worked out; `themes` is filled in when first used. */
class TemplateScope extends Map<string, unknown> {
  readonly #lazy = new Map<string, () => unknown>();
  lazy(name: string, make: () => unknown): void {
    this.#lazy.set(name, make);
  }
  override has(key: string): boolean {
    return super.has(key) || this.#lazy.has(key);
  }
  override get(key: string): unknown {
    const make = this.#lazy.get(key);
    if (make && !super.has(key)) {
      this.#lazy.delete(key);
      this.set(key, make());
    }
    return super.get(key);
  }
}

function indent(code: string, width: number): string {
  const pad = ' '.repeat(width);
  return code
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

/** List items, with each `...${list}` item replaced by the items of that list. */
function spreadItems(items: Compiled[], scope: Scope, field: (string | number)[]): unknown[] {
  return items.flatMap((item, i) => {
    const value = renderValue(item, scope, [...field, i]);
    if (isText(item) && (item as CompiledText & { spread?: boolean }).spread) {
      if (!Array.isArray(value)) throw new TemplateError([...field, i], '...${…} must give a list');
      return value;
    }
    return [value];
  });
}

function compileItems(items: unknown[], field: (string | number)[]): Compiled[] {
  return items.map((item, i) => {
    const spread = typeof item === 'string' ? SPREAD.exec(item) : null;
    if (!spread) return compileValue(item, [...field, i]);
    const compiled = compileValue(spread[1], [...field, i]) as CompiledText;
    if (!compiled.whole) throw new TemplateError([...field, i], '...${…} must be one placeholder');
    return Object.assign(compiled, { spread: true });
  });
}

export function compileTemplate(
  source: PracticeTemplate,
  language: Language,
  concept: string,
  pools: Readonly<Record<string, readonly unknown[]>>,
): ExerciseTemplate {
  const lets = Object.entries(source.let ?? {}).map(([name, expression]) => {
    try {
      return [name, parseExpression(expression)] as const;
    } catch (err) {
      throw new TemplateError(['let', name], (err as Error).message);
    }
  });
  const themes = source.themes ? compileValue(source.themes, ['themes']) : undefined;
  const title = compileValue(source.title, ['title']) as Record<'en' | 'zh', Compiled>;
  const task = compileValue(source.task, ['task']) as Record<'en' | 'zh', Compiled>;
  const hints = compileValue(source.hints, ['hints']) as Record<'en' | 'zh', Compiled>[];
  const fn = source.function
    ? (compileValue(source.function, ['function']) as Record<string, Compiled>)
    : undefined;
  const written = source.written
    ? {
        example: compileValue(source.written.example, ['written', 'example']),
        starter: compileValue(source.written.starter, ['written', 'starter']),
        solution: compileValue(source.written.solution, ['written', 'solution']),
        tests:
          typeof source.written.tests === 'string'
            ? compileValue(source.written.tests, ['written', 'tests'])
            : {
                import: compileValue(source.written.tests.import, ['written', 'tests', 'import']),
                cases: compileItems(source.written.tests.cases, ['written', 'tests', 'cases']),
              },
      }
    : undefined;

  function make(rng: Rng): TemplateExercise {
    const scope = new TemplateScope([...builtins(rng), ...Object.entries(pools)]);
    if (themes !== undefined) scope.lazy('themes', () => renderValue(themes, scope, ['themes']));
    for (const [name, node] of lets) {
      try {
        scope.set(name, evaluate(node, scope));
      } catch (err) {
        if (err instanceof TemplateError) throw err;
        throw new TemplateError(['let', name], (err as Error).message);
      }
    }
    const pair = (value: Record<'en' | 'zh', Compiled>, field: (string | number)[]): Pair => [
      text(value.en, scope, [...field, 'en']),
      text(value.zh, scope, [...field, 'zh']),
    ];
    const common = {
      module: source.module,
      difficulty: source.difficulty,
      title: pair(title, ['title']),
      task: pair(task, ['task']),
      hints: hints.map((hint, i) => pair(hint, ['hints', i])) as Hints,
    };
    if (fn) {
      const cases = renderValue(fn.cases, scope, ['function', 'cases']);
      if (!Array.isArray(cases) || cases.length === 0)
        throw new TemplateError(['function', 'cases'], 'must give a list of { args, expected }');
      return functionExercise(language, {
        ...common,
        fn: text(fn.name, scope, ['function', 'name']),
        params: text(fn.params, scope, ['function', 'params']),
        solutionBody: indent(text(fn.body, scope, ['function', 'body']), language === 'python' ? 4 : 2),
        cases: cases as { args: unknown[]; expected: unknown }[],
      });
    }
    const w = written!;
    return writtenExercise(language, {
      ...common,
      example: text(w.example, scope, ['written', 'example']),
      starter: text(w.starter, scope, ['written', 'starter']),
      solution: text(w.solution, scope, ['written', 'solution']),
      tests: isText(w.tests)
        ? text(w.tests, scope, ['written', 'tests'])
        : testFile(w.tests as { import: Compiled; cases: Compiled[] }, scope),
    });
  }

  function testFile(tests: { import: Compiled; cases: Compiled[] }, scope: Scope): string {
    const imported = text(tests.import, scope, ['written', 'tests', 'import']);
    const cases = spreadItems(tests.cases, scope, ['written', 'tests', 'cases']);
    return language === 'python'
      ? pyTestCase(
          source.module,
          imported,
          cases.map((body) => indent(String(body), 8)),
        )
      : jsTestFile(
          source.module,
          imported,
          cases.map((spec) => {
            const { name, body } = spec as { name: string; body: string };
            return [name, indent(body, 4)];
          }),
        );
  }

  return {
    id: source.id,
    concept,
    difficulty: source.difficulty,
    make: (rng: Rng) => withinBudget(() => make(rng)),
  };
}
