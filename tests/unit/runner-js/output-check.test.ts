import { describe, expect, it } from 'vitest';
import { firstDifference, outputLines, sameOutput } from '../../../shared/runner/output-check.ts';
import { execute } from './helpers.ts';
import type { RunRequest } from '../../../shared/runner/protocol.ts';
import { runJavaScript } from '../../../shared/runner/javascript/index.ts';
import { validateFiles } from '../../../electron/core/curriculum/validate.ts';

describe('comparing program output', () => {
  it('ignores spaces at line ends, blank lines at the end and the end-of-line style', () => {
    expect(sameOutput('Hello\nWorld\n', 'Hello  \r\nWorld\n\n\n')).toBe(true);
    expect(outputLines('a \n\n b\n')).toEqual(['a', '', ' b']);
  });

  it('keeps leading spaces, blank lines inside and letter case significant', () => {
    expect(firstDifference('a\nb', ' a\nb')).toBe(0);
    expect(firstDifference('a\nb', 'a\n\nb')).toBe(1);
    expect(firstDifference('Hello', 'hello')).toBe(0);
  });

  it('finds a missing or an extra last line', () => {
    expect(firstDifference('a\nb\nc', 'a\nb')).toBe(2);
    expect(firstDifference('a', 'a\nb')).toBe(1);
    expect(firstDifference('', '')).toBeUndefined();
    expect(firstDifference('x', '')).toBe(0);
  });
});

const cases = [
  { stdin: ['Ada'], output: 'Hi, Ada!\n' },
  { stdin: ['Bo'], output: 'Hi, Bo!\n' },
];
const checkOutput = (code: string, typed: string[] = []) =>
  execute({ mode: 'check', language: 'javascript', module: 'main', code, cases, timeLimitMs: 2000 }, typed);

describe('a program-output check in the JavaScript runner', () => {
  it('passes when every case prints its output, fed its own input', async () => {
    const result = await checkOutput('console.log(`Hi, ${prompt("Name?")}!`);');
    expect(result.status).toBe('pass');
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ['case 1', 'pass'],
      ['case 2', 'pass'],
    ]);
    // The check never asks the learner's console for input.
    expect(result.prompts).toEqual([]);
  });

  it('fails a case that prints something else, with both outputs whole', async () => {
    const result = await checkOutput(
      'const n = prompt(); console.log(n === "Bo" ? "Hello Bo" : `Hi, ${n}!`);',
    );
    expect(result.status).toBe('fail');
    expect(result.tests[1]).toMatchObject({
      status: 'fail',
      expected: 'Hi, Bo!\n',
      actual: 'Hello Bo\n',
      message: 'The output differs from line 1 on.',
      // The page words it from the code (runner.testMessage.outputDiffers).
      code: 'outputDiffers',
      params: { line: '1' },
    });
    expect(result.message).toBe('1 of 2 outputs matched.');
  });

  it('reports an error in the program as that case erring, with the learner line', async () => {
    const result = await checkOutput('console.log("Hi");\nundefinedName();');
    expect(result.status).toBe('fail');
    expect(result.tests[0]).toMatchObject({ status: 'error', actual: 'Hi\n' });
    expect(result.error).toMatchObject({ type: 'ReferenceError', line: 2 });
  });

  it('ends the check at the time limit', async () => {
    const result = await checkOutput('while (true) {}');
    expect(result.status).toBe('timeout');
    expect(result.tests).toHaveLength(1);
  });
});

describe('validating a program-output exercise', () => {
  const track = [
    'id: out',
    'language: javascript',
    'title: { en: Out, zh: 输出 }',
    'description: { en: Output lessons., zh: 输出课程。 }',
    'concepts:',
    '  - id: basics',
    '    title: { en: Basics, zh: 基础 }',
    'units:',
    '  - id: start',
    '    title: { en: Start, zh: 开始 }',
    '    lessons: [hello]',
  ].join('\n');
  const lesson = (starter: string, solution: string) =>
    [
      '---',
      'id: hello',
      'title: { en: Hello, zh: 你好 }',
      'type: exercise',
      'concepts: [basics]',
      'difficulty: 1',
      `starter: ${JSON.stringify(starter)}`,
      `solution: ${JSON.stringify(solution)}`,
      'cases:',
      '  - output: "Hello, World!\\n"',
      'hints:',
      '  - { en: Print it., zh: 打印它。 }',
      '  - { en: Use console.log., zh: 用 console.log。 }',
      '  - { en: Quotes around the text., zh: 文字加引号。 }',
      '---',
      '<!-- lang: en -->',
      'Print a greeting.',
      '<!-- lang: zh -->',
      '打印一句问候。',
    ].join('\n');
  const runner = (request: RunRequest) => runJavaScript(request, { write: () => {}, readLine: () => null });
  const validate = (starter: string, solution: string) =>
    validateFiles(
      new Map([
        ['track.yaml', track],
        ['lessons/hello.md', lesson(starter, solution)],
      ]),
      { runner },
    );

  it('accepts a solution that prints the output and a starter that does not', async () => {
    const report = await validate('// your program', "console.log('Hello, World!');");
    expect(report.errors).toEqual([]);
  });

  it('reports a solution that prints something else, naming the line and both texts', async () => {
    const report = await validate('// your program', "console.log('Hello World');");
    expect(report.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'solution: the reference solution prints something else in case 1: line 1 is "Hello World", the case says "Hello, World!"',
    ]);
  });

  it('reports a starter that already prints the output', async () => {
    const report = await validate("console.log('Hello, World!');", "console.log('Hello, World!');");
    expect(report.errors.map((e) => e.field)).toEqual(['starter']);
  });
});
