/**
 * What the learner model tells the UI: why a step was recommended (a code with its parameters;
 * the catalogs word it) and a mastery figure with the evidence and confidence behind it. Used by
 * the lesson, practice, progress and teacher calls.
 */
import { z } from 'zod';
import { ExerciseType, LocalizedText } from '../../content/schema.ts';

const count = z.number().int().min(0);

export const REASON_CODES = [
  'review-due',
  'missed-checks',
  'new-concept',
  'next-in-track',
  'right-level',
  'weakest',
  'ahead',
  'track-done',
  'practice-level',
  'practice-first',
] as const;

/** Why a step was chosen. Which parameters are set depends on the code. */
export const StepReason = z.object({
  code: z.enum(REASON_CODES),
  concept: z.string().optional(),
  conceptTitle: LocalizedText.optional(),
  /** missed-checks: failed checks on the concept in the last 7 days. */
  count: count.optional(),
  /**
   * right-level, practice-level: predicted success; weakest: current mastery. Whole percent.
   */
  percent: z.number().int().min(0).max(100).optional(),
  /** review-due: whole days past the due date (0: due today). */
  overdueDays: count.optional(),
});
export type StepReason = z.infer<typeof StepReason>;

/** The learner model's next best step in a track, as Learn shows it. */
export const Recommendation = z.object({
  kind: z.enum(['lesson', 'exercise', 'review', 'practice', 'done']),
  /** The exercise to open (for practice: the authored fallback, if any). */
  exercise: z.string().optional(),
  title: LocalizedText.optional(),
  type: ExerciseType.optional(),
  /** The exercise's difficulty, or for practice the difficulty it will be asked for (1–10). */
  difficulty: z.number().int().min(1).max(10).optional(),
  /** Practice: the concept it works on. */
  concept: z.string().optional(),
  conceptTitle: LocalizedText.optional(),
  /** Predicted chance of passing, 0–1 (not for explanations or practice). */
  predictedSuccess: z.number().min(0).max(1).optional(),
  reason: StepReason,
});
export type Recommendation = z.infer<typeof Recommendation>;

/** How sure a mastery figure is: from the number of checked attempts behind it. */
export const Confidence = z.enum(['none', 'low', 'medium', 'high']);
export type Confidence = z.infer<typeof Confidence>;

/** Distinct exercises checked from which a figure is of medium and of high confidence (ADR 0029). */
export const CONFIDENCE_EVIDENCE = { medium: 3, high: 8 } as const;

export function confidenceOf(evidence: number): Confidence {
  if (evidence <= 0) return 'none';
  if (evidence < CONFIDENCE_EVIDENCE.medium) return 'low';
  return evidence < CONFIDENCE_EVIDENCE.high ? 'medium' : 'high';
}

/** A mastery figure and what it rests on. `mastery` is null when there is no evidence: "not yet assessed". */
export const MasteryFigure = z.object({
  mastery: z.number().min(0).max(1).nullable(),
  /** Distinct exercises checked that the figure rests on (re-checks of one count once). */
  evidence: count,
  /** The last checked attempt on the concept (epoch ms), or null. */
  lastSeen: z.number().nullable(),
  confidence: Confidence,
});
export type MasteryFigure = z.infer<typeof MasteryFigure>;

/** The figure to show for a model estimate: none without evidence, rounded as reports round it. */
export function masteryFigure(m: { mastery: number; evidence: number; updatedAt: number }): MasteryFigure {
  const assessed = m.evidence > 0;
  return {
    mastery: assessed ? Math.round(m.mastery * 1000) / 1000 : null,
    evidence: m.evidence,
    lastSeen: assessed && m.updatedAt > 0 ? m.updatedAt : null,
    confidence: confidenceOf(m.evidence),
  };
}
