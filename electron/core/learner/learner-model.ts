/**
 * The learner model: records every attempt together with what it says about the learner (mastery
 * per concept, the exercise's difficulty, the review schedule), in one transaction; recommends the
 * next best step; seeds mastery from a placement check. Elo-style; see
 * docs/decisions/0007-learner-model.md for why.
 */
import type { ProgressStore } from './progress-store.ts';
import type { AttemptInput } from './progress-records.ts';
import type { ConceptMastery, ModelRecords } from './model-records.ts';
import {
  conceptDepths,
  withAncestors,
  withDescendants,
  type CourseExercise,
  type CourseMap,
} from './course-map.ts';
import {
  MASTERED,
  TARGET_BAND,
  authoredFromRating,
  logit,
  outcomeScore,
  predictSuccess,
  ratingFromAuthored,
} from './elo.ts';
import { unseenAbility, updateAttempt } from './model-core.ts';
import { afterReview, firstReview, isDue } from './review-schedule.ts';

export interface RecordAttemptInput extends AttemptInput {
  /** For an exercise that is not in the track (generated practice): its concepts and difficulty. */
  concepts?: string[];
  difficulty?: number;
}

export interface RecordedAttempt {
  attemptId: number;
  /** Mastery of the exercise's concepts after this attempt (empty for runs). */
  mastery: ConceptMastery[];
}

/** What to do next. `practice` is the generated exercise to ask the tutor for (and prefetch). */
export type NextStep =
  | {
      kind: 'lesson' | 'exercise' | 'review';
      exercise: string;
      concepts: string[];
      predictedSuccess: number;
      practice?: PracticeRequest;
    }
  | ({
      kind: 'practice';
      /** The closest authored exercise, for when nothing can be generated. */ fallback?: string;
    } & PracticeRequest)
  | { kind: 'done' };

export interface PracticeRequest {
  concept: string;
  /** Authored-scale difficulty 1–10 at which this learner's predicted success is mid-band. */
  difficulty: number;
  review: boolean;
}

export interface PlacementResult {
  exercise: string;
  passed: boolean;
}

const GRADED = new Set(['check', 'predict', 'quiz']);

export class LearnerModel {
  private readonly progress: ProgressStore;
  private readonly records: ModelRecords;
  private readonly courseOf: (track: string) => CourseMap | undefined;
  private readonly placedStmt;
  readonly recordAttempt: (input: RecordAttemptInput) => RecordedAttempt;

  constructor(
    progress: ProgressStore,
    records: ModelRecords,
    courseOf: (track: string) => CourseMap | undefined,
  ) {
    this.progress = progress;
    this.records = records;
    this.courseOf = courseOf;
    this.placedStmt = progress.db.prepare('UPDATE profile SET placed_at = ? WHERE id = ?');
    this.recordAttempt = progress.db.transaction((a: RecordAttemptInput) => this.record(a));
  }

  private record(a: RecordAttemptInput): RecordedAttempt {
    const at = a.at ?? this.progress.now();
    const priorChecks = this.progress.checksOf(a.profileId, a.track, a.exercise);
    const attemptId = this.progress.insertAttempt({ ...a, at });
    if (!GRADED.has(a.kind)) return { attemptId, mastery: [] };
    const course = this.courseOf(a.track);
    const known = course?.byId.get(a.exercise);
    const concepts = a.concepts ?? known?.concepts;
    const authored = a.difficulty ?? known?.difficulty;
    if (!concepts?.length || authored === undefined) return { attemptId, mastery: [] };

    const stored = this.records.difficulty(a.track, a.exercise);
    const practised = new Map(this.records.mastery(a.profileId, a.track).map((m) => [m.concept, m]));
    const start = unseenAbility(practised.values());
    const before = concepts.map(
      (c) => practised.get(c) ?? { ...this.conceptState(a.profileId, a.track, c, course), ability: start },
    );
    const score = outcomeScore({
      passed: a.status === 'pass',
      hintsShown: a.hintsShown ?? 0,
      solutionRevealed: a.solutionRevealed ?? false,
      testsPassed: a.testsPassed ?? 0,
      testsTotal: a.testsTotal ?? 0,
    });
    const update = updateAttempt(
      before,
      stored ?? { rating: ratingFromAuthored(authored), evidence: 0 },
      score,
      priorChecks,
    );
    const after = update.concepts.map((m): ConceptMastery => ({
      ...m,
      mastery: predictSuccess(m.ability, course?.conceptReference.get(m.concept) ?? 0),
      updatedAt: at,
    }));
    for (const m of after) {
      this.records.saveMastery(a.profileId, m, attemptId);
      this.updateReview(a.profileId, m, score >= 0.5, at);
    }
    if (update.difficulty)
      this.records.saveDifficulty(a.track, a.exercise, update.difficulty.rating, update.difficulty.evidence);
    return { attemptId, mastery: after };
  }

  private updateReview(profileId: number, m: ConceptMastery, passed: boolean, at: number): void {
    const review = this.records.review(profileId, m.track, m.concept);
    if (review && isDue(review, at))
      this.records.saveReview(profileId, m.track, m.concept, afterReview(review, passed, at));
    else if (!review && m.mastery >= MASTERED)
      this.records.saveReview(profileId, m.track, m.concept, firstReview(at));
  }

  private conceptState(
    profileId: number,
    track: string,
    concept: string,
    course?: CourseMap,
  ): ConceptMastery {
    return (
      this.records.conceptMastery(profileId, track, concept) ?? {
        track,
        concept,
        ability: 0,
        mastery: predictSuccess(0, course?.conceptReference.get(concept) ?? 0),
        evidence: 0,
        updatedAt: 0,
      }
    );
  }

  /** Mastery of every concept of the track, including ones not yet practised. */
  mastery(profileId: number, track: string): ConceptMastery[] {
    const course = this.requireCourse(track);
    const stored = new Map(this.records.mastery(profileId, track).map((m) => [m.concept, m]));
    return course.track.concepts.map(
      (c) => stored.get(c.id) ?? this.conceptState(profileId, track, c.id, course),
    );
  }

  predictedSuccess(profileId: number, track: string, exercise: string): number {
    const course = this.requireCourse(track);
    const e = course.byId.get(exercise);
    if (!e) throw new Error(`Exercise "${exercise}" is not in track "${track}".`);
    const abilities = new Map(this.mastery(profileId, track).map((m) => [m.concept, m.ability]));
    return this.predict(e, abilities, this.records.difficulties(track));
  }

  private predict(
    e: CourseExercise,
    abilities: ReadonlyMap<string, number>,
    difficulties: ReadonlyMap<string, { rating: number }>,
  ): number {
    const ability = e.concepts.reduce((s, c) => s + (abilities.get(c) ?? 0), 0) / e.concepts.length;
    return predictSuccess(ability, difficulties.get(e.id)?.rating ?? ratingFromAuthored(e.difficulty));
  }

  /** The authored-scale difficulty (1–10) at which the learner is predicted mid-band on a concept. */
  practiceDifficulty(ability: number): number {
    return Math.round(authoredFromRating(ability - logit(TARGET_BAND.centre)) * 10) / 10;
  }

  /**
   * The next best step in a track: a due review first; then an unread explanation of a concept
   * that is open; then the open exercise whose predicted success is closest to the middle of the
   * 70–85% band. A concept is open when each of its prerequisites is mastered or fully completed.
   */
  nextBestStep(profileId: number, track: string, now = this.progress.now()): NextStep {
    const course = this.requireCourse(track);
    const completed = new Set(this.progress.completedExercises(profileId, track));
    const masteries = this.mastery(profileId, track);
    const mastery = new Map(masteries.map((m) => [m.concept, m]));
    const abilities = new Map(masteries.map((m) => [m.concept, m.ability]));
    const difficulties = this.records.difficulties(track);
    const met = (c: string) =>
      (mastery.get(c)?.mastery ?? 0) >= MASTERED ||
      (course.exercisesOfConcept.get(c) ?? []).every((e) => completed.has(e.id));
    const open = (c: string) => (course.prerequisites.get(c) ?? []).every(met);
    const practiceFor = (concept: string, review: boolean): PracticeRequest => ({
      concept,
      difficulty: this.practiceDifficulty(abilities.get(concept) ?? 0),
      review,
    });
    const closest = (candidates: readonly CourseExercise[]) => {
      let best: { e: CourseExercise; p: number; score: number } | undefined;
      for (const e of candidates) {
        const p = this.predict(e, abilities, difficulties);
        const score = bandDistance(p);
        if (!best || score < best.score) best = { e, p, score };
      }
      return best;
    };

    for (const due of this.records.dueReviews(profileId, now, track)) {
      if (!open(due.concept)) continue;
      const pick = closest(course.exercisesOfConcept.get(due.concept) ?? []);
      if (!pick) return { kind: 'practice', ...practiceFor(due.concept, true) };
      return {
        kind: 'review',
        exercise: pick.e.id,
        concepts: pick.e.concepts,
        predictedSuccess: pick.p,
        practice: practiceFor(due.concept, true),
      };
    }

    const weakest = course.track.concepts
      .filter((c) => open(c.id) && (mastery.get(c.id)?.mastery ?? 0) < MASTERED)
      .sort((x, y) => (mastery.get(x.id)?.mastery ?? 0) - (mastery.get(y.id)?.mastery ?? 0))[0];
    const practice = weakest && practiceFor(weakest.id, false);
    const available = course.exercises.filter((e) => !completed.has(e.id) && e.concepts.every(open));

    const reading = available.find(
      (e) => e.type === 'explanation' && e.concepts.some((c) => (mastery.get(c)?.mastery ?? 0) < MASTERED),
    );
    if (reading)
      return {
        kind: 'lesson',
        exercise: reading.id,
        concepts: reading.concepts,
        predictedSuccess: 1,
        practice,
      };

    const pick = closest(available.filter((e) => e.type !== 'explanation'));
    const inBand = pick !== undefined && pick.p >= TARGET_BAND.low && pick.p <= TARGET_BAND.high;
    if (pick && (inBand || !practice))
      return {
        kind: 'exercise',
        exercise: pick.e.id,
        concepts: pick.e.concepts,
        predictedSuccess: pick.p,
        practice,
      };
    // No authored exercise is at the right difficulty but generated practice can be; the closest
    // authored one is the fallback for when nothing can be generated.
    if (practice) return { kind: 'practice', ...practice, ...(pick && { fallback: pick.e.id }) };
    return { kind: 'done' };
  }

  /**
   * A handful of diagnostic exercises spread over the track, from its first concepts to its last
   * and from easy to hard, so one short check places an experienced learner.
   */
  placementExercises(track: string, count = 5): string[] {
    const course = this.requireCourse(track);
    const depth = conceptDepths(course);
    const depthOf = (e: CourseExercise) => Math.max(...e.concepts.map((c) => depth.get(c) ?? 0));
    const pool = course.exercises.filter((e) => e.type === 'exercise');
    const candidates = (pool.length ? pool : course.exercises.filter((e) => e.type !== 'explanation'))
      .map((e, order) => ({ e, order }))
      .sort((x, y) => depthOf(x.e) - depthOf(y.e) || x.e.difficulty - y.e.difficulty || x.order - y.order);
    if (candidates.length <= count) return candidates.map((c) => c.e.id);
    const picked = new Set<string>();
    for (let i = 0; i < count; i++) {
      const c = candidates[Math.round((i * (candidates.length - 1)) / (count - 1))];
      if (c) picked.add(c.e.id);
    }
    return [...picked];
  }

  /**
   * Seeds mastery from a placement check. Solving a diagnostic shows its concepts and everything
   * they rest on are known well enough to be above that exercise; failing one caps its concepts
   * and those built on them below it. The diagnostics themselves should also be recorded as
   * ordinary checks with recordAttempt (that marks them completed).
   */
  applyPlacement(
    profileId: number,
    track: string,
    results: readonly PlacementResult[],
    at = this.progress.now(),
  ): ConceptMastery[] {
    const course = this.requireCourse(track);
    const difficulties = this.records.difficulties(track);
    const rating = (e: CourseExercise) => difficulties.get(e.id)?.rating ?? ratingFromAuthored(e.difficulty);
    const state = new Map(this.mastery(profileId, track).map((m) => [m.concept, { ...m }]));
    const changed = new Set<string>();
    const resolved = results.flatMap((r) => {
      const e = course.byId.get(r.exercise);
      return e ? [{ e, passed: r.passed }] : [];
    });
    for (const { e } of resolved.filter((r) => r.passed))
      for (const c of withAncestors(course, e.concepts)) {
        const m = state.get(c);
        if (m && m.ability < rating(e) + 2) {
          m.ability = rating(e) + 2;
          changed.add(c);
        }
      }
    for (const { e } of resolved.filter((r) => !r.passed))
      for (const c of withDescendants(course, e.concepts)) {
        const m = state.get(c);
        if (m && m.ability > rating(e) - 0.5) {
          m.ability = rating(e) - 0.5;
          changed.add(c);
        }
      }
    return this.progress.db.transaction(() => {
      const saved: ConceptMastery[] = [];
      for (const c of changed) {
        const m = state.get(c);
        if (!m) continue;
        const next: ConceptMastery = {
          ...m,
          mastery: predictSuccess(m.ability, course.conceptReference.get(c) ?? 0),
          evidence: Math.max(m.evidence, 2),
          updatedAt: at,
        };
        this.records.saveMastery(profileId, next, null);
        if (next.mastery >= MASTERED && !this.records.review(profileId, track, c))
          this.records.saveReview(profileId, track, c, firstReview(at));
        saved.push(next);
      }
      this.placedStmt.run(at, profileId);
      return saved;
    })();
  }

  private requireCourse(track: string): CourseMap {
    const course = this.courseOf(track);
    if (!course) throw new Error(`Track "${track}" is not installed.`);
    return course;
  }
}

/** 0 in the middle of the band, growing towards its edges, and above 1 outside it. */
function bandDistance(p: number): number {
  const half = (TARGET_BAND.high - TARGET_BAND.low) / 2;
  const fromCentre = Math.abs(p - TARGET_BAND.centre);
  return fromCentre <= half ? fromCentre / half : 1 + (fromCentre - half);
}
