/** Placement: the diagnostics of a track, and seeding the learner model from their results. */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type { placementCalls } from '../../../shared/api/calls/placement.ts';
import type { Curriculum } from '../curriculum/index.ts';
import type { LearnerModel } from '../learner/learner-model.ts';
import type { Profiles } from '../learner/profiles.ts';
import type { ProgressStore } from '../learner/progress-store.ts';
import type { Logger } from '../logger.ts';
import type { Verifier } from '../learner/verifier.ts';
import { LessonNotFoundError } from './lesson-handlers.ts';
import { toLessonExercise } from './lesson-exercise.ts';

export interface PlacementDeps {
  curriculum: Curriculum;
  learnerModel: LearnerModel;
  profiles: Profiles;
  profileId: () => number;
  progress: ProgressStore;
  log: Logger;
  /** Each diagnostic's Check is re-run by the backend: its runtime is started when the check opens. */
  verifier: Pick<Verifier, 'warm'>;
  /** The learner model needs the tracks' concept graphs, loaded in the background. */
  contentReady: Promise<unknown>;
}

export function placementHandlers(deps: PlacementDeps): HandlersFor<typeof placementCalls> {
  return {
    async getPlacement({ trackId }) {
      await deps.contentReady;
      if (!(await deps.curriculum.track(trackId))) throw new LessonNotFoundError(trackId);
      const ids = deps.learnerModel.placementExercises(trackId);
      const exercises = [];
      for (const id of ids) {
        const view = await deps.curriculum.exercise(trackId, id);
        if (!view) continue;
        exercises.push(toLessonExercise(view.exercise));
      }
      if (exercises[0]) void deps.verifier.warm(exercises[0].language);
      const profile = deps.profiles.list().find((p) => p.id === deps.profileId());
      return { trackId, exercises, placedAt: profile?.placedAt ?? null };
    },

    async applyPlacement({ trackId, results }) {
      await deps.contentReady;
      const profile = deps.profileId();
      const diagnostics = new Set(deps.learnerModel.placementExercises(trackId));
      // The page's `passed` is a claim: the model reads each diagnostic's outcome from the checks
      // the backend verified and recorded, and a skipped one is no evidence (decision 0023). The
      // claim can only withhold a solve the records show, never make one.
      const shown = results.filter((r) => diagnostics.has(r.exerciseId));
      for (const r of results) {
        const outcome = diagnostics.has(r.exerciseId)
          ? deps.learnerModel.placementOutcome(profile, trackId, r.exerciseId)
          : 'not a diagnostic';
        if (r.passed && outcome !== 'solved')
          deps.log.warn(
            { profile, track: trackId, exercise: r.exerciseId, claimed: r.passed, found: outcome },
            'placement result disagrees with the recorded checks',
          );
      }
      const verified = shown.map((r) => ({ exercise: r.exerciseId, passed: r.passed }));
      const changed = deps.learnerModel.applyPlacement(profile, trackId, verified);
      return { concepts: changed.map((m) => ({ concept: m.concept, mastery: m.mastery })) };
    },
  };
}
