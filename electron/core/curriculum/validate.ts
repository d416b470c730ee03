/**
 * `validate`: everything that must hold for a track or pack, in one report. First the files are
 * loaded and checked as data (schema, ids, lessons, concepts, prerequisites); then the code in
 * every loaded exercise is run in the sandbox.
 */
import type { ContentError } from '../../../shared/content/errors.ts';
import { lessonOrderProblems } from '../../../shared/content/lesson-order.ts';
import { loadTrack, type LoadResult, type PackFiles } from '../../../shared/content/load.ts';
import type { Language } from '../../../shared/content/schema.ts';
import { translationGaps, untranslatedStarterComments } from '../../../shared/content/translation.ts';
import { readPack, textOf, type PackBytes } from './pack-files.ts';
import { hintLeaks, verifyExercises, type VerifyOptions } from './verify.ts';

export interface ValidationReport {
  ok: boolean;
  track?: { id: string; title: string; language: Language };
  /** Exercises that loaded. */
  exercises: number;
  /** Code runs made (solutions, starters, predict steps). */
  runs: number;
  errors: ContentError[];
  /**
   * Problems that do not stop a pack: a solution that uses a construct its lesson has not taught
   * yet (docs/decisions/0043-lesson-order-rule.md), a starter comment with no Chinese. Errors
   * under `strict`.
   */
  warnings: ContentError[];
  durationMs: number;
}

export interface ValidateOptions extends Partial<VerifyOptions> {
  /** Check the files only; run no code. */
  noRun?: boolean;
  /** Lesson-order problems are errors, as for the built-in tracks. */
  strict?: boolean;
}

export async function validatePack(
  location: string,
  options: ValidateOptions,
): Promise<ValidationReport & { files?: PackBytes; loaded?: LoadResult }> {
  const started = performance.now();
  const read = await readPack(location);
  if ('errors' in read)
    return { ok: false, exercises: 0, runs: 0, errors: read.errors, warnings: [], durationMs: 0 };
  const report = await validateFiles(textOf(read.files), options, started);
  return { ...report, files: read.files };
}

export async function validateFiles(
  files: PackFiles,
  options: ValidateOptions,
  started = performance.now(),
): Promise<ValidationReport & { loaded: LoadResult }> {
  const loaded = loadTrack(files);
  const exercises = [...loaded.exercises.values()];
  const errors = [
    ...loaded.errors,
    ...exercises.flatMap(hintLeaks),
    ...translationGaps(loaded.track, exercises, (file) => zhMarkerLine(files.get(file))),
  ];
  // Problems that do not stop a pack, but do a built-in track (strict).
  const order = [
    ...(loaded.track ? lessonOrderProblems(loaded.track, loaded.exercises) : []),
    ...untranslatedStarterComments(loaded.track, exercises),
  ];
  if (options.strict) errors.push(...order);
  let runs = 0;
  if (!options.noRun) {
    if (!options.runner) throw new Error('validateFiles: a runner is needed to run the code (or pass noRun)');
    const onRun = options.onRun;
    errors.push(
      ...(await verifyExercises(exercises, {
        runner: options.runner,
        concurrency: options.concurrency,
        onRun: (done, total) => {
          runs = done;
          onRun?.(done, total);
        },
      })),
    );
  }
  const { track } = loaded;
  return {
    ok: errors.length === 0,
    track: track && { id: track.id, title: track.title.en, language: track.language },
    exercises: loaded.exercises.size,
    runs,
    errors: errors.sort(byPlace),
    warnings: options.strict ? [] : order.sort(byPlace),
    durationMs: performance.now() - started,
    loaded,
  };
}

function zhMarkerLine(text: string | undefined): number | undefined {
  const index = text?.split(/\r?\n/).findIndex((line) => /^<!--\s*lang:\s*zh\s*-->/.test(line)) ?? -1;
  return index < 0 ? undefined : index + 1;
}

function byPlace(a: ContentError, b: ContentError): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}
