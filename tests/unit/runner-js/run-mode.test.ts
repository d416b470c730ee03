import { describe, expect, it } from 'vitest';
import { OUTPUT_LIMIT_BYTES, OUTPUT_LIMIT_LINES } from '../../../shared/runner/protocol.ts';
import { TRUNCATION_NOTICE } from '../../../shared/runner/output.ts';
import { run } from './helpers.ts';

describe('Run mode', () => {
  it('streams console.log to stdout and console.error to stderr', async () => {
    const result = await run('console.log("hi", 1 + 1, { a: [1, 2] });\nconsole.error("oops");');
    expect(result.status).toBe('pass');
    expect(result.stdout).toBe('hi 2 { a: [ 1, 2 ] }\n');
    expect(result.stderr).toBe('oops\n');
    expect(result.streamed).toBe('hi 2 { a: [ 1, 2 ] }\noops\n');
  });

  it('reads prompt() answers from the console, and null at end of input', async () => {
    const result = await run(
      'const name = prompt("Name?");\nconsole.log(`Hello, ${name}!`, prompt("again"));',
      {},
      ['Ada'],
    );
    expect(result.prompts).toEqual(['Name?', 'again']);
    expect(result.stdout).toBe('Hello, Ada! null\n');
  });

  it('feeds prompt() from the request stdin before asking the console', async () => {
    const result = await run('console.log(prompt("a"), prompt("b"));', { stdin: ['one'] }, ['two']);
    expect(result.stdout).toBe('one two\n');
    expect(result.prompts).toEqual(['b']);
  });

  it('waits for timers and promises before finishing', async () => {
    const code =
      'setTimeout(() => console.log("later"), 20);\nawait new Promise((r) => setTimeout(r, 5));\nconsole.log("first");';
    const result = await run(code);
    expect(result.stdout).toBe('first\nlater\n');
  });

  it('reports an uncaught exception with its type, message and the line and column in the file', async () => {
    const result = await run('const a = 1;\nfunction f() {\n  return missing + a;\n}\nf();');
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({
      type: 'ReferenceError',
      message: 'missing is not defined',
      line: 3,
      column: 10,
      file: 'main.js',
    });
    expect(result.error?.traceback).toContain('at f (main.js:3)');
  });

  it('reports a syntax error with its line', async () => {
    const result = await run('let x = 1;\nlet y = ;\n');
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ type: 'SyntaxError', line: 2 });
  });

  it('keeps the output printed before an error', async () => {
    const result = await run('console.log("before");\nthrow new TypeError("bad value");');
    expect(result.stdout).toBe('before\n');
    expect(result.error).toMatchObject({ type: 'TypeError', message: 'bad value', line: 2 });
  });

  it('reports an error thrown in a timer callback', async () => {
    const result = await run('setTimeout(() => {\n  null.x;\n}, 1);');
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ type: 'TypeError', line: 2 });
  });

  it('lets learners subclass Error and set name and message (frozen built-ins still allow it)', async () => {
    const code =
      'class AgeError extends Error {\n  constructor(m) { super(m); this.name = "AgeError"; }\n}\nconst o = {};\no.toString = () => "custom";\nconsole.log(String(o));\nthrow new AgeError("too old");';
    const result = await run(code);
    expect(result.stdout).toBe('custom\n');
    expect(result.error).toMatchObject({ type: 'AgeError', message: 'too old', line: 7 });
  });

  it('cuts an output flood at the cap with one clear notice, the same one Python gives', async () => {
    // The flood must reach the cap before the time limit even on a busy machine: this is about
    // the cap, not the limit.
    const result = await run('for (let i = 0; i < 20000; i++) console.log(i);', { timeLimitMs: 30_000 });
    expect(result.truncated).toBe(true);
    expect(result.stdout.split('\n').length).toBeLessThanOrEqual(OUTPUT_LIMIT_LINES + 3);
    expect(result.stdout.endsWith(TRUNCATION_NOTICE)).toBe(true);
    expect(result.stdout.match(/output truncated/g)).toHaveLength(1);
    expect(result.streamed).toBe(result.stdout);
    expect(result.status).toBe('pass');
  });

  it('cuts a flood of long lines at the byte cap, without splitting a character', async () => {
    const result = await run('for (let i = 0; i < 2000; i++) console.log("é😀".repeat(300));', {
      timeLimitMs: 30_000,
    });
    expect(result.truncated).toBe(true);
    expect(result.stdout.endsWith(TRUNCATION_NOTICE)).toBe(true);
    expect(result.stdout.match(/output truncated/g)).toHaveLength(1);
    expect(result.stdout).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(new TextEncoder().encode(result.stdout).length).toBeLessThanOrEqual(
      OUTPUT_LIMIT_BYTES + new TextEncoder().encode(TRUNCATION_NOTICE).length,
    );
  });
});

describe('TypeScript', () => {
  it('compiles TypeScript before running it, keeping line numbers', async () => {
    const code =
      'interface P { name: string }\nconst p: P = { name: "Ada" };\nconsole.log(p.name);\nconst n: number = (p as any).missing.length;';
    const result = await run(code, { language: 'typescript' });
    expect(result.stdout).toBe('Ada\n');
    expect(result.error).toMatchObject({ type: 'TypeError', line: 4, file: 'main.ts' });
  });

  it('reports a TypeScript syntax error with its line before running anything', async () => {
    const result = await run('console.log("never");\nlet x: number = ;\n', { language: 'typescript' });
    expect(result.status).toBe('error');
    expect(result.stdout).toBe('');
    expect(result.error).toMatchObject({ type: 'SyntaxError', line: 2, file: 'main.ts' });
    // The compiler's words alone: the page says where from file and line, in the learner's language.
    expect(result.error?.message).not.toMatch(/main\.ts|line/);
  });
});
