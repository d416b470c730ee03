/**
 * Generated practice problems: "next practice problem" for the learner's weakest concepts and
 * "More like this" on an exercise. Problems are made by Claude (or, offline, by templates), run
 * and checked before they are stored, and prefetched so a ready one is usually waiting.
 *
 * tutor-services.ts builds the PracticeService that practice-handlers.ts serves; see
 * docs/decisions/0006-generated-practice.md.
 */
import type { Exercise, UiLocale } from '../../../shared/content/schema.ts';
import type { TemplateReason } from '../../../shared/api/calls/practice.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../store/database.ts';
import type { ModelCallError } from '../tutor/errors.ts';
import type { PracticeCatalog, PracticeTrack } from './catalog.ts';
import type { TemplateSet } from './templates/index.ts';
import type { PracticeModelClient } from './model-generator.ts';
import { Prefetcher } from './prefetch.ts';
import { produceExercise } from './producer.ts';
import { GeneratedExerciseStore, type ExerciseSource } from './store.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';

export { curriculumCatalog, type PracticeCatalog, type PracticeTrack } from './catalog.ts';
export { PracticeUnavailableError } from './producer.ts';
export { GeneratedExerciseStore } from './store.ts';

export interface PracticeRequest {
  track: string;
  /** Concept ids, weakest first. The first one with a ready exercise wins. */
  concepts: string[];
  /** Target difficulty 1-10 (default 3). */
  difficulty?: number;
  locale: UiLocale;
}

export interface PracticeProblem {
  exercise: Exercise;
  track: string;
  concept: string;
  source: ExerciseSource;
  /** Model id or template id. */
  origin: string;
  /** True when it was waiting, ready, so the learner did not wait for it. */
  fromReady: boolean;
  /** Something the learner should be told (e.g. the offline fallback and why). */
  notice?: string;
  /** For a template: why it is not a model problem (a code the page words). */
  templateReason?: TemplateReason;
}

export interface PracticeStats {
  requests: number;
  servedFromReady: number;
  /** servedFromReady / requests (1 when there were none). */
  readyShare: number;
  generated: { model: number; template: number };
  /** Model attempts rejected by validation. */
  rejectedAttempts: number;
  /** Dollars of practice model calls made by this service. */
  modelSpendUsd: number;
  /** modelSpendUsd / exercises from a model (undefined when there were none). */
  costPerModelExerciseUsd: number | undefined;
  ready: number;
}

export interface PracticeServiceOptions {
  db: Db;
  catalog: PracticeCatalog;
  /** Runs code in the sandbox (runInSandbox from runner-host in the app). */
  run: RunCode;
  /** The tutor's ClaudeClient; a getter so settings changes take effect; undefined = offline only. */
  client?: () => (PracticeModelClient & { unavailableReason(): ModelCallError | undefined }) | undefined;
  log?: Logger;
  /** Keep one ready per active concept in the background (default true). */
  prefetch?: boolean;
  /** Called when a background job ends (the backend pushes the `jobDone` event). */
  onPrefetched?: (info: { track: string; concept: string; ok: boolean; detail?: string }) => void;
  /** The offline generator's templates (the built-in ones: `practiceTemplates(dir)`). */
  templates: TemplateSet;
  /** Seeds for the offline generator (tests, benches). */
  seed?: () => number;
  now?: () => Date;
}

const DEFAULT_DIFFICULTY = 3;

/** `difficulty`: the learner's level on the concept (the learner model's); default the exercise's. */
export interface LikeOptions {
  track: string;
  locale: UiLocale;
  difficulty?: number;
}

export class PracticeService {
  private readonly options: PracticeServiceOptions;
  private readonly store: GeneratedExerciseStore;
  private readonly prefetcher: Prefetcher;
  private readonly background = new Set<Promise<void>>();
  private readonly counters = { requests: 0, fromReady: 0, model: 0, template: 0, rejected: 0, spend: 0 };

  constructor(options: PracticeServiceOptions) {
    this.options = options;
    this.store = new GeneratedExerciseStore(options.db, options.now);
    this.prefetcher = new Prefetcher((key, error) => {
      const [track = '', concept = ''] = key.split('\u0000');
      if (error) options.log?.warn({ track, concept, err: String(error) }, 'practice prefetch failed');
      options.onPrefetched?.({ track, concept, ok: !error, detail: error ? String(error) : undefined });
    });
  }

  /** The next practice problem for the weakest concept that can have one; ready ones first. */
  async next(request: PracticeRequest): Promise<PracticeProblem> {
    const track = await this.trackOf(request.track);
    const concepts = request.concepts.filter((c) => track.concepts.some((k) => k.id === c));
    if (concepts.length === 0)
      throw new ReasonedError(
        `None of the concepts ${request.concepts.join(', ')} is in track "${track.id}".`,
        {
          code: 'no-concept-in-track',
          params: { concepts: request.concepts.join(', '), track: track.id },
        },
      );
    return this.serve(track, concepts, request.locale, request.difficulty ?? DEFAULT_DIFFICULTY);
  }

  /**
   * Another problem practising the concept of `exercise` (built-in or generated): a ready one on
   * that concept, nearest in difficulty, is "like this" already.
   */
  async moreLike(exercise: Exercise, options: LikeOptions): Promise<PracticeProblem> {
    const track = await this.trackOf(options.track);
    const concept = conceptLike(track, exercise);
    return this.serve(track, [concept], options.locale, options.difficulty ?? exercise.difficulty, exercise);
  }

  /** Prepares one problem like `exercise` in the background (what "More like this" will serve). */
  async prefetchLike(exercise: Exercise, options: LikeOptions): Promise<void> {
    const track = await this.trackOf(options.track);
    const concept = conceptLike(track, exercise);
    await this.prefetch({
      track: track.id,
      concepts: [concept],
      locale: options.locale,
      difficulty: options.difficulty ?? exercise.difficulty,
    });
  }

  /** A ready problem on the first concept that has one, else one made now; then refills them. */
  private async serve(
    track: PracticeTrack,
    concepts: string[],
    locale: UiLocale,
    difficulty: number,
    like?: Exercise,
  ): Promise<PracticeProblem> {
    this.counters.requests += 1;
    try {
      const ready = this.store.takeReady(track.id, concepts, locale, difficulty);
      if (ready) {
        this.counters.fromReady += 1;
        return { ...problemOf(ready), fromReady: true };
      }
      const produced = await this.produce(track, concepts[0] as string, difficulty, locale, like);
      const served = this.store.markServed(produced.stored.exercise.id) ?? produced.stored;
      return { ...problemOf(served), fromReady: false, notice: produced.notice };
    } finally {
      this.inBackground(this.prefetch({ track: track.id, concepts, locale, difficulty }));
    }
  }

  /**
   * Makes sure one exercise is ready for each concept; resolves when the queued work is done.
   * Does nothing when prefetching is off.
   */
  async prefetch(request: PracticeRequest): Promise<void> {
    if (this.options.prefetch === false) return;
    const track = await this.trackOf(request.track);
    const difficulty = request.difficulty ?? DEFAULT_DIFFICULTY;
    for (const concept of request.concepts) {
      if (!track.concepts.some((k) => k.id === concept)) continue;
      if (this.store.readyCount(track.id, concept, request.locale) > 0) continue;
      this.prefetcher.enqueue({
        key: `${track.id}\u0000${concept}\u0000${request.locale}`,
        work: async () => {
          if (this.store.readyCount(track.id, concept, request.locale) > 0) return;
          await this.produce(track, concept, difficulty, request.locale);
        },
      });
    }
    await this.prefetcher.idle();
  }

  /** Resolves when background prefetching has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.all(this.background);
    await this.prefetcher.idle();
  }

  /** Refills started after serving: looking the track up comes before the job is queued. */
  private inBackground(work: Promise<void>): void {
    const tracked: Promise<void> = work.catch(() => {}).finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  stats(): PracticeStats {
    const c = this.counters;
    const ready = this.store.counts().reduce((n, r) => n + r.ready, 0);
    return {
      requests: c.requests,
      servedFromReady: c.fromReady,
      readyShare: c.requests === 0 ? 1 : c.fromReady / c.requests,
      generated: { model: c.model, template: c.template },
      rejectedAttempts: c.rejected,
      modelSpendUsd: c.spend,
      costPerModelExerciseUsd: c.model === 0 ? undefined : c.spend / c.model,
      ready,
    };
  }

  private async produce(
    track: PracticeTrack,
    concept: string,
    difficulty: number,
    locale: UiLocale,
    like?: Exercise,
  ) {
    const produced = await produceExercise(
      { track, concept, difficulty, locale, like },
      {
        store: this.store,
        run: this.options.run,
        client: this.options.client?.(),
        templates: this.options.templates,
        seed: this.options.seed,
      },
    );
    this.counters[produced.stored.source] += 1;
    this.counters.rejected += produced.attempts.filter((a) => !a.report.ok).length;
    this.counters.spend += produced.attempts.reduce((sum, a) => sum + a.costUsd, 0);
    if (produced.notice)
      this.options.log?.info({ track: track.id, concept, notice: produced.notice }, 'practice fallback');
    return produced;
  }

  private async trackOf(trackId: string): Promise<PracticeTrack> {
    const track = await this.options.catalog.track(trackId);
    if (!track)
      throw new ReasonedError(`There is no track "${trackId}".`, {
        code: 'no-track',
        params: { track: trackId },
      });
    return track;
  }
}

/** The concept "More like this" practises: the exercise's first one that the track teaches. */
function conceptLike(track: PracticeTrack, exercise: Exercise): string {
  const concept = exercise.concepts.find((c) => track.concepts.some((k) => k.id === c));
  if (!concept)
    throw new ReasonedError(`Exercise "${exercise.id}" has no concept of track "${track.id}".`, {
      code: 'no-concept-of-exercise',
      params: { lesson: exercise.id, track: track.id },
    });
  return concept;
}

function problemOf(stored: {
  exercise: Exercise;
  track: string;
  concept: string;
  source: ExerciseSource;
  origin: string;
  templateReason?: TemplateReason;
}): Omit<PracticeProblem, 'fromReady'> {
  return {
    exercise: stored.exercise,
    track: stored.track,
    concept: stored.concept,
    source: stored.source,
    origin: stored.origin,
    ...(stored.source === 'template' && stored.templateReason
      ? { templateReason: stored.templateReason }
      : {}),
  };
}
