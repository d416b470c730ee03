/**
 * The templates still written in TypeScript, until each becomes a data file in
 * exercises/practice-templates/ (decision 0050). A data template with the same id replaces one.
 */
import type { ExerciseTemplate } from './types.ts';
import { Rng } from './rng.ts';
import { pythonBasics } from './python-basics.ts';
import { pythonControl } from './python-control.ts';
import { pythonListsDicts } from './python-lists-dicts.ts';
import { pythonSetsComprehensions } from './python-sets-comprehensions.ts';
import { pythonErrorsClasses } from './python-errors-classes.ts';
import { pythonAlgorithms } from './python-algorithms.ts';
import { javascriptBasics } from './javascript-basics.ts';
import { javascriptControl } from './javascript-control.ts';
import { javascriptFunctions } from './javascript-functions.ts';
import { javascriptObjects } from './javascript-objects.ts';
import { javascriptClassesErrors } from './javascript-classes-errors.ts';
import { javascriptClosuresAsync } from './javascript-closures-async.ts';

type Written = Omit<ExerciseTemplate, 'difficulty'>;
const withDifficulty = (list: Written[]): ExerciseTemplate[] =>
  list.map((t) => ({ ...t, difficulty: t.make(new Rng(0)).difficulty }));

const WRITTEN: Record<'python' | 'javascript', Written[]> = {
  python: [
    ...pythonBasics,
    ...pythonControl,
    ...pythonListsDicts,
    ...pythonSetsComprehensions,
    ...pythonErrorsClasses,
    ...pythonAlgorithms,
  ],
  javascript: [
    ...javascriptBasics,
    ...javascriptControl,
    ...javascriptFunctions,
    ...javascriptObjects,
    ...javascriptClassesErrors,
    ...javascriptClosuresAsync,
  ],
};

export const LEGACY_TEMPLATES = {
  python: withDifficulty(WRITTEN.python),
  javascript: withDifficulty(WRITTEN.javascript),
};
