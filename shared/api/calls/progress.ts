/** The learner's progress dashboard and the report they export for a teacher. */
import { z } from 'zod';
import { call } from '../define.ts';
import { LocalizedText } from '../../content/schema.ts';
import { MasteryFigure } from './learner.ts';

const count = z.number().int().min(0);
const attemptKind = z.enum(['run', 'check', 'predict', 'quiz']);
const attemptStatus = z.enum(['pass', 'fail', 'error', 'timeout']);

/**
 * Why a report could not be signed: the code a SigningKeyError carries, worded by the page's
 * catalogs (`dashboard.errors.<code>`).
 */
export const REPORT_REFUSALS = ['signing-keys-not-lantern', 'signing-key-sealed'] as const;
export type ReportRefusal = (typeof REPORT_REFUSALS)[number];

export const Dashboard = z.object({
  /** The learner's name; null when no one has named them (the page words it, decision 0055). */
  learner: z.string().nullable(),
  /**
   * Every concept of every installed track (tracks the learner started first), with its figure;
   * a concept without evidence has mastery null ("not yet assessed").
   */
  mastery: z.array(
    MasteryFigure.extend({
      track: z.string(),
      trackTitle: LocalizedText.optional(),
      concept: z.string(),
      title: LocalizedText.optional(),
    }),
  ),
  exercisesSolved: count,
  activeMs: count,
  streakDays: count,
  /** The last 30 days, oldest first. */
  activity: z.array(z.object({ day: z.string(), activeMs: count, attempts: count })),
  hintsPerExercise: z.array(
    z.object({ track: z.string(), exercise: z.string(), title: LocalizedText.optional(), hints: count }),
  ),
  recent: z.array(
    z.object({
      at: z.number(),
      track: z.string(),
      exercise: z.string(),
      title: LocalizedText.optional(),
      kind: attemptKind,
      status: attemptStatus,
      testsPassed: count,
      testsTotal: count,
    }),
  ),
  dueReviews: z.array(
    z.object({ track: z.string(), concept: z.string(), title: LocalizedText.optional(), dueAt: z.number() }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** A file for the person to save: the renderer offers it as a download. */
export const ExportedFile = z.object({ name: z.string(), mimeType: z.string(), content: z.string() });
export type ExportedFile = z.infer<typeof ExportedFile>;

export const ReportFormat = z.enum(['json', 'csv', 'html']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const progressCalls = {
  getDashboard: call(z.object({}).strict(), Dashboard),
  /** csv gives two files: one row per exercise, and one row per concept. */
  exportReport: call(
    z.object({ format: ReportFormat, locale: z.enum(['en', 'zh']).default('en') }).strict(),
    z.object({ files: z.array(ExportedFile) }),
  ),
} as const;
