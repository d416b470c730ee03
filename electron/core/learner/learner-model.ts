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
import { MASTERED, outcomeScore, predictSuccess, ratingFromAuthored } from './elo.ts';
import { NEW_LEARNER, updateAttempt, type AbilityState } from './model-core.ts';
import { DAY_MS, afterReview, firstReview, isDue } from './review-schedule.ts';
import {
  difficultyFor,
  nextBestStep,
  practiceDifficulty,
  practiceTargets,
  type ConceptState,
  type LearnerSnapshot,
  type NextStep,
  type PracticeTarget,
} from './recommend.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';

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

export type { NextStep, PracticeRequest, PracticeTarget, StepReason } from './recommend.ts';

export interface PlacementResult {
  exercise: string;
  /**
   * What the page reported. It can withhold a solve (the learner skipped the question, so it says
   * nothing now) but never make one: the recorded, verified checks decide (placementOutcome).
   */
  passed: boolean;
}

export type PlacementOutcome = 'solved' | 'failed' | 'skipped';

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
    const done = this.progress.exerciseProgress(a.profileId, a.track, a.exercise);
    const before = { checks: done?.checks ?? 0, passed: (done?.passes ?? 0) > 0 };
    const attemptId = this.progress.insertAttempt({ ...a, at });
    if (!GRADED.has(a.kind)) return { attemptId, mastery: [] };
    const course = this.courseOf(a.track);
    const known = course?.byId.get(a.exercise);
    const concepts = a.concepts ?? known?.concepts;
    const authored = a.difficulty ?? known?.difficulty;
    if (!concepts?.length || authored === undefined) return { attemptId, mastery: [] };

    const stored = this.records.difficulty(a.track, a.exercise);
    const learner = this.learnerAbility(a.profileId, a.track);
    const practised = new Map(this.records.mastery(a.profileId, a.track).map((m) => [m.concept, m]));
    const states = concepts.map((c) => practised.get(c) ?? this.unseen(a.track, c, learner, course));
    const score = outcomeScore({
      passed: a.status === 'pass',
      hintsShown: a.hintsShown ?? 0,
      solutionRevealed: a.solutionRevealed ?? false,
      testsPassed: a.testsPassed ?? 0,
      testsTotal: a.testsTotal ?? 0,
    });
    const update = updateAttempt(
      learner,
      states,
      stored ?? { rating: ratingFromAuthored(authored), evidence: 0 },
      score,
      before,
    );
    if (!update.counted) {
      // A re-check of a solved exercise is no evidence (model-core.ts): no mastery or history. It
      // still answers a due review, since a review may be offered on an exercise already solved.
      for (const m of states)
        if (practised.has(m.concept)) this.updateReview(a.profileId, m, score >= 0.5, at);
      return { attemptId, mastery: states };
    }
    const masteryOf = (concept: string, ability: number) =>
      predictSuccess(ability, course?.conceptReference.get(concept) ?? 0);
    const after = update.concepts.map((m): ConceptMastery => ({
      ...m,
      mastery: masteryOf(m.concept, m.ability),
      updatedAt: at,
    }));
    this.records.saveLearnerAbility(
      a.profileId,
      a.track,
      update.learner.ability,
      update.learner.evidence,
      at,
    );
    // The general ability moved, and every concept practised before stands on it (decision 0037).
    for (const m of practised.values()) {
      if (concepts.includes(m.concept) || update.shift === 0) continue;
      const ability = m.ability + update.shift;
      this.records.shiftMastery(a.profileId, { ...m, ability, mastery: masteryOf(m.concept, ability) });
    }
    for (const m of after) {
      this.records.saveMastery(a.profileId, m, attemptId);
      this.updateReview(a.profileId, m, score >= 0.5, at);
    }
    if (update.difficulty)
      this.records.saveDifficulty(a.track, a.exercise, update.difficulty.rating, update.difficulty.evidence);
    return { attemptId, mastery: after };
  }

  /** The learner's general ability in the track: where a concept they have not practised stands. */
  private learnerAbility(profileId: number, track: string): AbilityState {
    return this.records.learnerAbility(profileId, track) ?? NEW_LEARNER;
  }

  /** A concept the learner has no record of: at their general ability, on no evidence. */
  private unseen(track: string, concept: string, learner: AbilityState, course?: CourseMap): ConceptMastery {
    return {
      track,
      concept,
      ability: learner.ability,
      mastery: predictSuccess(learner.ability, course?.conceptReference.get(concept) ?? 0),
      evidence: 0,
      updatedAt: 0,
    };
  }

  private updateReview(profileId: number, m: ConceptMastery, passed: boolean, at: number): void {
    const review = this.records.review(profileId, m.track, m.concept);
    if (review && isDue(review, at))
      this.records.saveReview(profileId, m.track, m.concept, afterReview(review, passed, at));
    else if (!review && m.mastery >= MASTERED)
      this.records.saveReview(profileId, m.track, m.concept, firstReview(at));
  }

  /** Mastery of every concept of the track, including ones not yet practised. */
  mastery(profileId: number, track: string): ConceptMastery[] {
    const course = this.requireCourse(track);
    const stored = new Map(this.records.mastery(profileId, track).map((m) => [m.concept, m]));
    const learner = this.learnerAbility(profileId, track);
    return course.track.concepts.map((c) => stored.get(c.id) ?? this.unseen(track, c.id, learner, course));
  }

  predictedSuccess(profileId: number, track: string, exercise: string): number {
    const course = this.requireCourse(track);
    const e = course.byId.get(exercise);
    if (!e)
      throw new ReasonedError(`Exercise "${exercise}" is not in track "${track}".`, {
        code: 'no-lesson',
        params: { track, lesson: exercise },
      });
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
    return practiceDifficulty(ability);
  }

  /** What the recommender sees of a learner in a track (recommend.ts decides from it). */
  private snapshot(profileId: number, track: string, now: number): LearnerSnapshot {
    return {
      course: this.requireCourse(track),
      concepts: this.conceptStates(profileId, track),
      completed: new Set(this.progress.completedExercises(profileId, track)),
      difficulties: this.records.difficulties(track),
      due: this.records.dueReviews(profileId, now, track),
      misses: this.records.missedChecks(profileId, track, now - 7 * DAY_MS),
      now,
    };
  }

  /** The next best step in a track, with the reason it was chosen (see recommend.ts). */
  nextBestStep(profileId: number, track: string, now = this.progress.now()): NextStep {
    return nextBestStep(this.snapshot(profileId, track, now));
  }

  /** What "Practise my weak spots" works on, best first, each at its mid-band difficulty. */
  practiceTargets(
    profileId: number,
    track: string,
    count?: number,
    now = this.progress.now(),
  ): PracticeTarget[] {
    return practiceTargets(this.snapshot(profileId, track, now), count);
  }

  /** The whole difficulty 1–10 to ask generated practice on these concepts for. */
  difficultyFor(profileId: number, track: string, concepts: readonly string[]): number {
    return difficultyFor({ concepts: this.conceptStates(profileId, track) }, concepts);
  }

  /**
   * Every concept as the recommender predicts from it: a concept the learner has not practised
   * stands at their general ability, as record() would start it.
   */
  private conceptStates(profileId: number, track: string): LearnerSnapshot['concepts'] {
    const course = this.requireCourse(track);
    const stored = new Map(this.records.mastery(profileId, track).map((m) => [m.concept, m]));
    const learner = this.learnerAbility(profileId, track);
    return new Map<string, ConceptState>(
      course.track.concepts.map((c): [string, ConceptState] => {
        const m = stored.get(c.id);
        if (m) return [c.id, { ...m, touched: true }];
        const { ability, mastery } = this.unseen(track, c.id, learner, course);
        return [c.id, { ability, mastery, evidence: 0, touched: false }];
      }),
    );
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
   * What the learner's recorded checks of a diagnostic say. Every check is re-run by the backend
   * before it is recorded (verifier.ts, decision 0023), so this reads only verified results:
   * solved = a pass without hints or the solution; skipped = no check, or only passes after
   * hints; failed = checks and no pass of its own.
   */
  placementOutcome(profileId: number, track: string, exercise: string): PlacementOutcome {
    const graded = this.progress
      .attempts(profileId, { track, exercise, limit: 1000 })
      .filter((a) => GRADED.has(a.kind));
    if (!graded.length) return 'skipped';
    // Pasting the revealed solution shows nothing about the learner. A pass after hints (read in
    // the lesson: the placement check offers none) is not the unaided solve placement credits
    // with "known well above this exercise"; its check already counted for what it is worth
    // (a pass after three hints scores 0.1), so placement adds nothing either way.
    if (graded.some((a) => a.status === 'pass' && !a.solutionRevealed && a.hintsShown === 0)) return 'solved';
    return graded.some((a) => a.status === 'pass' && !a.solutionRevealed) ? 'skipped' : 'failed';
  }

  /**
   * Seeds mastery from a placement check. Solving a diagnostic shows its concepts and everything
   * they rest on are known well enough to be above that exercise; failing one caps its concepts
   * and those built on them below it, where no checked attempt has assessed them; a skipped one
   * says nothing. Whether a diagnostic was solved or failed is read from the recorded checks
   * (placementOutcome): the diagnostics must be recorded as ordinary checks with recordAttempt
   * first. `results[].passed` can only withhold a recorded solve (the learner skipped the question
   * this time: no evidence), never make one.
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
    const resolved = [...new Set(results.map((r) => r.exercise))].flatMap((id) => {
      const e = course.byId.get(id);
      if (!e) return [];
      const recorded = this.placementOutcome(profileId, track, id);
      const skipped = recorded === 'solved' && !results.some((r) => r.exercise === id && r.passed);
      return [{ e, outcome: skipped ? 'skipped' : recorded }];
    });
    for (const { e } of resolved.filter((r) => r.outcome === 'solved'))
      for (const c of withAncestors(course, e.concepts)) {
        const m = state.get(c);
        if (m && m.ability < rating(e) + 2) {
          m.ability = rating(e) + 2;
          changed.add(c);
        }
      }
    // A failed diagnostic lowers only what no checked attempt has assessed: it never undoes what
    // the learner's checked attempts show.
    for (const { e } of resolved.filter((r) => r.outcome === 'failed'))
      for (const c of withDescendants(course, e.concepts)) {
        const m = state.get(c);
        if (m && m.evidence === 0 && m.ability > rating(e) - 0.5) {
          m.ability = rating(e) - 0.5;
          changed.add(c);
        }
      }
    return this.progress.db.transaction(() => {
      const saved: ConceptMastery[] = [];
      for (const c of changed) {
        const m = state.get(c);
        if (!m) continue;
        // The ability moves; the evidence and the time it was last seen do not (ADR 0029).
        const next: ConceptMastery = {
          ...m,
          mastery: predictSuccess(m.ability, course.conceptReference.get(c) ?? 0),
        };
        this.records.saveMastery(profileId, next, null, at);
        // A review checks what a learner showed; a concept only implied by a diagnostic gets its
        // first one from a checked attempt, like any other.
        if (next.evidence > 0 && next.mastery >= MASTERED && !this.records.review(profileId, track, c))
          this.records.saveReview(profileId, track, c, firstReview(at));
        saved.push(next);
      }
      this.placedStmt.run(at, profileId);
      return saved;
    })();
  }

  private requireCourse(track: string): CourseMap {
    const course = this.courseOf(track);
    if (!course)
      throw new ReasonedError(`Track "${track}" is not installed.`, { code: 'no-track', params: { track } });
    return course;
  }
}
