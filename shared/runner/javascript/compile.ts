/**
 * Prepares the learner's and the test file's source for QuickJS: TypeScript is stripped to
 * JavaScript with sucrase (well kept, pure JS so it runs in both hosts, and line-preserving, so a
 * line in an error is a line in the editor), and import specifiers are resolved to the few
 * modules a sandboxed exercise may import. Async functions are then rewritten so the sandbox can
 * see their promises (async-tracking.ts).
 */
import { transform } from 'sucrase';
import type { Language } from '../../content/schema.ts';
import type { LearnerError } from '../protocol.ts';
import { trackAsyncFunctions } from './async-tracking.ts';
import { TEST_API_MODULE } from './test-file.ts';

/** The synthetic module that re-exports the test API, for `import { expect } from '@jest/globals'`. */
export const JEST_GLOBALS_MODULE = 'lantern:jest-globals';
const TEST_API_MODULES = new Set(['@jest/globals', 'vitest', '@vitest/globals']);

export interface SourceFile {
  /** File name shown in errors and stack traces: `leap.js`, `leap.test.ts`. */
  name: string;
  /** What the learner or author wrote. */
  original: string;
  /** What QuickJS runs. */
  code: string;
}

export class CompileError extends Error {
  readonly learnerError: LearnerError;
  constructor(learnerError: LearnerError) {
    super(learnerError.message);
    this.learnerError = learnerError;
  }
}

/** `leap` → `leap.js` / `leap.ts`. */
export function fileName(module: string, language: Language, suffix = ''): string {
  return `${module}${suffix}.${language === 'typescript' ? 'ts' : 'js'}`;
}

export function compile(name: string, source: string, language: Language): SourceFile {
  if (language !== 'typescript') return { name, original: source, code: trackAsyncFunctions(source) };
  try {
    const { code } = transform(source, {
      transforms: ['typescript'],
      filePath: name,
      disableESTransforms: true,
    });
    return { name, original: source, code: trackAsyncFunctions(code) };
  } catch (error) {
    const loc = (error as { loc?: { line?: number; column?: number } }).loc;
    const raw = error instanceof Error ? error.message : String(error);
    const message = raw.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
    throw new CompileError({
      type: 'SyntaxError',
      file: name,
      // The compiler's words alone: the page says where from file and line, in its language.
      message,
      ...(loc?.line ? { line: loc.line } : {}),
      ...(loc?.column ? { column: loc.column } : {}),
    });
  }
}

/**
 * Maps an import specifier to a module name the loader knows, or null when the sandbox has no
 * such module (Node built-ins, npm packages, other files). Only the test file reaches the real
 * test API (test-file.ts); the learner's file gets the one on the global object.
 */
export function resolveImport(specifier: string, learnerFile: string, fromTestFile = false): string | null {
  if (TEST_API_MODULES.has(specifier)) return fromTestFile ? TEST_API_MODULE : JEST_GLOBALS_MODULE;
  if (specifier === TEST_API_MODULE) return fromTestFile ? TEST_API_MODULE : null;
  const stem = learnerFile.replace(/\.[jt]s$/, '');
  const bare = specifier.replace(/^\.\//, '').replace(/\.(m?js|ts)$/, '');
  if (specifier.startsWith('./') && bare === stem) return learnerFile;
  return null;
}

/**
 * Column in the learner's text for a column in the compiled text. TypeScript stripping keeps
 * lines but can shift columns; a column is only trusted where the line was left unchanged.
 */
export function originalColumn(
  file: SourceFile,
  line: number,
  column: number | undefined,
): number | undefined {
  if (column === undefined || file.code === file.original) return column;
  const compiled = file.code.split('\n')[line - 1];
  const original = file.original.split('\n')[line - 1];
  return compiled !== undefined && compiled === original ? column : undefined;
}
