/**
 * The JSON progress report a learner exports and a teacher imports: versioned, documented in
 * docs/report-schema.md. A change that an older Lantern could not read gets a new schemaVersion;
 * an older Lantern refuses a newer report with a clear message instead of misreading it.
 */
import { z } from 'zod';
import { LearnerName } from '../../../shared/api/learner-name.ts';
import { issueParams } from '../../../shared/api/field-issues.ts';

/**
 * Control and format characters (zero-width, joiners, direction overrides, BOM) and the other
 * default-ignorable ones that draw nothing (Hangul fillers, variation selectors, soft hyphen).
 */
export const INVISIBLE_IN_ID = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

export const REPORT_FORMAT = 'lantern-progress-report';
/**
 * 2: each concept's mastery is null without evidence, with its last check and confidence.
 * 3: the class the learner joined, their student ID, and examples of their failed checks.
 */
export const REPORT_SCHEMA_VERSION = 3;

/**
 * What one report may hold (docs/report-schema.md, "Limits"). A report is hostile input: each
 * list and string is capped so that a crafted file is refused with the field and the limit, not
 * parsed into whatever memory it asks for. The file itself is capped first (MAX_REPORT_BYTES,
 * shared/api/calls/teacher.ts), then its nesting (MAX_REPORT_DEPTH), then these. Each is far
 * above what a real learner's report reaches: a year of daily practice is about 5,000 attempts.
 */
export const REPORT_LIMITS = {
  attempts: 20_000,
  tracks: 50,
  exercisesPerTrack: 2_000,
  conceptsPerTrack: 500,
  activityDays: 4_000,
  /** Ids of tracks, exercises and concepts; titles; the app's name and version. */
  idChars: 200,
  titleChars: 500,
  appChars: 100,
} as const;
/** At most this many examples, and this many characters of code each. */
export const MAX_ERROR_EXAMPLES = 60;
export const MAX_EXAMPLE_CODE = 2000;

/** A report nests six levels deep (report, tracks, track, concepts, concept, title). */
export const MAX_REPORT_DEPTH = 16;
/**
 * Objects and lists a report may hold: as many as the limits allow (an attempt, a day, an
 * example, a track, each exercise and concept of a track and its title), and a few for the
 * report's own fields. Counted in the text before it is parsed, because parsing makes an object
 * of each: a file of nothing but brackets within MAX_REPORT_BYTES would take over 100 MB.
 */
export const MAX_REPORT_CONTAINERS =
  REPORT_LIMITS.attempts +
  REPORT_LIMITS.activityDays +
  MAX_ERROR_EXAMPLES +
  REPORT_LIMITS.tracks * (2 + 2 * REPORT_LIMITS.exercisesPerTrack + 2 * REPORT_LIMITS.conceptsPerTrack) +
  100;

const text = (max: number) =>
  z.string().max(max, `is longer than ${max} characters, the most a report may have`);
const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max, `has more than ${max} ${what}, the most a report may have`);
const ident = text(REPORT_LIMITS.idChars);

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const title = z.object({ en: text(REPORT_LIMITS.titleChars), zh: text(REPORT_LIMITS.titleChars) });

export const ReportAttempt = z.object({
  at: isoTime,
  track: ident,
  exercise: ident,
  kind: z.enum(['run', 'check', 'predict', 'quiz']),
  status: z.enum(['pass', 'fail', 'error', 'timeout']),
  testsPassed: count,
  testsTotal: count,
  timeTakenMs: count,
  hintsShown: count,
  solutionRevealed: z.boolean(),
  generated: z.boolean(),
});
export type ReportAttempt = z.infer<typeof ReportAttempt>;

export const ReportConcept = z.object({
  id: ident,
  title: title.optional(),
  /** Predicted success on a typical exercise of the concept, 0–1; null without evidence ("not yet assessed"). */
  mastery: z.number().min(0).max(1).nullable(),
  /** Distinct exercises checked that the estimate rests on (re-checks of one count once). */
  evidence: count,
  /** The last checked attempt on the concept; null when there is none (or a migrated report). */
  lastSeen: isoTime.nullable(),
  /** From `evidence`: none (0), low (1–2), medium (3–7), high (8 and more). */
  confidence: z.enum(['none', 'low', 'medium', 'high']),
});
export type ReportConcept = z.infer<typeof ReportConcept>;

export const ReportExercise = z.object({
  id: ident,
  title: title.optional(),
  completedAt: isoTime.nullable(),
  runs: count,
  checks: count,
  passes: count,
  hintsShown: count,
  solutionRevealed: z.boolean(),
  activeMs: count,
});

export const ReportTrack = z.object({
  id: ident,
  title: title.optional(),
  /** Exercises in the track (all types), for a completion percentage. 0 when unknown. */
  exercisesTotal: count,
  concepts: list(ReportConcept, REPORT_LIMITS.conceptsPerTrack, 'concepts'),
  exercises: list(ReportExercise, REPORT_LIMITS.exercisesPerTrack, 'exercises'),
});
export type ReportTrack = z.infer<typeof ReportTrack>;

export const ReportSignature = z.object({
  algorithm: z.literal('Ed25519'),
  /** SubjectPublicKeyInfo (DER), base64. */
  publicKey: text(200),
  /** Signature over the canonical JSON of the report without `signature`, base64. */
  value: text(200),
});

export const ReportClass = z.object({
  /** The class id of the enrolment (8 characters of base32); a class's reports always have it. */
  id: z
    .string()
    .regex(/^[0-9A-HJKMNP-TV-Z]{8}$/)
    .optional(),
  name: z.string().min(1).max(200),
  /** Fingerprint of the teacher's public key the enrolment carried. */
  teacherKey: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
});

/**
 * A failed check: its kind (`error` the program raised an error, `timeout` it ran too long,
 * `fail` it ran but a test failed) and the code, cut to MAX_EXAMPLE_CODE characters.
 */
export const ReportErrorExample = z.object({
  at: isoTime,
  track: ident,
  exercise: ident,
  kind: z.enum(['error', 'timeout', 'fail']),
  code: z.string().max(MAX_EXAMPLE_CODE),
});
export type ReportErrorExample = z.infer<typeof ReportErrorExample>;

export const ProgressReport = z.object({
  format: z.literal(REPORT_FORMAT),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  exportedAt: isoTime,
  app: z.object({ name: text(REPORT_LIMITS.appChars), version: text(REPORT_LIMITS.appChars) }),
  learner: z.object({
    /** 1–80 characters, no control, direction or invisible ones (shared/api/learner-name.ts). */
    name: LearnerName,
    profileCreatedAt: text(40),
    /**
     * The student ID or school e-mail the learner gave when joining a class: what the class and an
     * LMS gradebook recognise them by. Absent before they join one (and in older reports). Schema 3.
     */
    studentId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      // Invisible and direction characters would make "S-1001\u200b" a second learner who reads
      // exactly like the first, in the class view and in the gradebook.
      .refine((s) => !INVISIBLE_IN_ID.test(s), {
        message: 'contains invisible or control characters',
        ...issueParams('invisible-characters'),
      })
      .optional(),
  }),
  /** The class the learner joined, from its enrolment (schema 3). */
  class: ReportClass.optional(),
  summary: z.object({
    exercisesCompleted: count,
    attempts: count,
    checks: count,
    activeMs: count,
    hintsShown: count,
    solutionsRevealed: count,
    streakDays: count,
    firstActiveAt: isoTime.nullable(),
    lastActiveAt: isoTime.nullable(),
  }),
  tracks: list(ReportTrack, REPORT_LIMITS.tracks, 'tracks'),
  activity: list(
    z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), activeMs: count, attempts: count }),
    REPORT_LIMITS.activityDays,
    'days',
  ),
  attempts: list(ReportAttempt, REPORT_LIMITS.attempts, 'attempts'),
  /** Only in a report for a class: the code of a few failed checks, for the teacher (schema 3). */
  errorExamples: list(ReportErrorExample, MAX_ERROR_EXAMPLES, 'examples').optional(),
  signature: ReportSignature.optional(),
});
export type ProgressReport = z.infer<typeof ProgressReport>;
