/**
 * A hostile learner against the TypeScript Check (decision 0048), through the real compiler in
 * its worker thread and the real Node sandbox: ways to make the check look away, read a file, or
 * hang, and what a fair tutor does with each. Casts (`any`, `as unknown as`) and declarations are
 * TypeScript as written and stay allowed; the tests still judge what the code does.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { SandboxPool } from '../../../electron/core/runner-host/index.ts';
import { TypeChecker, withTypeCheck } from '../../../electron/core/runner-host/type-checker.ts';
import type { RunRequest } from '../../../shared/runner/protocol.ts';
import { suppressionComments } from '../../../shared/runner/javascript/type-check.ts';

const pool = new SandboxPool({ size: 1 });
const checker = new TypeChecker();
const run = withTypeCheck((request) => pool.run(request), checker);
afterAll(async () => {
  await checker.close();
  await pool.close();
});

const tests = `import { total } from './total';
test('adds the prices', () => { expect(total([1, 2, 3])).toBe(6); });
`;
const check = (code: string): RunRequest => ({
  mode: 'check',
  language: 'typescript',
  module: 'total',
  code,
  tests,
});
const right =
  'export function total(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0);\n}\n';
/** Passes the tests, with a type error on line 2 of its own. */
const wrong =
  'export function total(prices: number[]): number {\n  const label: string = 6;\n  return label.length * 0 + prices.reduce((a, b) => a + b, 0);\n}\n';

describe('comments that switch checking off, however spelled, are refused', () => {
  test.each([
    // The compiler honours these; a Check used to miss them and record a pass.
    ['a suffix on @ts-ignore (the compiler reads no word boundary)', `// @ts-ignoreme\n${wrong}`],
    ['@TS-NOCHECK in capitals (the compiler reads pragmas in any case)', `// @TS-NOCHECK\n${wrong}`],
    ['a triple-slash @ts-ignore', wrong.replace('  const label', '  /// @ts-ignore\n  const label')],
    ['a JSDoc-style /** @ts-ignore */', wrong.replace('  const label', '  /** @ts-ignore */\n  const label')],
    [
      'a no-break space before @ts-ignore',
      wrong.replace('  const label', '  //\u00a0@ts-ignore\n  const label'),
    ],
    [
      '@ts-ignore after a regex literal holding a quote',
      wrong.replace('  const label', '  const r = /"/; // @ts-ignore\n  const label'),
    ],
    [
      '@ts-ignore after a regex with a slash in a class',
      wrong.replace('  const label', '  const r = /[/]/; // @ts-ignore\n  const label'),
    ],
    [
      '@ts-ignore after nested template literals with // inside',
      wrong.replace('  const label', '  const t = `${`${"//"}`}`; // @ts-ignore\n  const label'),
    ],
    [
      '@ts-ignore after a division that looks like a regex',
      wrong.replace('  const label', '  const d = 4 / 2 / 1; // @ts-ignore\n  const label'),
    ],
    ['@ts-nocheck under a shebang line', `#!/usr/bin/env node\n// @ts-nocheck\n${wrong}`],
  ])('%s', async (_, code) => {
    const result = await run(check(code));
    expect(result.status).toBe('error');
    expect(result.tests).toEqual([]);
    expect(result.error).toMatchObject({
      type: 'TypeScript',
      explanation: 'javascript.TypeScriptSuppressed',
    });
    // The page refuses it from the same reading.
    expect(suppressionComments(code).length).toBeGreaterThan(0);
  });

  test.each([
    ['a hyphen look-alike (U+2010)', '// @ts\u2010ignore'],
    ['a full-width at sign', '// \uff20ts-ignore'],
    ['a zero-width space inside', '// @ts-\u200bignore'],
    ['the words in a regex literal', 'const r = /\\/\\/ @ts-nocheck/;'],
    ['the words after a backslash-continued string', 'const s = "a\\\n// @ts-ignore";'],
  ])('%s does not switch checking off, so the type error is shown', async (_, head) => {
    const result = await run(check(`${head}\n${wrong}`));
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ type: 'TypeScript', explanation: 'javascript.TypeScript' });
    expect(result.error!.message).toContain('(TS2322)');
  });
});

describe('casts and declarations are TypeScript as written: allowed, and the tests still judge', () => {
  test.each([
    [
      'any',
      'export function total(prices: any): any {\n  const s: any = "six";\n  return prices.length ? 6 : s;\n}\n',
    ],
    [
      'as unknown as',
      'export function total(prices: number[]): number {\n  return ("6" as unknown as number) * 1;\n}\n',
    ],
    [
      'a declared global',
      'declare const six: number;\nexport function total(prices: number[]): number {\n  return prices.length ? 6 : six;\n}\n',
    ],
  ])('%s type-checks and runs its tests', async (_, code) => {
    const result = await run(check(code));
    expect(result.error?.type).not.toBe('TypeScript');
    expect(result.tests.length).toBe(1);
  });

  test('a declared global the sandbox does not have passes the check and fails the tests', async () => {
    const code =
      'declare function sum(xs: number[]): number;\nexport function total(prices: number[]): number {\n  return sum(prices);\n}\n';
    const result = await run(check(code));
    expect(result.status).not.toBe('pass');
  });

  test('declare global augmenting Number makes a wrong value type-check; the tests catch it', async () => {
    const code =
      'declare global { interface Number { total: number } }\nexport function total(prices: number[]): number {\n  return (0).total;\n}\n';
    const result = await run(check(code));
    expect(result.error?.type).not.toBe('TypeScript');
    expect(result.status).not.toBe('pass');
  });

  test('/// <reference lib="dom"> type-checks `document`, which the sandbox lacks; the tests catch it', async () => {
    const code = `/// <reference lib="dom" />\n${right.replace('return', 'return document.title.length * 0 +')}`;
    const result = await run(check(code));
    expect(result.error?.type).not.toBe('TypeScript');
    expect(result.status).not.toBe('pass');
  });

  test('declare module for a file that is not there finds nothing to augment', async () => {
    const result = await run(check(`declare module "./prices" { export const all: number[]; }\n${right}`));
    expect(result.error!.message).toContain('(TS2664)');
  });

  test('export = is refused by the compiler for an ES module', async () => {
    const result = await run(check(`${right}const x = 1;\nexport = x;\n`));
    expect(result.status).toBe('error');
    expect(result.error!.message).toContain('(TS1203)');
  });

  test('declare module "./total" to re-type the learner’s own function is refused', async () => {
    const result = await run(check(`declare module "./total" { export const total: any; }\n${right}`));
    expect(result.status).toBe('error');
    // The file is total.ts itself: the augmentation redeclares the learner's own function.
    expect(result.error!.traceback).toContain('TS2451');
  });
});

describe('the check reads no file but the compiler’s own library', () => {
  test.each([
    ['/// <reference types="node" />', '/// <reference types="node" />\nconst e = process.env;\n'],
    ['/// <reference path> to the app’s package.json', '/// <reference path="../../package.json" />\n'],
    [
      'a type import of the compiler’s own package.json',
      'type P = typeof import("typescript/package.json");\n',
    ],
    ['an import of a lib file by its path', 'import x from "typescript/lib/lib.d.ts";\n'],
  ])('%s', async (_, head) => {
    const result = await run(check(`${head}${right}`));
    // Not found, or (a reference path, with noResolve) not followed: nothing of the file shows.
    expect(JSON.stringify(result)).not.toMatch(/"version"|Microsoft|devDependencies/);
  });
});

describe('code that makes the checker work hard', () => {
  test('a deeply recursive template-literal type ends with the compiler’s own error', async () => {
    const code = [
      'type Rep<S extends string, N extends unknown[] = []> = N["length"] extends 999 ? S : `${S}${Rep<S, [...N, 1]>}`;',
      'type Split<T extends string> = T extends `${infer A}${infer R}` ? [A, ...Split<R>] : [];',
      'export type Z = Split<Rep<"ab">>;',
      right,
    ].join('\n');
    const result = await run(check(code));
    expect(result.error).toMatchObject({ type: 'TypeScript', line: 3 });
    expect(result.error!.message).toContain('(TS2589)');
    expect((await run(check(right))).status).toBe('pass');
  });

  test('a union too large to build ends with the compiler’s own error', async () => {
    const code = `type D = 0|1|2|3|4|5|6|7|8|9;\ntype X = \`\${D}\${D}\${D}\${D}\${D}\`;\n${right}`;
    const result = await run(check(code));
    expect(result.error!.message).toContain('(TS2590)');
  });

  test('code nested thousands deep overflows the compiler: a clear error, no test, and the next check works', async () => {
    for (const nested of [
      `const x = ${'('.repeat(30000)}1${')'.repeat(30000)};\n`,
      `type X = ${'Array<'.repeat(20000)}number${'>'.repeat(20000)};\n`,
    ]) {
      const result = await run(check(`${nested}${right}`));
      expect(result.status).toBe('error');
      expect(result.tests).toEqual([]);
      expect(result.error).toMatchObject({ type: 'TypeScriptSlow', file: 'total.ts' });
      expect(result.error!.message).toMatch(/^TypeScript gave up checking total\.ts \(RangeError/);
      // Nothing of the app's folders reaches the learner.
      expect(JSON.stringify(result)).not.toMatch(/node_modules|\/work\//);
    }
    expect((await run(check(right))).status).toBe('pass');
  });

  test('a file of tens of thousands of lines is checked like any other', async () => {
    const big = Array.from({ length: 20000 }, (_, i) => `const v${i}: number = ${i};`).join('\n');
    const result = await run(check(`${big}\nconst oops: string = v1;\n${right}`));
    expect(result.error).toMatchObject({ type: 'TypeScript', line: 20001 });
  });

  test('many checks at once each get their own answer', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        checker.check('total.ts', `export const a: ${i % 2 ? 'string' : 'number'} = ${i};\n`),
      ),
    );
    expect(outcomes.map((o) => (o.kind === 'checked' ? o.diagnostics.length : o.kind))).toEqual(
      Array.from({ length: 12 }, (_, i) => i % 2),
    );
  });

  test('every ordering of nine values as a type: stopped at the real limit, and the next check works', async () => {
    // Perm<1..9> is 362,880 tuples: about 9 s of checking for eight values on this machine, past
    // the 10 s limit for nine. A faster machine may finish it and report the wrong tuple instead.
    const code = [
      'type Perm<U, T = U> = [U] extends [never] ? [] : U extends U ? [U, ...Perm<Exclude<T, U>>] : never;',
      'export const order: Perm<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9> = [1, 2, 3, 4, 5, 6, 7, 8, 8];',
      right,
    ].join('\n');
    const result = await run(check(code));
    expect(result.status).toBe('error');
    expect(result.tests).toEqual([]);
    expect(['TypeScriptSlow', 'TypeScript']).toContain(result.error!.type);
    if (result.error!.type === 'TypeScriptSlow')
      expect(result.error!.message).toBe('TypeScript could not finish checking total.ts in 10 s');
    expect((await run(check(wrong))).error).toMatchObject({ type: 'TypeScript', line: 2 });
  }, 60_000);

  test('a check past the limit is stopped with a clear error, and the next check on the same checker works', async () => {
    const impatient = new TypeChecker({ timeLimitMs: 1000 });
    const slowRun = withTypeCheck((request) => pool.run(request), impatient);
    // Far more than a second of checking, once the compiler is loaded.
    const big = Array.from(
      { length: 60000 },
      (_, i) => `const v${i}: { a: number; b: string[] } = { a: ${i}, b: ['${i}'] };`,
    ).join('\n');
    try {
      const slow = await slowRun(check(`${big}\n${right}`));
      expect(slow.error).toMatchObject({
        type: 'TypeScriptSlow',
        message: 'TypeScript could not finish checking total.ts in 1 s',
      });
      expect(slow.tests).toEqual([]);
      const next = await slowRun(check(wrong));
      expect(next.error).toMatchObject({ type: 'TypeScript', line: 2 });
    } finally {
      await impatient.close();
    }
  });
});

// The page checks with Monaco's TypeScript 5.9, the backend with 6.0; the backend's verdict is
// recorded (decision 0048). Compared by compiling each case with both compilers and the settings
// each side uses; these are the backend's halves of the cases that differed.
describe('where the page and the backend could disagree', () => {
  test('a regex with the v flag needs ES2024: an error on both sides now the page targets ES2022', async () => {
    const result = await run(check(`const r = /[\\p{L}--[a-z]]/v;\n${right}`));
    expect(result.error!.message).toContain('(TS1501)');
  });

  test('`module Foo {}` for a namespace: TypeScript 6.0 refuses it, Monaco’s 5.9 does not (known)', async () => {
    const result = await run(check(`module Prices { export const none = 0; }\n${right}`));
    expect(result.error!.message).toContain('(TS1540)');
  });
});
