/**
 * Rewrites each async function so the sandbox can see the promise it returns: QuickJS makes that
 * promise without going through `Promise`, so an async function that throws and is never awaited
 * would otherwise fail silently (see sandbox/rejections.ts). The function loses its `async` and
 * hands an async arrow holding its body to the harness, which watches the promise and returns it:
 *
 *   async function f(a) { body }   →        function f(a) {return __lanternTrackAsync({ f: async () => { body } }.f);}
 *   async (x) => x * 2             →        (x) => __lanternTrackAsync(async () => (x * 2))
 *
 * An arrow keeps the function's `this`, `arguments`, `super` and `new.target`, so the body means
 * what it did; the arrow is named after the function, so a stack trace still says `at f`, and
 * errors.ts drops the wrapper's own frame. Only text is inserted, never a newline: every line keeps its number, and only the
 * lines that changed lose exact columns (compile.ts's originalColumn). Async generators are left
 * alone. The tokens and function scopes come from sucrase's parser, which compile.ts already uses.
 */
import { parse } from 'sucrase/dist/parser/index.js';
import { TokenType } from 'sucrase/dist/parser/tokenizer/types.js';
import { TRACK_ASYNC_GLOBAL } from './sandbox/rejections.ts';

interface Edit {
  at: number;
  /** Characters replaced from `at` (0 for an insertion). */
  remove: number;
  text: string;
  /**
   * Order among edits at one offset, lowest first (the first applied ends up rightmost): the
   * `async` blanked, then closings (outer first), then openings (inner first).
   */
  rank: number;
}

export function trackAsyncFunctions(code: string): string {
  if (!code.includes('async')) return code;
  let file: ReturnType<typeof parse>;
  try {
    file = parse(code, false, false, false);
  } catch {
    return code; // QuickJS will report the syntax error with its own line and column.
  }
  const { tokens, scopes } = file;
  const scopeEnd = new Map<number, number>();
  for (const scope of scopes) {
    if (!scope.isFunctionScope) continue;
    scopeEnd.set(
      scope.startTokenIndex,
      Math.max(scopeEnd.get(scope.startTokenIndex) ?? -1, scope.endTokenIndex),
    );
  }
  const is = (index: number, type: TokenType) => tokens[index]?.type === type;
  const text = (index: number) => code.slice(tokens[index]?.start ?? 0, tokens[index]?.end ?? 0);
  /** Index of the `)` closing the `(` at `open`. */
  const closing = (open: number): number => {
    let depth = 0;
    for (let i = open; i < tokens.length; i++) {
      if (is(i, TokenType.parenL)) depth++;
      else if (is(i, TokenType.parenR) && --depth === 0) return i;
    }
    return -1;
  };

  /** The function's own name, for the arrow that now holds its body (stack traces show it). */
  const functionName = (asyncToken: number, params: number): string | null => {
    if (is(asyncToken + 1, TokenType._function))
      return is(params - 1, TokenType.name) ? text(params - 1) : null;
    if (params === asyncToken + 2) return text(asyncToken + 1); // a method
    const before = asyncToken - 1;
    if ((is(before, TokenType.eq) || is(before, TokenType.colon)) && is(before - 1, TokenType.name))
      return text(before - 1);
    return null;
  };
  // `{ load: async () => … }.load` names the arrow `load`.
  const open = (name: string | null) => (name ? `{ ${name}: async () => ` : 'async () => ');
  const close = (name: string | null) => (name ? ` }.${name}` : '');

  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    if (text(i) !== 'async') return;
    // Where the parameters start (the function's scope starts there too), and where the body does.
    let params: number;
    let body: number;
    if (is(i + 1, TokenType._function)) {
      if (is(i + 2, TokenType.star)) return;
      params = i + 2;
      while (params < tokens.length && !is(params, TokenType.parenL)) params++;
      body = closing(params) + 1;
    } else if (is(i + 1, TokenType.parenL)) {
      params = i + 1; // an arrow, or a call of a function named `async` (no scope starts there)
      body = closing(params) + 2;
      if (!is(body - 1, TokenType.arrow)) return;
    } else if (is(i + 1, TokenType.name) && is(i + 2, TokenType.arrow)) {
      params = i; // `async x => …`: sucrase starts this scope at `async`
      body = i + 3;
    } else if (is(i + 1, TokenType.name) && is(i + 2, TokenType.parenL) && !is(i - 1, TokenType.dot)) {
      params = i + 2; // a method: `async name() {}`
      body = closing(params) + 1;
    } else return;
    const name = functionName(i, params);
    const end = scopeEnd.get(params);
    if (end === undefined || body <= 0 || body >= end) return;
    const span = end - params;
    const first = tokens[body];
    const last = tokens[end - 1];
    if (!first || !last) return;
    edits.push({
      at: token.start,
      remove: token.end - token.start,
      text: ' '.repeat(token.end - token.start),
      rank: 0,
    });
    if (is(body, TokenType.braceL) && is(end - 1, TokenType.braceR) && scopeEnd.get(body) === end) {
      edits.push({
        at: first.end,
        remove: 0,
        text: `return ${TRACK_ASYNC_GLOBAL}(${open(name)}{`,
        rank: 2e9 + span,
      });
      edits.push({ at: last.start, remove: 0, text: `}${close(name)});`, rank: 2e9 - span });
    } else if (!is(body, TokenType.braceL)) {
      edits.push({
        at: first.start,
        remove: 0,
        text: `${TRACK_ASYNC_GLOBAL}(${open(name)}(`,
        rank: 2e9 + span,
      });
      edits.push({ at: last.end, remove: 0, text: `)${close(name)})`, rank: 2e9 - span });
    }
  });
  if (edits.length === 0) return code;
  // From the end of the text backwards, so earlier offsets stay valid; at one offset, what is
  // applied first ends up rightmost.
  edits.sort((a, b) => b.at - a.at || a.rank - b.rank);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at + edit.remove);
  return out;
}
