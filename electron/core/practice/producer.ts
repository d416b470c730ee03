/**
 * Makes one validated practice exercise and stores it: the model first (when one is set up and
 * within budget), then the offline generator. Whatever comes back has passed every check.
 */
import type { Exercise, UiLocale } from '../../../shared/content/schema.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import type { TemplateReason } from '../../../shared/api/calls/practice.ts';
import type { ModelCallError, ModelErrorKind } from '../tutor/errors.ts';
import type { PracticeTrack } from './catalog.ts';
import { generateWithModel, type ModelAttempt, type PracticeModelClient } from './model-generator.ts';
import { generateOffline } from './offline.ts';
import type { TemplateSet } from './templates/index.ts';
import type { GeneratedExerciseStore, StoredExercise } from './store.ts';
import { exerciseFingerprint, validateExercise } from './validate.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';

export interface ProduceRequest {
  track: PracticeTrack;
  concept: string;
  difficulty: number;
  locale: UiLocale;
  like?: Exercise;
}

export interface Produced {
  stored: StoredExercise;
  /** Why it came from the offline generator although a model was set up, or why it is a repeat. */
  notice?: string;
  /** Why a template was made instead of a model problem (also stored with it). */
  templateReason?: TemplateReason;
  attempts: ModelAttempt[];
}

export interface ProducerDeps {
  store: GeneratedExerciseStore;
  run: RunCode;
  /** The model client, or undefined for offline only (no key). */
  client?: PracticeModelClient & { unavailableReason(): ModelCallError | undefined };
  signal?: AbortSignal;
  /** The offline generator's templates. */
  templates: TemplateSet;
  /** Seed for the offline generator (tests and benches); random otherwise. */
  seed?: () => number;
}

export class PracticeUnavailableError extends ReasonedError {
  constructor(concept: string) {
    super(
      `No new practice problem could be made for "${concept}", and there is none to repeat yet. ` +
        'Try another concept, or set up Claude in Settings → Tutor for more variety.',
      { code: 'practice-unavailable', params: { concept } },
    );
    this.name = 'PracticeUnavailableError';
  }
}

export async function produceExercise(request: ProduceRequest, deps: ProducerDeps): Promise<Produced> {
  const { track, concept, locale } = request;
  const existing = [
    ...track.exercises.map((e) => ({ id: e.id, text: exerciseFingerprint(e, locale) })),
    ...deps.store
      .allForTrack(track.id)
      .map((s) => ({ id: s.exercise.id, text: exerciseFingerprint(s.exercise, locale) })),
  ];
  const trackConcepts = track.concepts.map((c) => c.id);
  const ctx = { run: deps.run, trackConcepts, existing };
  let notice: string | undefined;
  let attempts: ModelAttempt[] = [];
  let spent = 0;

  const unavailable = deps.client?.unavailableReason();
  let templateReason: TemplateReason = deps.client ? reasonOf(unavailable?.kind ?? 'no-key') : 'no-key';
  if (deps.client && !unavailable) {
    const generation = await generateWithModel(
      {
        track: track.id,
        language: track.language,
        concept,
        conceptTitle: track.concepts.find((c) => c.id === concept)?.title.en,
        trackConcepts,
        difficulty: request.difficulty,
        locale,
        like: request.like,
        avoidTitles: deps.store
          .allForTrack(track.id)
          .filter((s) => s.concept === concept)
          .map((s) => s.exercise.title[locale]),
      },
      {
        client: deps.client,
        validate: (exercise) =>
          validateExercise(exercise, {
            ...ctx,
            language: track.language,
            locale,
            written: 'model',
            requested: { concept, difficulty: request.difficulty },
          }),
        signal: deps.signal,
      },
    );
    attempts = generation.attempts;
    spent = generation.costUsd;
    if (generation.exercise && generation.modelId) {
      const entry = {
        exercise: generation.exercise,
        track: track.id,
        concept,
        locale,
        source: 'model' as const,
        origin: generation.modelId,
        costUsd: spent,
        ...scoreOf(generation.attempts),
      };
      deps.store.save(entry);
      return {
        stored: deps.store.get(entry.exercise.id) ?? { ...entry, createdAt: '', servedAt: null },
        attempts,
      };
    }
    templateReason = generation.error ? reasonOf(generation.error.kind) : 'refused';
    notice = generation.error
      ? `${generation.error.message} Here is a problem from Lantern's built-in templates.`
      : "Claude's problems did not pass Lantern's checks, so here is one from the built-in templates.";
  }

  const offline = await generateOffline(
    { track: track.id, language: track.language, concept, difficulty: request.difficulty, locale },
    ctx,
    { templates: deps.templates, seed: deps.seed?.() },
  );
  if (offline) {
    const entry = {
      exercise: offline.exercise,
      track: track.id,
      concept,
      locale,
      source: 'template' as const,
      origin: offline.template,
      costUsd: spent,
      templateReason,
    };
    deps.store.save(entry);
    return {
      stored: deps.store.get(entry.exercise.id) ?? { ...entry, createdAt: '', servedAt: null },
      notice,
      templateReason,
      attempts,
    };
  }
  const repeat = deps.store.reserveOldest(track.id, concept, locale);
  if (repeat) {
    return {
      stored: repeat,
      notice: 'You have practised every variant Lantern can make offline; here is one to try again.',
      attempts,
    };
  }
  throw new PracticeUnavailableError(concept);
}

/** The reason code a model error gives a template (the page words it in the learner's language). */
export function reasonOf(kind: ModelErrorKind): TemplateReason {
  switch (kind) {
    case 'no-key':
    case 'key-refused':
    case 'offline':
    case 'rate-limited':
    case 'budget':
      return kind;
    case 'timeout':
      return 'offline';
    default:
      return 'api-error';
  }
}

function scoreOf(attempts: ModelAttempt[]): { mutationScore?: number } {
  const score = attempts.find((a) => a.report.ok)?.report.mutation?.score;
  return score === undefined ? {} : { mutationScore: score };
}
