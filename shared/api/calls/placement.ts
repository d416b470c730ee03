/**
 * Placement: a short optional check when a learner starts a track, so someone who already
 * programs does not start at "print hello". A handful of diagnostic exercises; solving one
 * marks its concepts (and what they rest on) as known.
 */
import { z } from 'zod';
import { call } from '../define.ts';
import { LessonExercise } from './lessons.ts';

const trackId = z.string().min(1).max(100);

export const PlacementCheck = z.object({
  trackId: z.string(),
  /** The diagnostics, from the track's first concepts to its last, easy to hard. */
  exercises: z.array(LessonExercise),
  /** When this learner was placed before (epoch ms), if they were. */
  placedAt: z.number().nullable(),
});
export type PlacementCheck = z.infer<typeof PlacementCheck>;

export const placementCalls = {
  getPlacement: call(z.object({ trackId }).strict(), PlacementCheck),
  applyPlacement: call(
    z
      .object({
        trackId,
        results: z
          .array(z.object({ exerciseId: z.string().min(1).max(100), passed: z.boolean() }).strict())
          .min(1)
          .max(20),
      })
      .strict(),
    z.object({
      /** Concepts whose mastery the check moved, with the new estimate (0–1). */
      concepts: z.array(z.object({ concept: z.string(), mastery: z.number() })),
    }),
  ),
} as const;
