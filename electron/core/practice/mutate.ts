/**
 * Mutants of a reference solution: small wrong versions a learner might write (an operator
 * swapped, an off-by-one, a constant or string changed, a statement deleted, a value not
 * returned, a condition negated). Tests that let a mutant pass do not test that part of the
 * problem. Token-level, for Python and JavaScript/TypeScript alike: each mutant changes one token
 * or one statement of the original text, so it is the same program with one learner-sized slip.
 * Why this shape: docs/decisions/0021-mutation-testing-generated-problems.md.
 */
import { tokenize, type CodeLanguage, type Token } from '../../../shared/content/code-tokens.ts';
import {
  callArguments,
  expressionAfter,
  isDocstring,
  logicalLines,
  noteAssignment,
  raises,
  skipLine,
  type Line,
} from './mutate-lines.ts';

export type MutationOperator =
  | 'arithmetic'
  | 'comparison'
  | 'logical'
  | 'boolean'
  | 'negation'
  | 'assignment'
  | 'constant'
  | 'range'
  | 'string'
  | 'statement'
  | 'return'
  | 'call';

export interface Mutant {
  operator: MutationOperator;
  /** 1-based line of the change in the solution. */
  line: number;
  /** What changed, e.g. "`<` → `<=`". */
  description: string;
  code: string;
}

/** More than this many mutants are sampled evenly across operators. */
export const MAX_MUTANTS = 48;

const ARITHMETIC: Record<string, string[]> = {
  '+': ['-'],
  '-': ['+'],
  '*': ['/', '+'],
  '/': ['*'],
  '//': ['/'],
  '%': ['*'],
  '**': ['*'],
};
const COMPARISON: Record<string, string[]> = {
  '<': ['<=', '>='],
  '<=': ['<', '>'],
  '>': ['>=', '<='],
  '>=': ['>', '<'],
  '==': ['!='],
  '!=': ['=='],
  '===': ['!=='],
  '!==': ['==='],
};
const ASSIGNMENT: Record<string, string[]> = {
  '+=': ['-='],
  '-=': ['+='],
  '*=': ['/='],
  '/=': ['*='],
  '++': ['--'],
  '--': ['++'],
};
const LOGICAL: Record<string, string[]> = { and: ['or'], or: ['and'], '&&': ['||'], '||': ['&&'] };
/** Calls a learner forgets: `text.lower()` → `text`, `abs(x)` → `x`. */
const UNWRAP_METHODS = new Set(
  'lower upper strip lstrip rstrip title capitalize casefold toLowerCase toUpperCase trim trimStart trimEnd reverse sort'.split(
    ' ',
  ),
);
const UNWRAP_FUNCTIONS = new Set([
  'abs',
  'sorted',
  'reversed',
  'round',
  'int',
  'str',
  'float',
  'set',
  'list',
]);
const BOOLEAN: Record<string, string[]> = {
  True: ['False'],
  False: ['True'],
  true: ['false'],
  false: ['true'],
};

const PY_HEADERS = new Set([
  'def',
  'class',
  'if',
  'elif',
  'else',
  'for',
  'while',
  'try',
  'except',
  'finally',
  'with',
  'return',
  'import',
  'from',
  'pass',
  'async',
  'global',
  'nonlocal',
  'raise',
  'assert',
  'yield',
  'del',
  'match',
  'case',
]);
const JS_HEADERS = new Set([
  'function',
  'class',
  'if',
  'else',
  'for',
  'while',
  'do',
  'switch',
  'case',
  'default',
  'try',
  'catch',
  'finally',
  'return',
  'import',
  'export',
  'const',
  'let',
  'var',
  'throw',
  'async',
  'interface',
  'type',
]);

export function mutants(source: string, language: CodeLanguage): Mutant[] {
  const python = language === 'python';
  const tokens = tokenize(source, language).filter((t) => t.kind !== 'comment');
  const lines = logicalLines(source, tokens, python);
  const out: Mutant[] = [];
  const seen = new Set<string>([source]);
  const add = (operator: MutationOperator, line: number, description: string, code: string) => {
    if (seen.has(code)) return;
    seen.add(code);
    out.push({ operator, line, description, code });
  };
  const swap = (t: Token, to: string, operator: MutationOperator) =>
    add(operator, t.line, `\`${t.text}\` → \`${to}\``, splice(source, t.start, t.end, to));

  const assigned = new Set<string>();
  for (const line of lines) {
    const first = line.tokens[0];
    if (!first || skipLine(line, python)) {
      noteAssignment(line, assigned);
      continue;
    }
    line.tokens.forEach((t, k) => {
      const prev = line.tokens[k - 1];
      if (t.kind === 'op') {
        const unary = t.text === '-' && (!prev || (prev.kind === 'op' && !')]}'.includes(prev.text)));
        if (!unary) for (const to of pick(ARITHMETIC, t.text)) swap(t, to, 'arithmetic');
        for (const to of pick(COMPARISON, t.text)) swap(t, to, 'comparison');
        for (const to of pick(ASSIGNMENT, t.text)) swap(t, to, 'assignment');
        for (const to of pick(LOGICAL, t.text)) swap(t, to, 'logical');
        if (t.text === '!') add('negation', t.line, '`!` removed', splice(source, t.start, t.end, ''));
      } else if (t.kind === 'name') {
        if (python) for (const to of pick(LOGICAL, t.text)) swap(t, to, 'logical');
        for (const to of pick(BOOLEAN, t.text)) swap(t, to, 'boolean');
        if (python && t.text === 'not')
          add('negation', t.line, '`not` removed', splice(source, t.start, nextStart(line, k, t), ''));
        if (python && t.text === 'range' && line.tokens[k + 1]?.text === '(') rangeBounds(line, k);
        unwrap(line, k);
      } else if (t.kind === 'number') {
        const n = Number(t.text.replace(/_/g, ''));
        if (!Number.isFinite(n) || /^0[xob]/i.test(t.text)) return;
        for (const m of [n + 1, n - 1]) {
          const text = m < 0 ? `(${m})` : String(m);
          add('constant', t.line, `\`${t.text}\` → \`${m}\``, splice(source, t.start, t.end, text));
        }
      } else if (t.kind === 'string' && !isDocstring(line) && !t.text.startsWith('/') && !raises(first)) {
        const quote = python ? '""' : "''";
        const empty = /^[a-zA-Z]*(''|""|``)$/.test(t.text);
        const to = empty ? (python ? '"x"' : "'x'") : quote;
        add('string', t.line, `a string changed to ${to}`, splice(source, t.start, t.end, to));
      }
    });
    returnValue(line);
    deleteStatement(line, first);
    noteAssignment(line, assigned);
  }
  return sample(out);

  function rangeBounds(line: Line, k: number) {
    const args = callArguments(line.tokens, k + 1);
    const stop = args.length === 1 ? args[0] : args[1];
    const bounds: [Token[] | undefined, string][] = [
      [stop, ' + 1'],
      [stop, ' - 1'],
      [args.length > 1 ? args[0] : undefined, ' + 1'],
    ];
    for (const [arg, delta] of bounds) {
      const last = arg?.[arg.length - 1];
      const firstArg = arg?.[0];
      if (!last || !firstArg) continue;
      const text = `(${source.slice(firstArg.start, last.end)})${delta}`;
      add('range', last.line, `range bound ${delta.trim()}`, splice(source, firstArg.start, last.end, text));
    }
  }

  function unwrap(line: Line, k: number) {
    const t = line.tokens[k] as Token;
    const open = line.tokens[k + 1];
    if (open?.text !== '(') return;
    if (line.tokens[k - 1]?.text === '.' && UNWRAP_METHODS.has(t.text) && line.tokens[k + 2]?.text === ')') {
      const dot = line.tokens[k - 1] as Token;
      add(
        'call',
        t.line,
        `\`.${t.text}()\` left out`,
        splice(source, dot.start, (line.tokens[k + 2] as Token).end, ''),
      );
    } else if (python && line.tokens[k - 1]?.text !== '.' && UNWRAP_FUNCTIONS.has(t.text)) {
      const args = callArguments(line.tokens, k + 1);
      const arg = args[0];
      const close = line.tokens
        .slice(k + 1)
        .find(
          (c, i, all) =>
            c.text === ')' &&
            all.slice(0, i + 1).filter((x) => x.text === '(').length ===
              all.slice(0, i + 1).filter((x) => x.text === ')').length,
        );
      if (args.length !== 1 || !arg?.length || !close) return;
      const text = source.slice((arg[0] as Token).start, (arg[arg.length - 1] as Token).end);
      add('call', t.line, `\`${t.text}(…)\` left out`, splice(source, t.start, close.end, `(${text})`));
    }
  }

  function returnValue(line: Line) {
    line.tokens.forEach((t, k) => {
      if (t.kind !== 'name' || t.text !== 'return') return;
      const value = expressionAfter(line.tokens, k + 1, python);
      const first = value[0];
      const last = value[value.length - 1];
      if (!first || !last) return;
      const none = python ? 'None' : 'undefined';
      if (source.slice(first.start, last.end) === none) return;
      add('return', t.line, `returns ${none}`, splice(source, first.start, last.end, none));
    });
  }

  function deleteStatement(line: Line, first: Token) {
    const headers = python ? PY_HEADERS : JS_HEADERS;
    if (first.kind !== 'name' || headers.has(first.text)) return;
    if (
      line.tokens.some(
        (t) => t.text === '{' || t.text === '}' || (python && t.text === ':' && t === line.tokens.at(-1)),
      )
    )
      return;
    const eq = line.tokens.findIndex((t) => t.kind === 'op' && t.text === '=');
    // Deleting the first binding of a name only makes a NameError; re-assignments are real slips.
    if (eq === 1 && !assigned.has(first.text)) return;
    const last = line.tokens[line.tokens.length - 1] as Token;
    const end = last.text === ';' ? last.start : last.end;
    add(
      'statement',
      first.line,
      'a statement deleted',
      splice(source, first.start, end, python ? 'pass' : ''),
    );
  }

  function nextStart(line: Line, k: number, t: Token): number {
    return line.tokens[k + 1]?.start ?? t.end;
  }
}

/** The solution with every returned value replaced by nothing: an empty function that runs. */
export function returningNothing(source: string, language: CodeLanguage): string {
  const python = language === 'python';
  const tokens = tokenize(source, language).filter((t) => t.kind !== 'comment');
  const edits: [number, number][] = [];
  tokens.forEach((t, k) => {
    if (t.kind !== 'name' || t.text !== 'return') return;
    const value = expressionAfter(tokens, k + 1, python);
    const first = value[0];
    const last = value[value.length - 1];
    if (first && last) edits.push([first.start, last.end]);
  });
  let out = source;
  for (const [start, end] of edits.reverse()) out = splice(out, start, end, python ? 'None' : 'undefined');
  return out;
}

/** A table's entry for a token; a name like `constructor` is not an entry of every object. */
function pick(table: Record<string, string[]>, key: string): string[] {
  return Object.hasOwn(table, key) ? (table[key] as string[]) : [];
}

function splice(source: string, start: number, end: number, text: string): string {
  return source.slice(0, start) + text + source.slice(end);
}

/** At most MAX_MUTANTS, taken round-robin across operators so every kind of slip is tried. */
function sample(all: Mutant[]): Mutant[] {
  if (all.length <= MAX_MUTANTS) return all;
  const byOperator = new Map<MutationOperator, Mutant[]>();
  for (const m of all) byOperator.set(m.operator, [...(byOperator.get(m.operator) ?? []), m]);
  const queues = [...byOperator.values()];
  const picked: Mutant[] = [];
  for (let round = 0; picked.length < MAX_MUTANTS; round++) {
    for (const queue of queues) {
      const m = queue[round];
      if (m && picked.length < MAX_MUTANTS) picked.push(m);
    }
  }
  return picked.sort((a, b) => a.line - b.line);
}
