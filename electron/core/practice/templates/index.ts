/**
 * The offline generator's templates: at least two per concept of the built-in tracks. Each
 * template makes a fresh exercise from a seed; nothing here talks to a network.
 */
import type { ExerciseTemplate } from './types.ts';
import { pythonBasics } from './python-basics.ts';
import { pythonData } from './python-data.ts';
import { pythonAdvanced } from './python-advanced.ts';
import { javascriptBasics } from './javascript-basics.ts';
import { javascriptAdvanced } from './javascript-advanced.ts';

export type { ExerciseTemplate, TemplateExercise } from './types.ts';
export { Rng } from './rng.ts';

export const TEMPLATES: Readonly<Record<'python' | 'javascript', readonly ExerciseTemplate[]>> = {
  python: [...pythonBasics, ...pythonData, ...pythonAdvanced],
  javascript: [...javascriptBasics, ...javascriptAdvanced],
};

/** Templates for a concept of a track's language (empty when there are none). */
export function templatesFor(language: string, concept: string): readonly ExerciseTemplate[] {
  const all = language === 'python' || language === 'javascript' ? TEMPLATES[language] : [];
  return all.filter((t) => t.concept === concept);
}
