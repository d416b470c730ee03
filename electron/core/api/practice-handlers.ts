/**
 * Generated practice over the API: "Practise my weak spots", "More like this", the problems the
 * learner has been given, background prefetch, and attempts (recorded through the learner model
 * with the problem's concepts, so mastery and reports treat them like built-in exercises).
 */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import type {
  PracticeProblemView,
  TemplateReason,
  practiceCalls,
} from '../../../shared/api/calls/practice.ts';
import type { StepReason } from '../../../shared/api/calls/learner.ts';
import type { Exercise, LocalizedText, UiLocale } from '../../../shared/content/schema.ts';
import type { PracticeTarget, RecordAttemptInput } from '../learner/learner-model.ts';
import type { ConceptMastery } from '../learner/model-records.ts';
import type { ProgressStore } from '../learner/progress-store.ts';
import type { Logger } from '../logger.ts';
import type { GivenProblems } from '../practice/given.ts';
import type { Verifier } from '../learner/verifier.ts';
import type { GeneratedExerciseStore, PracticeCatalog, PracticeService } from '../practice/index.ts';
import { predictSuccess, ratingFromAuthored } from '../learner/elo.ts';
import { toLessonExercise } from './lesson-exercise.ts';

export interface PracticeDeps {
  practice: PracticeService;
  practiceStore: GeneratedExerciseStore;
  practiceCatalog: PracticeCatalog;
  progress: ProgressStore;
  /** Which problems each learner was given (generated problems are shared, learners are not). */
  givenProblems: GivenProblems;
  profileId: () => number;
  /** The learner's mastery per concept of a track, when the learner model knows the track. */
  conceptMastery: (trackId: string) => Promise<ConceptMastery[] | undefined>;
  /** The learner model's practice targets (concept, difficulty, reason), best first. */
  practiceTargets: (trackId: string) => Promise<PracticeTarget[] | undefined>;
  /** The difficulty (1–10) the learner model asks practice on these concepts for. */
  practiceDifficulty: (trackId: string, concepts: readonly string[]) => Promise<number | undefined>;
  /** Records through the learner model (mastery update). */
  recordPracticeAttempt: (input: RecordAttemptInput) => void;
  /** Re-runs a check against the stored problem's tests: the page's result is only a claim. */
  verifier: Pick<Verifier, 'verify' | 'warm'>;
  log: Logger;
}

/** Concepts "Practise my weak spots" picks at most. */
const WEAK_SPOTS = 3;
/** The difficulty asked for on a track the learner model does not know. */
const FALLBACK_DIFFICULTY = 3;

export function practiceHandlers(deps: PracticeDeps): HandlersFor<typeof practiceCalls> {
  async function trackOf(trackId: string) {
    const track = await deps.practiceCatalog.track(trackId);
    if (!track)
      throw new ReasonedError(`There is no track "${trackId}".`, {
        code: 'no-track',
        params: { track: trackId },
      });
    return track;
  }

  const titleOf = (track: { concepts: { id: string; title: LocalizedText }[] }, concept: string) =>
    track.concepts.find((c) => c.id === concept)?.title;

  /**
   * What the learner model would practise now (due reviews, the weakest concepts, then ones not
   * yet assessed), each at the difficulty that puts the learner mid-band. A track the model does
   * not know starts with its first concepts at the middle of the scale.
   */
  async function weakSpots(
    trackId: string,
  ): Promise<{ concept: string; mastery: number | null; difficulty: number; reason: StepReason }[]> {
    const track = await trackOf(trackId);
    const mastery = new Map(((await deps.conceptMastery(trackId)) ?? []).map((m) => [m.concept, m]));
    const figure = (concept: string) => {
      const m = mastery.get(concept);
      return m && m.evidence > 0 ? m.mastery : null;
    };
    const targets = await deps.practiceTargets(trackId);
    if (targets?.length)
      return targets.slice(0, WEAK_SPOTS).map((t) => ({
        concept: t.concept,
        mastery: figure(t.concept),
        difficulty: t.difficulty,
        reason: t.reason,
      }));
    return track.concepts.slice(0, WEAK_SPOTS).map((c) => ({
      concept: c.id,
      mastery: figure(c.id),
      difficulty: FALLBACK_DIFFICULTY,
      reason: { code: 'next-in-track', concept: c.id },
    }));
  }

  const withReasonTitle = (track: { concepts: { id: string; title: LocalizedText }[] }, r: StepReason) => {
    const conceptTitle = r.concept ? titleOf(track, r.concept) : undefined;
    return { ...r, ...(conceptTitle ? { conceptTitle } : {}) };
  };

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
    const progress = deps.progress.exerciseProgress(deps.profileId(), stored.track, stored.exercise.id);
    const conceptTitle = titleOf(track, stored.concept);
    const reason = await whyThis(stored.track, stored.concept, stored.exercise);
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
      ...(reason ? { reason: withReasonTitle(track, reason) } : {}),
      exercise: toLessonExercise(stored.exercise),
    };
  }

  /**
   * Why the learner is given this problem, as Up next and the weak-spot list say why: the
   * weak-spot reason of its concept, else what the learner model predicts for this problem, or
   * that its concepts are not yet assessed.
   */
  async function whyThis(
    trackId: string,
    concept: string,
    exercise: Exercise,
  ): Promise<StepReason | undefined> {
    const mastery = await deps.conceptMastery(trackId);
    if (!mastery) return undefined;
    const spot = (await deps.practiceTargets(trackId))?.find((t) => t.concept === concept);
    if (spot && (spot.reason.code === 'missed-checks' || spot.reason.code === 'weakest')) return spot.reason;
    const concepts = exercise.concepts.length ? exercise.concepts : [concept];
    const states = concepts.flatMap((c) => mastery.filter((m) => m.concept === c));
    if (!states.some((m) => m.evidence > 0)) return { code: 'practice-first', concept };
    const ability = states.reduce((sum, m) => sum + m.ability, 0) / states.length;
    const percent = Math.round(predictSuccess(ability, ratingFromAuthored(exercise.difficulty)) * 100);
    return { code: 'practice-level', concept, percent };
  }

  const given = (): string[] => deps.givenProblems.list(deps.profileId());
  /** Puts a problem at the top of the learner's list. */
  const give = (id: string): void => deps.givenProblems.give(deps.profileId(), id);

  function stored(id: string) {
    const found = deps.practiceStore.get(id);
    if (!found)
      throw new ReasonedError(`There is no practice problem "${id}".`, {
        code: 'no-practice-problem',
        params: { id },
      });
    return found;
  }

  /** The exercise "More like this" starts from: a track's own, or a generated one. */
  async function exerciseLike(trackId: string, exerciseId: string): Promise<Exercise> {
    const track = await trackOf(trackId);
    const like =
      track.exercises.find((e) => e.id === exerciseId) ?? deps.practiceStore.get(exerciseId)?.exercise;
    if (!like)
      throw new ReasonedError(`There is no exercise "${exerciseId}" in the track "${trackId}".`, {
        code: 'no-lesson',
        params: { track: trackId, lesson: exerciseId },
      });
    return like;
  }

  /** The difficulty "More like this" asks for: the learner's level on the exercise's concepts. */
  const likeDifficulty = (trackId: string, like: Exercise) => deps.practiceDifficulty(trackId, like.concepts);

  async function prefetch(trackId: string, locale: UiLocale, like: Exercise | undefined, weak: boolean) {
    if (like) {
      const difficulty = await likeDifficulty(trackId, like);
      await deps.practice.prefetchLike(like, { track: trackId, locale, ...(difficulty && { difficulty }) });
    }
    if (weak)
      for (const w of await weakSpots(trackId))
        await deps.practice.prefetch({
          track: trackId,
          concepts: [w.concept],
          locale,
          difficulty: w.difficulty,
        });
  }

  return {
    async nextPractice({ trackId, locale, difficulty }) {
      const spots = await weakSpots(trackId);
      const problem = await deps.practice.next({
        track: trackId,
        concepts: spots.map((w) => w.concept),
        locale,
        // The learner model's level for the first spot; a ready problem nearest to it is served.
        difficulty: difficulty ?? spots[0]?.difficulty ?? FALLBACK_DIFFICULTY,
      });
      give(problem.exercise.id);
      return view(problem, problem.fromReady);
    },

    async morePractice({ trackId, exerciseId, locale }) {
      const like = await exerciseLike(trackId, exerciseId);
      const difficulty = await likeDifficulty(trackId, like);
      const problem = await deps.practice.moreLike(like, {
        track: trackId,
        locale,
        ...(difficulty && { difficulty }),
      });
      give(problem.exercise.id);
      return view(problem, problem.fromReady);
    },

    async getPracticeProblem({ id }) {
      const found = stored(id);
      void deps.verifier.warm(found.exercise.language);
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
        weakSpots: (await weakSpots(trackId)).map((w) => ({
          ...withTitle(w),
          reason: withReasonTitle(track, w.reason),
        })),
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
      const verdict = await deps.verifier.verify({
        profileId: profile,
        track: problem.track,
        exercise: problem.exercise,
        kind,
        code,
        claim: { status, testsPassed, testsTotal },
      });
      deps.recordPracticeAttempt({
        profileId: profile,
        track: problem.track,
        exercise: id,
        kind,
        code,
        status: verdict.status,
        testsPassed: verdict.testsPassed,
        testsTotal: verdict.testsTotal,
        timeTakenMs,
        hintsShown: before?.hintsShown ?? 0,
        solutionRevealed: before?.solutionRevealed ?? false,
        generated: true,
        concepts: problem.exercise.concepts,
        difficulty: problem.exercise.difficulty,
      });
      // As in lesson-handlers.ts: an answer shown after a wrong one is a revealed solution.
      if (verdict.reveal && verdict.status !== 'pass' && !before?.solutionRevealed)
        deps.progress.recordSolutionReveal(profile, problem.track, id);
      const after = deps.progress.exerciseProgress(profile, problem.track, id);
      return { solved: after?.completedAt != null, verdict };
    },
  };
}
