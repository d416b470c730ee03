/**
 * The learner model's map of every installed track (built-in and packs), kept in step with the
 * curriculum: loaded at start-up and rebuilt whenever a pack is installed or removed, so a pack's
 * concepts get mastery, reviews and recommendations from its first attempt.
 */
import type { Curriculum } from '../curriculum/index.ts';
import type { Track } from '../../../shared/content/schema.ts';
import { buildCourseMap, type CourseMap } from './course-map.ts';

type Source = Pick<Curriculum, 'tracks' | 'track'>;

/** Builds the course map of every track the curriculum has into `into`. */
export async function loadCourseMaps(curriculum: Source, into: Map<string, CourseMap>): Promise<void> {
  for (const summary of await curriculum.tracks()) {
    const outline = await curriculum.track(summary.id);
    if (!outline) continue;
    const track: Track = {
      id: outline.id,
      title: outline.title,
      description: outline.description,
      language: outline.language,
      concepts: outline.concepts,
      units: outline.units.map((u) => ({ id: u.id, title: u.title, lessons: u.lessons.map((l) => l.id) })),
    };
    into.set(
      track.id,
      buildCourseMap(
        track,
        outline.units.flatMap((u) => u.lessons),
      ),
    );
  }
}

export class CourseMaps {
  readonly #source: Source;
  readonly #onError: (err: unknown) => void;
  #maps = new Map<string, CourseMap>();
  #loading: Promise<void>;
  /** The first load: what callers at start-up wait for. */
  readonly ready: Promise<void>;

  constructor(source: Source, onError: (err: unknown) => void) {
    this.#source = source;
    this.#onError = onError;
    this.#loading = Promise.resolve();
    this.ready = this.refresh();
  }

  get(track: string): CourseMap | undefined {
    return this.#maps.get(track);
  }

  /**
   * Rebuilds every map from the curriculum; the old maps serve until the new ones are whole.
   * Refreshes run one after another, so the last one called is the one that stays.
   */
  refresh(): Promise<void> {
    this.#loading = this.#loading.then(async () => {
      const next = new Map<string, CourseMap>();
      try {
        await loadCourseMaps(this.#source, next);
        this.#maps = next;
      } catch (err) {
        this.#onError(err);
      }
    });
    return this.#loading;
  }
}
