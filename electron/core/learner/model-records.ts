/**
 * The learner model's state in SQLite: ability and mastery per concept (with history), the
 * difficulty of each exercise, and the review schedule. Plain reads and writes; the learner model
 * decides what to write and wraps it in its transaction.
 */
import type { Db } from '../store/database.ts';
import type { ReviewState } from './review-schedule.ts';

export interface ConceptMastery {
  track: string;
  concept: string;
  /** Ability on the logit scale. */
  ability: number;
  /** Predicted chance of solving a typical exercise of the concept, 0–1. */
  mastery: number;
  /**
   * How many checked attempts the estimate rests on. A placement result moves the ability but
   * adds no evidence: a solved diagnostic is already a checked attempt, a skipped one shows nothing.
   */
  evidence: number;
  /** When evidence last changed the estimate (the last checked attempt); 0 when there is none. */
  updatedAt: number;
}

export interface MasteryPoint {
  concept: string;
  mastery: number;
  at: number;
}

export interface DueReview extends ReviewState {
  track: string;
  concept: string;
}

export class ModelRecords {
  private readonly stmt: ReturnType<typeof prepare>;

  constructor(db: Db) {
    this.stmt = prepare(db);
  }

  mastery(profileId: number, track: string): ConceptMastery[] {
    return (this.stmt.masteryOfTrack.all(profileId, track) as MasteryRow[]).map(toMastery);
  }

  conceptMastery(profileId: number, track: string, concept: string): ConceptMastery | undefined {
    const row = this.stmt.masteryOfConcept.get(profileId, track, concept) as MasteryRow | undefined;
    return row && toMastery(row);
  }

  /** The learner's general ability in the track (decision 0037), if they have attempted any of it. */
  learnerAbility(profileId: number, track: string): { ability: number; evidence: number } | undefined {
    return this.stmt.learnerAbility.get(profileId, track) as
      { ability: number; evidence: number } | undefined;
  }

  saveLearnerAbility(profileId: number, track: string, ability: number, evidence: number, at: number): void {
    this.stmt.upsertLearnerAbility.run(profileId, track, ability, evidence, at);
  }

  /**
   * Moves a concept's stored ability and mastery without a point in its history: the learner's
   * general ability moved on evidence from another concept (decision 0037).
   */
  shiftMastery(profileId: number, m: ConceptMastery): void {
    this.stmt.upsertMastery.run(profileId, m.track, m.concept, m.ability, m.mastery, m.evidence, m.updatedAt);
  }

  /** `at` dates the history point (default the state's own time). */
  saveMastery(profileId: number, m: ConceptMastery, attemptId: number | null, at = m.updatedAt): void {
    this.stmt.upsertMastery.run(profileId, m.track, m.concept, m.ability, m.mastery, m.evidence, m.updatedAt);
    this.stmt.insertHistory.run(profileId, m.track, m.concept, m.mastery, attemptId, at);
  }

  /** Checks that did not pass since `since`, per concept of the track (generated practice included). */
  missedChecks(profileId: number, track: string, since: number): Map<string, number> {
    const rows = this.stmt.missed.all(profileId, track, since) as { concept: string; n: number }[];
    return new Map(rows.map((r) => [r.concept, r.n]));
  }

  history(profileId: number, track: string, concept?: string): MasteryPoint[] {
    const rows = (
      concept === undefined
        ? this.stmt.historyOfTrack.all(profileId, track)
        : this.stmt.historyOfConcept.all(profileId, track, concept)
    ) as { concept: string; mastery: number; created_at: number }[];
    return rows.map((r) => ({ concept: r.concept, mastery: r.mastery, at: r.created_at }));
  }

  difficulty(track: string, exercise: string): { rating: number; evidence: number } | undefined {
    return this.stmt.difficulty.get(track, exercise) as { rating: number; evidence: number } | undefined;
  }

  difficulties(track: string): Map<string, { rating: number; evidence: number }> {
    const rows = this.stmt.difficultiesOfTrack.all(track) as {
      exercise: string;
      rating: number;
      evidence: number;
    }[];
    return new Map(rows.map((r) => [r.exercise, { rating: r.rating, evidence: r.evidence }]));
  }

  saveDifficulty(track: string, exercise: string, rating: number, evidence: number): void {
    this.stmt.upsertDifficulty.run(track, exercise, rating, evidence);
  }

  review(profileId: number, track: string, concept: string): ReviewState | undefined {
    const row = this.stmt.review.get(profileId, track, concept) as ReviewRow | undefined;
    return row && toReview(row);
  }

  saveReview(profileId: number, track: string, concept: string, r: ReviewState): void {
    this.stmt.upsertReview.run(profileId, track, concept, r.intervalDays, r.dueAt, r.reviews, r.lapses);
  }

  dueReviews(profileId: number, now: number, track?: string): DueReview[] {
    const rows = this.stmt.due.all(profileId, now) as (ReviewRow & { track: string; concept: string })[];
    return rows
      .filter((r) => track === undefined || r.track === track)
      .map((r) => ({ track: r.track, concept: r.concept, ...toReview(r) }));
  }
}

interface MasteryRow {
  track: string;
  concept: string;
  ability: number;
  mastery: number;
  evidence: number;
  updated_at: number;
}

interface ReviewRow {
  interval_days: number;
  due_at: number;
  reviews: number;
  lapses: number;
}

function toMastery(r: MasteryRow): ConceptMastery {
  return {
    track: r.track,
    concept: r.concept,
    ability: r.ability,
    mastery: r.mastery,
    evidence: r.evidence,
    updatedAt: r.updated_at,
  };
}

function toReview(r: ReviewRow): ReviewState {
  return { intervalDays: r.interval_days, dueAt: r.due_at, reviews: r.reviews, lapses: r.lapses };
}

function prepare(db: Db) {
  return {
    learnerAbility: db.prepare(
      'SELECT ability, evidence FROM learner_ability WHERE profile_id = ? AND track = ?',
    ),
    upsertLearnerAbility: db.prepare(
      `INSERT INTO learner_ability (profile_id, track, ability, evidence, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, track) DO UPDATE SET ability = excluded.ability,
         evidence = excluded.evidence, updated_at = excluded.updated_at`,
    ),
    masteryOfTrack: db.prepare('SELECT * FROM mastery WHERE profile_id = ? AND track = ? ORDER BY concept'),
    masteryOfConcept: db.prepare('SELECT * FROM mastery WHERE profile_id = ? AND track = ? AND concept = ?'),
    upsertMastery: db.prepare(
      `INSERT INTO mastery (profile_id, track, concept, ability, mastery, evidence, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, track, concept) DO UPDATE SET ability = excluded.ability,
         mastery = excluded.mastery, evidence = excluded.evidence, updated_at = excluded.updated_at`,
    ),
    insertHistory: db.prepare(
      `INSERT INTO mastery_history (profile_id, track, concept, mastery, attempt_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    historyOfTrack: db.prepare(
      'SELECT concept, mastery, created_at FROM mastery_history WHERE profile_id = ? AND track = ? ORDER BY id',
    ),
    historyOfConcept: db.prepare(
      `SELECT concept, mastery, created_at FROM mastery_history
       WHERE profile_id = ? AND track = ? AND concept = ? ORDER BY id`,
    ),
    difficulty: db.prepare(
      'SELECT rating, evidence FROM exercise_difficulty WHERE track = ? AND exercise = ?',
    ),
    difficultiesOfTrack: db.prepare(
      'SELECT exercise, rating, evidence FROM exercise_difficulty WHERE track = ?',
    ),
    upsertDifficulty: db.prepare(
      `INSERT INTO exercise_difficulty (track, exercise, rating, evidence) VALUES (?, ?, ?, ?)
       ON CONFLICT (track, exercise) DO UPDATE SET rating = excluded.rating, evidence = excluded.evidence`,
    ),
    review: db.prepare('SELECT * FROM review WHERE profile_id = ? AND track = ? AND concept = ?'),
    upsertReview: db.prepare(
      `INSERT INTO review (profile_id, track, concept, interval_days, due_at, reviews, lapses)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, track, concept) DO UPDATE SET interval_days = excluded.interval_days,
         due_at = excluded.due_at, reviews = excluded.reviews, lapses = excluded.lapses`,
    ),
    due: db.prepare('SELECT * FROM review WHERE profile_id = ? AND due_at <= ? ORDER BY due_at'),
    missed: db.prepare(
      `SELECT h.concept, count(*) AS n FROM mastery_history h JOIN attempt a ON a.id = h.attempt_id
       WHERE h.profile_id = ? AND h.track = ? AND h.created_at >= ? AND a.status <> 'pass'
       GROUP BY h.concept`,
    ),
  };
}
