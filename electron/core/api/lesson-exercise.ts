/**
 * The one way an exercise leaves the backend for the learner's page: without the reference
 * solution or the hints (served one by one), and without the answers the backend judges: a
 * predict step's output, which quiz choices are right, a trace step's value, the order of a parsons
 * step's lines (it gets them shuffled, distractors mixed in). Lessons, placement
 * and practice all send exercises through here (decision 0023).
 */
import type { LessonExercise } from '../../../shared/api/calls/lessons.ts';
import type { Exercise } from '../../../shared/content/schema.ts';
import { parsonsPuzzle } from '../../../shared/content/parsons.ts';

/**
 * `learner` seeds a parsons step's shuffle, so each learner gets the lines in an order of their
 * own, the same each time they open the step.
 */
export function toLessonExercise(exercise: Exercise, learner = ''): LessonExercise {
  const {
    solution: _solution,
    hints,
    expectedOutput: _expectedOutput,
    choices,
    trace,
    distractors: _distractors,
    ...shown
  } = exercise;
  return {
    ...shown,
    hintCount: hints.length,
    ...(choices ? { choices: choices.map(({ text }) => ({ text })) } : {}),
    ...(trace ? { trace: { line: trace.line, hit: trace.hit, variable: trace.variable } } : {}),
    ...(exercise.type === 'parsons' ? { parsons: parsonsPuzzle(exercise, learner) } : {}),
  };
}
