/**
 * A teacher's class and learners' installs, each with a real database of its own, for the tests
 * of class imports: pinning, forged reports and look-alike student IDs.
 */
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildProgressReport, buildSignedReport } from '../../../electron/core/reports/build-report.ts';
import { Classes } from '../../../electron/core/reports/classes.ts';
import type { ViewOrder } from '../../../electron/core/reports/class-view.ts';
import { Memberships } from '../../../electron/core/reports/membership.ts';
import { parseEnrolmentFile } from '../../../electron/core/reports/enrolment.ts';
import { teacherKey } from '../../../electron/core/reports/teacher-key.ts';
import { MemorySigningKeys } from '../../../electron/core/reports/signing-keys.ts';
import { signReport } from '../../../electron/core/reports/signing.ts';
import { COURSE, tempDatabase } from '../learner/fixtures.ts';

export const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

export type Report = ReturnType<typeof buildProgressReport>;

/** A teacher's app with one class, "7B Python", and that class's enrolment as a learner reads it. */
export function teacher() {
  const { db } = tempDatabase();
  const classes = new Classes(db, teacherKey(new SettingsStore(db), new MemorySigningKeys()));
  const { id: classId } = classes.create('7B Python');
  const parsed = parseEnrolmentFile(classes.enrolment(classId).file.content);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return { db, classes, classId, enrolment: parsed.value };
}

/** A learner's install: its own database, profile and signing key, and a clock a minute a step. */
export function install(name: string, start = T0) {
  const { db } = tempDatabase();
  let now = start;
  const progress = new ProgressStore(db, {
    now: () => now,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create(name).id;
  const src = { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0.1.0' };
  return {
    /** Straight into the install's database, as a forged app would, past the join's checks. */
    join(e: ReturnType<typeof teacher>['enrolment'], studentId: string) {
      new Memberships(db).join(id, e, studentId);
    },
    check(exercise: string, status: 'pass' | 'fail' | 'error', code = 'print(1)') {
      now += 60_000;
      model.recordAttempt({ profileId: id, track: 'py', exercise, kind: 'check', status, code, at: now });
    },
    /** The report as the app exports it, signed by the install. */
    export(): string {
      now += 60_000;
      return JSON.stringify(buildSignedReport(src, id, now));
    },
    report: (): Report => buildProgressReport(src, id, (now += 60_000)),
    /** The report edited by `edit` before the install's own key signs it. */
    signed(edit: (r: Report) => unknown = (r) => r): string {
      const { privateKey, publicKeyDer } = profiles.signingKey(id);
      const r = edit(buildProgressReport(src, id, (now += 60_000))) as Report;
      return JSON.stringify(signReport(r, privateKey, publicKeyDer));
    },
  };
}

export const file = (name: string, text: string) => ({ name, text });

/**
 * A class of two: Ada (hello passed) and Bo (hello failed), both joined and imported, and the
 * names the class view lists, in the course order given (none by default).
 */
export function classOfTwo() {
  const t = teacher();
  const ada = install('Ada');
  ada.join(t.enrolment, 'S-1001');
  ada.check('hello', 'pass');
  const bo = install('Bo');
  bo.join(t.enrolment, 'S-1002');
  bo.check('hello', 'fail');
  t.classes.importReports(t.classId, [file('ada.json', ada.export()), file('bo.json', bo.export())]);
  const names = (order: () => ViewOrder | undefined = () => undefined) =>
    t.classes.view(t.classId, undefined, order).learners.map((l) => l.name);
  return { ...t, ada, bo, names };
}
