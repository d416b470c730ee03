/**
 * Starter code is the same in both interface languages; only its comments are prose. An exercise
 * lists each English comment with its Chinese (`starterComments`), and the page shows the starter
 * with the comments of the learner's language. The code itself is never rewritten: a comment is
 * replaced only where it is the rest of its line, so line numbers (a trace step's) stay put.
 */
import type { LocalizedText, UiLocale } from './schema.ts';

/** `# text` (Python) or `// text` (JavaScript, TypeScript), up to the end of the line. */
const COMMENT = /(#|\/\/)[ \t]*(.*?)[ \t]*$/;
/** A comment that reads as prose (two English words in a row), not commented-out code. */
const PROSE = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/;
/** Commented-out code: a call, or a line ending as a statement or block does. */
const CODE = /^[\w.$]+\(.*\);?$|[;{}]$/;

interface WithStarter {
  starter: string;
  starterComments?: LocalizedText[] | undefined;
}

/** The starter as a learner with interface language `locale` reads it. */
export function starterIn(exercise: WithStarter, locale: UiLocale): string {
  const comments = exercise.starterComments;
  if (locale === 'en' || !comments?.length) return exercise.starter;
  const words = new Map(comments.map((c) => [c.en.trim(), c[locale].trim()]));
  return exercise.starter
    .split('\n')
    .map((line) => {
      const found = commentOf(line);
      const said = found && words.get(found.text);
      return said ? line.slice(0, found.start) + said : line;
    })
    .join('\n');
}

/** The exercise with its starter in `locale` (the same object when nothing changes). */
export function withStarterIn<T extends WithStarter>(exercise: T, locale: UiLocale): T {
  const starter = starterIn(exercise, locale);
  return starter === exercise.starter ? exercise : { ...exercise, starter };
}

/** The comment ending a line: where its text starts, and the text. */
function commentOf(line: string): { start: number; text: string } | undefined {
  const match = COMMENT.exec(line);
  if (!match || !match[2]) return undefined;
  return { start: match.index + match[0].indexOf(match[2], match[1]!.length), text: match[2] };
}

/** The comments of a starter, with their line (1-based). */
export function starterCommentLines(starter: string): { line: number; text: string }[] {
  return starter.split('\n').flatMap((line, i) => {
    const found = commentOf(line);
    return found ? [{ line: i + 1, text: found.text }] : [];
  });
}

/** Comments written as English prose that `starterComments` does not translate. */
export function untranslatedComments(exercise: WithStarter): { line: number; text: string }[] {
  const known = new Set((exercise.starterComments ?? []).map((c) => c.en.trim()));
  return starterCommentLines(exercise.starter).filter(
    ({ text }) => PROSE.test(text) && !CODE.test(text) && !known.has(text),
  );
}
