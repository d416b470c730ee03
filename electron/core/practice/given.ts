/**
 * The practice problems each learner has been given, newest first. Generated problems are shared
 * by everyone on the machine; the lists are not, and go with their learner (ON DELETE CASCADE).
 */
import type { Db } from '../store/database.ts';

export class GivenProblems {
  private readonly listStmt;
  private readonly giveStmt;
  private readonly trimStmt;
  private readonly db: Db;

  /** Problems kept in a learner's list. */
  private readonly keep: number;

  constructor(db: Db, keep = 50) {
    this.db = db;
    this.keep = keep;
    this.listStmt = db
      .prepare('SELECT exercise FROM practice_given WHERE profile_id = ? ORDER BY seq DESC LIMIT ?')
      .pluck();
    this.giveStmt = db.prepare(
      `INSERT INTO practice_given (profile_id, exercise, seq)
       VALUES (@profile, @exercise,
         (SELECT coalesce(max(seq), 0) + 1 FROM practice_given WHERE profile_id = @profile))
       ON CONFLICT (profile_id, exercise) DO UPDATE SET seq = excluded.seq`,
    );
    this.trimStmt = db.prepare(
      `DELETE FROM practice_given WHERE profile_id = @profile AND exercise NOT IN
         (SELECT exercise FROM practice_given WHERE profile_id = @profile ORDER BY seq DESC LIMIT @keep)`,
    );
  }

  list(profileId: number): string[] {
    return this.listStmt.all(profileId, this.keep) as string[];
  }

  /** Puts a problem at the top of the learner's list. */
  give(profileId: number, exercise: string): void {
    this.db.transaction(() => {
      this.giveStmt.run({ profile: profileId, exercise });
      this.trimStmt.run({ profile: profileId, keep: this.keep });
    })();
  }
}
