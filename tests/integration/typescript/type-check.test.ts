/**
 * TypeScript's type check in front of a Check (decision 0048), through the real compiler in its
 * worker thread and the real Node sandbox: a type error fails the Check on the learner's line and
 * runs no test; code that type-checks runs its tests; a checker stuck past its limit is stopped
 * with a clear error, and the next check works.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { SandboxPool } from '../../../electron/core/runner-host/index.ts';
import { TypeChecker, withTypeCheck } from '../../../electron/core/runner-host/type-checker.ts';
import type { RunRequest } from '../../../shared/runner/protocol.ts';
import { explanationText } from '../../../shared/runner/explain.ts';

const pool = new SandboxPool({ size: 1 });
const checker = new TypeChecker();
const run = withTypeCheck((request) => pool.run(request), checker);
afterAll(async () => {
  await checker.close();
  await pool.close();
});

const tests = `import { total } from './total';
test('adds the prices', () => { expect(total([1, 2, 3])).toBe(6); });
test('an empty list is 0', () => { expect(total([])).toBe(0); });
`;
const check = (code: string): RunRequest => ({
  mode: 'check',
  language: 'typescript',
  module: 'total',
  code,
  tests,
});

describe('a TypeScript Check checks the types first', () => {
  test('a type error fails the Check on its line, with the compiler’s words, and runs no test', async () => {
    const result = await run(
      check(
        'export function total(prices: number[]): number {\n  let sum: string = 0;\n  for (const p of prices) sum += p;\n  return sum;\n}\n',
      ),
    );
    expect(result.status).toBe('error');
    expect(result.tests).toEqual([]);
    expect(result.error).toMatchObject({
      type: 'TypeScript',
      line: 2,
      column: 7,
      file: 'total.ts',
      message: "Type 'number' is not assignable to type 'string'. (TS2322)",
      explanation: 'javascript.TypeScript',
    });
    // Every error is listed under the first, each at its line.
    expect(result.error!.traceback!.split('\n')).toEqual([
      "total.ts:2:7 - TS2322: Type 'number' is not assignable to type 'string'.",
      "total.ts:4:3 - TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
    expect(explanationText('javascript.TypeScript', 'zh')).toContain('类型');
  });

  test('code that type-checks runs its tests, and a wrong answer fails them as usual', async () => {
    const right = await run(
      check(
        'export function total(prices: number[]): number {\n  let sum = 0;\n  for (const p of prices) sum += p;\n  return sum;\n}\n',
      ),
    );
    expect(right.status).toBe('pass');
    expect(right.tests.map((t) => t.status)).toEqual(['pass', 'pass']);
    const wrong = await run(
      check('export function total(prices: number[]): number {\n  return prices.length;\n}\n'),
    );
    expect(wrong.status).toBe('fail');
    expect(wrong.tests.map((t) => t.status)).toEqual(['fail', 'pass']);
  });

  test('the sandbox’s own names (console, prompt, timers) and ES2022 library type-check', async () => {
    const code = [
      'export function total(prices: number[]): number {',
      '  console.log(prices.at(-1), Object.entries({ a: 1 }), [1].includes(1));',
      '  setTimeout(() => {}, 0);',
      '  const answer: string | null = prices.length > 99 ? prompt("More?") : null;',
      '  return answer === null ? prices.reduce((a, b) => a + b, 0) : 0;',
      '}',
    ].join('\n');
    expect((await run(check(code))).status).toBe('pass');
  });

  test('a syntax error is reported by the checker too, at its line', async () => {
    const result = await run(
      check(
        'export function total(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0;\n}\n',
      ),
    );
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ type: 'TypeScript', line: 2, file: 'total.ts' });
  });

  test('a Run is not type-checked (the program runs, as in a terminal with tsx)', async () => {
    const result = await run({
      mode: 'run',
      language: 'typescript',
      module: 'main',
      code: 'const n: number = "seven" as unknown as number;\nlet s: string = 1 as any;\nconsole.log(n, s);\n',
    });
    expect(result.status).toBe('pass');
    expect(result.stdout).toBe('seven 1\n');
  });

  test('JavaScript is never type-checked', async () => {
    const result = await run({
      ...check('export function total(p) { let s = ""; s = 0; return p.reduce((a, b) => a + b, s); }\n'),
      language: 'javascript',
    });
    expect(result.status).toBe('pass');
  });
});

describe('a checker that takes too long', () => {
  test('is stopped at its limit with a clear error, and the checks queued behind it still answer', async () => {
    const impatient = new TypeChecker({ timeLimitMs: 1 });
    const slowRun = withTypeCheck((request) => pool.run(request), impatient);
    // Thousands of declarations: far more than 1 ms of checking once the compiler is loaded.
    const big = Array.from(
      { length: 4000 },
      (_, i) => `const v${i}: { a: number; b: string[] } = { a: ${i}, b: ['${i}'] };`,
    ).join('\n');
    try {
      const [slow, next] = await Promise.all([
        slowRun(check(`${big}\nexport function total(p: number[]): number { return 0; }\n`)),
        impatient.check('other.ts', 'export const ok: number = 1;'),
      ]);
      expect(slow.status).toBe('error');
      expect(slow.tests).toEqual([]);
      expect(slow.error).toMatchObject({
        type: 'TypeScriptSlow',
        file: 'total.ts',
        explanation: 'javascript.TypeScriptSlow',
      });
      expect(explanationText('javascript.TypeScriptSlow', 'en')).toMatch(/took too long/);
      // The small check behind it went to a fresh checker: slow again at 1 ms, or answered.
      expect(['slow', 'checked']).toContain(next.kind);
    } finally {
      await impatient.close();
    }
  });
});

describe('a learner who tries to get past the type check', () => {
  const wrong =
    'export function total(prices: number[]): number {\n  let sum: string = 0;\n  for (const p of prices) sum += p;\n  return Number(sum) + prices.reduce((a, b) => a + b, 0);\n}\n';

  test.each([
    ['// @ts-nocheck at the top', `// @ts-nocheck\n${wrong}`, 1],
    ['// @ts-ignore above the line', wrong.replace('  let sum', '  // @ts-ignore\n  let sum'), 2],
    [
      '/* @ts-expect-error */ in a block comment',
      wrong.replace('  let sum', '  /* @ts-expect-error */ let sum'),
      2,
    ],
  ])('%s: refused on its line, with the reason in both languages', async (_, code, line) => {
    const result = await run(check(code));
    expect(result.status).toBe('error');
    expect(result.tests).toEqual([]);
    expect(result.error).toMatchObject({
      type: 'TypeScript',
      line,
      explanation: 'javascript.TypeScriptSuppressed',
    });
    expect(result.error!.message).toMatch(/^A Check does not accept @ts-/);
    expect(explanationText('javascript.TypeScriptSuppressed', 'zh')).toContain('@ts-ignore');
  });

  test('the words in a string are not a comment', async () => {
    const code =
      'export function total(prices: number[]): number {\n  const note = "// @ts-ignore";\n  return note.length * 0 + prices.reduce((a, b) => a + b, 0);\n}\n';
    expect((await run(check(code))).status).toBe('pass');
  });

  test.each([
    ['a reference to a file on disk', '/// <reference path="/etc/passwd" />\n'],
    ['an import of a file on disk', 'import secret from "/etc/hostname";\nconsole.log(secret);\n'],
    ['a type import of the app’s own package.json', 'type P = typeof import("../../package.json");\n'],
  ])('%s reads nothing: the file is not found, and nothing of it reaches the result', async (_, head) => {
    const result = await run(
      check(
        `${head}export function total(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0);\n}\n`,
      ),
    );
    const shown = JSON.stringify(result);
    expect(shown).not.toMatch(/root:|lantern-tutor|"version"/);
    if (result.status === 'error') expect(result.error!.message).toMatch(/Cannot find module|not found/);
  });
});
