/**
 * The teacher's page: classes made of learners' imported progress reports, the class overview,
 * one learner's drill-down, and the gradebook CSV.
 */
import { z } from 'zod';
import { call } from '../define.ts';
import { LocalizedText } from '../../content/schema.ts';
import { ExportedFile } from './progress.ts';
import { Confidence } from './learner.ts';
import { NameProblem } from '../learner-name.ts';
import { FieldIssue } from '../field-issues.ts';

const count = z.number().int().min(0);
const classId = z.number().int().positive();
/** A learner is known by their report's signing key (or, unsigned, by name). */
const learnerKey = z.string().min(1).max(200);

/**
 * Why a class action was refused: the code a ClassError carries, worded by the page's catalogs
 * (`classroom.errors.<code>`).
 */
export const CLASS_REFUSALS = [
  'too-many-files',
  'class-name-empty',
  'class-name-taken',
  'class-missing',
  'no-teacher-key',
  'learner-gone',
  'report-not-waiting',
] as const;
export type ClassRefusal = (typeof CLASS_REFUSALS)[number];

export const ClassSummary = z.object({ id: classId, name: z.string(), learners: count });
export type ClassSummary = z.infer<typeof ClassSummary>;

/**
 * One report file, in UTF-8 bytes. Exported with indentation a report takes about 340 bytes per
 * run or check, so one at the schema's limit of 20,000 attempts (REPORT_LIMITS) is some 7 MB:
 * the cap leaves room for that, and a larger file is refused before it is read or parsed
 * (docs/report-schema.md, "Limits"; decision 0052).
 */
export const MAX_REPORT_BYTES = 12_000_000;
/**
 * The page sends report files in requests of at most this many bytes: any report under
 * MAX_REPORT_BYTES fits one, escaped into JSON (which adds about an eighth). Web mode's request
 * body cap follows it.
 */
export const MAX_IMPORT_BATCH_BYTES = 16_000_000;
/** Report files in one import: a few classes of learners, each with a report or two. */
export const MAX_IMPORT_FILES = 1000;

export const ReportText = z.object({ name: z.string().min(1).max(1000), text: z.string() });

/**
 * Why a file is not a readable report (status bad-file), for the page to word: not JSON (and
 * where it stops being JSON), not an object, nested too deep (where), not a Lantern report, or
 * the report's own fields (the first few, each with its path and the limit it broke).
 */
export const ReportFileProblem = z.discriminatedUnion('code', [
  z.object({ code: z.literal('not-json'), line: count, column: count }),
  z.object({ code: z.literal('not-object') }),
  z.object({ code: z.literal('too-deep'), field: z.string(), max: count }),
  z.object({ code: z.literal('not-report') }),
  z.object({ code: z.literal('fields'), issues: z.array(FieldIssue).min(1) }),
]);
export type ReportFileProblem = z.infer<typeof ReportFileProblem>;

/**
 * What happened to one imported file. `imported` and `replaced` were merged into the class
 * (`replaced`: an older report of the same learner was swapped out); `rejected` was not.
 * `status` says why: the signature check, or the problem with the file.
 */
export const ImportOutcome = z.object({
  file: z.string(),
  /** held: signed by a key this learner's row does not have; waits for the teacher (classes.ts). */
  result: z.enum(['imported', 'replaced', 'rejected', 'held']),
  /** future: exported later than this computer's clock allows (more than 5 minutes ahead). */
  status: z.enum([
    'verified',
    'unsigned',
    'edited',
    'bad-file',
    'duplicate',
    'older',
    'newer-schema',
    'future',
    'other-key',
    'other-class',
    'bad-name',
    'too-large',
  ]),
  learner: z.string().optional(),
  exportedAt: z.string().optional(),
  /** The schema version a newer-schema file declares. */
  schemaVersion: z.number().optional(),
  /** bad-file: what is wrong with the file and where. */
  problem: ReportFileProblem.optional(),
  /** other-class: the class the report names. */
  detail: z.string().optional(),
  /** bad-name: what is wrong with `learner.name` (the name itself is not echoed). */
  nameProblem: NameProblem.optional(),
  /** too-large: the file's size in bytes, and the most a report may have (MAX_REPORT_BYTES). */
  size: count.optional(),
  max: count.optional(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ClassConcept = z.object({
  track: z.string(),
  trackTitle: LocalizedText.optional(),
  concept: z.string(),
  title: LocalizedText.optional(),
});

export const ClassLearnerRow = z.object({
  key: learnerKey,
  name: z.string(),
  /** The student ID or e-mail the learner joined the class with; null for older reports. */
  studentId: z.string().nullable().optional(),
  verification: z.enum(['verified', 'unsigned']),
  exportedAt: z.string(),
  lastActiveAt: z.string().nullable(),
  exercisesCompleted: count,
  exercisesTotal: count,
  activeMs: count,
  hintsShown: count,
  solutionsRevealed: count,
  /**
   * Mastery 0–1 per concept of `concepts`, in the same order; null where the report has no
   * figure (the concept is not yet assessed, or not in the learner's report).
   */
  mastery: z.array(z.number().nullable()),
});
export type ClassLearnerRow = z.infer<typeof ClassLearnerRow>;

export const ClassOverview = z.object({
  id: classId,
  name: z.string(),
  concepts: z.array(ClassConcept),
  learners: z.array(ClassLearnerRow),
});
export type ClassOverview = z.infer<typeof ClassOverview>;

export const LearnerDetail = z.object({
  key: learnerKey,
  name: z.string(),
  verification: z.enum(['verified', 'unsigned']),
  exportedAt: z.string(),
  summary: z.object({
    exercisesCompleted: count,
    attempts: count,
    activeMs: count,
    hintsShown: count,
    solutionsRevealed: count,
    streakDays: count,
    lastActiveAt: z.string().nullable(),
  }),
  tracks: z.array(
    z.object({
      id: z.string(),
      title: LocalizedText.optional(),
      exercisesTotal: count,
      /** mastery null: not yet assessed; lastSeen: ISO time of the last checked attempt. */
      concepts: z.array(
        z.object({
          id: z.string(),
          title: LocalizedText.optional(),
          mastery: z.number().nullable(),
          evidence: count,
          lastSeen: z.string().nullable(),
          confidence: Confidence,
        }),
      ),
      exercises: z.array(
        z.object({
          id: z.string(),
          title: LocalizedText.optional(),
          completedAt: z.string().nullable(),
          checks: count,
          hintsShown: count,
          solutionRevealed: z.boolean(),
          activeMs: count,
        }),
      ),
    }),
  ),
});
export type LearnerDetail = z.infer<typeof LearnerDetail>;

const inClass = z.object({ classId }).strict();

/** Gradebook shapes: a plain CSV, Canvas's and Moodle's grade imports, xAPI statements for an LRS. */
export const GradebookFormat = z.enum(['generic', 'canvas', 'moodle', 'xapi']);
export type GradebookFormat = z.infer<typeof GradebookFormat>;
/** One score column per exercise, or per unit. */
export const GradebookScores = z.enum(['exercises', 'units']);
export type GradebookScores = z.infer<typeof GradebookScores>;

/**
 * What the export could not do as asked, so that no learner is dropped silently:
 * no-student-id (left out of an LMS file, or with a blank ID), two learners with one ID (both
 * left out), Moodle rows needing the other identifier, unsigned reports, a track whose course
 * is not installed (no units), xAPI accounts on the placeholder home page.
 */
export const GradebookWarning = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no-student-id'), names: z.array(z.string()), leftOut: z.boolean() }),
  z.object({ code: z.literal('duplicate-student-id'), studentId: z.string(), names: z.array(z.string()) }),
  z.object({
    code: z.literal('moodle-other-identifier'),
    matchBy: z.enum(['email', 'idnumber']),
    names: z.array(z.string()),
  }),
  z.object({ code: z.literal('unsigned'), names: z.array(z.string()) }),
  z.object({ code: z.literal('course-missing'), track: z.string() }),
  z.object({ code: z.literal('default-home-page'), homePage: z.string() }),
]);
export type GradebookWarning = z.infer<typeof GradebookWarning>;

export const GradebookFile = ExportedFile.extend({ warnings: z.array(GradebookWarning) });
export type GradebookFile = z.infer<typeof GradebookFile>;

export const teacherCalls = {
  listClasses: call(z.object({}).strict(), z.array(ClassSummary)),
  createClass: call(z.object({ name: z.string().trim().min(1).max(80) }).strict(), ClassSummary),
  deleteClass: call(inClass, z.object({ deleted: z.boolean() })),
  importReports: call(
    z.object({ classId, files: z.array(ReportText).min(1).max(MAX_IMPORT_FILES) }).strict(),
    z.object({ outcomes: z.array(ImportOutcome) }),
  ),
  getClassOverview: call(inClass, ClassOverview),
  getClassLearner: call(z.object({ classId, learnerKey }).strict(), LearnerDetail),
  removeClassLearner: call(z.object({ classId, learnerKey }).strict(), z.object({ removed: z.boolean() })),
  exportGradebook: call(
    z
      .object({
        classId,
        format: GradebookFormat.default('generic'),
        scores: GradebookScores.default('exercises'),
        locale: z.enum(['en', 'zh']).default('en'),
        /** xAPI: the school's home page for learner accounts and activity IRIs. */
        homePage: z.httpUrl().optional(),
      })
      .strict(),
    GradebookFile,
  ),
} as const;
