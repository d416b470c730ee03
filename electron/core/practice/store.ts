/**
 * Validated generated exercises in SQLite (table `generated_exercise`, migration 0004). An exercise
 * is "ready" until it is served; serving marks it in the same statement that picks it, so two
 * requests never get the same one.
 */
import { Exercise, type UiLocale } from '../../../shared/content/schema.ts';
import type { TemplateReason } from '../../../shared/api/calls/practice.ts';
import type { Db } from '../store/database.ts';

export type ExerciseSource = 'model' | 'template';

export interface StoredExercise {
  exercise: Exercise;
  track: string;
  concept: string;
  locale: UiLocale;
  source: ExerciseSource;
  /** Model id on the wire, or template id. */
  origin: string;
  /** Dollars of model calls spent on producing it (including rejected attempts). */
  costUsd: number;
  /** Share of its solution's mutants its tests catch (model problems; undefined for templates). */
  mutationScore?: number;
  /** A template made although a model was wanted: why. */
  templateReason?: TemplateReason;
  createdAt: string;
  servedAt: string | null;
}

export interface NewStoredExercise {
  exercise: Exercise;
  track: string;
  concept: string;
  locale: UiLocale;
  source: ExerciseSource;
  origin: string;
  costUsd?: number;
  mutationScore?: number;
  templateReason?: TemplateReason;
}

interface Row {
  id: string;
  track: string;
  concept: string;
  locale: string;
  exercise: string;
  source: string;
  origin: string;
  cost_usd: number;
  mutation_score: number | null;
  template_reason: string | null;
  created_at: string;
  served_at: string | null;
}

export class GeneratedExerciseStore {
  private readonly db: Db;
  private readonly now: () => Date;
  constructor(db: Db, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
  }

  /** Stores a validated exercise as ready. Returns false when the same exercise is already there. */
  save(entry: NewStoredExercise): boolean {
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO generated_exercise
           (id, track, concept, difficulty, locale, exercise, source, origin, cost_usd, mutation_score, template_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.exercise.id,
        entry.track,
        entry.concept,
        entry.exercise.difficulty,
        entry.locale,
        JSON.stringify(entry.exercise),
        entry.source,
        entry.origin,
        entry.costUsd ?? 0,
        entry.mutationScore ?? null,
        entry.templateReason ?? null,
      );
    return info.changes === 1;
  }

  get(id: string): StoredExercise | undefined {
    const row = this.db.prepare('SELECT * FROM generated_exercise WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /**
   * Takes the ready exercise for one of the concepts closest to the difficulty, and marks it
   * served. Concepts earlier in the list win ties.
   */
  takeReady(
    track: string,
    concepts: readonly string[],
    locale: UiLocale,
    difficulty?: number,
  ): StoredExercise | undefined {
    if (concepts.length === 0) return undefined;
    const take = this.db.transaction(() => {
      const marks = concepts.map(() => '?').join(', ');
      const rows = this.db
        .prepare(
          `SELECT * FROM generated_exercise
           WHERE track = ? AND locale = ? AND served_at IS NULL AND concept IN (${marks})
           ORDER BY created_at, id`,
        )
        .all(track, locale, ...concepts) as Row[];
      const rank = (r: Row) =>
        concepts.indexOf(r.concept) * 100 +
        (difficulty === undefined ? 0 : Math.abs(JSON.parse(r.exercise).difficulty - difficulty));
      const best = rows.sort((a, b) => rank(a) - rank(b))[0];
      if (!best) return undefined;
      const servedAt = this.now().toISOString();
      this.db.prepare('UPDATE generated_exercise SET served_at = ? WHERE id = ?').run(servedAt, best.id);
      return fromRow({ ...best, served_at: servedAt });
    });
    return take();
  }

  /** The exercise of this concept served longest ago, served again (when no fresh one can be made). */
  reserveOldest(track: string, concept: string, locale: UiLocale): StoredExercise | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM generated_exercise WHERE track = ? AND concept = ? AND locale = ? AND served_at IS NOT NULL
         ORDER BY served_at LIMIT 1`,
      )
      .get(track, concept, locale) as Row | undefined;
    if (!row) return undefined;
    const servedAt = this.now().toISOString();
    this.db.prepare('UPDATE generated_exercise SET served_at = ? WHERE id = ?').run(servedAt, row.id);
    return fromRow({ ...row, served_at: servedAt });
  }

  /** Marks a ready exercise served (when it was made on demand for the learner who is waiting). */
  markServed(id: string): StoredExercise | undefined {
    this.db
      .prepare('UPDATE generated_exercise SET served_at = ? WHERE id = ?')
      .run(this.now().toISOString(), id);
    return this.get(id);
  }

  readyCount(track: string, concept: string, locale: UiLocale): number {
    const row = this.db
      .prepare(
        'SELECT COUNT(*) AS n FROM generated_exercise WHERE track = ? AND concept = ? AND locale = ? AND served_at IS NULL',
      )
      .get(track, concept, locale) as { n: number };
    return row.n;
  }

  /** How many exercises wait, ready, per concept of a track in one language. */
  waiting(track: string, locale: UiLocale): { concept: string; count: number }[] {
    return this.db
      .prepare(
        `SELECT concept, COUNT(*) AS count FROM generated_exercise
         WHERE track = ? AND locale = ? AND served_at IS NULL GROUP BY concept ORDER BY concept`,
      )
      .all(track, locale) as { concept: string; count: number }[];
  }

  /** The title of a generated exercise (reports and the dashboard show titles, never ids). */
  title(id: string): Exercise['title'] | undefined {
    const row = this.db.prepare('SELECT exercise FROM generated_exercise WHERE id = ?').pluck().get(id) as
      string | undefined;
    return row ? (JSON.parse(row) as Exercise).title : undefined;
  }

  /** Every stored exercise of a track (for the near-duplicate check). */
  allForTrack(track: string): StoredExercise[] {
    const rows = this.db.prepare('SELECT * FROM generated_exercise WHERE track = ?').all(track) as Row[];
    return rows.map(fromRow);
  }

  counts(): { source: ExerciseSource; ready: number; served: number; costUsd: number }[] {
    const rows = this.db
      .prepare(
        `SELECT source, SUM(served_at IS NULL) AS ready, SUM(served_at IS NOT NULL) AS served, SUM(cost_usd) AS cost
         FROM generated_exercise GROUP BY source ORDER BY source`,
      )
      .all() as { source: ExerciseSource; ready: number; served: number; cost: number }[];
    return rows.map((r) => ({ source: r.source, ready: r.ready, served: r.served, costUsd: r.cost ?? 0 }));
  }
}

function fromRow(row: Row): StoredExercise {
  return {
    exercise: Exercise.parse(JSON.parse(row.exercise)),
    track: row.track,
    concept: row.concept,
    locale: row.locale as UiLocale,
    source: row.source as ExerciseSource,
    origin: row.origin,
    costUsd: row.cost_usd,
    ...(row.mutation_score != null ? { mutationScore: row.mutation_score } : {}),
    ...(row.template_reason ? { templateReason: row.template_reason as TemplateReason } : {}),
    createdAt: row.created_at,
    servedAt: row.served_at,
  };
}
