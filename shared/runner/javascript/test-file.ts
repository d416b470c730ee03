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
import { MOCK_KEY_NAME, TEST_API_HANDOFF, TEST_GLOBALS } from './sandbox/host.ts';
import { TRACK_ASYNC_GLOBAL } from './sandbox/rejections.ts';

export const TEST_API_MODULE = 'lantern:test-api';

/** The names the test file's code may use without declaring them. */
const BOUND_NAMES: readonly string[] = [...TEST_GLOBALS, TRACK_ASYNC_GLOBAL, MOCK_KEY_NAME];
/** A mock's methods that change its record: they act only with the test file's key. */
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

/**
 * Each `x.mockClear()`, `x.mockReset()`, `x.mockRestore()` (and `?.`) the test file writes gets
 * the test file's key as its argument: `x.mockClear(__lanternMockKey)`. Its mocks refuse the call
 * without it (sandbox/trusted-mocks.ts), so learner code holding one cannot empty its record.
 * Tokens, not text: a string or comment that mentions `.mockClear()` is left alone.
 */
function passMockKey(code: string, tokens: Tokens): string {
  const text = (i: number) => (tokens[i] ? code.slice(tokens[i].start, tokens[i].end) : '');
  const at: number[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    const dot = text(i - 1);
    if (
      (dot === '.' || dot === '?.') &&
      KEYED_METHODS.has(text(i)) &&
      text(i + 1) === '(' &&
      text(i + 2) === ')'
    )
      at.push(tokens[i + 1]!.end);
  }
  let out = code;
  for (const offset of at.reverse()) out = `${out.slice(0, offset)}${MOCK_KEY_NAME}${out.slice(offset)}`;
  return out;
}

/** The compiled test file, with its test API bound on line 1. */
export function bindTestApi(source: string): string {
  const tokens = tokensOf(source);
  if (tokens === null) return source;
  const declared = topLevelNames(source, tokens);
  const code = passMockKey(source, tokens);
  const imports = BOUND_NAMES.filter((name) => !declared.has(name));
  const constants = Object.entries(CONSTANTS).filter(([name]) => !declared.has(name));
  const prefix = [
    imports.length > 0 ? `import { ${imports.join(', ')} } from '${TEST_API_MODULE}';` : '',
    constants.length > 0 ? `const ${constants.map(([name, value]) => `${name} = ${value}`).join(', ')};` : '',
  ].join('');
  return prefix + code;
}
