/**
 * Reads the practice template files (<dir>/<language>/<concept>.yaml) and checks them: the
 * schema, every expression, and a trial run of each template over a few seeds, so a mistake is
 * reported with its file, line and field before a learner could meet it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentError } from '../../../../shared/content/errors.ts';
import { fieldPath } from '../../../../shared/content/errors.ts';
import { issuesToErrors } from '../../../../shared/content/issues.ts';
import { problem } from '../../../../shared/content/problems.ts';
import { PracticeTemplateFile } from '../../../../shared/content/practice-template.ts';
import { Exercise } from '../../../../shared/content/schema.ts';
import { untranslatedComments } from '../../../../shared/content/starter-comments.ts';
import { parseYamlSource } from '../../../../shared/content/yaml-source.ts';
import { TODO, type Language } from './exercise.ts';
import { Rng } from './rng.ts';
import { compileTemplate, TemplateError } from './template.ts';
import type { ExerciseTemplate } from './types.ts';

export const TEMPLATE_LANGUAGES = ['python', 'javascript'] as const;

export interface TemplateSet {
  /** Every template of a language, by concept file name, each file's in its own order. */
  all(language: string): readonly ExerciseTemplate[];
  /** The templates for a concept of a language (empty when there are none). */
  for(language: string, concept: string): readonly ExerciseTemplate[];
}

export interface LoadedTemplates {
  templates: TemplateSet;
  errors: ContentError[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** One file's templates; `file` is how errors name it. */
export function loadTemplateFile(
  text: string,
  file: string,
  language: Language,
  concept: string,
): { templates: ExerciseTemplate[]; errors: ContentError[] } {
  const source = parseYamlSource(text, file);
  if (source.errors.length) return { templates: [], errors: source.errors };
  const parsed = PracticeTemplateFile.safeParse(source.value);
  if (!parsed.success)
    return { templates: [], errors: issuesToErrors(parsed.error.issues, file, source, source.value) };
  const pools = deepFreeze(parsed.data.pools ?? {});
  const templates: ExerciseTemplate[] = [];
  const errors: ContentError[] = [];
  const report = (index: number, err: unknown, seed?: number) => {
    const at = err instanceof TemplateError ? err.field : [];
    const full = ['templates', index, ...at];
    const detail = (err as Error).message;
    errors.push(
      problem(
        { file, line: source.lineOf(full), field: fieldPath(full) },
        'template-failed',
        seed === undefined ? { detail } : { detail, seed, context: 'seed' },
      ),
    );
  };
  parsed.data.templates.forEach((data, index) => {
    const prefix = language === 'python' ? 'py-' : 'js-';
    if (!data.id.startsWith(prefix)) {
      const full = ['templates', index, 'id'];
      errors.push(
        problem({ file, line: source.lineOf(full), field: fieldPath(full) }, 'template-id-prefix', {
          prefix,
        }),
      );
      return;
    }
    try {
      templates.push(compileTemplate(data, language, concept, pools));
    } catch (err) {
      report(index, err);
    }
  });
  return { templates, errors };
}

/** Makes each template's exercise for a few seeds; a failure or an invalid exercise is an error. */
function trialErrors(
  templates: readonly ExerciseTemplate[],
  language: Language,
  file: string,
  lineOf: (id: string) => number | undefined,
  seeds: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
): ContentError[] {
  const errors: ContentError[] = [];
  templates.forEach((template) => {
    for (const seed of seeds) {
      try {
        const made = template.make(new Rng(seed));
        const check = Exercise.safeParse({
          id: 'trial',
          type: 'exercise',
          concepts: [template.concept],
          language,
          timeLimitMs: 5000,
          ...made,
        });
        if (!check.success) {
          const issue = check.error.issues[0];
          errors.push(
            problem(
              { file, line: lineOf(template.id), field: `${template.id}: ${fieldPath(issue?.path ?? [])}` },
              'template-failed',
              { detail: issue?.message ?? 'invalid', seed, context: 'seed' },
            ),
          );
          return;
        }
        // A starter's comment is read in the learner's language: only one the generator words may be used.
        const comment = untranslatedComments(check.data)[0];
        if (comment) {
          errors.push(
            problem(
              { file, line: lineOf(template.id), field: `${template.id}: written.starter` },
              'template-comment-untranslated',
              { text: comment.text, todo: TODO.en },
            ),
          );
          return;
        }
      } catch (err) {
        const at = err instanceof TemplateError ? fieldPath(err.field) : '';
        errors.push(
          problem(
            { file, line: lineOf(template.id), field: at ? `${template.id}: ${at}` : template.id },
            'template-failed',
            { detail: (err as Error).message, seed, context: 'seed' },
          ),
        );
        return;
      }
    }
  });
  return errors;
}

/** Every template file under `dir`, checked; `trial` also makes exercises from a few seeds. */
export function loadPracticeTemplates(dir: string, options: { trial?: boolean } = {}): LoadedTemplates {
  const byLanguage = new Map<string, ExerciseTemplate[]>();
  const errors: ContentError[] = [];
  const seen = new Map<string, string>();
  for (const language of TEMPLATE_LANGUAGES) {
    const folder = path.join(dir, language);
    const files = fs.existsSync(folder)
      ? fs
          .readdirSync(folder)
          .filter((name) => name.endsWith('.yaml'))
          .sort()
      : [];
    const list: ExerciseTemplate[] = [];
    for (const name of files) {
      const file = `${language}/${name}`;
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      const concept = name.replace(/\.yaml$/, '');
      const loaded = loadTemplateFile(text, file, language, concept);
      errors.push(...loaded.errors);
      for (const template of loaded.templates) {
        const other = seen.get(template.id);
        if (other) errors.push(problem({ file, field: template.id }, 'template-id-taken', { other }));
        seen.set(template.id, file);
      }
      if (options.trial) {
        const source = parseYamlSource(text, file);
        const ids = (source.value as { templates?: { id?: string }[] } | undefined)?.templates ?? [];
        const lineOf = (id: string) => {
          const index = ids.findIndex((t) => t.id === id);
          return index < 0 ? undefined : source.lineOf(['templates', index, 'id']);
        };
        errors.push(...trialErrors(loaded.templates, language, file, lineOf));
      }
      list.push(...loaded.templates);
    }
    byLanguage.set(language, list);
  }
  const templates: TemplateSet = {
    all: (language) => byLanguage.get(language) ?? [],
    for: (language, concept) => (byLanguage.get(language) ?? []).filter((t) => t.concept === concept),
  };
  return { templates, errors };
}
