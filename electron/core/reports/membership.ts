/**
 * The learner's side of a class: the enrolment each profile joined (table `enrolment`, migration
 * 0008), read when their report is built and when Learn lists the assigned units first.
 */
import type { Db } from '../store/database.ts';
import type { AssignedUnit, Enrolment } from './enrolment.ts';

export interface Membership extends Enrolment {
  studentId: string;
  joinedAt: number;
}

interface Row {
  class_code: string;
  class_name: string;
  teacher_key: string;
  units: string;
  student_id: string;
  joined_at: number;
}

export class Memberships {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  get(profileId: number): Membership | undefined {
    const row = this.db.prepare('SELECT * FROM enrolment WHERE profile_id = ?').get(profileId) as
      Row | undefined;
    if (!row) return undefined;
    return {
      classId: row.class_code,
      className: row.class_name,
      teacherKey: row.teacher_key,
      units: JSON.parse(row.units) as AssignedUnit[],
      studentId: row.student_id,
      joinedAt: row.joined_at,
    };
  }

  /** Joins a class; a profile is in one class at a time, so joining another replaces it. */
  join(profileId: number, e: Enrolment, studentId: string, now = Date.now()): Membership {
    this.db
      .prepare(
        `INSERT INTO enrolment (profile_id, class_code, class_name, teacher_key, units, student_id, joined_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (profile_id) DO UPDATE SET class_code = excluded.class_code,
           class_name = excluded.class_name, teacher_key = excluded.teacher_key, units = excluded.units,
           student_id = excluded.student_id, joined_at = excluded.joined_at`,
      )
      .run(profileId, e.classId, e.className, e.teacherKey, JSON.stringify(e.units), studentId, now);
    return this.get(profileId)!;
  }

  leave(profileId: number): boolean {
    return this.db.prepare('DELETE FROM enrolment WHERE profile_id = ?').run(profileId).changes > 0;
  }
}
