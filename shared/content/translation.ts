/**
 * Every lesson is written in English and Simplified Chinese. The schema already makes both fields
 * non-empty; this catches the usual slip past it: English pasted into the Chinese field. A pack
 * written in one language (`untranslated: [zh]` or `[en]`) is exempt, and says so instead.
 */
import type { ContentError } from './errors.ts';
import { problem } from './problems.ts';
import type { LoadedExercise } from './load.ts';
import type { LocalizedText, Track } from './schema.ts';
import { untranslatedComments } from './starter-comments.ts';

const CHINESE = /\p{Script=Han}/u;
/** Text with a few words of English in it: a title like "JavaScript" may stay as it is. */
const SENTENCE = /[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

/** A `zh` text with no Chinese in it that reads as an English sentence (not code, not output). */
function untranslated(text: LocalizedText): boolean {
  return !CHINESE.test(text.zh) && SENTENCE.test(stripCode(text.zh));
}

/** Code in backticks is the same in both languages. */
function stripCode(text: string): string {
  return text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
}

/**
 * @param zhLine the line of the `<!-- lang: zh -->` marker in an exercise file, for the body
 */
export function translationGaps(
  track: Track | undefined,
  exercises: Iterable<LoadedExercise>,
  zhLine: (file: string) => number | undefined,
): ContentError[] {
  // A one-language pack's other fields are copies on purpose.
  if (track?.untranslated?.length) return [];
  const errors: ContentError[] = [];
  const gap = (file: string, line: number | undefined, field: string) =>
    errors.push(problem({ file, line, field }, 'zh-is-english'));
  for (const { exercise, file, lineOf } of exercises) {
    if (untranslated(exercise.title)) gap(file, lineOf(['title', 'zh']), 'title.zh');
    if (!CHINESE.test(stripCode(exercise.body.zh))) gap(file, zhLine(file), 'body.zh');
    exercise.hints.forEach((hint, i) => {
      if (untranslated(hint)) gap(file, lineOf(['hints', i, 'zh']), `hints[${i}].zh`);
    });
    exercise.starterComments?.forEach((comment, i) => {
      if (untranslated(comment)) gap(file, lineOf(['starterComments', i, 'zh']), `starterComments[${i}].zh`);
    });
    exercise.choices?.forEach((choice, i) => {
      for (const part of ['text', 'explanation'] as const) {
        if (untranslated(choice[part]))
          gap(file, lineOf(['choices', i, part, 'zh']), `choices[${i}].${part}.zh`);
      }
    });
  }
  return errors;
}

/**
 * Comments in a starter that read as English prose with no Chinese in `starterComments`: a
 * learner with the Chinese interface would read them in English. Packs written before the field
 * existed have them, so `lantern validate` warns (an error under --strict, as for the built-in
 * tracks). A one-language pack is exempt.
 */
export function untranslatedStarterComments(
  track: Track | undefined,
  exercises: Iterable<LoadedExercise>,
): ContentError[] {
  if (track?.untranslated?.length) return [];
  const found: ContentError[] = [];
  for (const { exercise, file, lineOf, codeFiles } of exercises)
    for (const { line, text } of untranslatedComments(exercise)) {
      const where = codeFiles.starter
        ? { file: codeFiles.starter, line }
        : { file, line: lineOf(['starter']) + line };
      found.push(problem({ ...where, field: 'starter' }, 'comment-untranslated', { text }));
    }
  return found;
}
