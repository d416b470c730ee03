/**
 * Every lesson is written in English and Simplified Chinese. The schema already makes both fields
 * non-empty; this catches the usual slip past it: English pasted into the Chinese field. A pack
 * written in one language (`untranslated: [zh]` or `[en]`) is exempt, and says so instead.
 */
import type { ContentError } from './errors.ts';
import type { LoadedExercise } from './load.ts';
import type { LocalizedText, Track } from './schema.ts';

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
  const gap = 'the Chinese text is English; translate it (or mark the track `untranslated: [zh]`)';
  for (const { exercise, file, lineOf } of exercises) {
    if (untranslated(exercise.title))
      errors.push({ file, line: lineOf(['title', 'zh']), field: 'title.zh', message: gap });
    if (!CHINESE.test(stripCode(exercise.body.zh)))
      errors.push({ file, line: zhLine(file), field: 'body.zh', message: gap });
    exercise.hints.forEach((hint, i) => {
      if (untranslated(hint))
        errors.push({ file, line: lineOf(['hints', i, 'zh']), field: `hints[${i}].zh`, message: gap });
    });
    exercise.choices?.forEach((choice, i) => {
      for (const part of ['text', 'explanation'] as const) {
        if (untranslated(choice[part]))
          errors.push({
            file,
            line: lineOf(['choices', i, part, 'zh']),
            field: `choices[${i}].${part}.zh`,
            message: gap,
          });
      }
    });
  }
  return errors;
}
