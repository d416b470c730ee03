/**
 * What the learner model needs to know about a track: its concept graph and, per exercise, the
 * type, concepts and authored difficulty. Built once per track from the loaded content.
 */
import type { Exercise, Track } from '../../../shared/content/schema.ts';
import { ratingFromAuthored } from './elo.ts';

/** `title` is optional so a course can be built from a bare list (tests, generated practice). */
export type CourseExercise = Pick<Exercise, 'id' | 'type' | 'concepts' | 'difficulty'> &
  Partial<Pick<Exercise, 'title'>>;

export interface CourseMap {
  track: Track;
  /** In track order (units, then lessons). */
  exercises: readonly CourseExercise[];
  byId: ReadonlyMap<string, CourseExercise>;
  /** Gradable exercises (not explanations) per concept. */
  exercisesOfConcept: ReadonlyMap<string, readonly CourseExercise[]>;
  prerequisites: ReadonlyMap<string, readonly string[]>;
  /** Mean authored difficulty of each concept's gradable exercises, on the logit scale. */
  conceptReference: ReadonlyMap<string, number>;
}

/** Lessons listed in the units come first, in order; exercises not in any unit follow. */
export function buildCourseMap(track: Track, exercises: readonly CourseExercise[]): CourseMap {
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const ordered: CourseExercise[] = [];
  const seen = new Set<string>();
  for (const unit of track.units)
    for (const id of unit.lessons) {
      const e = byId.get(id);
      if (e && !seen.has(id)) {
        ordered.push(e);
        seen.add(id);
      }
    }
  for (const e of exercises) if (!seen.has(e.id)) ordered.push(e);

  const exercisesOfConcept = new Map<string, CourseExercise[]>();
  for (const e of ordered) {
    if (e.type === 'explanation') continue;
    for (const c of e.concepts) exercisesOfConcept.set(c, [...(exercisesOfConcept.get(c) ?? []), e]);
  }
  const conceptReference = new Map<string, number>();
  for (const c of track.concepts) {
    const list = exercisesOfConcept.get(c.id) ?? [];
    const mean = list.length ? list.reduce((s, e) => s + e.difficulty, 0) / list.length : 5.5;
    conceptReference.set(c.id, ratingFromAuthored(mean));
  }
  return {
    track,
    exercises: ordered,
    byId,
    exercisesOfConcept,
    prerequisites: new Map(track.concepts.map((c) => [c.id, c.prerequisites])),
    conceptReference,
  };
}

/** A concept and everything it rests on, transitively. */
export function withAncestors(course: CourseMap, concepts: readonly string[]): Set<string> {
  const out = new Set<string>();
  const visit = (c: string) => {
    if (out.has(c)) return;
    out.add(c);
    for (const p of course.prerequisites.get(c) ?? []) visit(p);
  };
  concepts.forEach(visit);
  return out;
}

/** A concept and everything built on it, transitively. */
export function withDescendants(course: CourseMap, concepts: readonly string[]): Set<string> {
  const out = new Set<string>(concepts);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [c, prereqs] of course.prerequisites)
      if (!out.has(c) && prereqs.some((p) => out.has(p))) {
        out.add(c);
        grew = true;
      }
  }
  return out;
}

/** Depth of each concept in the prerequisite graph (0 for a concept with none). */
export function conceptDepths(course: CourseMap): Map<string, number> {
  const depth = new Map<string, number>();
  const visit = (c: string, stack: Set<string>): number => {
    const known = depth.get(c);
    if (known !== undefined) return known;
    if (stack.has(c)) return 0; // a cycle is the validator's business; do not loop here
    stack.add(c);
    const prereqs = course.prerequisites.get(c) ?? [];
    const d = prereqs.length ? 1 + Math.max(...prereqs.map((p) => visit(p, stack))) : 0;
    stack.delete(c);
    depth.set(c, d);
    return d;
  };
  for (const c of course.prerequisites.keys()) visit(c, new Set());
  return depth;
}
