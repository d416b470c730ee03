/**
 * Checks that need the whole track at once: ids are unique, every lesson listed in track.yaml
 * exists and every lesson file is listed, concepts exist, and prerequisites form no cycle.
 */
import { fieldPath, type ContentError } from './errors.ts';
import type { LoadedExercise } from './load.ts';
import type { Track } from './schema.ts';
import type { YamlSource } from './yaml-source.ts';

export function checkStructure(
  trackFile: string,
  track: Track,
  source: YamlSource,
  exercises: ReadonlyMap<string, LoadedExercise>,
  /** Some exercise files did not load: a listed id may be theirs, so it is not called missing. */
  options: { partial?: boolean } = {},
): ContentError[] {
  const errors: ContentError[] = [];
  const at = (
    path: (string | number)[],
    message: string,
    coded: Pick<ContentError, 'code' | 'params'> = {},
  ) => errors.push({ file: trackFile, line: source.lineOf(path), field: fieldPath(path), message, ...coded });

  const conceptIds = new Set<string>();
  track.concepts.forEach((concept, i) => {
    if (conceptIds.has(concept.id)) at(['concepts', i, 'id'], `concept "${concept.id}" is defined twice`);
    conceptIds.add(concept.id);
  });
  track.concepts.forEach((concept, i) =>
    concept.prerequisites.forEach((prerequisite, j) => {
      if (!conceptIds.has(prerequisite))
        at(['concepts', i, 'prerequisites', j], `no concept "${prerequisite}" in this track`, {
          code: 'no-concept',
          params: { concept: prerequisite },
        });
      else if (prerequisite === concept.id)
        at(['concepts', i, 'prerequisites', j], 'a concept cannot require itself');
    }),
  );
  for (const cycle of prerequisiteCycles(track)) {
    const index = track.concepts.findIndex((c) => c.id === cycle[0]);
    at(
      ['concepts', index, 'prerequisites'],
      `prerequisites form a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
    );
  }

  const unitIds = new Set<string>();
  const listed = new Set<string>();
  track.units.forEach((unit, i) => {
    if (unitIds.has(unit.id)) at(['units', i, 'id'], `unit "${unit.id}" is defined twice`);
    unitIds.add(unit.id);
    unit.lessons.forEach((lesson, j) => {
      if (listed.has(lesson)) at(['units', i, 'lessons', j], `lesson "${lesson}" is listed twice`);
      else if (!exercises.has(lesson) && !options.partial)
        at(['units', i, 'lessons', j], `no exercise with id "${lesson}" in lessons/`);
      listed.add(lesson);
    });
  });

  for (const { exercise, file, lineOf } of exercises.values()) {
    if (!listed.has(exercise.id))
      errors.push({
        file,
        line: 1,
        message: `lesson "${exercise.id}" is not listed in any unit of track.yaml; add it to a unit's lessons`,
      });
    exercise.concepts.forEach((concept, i) => {
      if (!conceptIds.has(concept))
        errors.push({
          file,
          line: lineOf(['concepts', i]),
          field: `concepts[${i}]`,
          message: `no concept "${concept}" in track.yaml`,
          code: 'no-concept-in-track-file',
          params: { concept },
        });
    });
  }
  return errors;
}

/** Each cycle once, as the concept ids along it. */
export function prerequisiteCycles(track: Pick<Track, 'concepts'>): string[][] {
  const requires = new Map(track.concepts.map((c) => [c.id, c.prerequisites]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string) => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of requires.get(id) ?? []) {
      if (next === id || !requires.has(next)) continue;
      if (state.get(next) === 'visiting') cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of requires.keys()) if (!state.has(id)) visit(id);
  return cycles;
}
