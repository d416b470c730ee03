import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signReport } from '../../../electron/core/reports/signing.ts';
import { COURSE } from '../learner/fixtures.ts';
import { file, install, T0, teacher } from './class-fixture.ts';
import { readCell } from '../../../shared/api/calls/classes.ts';

describe('a class recognises each learner by their student ID and pinned key', () => {
  it('names the class and the student in the report, and replaces a learner’s older report', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada');
    ada.join(enrolment, 'S-1001');
    ada.check('hello', 'pass');
    const first = ada.export();
    expect(JSON.parse(first)).toMatchObject({
      schemaVersion: 3,
      learner: { studentId: 'S-1001' },
      class: { id: enrolment.classId, name: '7B Python' },
    });
    expect(classes.importReports(classId, [file('a1.json', first)])).toMatchObject([
      { result: 'imported', status: 'verified' },
    ]);
    ada.check('sum', 'pass');
    expect(classes.importReports(classId, [file('a2.json', ada.export())])).toMatchObject([
      { result: 'replaced', status: 'verified' },
    ]);
    expect(classes.overview(classId).learners).toMatchObject([{ name: 'Ada', studentId: 'S-1001' }]);
  });

  it('holds a report for the same student signed by another key, and merges it only when accepted', () => {
    const { classes, classId, enrolment } = teacher();
    const home = install('Ada');
    home.join(enrolment, 'S-1001');
    home.check('hello', 'pass');
    classes.importReports(classId, [file('home.json', home.export())]);
    const before = classes.overview(classId).learners[0]!;

    // The same student on another computer (or a report remade with a fresh key).
    const other = install('Ada', T0 + 3_600_000);
    other.join(enrolment, 's-1001 ');
    other.check('hello', 'pass');
    other.check('sum', 'pass');
    const outcome = classes.importReports(classId, [file('other.json', other.export())]);
    expect(outcome).toMatchObject([{ result: 'held', status: 'other-key', learner: 'Ada' }]);
    expect(classes.overview(classId).learners).toEqual([before]);
    const [held] = classes.held(classId);
    expect(held).toMatchObject({
      name: 'Ada',
      studentId: 's-1001',
      file: 'other.json',
      knownKeys: [expect.any(String)],
    });
    expect(held!.knownKeys).not.toContain(held!.key);

    expect(classes.resolveHeld(classId, held!.id, true)).toMatchObject({
      result: 'replaced',
      status: 'verified',
    });
    expect(classes.held(classId)).toEqual([]);
    expect(classes.overview(classId).learners).toMatchObject([{ name: 'Ada', exercisesCompleted: 2 }]);
    // Once accepted, that computer's next report is merged directly.
    other.check('count', 'pass');
    expect(classes.importReports(classId, [file('other2.json', other.export())])).toMatchObject([
      { result: 'replaced' },
    ]);
  });

  it('drops a held report the teacher rejects, and keeps the earlier one', () => {
    const { classes, classId, enrolment } = teacher();
    const home = install('Ada');
    home.join(enrolment, 'S-1001');
    home.check('hello', 'fail');
    classes.importReports(classId, [file('home.json', home.export())]);
    const forged = install('Ada', T0 + 3_600_000);
    forged.join(enrolment, 'S-1001');
    forged.check('hello', 'pass');
    const text = forged.export();
    classes.importReports(classId, [file('forged.json', text)]);
    // Importing the same file again does not hold it twice.
    expect(classes.importReports(classId, [file('forged.json', text)])).toMatchObject([
      { status: 'duplicate' },
    ]);
    const [held] = classes.held(classId);
    expect(classes.resolveHeld(classId, held!.id, false)).toBeNull();
    expect(classes.held(classId)).toEqual([]);
    expect(classes.overview(classId).learners).toMatchObject([{ exercisesCompleted: 0 }]);
    expect(() => classes.resolveHeld(classId, held!.id, true)).toThrow(/no longer waiting/);
  });

  it('does not let a fresh key make a second verified learner of the same name (no student ID)', () => {
    const { classes, classId } = teacher();
    const ada = install('Ada');
    ada.check('hello', 'pass');
    classes.importReports(classId, [file('ada.json', ada.export())]);
    const remade = install('ada', T0 + 3_600_000);
    remade.check('hello', 'pass');
    remade.check('sum', 'pass');
    expect(classes.importReports(classId, [file('remade.json', remade.export())])).toMatchObject([
      { result: 'held', status: 'other-key' },
    ]);
    expect(classes.overview(classId).learners).toHaveLength(1);
  });

  it('holds an unsigned report for a student whose reports were signed', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada');
    ada.join(enrolment, 'S-1001');
    classes.importReports(classId, [file('ada.json', ada.export())]);
    const unsigned = JSON.stringify(ada.report());
    expect(classes.importReports(classId, [file('unsigned.json', unsigned)])).toMatchObject([
      { result: 'held', status: 'other-key' },
    ]);
    expect(classes.held(classId)).toMatchObject([{ key: '' }]);
  });

  it('refuses a report made for another class', () => {
    const { classes, classId } = teacher();
    const elsewhere = teacher();
    const ada = install('Ada');
    ada.join(elsewhere.enrolment, 'S-1001');
    expect(classes.importReports(classId, [file('ada.json', ada.export())])).toMatchObject([
      { result: 'rejected', status: 'other-class', detail: '7B Python' },
    ]);
  });

  it('reads a version-2 report (no class, no student ID) as version 3', () => {
    const { classes, classId } = teacher();
    const ada = install('Ada');
    ada.check('hello', 'pass');
    const v2 = { ...ada.report(), schemaVersion: 2 };
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signed = signReport(v2, privateKey, publicKey.export({ format: 'der', type: 'spki' }));
    expect(classes.importReports(classId, [file('v2.json', JSON.stringify(signed))])).toMatchObject([
      { result: 'imported', status: 'verified' },
    ]);
    expect(classes.overview(classId).learners).toMatchObject([{ name: 'Ada', studentId: null }]);
  });

  it('moves a learner who exported before joining onto their student ID', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada');
    ada.check('hello', 'pass');
    classes.importReports(classId, [file('before.json', ada.export())]);
    ada.join(enrolment, 'S-1001');
    expect(classes.importReports(classId, [file('after.json', ada.export())])).toMatchObject([
      { result: 'imported', status: 'verified' },
    ]);
    expect(classes.overview(classId).learners).toMatchObject([{ name: 'Ada', studentId: 'S-1001' }]);
  });
});

describe('the class view', () => {
  it('lists a learner stuck on an exercise, the most-missed exercise and the error kinds with code', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada');
    ada.join(enrolment, 'S-1');
    ada.check('hello', 'pass');
    ada.check('sum', 'fail', 'def total(xs):\n    return 0');
    ada.check('sum', 'error', 'def total(xs):\n    return xs +');
    ada.check('sum', 'fail');
    const bo = install('Bo');
    bo.join(enrolment, 'S-2');
    bo.check('hello', 'fail');
    bo.check('hello', 'pass');
    classes.importReports(classId, [file('ada.json', ada.export()), file('bo.json', bo.export())]);

    const view = classes.view(classId, undefined, () => ({ exercises: COURSE.exercises.map((e) => e.id) }));
    expect(view.track).toBe('py');
    expect(view.exercises.map((e) => e.id)).toEqual(['hello', 'sum']);
    expect(view.summary.stuck).toEqual([{ key: 'id:s-1', name: 'Ada', exercise: 'sum', failedChecks: 3 }]);
    expect(view.summary.mostMissed).toEqual([{ exercise: 'sum', learners: 1, failedChecks: 3, done: 0 }]);
    expect(view.summary.errorKinds).toMatchObject([
      { kind: 'fail', checks: 3, learners: 2, example: { learner: 'Ada', exercise: 'sum' } },
      { kind: 'error', checks: 1, learners: 1, example: { code: 'def total(xs):\n    return xs +' } },
    ]);
    const adaRow = view.learners.find((l) => l.name === 'Ada')!;
    expect(adaRow).toMatchObject({ stuck: true, completed: 1, studentId: 'S-1' });
    expect(adaRow.cells.map((c) => c && readCell(c))).toEqual([
      { done: true, checks: 1, failedChecks: 0, hints: 0, revealed: false, activeMs: 0 },
      { done: false, checks: 3, failedChecks: 3, hints: 0, revealed: false, activeMs: 0 },
    ]);
    expect(view.learners.find((l) => l.name === 'Bo')!.cells[1]).toBeNull();
  });

  it('shows a learner stored before the view kept rows of its own, once', () => {
    const { db, classes, classId, enrolment } = teacher();
    const ada = install('Ada');
    ada.join(enrolment, 'S-1');
    ada.check('hello', 'pass');
    const bo = install('Bo');
    bo.join(enrolment, 'S-2');
    bo.check('hello', 'fail');
    classes.importReports(classId, [file('ada.json', ada.export()), file('bo.json', bo.export())]);
    // As a class stored before the view's rows existed: Bo has only his report.
    db.prepare("DELETE FROM class_track_row WHERE learner_key = 'id:s-2'").run();

    const names = () => classes.view(classId, undefined, () => undefined).learners.map((l) => l.name);
    expect(names()).toEqual(['Ada', 'Bo']);
    expect(names()).toEqual(['Ada', 'Bo']);
    expect(classes.view(classId, undefined, () => undefined).tracks).toMatchObject([
      { id: 'py', learners: 2 },
    ]);
  });
});
