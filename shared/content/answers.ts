/**
 * How a predict or quiz answer is judged, by the backend only: the page is not sent the answers
 * (electron/core/api/lesson-exercise.ts) and shows the verdict it gets back (decision 0023).
 */
import type { QuizChoice } from './schema.ts';

/** Output is compared line by line, ignoring trailing spaces and trailing blank lines. */
export function sameOutput(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/\r\n/g, '\n')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trimEnd();
  return norm(a) === norm(b);
}

/**
 * A quiz attempt carries the chosen choice's index as its text (`"2"`); anything else, or an
 * index with no choice, chooses nothing (a wrong answer).
 */
export function chosenChoice<C extends Pick<QuizChoice, 'correct'>>(
  choices: readonly C[] | undefined,
  answer: string,
): C | undefined {
  if (!/^\d{1,3}$/.test(answer.trim())) return undefined;
  return choices?.[Number(answer.trim())];
}
