/**
 * What the learner is offered next, and why: the policy on top of the learner model's
 * predictions (docs/decisions/0007-learner-model.md, 0029-recommendations-and-evidence.md).
 * Pure functions over a snapshot of the learner's state, so the policy is tested without a
 * database and every caller (Learn, Practice, More like this, prefetch) gets the same answer.
 */
import { withAncestors, type CourseExercise, type CourseMap } from './course-map.ts';
import {
  MASTERED,
  TARGET_BAND,
  authoredFromRating,
  logit,
  predictSuccess,
  ratingFromAuthored,
} from './elo.ts';

/**
 * Why a step was chosen: a code with its parameters; the UI words it from its catalogs.
 * `concept` is a concept id of the step's track.
 */
export type StepReason =
  /** A mastered concept's spaced review is due (`overdueDays` whole days late, 0 = today). */
  | { code: 'review-due'; concept: string; overdueDays: number }
  /** The learner failed `count` checks on the concept in the last week. */
  | { code: 'missed-checks'; concept: string; count: number }
  /** An explanation opens a concept the learner has not mastered. */
  | { code: 'new-concept'; concept: string }
  /** The next exercise of a concept with no evidence yet: this is how it gets assessed. */
  | { code: 'next-in-track'; concept: string }
  /** Predicted success is inside the 70–85 % band. */
  | { code: 'right-level'; concept: string; percent: number }
  /** The weakest open concept, practised at the difficulty that puts the learner mid-band. */
  | { code: 'weakest'; concept: string; percent: number }
  /** Every authored exercise left is too easy for the learner: harder generated practice. */
  | { code: 'ahead'; concept: string }
  | { code: 'track-done' };

export interface PracticeRequest {
  concept: string;
  /** Authored-scale difficulty 1–10 at which this learner's predicted success is mid-band. */
  difficulty: number;
  review: boolean;
}

/** What to do next. `practice` is the generated exercise to ask the tutor for (and prefetch). */
export type NextStep =
  | {
      kind: 'lesson' | 'exercise' | 'review';
      exercise: string;
      concepts: string[];
      predictedSuccess: number;
      practice?: PracticeRequest;
      reason: StepReason;
    }
  | ({
      kind: 'practice';
      /** The closest authored exercise, for when nothing can be generated. */ fallback?: string;
      reason: StepReason;
    } & PracticeRequest)
  | { kind: 'done'; reason: StepReason };

/** A practice target for "Practise my weak spots": the concept, its difficulty, and why. */
export interface PracticeTarget extends PracticeRequest {
  reason: StepReason;
}

/** One concept as the policy sees it. `touched`: the model holds a state for it (attempts or placement). */
export interface ConceptState {
  ability: number;
  mastery: number;
  evidence: number;
  touched: boolean;
}

export interface LearnerSnapshot {
  course: CourseMap;
  concepts: ReadonlyMap<string, ConceptState>;
  completed: ReadonlySet<string>;
  difficulties: ReadonlyMap<string, { rating: number }>;
  /** Due reviews of this track, most overdue first. */
  due: readonly { concept: string; dueAt: number }[];
  /** Failed checks per concept in the last week. */
  misses: ReadonlyMap<string, number>;
  now: number;
}

const DAY_MS = 86_400_000;

/** The authored-scale difficulty (1–10) at which the learner is predicted mid-band on a concept. */
export function practiceDifficulty(ability: number): number {
  return Math.round(authoredFromRating(ability - logit(TARGET_BAND.centre)) * 10) / 10;
}

/** 0 in the middle of the band, growing towards its edges, and above 1 outside it. */
export function bandDistance(p: number): number {
  const half = (TARGET_BAND.high - TARGET_BAND.low) / 2;
  const fromCentre = Math.abs(p - TARGET_BAND.centre);
  return fromCentre <= half ? fromCentre / half : 1 + (fromCentre - half);
}

const inBand = (p: number) => p >= TARGET_BAND.low && p <= TARGET_BAND.high;
const percent = (p: number) => Math.round(p * 100);

/** The helpers every policy decision uses, bound to one snapshot. */
function view(s: LearnerSnapshot) {
  const { course } = s;
  const state = (c: string) => s.concepts.get(c);
  const ability = (c: string) => state(c)?.ability ?? 0;
  const mastered = (c: string) => !!state(c)?.touched && (state(c)?.mastery ?? 0) >= MASTERED;
  // Mastering a concept, or solving an exercise built on it, shows what it rests on too, so a
  // learner who solves hard exercises is not sent back to the first lesson. The model's prior
  // for a concept never met opens nothing.
  const solvedOn = [...s.completed].flatMap((id) => {
    const e = course.byId.get(id);
    return e && e.type !== 'explanation' ? e.concepts.flatMap((c) => course.prerequisites.get(c) ?? []) : [];
  });
  const shown = withAncestors(course, [
    ...course.track.concepts.map((c) => c.id).filter(mastered),
    ...solvedOn,
  ]);
  const met = (c: string) =>
    shown.has(c) || (course.exercisesOfConcept.get(c) ?? []).every((e) => s.completed.has(e.id));
  /**
   * No checked attempt and not implied by anything shown: its exercises in order assess it. A
   * skipped placement question lowers the prior but assesses nothing.
   */
  const unassessed = (c: string) => !state(c)?.evidence && !shown.has(c);
  const open = (c: string) => (course.prerequisites.get(c) ?? []).every(met);
  const predict = (e: CourseExercise) => {
    const a = e.concepts.reduce((sum, c) => sum + ability(c), 0) / e.concepts.length;
    return predictSuccess(a, s.difficulties.get(e.id)?.rating ?? ratingFromAuthored(e.difficulty));
  };
  const practiceFor = (concept: string, review: boolean): PracticeRequest => ({
    concept,
    difficulty: practiceDifficulty(ability(concept)),
    review,
  });
  const closest = (candidates: readonly CourseExercise[]) => {
    let best: { e: CourseExercise; p: number; score: number } | undefined;
    for (const e of candidates) {
      const p = predict(e);
      const score = bandDistance(p);
      if (!best || score < best.score) best = { e, p, score };
    }
    return best;
  };
  /**
   * Concepts below mastery that checked attempts have assessed, weakest first. A concept the
   * learner has checked work on is open to them whatever its prerequisites say: a learner who
   * missed two loops checks is told about loops, not sent back to what loops rest on.
   */
  const weak = () =>
    course.track.concepts
      .filter((c) => !!state(c.id)?.evidence && !mastered(c.id))
      .sort((x, y) => (state(x.id)?.mastery ?? 0) - (state(y.id)?.mastery ?? 0))
      .map((c) => c.id);
  const weakReason = (concept: string): StepReason => {
    const count = s.misses.get(concept) ?? 0;
    return count > 0
      ? { code: 'missed-checks', concept, count }
      : { code: 'weakest', concept, percent: percent(state(concept)?.mastery ?? 0) };
  };
  const dueOpen = () =>
    s.due
      .filter((d) => course.track.concepts.some((c) => c.id === d.concept) && open(d.concept))
      .map((d) => ({
        concept: d.concept,
        reason: {
          code: 'review-due',
          concept: d.concept,
          overdueDays: Math.max(0, Math.floor((s.now - d.dueAt) / DAY_MS)),
        } as StepReason,
      }));
  return { state, mastered, unassessed, open, predict, practiceFor, closest, weak, weakReason, dueOpen };
}

/**
 * The next best step in a track: a due review first; then an unread explanation of an open
 * concept; then the open exercise whose predicted success is closest to the middle of the band.
 * When none is in the band: the next exercise of a concept not yet assessed (in track order), or
 * generated practice at the band's difficulty for the weakest open concept, with the nearest
 * authored exercise as the fallback.
 */
export function nextBestStep(s: LearnerSnapshot): NextStep {
  const { course } = s;
  const v = view(s);

  for (const due of v.dueOpen()) {
    const pick = v.closest(course.exercisesOfConcept.get(due.concept) ?? []);
    if (!pick) return { kind: 'practice', ...v.practiceFor(due.concept, true), reason: due.reason };
    return {
      kind: 'review',
      exercise: pick.e.id,
      concepts: pick.e.concepts,
      predictedSuccess: pick.p,
      practice: v.practiceFor(due.concept, true),
      reason: due.reason,
    };
  }

  const weakest = v.weak()[0];
  /** The practice to prefetch beside an authored step: the weakest concept, else the step's own. */
  const practiceBeside = (concepts: readonly string[]) => {
    const concept = weakest ?? concepts[0];
    return concept ? { practice: v.practiceFor(concept, false) } : {};
  };
  const available = course.exercises.filter((e) => !s.completed.has(e.id) && e.concepts.every(v.open));
  const reading = available.find((e) => e.type === 'explanation' && e.concepts.some((c) => !v.mastered(c)));
  const readingConcept = reading?.concepts.find((c) => !v.mastered(c));
  if (reading && readingConcept)
    return {
      kind: 'lesson',
      exercise: reading.id,
      concepts: reading.concepts,
      predictedSuccess: 1,
      ...practiceBeside(reading.concepts),
      reason: { code: 'new-concept', concept: readingConcept },
    };

  const gradable = available.filter((e) => e.type !== 'explanation');
  // A prediction for a concept without evidence is only the prior: such exercises are taken in
  // the track's order below, not ranked by it.
  const pick = v.closest(gradable.filter((e) => !e.concepts.some(v.unassessed)));
  if (pick && inBand(pick.p)) {
    const concept = pick.e.concepts.find((c) => (s.misses.get(c) ?? 0) > 0) ?? pick.e.concepts[0]!;
    return {
      kind: 'exercise',
      exercise: pick.e.id,
      concepts: pick.e.concepts,
      predictedSuccess: pick.p,
      ...practiceBeside(pick.e.concepts),
      reason:
        (s.misses.get(concept) ?? 0) > 0
          ? v.weakReason(concept)
          : { code: 'right-level', concept, percent: percent(pick.p) },
    };
  }

  // The track's own order assesses a new concept.
  const unassessed = gradable.find((e) => e.concepts.some(v.unassessed));
  if (unassessed) {
    const concept = unassessed.concepts.find(v.unassessed)!;
    return {
      kind: 'exercise',
      exercise: unassessed.id,
      concepts: unassessed.concepts,
      predictedSuccess: v.predict(unassessed),
      ...practiceBeside([concept]),
      reason: { code: 'next-in-track', concept },
    };
  }

  const nearest = pick ?? v.closest(gradable);
  const concept = weakest ?? nearest?.e.concepts[0];
  if (concept)
    return {
      kind: 'practice',
      ...v.practiceFor(concept, false),
      ...(nearest && { fallback: nearest.e.id }),
      reason: weakest ? v.weakReason(weakest) : { code: 'ahead', concept },
    };
  return { kind: 'done', reason: { code: 'track-done' } };
}

/**
 * What "Practise my weak spots" works on, best first: due reviews, then the weakest open concepts
 * the learner has worked on, then open concepts not yet assessed (in track order), and when every
 * open concept is mastered, the open concepts themselves at a harder difficulty.
 */
export function practiceTargets(s: LearnerSnapshot, count = 3): PracticeTarget[] {
  const v = view(s);
  const out: PracticeTarget[] = [];
  const seen = new Set<string>();
  const add = (concept: string, review: boolean, reason: StepReason) => {
    if (seen.has(concept) || out.length >= count) return;
    seen.add(concept);
    out.push({ ...v.practiceFor(concept, review), difficulty: wholeDifficulty(v, concept), reason });
  };
  for (const due of v.dueOpen()) add(due.concept, true, due.reason);
  for (const c of v.weak()) add(c, false, v.weakReason(c));
  const open = s.course.track.concepts.map((c) => c.id).filter(v.open);
  for (const c of open.filter(v.unassessed)) add(c, false, { code: 'next-in-track', concept: c });
  if (out.length === 0)
    for (const c of [...open].sort((a, b) => (v.state(a)?.mastery ?? 0) - (v.state(b)?.mastery ?? 0)))
      add(c, false, { code: 'ahead', concept: c });
  return out;
}

/** The whole authored difficulty (1–10) to ask generated practice on these concepts for. */
export function difficultyFor(s: Pick<LearnerSnapshot, 'concepts'>, concepts: readonly string[]): number {
  const known = concepts.filter((c) => s.concepts.has(c));
  const a = known.length
    ? known.reduce((sum, c) => sum + (s.concepts.get(c)?.ability ?? 0), 0) / known.length
    : 0;
  return Math.min(10, Math.max(1, Math.round(practiceDifficulty(a))));
}

function wholeDifficulty(v: ReturnType<typeof view>, concept: string): number {
  return Math.min(10, Math.max(1, Math.round(v.practiceFor(concept, false).difficulty)));
}
