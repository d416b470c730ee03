/** Placement: the diagnostics of a track, and seeding the learner model from their results. */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type { placementCalls } from '../../../shared/api/calls/placement.ts';
import type { Curriculum } from '../curriculum/index.ts';
import type { LearnerModel } from '../learner/learner-model.ts';
import type { Profiles } from '../learner/profiles.ts';
import { LessonNotFoundError } from './lesson-handlers.ts';

export interface PlacementDeps {
  curriculum: Curriculum;
  learnerModel: LearnerModel;
  profiles: Profiles;
  profileId: () => number;
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
        const { solution: _solution, hints, ...exercise } = view.exercise;
        exercises.push({ ...exercise, hintCount: hints.length });
      }
      const profile = deps.profiles.list().find((p) => p.id === deps.profileId());
      return { trackId, exercises, placedAt: profile?.placedAt ?? null };
    },

    async applyPlacement({ trackId, results }) {
      await deps.contentReady;
      const changed = deps.learnerModel.applyPlacement(
        deps.profileId(),
        trackId,
        results.map((r) => ({ exercise: r.exerciseId, passed: r.passed })),
      );
      return { concepts: changed.map((m) => ({ concept: m.concept, mastery: m.mastery })) };
    },
  };
}
