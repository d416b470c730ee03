/**
 * Plain-language explanations of the errors beginners meet most, in English and Chinese, as
 * data. A runner only picks an explanation's id (`LearnerError.explanation`, e.g.
 * `python.NameError`); the UI shows the text in its own language, so a result stored today reads
 * right after the learner switches language. The texts say what the error usually means and what
 * to look at, never the fix for a particular exercise.
 *
 * The catalogs are shaped for i18next: `explanationCatalog(locale)` is `{ explain: {...} }`, so
 * `t('explain.' + error.explanation)` finds the text.
 */
import type { Language } from '../content/schema.ts';
import type { LearnerError, RunResult } from './protocol.ts';
import { EXPLANATIONS_EN, EXPLANATIONS_ZH, type ExplanationCatalog } from './explanations-text.ts';

export type { ExplanationCatalog } from './explanations-text.ts';

export type ExplanationLocale = 'en' | 'zh';

export const ERROR_EXPLANATIONS: Record<ExplanationLocale, ExplanationCatalog> = {
  en: EXPLANATIONS_EN,
  zh: EXPLANATIONS_ZH,
};

type Group = keyof ExplanationCatalog;

interface Rule {
  group: Group;
  /** LearnerError.type this rule is for. */
  type: string;
  /** When set, the error message must match too (a more specific explanation). */
  message?: RegExp;
  key: string;
}

/** First match wins, so specific rules (with a message) come before their type's general one. */
const RULES: Rule[] = [
  { group: 'python', type: 'SyntaxError', message: /expected ':'/, key: 'SyntaxError-colon' },
  {
    group: 'python',
    type: 'SyntaxError',
    message: /was never closed|unterminated (triple-quoted )?string|EOL while scanning/,
    key: 'SyntaxError-unclosed',
  },
  { group: 'python', type: 'SyntaxError', key: 'SyntaxError' },
  { group: 'python', type: 'IndentationError', key: 'IndentationError' },
  { group: 'python', type: 'TabError', key: 'IndentationError' },
  { group: 'python', type: 'NameError', key: 'NameError' },
  { group: 'python', type: 'UnboundLocalError', key: 'UnboundLocalError' },
  {
    group: 'python',
    type: 'TypeError',
    message:
      /can only concatenate str|unsupported operand type\(s\) for \+: '(int|float)' and 'str'|'str' and '(int|float)'/,
    key: 'TypeError-concatenate',
  },
  {
    group: 'python',
    type: 'TypeError',
    message:
      /required positional argument|positional arguments? but \d+ (was|were) given|unexpected keyword argument/,
    key: 'TypeError-arguments',
  },
  { group: 'python', type: 'TypeError', message: /object is not callable/, key: 'TypeError-notCallable' },
  { group: 'python', type: 'TypeError', key: 'TypeError' },
  { group: 'python', type: 'AttributeError', message: /'NoneType' object/, key: 'AttributeError-none' },
  { group: 'python', type: 'AttributeError', key: 'AttributeError' },
  { group: 'python', type: 'IndexError', key: 'IndexError' },
  { group: 'python', type: 'KeyError', key: 'KeyError' },
  { group: 'python', type: 'ValueError', key: 'ValueError' },
  { group: 'python', type: 'ZeroDivisionError', key: 'ZeroDivisionError' },
  { group: 'python', type: 'RecursionError', key: 'RecursionError' },
  { group: 'python', type: 'ModuleNotFoundError', key: 'ModuleNotFoundError' },
  { group: 'python', type: 'ImportError', key: 'ImportError' },
  { group: 'python', type: 'EOFError', key: 'EOFError' },
  { group: 'python', type: 'FileNotFoundError', key: 'FileNotFoundError' },
  { group: 'python', type: 'AssertionError', key: 'AssertionError' },
  { group: 'python', type: 'OverflowError', key: 'OverflowError' },
  { group: 'python', type: 'SystemExit', key: 'SystemExit' },
  { group: 'javascript', type: 'SyntaxError', key: 'SyntaxError' },
  { group: 'javascript', type: 'ReferenceError', key: 'ReferenceError' },
  {
    group: 'javascript',
    type: 'TypeError',
    message: /built-ins are read-only here|object is not extensible|read-only property/,
    key: 'TypeError-builtin',
  },
  {
    group: 'javascript',
    type: 'TypeError',
    message: /Cannot read properties of (undefined|null)|cannot set property|of (undefined|null)/i,
    key: 'TypeError-undefinedProperty',
  },
  { group: 'javascript', type: 'TypeError', message: /not a function/, key: 'TypeError-notFunction' },
  {
    group: 'javascript',
    type: 'TypeError',
    message: /Assignment to constant|'[^']+' is read-only/,
    key: 'TypeError-constant',
  },
  { group: 'javascript', type: 'TypeError', key: 'TypeError' },
  { group: 'javascript', type: 'RangeError', message: /call stack/i, key: 'RangeError-stack' },
  { group: 'javascript', type: 'RangeError', key: 'RangeError' },
  { group: 'javascript', type: 'ModuleNeverFinished', key: 'ModuleNeverFinished' },
  { group: 'javascript', type: 'TypeScript', key: 'TypeScript' },
  { group: 'javascript', type: 'TypeScriptSlow', key: 'TypeScriptSlow' },
  { group: 'common', type: 'Timeout', key: 'Timeout' },
  { group: 'common', type: 'MemoryError', key: 'MemoryError' },
  { group: 'common', type: 'HarnessTampering', key: 'HarnessTampering' },
  { group: 'common', type: 'RunnerCrashed', key: 'RunnerCrashed' },
];

/** The explanation id for an error in a language's runner, or undefined when there is none. */
export function explanationId(language: Language, error: LearnerError): string | undefined {
  const group: Group = language === 'python' ? 'python' : 'javascript';
  const rule = RULES.find(
    (candidate) =>
      (candidate.group === group || candidate.group === 'common') &&
      candidate.type === error.type &&
      (candidate.message === undefined || candidate.message.test(error.message)),
  );
  return rule ? `${rule.group}.${rule.key}` : undefined;
}

/** The text for an id in a locale (English when the locale has no such text). */
export function explanationText(id: string, locale: ExplanationLocale): string | undefined {
  const [group, key] = id.split('.') as [Group, string];
  const pick = (catalog: ExplanationCatalog) => (catalog[group] as Record<string, string> | undefined)?.[key];
  return pick(ERROR_EXPLANATIONS[locale]) ?? pick(ERROR_EXPLANATIONS.en);
}

/** For i18next resources: `t('explain.python.NameError')`. */
export function explanationCatalog(locale: ExplanationLocale): { explain: ExplanationCatalog } {
  return { explain: ERROR_EXPLANATIONS[locale] };
}

/**
 * Adds explanation ids to a result's error and its tests' errors (leaving ids already set), so
 * every host reports the same ones whichever runner or host built the result.
 */
export function withExplanations(result: RunResult, language: Language): RunResult {
  const explain = (error: LearnerError | undefined): LearnerError | undefined => {
    // A missing name's code says all; other codes (memory, recursion) keep the type's explanation.
    if (!error || error.explanation || error.code === 'missingFunction' || error.code === 'missingClass')
      return error;
    const id = explanationId(language, error);
    return id ? { ...error, explanation: id } : error;
  };
  const error = explain(result.error);
  return {
    ...result,
    ...(error ? { error } : {}),
    tests: result.tests.map((test) => {
      const testError = explain(test.error);
      return testError ? { ...test, error: testError } : test;
    }),
  };
}
