/** Plain-language error explanations: every common beginner error has one, in English and Chinese. */
import { describe, expect, it } from 'vitest';
import {
  ERROR_EXPLANATIONS,
  explanationCatalog,
  explanationId,
  explanationText,
  withExplanations,
} from '../../../shared/runner/explain.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';

/** The list of the commonest beginner errors, with a message each one really has. */
const COMMON_PYTHON_ERRORS: [string, string][] = [
  ['SyntaxError', 'invalid syntax'],
  ['IndentationError', 'unexpected indent'],
  ['NameError', "name 'totl' is not defined"],
  ['TypeError', "'<' not supported between instances of 'str' and 'int'"],
  ['AttributeError', "'list' object has no attribute 'push'"],
  ['IndexError', 'list index out of range'],
  ['KeyError', "'age'"],
  ['ValueError', "invalid literal for int() with base 10: 'abc'"],
  ['ZeroDivisionError', 'division by zero'],
  ['RecursionError', 'maximum recursion depth exceeded'],
  ['UnboundLocalError', "cannot access local variable 'total' where it is not associated with a value"],
  ['ModuleNotFoundError', "No module named 'numpyy'"],
  ['ImportError', "cannot import name 'leap' from 'leap'"],
  ['EOFError', 'EOF when reading a line'],
  ['FileNotFoundError', "[Errno 44] No such file or directory: 'data.txt'"],
  ['Timeout', 'The program was still running after 5 s and was stopped.'],
  ['MemoryError', ''],
];

const cjk = /[\u4e00-\u9fff]/;

describe('error explanations', () => {
  it.each(COMMON_PYTHON_ERRORS)('explains a Python %s in English and Chinese', (type, message) => {
    const id = explanationId('python', { type, message });
    expect(id).toBeDefined();
    expect(explanationText(id!, 'en')).toMatch(/^[A-Za-z(]/);
    expect(explanationText(id!, 'zh')).toMatch(cjk);
  });

  it('has the same ids in English and Chinese, none of them empty', () => {
    const ids = (catalog: object) =>
      Object.entries(catalog).flatMap(([group, texts]) =>
        Object.keys(texts as object).map((k) => `${group}.${k}`),
      );
    expect(ids(ERROR_EXPLANATIONS.zh).sort()).toEqual(ids(ERROR_EXPLANATIONS.en).sort());
    for (const locale of ['en', 'zh'] as const) {
      for (const id of ids(ERROR_EXPLANATIONS[locale]))
        expect(explanationText(id, locale)?.trim()).toBeTruthy();
    }
  });

  it('writes every Chinese text in Chinese, not as a copy of the English', () => {
    for (const [group, texts] of Object.entries(ERROR_EXPLANATIONS.zh)) {
      for (const [key, text] of Object.entries(texts as Record<string, string>)) {
        expect(text, `${group}.${key}`).toMatch(cjk);
      }
    }
  });

  it('picks the specific explanation when the message shows the usual cause', () => {
    expect(
      explanationId('python', { type: 'TypeError', message: 'can only concatenate str (not "int") to str' }),
    ).toBe('python.TypeError-concatenate');
    expect(
      explanationId('python', {
        type: 'AttributeError',
        message: "'NoneType' object has no attribute 'append'",
      }),
    ).toBe('python.AttributeError-none');
    expect(explanationId('python', { type: 'SyntaxError', message: "expected ':'" })).toBe(
      'python.SyntaxError-colon',
    );
    expect(explanationId('python', { type: 'SyntaxError', message: "'(' was never closed" })).toBe(
      'python.SyntaxError-unclosed',
    );
  });

  it('explains JavaScript and TypeScript errors in JavaScript’s terms', () => {
    expect(explanationId('javascript', { type: 'ReferenceError', message: 'totl is not defined' })).toBe(
      'javascript.ReferenceError',
    );
    expect(
      explanationId('typescript', {
        type: 'TypeError',
        message: "Cannot read properties of undefined (reading 'length')",
      }),
    ).toBe('javascript.TypeError-undefinedProperty');
    expect(explanationId('javascript', { type: 'SyntaxError', message: "expected ':'" })).toBe(
      'javascript.SyntaxError',
    );
    expect(explanationId('javascript', { type: 'Timeout', message: '' })).toBe('common.Timeout');
  });

  it('leaves an error without a known explanation unexplained', () => {
    expect(explanationId('python', { type: 'JSONDecodeError', message: 'Expecting value' })).toBeUndefined();
  });

  it('adds ids to the result’s error and its tests’ errors', () => {
    const result: RunResult = {
      status: 'fail',
      stdout: '',
      stderr: '',
      truncated: false,
      durationMs: 1,
      error: { type: 'NameError', message: "name 'x' is not defined" },
      tests: [
        { name: 'a', status: 'error', error: { type: 'ZeroDivisionError', message: 'division by zero' } },
        { name: 'b', status: 'fail', message: '1 != 2' },
      ],
    };
    const explained = withExplanations(result, 'python');
    expect(explained.error?.explanation).toBe('python.NameError');
    expect(explained.tests[0]?.error?.explanation).toBe('python.ZeroDivisionError');
    expect(explained.tests[1]).toEqual({ name: 'b', status: 'fail', message: '1 != 2' });
  });

  it('is shaped for the i18n catalogs under one top-level key', () => {
    expect(Object.keys(explanationCatalog('zh'))).toEqual(['explain']);
    expect(explanationCatalog('zh').explain.python.NameError).toBe(ERROR_EXPLANATIONS.zh.python.NameError);
  });
});
