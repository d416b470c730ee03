/**
 * The curriculum service the app calls: the tracks there are (built-in ones and installed packs),
 * a track's outline, one lesson for the lesson view, and adding or removing a pack. Tracks are
 * parsed once and cached; a pack install or removal refreshes the cache.
 */
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import type { LessonView, TrackOutline, TrackSummary } from '../../../shared/content/catalog.ts';
import type { ContentError } from '../../../shared/content/errors.ts';
import { problem } from '../../../shared/content/problems.ts';
import { loadTrack, TRACK_FILE, type LoadedExercise } from '../../../shared/content/load.ts';
import type { Track } from '../../../shared/content/schema.ts';
import { PRACTICE_TEMPLATES_FOLDER } from '../../../shared/content/practice-template.ts';
import { parseYamlSource } from '../../../shared/content/yaml-source.ts';
import { readPack, textOf } from './pack-files.ts';
import { deletePack, sweepPacksDir, writePack } from './packs.ts';
import { openSandboxRunner } from './sandbox.ts';
import { TypeChecker, withTypeCheck } from '../runner-host/type-checker.ts';
import { validateFiles } from './validate.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';

export type { ContentError } from '../../../shared/content/errors.ts';
export type { LessonView, TrackOutline, TrackSummary } from '../../../shared/content/catalog.ts';

export interface CurriculumOptions {
  /** Folder of built-in tracks, one sub-folder each (the repo's `exercises/`). */
  builtinDir: string;
  /** Folder where installed packs live, one sub-folder each, named by track id. */
  packsDir: string;
  /** Runs pack code while installing; the Node sandbox host by default. */
  runner?: RunCode;
  concurrency?: number;
}

/** `warnings`: problems that do not stop a pack, such as a lesson using what a later one teaches. */
export type InstallResult =
  { ok: true; track: TrackSummary; warnings: ContentError[] } | { ok: false; errors: ContentError[] };

interface LoadedTrack {
  track: Track;
  source: TrackSummary['source'];
  exercises: Map<string, LoadedExercise>;
  /** Lesson ids in track order, only those that loaded. */
  order: { id: string; unitId: string }[];
}

export class Curriculum {
  readonly #options: CurriculumOptions;
  #cache: Promise<Map<string, LoadedTrack>> | undefined;
  #problems: ContentError[] = [];
  /** Installs and removals, one at a time. */
  #writes: Promise<unknown> = Promise.resolve();
  #listeners: (() => Promise<void> | void)[] = [];

  constructor(options: CurriculumOptions) {
    this.#options = options;
  }

  async tracks(): Promise<TrackSummary[]> {
    return [...(await this.#tracks()).values()].map(summary);
  }

  async track(id: string): Promise<TrackOutline | undefined> {
    const loaded = (await this.#tracks()).get(id);
    if (!loaded) return undefined;
    const { track, exercises } = loaded;
    return {
      ...summary(loaded),
      concepts: track.concepts,
      units: track.units.map((unit) => ({
        id: unit.id,
        title: unit.title,
        lessons: unit.lessons.flatMap((lessonId) => {
          const exercise = exercises.get(lessonId)?.exercise;
          if (!exercise) return [];
          const { id, title, type, concepts, difficulty } = exercise;
          return [{ id, title, type, concepts, difficulty }];
        }),
      })),
    };
  }

  async exercise(trackId: string, exerciseId: string): Promise<LessonView | undefined> {
    const loaded = (await this.#tracks()).get(trackId);
    const exercise = loaded?.exercises.get(exerciseId)?.exercise;
    if (!loaded || !exercise) return undefined;
    const index = loaded.order.findIndex((lesson) => lesson.id === exerciseId);
    return {
      trackId,
      unitId: loaded.order[index]?.unitId ?? '',
      exercise,
      previous: loaded.order[index - 1]?.id,
      next: loaded.order[index + 1]?.id,
    };
  }

  /** Problems met while loading (a broken built-in lesson, a pack that no longer loads). */
  async problems(): Promise<ContentError[]> {
    await this.#tracks();
    return this.#problems;
  }

  /**
   * Calls `listener` after each pack install or removal; the install or removal resolves only
   * once every listener has (what depends on the tracks is up to date when it returns).
   */
  onChange(listener: () => Promise<void> | void): void {
    this.#listeners.push(listener);
  }

  async #changed(): Promise<void> {
    for (const listener of this.#listeners) await listener();
  }

  /** Validates a pack (folder or zip), code included, then installs it whole or not at all. */
  installPack(folderOrZip: string): Promise<InstallResult> {
    return this.#serially(async () => {
      const read = await readPack(folderOrZip);
      if ('errors' in read) return { ok: false, errors: read.errors };
      const files = textOf(read.files);
      const concurrency = this.#options.concurrency ?? availableParallelism();
      const sandbox = this.#options.runner ? undefined : openSandboxRunner(concurrency);
      // A supplied runner (the desktop app's sandbox window) gets the type check in front too.
      const types = sandbox ? undefined : new TypeChecker();
      const report = await validateFiles(files, {
        runner: sandbox ? sandbox.runner : withTypeCheck(this.#options.runner!, types!),
        concurrency,
      }).finally(() => Promise.all([sandbox?.close(), types?.close()]));
      if (!report.ok || !report.loaded.track) return { ok: false, errors: report.errors };
      const { id } = report.loaded.track;
      const existing = (await this.#tracks()).get(id);
      if (existing?.source === 'builtin') {
        const line = parseYamlSource(files.get(TRACK_FILE) ?? '', TRACK_FILE).lineOf(['id']);
        const message = `a built-in track already has the id "${id}"; give the pack another id`;
        return {
          ok: false,
          errors: [{ file: TRACK_FILE, line, field: 'id', message, code: 'builtin-id', params: { id } }],
        };
      }
      try {
        await writePack(this.#options.packsDir, id, read.files);
      } catch (error) {
        return {
          ok: false,
          errors: [
            {
              file: folderOrZip,
              message: `could not install: ${(error as Error).message}`,
              code: 'not-written',
            },
          ],
        };
      }
      this.#cache = undefined;
      const installed = (await this.#tracks()).get(id);
      await this.#changed();
      if (!installed)
        return {
          ok: false,
          errors: [{ file: folderOrZip, message: 'installed, but did not load', code: 'not-loaded' }],
        };
      return { ok: true, track: summary(installed), warnings: report.warnings };
    });
  }

  /** Removes an installed pack; false when there is no pack with that id (built-ins stay). */
  removePack(id: string): Promise<boolean> {
    return this.#serially(async () => {
      if ((await this.#tracks()).get(id)?.source !== 'pack') return false;
      await deletePack(this.#options.packsDir, id);
      this.#cache = undefined;
      await this.#changed();
      return true;
    });
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#writes.then(work);
    this.#writes = result.catch(() => undefined);
    return result;
  }

  #tracks(): Promise<Map<string, LoadedTrack>> {
    this.#cache ??= this.#load();
    return this.#cache;
  }

  async #load(): Promise<Map<string, LoadedTrack>> {
    const { builtinDir, packsDir } = this.#options;
    await sweepPacksDir(packsDir);
    const problems: ContentError[] = [];
    const tracks = new Map<string, LoadedTrack>();
    for (const [dir, source] of [
      [builtinDir, 'builtin'],
      [packsDir, 'pack'],
    ] as const) {
      // The built-in folder also holds the practice templates, which are not a track.
      const folders = (await trackFolders(dir)).filter(
        (folder) => source !== 'builtin' || basename(folder) !== PRACTICE_TEMPLATES_FOLDER,
      );
      const loaded = await Promise.all(folders.map((folder) => loadFolder(folder, source, problems)));
      for (const track of loaded) {
        if (!track) continue;
        if (tracks.has(track.track.id)) {
          problems.push(problem({ file: join(dir, track.track.id) }, 'track-twice', { id: track.track.id }));
          continue;
        }
        tracks.set(track.track.id, track);
      }
    }
    this.#problems = problems;
    return tracks;
  }
}

async function trackFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** A track loads even when some lessons are broken: those are left out and reported. */
async function loadFolder(
  folder: string,
  source: TrackSummary['source'],
  problems: ContentError[],
): Promise<LoadedTrack | undefined> {
  const read = await readPack(folder);
  if ('errors' in read) {
    problems.push(...read.errors);
    return undefined;
  }
  const result = loadTrack(textOf(read.files));
  problems.push(...result.errors.map((e) => ({ ...e, file: join(folder, e.file) })));
  if (!result.track) return undefined;
  const order = result.track.units.flatMap((unit) =>
    unit.lessons.filter((id) => result.exercises.has(id)).map((id) => ({ id, unitId: unit.id })),
  );
  return { track: result.track, source, exercises: result.exercises, order };
}

function summary({ track, source, order }: LoadedTrack): TrackSummary {
  return {
    id: track.id,
    title: track.title,
    description: track.description,
    language: track.language,
    units: track.units.length,
    lessons: order.length,
    source,
    ...(track.untranslated?.length ? { untranslated: track.untranslated } : {}),
  };
}
