/** The JavaScript/TypeScript escape corpus against the Node sandbox host (verdict in corpus.ts). */
import { describe, expect, it } from 'vitest';
import { TRUNCATION_NOTICE } from '../../../shared/runner/output.ts';
import { expectContained, type EscapeCase } from './corpus.ts';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();

const LEAP_TESTS = `import { isLeap } from './leap';
describe('leap', () => {
  test('1900', () => expect(isLeap(1900)).toBe(false));
  test('2001', () => expect(isLeap(2001)).toEqual(false));
});`;
const WRONG = 'export function isLeap(year) {\n  return true;\n}\n';
const check = (code: string, tests = LEAP_TESTS) => ({
  mode: 'check' as const,
  code: `${WRONG}${code}`,
  tests,
});
const absent = (expr: string): EscapeCase['request'] => ({ code: `${expr};` });

const cases: EscapeCase[] = [
  { name: 'fetch', request: absent('fetch("http://example.com")'), status: 'error', type: 'ReferenceError' },
  {
    name: 'XMLHttpRequest',
    request: absent('new XMLHttpRequest()'),
    status: 'error',
    type: 'ReferenceError',
  },
  {
    name: 'WebSocket',
    request: absent('new WebSocket("ws://example.com")'),
    status: 'error',
    type: 'ReferenceError',
  },
  {
    name: 'new Worker',
    request: absent('new Worker("data:text/javascript,1")'),
    status: 'error',
    type: 'ReferenceError',
  },
  {
    name: 'importScripts',
    request: absent('importScripts("http://example.com/x.js")'),
    status: 'error',
    type: 'ReferenceError',
  },
  {
    name: 'require',
    request: absent('require("fs").readFileSync("/etc/passwd")'),
    status: 'error',
    type: 'ReferenceError',
  },
  {
    name: 'process.env',
    request: absent('console.log(process.env)'),
    status: 'error',
    type: 'ReferenceError',
  },
  { name: 'process.exit', request: absent('process.exit(1)'), status: 'error', type: 'ReferenceError' },
  {
    name: "globalThis.constructor.constructor('return process')()",
    request: absent('globalThis.constructor.constructor("return process")().exit(1)'),
    status: 'error',
    type: 'ReferenceError',
  },
  {
    name: 'Function from an async function',
    request: absent('await (async () => {}).constructor("return process")()'),
    status: 'error',
  },
  {
    name: "dynamic import('fs')",
    request: { code: 'const fs = await import("fs");\nfs.readFileSync("/etc/passwd");' },
    status: 'error',
  },
  {
    name: "static import from 'node:child_process'",
    request: { code: 'import { execSync } from "node:child_process";\nexecSync("ls");' },
    status: 'error',
  },
  {
    name: 'import of another file',
    request: { code: 'import x from "../../package.json";' },
    status: 'error',
  },
  {
    name: 'an infinite loop',
    request: { code: 'while (true) {}', timeLimitMs: 1000 },
    status: 'timeout',
    type: 'Timeout',
  },
  {
    name: 'an infinite loop of timers',
    request: { code: 'const again = () => setTimeout(again, 0);\nagain();', timeLimitMs: 1000 },
    status: 'timeout',
    type: 'Timeout',
  },
  {
    name: 'an infinite promise chain',
    request: { code: 'const spin = () => Promise.resolve().then(spin);\nspin();', timeLimitMs: 1000 },
    status: 'timeout',
  },
  {
    name: 'a huge array at once',
    request: { code: 'new Array(2 ** 32);' },
    status: 'error',
    type: 'RangeError',
  },
  {
    name: 'a string that doubles forever',
    request: { code: 'let s = "x";\nwhile (true) s += s;' },
    status: 'error',
  },
  {
    name: 'memory that grows without end',
    request: { code: 'const a = [];\nwhile (true) a.push(new Array(1e6).fill(1));', timeLimitMs: 10_000 },
    status: 'error',
    type: 'MemoryError',
  },
  {
    name: 'an output flood',
    request: { code: 'while (true) console.log("flood ".repeat(5000));', timeLimitMs: 1000 },
    status: 'timeout',
    check: (r) => {
      expect(r.truncated).toBe(true);
      expect(r.stdout.endsWith(TRUNCATION_NOTICE)).toBe(true);
      expect(r.stdout.match(/output truncated/g)).toHaveLength(1);
    },
  },
  {
    name: 'deep recursion',
    request: { code: 'function f(n) {\n  return f(n + 1);\n}\nf(0);' },
    status: 'error',
    type: 'RangeError',
    check: (r) => {
      expect(r.error).toMatchObject({ line: 2, explanation: 'javascript.RangeError-stack' });
      expect(r.error?.traceback?.split('\n').length).toBeLessThan(10);
    },
  },
  {
    name: 'TypeScript declaring process',
    request: { code: 'declare const process: any;\nprocess.exit(1);', language: 'typescript' },
    status: 'error',
    type: 'ReferenceError',
  },
  {
    name: 'patching Object.prototype',
    request: check('Object.prototype.then = () => {};\n'),
    status: 'error',
    type: 'TypeError',
  },
  {
    name: 'patching Object.is',
    request: check('Object.is = () => true;\n'),
    status: 'error',
    type: 'TypeError',
  },
  {
    name: 'patching Array.prototype.some',
    request: check('Array.prototype.some = () => false;\n'),
    status: 'error',
    type: 'TypeError',
  },
  {
    name: 'replacing the global expect',
    request: check('globalThis.expect = () => ({ toBe() {}, toEqual() {} });\n'),
    status: 'error',
    type: 'TypeError',
  },
  {
    name: 'replacing the global test',
    request: check('globalThis.test = () => {};\n'),
    status: 'error',
    type: 'TypeError',
  },
  {
    name: 'expect.extend',
    request: check('expect.extend({ toBe: () => ({ pass: true, message: () => "" }) });\n'),
    status: 'error',
  },
  {
    name: 'patching JSON.stringify',
    request: check('JSON.stringify = () => "{}";\n'),
    status: 'error',
    type: 'TypeError',
  },
  {
    name: 'printing fake result lines',
    request: check('console.log("PASS leap.test.js\\n  ✓ 1900\\n  ✓ 2001\\nTests: 2 passed");\n'),
    status: 'fail',
    check: (r) => expect(r.tests.map((t) => t.status)).toEqual(['fail', 'fail']),
  },
  {
    name: 'a test that throws a non-error',
    request: {
      mode: 'check',
      code: WRONG,
      tests: `test('throws null', () => { throw null; });\ntest('throws a fake pass', () => { throw { status: 'pass' }; });`,
    },
    status: 'fail',
    check: (r) => expect(r.tests.map((t) => t.status)).toEqual(['error', 'error']),
  },
];

describe('JavaScript escape corpus (Node sandbox host)', () => {
  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));
  it.each(cases.map((c) => [c.name, c] as const))('contains %s', (_name, c) =>
    expectContained(sandbox, c, c.request.language ?? 'javascript'),
  );
});
