/**
 * The offline generator: templates turned into Exercises and put through the same validation as
 * model output. Seeds are tried in turn until one yields an exercise that passes every check.
 */
import type { Exercise, Language, UiLocale } from '../../../shared/content/schema.ts';
import { generatedId } from './problem.ts';
import { Rng, type ExerciseTemplate, type TemplateSet } from './templates/index.ts';
import { validateExercise, type ValidationContext, type ValidationReport } from './validate.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';

export interface OfflineRequest {
  track: string;
  language: Language;
  concept: string;
  /** Target difficulty 1-10: templates nearest to it are tried first. */
  difficulty?: number;
  locale: UiLocale;
}

export interface OfflineResult {
  exercise: Exercise;
  template: string;
  seed: number;
}

export class NoTemplateError extends ReasonedError {
  constructor(language: string, concept: string) {
    super(`There is no offline practice template for "${concept}" in ${language}.`, {
      code: 'no-template',
      params: { concept, language },
    });
    this.name = 'NoTemplateError';
  }
}

/** Builds the Exercise a template makes from one seed (not yet validated). */
export function exerciseFromTemplate(
  template: ExerciseTemplate,
  seed: number,
  track: string,
  language: Language,
): Exercise {
  const made = template.make(new Rng(seed));
  return {
    id: generatedId(track, template.concept, { ...made, template: template.id, language }),
    title: made.title,
    type: 'exercise',
    concepts: [template.concept],
    difficulty: made.difficulty,
    language,
    module: made.module,
    starter: made.starter,
    ...(made.starterComments ? { starterComments: made.starterComments } : {}),
    solution: made.solution,
    tests: made.tests,
    hints: made.hints,
    timeLimitMs: 5000,
    body: made.body,
  };
}

/**
 * A fresh validated exercise for the concept, or undefined when `attempts` seeds all failed
 * (typically because every variant is already a near-duplicate of what the learner has).
 */
export async function generateOffline(
  request: OfflineRequest,
  ctx: Omit<ValidationContext, 'language' | 'locale'>,
  options: {
    /** The templates to make it from (the built-in ones in the app). */
    templates: TemplateSet;
    seed?: number;
    attempts?: number;
    onRejected?: (template: string, report: ValidationReport) => void;
  },
): Promise<OfflineResult | undefined> {
  const templates = [...options.templates.for(request.language, request.concept)];
  if (templates.length === 0) throw new NoTemplateError(request.language, request.concept);
  const target = request.difficulty;
  if (target !== undefined) {
    const probe = (t: ExerciseTemplate) => Math.abs(t.difficulty - target);
    templates.sort((a, b) => probe(a) - probe(b));
  }
  let seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const attempts = options.attempts ?? 12;
  for (let i = 0; i < attempts; i++, seed = (seed + 0x9e3779b9) >>> 0) {
    // Mostly the nearest template, now and then the other one, so both get used.
    const template = templates[i % 3 === 2 ? (i + 1) % templates.length : 0] ?? templates[0];
    if (!template) break;
    const exercise = exerciseFromTemplate(template, seed, request.track, request.language);
    const report = await validateExercise(exercise, {
      ...ctx,
      language: request.language,
      locale: request.locale,
    });
    if (report.ok) return { exercise, template: template.id, seed };
    options.onRejected?.(template.id, report);
  }
  return undefined;
}
