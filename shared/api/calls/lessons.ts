/** Lessons: tracks, the lesson view, drafts, attempts, authored hints, solutions, packs. */
import { z } from 'zod';
import { call } from '../define.ts';
import { LessonSummary, TrackSummary } from '../../content/catalog.ts';
import { Concept, ExerciseShape, LocalizedText, QuizChoice, TraceQuestion } from '../../content/schema.ts';
import { Recommendation } from './learner.ts';

/**
 * Why a track, lesson or practice problem could not be opened, worded by the catalogs
 * (`contentErrors.<code>`, with the parameters `track`, `lesson` or `id`).
 */
export const CONTENT_REFUSALS = ['no-track', 'no-lesson', 'no-practice-problem'] as const;
export type ContentRefusal = (typeof CONTENT_REFUSALS)[number];

const trackId = z.string().min(1).max(100);
const exerciseId = z.string().min(1).max(100);
const lessonRef = z.object({ trackId, exerciseId }).strict();

export const TrackCard = TrackSummary.extend({ completed: z.number().int() });
export type TrackCard = z.infer<typeof TrackCard>;

export const TrackOverview = TrackCard.omit({ units: true }).extend({
  concepts: z.array(Concept),
  units: z.array(
    z.object({
      id: z.string(),
      title: LocalizedText,
      lessons: z.array(LessonSummary.extend({ done: z.boolean() })),
    }),
  ),
  /** The recommended exercise (the learner model's next best step), else the first not done. */
  nextUp: z.string().optional(),
  /** The learner model's next best step and why; absent while the model does not know the track. */
  recommendation: Recommendation.optional(),
});
export type TrackOverview = z.infer<typeof TrackOverview>;

/**
 * An exercise as the learner's page gets it: without the reference solution, and without the
 * answers the backend judges (a predict step's output, which quiz choices are right and why, a
 * trace step's value, a parsons step's order). The page sends the learner's answer; the verdict
 * says (decision 0023).
 */
export const LessonExercise = ExerciseShape.omit({
  solution: true,
  hints: true,
  expectedOutput: true,
  choices: true,
  trace: true,
  distractors: true,
}).extend({
  hintCount: z.number().int(),
  choices: z.array(QuizChoice.pick({ text: true })).optional(),
  trace: TraceQuestion.omit({ answer: true }).optional(),
  /** A parsons step's lines, shuffled for this learner, distractors among them: no order, no indentation. */
  parsons: z.object({ lines: z.array(z.string()), indented: z.boolean() }).optional(),
});
export type LessonExercise = z.infer<typeof LessonExercise>;

export const LessonState = z.object({
  checks: z.number().int(),
  failedChecks: z.number().int(),
  hintsShown: z.number().int(),
  solutionRevealed: z.boolean(),
  completed: z.boolean(),
  /** Show solution is offered after three failed checks or when every hint has been shown. */
  solutionAvailable: z.boolean(),
});
export type LessonState = z.infer<typeof LessonState>;

export const OpenedLesson = z.object({
  trackId: z.string(),
  trackTitle: LocalizedText,
  unitTitle: LocalizedText,
  exercise: LessonExercise,
  previous: z.string().optional(),
  next: z.string().optional(),
  /** The learner's autosaved code, when they were here before. */
  draft: z.string().optional(),
  /** Authored hints already shown, in order. */
  hints: z.array(LocalizedText),
  state: LessonState,
  /** The language the track is not written in (a one-language pack): its text is the other one's. */
  untranslated: z.array(z.enum(['en', 'zh'])).optional(),
});
export type OpenedLesson = z.infer<typeof OpenedLesson>;

/**
 * An attempt as the page reports it. `code` is what the learner submitted: their code (run,
 * check), the output they predicted (predict), or the index of the choice they picked (quiz).
 * `status` and the test counts are the page's own result, a hint only: a check, predict or quiz
 * attempt is recorded with the verdict the backend reaches itself (decision 0023). A predict or
 * quiz answer comes without one: the page does not have the answer to judge it by.
 */
export const AttemptReport = lessonRef.extend({
  kind: z.enum(['run', 'check', 'predict', 'quiz']),
  code: z.string().max(1_000_000),
  status: z.enum(['pass', 'fail', 'error', 'timeout']).optional(),
  testsPassed: z.number().int().min(0).default(0),
  testsTotal: z.number().int().min(0).default(0),
  timeTakenMs: z.number().int().min(0).default(0),
});

/** The verdict an attempt was recorded with: the backend's own, not the page's. */
export const RecordedVerdict = z.object({
  status: z.enum(['pass', 'fail', 'error', 'timeout']),
  testsPassed: z.number().int(),
  testsTotal: z.number().int(),
  /** The page's result said pass exactly when the backend found a pass (true when it said nothing). */
  agreed: z.boolean(),
  /** False for runs, which are recorded as the page reports them. */
  verified: z.boolean(),
  /** The backend's sandbox could not run the code; the attempt is recorded as not passing. */
  runnerError: z.string().optional(),
  message: z.string().optional(),
  /**
   * Why the re-check did not pass beyond the tests, as a code the page words (verdict.reason,
   * shared/runner/codes.ts VERDICT_REASON_CODES); `runnerError` and `message` are for the log.
   */
  reason: z.object({ code: z.string(), params: z.record(z.string(), z.string()).optional() }).optional(),
  /**
   * The backend run's error when no test carries it (the tests could not run): the language's
   * type and message, or a code the page words (runner.learnerError).
   */
  error: z
    .object({
      type: z.string(),
      message: z.string(),
      code: z.string().optional(),
      params: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  /** Tests that did not pass in the backend's run; `code` when the message is Lantern's (runner.testMessage). */
  failures: z
    .array(
      z.object({
        name: z.string(),
        message: z.string().optional(),
        code: z.string().optional(),
        params: z.record(z.string(), z.string()).optional(),
      }),
    )
    .optional(),
  /**
   * What the page shows once an answer is judged: what the code really prints (a predict step)
   * or the variable's value at the marked step (a trace step). Never sent before an attempt.
   */
  reveal: z.object({ output: z.string().optional(), value: z.string().optional() }).optional(),
  /**
   * A quiz answer: the authored explanation of the chosen choice, why it is right or wrong. It
   * names no other choice, so a wrong pick does not give the right one away.
   */
  explanation: LocalizedText.optional(),
});
export type RecordedVerdict = z.infer<typeof RecordedVerdict>;

export const RecordedAttempt = LessonState.extend({ verdict: RecordedVerdict });
export type RecordedAttempt = z.infer<typeof RecordedAttempt>;

export const ContentErrorShape = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  field: z.string().optional(),
  /** English for the log; the page words `code` with `params` (packs.problem). */
  message: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const PackSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      kind: z.literal('zip'),
      name: z.string().min(1).max(255),
      /** The zip's bytes, base64 (a file the learner picked in the browser). */
      base64: z.string().max(70_000_000),
    })
    .strict(),
]);

export const lessonCalls = {
  listTracks: call(z.object({}).strict(), z.array(TrackCard)),
  getTrack: call(z.object({ trackId }).strict(), TrackOverview),
  openLesson: call(lessonRef, OpenedLesson),
  /** The learner's record on one lesson alone, for a refresh that needs no exercise or draft. */
  getLessonState: call(lessonRef, LessonState),
  saveDraft: call(lessonRef.extend({ code: z.string().max(1_000_000) }), z.object({ saved: z.boolean() })),
  /** Records an attempt with the backend's own verdict, and answers with it. */
  recordAttempt: call(AttemptReport, RecordedAttempt),
  /** The next authored hint of the ladder; recorded. */
  nextHint: call(
    lessonRef,
    z.object({ hint: LocalizedText.optional(), level: z.number().int(), state: LessonState }),
  ),
  /** The reference solution, once it is offered; recorded. */
  revealSolution: call(lessonRef, z.object({ solution: z.string(), state: LessonState })),
  /**
   * A quiz's right choices and their explanations, once the learner has picked a wrong one (or
   * finished the step). Recorded as a revealed answer, as a shown solution is.
   */
  revealQuizAnswer: call(
    lessonRef,
    z.object({
      right: z.array(z.object({ index: z.number().int(), explanation: LocalizedText })),
      state: LessonState,
    }),
  ),
  /** An explanation step read to the end: marks it done. */
  markRead: call(lessonRef, LessonState),
  /** Active time on task: the page sends this while the learner is active. */
  heartbeat: call(
    z.object({ trackId: trackId.optional(), exerciseId: exerciseId.optional() }).strict(),
    z.object({}),
  ),
  installPack: call(
    z.object({ source: PackSource }).strict(),
    z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        track: TrackSummary,
        warnings: z.array(ContentErrorShape).default([]),
      }),
      z.object({ ok: z.literal(false), errors: z.array(ContentErrorShape) }),
    ]),
  ),
  removePack: call(z.object({ trackId }).strict(), z.object({ removed: z.boolean() })),
  /** The Electron app picks a folder or zip with the system dialog; web mode answers null. */
  choosePackPath: call(z.object({}).strict(), z.object({ path: z.string().nullable() })),
} as const;
