/**
 * Lessons in the order people learn: a reference solution may use only the syntax its own
 * concepts, their prerequisites, or concepts taught earlier in the track introduce. Each construct
 * class below belongs to the concept that introduces it (`def` to functions, `for` to loops, …);
 * a construct whose concept the track does not declare is not checked, so a one-concept pack is
 * never told that `def` comes "later". Code is read through the light tokenizer, so a keyword in a
 * string or a comment never counts. Pure: no Node or DOM.
 */
import { tokenize, type CodeLanguage, type Token } from './code-tokens.ts';
import type { ContentError } from './errors.ts';
import type { LoadedExercise } from './load.ts';
import type { Track } from './schema.ts';

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

interface ConstructClass {
  id: string;
  what: string;
  concept: string;
  /** Each place the construct is used: the token index and how it is shown. */
  find(code: Code): { at: number; shown: string }[];
}

interface Code {
  tokens: Token[];
  /** Bracket depth before each token (round, square and curly together). */
  depth: number[];
  /** Index of the bracket that closes the one at each opening index. */
  closer: Map<number, number>;
  /** Index of the innermost open bracket each token sits in (-1 at the top). */
  enclosing: number[];
  /** The column of a token (0-based). */
  column(k: number): number;
}

function read(source: string, language: CodeLanguage): Code {
  const tokens = tokenize(source, language).filter((t) => t.kind !== 'comment' && t.kind !== 'newline');
  const depth: number[] = [];
  const enclosing: number[] = [];
  const closer = new Map<number, number>();
  const open: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'op' && ')]}'.includes(t.text) && open.length) closer.set(open.pop() as number, i);
    depth.push(open.length);
    enclosing.push(open.at(-1) ?? -1);
    if (t.kind === 'op' && '([{'.includes(t.text)) open.push(i);
  });
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const column = (k: number) => tokens[k]!.start - (lineStarts[tokens[k]!.line - 1] ?? 0);
  return { tokens, depth, closer, enclosing, column };
}

const keyword =
  (...words: string[]) =>
  ({ tokens }: Code) =>
    tokens.flatMap((t, at) => (t.kind === 'name' && words.includes(t.text) ? [{ at, shown: t.text }] : []));

const methodCall =
  (...names: string[]) =>
  ({ tokens }: Code) =>
    tokens.flatMap((t, at) =>
      t.kind === 'name' &&
      names.includes(t.text) &&
      tokens[at - 1]?.text === '.' &&
      tokens[at + 1]?.text === '('
        ? [{ at, shown: `.${t.text}()` }]
        : [],
    );

const call =
  (...names: string[]) =>
  ({ tokens }: Code) =>
    tokens.flatMap((t, at) =>
      t.kind === 'name' &&
      names.includes(t.text) &&
      tokens[at - 1]?.text !== '.' &&
      tokens[at + 1]?.text === '('
        ? [{ at, shown: `${t.text}()` }]
        : [],
    );

const op =
  (...ops: string[]) =>
  ({ tokens }: Code) =>
    tokens.flatMap((t, at) => (t.kind === 'op' && ops.includes(t.text) ? [{ at, shown: t.text }] : []));

const either =
  (...finders: ((code: Code) => { at: number; shown: string }[])[]) =>
  (code: Code) =>
    finders.flatMap((f) => f(code));

/** After these a `[` indexes or slices a value; anywhere else it starts a list or array. */
const isValueEnd = (t: Token | undefined, language: CodeLanguage) =>
  !!t &&
  (t.kind === 'string' ||
    t.kind === 'number' ||
    (t.kind === 'name' && !KEYWORDS[language === 'python' ? 'python' : 'javascript'].has(t.text)) ||
    (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}' || t.text === '?.')));

const KEYWORDS = {
  python: new Set(
    'and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
      ' ',
    ),
  ),
  javascript: new Set(
    'await break case catch class const continue debugger default delete do else export extends finally for function if import in instanceof let new of return super switch throw try typeof var void while with yield'.split(
      ' ',
    ),
  ),
};

/** A `[` that makes a list (Python) or an array (JavaScript), not an index or a slice. */
function listLiterals(language: CodeLanguage) {
  return (code: Code) =>
    code.tokens.flatMap((t, at) =>
      t.text === '[' &&
      t.kind === 'op' &&
      (!isValueEnd(code.tokens[at - 1], language) || startsStatement(code, at)) &&
      !isPattern(code, at)
        ? [{ at, shown: '[…]' }]
        : [],
    );
}

/** The first token of a line outside brackets: a new statement, so `[` there is no index. */
function startsStatement(code: Code, at: number): boolean {
  return code.depth[at] === 0 && isFirstOnLine(code, at);
}

/** `s[1:3]`: a slice (a colon directly inside an index). */
function slices(code: Code) {
  return code.tokens.flatMap((t, at) => {
    if (t.text !== '[' || t.kind !== 'op' || !isValueEnd(code.tokens[at - 1], 'python')) return [];
    if (startsStatement(code, at)) return [];
    const end = code.closer.get(at) ?? at;
    const colon = code.tokens
      .slice(at + 1, end)
      .some((u, k) => u.text === ':' && code.enclosing[at + 1 + k] === at);
    return colon ? [{ at, shown: '[start:end]' }] : [];
  });
}

/** Python `{…}`: a dict (`{}`, `{k: v}`) or a set (`{a, b}`), told apart by a top-level colon. */
function braces(kind: 'dict' | 'set') {
  return (code: Code) =>
    code.tokens.flatMap((t, at) => {
      if (t.text !== '{' || t.kind !== 'op') return [];
      const end = code.closer.get(at) ?? at;
      const inside = code.tokens.slice(at + 1, end);
      const colon = inside.some((u, k) => u.text === ':' && code.enclosing[at + 1 + k] === at);
      const isDict = inside.length === 0 || colon;
      return isDict === (kind === 'dict') ? [{ at, shown: isDict ? '{key: value}' : '{a, b}' }] : [];
    });
}

/** Python `for`/`while` as statements, or a `for` inside brackets (a comprehension). */
function pythonFor(where: 'statement' | 'comprehension') {
  return (code: Code) =>
    code.tokens.flatMap((t, at) => {
      if (t.kind !== 'name' || (t.text !== 'for' && t.text !== 'while')) return [];
      const inBrackets = code.depth[at]! > 0;
      if (where === 'comprehension')
        return inBrackets && t.text === 'for' ? [{ at, shown: '[… for … in …]' }] : [];
      return inBrackets ? [] : [{ at, shown: t.text }];
    });
}

/** A function that calls itself by name inside its own body (the next lines, to the end). */
function selfCalls(language: CodeLanguage) {
  return (code: Code) => {
    const { tokens } = code;
    const found: { at: number; shown: string }[] = [];
    tokens.forEach((t, i) => {
      const name =
        (t.text === 'def' || t.text === 'function') && tokens[i + 1]?.kind === 'name'
          ? tokens[i + 1]!.text
          : language !== 'python' && (t.text === 'const' || t.text === 'let') && tokens[i + 2]?.text === '='
            ? tokens[i + 1]?.text
            : undefined;
      if (!name) return;
      const self = tokens.findIndex(
        (u, k) => k > i + 2 && u.text === name && tokens[k + 1]?.text === '(' && tokens[k - 1]?.text !== '.',
      );
      // A body ends where the code goes back to the definition's indentation or brace depth.
      if (self > 0 && withinBody(code, i, self, language))
        found.push({ at: self, shown: `${name}(…) inside ${name}` });
    });
    return found;
  };
}

function withinBody(code: Code, start: number, use: number, language: CodeLanguage): boolean {
  const { tokens } = code;
  if (language !== 'python') {
    // The body is the first `{…}` after the parameters (or an arrow's expression on the same depth).
    const open = tokens.findIndex((t, k) => k > start && (t.text === '{' || t.text === '=>'));
    if (open < 0) return false;
    if (tokens[open]!.text === '=>' && tokens[open + 1]?.text !== '{')
      return code.depth[use]! >= code.depth[open]! && tokens.slice(open, use).every((t) => t.text !== ';');
    const brace = tokens[open]!.text === '{' ? open : open + 1;
    return use < (code.closer.get(brace) ?? tokens.length);
  }
  // Python: a later line indented as much as the `def`, or less, ends the body.
  const defColumn = code.column(start);
  for (let k = start + 1; k <= use; k++)
    if (tokens[k]!.line > tokens[start]!.line && isFirstOnLine(code, k) && code.column(k) <= defColumn)
      return false;
  return true;
}

function isFirstOnLine(code: Code, k: number): boolean {
  return code.tokens[k - 1]?.line !== code.tokens[k]!.line;
}

/** JavaScript `{` that makes an object, not a block or a destructuring pattern. */
function objectLiterals(code: Code) {
  const OPENS_VALUE = new Set(['=', '(', ',', ':', '[', '?', '??', '||', '&&', '...', 'return']);
  return code.tokens.flatMap((t, at) => {
    if (t.text !== '{' || t.kind !== 'op') return [];
    const before = code.tokens[at - 1];
    if (!before || !OPENS_VALUE.has(before.text) || isPattern(code, at)) return [];
    if (before.text === 'return' && code.tokens[at + 1]?.text !== '}' && code.tokens[at + 2]?.text !== ':')
      return [];
    return [{ at, shown: '{ key: value }' }];
  });
}

/**
 * A `{` or `[` that names variables to unpack into: after const/let/var, in `for (const [a, b] of`,
 * or in a parameter list (the brackets before `=>`, or after `function name`).
 */
function isPattern(code: Code, at: number): boolean {
  const { tokens } = code;
  const before = tokens[at - 1]?.text;
  if (before === 'const' || before === 'let' || before === 'var') return true;
  const owner = code.enclosing[at]!;
  if (owner < 0 || tokens[owner]!.text !== '(') return false;
  // Directly a parameter: the bracket follows the `(` or a top-level comma of a parameter list.
  if (before !== '(' && before !== ',') return false;
  const close = code.closer.get(owner);
  if (close === undefined) return false;
  const afterClose = tokens[close + 1]?.text;
  const beforeOpen = tokens[owner - 1];
  const isFunctionParams =
    afterClose === '=>' ||
    beforeOpen?.text === 'function' ||
    (beforeOpen?.kind === 'name' && tokens[owner - 2]?.text === 'function') ||
    (beforeOpen?.kind === 'name' && afterClose === '{' && isMethodDefinition(code, owner - 1));
  return isFunctionParams;
}

/** `name(…) {` inside a class body: a method. */
function isMethodDefinition(code: Code, nameAt: number): boolean {
  const owner = code.enclosing[nameAt]!;
  if (owner < 0) return false;
  const classAt = code.tokens.slice(0, owner).findLastIndex((t) => t.text === 'class');
  return classAt >= 0 && code.depth[nameAt] === code.depth[classAt]! + 1;
}

/** The start of an arrow function at `at`: `x =>`, `(a, b) =>`, `async x =>`. */
function arrowAt(code: Code, at: number): boolean {
  const { tokens } = code;
  let k = at;
  if (tokens[k]?.text === 'async') k += 1;
  if (tokens[k]?.kind === 'name' && tokens[k + 1]?.text === '=>') return true;
  if (tokens[k]?.text !== '(') return false;
  const close = code.closer.get(k);
  return close !== undefined && tokens[close + 1]?.text === '=>';
}

/** A function handed out by another: `return function…`, `return (x) => …`, `(a) => (b) => …`. */
function returnsFunctions(code: Code) {
  return code.tokens.flatMap((t, at) => {
    const next = at + 1;
    const handsOut =
      (t.text === 'return' || t.text === '=>') &&
      (code.tokens[next]?.text === 'function' ||
        arrowAt(code, next) ||
        (t.text === 'return' &&
          code.tokens[next]?.text === 'async' &&
          code.tokens[next + 1]?.text === 'function'));
    return handsOut ? [{ at: next, shown: t.text === 'return' ? 'return function' : '=> … =>' }] : [];
  });
}

/** Python `f"…"` strings. */
function fStrings(code: Code) {
  return code.tokens.flatMap((t, at) =>
    t.kind === 'string' && /^[rRbBuU]?[fF][rR]?['"]/.test(t.text) ? [{ at, shown: 'f"…"' }] : [],
  );
}

/** JavaScript `` `…${x}…` `` template literals. */
function templates(code: Code) {
  return code.tokens.flatMap((t, at) =>
    t.kind === 'string' && t.text.startsWith('`') ? [{ at, shown: '`…${…}…`' }] : [],
  );
}

/** Python `import x` / `from x import y` statements. */
function imports(code: Code) {
  return code.tokens.flatMap((t, at) =>
    t.kind === 'name' &&
    (t.text === 'import' || (t.text === 'from' && code.tokens[at + 2]?.text === 'import')) &&
    isFirstOnLine(code, at)
      ? [{ at, shown: t.text }]
      : [],
  );
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
      const concepts = exercise.concepts.map((c) => `"${c}"`).join(', ');
      const why = taughtIn
        ? `"${use.concept}" is first taught in lesson "${taughtIn}", after this one`
        : `no lesson of the track teaches "${use.concept}"`;
      const fix = taughtIn
        ? `Write the solution without it, or move this lesson after "${taughtIn}".`
        : 'Write the solution without it.';
      const distractor = use.line > solutionLength ? use.line - solutionLength - 1 : undefined;
      if (distractor !== undefined) {
        problems.push({
          file,
          line: lineOf(['distractors', distractor]),
          field: `distractors[${distractor}]`,
          message:
            `the distractor uses ${use.what} (\`${use.shown}\`), introduced by the concept ` +
            `"${use.concept}": ${why}, and it is no prerequisite of ${concepts}. ${fix.replace('solution', 'distractor')}`,
        });
        continue;
      }
      problems.push({
        file: codeFiles.solution ?? file,
        line: codeFiles.solution ? use.line : lineOf(['solution']) + use.line,
        field: 'solution',
        message:
          `line ${use.line} of the solution uses ${use.what} (\`${use.shown}\`), introduced by the ` +
          `concept "${use.concept}": ${why}, and it is no prerequisite of ${concepts}. ${fix}`,
      });
    }
  });
  return problems;
}
