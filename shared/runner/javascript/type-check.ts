/**
 * TypeScript's type check for a Check (issue 13, decision 0048): one set of compiler settings
 * and sandbox declarations for the editor (Monaco's TypeScript worker), the page's Check and the
 * backend's verdict (the TypeScript compiler in a worker thread), and one way to turn the
 * compiler's diagnostics into the result a learner reads. A Check of TypeScript code with a type
 * error runs no test: its result is the first error, on the learner's line, and the others below.
 */
import type { LearnerError, RunResult } from '../protocol.ts';
import { tokenize } from '../../content/code-tokens.ts';

/** What the sandbox gives code at run time, declared so the checker knows these names. */
export const SANDBOX_GLOBALS_DTS = `
declare var console: { log(...a: any[]): void; error(...a: any[]): void; warn(...a: any[]): void; info(...a: any[]): void; table(...a: any[]): void };
declare function prompt(message?: string): string | null;
declare function setTimeout(fn: (...a: any[]) => void, ms?: number, ...a: any[]): number;
declare function clearTimeout(id?: number): void;
declare function setInterval(fn: (...a: any[]) => void, ms?: number, ...a: any[]): number;
declare function clearInterval(id?: number): void;
declare function queueMicrotask(fn: () => void): void;
`;

/** The checker's settings, as plain data both compilers accept: strict, ES2022, one ES module. */
export const TYPE_CHECK_SETTINGS = { strict: true, target: 'ES2022', lib: ['es2022'] } as const;

/** Long enough for a cold start on a busy machine; a checker past it is stopped. */
export const TYPE_CHECK_TIME_LIMIT_MS = 10_000;

/** One error the compiler found in the learner's file. */
export interface TypeDiagnostic {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The compiler's number for it: 2322 is TS2322. */
  code: number;
  /** The compiler's message, its chained lines joined by newlines. */
  message: string;
  /** A suppression comment (SUPPRESSED_CODE): the directive found, e.g. `@ts-ignore`. */
  directive?: string;
}

/** The compiler's number we give a comment that switches its checking off (not a TS code). */
export const SUPPRESSED_CODE = 0;

/**
 * Comments that tell the compiler to look away (`// @ts-ignore`, `@ts-nocheck`,
 * `@ts-expect-error`): a Check reads the types as they are, so each is an error at its line.
 * Read from the comment tokens, so the words in a string do not count.
 */
export function suppressionComments(code: string): TypeDiagnostic[] {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  return tokenize(code, 'typescript')
    .filter((t) => t.kind === 'comment')
    .flatMap((t) => {
      // As loose as the compiler: it takes `@ts-ignoreme` as @ts-ignore and `@TS-NOCHECK` as
      // @ts-nocheck (pragmas ignore case), so neither a suffix nor the case may slip past.
      const found = /@ts-(?:nocheck|ignore|expect-error)/i.exec(t.text);
      if (!found) return [];
      const column = t.start - lineStarts[t.line - 1]! + 1;
      return [
        {
          line: t.line,
          column,
          code: SUPPRESSED_CODE,
          directive: found[0],
          message: `A Check does not accept ${found[0]}: remove the comment and fix the type it hides.`,
        },
      ];
    });
}

/** Shown at most, under the first; a learner fixes one at a time. */
const LISTED = 10;

/** A Check that stopped at the type check: an error, and no test run. */
function noTestRun(error: LearnerError, durationMs: number): RunResult {
  return { status: 'error', stdout: '', stderr: '', truncated: false, tests: [], durationMs, error };
}

/** The result of a Check whose code does not type-check: the first error, the others listed. */
export function typeErrorResult(
  file: string,
  diagnostics: readonly TypeDiagnostic[],
  durationMs: number,
): RunResult {
  const sorted = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  const first = sorted[0]!;
  const listed = sorted.slice(0, LISTED).map(
    (d) =>
      // A suppression is listed by its directive: the refusal itself is worded by the page.
      `${file}:${d.line}:${d.column} - ${d.code === SUPPRESSED_CODE ? (d.directive ?? d.message) : `TS${d.code}: ${d.message}`}`,
  );
  if (sorted.length > LISTED) listed.push(`… ${sorted.length - LISTED} more`);
  return noTestRun(
    {
      type: 'TypeScript',
      message: first.code === SUPPRESSED_CODE ? first.message : `${first.message} (TS${first.code})`,
      line: first.line,
      column: first.column,
      file,
      traceback: listed.join('\n'),
      explanation:
        first.code === SUPPRESSED_CODE ? 'javascript.TypeScriptSuppressed' : 'javascript.TypeScript',
      // The compiler's own message is TypeScript's; the refusal of a suppression is Lantern's.
      ...(first.code === SUPPRESSED_CODE && first.directive
        ? { code: 'typeSuppressed', params: { directive: first.directive } }
        : {}),
    },
    durationMs,
  );
}

/** The result of a Check the checker could not finish within `limitMs`. */
export function typeCheckSlowResult(file: string, limitMs: number, durationMs: number): RunResult {
  return noTestRun(
    {
      type: 'TypeScriptSlow',
      message: `TypeScript could not finish checking ${file} in ${limitMs / 1000} s`,
      file,
      code: 'typeCheckSlow',
      params: { seconds: String(limitMs / 1000) },
      explanation: 'javascript.TypeScriptSlow',
    },
    durationMs,
  );
}

/**
 * The result of a Check whose code the checker gave up on (a file nested thousands deep overflows
 * the compiler's stack): no test runs, and the learner is told as for a slow check.
 */
export function typeCheckFailedResult(file: string, reason: string, durationMs: number): RunResult {
  return noTestRun(
    {
      type: 'TypeScriptSlow',
      message: `TypeScript gave up checking ${file} (${reason.slice(0, 200)})`,
      file,
      code: 'typeCheckGaveUp',
      explanation: 'javascript.TypeScriptSlow',
    },
    durationMs,
  );
}
