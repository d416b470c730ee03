/**
 * Loads a track from its files (already read into memory: a folder or a zip gives the same map),
 * into a validated Track and its Exercises. Pure: no file system, so it runs anywhere.
 *
 * Layout of a track or pack:
 *   track.yaml                   the Track
 *   lessons/<name>.md            one exercise: front matter + prose
 *   lessons/<name>/exercise.md   a folder exercise; `files:` names its code files in the folder
 * track.yaml lists exercises by their `id`, which need not match the file name.
 */
import type { ContentError } from './errors.ts';
import { parseExerciseFile } from './exercise-file.ts';
import { problem } from './problems.ts';
import { issuesToErrors } from './issues.ts';
import { Exercise, ExerciseFrontMatter, Track } from './schema.ts';
import { checkStructure } from './structure.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';
import { EXERCISE_TEXTS, TRACK_TEXTS, fillTexts, packLanguage } from './one-language.ts';
import type { UiLocale } from './schema.ts';

/** Relative POSIX path → file text. */
export type PackFiles = ReadonlyMap<string, string>;

export interface LoadedExercise {
  exercise: Exercise;
  /** The exercise's Markdown file, relative to the pack. */
  file: string;
  /** Code files of a folder exercise, by field, relative to the pack. */
  codeFiles: Partial<Record<CodeField, string>>;
  /** The line of a front-matter field in `file`. */
  lineOf(path: readonly PropertyKey[]): number;
}

export interface LoadResult {
  /** Undefined when track.yaml is missing or invalid. */
  track: Track | undefined;
  /** The exercises that loaded, by id (an invalid one is left out, its errors reported). */
  exercises: Map<string, LoadedExercise>;
  errors: ContentError[];
}

type CodeField = 'starter' | 'solution' | 'tests';
const CODE_FIELDS: readonly CodeField[] = ['starter', 'solution', 'tests'];

export const TRACK_FILE = 'track.yaml';
const FLAT_LESSON = /^lessons\/([^/]+)\.md$/;
const FOLDER_LESSON = /^lessons\/([^/]+)\/exercise\.md$/;

export function loadTrack(files: PackFiles): LoadResult {
  const errors: ContentError[] = [];
  const { track, source, language } = loadTrackFile(files, errors);

  const exercises = new Map<string, LoadedExercise>();
  let failed = 0;
  for (const path of [...files.keys()].sort()) {
    if (!FLAT_LESSON.test(path) && !FOLDER_LESSON.test(path)) continue;
    const loaded = loadExercise(files, path, track?.language, errors, language);
    if (!loaded) {
      failed += 1;
      continue;
    }
    const twin = exercises.get(loaded.exercise.id);
    if (twin)
      errors.push(
        problem({ file: path, line: loaded.lineOf(['id']), field: 'id' }, 'id-taken', {
          id: loaded.exercise.id,
          other: twin.file,
        }),
      );
    else exercises.set(loaded.exercise.id, loaded);
  }

  // While some exercise files are broken, their ids are unknown: do not also call them missing.
  if (track && source && !failed) errors.push(...checkStructure(TRACK_FILE, track, source, exercises));
  else if (track && source)
    errors.push(...checkStructure(TRACK_FILE, track, source, exercises, { partial: true }));
  return { track, exercises, errors };
}

function loadTrackFile(
  files: PackFiles,
  errors: ContentError[],
): { track?: Track; source?: YamlSource; language?: UiLocale } {
  const text = files.get(TRACK_FILE);
  if (text === undefined) {
    errors.push(problem({ file: TRACK_FILE }, 'no-track-file'));
    return {};
  }
  const source = parseYamlSource(text, TRACK_FILE);
  if (source.errors.length) {
    errors.push(...source.errors);
    return {};
  }
  // A pack in one language writes each text once; the other field gets a copy.
  const language = packLanguage(source.value);
  const value = language ? fillTexts(source.value, TRACK_TEXTS, language) : source.value;
  const parsed = Track.safeParse(value);
  if (!parsed.success) {
    errors.push(...issuesToErrors(parsed.error.issues, TRACK_FILE, source, value));
    return {};
  }
  return { track: parsed.data, source, ...(language && { language }) };
}

function loadExercise(
  files: PackFiles,
  path: string,
  trackLanguage: Track['language'] | undefined,
  errors: ContentError[],
  packLanguage?: UiLocale,
): LoadedExercise | undefined {
  const parts = parseExerciseFile(files.get(path) ?? '', path, packLanguage);
  if (!('frontMatter' in parts)) {
    errors.push(...parts.errors);
    return undefined;
  }
  const { frontMatter, body } = parts;
  const fileErrors = [...parts.errors];
  const frontValue = packLanguage
    ? fillTexts(frontMatter.value ?? {}, EXERCISE_TEXTS, packLanguage)
    : (frontMatter.value ?? {});
  const front = ExerciseFrontMatter.safeParse(frontValue);
  if (!front.success) {
    if (!frontMatter.errors.length)
      fileErrors.push(...issuesToErrors(front.error.issues, path, frontMatter, frontValue));
    errors.push(...fileErrors);
    return undefined;
  }

  const { files: named = {}, ...fields } = front.data;
  const raw = (frontMatter.value ?? {}) as Record<string, unknown>;
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const code: Partial<Record<CodeField, string>> = {};
  const codeFiles: Partial<Record<CodeField, string>> = {};
  for (const field of CODE_FIELDS) {
    const relative = named[field];
    if (relative === undefined) continue;
    const line = frontMatter.lineOf(['files', field]);
    if (!FOLDER_LESSON.test(path)) {
      fileErrors.push(problem({ file: path, line, field: `files.${field}` }, 'files-only-in-folder'));
      continue;
    }
    if (raw[field] !== undefined) {
      fileErrors.push(
        problem({ file: path, line, field: `files.${field}` }, 'inline-and-file', { name: field }),
      );
      continue;
    }
    const text = files.get(folder + relative);
    if (text === undefined) {
      fileErrors.push(
        problem({ file: path, line, field: `files.${field}` }, 'no-named-file', { path: relative, folder }),
      );
      continue;
    }
    code[field] = text;
    codeFiles[field] = folder + relative;
  }
  // A folder exercise's module is its starter file's name, as the tests import it.
  const module = raw.module === undefined && named.starter ? moduleName(named.starter) : fields.module;

  const candidate = { ...fields, ...code, module, language: fields.language ?? trackLanguage, body };
  const parsed = Exercise.safeParse(candidate);
  if (!parsed.success) {
    // Say once what is wrong: a section or file already reported is not also called empty.
    const reported = (field: PropertyKey | undefined) =>
      fileErrors.some(
        (e) => e.field === `files.${String(field)}` || e.field?.startsWith(`${String(field)}.`),
      );
    const issues = parsed.error.issues.filter((i) => !reported(i.path[0]));
    for (const error of issuesToErrors(issues, path, frontMatter, candidate)) {
      const field = CODE_FIELDS.find((f) => error.field === f && codeFiles[f]);
      fileErrors.push(field ? { ...error, file: codeFiles[field]!, line: undefined } : error);
    }
  }
  errors.push(...fileErrors);
  if (!parsed.success || fileErrors.length) return undefined;
  return { exercise: parsed.data, file: path, codeFiles, lineOf: frontMatter.lineOf };
}

function moduleName(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.indexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
