/**
 * A pack written in one language (docs/content-format.md, decision 0042): track.yaml declares
 * `untranslated: [zh]` (English only) or `untranslated: [en]` (Chinese only), and every text is
 * written once: as plain text, or under its one language key. The loader copies it into the
 * other language's field, so the app shows a learner whose interface language is missing the
 * pack's own language (and the lesson view says so). A text given in both languages is kept.
 */
import type { UiLocale } from './schema.ts';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The language a one-language pack is written in, from track.yaml as parsed (before the schema). */
export function packLanguage(rawTrack: unknown): UiLocale | undefined {
  const untranslated = isObject(rawTrack) ? rawTrack.untranslated : undefined;
  if (!Array.isArray(untranslated) || untranslated.length !== 1) return undefined;
  return untranslated[0] === 'zh' ? 'en' : untranslated[0] === 'en' ? 'zh' : undefined;
}

/** Where track.yaml and an exercise's front matter hold text (`*`: every item of a list). */
export const TRACK_TEXTS: readonly (readonly string[])[] = [
  ['title'],
  ['description'],
  ['concepts', '*', 'title'],
  ['units', '*', 'title'],
];
export const EXERCISE_TEXTS: readonly (readonly string[])[] = [
  ['title'],
  ['hints', '*'],
  ['starterComments', '*'],
  ['choices', '*', 'text'],
  ['choices', '*', 'explanation'],
];

const other = (language: UiLocale): UiLocale => (language === 'en' ? 'zh' : 'en');

/** The text in both fields: a plain string, or `{ <language>: … }` alone. Anything else as it was. */
function bothLanguages(value: unknown, language: UiLocale): unknown {
  if (typeof value === 'string') return { en: value, zh: value };
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === language) return { ...value, [other(language)]: value[language] };
  return value;
}

function fillAt(value: unknown, path: readonly string[], language: UiLocale): unknown {
  if (path.length === 0) return bothLanguages(value, language);
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.map((item) => fillAt(item, rest, language)) : value;
  if (!isObject(value) || !(head! in value)) return value;
  return { ...value, [head!]: fillAt(value[head!], rest, language) };
}

/** A copy of the parsed YAML with each text at `paths` in both languages. */
export function fillTexts(
  value: unknown,
  paths: readonly (readonly string[])[],
  language: UiLocale,
): unknown {
  return paths.reduce((v, path) => fillAt(v, path, language), value);
}
