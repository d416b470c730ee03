/**
 * What the curriculum shows the app: track summaries for the picker, a track's outline for the
 * overview, and one lesson ready for the lesson view. Schemas, so the API contract can use them.
 */
import { z } from 'zod';
import { Concept, Exercise, ExerciseType, Language, LocalizedText } from './schema.ts';

export const TrackSummary = z.object({
  id: z.string(),
  title: LocalizedText,
  description: LocalizedText,
  language: Language,
  units: z.number().int(),
  lessons: z.number().int(),
  /** Shipped with Lantern, or added by a teacher as a pack (removable). */
  source: z.enum(['builtin', 'pack']),
  /** The language the text is not written in: `['zh']` English only, `['en']` Chinese only. */
  untranslated: z.array(z.enum(['en', 'zh'])).optional(),
});
export type TrackSummary = z.infer<typeof TrackSummary>;

export const LessonSummary = z.object({
  id: z.string(),
  title: LocalizedText,
  type: ExerciseType,
  concepts: z.array(z.string()),
  difficulty: z.number().int(),
});
export type LessonSummary = z.infer<typeof LessonSummary>;

export const TrackOutline = TrackSummary.extend({
  concepts: z.array(Concept),
  units: z.array(z.object({ id: z.string(), title: LocalizedText, lessons: z.array(LessonSummary) })),
});
export type TrackOutline = z.infer<typeof TrackOutline>;

/** One lesson with where it sits: its track and unit, and the lessons before and after it. */
export const LessonView = z.object({
  trackId: z.string(),
  unitId: z.string(),
  exercise: Exercise,
  previous: z.string().optional(),
  next: z.string().optional(),
});
export type LessonView = z.infer<typeof LessonView>;
