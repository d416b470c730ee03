/**
 * What practice needs to know about a track: its language, its concepts, and the exercises a
 * learner may already have met (for the near-duplicate check). The app's Curriculum provides it.
 */
import type { Curriculum } from '../curriculum/index.ts';
import type { Exercise, Language, LocalizedText } from '../../../shared/content/schema.ts';

export interface PracticeTrack {
  id: string;
  language: Language;
  concepts: { id: string; title: LocalizedText }[];
  exercises: Exercise[];
}

export interface PracticeCatalog {
  track(trackId: string): Promise<PracticeTrack | undefined>;
}

/** Adapts the app's Curriculum; a track is read once and kept until a pack changes the tracks. */
export function curriculumCatalog(
  curriculum: Pick<Curriculum, 'track' | 'exercise'> & Partial<Pick<Curriculum, 'onChange'>>,
): PracticeCatalog {
  const cache = new Map<string, Promise<PracticeTrack | undefined>>();
  curriculum.onChange?.(() => cache.clear());
  const load = async (trackId: string): Promise<PracticeTrack | undefined> => {
    const outline = await curriculum.track(trackId);
    if (!outline) return undefined;
    const ids = outline.units.flatMap((u) => u.lessons.map((l) => l.id));
    const views = await Promise.all(ids.map((id) => curriculum.exercise(trackId, id)));
    return {
      id: outline.id,
      language: outline.language,
      concepts: outline.concepts.map((c) => ({ id: c.id, title: c.title })),
      exercises: views.flatMap((v) => (v ? [v.exercise] : [])),
    };
  };
  return {
    track(trackId) {
      let entry = cache.get(trackId);
      if (!entry) {
        entry = load(trackId);
        cache.set(trackId, entry);
      }
      return entry;
    },
  };
}
