/**
 * How the lesson-order rule reads code (lesson-order.ts): the learner's or author's source as
 * tokens with their bracket structure, and the finders that pick out one construct each (a
 * keyword, a method call, a list literal, an f-string …). Code is read through the light
 * tokenizer, so a keyword in a string or a comment never counts. Pure: no Node or DOM.
 */
import { tokenize, type CodeLanguage, type Token } from './code-tokens.ts';

export interface ConstructClass {
  id: string;
  what: string;
  concept: string;
  /** Each place the construct is used: the token index and how it is shown. */
  find(code: Code): { at: number; shown: string }[];
}

export interface Code {
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

export function read(source: string, language: CodeLanguage): Code {
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

export const keyword =
  (...words: string[]) =>
  ({ tokens }: Code) =>
    tokens.flatMap((t, at) => (t.kind === 'name' && words.includes(t.text) ? [{ at, shown: t.text }] : []));

export const methodCall =
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

export const call =
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

export const op =
  (...ops: string[]) =>
  ({ tokens }: Code) =>
    tokens.flatMap((t, at) => (t.kind === 'op' && ops.includes(t.text) ? [{ at, shown: t.text }] : []));

export const either =
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
export function listLiterals(language: CodeLanguage) {
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
export function slices(code: Code) {
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
export function braces(kind: 'dict' | 'set') {
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
export function pythonFor(where: 'statement' | 'comprehension') {
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
export function selfCalls(language: CodeLanguage) {
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
export function objectLiterals(code: Code) {
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
export function isPattern(code: Code, at: number): boolean {
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
export function returnsFunctions(code: Code) {
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
export function fStrings(code: Code) {
  return code.tokens.flatMap((t, at) =>
    t.kind === 'string' && /^[rRbBuU]?[fF][rR]?['"]/.test(t.text) ? [{ at, shown: 'f"…"' }] : [],
  );
}

/** JavaScript `` `…${x}…` `` template literals. */
export function templates(code: Code) {
  return code.tokens.flatMap((t, at) =>
    t.kind === 'string' && t.text.startsWith('`') ? [{ at, shown: '`…${…}…`' }] : [],
  );
}

/** Python `import x` / `from x import y` statements. */
export function imports(code: Code) {
  return code.tokens.flatMap((t, at) =>
    t.kind === 'name' &&
    (t.text === 'import' || (t.text === 'from' && code.tokens[at + 2]?.text === 'import')) &&
    isFirstOnLine(code, at)
      ? [{ at, shown: t.text }]
      : [],
  );
}
