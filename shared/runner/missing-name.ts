/**
 * Errors in code the learner never saw, in the learner's terms. When the tests look for a function
 * (or class) that the learner's file does not define, Python says ImportError or AttributeError
 * and JavaScript SyntaxError, pointing at a test file the learner never wrote. This turns that
 * into a code the page words in its own language: "Your code needs a function called `greet`".
 * The language's own error stays in `type`, `message` and `traceback` for whoever wants it.
 */
import type { Language } from '../content/schema.ts';
import type { LearnerError, RunRequest, RunResult } from './protocol.ts';

export const MISSING_FUNCTION = 'missingFunction';
export const MISSING_CLASS = 'missingClass';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The name the tests wanted from the learner's module, when the error is that it is missing. */
export function missingName(error: LearnerError, module: string, language: Language): string | undefined {
  const mod = escape(module);
  const patterns: Record<string, RegExp> =
    language === 'python'
      ? {
          ImportError: new RegExp(`^cannot import name '(\\w+)' from '${mod}'`),
          AttributeError: new RegExp(`^module '${mod}' has no attribute '(\\w+)'`),
          NameError: /^name '(\w+)' is not defined/,
        }
      : { SyntaxError: new RegExp(`^Could not find export '(\\w+)' in module '(?:\\./)?${mod}\\.[jt]s'`) };
  const pattern = patterns[error.type];
  if (!pattern) return undefined;
  // A NameError is the learner's own unless it happened in the test file.
  if (error.type === 'NameError' && (!error.file || error.file.startsWith(`${module}.`))) return undefined;
  return pattern.exec(error.message)?.[1];
}

function explained(error: LearnerError | undefined, module: string, language: Language) {
  if (!error) return undefined;
  const name = missingName(error, module, language);
  if (!name) return undefined;
  const kind = /^[A-Z]/.test(name) ? 'class' : 'function';
  const learnerError: LearnerError = {
    ...error,
    code: kind === 'class' ? MISSING_CLASS : MISSING_FUNCTION,
    params: { name },
  };
  // The line was in the test file; nothing in the learner's file is wrong at a line.
  delete learnerError.line;
  delete learnerError.column;
  delete learnerError.explanation;
  return { learnerError, message: `Your code needs a ${kind} called ${name}.` };
}

/** A check's result with "the tests could not import X" said in the learner's terms. */
export function explainMissingNames(result: RunResult, request: RunRequest): RunResult {
  if (request.mode !== 'check' || request.cases) return result;
  const top = explained(result.error, request.module, request.language);
  let changed = !!top;
  const tests = result.tests.map((test) => {
    const found = explained(test.error, request.module, request.language);
    if (!found) return test;
    changed = true;
    return { ...test, error: found.learnerError, message: found.message };
  });
  if (!changed) return result;
  return {
    ...result,
    tests,
    ...(top ? { error: top.learnerError, message: top.message } : {}),
  };
}

/**
 * How the exercise's own code (its starter) spells a function or class, for the message:
 * `greet(name)` rather than `greet`. The name alone when the starter does not define it.
 */
export function signatureIn(code: string, name: string): string {
  const n = escape(name);
  const patterns = [
    new RegExp(`\\bdef\\s+${n}\\s*\\(([^)]*)\\)`),
    new RegExp(`\\bfunction\\*?\\s+${n}\\s*\\(([^)]*)\\)`),
    new RegExp(`\\b(?:const|let|var)\\s+${n}\\s*=\\s*(?:async\\s*)?(?:function\\s*\\w*\\s*)?\\(([^)]*)\\)`),
  ];
  for (const pattern of patterns) {
    const found = pattern.exec(code);
    if (found) {
      const params = (found[1] ?? '')
        .split(',')
        .map((p) => p.trim().replace(/\s*[:=].*$/, ''))
        .filter((p) => p && p !== 'self');
      return `${name}(${params.join(', ')})`;
    }
  }
  return name;
}
