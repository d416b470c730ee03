/**
 * How the exercise's test file gets a test API that learner code cannot reach or replace.
 *
 * Learner code and the test file share one realm and one global object, and this QuickJS build
 * does not stop learner code from redefining some properties of the global object. So the test
 * file does not read `describe`, `test`, `expect`… from the global object at all: they are module
 * bindings, imported from TEST_API_MODULE, which the sandbox evaluates before any learner code
 * runs (sandbox-session.ts) and which resolves for the test file only. The test file's own
 * `import { expect } from '@jest/globals'` is served from the same module; learner code importing
 * '@jest/globals' gets the global, refusing API (sandbox/check-entry.ts).
 *
 * `bindTestApi` adds, on the test file's first line (so every line keeps its number), an import of
 * each name the file does not declare itself, and its own `undefined`, `NaN` and `Infinity`: the
 * engine cannot keep those three globals from being redefined (sandbox/lockdown.ts).
 */
import { parse } from 'sucrase/dist/parser/index.js';
import { MOCK_CALL_NAME, TEST_API_HANDOFF, TEST_GLOBALS } from './sandbox/host.ts';
import { TRACK_ASYNC_GLOBAL } from './sandbox/rejections.ts';

export const TEST_API_MODULE = 'lantern:test-api';

/** The names the test file's code may use without declaring them. */
const BOUND_NAMES: readonly string[] = [...TEST_GLOBALS, TRACK_ASYNC_GLOBAL, MOCK_CALL_NAME];
/** A mock's methods that change its record: the test file's calls go through the harness. */
const KEYED_METHODS = new Set(['mockClear', 'mockReset', 'mockRestore']);
const CONSTANTS: Record<string, string> = { undefined: 'void 0', NaN: '0 / 0', Infinity: '1 / 0' };

/** sucrase's IdentifierRole values for a name declared at the top of a module. */
const TOP_LEVEL_DECLARATION = 2;
const OBJECT_SHORTHAND_TOP_LEVEL_DECLARATION = 5;
const IMPORT_DECLARATION = 9;
const DECLARES = new Set<unknown>([
  TOP_LEVEL_DECLARATION,
  OBJECT_SHORTHAND_TOP_LEVEL_DECLARATION,
  IMPORT_DECLARATION,
]);

/** The module the sandbox evaluates first: takes the API the harness handed over, once. */
export const testApiModuleSource = [
  `const api = globalThis.${TEST_API_HANDOFF};`,
  `delete globalThis.${TEST_API_HANDOFF};`,
  ...BOUND_NAMES.map((name) => `export const ${name} = api.${name};`),
  '',
].join('\n');

type Tokens = ReturnType<typeof parse>['tokens'];

/** The tokens of `code`, or null when it does not parse (QuickJS will say why). */
function tokensOf(code: string): Tokens | null {
  try {
    return parse(code, false, false, false).tokens;
  } catch {
    return null;
  }
}

/** Names declared at the top of `code`. */
function topLevelNames(code: string, tokens: Tokens): Set<string> {
  const names = new Set<string>();
  for (const token of tokens) {
    if (DECLARES.has(token.identifierRole)) names.add(code.slice(token.start, token.end));
  }
  return names;
}

/** Words that end an expression on their left: `return x.mockClear()` wraps `x` alone. */
const NOT_RECEIVERS = new Set([
  'await',
  'case',
  'delete',
  'do',
  'else',
  'in',
  'instanceof',
  'of',
  'return',
  'throw',
  'typeof',
  'void',
  'yield',
]);
const NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * Each `x.mockClear()`, `x.mockReset()`, `x.mockRestore()` (and `x?.…`) the test file writes
 * becomes `__lanternMockCall(x, 'mockClear')`: the harness acts itself on a mock the test file
 * made and hands nothing to whatever else `x` turns out to be (sandbox/trusted-mocks.ts), so
 * learner code that swaps in its own `console.log` catches nothing. Tokens, not text: a string
 * or comment that mentions `.mockClear()` is left alone. A receiver this cannot delimit (a tagged
 * template) keeps the plain call, which the test file's mocks refuse.
 */
function routeMockCalls(code: string, tokens: Tokens): string {
  const text = (i: number) => (tokens[i] ? code.slice(tokens[i].start, tokens[i].end) : '');
  const isName = (i: number) => NAME.test(text(i)) && !NOT_RECEIVERS.has(text(i));
  /** The index of the bracket that opens the one closing at `close`, or -1. */
  const opener = (close: number): number => {
    const shut = text(close);
    const open = shut === ')' ? '(' : '[';
    let depth = 0;
    for (let j = close; j >= 0; j--) {
      const t = text(j);
      if (t === shut) depth++;
      else if (t === open && --depth === 0) return j;
    }
    return -1;
  };
  /** The first token of the member/call chain that ends at token `last`, or -1. */
  const receiverStart = (last: number): number => {
    let j = last;
    for (;;) {
      const t = text(j);
      if (t === ')' || t === ']') {
        j = opener(j);
        if (j <= 0) return j;
        const p = j - 1;
        const before = text(p);
        if (before === ')' || before === ']' || isName(p) || before === '?.') {
          j = before === '?.' ? p - 1 : p;
          continue;
        }
        return j;
      }
      if (!isName(j)) return -1;
      const before = text(j - 1);
      if (before === '.' || before === '?.') {
        j = j - 2;
        continue;
      }
      return before === 'new' ? j - 1 : j;
    }
  };
  interface Site {
    from: number;
    dot: number;
    to: number;
  }
  const sites: Site[] = [];
  for (let i = 2; i + 2 < tokens.length; i++) {
    const dot = text(i - 1);
    if (!(
      (dot === '.' || dot === '?.') &&
      KEYED_METHODS.has(text(i)) &&
      text(i + 1) === '(' &&
      text(i + 2) === ')'
    ))
      continue;
    const from = receiverStart(i - 2);
    if (from >= 0) sites.push({ from, dot: i - 1, to: i + 2 });
  }
  /** `code` from character `a` to `b`, with every site wholly inside it rewritten. */
  const render = (a: number, b: number, inside: Site[]): string => {
    let out = '';
    let at = a;
    for (let k = 0; k < inside.length;) {
      const site = inside[k]!;
      const start = tokens[site.from]!.start;
      const end = tokens[site.to]!.end;
      const nested: Site[] = [];
      let n = k + 1;
      for (
        ;
        n < inside.length && tokens[inside[n]!.from]!.start >= start && tokens[inside[n]!.to]!.end <= end;
        n++
      )
        nested.push(inside[n]!);
      const receiverEnd = tokens[site.dot - 1]!.end;
      const dropped = code.slice(receiverEnd, end);
      const optional = text(site.dot) === '?.' ? ', true' : '';
      // The dropped `.mockClear()` may span lines: keep them, so later lines keep their numbers.
      const lines = '\n'.repeat(dropped.split('\n').length - 1);
      out += code.slice(at, start);
      out += `${MOCK_CALL_NAME}(${render(start, receiverEnd, nested)}, '${text(site.dot + 1)}'${optional})${lines}`;
      at = end;
      k = n;
    }
    return out + code.slice(at, b);
  };
  // Outer sites first, each followed by the sites nested in it.
  sites.sort(
    (x, y) => tokens[x.from]!.start - tokens[y.from]!.start || tokens[y.to]!.end - tokens[x.to]!.end,
  );
  return render(0, code.length, sites);
}

/** The compiled test file, with its test API bound on line 1. */
export function bindTestApi(source: string): string {
  const tokens = tokensOf(source);
  if (tokens === null) return source;
  const declared = topLevelNames(source, tokens);
  const code = routeMockCalls(source, tokens);
  const imports = BOUND_NAMES.filter((name) => !declared.has(name));
  const constants = Object.entries(CONSTANTS).filter(([name]) => !declared.has(name));
  const prefix = [
    imports.length > 0 ? `import { ${imports.join(', ')} } from '${TEST_API_MODULE}';` : '',
    constants.length > 0 ? `const ${constants.map(([name, value]) => `${name} = ${value}`).join(', ')};` : '',
  ].join('');
  return prefix + code;
}
