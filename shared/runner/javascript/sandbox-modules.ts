/**
 * The sandbox's module loader: the learner's file, the test file, '@jest/globals' (the global,
 * learner-facing test API) and the test file's own test API module (test-file.ts). Nothing else
 * resolves, and a name the resolver did not produce never loads: a specifier is looked up only
 * after `resolve` mapped it, so learner code cannot import the test API module, the test file, or
 * anything else by spelling its internal name.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import { JEST_GLOBALS_MODULE } from './compile.ts';
import { TEST_API_HANDOFF, TEST_GLOBALS } from './sandbox/host.ts';
import { TEST_API_MODULE, testApiModuleSource } from './test-file.ts';

/** The module the sandbox evaluates before learner code, to take the test file's API. */
export const SETUP_MODULE = 'lantern:setup';
export const SETUP_SOURCE = `import '${TEST_API_MODULE}';\n`;

const MISSING = 'lantern:missing:';

const jestGlobalsSource = `const g = globalThis;\n${TEST_GLOBALS.map((name) => `export const ${name} = g.${name};`).join('\n')}\n`;

export type Resolve = (specifier: string, importer: string) => string | null;

/** Module name for an import, or one the loader refuses with the specifier the learner wrote. */
export function normalizeImport(importer: string, specifier: string, resolve: Resolve): string {
  if (importer === SETUP_MODULE && specifier === TEST_API_MODULE) return TEST_API_MODULE;
  return resolve(specifier, importer) ?? `${MISSING}${specifier}`;
}

export function loadModule(name: string, modules: ReadonlyMap<string, string>): string | { error: Error } {
  if (name === JEST_GLOBALS_MODULE) return jestGlobalsSource;
  if (name === TEST_API_MODULE) return testApiModuleSource;
  if (name === SETUP_MODULE) return SETUP_SOURCE;
  const source = name.startsWith(MISSING) ? undefined : modules.get(name);
  if (source !== undefined) return source;
  const asked = name.startsWith(MISSING) ? name.slice(MISSING.length) : name;
  return {
    error: new Error(
      `Cannot find module '${asked}'. Only your own file and '@jest/globals' can be imported here.`,
    ),
  };
}

/**
 * Evaluates the test API module in a fresh realm, before learner code: it takes the API from the
 * harness's one-off global, which must be gone afterwards. `value` 1 when it was taken, 0 if not;
 * `error` when evaluating threw (the caller describes and disposes it).
 */
export function takeTestApi(
  ctx: QuickJSContext,
  runtime: QuickJSRuntime,
): { value: number } | { error: QuickJSHandle } {
  const setup = ctx.evalCode(SETUP_SOURCE, SETUP_MODULE, { type: 'module' });
  if (setup.error) return { error: setup.error };
  const jobs = runtime.executePendingJobs();
  if (jobs.error) {
    setup.value.dispose();
    return { error: jobs.error };
  }
  const state = ctx.getPromiseState(setup.value);
  setup.value.dispose();
  if (state.type === 'rejected') return { error: state.error };
  if (state.type === 'fulfilled' && !state.notAPromise) state.value.dispose();
  const left = ctx.getProp(ctx.global, TEST_API_HANDOFF);
  const taken = state.type === 'fulfilled' && ctx.typeof(left) === 'undefined';
  left.dispose();
  return { value: taken ? 1 : 0 };
}
