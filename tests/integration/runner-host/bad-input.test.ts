/** Bad input through the Node sandbox host: each gets a clear result, never a hang or a blank. */
import { describe, expect, it } from 'vitest';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();

/** Bytes 0–255 in a fixed shuffled order, as text: what pasting a binary file gives. */
const garbage =
  Array.from({ length: 2048 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('') + '\ud800';

const megabyte = (line: string) => line.repeat(Math.ceil(1_000_000 / line.length));

describe('bad input, Python', () => {
  it('runs empty code as a program that prints nothing', async () => {
    expect(await sandbox.python('')).toMatchObject({ status: 'pass', stdout: '', stderr: '' });
  });

  it('runs a megabyte of code', async () => {
    const result = await sandbox.python(`${megabyte('x = 1\n')}print("done")`, { timeLimitMs: 10_000 });
    expect(result).toMatchObject({ status: 'pass', stdout: 'done\n' });
  });

  it('reports binary garbage as a syntax error', async () => {
    const result = await sandbox.python(garbage);
    expect(result.status).toBe('error');
    expect(result.error?.type).toBe('SyntaxError');
    expect(result.message).toBeTruthy();
  });

  it('shows bytes that are not UTF-8 as replacement characters', async () => {
    const result = await sandbox.python(
      'import sys\nsys.stdout.buffer.write(b"\\xff\\xfe ok\\n")\nsys.stdout.flush()\nprint("end")',
    );
    expect(result).toMatchObject({ status: 'pass', stdout: '\ufffd\ufffd ok\nend\n' });
  });

  it('reports an error, not a pass, when checking empty code', async () => {
    const result = await sandbox.pythonCheck(
      '',
      'from leap import leap_year\n\ndef test_it():\n    assert leap_year(2000)\n',
    );
    expect(result.status).toBe('error');
    expect(result.message).toBe('Your code needs a function called leap_year.');
  });

  it('reports an error, not a pass, when there is no test file', async () => {
    const result = await sandbox.run({ mode: 'check', language: 'python', module: 'leap', code: 'x = 1' });
    expect(result).toMatchObject({ status: 'error', message: 'No tests were found in the test file.' });
  });
});

describe('bad input, JavaScript', () => {
  it('runs empty code as a program that prints nothing', async () => {
    expect(await sandbox.javascript('')).toMatchObject({ status: 'pass', stdout: '', stderr: '' });
  });

  it('runs a megabyte of code', async () => {
    const code = `let x;\n${megabyte('x = 1;\n')}console.log("done");`;
    const result = await sandbox.javascript(code, { timeLimitMs: 10_000 });
    expect(result).toMatchObject({ status: 'pass', stdout: 'done\n' });
  });

  it('reports binary garbage as a syntax error', async () => {
    const result = await sandbox.javascript(garbage);
    expect(result.status).toBe('error');
    expect(result.error?.type).toBe('SyntaxError');
  });

  it('reports TypeScript garbage as a syntax error', async () => {
    const result = await sandbox.javascript(garbage, { language: 'typescript' });
    expect(result.status).toBe('error');
    expect(result.error?.type).toBe('SyntaxError');
  });

  it('prints a lone surrogate as replacement characters, keeping the output well formed', async () => {
    const result = await sandbox.javascript('console.log("a\\ud800b");');
    expect(result.status).toBe('pass');
    expect(result.stdout).toMatch(/^a\ufffd+b\n$/);
  });

  it('reports an error, not a pass, when there are no tests', async () => {
    const result = await sandbox.run({
      mode: 'check',
      language: 'javascript',
      module: 'leap',
      code: 'export const a = 1;',
    });
    expect(result).toMatchObject({ status: 'error', message: 'No tests were found.' });
  });

  it('says the tests could not load when they import a file that does not exist', async () => {
    const result = await sandbox.javascriptCheck(
      'export const a = 1;',
      "import { b } from './missing';\ntest('x', () => {});",
    );
    expect(result.status).toBe('error');
    expect(result.message).toContain("The tests could not load: Error: Cannot find module './missing'");
  });

  it('fails a check on a megabyte value with the value cut, not a malformed result', async () => {
    const result = await sandbox.javascriptCheck(
      "export const big = () => 'x'.repeat(1_000_000);",
      "import { big } from './leap';\ntest('big', () => expect(big()).toBe('y'));",
    );
    expect(result.tests[0]).toMatchObject({ status: 'fail', code: 'equal', params: { expected: "'y'" } });
    expect(result.tests[0]?.params?.actual).toMatch(/^'x{100}.*…$/);
  });
});
