/**
 * The offline generator's templates: data files in exercises/practice-templates/<language>/
 * (<concept>.yaml), read once and turned into exercises from a seed; nothing here talks to a
 * network. See docs/decisions/0050-practice-templates-as-data.md.
 */
import type { ContentError } from '../../../../shared/content/errors.ts';
import { formatContentError } from '../../../../shared/content/errors.ts';
import { loadPracticeTemplates, type TemplateSet } from './load.ts';

export type { ExerciseTemplate, TemplateExercise } from './types.ts';
export type { TemplateSet } from './load.ts';
export { loadPracticeTemplates } from './load.ts';
export { Rng } from './rng.ts';

export class TemplateFilesError extends Error {
  readonly errors: ContentError[];
  constructor(dir: string, errors: ContentError[]) {
    super(`The practice templates in ${dir} have problems:\n${errors.map(formatContentError).join('\n')}`);
    this.name = 'TemplateFilesError';
    this.errors = errors;
  }
}

/** The templates in `dir`, read when first asked for; a broken file is an error then. */
export function practiceTemplates(dir: string): TemplateSet {
  let loaded: TemplateSet | undefined;
  const get = (): TemplateSet => {
    if (!loaded) {
      const { templates, errors } = loadPracticeTemplates(dir);
      if (errors.length) throw new TemplateFilesError(dir, errors);
      loaded = templates;
    }
    return loaded;
  };
  return {
    all: (language) => get().all(language),
    for: (language, concept) => get().for(language, concept),
  };
}
