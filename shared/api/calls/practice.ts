/**
 * Generated practice: "Practise my weak spots" (the weakest concepts from the learner's records),
 * "More like this" on an exercise, the problems waiting for the learner, and attempts on them.
 * Every problem here was run and checked before it was stored; none carries its solution.
 */
import { z } from 'zod';
import { call } from '../define.ts';
import { Locale } from './app.ts';
import { LessonExercise, RecordedVerdict } from './lessons.ts';
import { LocalizedText } from '../../content/schema.ts';
import { StepReason } from './learner.ts';

const trackId = z.string().min(1).max(100);

/**
 * Why a problem came from the offline templates instead of the model: Claude not set up, the key
 * refused, no network, rate-limited, the month's budget spent, every model answer refused by
 * Lantern's checks, or another API error. The page words it from the catalogs.
 */
export const TemplateReason = z.enum([
  'no-key',
  'key-refused',
  'offline',
  'rate-limited',
  'budget',
  'refused',
  'api-error',
]);
export type TemplateReason = z.infer<typeof TemplateReason>;
const problemId = z.string().min(1).max(200);

export const PracticeProblemView = z.object({
  id: z.string(),
  trackId: z.string(),
  concept: z.string(),
  conceptTitle: LocalizedText.optional(),
  /** model: written by Claude; template: made offline from a template. */
  source: z.enum(['model', 'template']),
  /** It was prepared in advance, so the learner did not wait. */
  fromReady: z.boolean(),
  /** For a template: why it is not a model problem. */
  templateReason: TemplateReason.optional(),
  solved: z.boolean(),
  /**
   * Why this problem: the weak-spot reason when its concept is one ("missed checks"), else the
   * learner's predicted success on it (practice-level), or practice-first when nothing checked
   * assesses its concepts yet. Absent on a track the learner model does not know.
   */
  reason: StepReason.optional(),
  exercise: LessonExercise,
});
export type PracticeProblemView = z.infer<typeof PracticeProblemView>;

export const PracticeSummary = z.object({
  id: z.string(),
  trackId: z.string(),
  concept: z.string(),
  conceptTitle: LocalizedText.optional(),
  title: LocalizedText,
  difficulty: z.number().int(),
  source: z.enum(['model', 'template']),
  solved: z.boolean(),
});
export type PracticeSummary = z.infer<typeof PracticeSummary>;

export const PracticeList = z.object({
  /** Problems the learner has been given, newest first. */
  problems: z.array(PracticeSummary),
  /** Problems prepared in the background and waiting, per concept. */
  waiting: z.array(
    z.object({ concept: z.string(), conceptTitle: LocalizedText.optional(), count: z.number() }),
  ),
  /**
   * The concepts "Practise my weak spots" would pick now, best first (due reviews, weakest, not
   * yet assessed), each with the difficulty it is asked for and why; mastery null = not assessed.
   */
  weakSpots: z.array(
    z.object({
      concept: z.string(),
      conceptTitle: LocalizedText.optional(),
      mastery: z.number().nullable(),
      difficulty: z.number().int().min(1).max(10),
      reason: StepReason,
    }),
  ),
});
export type PracticeList = z.infer<typeof PracticeList>;

export const practiceCalls = {
  /** "Practise my weak spots": the next problem for the learner's weakest concepts. */
  nextPractice: call(
    z.object({ trackId, locale: Locale, difficulty: z.number().int().min(1).max(10).optional() }).strict(),
    PracticeProblemView,
  ),
  /** "More like this": a fresh problem on the concepts of an exercise (built-in or generated). */
  morePractice: call(
    z.object({ trackId, exerciseId: problemId, locale: Locale }).strict(),
    PracticeProblemView,
  ),
  getPracticeProblem: call(z.object({ id: problemId }).strict(), PracticeProblemView),
  listPractice: call(z.object({ trackId, locale: Locale }).strict(), PracticeList),
  /**
   * Starts preparing problems in the background: one per weak concept (unless `weakSpots` is
   * false), and one like `exerciseId` (what its "More like this" will serve). `jobDone` says when
   * each is ready.
   */
  prefetchPractice: call(
    z
      .object({
        trackId,
        locale: Locale,
        exerciseId: problemId.optional(),
        weakSpots: z.boolean().default(true),
      })
      .strict(),
    z.object({ queued: z.boolean() }),
  ),
  recordPracticeAttempt: call(
    z
      .object({
        id: problemId,
        kind: z.enum(['run', 'check']),
        code: z.string().max(1_000_000),
        /** The page's own result, a hint only: a check is recorded with the backend's verdict. */
        status: z.enum(['pass', 'fail', 'error', 'timeout']),
        testsPassed: z.number().int().min(0).default(0),
        testsTotal: z.number().int().min(0).default(0),
        timeTakenMs: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ solved: z.boolean(), verdict: RecordedVerdict }),
  ),
} as const;
