/** Python programs (Run) through the Node sandbox host: output, input, limits, errors. */
import { describe, expect, it } from 'vitest';
import { OUTPUT_LIMIT_LINES } from '../../../shared/runner/protocol.ts';
import { TRUNCATION_NOTICE } from '../../../shared/runner/output.ts';
import { useSandbox } from './helpers.ts';

const sandbox = useSandbox();

describe('Python Run in the Node sandbox', () => {
  it('sends print() to stdout and print(file=sys.stderr) to stderr, streaming both', async () => {
    const result = await sandbox.python('import sys\nprint("hello", 1 + 1)\nprint("oops", file=sys.stderr)');
    expect(result.status).toBe('pass');
    expect(result.stdout).toBe('hello 2\n');
    expect(result.stderr).toBe('oops\n');
    expect(result.streamed).toBe('hello 2\noops\n');
  });

  it('cuts an output flood at the cap with one clear truncation line, and still finishes', async () => {
    const result = await sandbox.python('for i in range(20000):\n    print(i)');
    expect(result.status).toBe('pass');
    expect(result.truncated).toBe(true);
    expect(result.stdout.split('\n').length).toBeLessThanOrEqual(OUTPUT_LIMIT_LINES + 3);
    expect(result.stdout.endsWith(TRUNCATION_NOTICE)).toBe(true);
    expect(result.stdout.match(/output truncated/g)).toHaveLength(1);
  });

  it('answers input() from the provided stdin, showing the prompt', async () => {
    const result = await sandbox.python(
      'name = input("Name? ")\nage = int(input())\nprint("Hi", name, age + 1)',
      {
        stdin: ['Ada', '36'],
      },
    );
    expect(result.status).toBe('pass');
    expect(result.stdout).toBe('Name? Hi Ada 37\n');
  });

  it('raises EOFError on the line of the input() that found no more stdin', async () => {
    const result = await sandbox.python('a = input()\nb = input()', { stdin: ['only one'] });
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ type: 'EOFError', file: 'main.py', line: 2 });
  });

  it('stops `while True:` at the time limit as a timeout, and the next run works', async () => {
    const stuck = await sandbox.python('print("started")\nwhile True:\n    pass', { timeLimitMs: 1000 });
    expect(stuck.status).toBe('timeout');
    expect(stuck.error?.type).toBe('Timeout');
    expect(stuck.message).toContain('still running after 1 s');
    expect(stuck.stdout).toBe('started\n');
    const next = await sandbox.python('print("fine")');
    expect(next).toMatchObject({ status: 'pass', stdout: 'fine\n' });
  });

  it('reports a timeout even when the program catches the KeyboardInterrupt', async () => {
    const code = 'try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print("caught")';
    const result = await sandbox.python(code, { timeLimitMs: 1000 });
    expect(result.status).toBe('timeout');
  });

  it('turns runaway recursion into a RecursionError on the learner line, with a short traceback', async () => {
    const result = await sandbox.python('def count(n):\n    return count(n + 1)\n\ncount(0)');
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ type: 'RecursionError', file: 'main.py', line: 2 });
    expect(result.error?.traceback).toContain('[Previous line repeated');
    expect(result.error?.traceback?.split('\n').length).toBeLessThan(20);
    const next = await sandbox.python('print("fine")');
    expect(next.stdout).toBe('fine\n');
  });

  it('names the error, the file and the line and column of the mistake', async () => {
    const result = await sandbox.python('total = 0\nfor i in range(3):\n    total += i\nprint(totl)');
    expect(result.status).toBe('error');
    expect(result.message).toBe("NameError: name 'totl' is not defined");
    expect(result.error).toMatchObject({ type: 'NameError', file: 'main.py', line: 4, column: 7 });
  });

  it('names the plain-language explanation of a common error, and of a timeout', async () => {
    const named = await sandbox.python('print(10 / 0)');
    expect(named.error?.explanation).toBe('python.ZeroDivisionError');
    const stuck = await sandbox.python('while True:\n    pass', { timeLimitMs: 500 });
    expect(stuck.error?.explanation).toBe('common.Timeout');
  });

  it('trims the traceback to the learner’s own frames', async () => {
    const result = await sandbox.python(
      'import json\n\ndef load(text):\n    return json.loads(text)\n\nload("{bad")',
    );
    expect(result.error).toMatchObject({ type: 'JSONDecodeError', file: 'main.py', line: 4 });
    const traceback = result.error?.traceback ?? '';
    expect(traceback).toContain('File "main.py", line 6, in <module>');
    expect(traceback).toContain('File "main.py", line 4, in load');
    expect(traceback).not.toMatch(/json[/\\]|\/lib\/python|harness/);
  });

  it('reports a syntax error with its line before running anything', async () => {
    const result = await sandbox.python('print("never")\nif True\n    print(1)');
    expect(result.status).toBe('error');
    expect(result.stdout).toBe('');
    expect(result.error).toMatchObject({
      type: 'SyntaxError',
      message: "expected ':'",
      line: 2,
      file: 'main.py',
    });
  });

  it('reports an IndentationError with its line', async () => {
    const result = await sandbox.python('def greet():\nprint("hi")');
    expect(result.error).toMatchObject({ type: 'IndentationError', line: 2 });
  });

  it('treats sys.exit(0) as a normal end and sys.exit(3) as an error that says so', async () => {
    const clean = await sandbox.python('import sys\nprint("bye")\nsys.exit(0)\nprint("never")');
    expect(clean).toMatchObject({ status: 'pass', stdout: 'bye\n' });
    const failed = await sandbox.python('import sys\nsys.exit(3)');
    expect(failed.status).toBe('error');
    expect(failed.error).toMatchObject({ type: 'SystemExit', message: 'The program called exit(3).' });
  });

  it('lets a program write and read its own files, and forgets them before the next run', async () => {
    const first = await sandbox.python(
      'with open("notes.txt", "w") as f:\n    f.write("kept")\nprint(open("notes.txt").read())',
    );
    expect(first.stdout).toBe('kept\n');
    const second = await sandbox.python('import os\nprint(os.path.exists("notes.txt"))');
    expect(second.stdout).toBe('False\n');
  });

  it('starts every run with fresh globals and modules', async () => {
    await sandbox.python('import math\nmath.pi = 3\nsecret = 42');
    const result = await sandbox.python('import math\nprint(math.pi > 3.1, "secret" in globals())');
    expect(result.stdout).toBe('True False\n');
  });
});
