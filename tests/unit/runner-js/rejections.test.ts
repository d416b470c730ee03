/** Promise rejections nothing handled: the program's uncaught error in Run, the test's in Check. */
import { describe, expect, it } from 'vitest';
import { check, run, statuses } from './helpers.ts';

describe('unhandled rejections in Run', () => {
  it('reports a bare Promise.reject as an uncaught error with its type, message and line', async () => {
    const result = await run('console.log("start");\nPromise.reject(new Error("boom"));');
    expect(result.status).toBe('error');
    expect(result.message).toBe('Error: boom');
    expect(result.error).toMatchObject({ type: 'Error', message: 'boom', file: 'main.js', line: 2 });
    expect(result.stdout).toBe('start\n');
  });

  it('reports an async function that throws and is never awaited, after the code that follows it', async () => {
    const code =
      'async function load() {\n  throw new TypeError("no data");\n}\nload();\nconsole.log("after");';
    const result = await run(code);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ type: 'TypeError', message: 'no data', file: 'main.js', line: 2 });
    expect(result.error?.traceback).toContain('at load (main.js:2)');
    expect(result.stdout).toBe('after\n');
  });

  it('reports an async arrow that throws after an await, on the line of the throw', async () => {
    const code = 'const go = async () => {\n  await null;\n  null.x;\n};\ngo();';
    const result = await run(code);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ type: 'TypeError', line: 3 });
  });

  it('reports an async function that throws in TypeScript, on its line', async () => {
    const code =
      'interface Row { id: number }\nasync function load(): Promise<Row> {\n  throw new Error("offline");\n}\nload();';
    const result = await run(code, { language: 'typescript' });
    expect(result.error).toMatchObject({ type: 'Error', message: 'offline', file: 'main.ts', line: 3 });
  });

  it('reports an error thrown in a then callback nobody catches', async () => {
    const result = await run('Promise.resolve(1).then(() => {\n  throw new RangeError("too big");\n});');
    expect(result.error).toMatchObject({ type: 'RangeError', message: 'too big', line: 2 });
  });

  it('says what happened when the reason is not an Error', async () => {
    const result = await run('new Promise((resolve, reject) => reject(42));');
    expect(result.status).toBe('error');
    expect(result.error?.type).toBe('UnhandledPromiseRejection');
    expect(result.error?.message).toContain('rejected with 42');
  });

  it('does not report a rejection handled later in the same tick', async () => {
    const code =
      'const p = Promise.reject(new Error("late"));\nawait null;\np.catch((e) => console.log("handled", e.message));';
    const result = await run(code);
    expect(result.status).toBe('pass');
    expect(result.stdout).toBe('handled late\n');
  });

  it('does not report rejections that are caught, awaited in try/catch or passed to Promise.all', async () => {
    const code = [
      'async function fail() { throw new Error("x"); }',
      'fail().catch((e) => console.log("caught", e.message));',
      'try { await fail(); } catch (e) { console.log("try", e.message); }',
      'await Promise.allSettled([fail()]).then((r) => console.log(r[0].status));',
    ].join('\n');
    const result = await run(code);
    expect(result.status).toBe('pass');
    expect(result.stdout).toBe('caught x\ntry x\nrejected\n');
  });

  it('reports a rejection first handled in a later timer, as Node does', async () => {
    const code = 'const p = Promise.reject(new Error("too late"));\nsetTimeout(() => p.catch(() => {}), 0);';
    const result = await run(code);
    expect(result.status).toBe('error');
    expect(result.error?.message).toBe('too late');
  });

  it('keeps the order in which promises and async functions run, and Promise identity', async () => {
    const code = [
      'Promise.resolve().then(() => console.log("a"));',
      '(async () => { console.log("b"); await null; console.log("c"); })();',
      'console.log("d");',
      'const p = Promise.resolve(1);',
      'console.log(Promise.resolve(p) === p, p instanceof Promise, (async () => 1)() instanceof Promise);',
    ].join('\n');
    const result = await run(code);
    expect(result.stdout).toBe('b\nd\ntrue true true\na\nc\n');
  });
});

describe('unhandled rejections in Check', () => {
  const WRONG = 'export function isLeap(year) {\n  return true;\n}\n';
  const SECOND = "\ntest('2000', () => expect(isLeap(2000)).toBe(true));";

  it('fails a test whose assertion fails in a promise it neither awaits nor returns, and runs the rest', async () => {
    const tests = `import { isLeap } from './leap';\ntest('1900', () => {\n  Promise.resolve(isLeap(1900)).then((v) => expect(v).toBe(false));\n});${SECOND}`;
    const result = await check(WRONG, tests);
    expect(result.status).toBe('fail');
    expect(statuses(result)).toEqual({ '1900': 'fail', '2000': 'pass' });
    expect(result.tests[0]?.message).toContain('expected true to be false');
  });

  it('fails a test whose un-awaited async function fails an assertion', async () => {
    const tests = `import { isLeap } from './leap';\ntest('1900', () => {\n  (async () => expect(isLeap(1900)).toBe(false))();\n});${SECOND}`;
    const result = await check(WRONG, tests);
    expect(statuses(result)).toEqual({ '1900': 'fail', '2000': 'pass' });
  });

  it('errs a test that leaves a rejected promise unhandled', async () => {
    const tests = `import { isLeap } from './leap';\ntest('1900', () => {\n  Promise.reject(new TypeError("nope"));\n});`;
    const result = await check(WRONG, tests);
    expect(result.tests[0]).toMatchObject({
      status: 'error',
      message: 'TypeError: nope (leap.test.js, line 3)',
    });
  });

  it('does not blame a test that awaits the rejection it expects', async () => {
    const LEAP =
      'export async function isLeap(year) {\n  if (year < 0) throw new RangeError("negative");\n  return year % 4 === 0;\n}\n';
    const tests = `import { isLeap } from './leap';\ntest('negative', async () => {\n  await expect(isLeap(-1)).rejects.toThrow('negative');\n});`;
    const result = await check(LEAP, tests);
    expect(result.status).toBe('pass');
  });

  it('cannot be switched off by the learner’s code to hide a failing test', async () => {
    const tamper = [
      'try { Promise.prototype.then = function () { return this; }; } catch {}',
      'try { globalThis.Promise = class extends Promise {}; } catch {}',
      'try { globalThis.__lanternTrackAsync = (body) => body(); } catch {}',
      'try { Object.defineProperty(Promise.prototype, "constructor", { value: Promise }); } catch {}',
      'try { Promise.resolve = (v) => ({ then() {} }); } catch {}',
    ].join('\n');
    const tests = `import { isLeap } from './leap';\ntest('1900', () => {\n  Promise.resolve(isLeap(1900)).then((v) => expect(v).toBe(false));\n});`;
    const result = await check(`${WRONG}${tamper}\n`, tests);
    expect(result.status).toBe('fail');
    expect(statuses(result)).toEqual({ '1900': 'fail' });
  });
});
