/**
 * A class a learner joins (decision 0040): the teacher's enrolment file and code, the reports a
 * learner's pinned key did not sign (held until the teacher decides), the class view per track;
 * and the learner's side: joining with a file or code and a student ID.
 */
import { z } from 'zod';
import { FieldIssue } from '../field-issues.ts';
import { call } from '../define.ts';
import { LocalizedText } from '../../content/schema.ts';
import { ExportedFile } from './progress.ts';
import { ImportOutcome } from './teacher.ts';

const count = z.number().int().min(0);
const classId = z.number().int().positive();
const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i);
const day = z.iso.date();

export const AssignedUnit = z.object({ track: slug, unit: slug, due: day.nullable() }).strict();
export type AssignedUnit = z.infer<typeof AssignedUnit>;

export const ClassEnrolment = z.object({
  classId,
  className: z.string(),
  /** The class's id inside the enrolment and the learners' reports. */
  classCode: z.string(),
  /** What a learner types to join: LNT-XXXXX-…. */
  enrolmentCode: z.string(),
  units: z.array(AssignedUnit),
  file: ExportedFile,
});
export type ClassEnrolment = z.infer<typeof ClassEnrolment>;

/** A report signed by a key its learner's row does not have: the teacher accepts or rejects it. */
export const HeldReport = z.object({
  id: z.number().int(),
  learnerKey: z.string(),
  /** The learner it claims to be, as the class knows them. */
  name: z.string(),
  /** The name inside the held report. */
  reportName: z.string(),
  studentId: z.string().nullable(),
  file: z.string(),
  exportedAt: z.string(),
  /** Fingerprint of the key that signed it; empty when the report is unsigned. */
  key: z.string(),
  /** Fingerprints of the keys accepted for this learner so far. */
  knownKeys: z.array(z.string()),
});
export type HeldReport = z.infer<typeof HeldReport>;

const flag = z.union([z.literal(0), z.literal(1)]);

/**
 * One learner's work on one exercise, null in the matrix where they have not started it:
 * [done, checks, failed checks, hints, solution shown, active ms], done and shown as 1 or 0.
 * A tuple rather than an object because a class of 300 learners has some 12,000 cells: as
 * objects their keys were most of the view's 1.2 MB of JSON, which the page parsed before it
 * drew a row. `readCell` names the fields.
 */
export const MatrixCell = z.tuple([flag, count, count, count, flag, count]);
export type MatrixCell = z.infer<typeof MatrixCell>;

export interface MatrixCellFields {
  done: boolean;
  checks: number;
  failedChecks: number;
  hints: number;
  revealed: boolean;
  activeMs: number;
}

/** A cell's fields by name. */
export function readCell(cell: MatrixCell): MatrixCellFields {
  const [done, checks, failedChecks, hints, revealed, activeMs] = cell;
  return { done: done === 1, checks, failedChecks, hints, revealed: revealed === 1, activeMs };
}

export const ErrorKind = z.enum(['error', 'timeout', 'fail']);
export type ErrorKind = z.infer<typeof ErrorKind>;

export const ClassView = z.object({
  id: classId,
  name: z.string(),
  tracks: z.array(z.object({ id: z.string(), title: LocalizedText.optional(), learners: count })),
  /** The track shown; null when no learner has started any. */
  track: z.string().nullable(),
  exercises: z.array(z.object({ id: z.string(), title: LocalizedText.optional() })),
  concepts: z.array(z.object({ id: z.string(), title: LocalizedText.optional() })),
  learners: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      studentId: z.string().nullable(),
      verification: z.enum(['verified', 'unsigned']),
      exportedAt: z.string(),
      lastActiveAt: z.string().nullable(),
      completed: count,
      total: count,
      activeMs: count,
      hints: count,
      revealed: count,
      stuck: z.boolean(),
      /** Per exercise of `exercises`, in order. */
      cells: z.array(MatrixCell.nullable()),
      /** Per concept of `concepts`: 0–1, or null when not yet assessed. */
      mastery: z.array(z.number().nullable()),
    }),
  ),
  summary: z.object({
    /** Several failed checks and no pass in the days before their report. */
    stuck: z.array(
      z.object({ key: z.string(), name: z.string(), exercise: z.string().nullable(), failedChecks: count }),
    ),
    mostMissed: z.array(
      z.object({ exercise: z.string(), learners: count, failedChecks: count, done: count }),
    ),
    errorKinds: z.array(
      z.object({
        kind: ErrorKind,
        checks: count,
        learners: count,
        example: z
          .object({ learner: z.string(), exercise: z.string(), at: z.string(), code: z.string() })
          .optional(),
      }),
    ),
    /** Learners whose reports carry no attempt list (older reports): not in `stuck` or `errorKinds`. */
    withoutAttempts: count,
  }),
  held: count,
});
export type ClassView = z.infer<typeof ClassView>;

export const EnrolmentError = z.object({
  code: z.enum([
    'empty',
    'too-large',
    'not-json',
    'not-enrolment',
    'newer-version',
    'invalid',
    'bad-key',
    'bad-signature',
    'code-characters',
    'code-damaged',
    'code-newer',
    'student-id',
    'student-id-mixed-script',
  ]),
  /** The character, version or size a code names (data, not words). */
  detail: z.string().optional(),
  /** not-json: where the text stops being JSON. */
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  /** invalid: the fields that fail, each with its path and the limit it broke. */
  issues: z.array(FieldIssue).optional(),
});
export type EnrolmentError = z.infer<typeof EnrolmentError>;

export const MyClass = z.object({
  className: z.string(),
  studentId: z.string(),
  joinedAt: z.number(),
  units: z.array(
    z.object({
      track: z.string(),
      unit: z.string(),
      due: day.nullable(),
      trackTitle: LocalizedText.optional(),
      title: LocalizedText.optional(),
      /** The unit's first lesson not done (else its first), when the unit is installed here. */
      lesson: z.string().optional(),
      done: count,
      lessons: count,
    }),
  ),
  /** Units of the enrolment this install does not have (a pack not installed). */
  missingUnits: count,
});
export type MyClass = z.infer<typeof MyClass>;

export const classCalls = {
  getEnrolment: call(z.object({ classId }).strict(), ClassEnrolment),
  setClassUnits: call(
    z.object({ classId, units: z.array(AssignedUnit).max(40) }).strict(),
    z.object({ units: z.array(AssignedUnit) }),
  ),
  listHeldReports: call(z.object({ classId }).strict(), z.array(HeldReport)),
  resolveHeldReport: call(
    z.object({ classId, heldId: z.number().int(), accept: z.boolean() }).strict(),
    z.object({ outcome: ImportOutcome.nullable() }),
  ),
  /**
   * Without a class, the first of listClasses (the one the Teacher page opens on), so the page
   * asks for both at once; null when there is no class.
   */
  getClassView: call(
    z.object({ classId: classId.optional(), track: z.string().max(100).optional() }).strict(),
    ClassView.nullable(),
  ),
  getMyClass: call(z.object({}).strict(), MyClass.nullable()),
  joinClass: call(
    z
      .object({
        source: z.object({ kind: z.enum(['file', 'code']), text: z.string().max(100_000) }).strict(),
        studentId: z.string().max(1000),
      })
      .strict(),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), myClass: MyClass }),
      z.object({ ok: z.literal(false), error: EnrolmentError }),
    ]),
  ),
  leaveClass: call(z.object({}).strict(), z.object({ left: z.boolean() })),
} as const;
