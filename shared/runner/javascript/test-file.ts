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
import { TEST_API_HANDOFF, TEST_GLOBALS } from './sandbox/host.ts';
import { TRACK_ASYNC_GLOBAL } from './sandbox/rejections.ts';

export const TEST_API_MODULE = 'lantern:test-api';

/** The names the test file's code may use without declaring them. */
const BOUND_NAMES: readonly string[] = [...TEST_GLOBALS, TRACK_ASYNC_GLOBAL];
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

/** Names declared at the top of `code`, or null when it does not parse (QuickJS will say why). */
function topLevelNames(code: string): Set<string> | null {
  try {
    const { tokens } = parse(code, false, false, false);
    const names = new Set<string>();
    for (const token of tokens) {
      if (DECLARES.has(token.identifierRole)) names.add(code.slice(token.start, token.end));
    }
    return names;
  } catch {
    return null;
  }
}

/** The compiled test file, with its test API bound on line 1. */
export function bindTestApi(code: string): string {
  const declared = topLevelNames(code);
  if (declared === null) return code;
  const imports = BOUND_NAMES.filter((name) => !declared.has(name));
  const constants = Object.entries(CONSTANTS).filter(([name]) => !declared.has(name));
  const prefix = [
    imports.length > 0 ? `import { ${imports.join(', ')} } from '${TEST_API_MODULE}';` : '',
    constants.length > 0 ? `const ${constants.map(([name, value]) => `${name} = ${value}`).join(', ')};` : '',
  ].join('');
  return prefix + code;
}
