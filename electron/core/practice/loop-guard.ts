/**
 * A mutant that breaks a loop counter (`i++` → `i--`) usually never ends. Cutting it at the run's
 * time limit costs the whole limit, and in the JavaScript engine can cost a restart, for every
 * such mutant. So each loop of a mutant counts its turns and throws after too many: the mutant
 * fails its tests at once, as a learner's endless loop fails them (by timing out) in the app.
 */
import { tokenize, type CodeLanguage, type Token } from '../../../shared/content/code-tokens.ts';

/** Loop turns one variant may take over all its tests; beginner problems take thousands. */
export const MAX_TURNS = 200_000;

const PY_TICK = `def __lantern_tick(_turns=[0]):
    _turns[0] += 1
    if _turns[0] > ${MAX_TURNS}:
        raise RuntimeError('this loop never ends')
    return True
`;
const JS_TICK = `let __lanternTurns = 0;
const __lanternTick = () => {
  if (++__lanternTurns > ${MAX_TURNS}) throw new Error('this loop never ends');
  return true;
};
`;

export function guardLoops(source: string, language: CodeLanguage): string {
  const python = language === 'python';
  const tokens = tokenize(source, language).filter((t) => t.kind !== 'comment');
  const edits: [number, string][] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'name') return;
    if (python && t.text === 'while') {
      const colon = conditionEnd(tokens, i + 1);
      const next = tokens[i + 1];
      if (colon && next) edits.push([next.start, '__lantern_tick() and ('], [colon.start, ')']);
    } else if (!python && t.text === 'while' && tokens[i + 1]?.text === '(') {
      const open = tokens[i + 1] as Token;
      const close = matching(tokens, i + 1);
      if (close) edits.push([open.end, '__lanternTick() && ('], [close.start, ')']);
    } else if (!python && t.text === 'for' && tokens[i + 1]?.text === '(') {
      const semis = headerSemicolons(tokens, i + 1);
      if (!semis) return;
      const [first, second] = semis;
      const empty = tokens.indexOf(second) === tokens.indexOf(first) + 1;
      edits.push(
        empty ? [second.start, ' __lanternTick()'] : [first.end, ' __lanternTick() && ('],
        ...(empty ? [] : [[second.start, ')'] as [number, string]]),
      );
    }
  });
  if (edits.length === 0) return source;
  let out = source;
  for (const [at, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + text + out.slice(at);
  return (python ? PY_TICK : JS_TICK) + out;
}

/** The `:` ending a Python `while` header (bracket depth 0). */
function conditionEnd(tokens: Token[], from: number): Token | undefined {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'newline') return undefined;
    if (t.kind === 'op' && '([{'.includes(t.text)) depth += 1;
    else if (t.kind === 'op' && ')]}'.includes(t.text)) depth -= 1;
    else if (depth === 0 && t.text === ':') return t;
  }
  return undefined;
}

function matching(tokens: Token[], open: number): Token | undefined {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'op') continue;
    if ('([{'.includes(t.text)) depth += 1;
    else if (')]}'.includes(t.text) && --depth === 0) return t;
  }
  return undefined;
}

/** The two `;` of a `for (init; condition; update)` header, or undefined for for-of / for-in. */
function headerSemicolons(tokens: Token[], open: number): [Token, Token] | undefined {
  const close = matching(tokens, open);
  if (!close) return undefined;
  const semis: Token[] = [];
  let depth = 0;
  for (let i = open + 1; tokens[i] !== close; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'op' && '([{'.includes(t.text)) depth += 1;
    else if (t.kind === 'op' && ')]}'.includes(t.text)) depth -= 1;
    else if (depth === 0 && t.text === ';') semis.push(t);
  }
  return semis.length === 2 ? [semis[0] as Token, semis[1] as Token] : undefined;
}
