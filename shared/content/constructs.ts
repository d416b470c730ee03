/**
 * The syntax each concept of the built-in tracks is about, and a difficulty estimated from code.
 * A generated "loops" problem whose solution has no loop is not a loops problem; a lesson-order
 * check can ask the same question of authored content. Read through the light tokenizer, so a
 * keyword in a string or comment does not count. Pure: no Node or DOM.
 */
import { tokenize, type CodeLanguage, type Token } from './code-tokens.ts';

export interface CodeFacts {
  language: CodeLanguage;
  tokens: Token[];
  names: Set<string>;
  ops: Set<string>;
  /** Names followed by `(`: calls (and definitions). */
  calls: Set<string>;
  /** Names after a `.` and before `(`: method calls. */
  methods: Set<string>;
  /** Non-blank lines of code. */
  lines: number;
  /** Deepest block nesting (indentation levels, or brace depth). */
  depth: number;
}

export function codeFacts(code: string, language: CodeLanguage): CodeFacts {
  const tokens = tokenize(code, language).filter((t) => t.kind !== 'comment');
  const names = new Set<string>();
  const ops = new Set<string>();
  const calls = new Set<string>();
  const methods = new Set<string>();
  let depth = 0;
  let braces = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'name') names.add(t.text);
    if (t.kind === 'op') ops.add(t.text);
    if (t.kind === 'name' && tokens[i + 1]?.text === '(') {
      calls.add(t.text);
      if (tokens[i - 1]?.text === '.') methods.add(t.text);
    }
    if (t.text === '{' && t.kind === 'op') depth = Math.max(depth, ++braces);
    if (t.text === '}' && t.kind === 'op') braces -= 1;
  });
  const lines = code.split('\n').filter((l) => l.trim() && !/^\s*(#|\/\/)/.test(l));
  if (language === 'python') {
    const widths = [...new Set(lines.map((l) => (/^ */.exec(l)?.[0] ?? '').length))].sort((a, b) => a - b);
    depth = widths.length;
  }
  return { language, tokens, names, ops, calls, methods, lines: lines.length, depth };
}

/** A function that calls itself (by name, after its definition). */
export function recurses(f: CodeFacts): boolean {
  const { tokens } = f;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const defines =
      (t.text === 'def' || t.text === 'function') && tokens[i + 1]?.kind === 'name'
        ? tokens[i + 1]?.text
        : (t.text === 'const' || t.text === 'let') && tokens[i + 2]?.text === '='
          ? tokens[i + 1]?.text
          : undefined;
    if (!defines) continue;
    const uses = tokens.filter((u, k) => k > i + 1 && u.text === defines && tokens[k + 1]?.text === '(');
    if (uses.length > 0) return true;
  }
  return false;
}

const has = (f: CodeFacts, ...names: string[]) => names.some((n) => f.names.has(n));
const op = (f: CodeFacts, ...ops: string[]) => ops.some((o) => f.ops.has(o));
const calls = (f: CodeFacts, ...names: string[]) => names.some((n) => f.calls.has(n));
const method = (f: CodeFacts, ...names: string[]) => names.some((n) => f.methods.has(n));
const strings = (f: CodeFacts) => f.tokens.some((t) => t.kind === 'string' && !t.text.startsWith('/'));
/** `[x for …]` / `{k: v for …}`: a `for` inside brackets. */
function comprehends(f: CodeFacts): boolean {
  let depth = 0;
  for (const t of f.tokens) {
    if (t.kind === 'op' && '([{'.includes(t.text)) depth += 1;
    else if (t.kind === 'op' && ')]}'.includes(t.text)) depth -= 1;
    else if (depth > 0 && t.text === 'for') return true;
  }
  return false;
}
/** A function made inside another and handed out (returned, or an arrow returning an arrow). */
function closes(f: CodeFacts): boolean {
  return f.tokens.some((t, i) => {
    const next = f.tokens.slice(i + 1, i + 12);
    if (t.text === 'return')
      return next[0]?.text === 'function' || next.some((n) => n.text === '=>') || next[0]?.text === 'lambda';
    if (t.text === '=>') return next.some((n) => n.text === '=>');
    return false;
  });
}
const ARITHMETIC = ['+', '-', '*', '/', '//', '%', '**'];
const STRING_METHODS = [
  'upper',
  'lower',
  'strip',
  'split',
  'join',
  'replace',
  'find',
  'startswith',
  'endswith',
  'count',
  'isdigit',
  'isalpha',
  'title',
  'capitalize',
  'toUpperCase',
  'toLowerCase',
  'trim',
  'slice',
  'substring',
  'indexOf',
  'includes',
  'startsWith',
  'endsWith',
  'padStart',
  'padEnd',
  'charAt',
  'repeat',
  'at',
];

export interface ConceptConstruct {
  /** What the solution must contain, in words for the model's repair round. */
  needs: string;
  present: (f: CodeFacts) => boolean;
}

/** Concept id → the construct its solutions use, per runtime. Concepts not listed are not checked. */
export const CONSTRUCTS: Record<'python' | 'javascript', Record<string, ConceptConstruct>> = {
  python: {
    'output-variables': {
      needs: 'print(), a variable, or formatted text',
      present: (f) => calls(f, 'print') || op(f, '=') || strings(f) || has(f, 'return'),
    },
    numbers: {
      needs: 'arithmetic (+ - * / // % **) or int/float/round/abs',
      present: (f) => op(f, ...ARITHMETIC) || calls(f, 'int', 'float', 'round', 'abs'),
    },
    strings: {
      needs: 'strings: a string method, slicing, len() or an f-string',
      present: (f) => method(f, ...STRING_METHODS) || strings(f) || op(f, '[') || calls(f, 'len', 'str'),
    },
    conditionals: { needs: 'an if statement', present: (f) => has(f, 'if') },
    loops: {
      needs: 'a for or while loop',
      present: (f) =>
        f.tokens.some((t, i) => (t.text === 'for' || t.text === 'while') && !inBrackets(f.tokens, i)),
    },
    functions: { needs: 'a def', present: (f) => has(f, 'def') },
    lists: {
      needs: 'a list ([…], append, list())',
      present: (f) => op(f, '[') || method(f, 'append', 'extend', 'insert', 'pop') || calls(f, 'list'),
    },
    dictionaries: {
      needs: 'a dict ({key: value}, dict(), .items()/.get()/.keys())',
      present: (f) =>
        calls(f, 'dict') || method(f, 'items', 'get', 'keys', 'values', 'setdefault') || dictLiteral(f),
    },
    'tuples-sets': {
      needs: 'a tuple or a set (set(), tuple(), {a, b}, a, b = …)',
      present: (f) =>
        calls(f, 'set', 'tuple', 'frozenset') ||
        method(f, 'add', 'union', 'intersection', 'difference') ||
        op(f, '&', '|') ||
        f.tokens.some((t) => t.text === ','),
    },
    comprehensions: { needs: 'a comprehension ([… for … in …])', present: comprehends },
    exceptions: { needs: 'try/except or raise', present: (f) => has(f, 'try', 'raise') },
    classes: { needs: 'a class', present: (f) => has(f, 'class') },
    recursion: { needs: 'a function that calls itself', present: recurses },
    'searching-sorting': {
      needs: 'sorting (sorted, .sort) or a search loop comparing items',
      present: (f) =>
        calls(f, 'sorted') ||
        method(f, 'sort', 'index') ||
        (has(f, 'while', 'for') && op(f, '<', '>', '<=', '>=', '==')),
    },
  },
  javascript: {
    'values-types': {
      needs: 'values and types (literals, typeof, Number(), String(), ===)',
      present: (f) =>
        has(f, 'typeof') ||
        calls(f, 'Number', 'String', 'Boolean', 'parseInt', 'parseFloat') ||
        op(f, '===', '!==', ...ARITHMETIC) ||
        f.tokens.some((t) => t.kind === 'number' || t.kind === 'string'),
    },
    strings: {
      needs: 'strings: a string method, a template literal or .length',
      present: (f) =>
        strings(f) &&
        (method(f, ...STRING_METHODS) || f.tokens.some((t) => t.text.startsWith('`')) || has(f, 'length')),
    },
    conditionals: {
      needs: 'an if, switch or ?: condition',
      present: (f) => has(f, 'if', 'switch') || op(f, '?'),
    },
    loops: { needs: 'a for, while or do loop', present: (f) => has(f, 'for', 'while') },
    functions: { needs: 'a function (function or =>)', present: (f) => has(f, 'function') || op(f, '=>') },
    arrays: {
      needs: 'an array ([…], push, map, filter, reduce)',
      present: (f) =>
        op(f, '[') || method(f, 'push', 'map', 'filter', 'reduce', 'forEach', 'find', 'some', 'every'),
    },
    objects: {
      needs: 'an object ({key: value}, Object.keys/entries, a property)',
      present: (f) => has(f, 'Object') || dictLiteral(f) || op(f, '.'),
    },
    destructuring: {
      needs: 'destructuring (const { a } = …, const [a, b] = …, or in parameters)',
      present: destructures,
    },
    classes: { needs: 'a class', present: (f) => has(f, 'class') },
    errors: { needs: 'throw or try/catch', present: (f) => has(f, 'throw', 'try') },
    closures: { needs: 'a function that returns a function using its variables', present: closes },
    async: {
      needs: 'async/await or a Promise',
      present: (f) => has(f, 'async', 'await', 'Promise') || method(f, 'then'),
    },
  },
};

/** `a[i] < b[j]`: items compared with each other, as searching and sorting do. */
function comparesItems(f: CodeFacts): boolean {
  return f.tokens.some(
    (t, i) =>
      ['<', '>', '<=', '>='].includes(t.text) &&
      f.tokens[i - 1]?.text === ']' &&
      f.tokens[i + 2]?.text === '[',
  );
}

function inBrackets(tokens: Token[], at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'op' && '([{'.includes(t.text)) depth += 1;
    else if (t.kind === 'op' && ')]}'.includes(t.text)) depth -= 1;
  }
  return depth > 0;
}

/** `{ key: value }` with a name or string before the colon. */
function dictLiteral(f: CodeFacts): boolean {
  return f.tokens.some(
    (t, i) =>
      t.text === '{' &&
      (f.tokens[i + 1]?.kind === 'string' || f.tokens[i + 1]?.kind === 'name') &&
      f.tokens[i + 2]?.text === ':',
  );
}

function destructures(f: CodeFacts): boolean {
  return f.tokens.some((t, i) => {
    const next = f.tokens[i + 1]?.text;
    if ((t.text === 'const' || t.text === 'let' || t.text === 'var') && (next === '{' || next === '['))
      return true;
    if (t.text === '...') return true;
    // ({ a, b }) => … or function f({ a }) / ([a, b])
    return (
      t.text === '(' &&
      (next === '{' || next === '[') &&
      f.tokens.slice(i, i + 20).some((n) => n.text === '=>' || n.text === ')')
    );
  });
}

/** Does the code use the construct of the concept? Undefined when the concept has no entry. */
export function usesConcept(code: string, language: CodeLanguage, concept: string): boolean | undefined {
  const entry = constructOf(language, concept);
  return entry ? entry.present(codeFacts(code, language)) : undefined;
}

/** The construct a concept is about, if the map has one (`constructor` is no concept). */
export function constructOf(language: CodeLanguage, concept: string): ConceptConstruct | undefined {
  const table = CONSTRUCTS[language === 'python' ? 'python' : 'javascript'];
  return Object.hasOwn(table, concept) ? table[concept] : undefined;
}

/**
 * Difficulty 1–10 estimated from a solution: the hardest construct it uses (levels follow the
 * built-in tracks' order: a condition 2, a loop 3, … a class or recursion 6, async code 7), plus
 * how long it is and how deeply it nests. Calibrated on the built-in tracks and templates
 * (bench/generated-problems.ts prints the share within 2 of the authored difficulty).
 */
export function estimateDifficulty(code: string, language: CodeLanguage): number {
  const f = codeFacts(code, language);
  const py = language === 'python';
  const loops = f.tokens.some(
    (t, i) => (t.text === 'for' || t.text === 'while' || t.text === 'do') && !(py && inBrackets(f.tokens, i)),
  );
  const signals: [boolean, number][] = py
    ? [
        [has(f, 'if'), 2],
        [loops, 3],
        [method(f, 'append', 'extend', 'pop', 'insert'), 3],
        [dictLiteral(f) || method(f, 'items', 'get', 'setdefault') || calls(f, 'dict', 'set'), 4],
        [comprehends(f), 5],
        [
          has(f, 'try', 'raise', 'lambda') ||
            f.tokens.some((t, i) => t.text === 'key' && f.tokens[i + 1]?.text === '='),
          5,
        ],
        [has(f, 'class'), 5],
        [recurses(f), 6],
        [(has(f, 'while') && op(f, '//')) || comparesItems(f), 7],
      ]
    : [
        [has(f, 'if', 'switch') || op(f, '?'), 2],
        [loops || method(f, 'map', 'filter', 'forEach'), 3],
        [method(f, 'reduce', 'sort') || destructures(f), 4],
        [has(f, 'throw', 'try'), 5],
        [has(f, 'class'), 5],
        [closes(f) || recurses(f) || comparesItems(f), 6],
        [has(f, 'async', 'await', 'Promise') || method(f, 'then'), 7],
        [has(f, 'new') && has(f, 'Promise'), 8],
      ];
  const level = Math.max(1, ...signals.filter(([on]) => on).map(([, n]) => n));
  const score = level + Math.min(2, f.lines / 10) + Math.max(0, f.depth - 3) * 0.5;
  return Math.max(1, Math.min(10, Math.round(score)));
}
