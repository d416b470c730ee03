/**
 * Lessons in the order people learn: a reference solution may use only the syntax its own
 * concepts, their prerequisites, or concepts taught earlier in the track introduce. Each construct
 * class below belongs to the concept that introduces it (`def` to functions, `for` to loops, …);
 * a construct whose concept the track does not declare is not checked, so a one-concept pack is
 * never told that `def` comes "later". Code is read through the light tokenizer, so a keyword in a
 * string or a comment never counts. Pure: no Node or DOM.
 */
import type { CodeLanguage } from './code-tokens.ts';
import {
  read,
  keyword,
  methodCall,
  call,
  op,
  either,
  listLiterals,
  slices,
  braces,
  pythonFor,
  selfCalls,
  objectLiterals,
  isPattern,
  returnsFunctions,
  fStrings,
  templates,
  imports,
  type ConstructClass,
  type Code,
} from './construct-finders.ts';
import type { ContentError } from './errors.ts';
import type { LoadedExercise } from './load.ts';
import type { Track } from './schema.ts';
import { problem } from './problems.ts';

/** Where a construct class is used first in some code. */
export interface ConstructUse {
  /** The construct class, e.g. `python.def`. */
  id: string;
  /** As written in the code: `def`, `[…]`, `.append()`. */
  shown: string;
  /** What it is, in words: "a function definition". */
  what: string;
  /** The concept that introduces it. */
  concept: string;
  /** 1-based line in the code. */
  line: number;
}

const PY_STRING_METHODS = [
  'upper',
  'lower',
  'strip',
  'lstrip',
  'rstrip',
  'split',
  'join',
  'replace',
  'find',
  'startswith',
  'endswith',
  'isdigit',
  'isalpha',
  'isupper',
  'islower',
  'title',
  'capitalize',
  'zfill',
  'center',
  'ljust',
  'rjust',
];
const JS_STRING_METHODS = [
  'toUpperCase',
  'toLowerCase',
  'trim',
  'trimStart',
  'trimEnd',
  'padStart',
  'padEnd',
  'charAt',
  'charCodeAt',
  'repeat',
  'startsWith',
  'endsWith',
  'substring',
  'split',
  'replace',
  'replaceAll',
];
const JS_ARRAY_METHODS = [
  'push',
  'pop',
  'shift',
  'unshift',
  'map',
  'filter',
  'reduce',
  'forEach',
  'find',
  'findIndex',
  'some',
  'every',
  'sort',
  'reverse',
  'flat',
  'flatMap',
  'splice',
  'join',
];

/** Construct classes per language, each with the concept id that introduces it. */
export const LESSON_CONSTRUCTS: Record<'python' | 'javascript', ConstructClass[]> = {
  python: [
    { id: 'python.f-string', what: 'an f-string', concept: 'output-variables', find: fStrings },
    {
      id: 'python.string-method',
      what: 'a string method',
      concept: 'strings',
      find: methodCall(...PY_STRING_METHODS),
    },
    { id: 'python.slice', what: 'slicing', concept: 'strings', find: slices },
    { id: 'python.if', what: 'a condition', concept: 'conditionals', find: keyword('if', 'elif', 'else') },
    {
      id: 'python.loop',
      what: 'a loop',
      concept: 'loops',
      find: either(pythonFor('statement'), keyword('break', 'continue')),
    },
    {
      id: 'python.def',
      what: 'a function definition',
      concept: 'functions',
      find: keyword('def', 'return', 'lambda'),
    },
    {
      id: 'python.list',
      what: 'a list',
      concept: 'lists',
      find: either(
        listLiterals('python'),
        methodCall('append', 'extend', 'insert', 'pop', 'sort', 'remove'),
        call('list', 'sorted'),
      ),
    },
    {
      id: 'python.dict',
      what: 'a dictionary',
      concept: 'dictionaries',
      find: either(braces('dict'), methodCall('items', 'keys', 'values', 'get', 'setdefault'), call('dict')),
    },
    {
      id: 'python.set',
      what: 'a set or tuple',
      concept: 'tuples-sets',
      find: either(
        braces('set'),
        call('set', 'frozenset', 'tuple'),
        methodCall('add', 'union', 'intersection', 'difference'),
      ),
    },
    {
      id: 'python.comprehension',
      what: 'a comprehension',
      concept: 'comprehensions',
      find: pythonFor('comprehension'),
    },
    {
      id: 'python.exception',
      what: 'exception handling',
      concept: 'exceptions',
      find: keyword('try', 'except', 'finally', 'raise'),
    },
    { id: 'python.class', what: 'a class', concept: 'classes', find: keyword('class') },
    {
      id: 'python.recursion',
      what: 'a function that calls itself',
      concept: 'recursion',
      find: selfCalls('python'),
    },
    { id: 'python.import', what: 'an import', concept: 'modules', find: imports },
  ],
  javascript: [
    { id: 'javascript.template', what: 'a template literal', concept: 'strings', find: templates },
    {
      id: 'javascript.string-method',
      what: 'a string method',
      concept: 'strings',
      find: methodCall(...JS_STRING_METHODS),
    },
    {
      id: 'javascript.if',
      what: 'a condition',
      concept: 'conditionals',
      find: either(keyword('if', 'else', 'switch', 'case'), op('?')),
    },
    {
      id: 'javascript.loop',
      what: 'a loop',
      concept: 'loops',
      find: keyword('for', 'while', 'do', 'continue'),
    },
    {
      id: 'javascript.function',
      what: 'a function',
      concept: 'functions',
      find: either(keyword('function', 'return'), op('=>')),
    },
    {
      id: 'javascript.array',
      what: 'an array',
      concept: 'arrays',
      find: either(listLiterals('javascript'), methodCall(...JS_ARRAY_METHODS), keyword('Array')),
    },
    {
      id: 'javascript.object',
      what: 'an object',
      concept: 'objects',
      find: either(objectLiterals, keyword('Object')),
    },
    {
      id: 'javascript.destructuring',
      what: 'destructuring or spread',
      concept: 'destructuring',
      find: either(op('...'), ({ tokens, ...rest }: Code) =>
        tokens.flatMap((t, at) =>
          (t.text === '{' || t.text === '[') && t.kind === 'op' && isPattern({ tokens, ...rest }, at)
            ? [{ at, shown: t.text === '{' ? '{ a, b } =' : '[a, b] =' }]
            : [],
        ),
      ),
    },
    { id: 'javascript.class', what: 'a class', concept: 'classes', find: keyword('class', 'extends') },
    {
      id: 'javascript.error',
      what: 'throwing or catching an error',
      concept: 'errors',
      find: keyword('throw', 'try', 'catch', 'finally'),
    },
    {
      id: 'javascript.closure',
      what: 'a function that returns a function',
      concept: 'closures',
      find: returnsFunctions,
    },
    {
      id: 'javascript.async',
      what: 'asynchronous code',
      concept: 'async',
      find: either(keyword('async', 'await', 'Promise'), methodCall('then')),
    },
  ],
};

/** Every construct class the code uses, each at its first line. */
export function constructsUsed(source: string, language: CodeLanguage): ConstructUse[] {
  const code = read(source, language);
  const classes = LESSON_CONSTRUCTS[language === 'python' ? 'python' : 'javascript'];
  return classes.flatMap((c) => {
    const uses = c.find(code).sort((a, b) => a.at - b.at);
    const first = uses[0];
    if (!first) return [];
    return [
      { id: c.id, shown: first.shown, what: c.what, concept: c.concept, line: code.tokens[first.at]!.line },
    ];
  });
}

/**
 * Every solution's constructs that come too early: introduced by a concept that is neither the
 * exercise's own, nor one of their prerequisites, nor taught by an earlier lesson of the track
 * (units and their lessons in track.yaml order). One problem per construct class and exercise,
 * at the line of its first use.
 */
export function lessonOrderProblems(
  track: Pick<Track, 'language' | 'concepts' | 'units'>,
  exercises: ReadonlyMap<string, Pick<LoadedExercise, 'exercise' | 'file' | 'codeFiles' | 'lineOf'>>,
): ContentError[] {
  const declared = new Map(track.concepts.map((c) => [c.id, c]));
  const order = track.units.flatMap((u) => u.lessons).filter((id) => exercises.has(id));
  const firstLesson = new Map<string, number>();
  order.forEach((id, i) => {
    for (const concept of exercises.get(id)!.exercise.concepts)
      if (!firstLesson.has(concept)) firstLesson.set(concept, i);
  });
  const withPrerequisites = (concepts: readonly string[]) => {
    const all = new Set<string>();
    const visit = (id: string) => {
      if (all.has(id)) return;
      all.add(id);
      declared.get(id)?.prerequisites.forEach(visit);
    };
    concepts.forEach(visit);
    return all;
  };

  const problems: ContentError[] = [];
  order.forEach((id, i) => {
    const { exercise, file, codeFiles, lineOf } = exercises.get(id)!;
    if ((exercise.type !== 'exercise' && exercise.type !== 'parsons') || !exercise.solution) return;
    const own = withPrerequisites(exercise.concepts);
    const language = exercise.language ?? track.language;
    // A parsons step shows its distractors too: they are read like lines of the solution after it.
    const distractors = exercise.type === 'parsons' ? (exercise.distractors ?? []) : [];
    const solutionLength = exercise.solution.replace(/\n$/, '').split('\n').length;
    const code = [exercise.solution.replace(/\n$/, ''), ...distractors].join('\n');
    for (const use of constructsUsed(code, language)) {
      if (!declared.has(use.concept) || own.has(use.concept)) continue;
      const taught = firstLesson.get(use.concept);
      if (taught !== undefined && taught < i) continue;
      const taughtIn = taught === undefined ? undefined : order[taught];
      const params = {
        what: use.what,
        shown: use.shown,
        concept: use.concept,
        concepts: exercise.concepts.map((c) => `"${c}"`).join(', '),
        ...(taughtIn && { lesson: taughtIn }),
      };
      const distractor = use.line > solutionLength ? use.line - solutionLength - 1 : undefined;
      if (distractor !== undefined) {
        problems.push(
          problem(
            { file, line: lineOf(['distractors', distractor]), field: `distractors[${distractor}]` },
            taughtIn ? 'distractor-uses-later' : 'distractor-uses-untaught',
            params,
          ),
        );
        continue;
      }
      problems.push(
        problem(
          {
            file: codeFiles.solution ?? file,
            line: codeFiles.solution ? use.line : lineOf(['solution']) + use.line,
            field: 'solution',
          },
          taughtIn ? 'uses-later' : 'uses-untaught',
          { line: use.line, ...params },
        ),
      );
    }
  });
  return problems;
}
