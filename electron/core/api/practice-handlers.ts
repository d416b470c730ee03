/**
 * Generated practice over the API: "Practise my weak spots", "More like this", the problems the
 * learner has been given, background prefetch, and attempts (recorded through the learner model
 * with the problem's concepts, so mastery and reports treat them like built-in exercises).
 */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type {
  PracticeProblemView,
  TemplateReason,
  practiceCalls,
} from '../../../shared/api/calls/practice.ts';
import type { Exercise, LocalizedText, UiLocale } from '../../../shared/content/schema.ts';
import type { RecordAttemptInput } from '../learner/learner-model.ts';
import type { ConceptMastery } from '../learner/model-records.ts';
import type { ProgressStore } from '../learner/progress-store.ts';
import type { Logger } from '../logger.ts';
import type { SettingsStore } from '../store/settings.ts';
import type { GeneratedExerciseStore, PracticeCatalog, PracticeService } from '../practice/index.ts';

export interface PracticeDeps {
  practice: PracticeService;
  practiceStore: GeneratedExerciseStore;
  practiceCatalog: PracticeCatalog;
  progress: ProgressStore;
  /** Keeps which problems each learner was given (generated problems are shared, learners are not). */
  settings: SettingsStore;
  profileId: () => number;
  /** The learner's mastery per concept of a track, when the learner model knows the track. */
  conceptMastery: (trackId: string) => Promise<ConceptMastery[] | undefined>;
  /** Records through the learner model (mastery update). */
  recordPracticeAttempt: (input: RecordAttemptInput) => void;
  log: Logger;
}

/** Concepts "Practise my weak spots" picks at most. */
const WEAK_SPOTS = 3;
/** Mastery (0..1) from which a concept no longer counts as a weak spot. */
const WEAK_BELOW = 0.8;
/** Problems kept in a learner's list. */
const LIST_LENGTH = 50;

export function practiceHandlers(deps: PracticeDeps): HandlersFor<typeof practiceCalls> {
  async function trackOf(trackId: string) {
    const track = await deps.practiceCatalog.track(trackId);
    if (!track) throw new Error(`There is no track "${trackId}".`);
    return track;
  }

  const titleOf = (track: { concepts: { id: string; title: LocalizedText }[] }, concept: string) =>
    track.concepts.find((c) => c.id === concept)?.title;

  /**
   * The weakest concepts the learner has practised; a learner with no record yet starts with the
   * track's first concepts (its order is the teaching order), not with ones they never met.
   */
  async function weakSpots(trackId: string): Promise<{ concept: string; mastery: number }[]> {
    const track = await trackOf(trackId);
    const mastery = (await deps.conceptMastery(trackId)) ?? [];
    const practised = mastery
      .filter((m) => m.evidence > 0 && m.mastery < WEAK_BELOW)
      .sort((a, b) => a.mastery - b.mastery)
      .map((m) => ({ concept: m.concept, mastery: m.mastery }));
    if (practised.length > 0) return practised.slice(0, WEAK_SPOTS);
    const byConcept = new Map(mastery.map((m) => [m.concept, m.mastery]));
    return track.concepts
      .slice(0, WEAK_SPOTS)
      .map((c) => ({ concept: c.id, mastery: byConcept.get(c.id) ?? 0 }));
  }

  async function view(
    stored: {
      exercise: Exercise;
      track: string;
      concept: string;
      source: 'model' | 'template';
      templateReason?: TemplateReason;
    },
    fromReady: boolean,
  ): Promise<PracticeProblemView> {
    const track = await trackOf(stored.track);
    const { solution: _solution, hints, ...exercise } = stored.exercise;
    const progress = deps.progress.exerciseProgress(deps.profileId(), stored.track, stored.exercise.id);
    const conceptTitle = titleOf(track, stored.concept);
    return {
      id: stored.exercise.id,
      trackId: stored.track,
      concept: stored.concept,
      ...(conceptTitle ? { conceptTitle } : {}),
      source: stored.source,
      fromReady,
      ...(stored.source === 'template' && stored.templateReason
        ? { templateReason: stored.templateReason }
        : {}),
      solved: progress?.completedAt != null,
      exercise: { ...exercise, hintCount: hints.length },
    };
  }

  const givenKey = () => `practice.given.${deps.profileId()}`;
  const given = (): string[] => deps.settings.get<string[]>(givenKey()) ?? [];
  /** Puts a problem at the top of the learner's list. */
  function give(id: string): void {
    deps.settings.set(givenKey(), [id, ...given().filter((g) => g !== id)].slice(0, LIST_LENGTH));
  }

  function stored(id: string) {
    const found = deps.practiceStore.get(id);
    if (!found) throw new Error(`There is no practice problem "${id}".`);
    return found;
  }

  /** The exercise "More like this" starts from: a track's own, or a generated one. */
  async function exerciseLike(trackId: string, exerciseId: string): Promise<Exercise> {
    const track = await trackOf(trackId);
    const like =
      track.exercises.find((e) => e.id === exerciseId) ?? deps.practiceStore.get(exerciseId)?.exercise;
    if (!like) throw new Error(`There is no exercise "${exerciseId}" in the track "${trackId}".`);
    return like;
  }

  async function prefetch(trackId: string, locale: UiLocale, like: Exercise | undefined, weak: boolean) {
    if (like) await deps.practice.prefetchLike(like, { track: trackId, locale });
    if (weak) {
      const concepts = (await weakSpots(trackId)).map((w) => w.concept);
      await deps.practice.prefetch({ track: trackId, concepts, locale });
    }
  }

  return {
    async nextPractice({ trackId, locale, difficulty }) {
      const concepts = (await weakSpots(trackId)).map((w) => w.concept);
      const problem = await deps.practice.next({
        track: trackId,
        concepts,
        locale,
        ...(difficulty ? { difficulty } : {}),
      });
      give(problem.exercise.id);
      return view(problem, problem.fromReady);
    },

    async morePractice({ trackId, exerciseId, locale }) {
      const like = await exerciseLike(trackId, exerciseId);
      const problem = await deps.practice.moreLike(like, { track: trackId, locale });
      give(problem.exercise.id);
      return view(problem, problem.fromReady);
    },

    async getPracticeProblem({ id }) {
      const found = stored(id);
      const served = found.servedAt ? found : (deps.practiceStore.markServed(id) ?? found);
      give(id);
      return view(served, false);
    },

    async listPractice({ trackId, locale }) {
      const track = await trackOf(trackId);
      const profile = deps.profileId();
      const done = new Set(deps.progress.completedExercises(profile, trackId));
      const withTitle = <T extends { concept: string }>(x: T) => {
        const conceptTitle = titleOf(track, x.concept);
        return { ...x, ...(conceptTitle ? { conceptTitle } : {}) };
      };
      return {
        problems: given()
          .flatMap((id) => {
            const s = deps.practiceStore.get(id);
            return s?.track === trackId ? [s] : [];
          })
          .map((s) =>
            withTitle({
              id: s.exercise.id,
              trackId,
              concept: s.concept,
              title: s.exercise.title,
              difficulty: s.exercise.difficulty,
              source: s.source,
              solved: done.has(s.exercise.id),
            }),
          ),
        waiting: deps.practiceStore.waiting(trackId, locale).map(withTitle),
        weakSpots: (await weakSpots(trackId)).map(withTitle),
      };
    },

    async prefetchPractice({ trackId, locale, exerciseId, weakSpots: weak }) {
      await trackOf(trackId);
      const like = exerciseId ? await exerciseLike(trackId, exerciseId) : undefined;
      // In the background: the page learns of each ready problem through `jobDone`.
      prefetch(trackId, locale, like, weak).catch((err: unknown) =>
        deps.log.warn({ track: trackId, err: String(err) }, 'practice prefetch failed'),
      );
      return { queued: true };
    },

    async recordPracticeAttempt({ id, kind, code, status, testsPassed, testsTotal, timeTakenMs }) {
      const problem = stored(id);
      const profile = deps.profileId();
      const before = deps.progress.exerciseProgress(profile, problem.track, id);
      deps.recordPracticeAttempt({
        profileId: profile,
        track: problem.track,
        exercise: id,
        kind,
        code,
        status,
        testsPassed,
        testsTotal,
        timeTakenMs,
        hintsShown: before?.hintsShown ?? 0,
        solutionRevealed: before?.solutionRevealed ?? false,
        generated: true,
        concepts: problem.exercise.concepts,
        difficulty: problem.exercise.difficulty,
      });
      const after = deps.progress.exerciseProgress(profile, problem.track, id);
      return { solved: after?.completedAt != null };
    },
  };
}
