/**
 * A light tokenizer for Python and JavaScript/TypeScript source: enough to tell names, numbers,
 * strings, comments and operators apart without a full parser. Mutation testing of generated
 * problems and the concept/difficulty checks read code through it, so a `<` inside a string or
 * a `for` in a comment is never taken for code. Offsets index the original text, so a token can
 * be replaced in place. Pure: no Node or DOM.
 */
export type CodeLanguage = 'python' | 'javascript' | 'typescript';

export type TokenKind = 'name' | 'number' | 'string' | 'comment' | 'op' | 'newline';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** 1-based line of the token's first character. */
  line: number;
}

const PY_OPS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '->',
  ':=',
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '>>',
  '<<',
];
const JS_OPS = [
  '>>>=',
  '===',
  '!==',
  '**=',
  '...',
  '>>>',
  '<<=',
  '>>=',
  '&&=',
  '||=',
  '??=',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '**',
  '<<',
  '>>',
];
/** After these a `/` starts a regular expression, not a division. */
const REGEX_AFTER = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
]);

const NAME_START = /[\p{L}_$]/u;
const NAME_PART = /[\p{L}\p{N}_$]/u;

export function tokenize(source: string, language: CodeLanguage): Token[] {
  const python = language === 'python';
  const ops = python ? PY_OPS : JS_OPS;
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let depth = 0;
  const push = (kind: TokenKind, start: number, end: number) => {
    const text = source.slice(start, end);
    tokens.push({ kind, text, start, end, line });
    for (const ch of text) if (ch === '\n') line += 1;
  };
  const lastSignificant = () => {
    for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k]?.kind !== 'comment') return tokens[k];
    return undefined;
  };

  while (i < source.length) {
    const ch = source[i] as string;
    const rest2 = source.slice(i, i + 2);
    if (ch === '\n') {
      // Inside brackets a Python line continues; only a logical line end is a newline token.
      if (!python || depth === 0) push('newline', i, i + 1);
      else line += 1;
      i += 1;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f') {
      i += 1;
    } else if (ch === '\\' && source[i + 1] === '\n') {
      i += 2;
      line += 1;
    } else if ((python && ch === '#') || (!python && rest2 === '//')) {
      let end = source.indexOf('\n', i);
      if (end < 0) end = source.length;
      push('comment', i, end);
      i = end;
    } else if (!python && rest2 === '/*') {
      const close = source.indexOf('*/', i + 2);
      const end = close < 0 ? source.length : close + 2;
      push('comment', i, end);
      i = end;
    } else if (python && isPythonStringStart(source, i)) {
      const end = pythonStringEnd(source, i);
      push('string', i, end);
      i = end;
    } else if (!python && (ch === '"' || ch === "'")) {
      const end = quotedEnd(source, i + 1, ch);
      push('string', i, end);
      i = end;
    } else if (!python && ch === '`') {
      const end = templateEnd(source, i + 1);
      push('string', i, end);
      i = end;
    } else if (!python && ch === '/' && regexAllowed(lastSignificant())) {
      const end = regexEnd(source, i + 1);
      push('string', i, end);
      i = end;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      let end = i + 1;
      while (end < source.length && /[0-9a-zA-Z_.]/.test(source[end] as string)) {
        // 1e-5: the sign belongs to the exponent.
        if (
          /[eE]/.test(source[end] as string) &&
          /[+-]/.test(source[end + 1] ?? '') &&
          !/^0[xX]/.test(source.slice(i, end))
        )
          end += 1;
        end += 1;
      }
      push('number', i, end);
      i = end;
    } else if (NAME_START.test(ch)) {
      let end = i + 1;
      while (end < source.length && NAME_PART.test(source[end] as string)) end += 1;
      push('name', i, end);
      i = end;
    } else {
      const op = ops.find((o) => source.startsWith(o, i)) ?? ch;
      if ('([{'.includes(op)) depth += 1;
      else if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
      push('op', i, i + op.length);
      i += op.length;
    }
  }
  return tokens;
}

/** Tokens that are code: no comments. */
export function codeTokens(source: string, language: CodeLanguage): Token[] {
  return tokenize(source, language).filter((t) => t.kind !== 'comment');
}

function isPythonStringStart(source: string, i: number): boolean {
  const m = /^([rRbBuUfF]{0,2})(['"])/.exec(source.slice(i, i + 3));
  if (!m) return false;
  // A prefix letter must not be the end of a longer name (e.g. `nf"` is not an f-string).
  return m[1] === '' || !NAME_PART.test(source[i - 1] ?? ' ');
}

function pythonStringEnd(source: string, i: number): number {
  let j = i;
  while (/[rRbBuUfF]/.test(source[j] as string)) j += 1;
  const quote = source[j] as string;
  const triple = source.startsWith(quote.repeat(3), j);
  if (triple) {
    const close = source.indexOf(quote.repeat(3), j + 3);
    let k = j + 3;
    for (; k < source.length; k++) {
      if (source[k] === '\\') k += 1;
      else if (source.startsWith(quote.repeat(3), k)) return k + 3;
    }
    return close < 0 ? source.length : close + 3;
  }
  return quotedEnd(source, j + 1, quote);
}

/** End (exclusive) of a one-line quoted string whose body starts at `i`. */
function quotedEnd(source: string, i: number, quote: string): number {
  let k = i;
  for (; k < source.length; k++) {
    const c = source[k];
    if (c === '\\') k += 1;
    else if (c === quote) return k + 1;
    else if (c === '\n') return k;
  }
  return k;
}

function templateEnd(source: string, i: number): number {
  let k = i;
  let nested = 0;
  for (; k < source.length; k++) {
    const c = source[k];
    if (c === '\\') k += 1;
    else if (c === '$' && source[k + 1] === '{') {
      nested += 1;
      k += 1;
    } else if (c === '}' && nested > 0) nested -= 1;
    else if (c === '`' && nested === 0) return k + 1;
  }
  return k;
}

function regexAllowed(prev: Token | undefined): boolean {
  if (!prev || prev.kind === 'newline') return true;
  if (prev.kind === 'name') return REGEX_AFTER.has(prev.text);
  if (prev.kind === 'op') return !(prev.text === ')' || prev.text === ']' || prev.text === '}');
  return false;
}

function regexEnd(source: string, i: number): number {
  let k = i;
  let inClass = false;
  for (; k < source.length; k++) {
    const c = source[k];
    if (c === '\\') k += 1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      k += 1;
      while (k < source.length && /[a-z]/.test(source[k] as string)) k += 1;
      return k;
    } else if (c === '\n') return k;
  }
  return k;
}

/** Replaces `token` in `source` with `text`. */
export function replaceToken(source: string, token: Pick<Token, 'start' | 'end'>, text: string): string {
  return source.slice(0, token.start) + text + source.slice(token.end);
}
