/**
 * Checks that need the whole track at once: ids are unique, every lesson listed in track.yaml
 * exists and every lesson file is listed, concepts exist, and prerequisites form no cycle.
 */
import { fieldPath, type ContentError } from './errors.ts';
import { problem, type ProblemCode, type ProblemParams } from './problems.ts';
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
  const at = (path: (string | number)[], code: ProblemCode, params: ProblemParams = {}) =>
    errors.push(
      problem({ file: trackFile, line: source.lineOf(path), field: fieldPath(path) }, code, params),
    );

  const conceptIds = new Set<string>();
  track.concepts.forEach((concept, i) => {
    if (conceptIds.has(concept.id)) at(['concepts', i, 'id'], 'concept-twice', { concept: concept.id });
    conceptIds.add(concept.id);
  });
  track.concepts.forEach((concept, i) =>
    concept.prerequisites.forEach((prerequisite, j) => {
      if (!conceptIds.has(prerequisite))
        at(['concepts', i, 'prerequisites', j], 'no-concept', { concept: prerequisite });
      else if (prerequisite === concept.id) at(['concepts', i, 'prerequisites', j], 'requires-itself');
    }),
  );
  for (const cycle of prerequisiteCycles(track)) {
    const index = track.concepts.findIndex((c) => c.id === cycle[0]);
    at(['concepts', index, 'prerequisites'], 'prerequisite-cycle', {
      cycle: [...cycle, cycle[0]].join(' → '),
    });
  }

  const unitIds = new Set<string>();
  const listed = new Set<string>();
  track.units.forEach((unit, i) => {
    if (unitIds.has(unit.id)) at(['units', i, 'id'], 'unit-twice', { unit: unit.id });
    unitIds.add(unit.id);
    unit.lessons.forEach((lesson, j) => {
      if (listed.has(lesson)) at(['units', i, 'lessons', j], 'lesson-twice', { lesson });
      else if (!exercises.has(lesson) && !options.partial)
        at(['units', i, 'lessons', j], 'no-lesson', { lesson });
      listed.add(lesson);
    });
  });

  for (const { exercise, file, lineOf } of exercises.values()) {
    if (!listed.has(exercise.id))
      errors.push(problem({ file, line: 1 }, 'lesson-not-listed', { lesson: exercise.id }));
    exercise.concepts.forEach((concept, i) => {
      if (!conceptIds.has(concept))
        errors.push(
          problem(
            { file, line: lineOf(['concepts', i]), field: `concepts[${i}]` },
            'no-concept-in-track-file',
            {
              concept,
            },
          ),
        );
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
