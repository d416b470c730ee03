/**
 * How a learner's report enters a class: recognised by student ID, key or name, pinned to the
 * key that first signed it, held for the teacher when another key signed it, and merged as what
 * the class keeps of it (StoredReport) with the rows the class view reads. Runs inside the
 * import's transaction (Classes in classes.ts).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ImportOutcome } from '../../../shared/api/calls/teacher.ts';
import type { ProgressReport } from './report-schema.ts';
import { checkReportFile, type ReportFile } from './class-import.ts';
import { gradeEvidence, type ExerciseEvidence } from './grades.ts';
import { keyFingerprint } from './signing.ts';
import { digestAttempts, trackRows, type AttemptDigest } from './class-view.ts';
import type { ClassStatements, HeldRow } from './class-statements.ts';
import { mixedScriptLetters, studentIdKey } from './student-id.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import type { ClassRefusal } from '../../../shared/api/calls/teacher.ts';

/** A class action refused: a code for the page (`classroom.errors.<code>`), English for logs. */
export class ClassError extends ReasonedError {
  constructor(code: ClassRefusal, params: Record<string, string | number>, message: string) {
    super(message, { code, params });
    this.name = 'ClassError';
  }
}

/**
 * What a class keeps of a report: everything but the attempt list and the signature, plus the
 * gradebook's evidence and what the class view needs, drawn from the attempts (absent in copies
 * stored before they were kept).
 */
export type StoredReport = Omit<ProgressReport, 'attempts' | 'signature'> & {
  evidence?: ExerciseEvidence[];
  digest?: AttemptDigest;
};

/**
 * The row key of a learner first seen with this student ID. Learners are found by their ID's
 * look-alike key (student-id.ts), not by this: rows stored before that keep their keys.
 */
const studentKey = (studentId: string) => `id:${studentId.trim().toLowerCase()}`;

/** A class's learners by the look-alike key of their student ID (student-id.ts). */
export type LearnersById = Map<string, { learnerKey: string; studentId: string }>;

export function learnersById(stmt: ClassStatements, classId: number): LearnersById {
  const rows = stmt.withStudentId.all(classId) as { learner_key: string; student_id: string }[];
  return new Map(
    rows.map((r) => [studentIdKey(r.student_id), { learnerKey: r.learner_key, studentId: r.student_id }]),
  );
}

/**
 * The ID a learner matched by a look-alike keeps: the one their new report gives, unless the one
 * they had is written more plainly (ASCII, else one script in NFKC). A Canvas or Moodle export
 * matches the ID exactly, so "S1ООЗ" or "ѕ1003" with Cyrillic letters must not replace "S1003".
 */
const keptStudentId = (given: string, had: string | null) =>
  had === null || plainness(given) >= plainness(had) ? given : had;
const plainness = (id: string) =>
  /^[\x20-\x7e]*$/.test(id) ? 2 : id === id.normalize('NFKC') && mixedScriptLetters(id).length === 0 ? 1 : 0;

export function importReport(
  stmt: ClassStatements,
  classId: number,
  file: ReportFile,
  /** Whether the class a report names is this one. */
  isThisClass: (c: NonNullable<ProgressReport['class']>) => boolean,
  /** The class's learners by student ID, kept up to date through the import. */
  ids: LearnersById,
): ImportOutcome {
  const checked = checkReportFile(file);
  if (!checked.ok) return checked.outcome;
  const { report, verification } = checked;
  const about = { file: file.name, learner: report.learner.name, exportedAt: report.exportedAt };
  const key = report.signature ? keyFingerprint(report.signature.publicKey) : '';
  if (report.class && !isThisClass(report.class))
    return { ...about, result: 'rejected', status: 'other-class', detail: report.class.name };

  // Who is this? The student ID they joined with; else (older reports) the key that signed it,
  // or a signed learner of the same name: a fresh key must not make a second one of them.
  // An ID that reads like a learner's ID ("S1ООЗ" in Cyrillic, "Ｓ１００３") is that learner:
  // held below when another key signed it, never a second learner who looks like the first.
  const givenId = report.learner.studentId?.trim() || null;
  const idKey = givenId === null ? null : studentIdKey(givenId);
  let studentId = givenId;
  let learnerKey: string;
  let existing: { learner_key: string; exported_at: number; verification: string } | undefined;
  let before: string | undefined;
  if (givenId !== null && idKey !== null) {
    const known = ids.get(idKey);
    studentId = keptStudentId(givenId, known?.studentId ?? null);
    learnerKey = known?.learnerKey ?? studentKey(studentId);
    existing = stmt.existing.get(classId, learnerKey) as typeof existing;
    // The same learner's reports from before they joined: their row moves to the student ID.
    if (!existing && key) {
      const earlier = stmt.byKeyWithoutId.get(classId, key) as typeof existing;
      if (earlier) ({ learner_key: before } = earlier);
      existing = earlier;
    }
  } else if (key) {
    existing = (stmt.byKey.get(classId, key) ??
      stmt.signedByName.get(classId, report.learner.name.trim())) as typeof existing;
    learnerKey = existing?.learner_key ?? `key:${key}`;
  } else {
    learnerKey = `name:${report.learner.name.trim().toLowerCase()}`;
    existing = stmt.existing.get(classId, learnerKey) as typeof existing;
  }
  const exportedAt = Date.parse(report.exportedAt);
  if (existing && exportedAt === existing.exported_at)
    return { ...about, result: 'rejected', status: 'duplicate' };
  if (existing && exportedAt < existing.exported_at) return { ...about, result: 'rejected', status: 'older' };

  // A learner's first report pins its key; one signed by another key (or by none, after a
  // signed one) waits for the teacher, never replacing what the class has.
  const known = existing
    ? (stmt.keysOf.all(classId, existing.learner_key) as { key: string }[]).map((k) => k.key)
    : [];
  const otherKey = key ? known.length > 0 && !known.includes(key) : existing?.verification === 'verified';
  if (existing && otherKey) {
    const held = stmt.hold.run({
      class_id: classId,
      learner_key: existing.learner_key,
      key,
      name: report.learner.name,
      // As the report wrote it: the teacher deciding sees a look-alike for what it is.
      student_id: givenId,
      file: file.name,
      exported_at: exportedAt,
      report: gzipSync(JSON.stringify(report)),
      held_at: Date.now(),
    });
    if (held.changes === 0) return { ...about, result: 'rejected', status: 'duplicate' };
    return { ...about, result: 'held', status: 'other-key' };
  }
  if (before !== undefined) stmt.removeLearner.run(classId, before);
  merge(stmt, classId, learnerKey, report, verification, studentId, exportedAt);
  if (studentId && idKey !== null) ids.set(idKey, { learnerKey, studentId });
  if (key) stmt.addKey.run(classId, learnerKey, key, Date.now());
  return {
    ...about,
    result: existing && before === undefined ? 'replaced' : 'imported',
    status: verification,
  };
}

function merge(
  stmt: ClassStatements,
  classId: number,
  learnerKey: string,
  report: ProgressReport,
  verification: 'verified' | 'unsigned',
  studentId: string | null,
  exportedAt: number,
): void {
  const { attempts, signature: _signature, ...kept } = report;
  const stored: StoredReport = {
    ...kept,
    evidence: gradeEvidence(attempts),
    digest: digestAttempts(attempts, exportedAt),
  };
  const s = report.summary;
  stmt.upsert.run({
    class_id: classId,
    learner_key: learnerKey,
    name: report.learner.name,
    student_id: studentId,
    exported_at: exportedAt,
    verification,
    exercises_completed: s.exercisesCompleted,
    exercises_total: report.tracks.reduce((n, t) => n + t.exercisesTotal, 0),
    active_ms: s.activeMs,
    hints: s.hintsShown,
    last_active: s.lastActiveAt === null ? null : Date.parse(s.lastActiveAt),
    report: gzipSync(JSON.stringify(stored)),
    imported_at: Date.now(),
  });
  stmt.clearMastery.run(classId, learnerKey);
  for (const t of report.tracks)
    for (const c of t.concepts)
      if (c.mastery !== null) stmt.addMastery.run(classId, learnerKey, t.id, c.id, c.mastery);
  writeTrackRows(stmt, classId, learnerKey, stored);
}

/** The rows the class view reads of a stored report (table class_track_row), and its titles. */
export function writeTrackRows(
  stmt: ClassStatements,
  classId: number,
  learnerKey: string,
  stored: StoredReport,
): void {
  stmt.clearRows.run(classId, learnerKey);
  for (const { track, row, titles } of trackRows(stored)) {
    stmt.addRow.run(classId, learnerKey, track, JSON.stringify(row));
    for (const { item, title } of titles) stmt.setTitle.run(classId, track, item, JSON.stringify(title));
  }
}

/** Accepting adds the key to the learner's and merges the report if it is their newest. */
export function resolveHeldReport(
  stmt: ClassStatements,
  classId: number,
  heldId: number,
  accept: boolean,
): ImportOutcome | null {
  const h = stmt.heldGet.get(heldId, classId) as HeldRow | undefined;
  if (!h)
    throw new ClassError(
      'report-not-waiting',
      {},
      'That report is no longer waiting: it was accepted or rejected already.',
    );
  stmt.heldDelete.run(heldId);
  if (!accept) return null;
  const report = JSON.parse(gunzipSync(h.report).toString('utf8')) as ProgressReport;
  const about = { file: h.file, learner: h.name, exportedAt: report.exportedAt };
  const verification = h.key ? 'verified' : 'unsigned';
  const existing = stmt.existing.get(classId, h.learner_key) as
    { exported_at: number; student_id: string | null } | undefined;
  if (existing && h.exported_at <= existing.exported_at) {
    if (h.key) stmt.addKey.run(classId, h.learner_key, h.key, Date.now());
    return { ...about, result: 'rejected', status: 'older' };
  }
  const studentId = h.student_id === null ? null : keptStudentId(h.student_id, existing?.student_id ?? null);
  merge(stmt, classId, h.learner_key, report, verification, studentId, h.exported_at);
  if (h.key) stmt.addKey.run(classId, h.learner_key, h.key, Date.now());
  return { ...about, result: existing ? 'replaced' : 'imported', status: verification };
}
