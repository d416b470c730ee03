/**
 * The offline generator's templates: at least two per concept of the built-in tracks. Each
 * template makes a fresh exercise from a seed; nothing here talks to a network. The files are
 * split by concept group, in the order of the tracks.
 */
import type { ExerciseTemplate } from './types.ts';
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

export type { ExerciseTemplate, TemplateExercise } from './types.ts';
export { Rng } from './rng.ts';

export const TEMPLATES: Readonly<Record<'python' | 'javascript', readonly ExerciseTemplate[]>> = {
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

/** Templates for a concept of a track's language (empty when there are none). */
export function templatesFor(language: string, concept: string): readonly ExerciseTemplate[] {
  const all = language === 'python' || language === 'javascript' ? TEMPLATES[language] : [];
  return all.filter((t) => t.concept === concept);
}
