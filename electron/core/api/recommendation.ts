/** The learner model's next step as the Learn page gets it: with titles, difficulty and reason. */
import type { Recommendation, StepReason as ReasonView } from '../../../shared/api/calls/learner.ts';
import type { TrackOutline } from '../../../shared/content/catalog.ts';
import type { NextStep, StepReason } from '../learner/learner-model.ts';

/** The reason with the concept's title, for the catalogs to word. */
export function reasonView(reason: StepReason, concepts: TrackOutline['concepts']): ReasonView {
  const title = 'concept' in reason ? concepts.find((c) => c.id === reason.concept)?.title : undefined;
  return { ...reason, ...(title && { conceptTitle: title }) };
}

export function toRecommendation(step: NextStep, outline: TrackOutline): Recommendation {
  const reason = reasonView(step.reason, outline.concepts);
  if (step.kind === 'done') return { kind: 'done', reason };
  const lessons = outline.units.flatMap((u) => u.lessons);
  const exerciseId = step.kind === 'practice' ? step.fallback : step.exercise;
  const lesson = exerciseId ? lessons.find((l) => l.id === exerciseId) : undefined;
  const exercise = lesson && {
    exercise: lesson.id,
    title: lesson.title,
    type: lesson.type,
  };
  if (step.kind === 'practice') {
    const title = outline.concepts.find((c) => c.id === step.concept)?.title;
    return {
      kind: 'practice',
      ...exercise,
      difficulty: Math.min(10, Math.max(1, Math.round(step.difficulty))),
      concept: step.concept,
      ...(title && { conceptTitle: title }),
      reason,
    };
  }
  return {
    kind: step.kind,
    ...exercise,
    ...(lesson && lesson.type !== 'explanation' && { difficulty: lesson.difficulty }),
    ...(step.kind !== 'lesson' && { predictedSuccess: step.predictedSuccess }),
    reason,
  };
}
