/**
 * Reports a learner forged, imported into a teacher's class: what is held, what is refused, and
 * what a pinned key cannot stop (docs/decisions/0040, "What verified guarantees").
 */
import { describe, expect, it } from 'vitest';
import { StudentId } from '../../../electron/core/reports/enrolment.ts';
import { gradebookCsvFile } from '../../../electron/core/reports/lms-gradebook.ts';
import { COURSE } from '../learner/fixtures.ts';
import { file, install, T0, teacher, type Report } from './class-fixture.ts';

const passAll = (r: Report): Report => ({
  ...r,
  attempts: r.attempts.map((a) => ({ ...a, status: 'pass' as const })),
});

describe('forged reports in a class', () => {
  it('an edit re-signed with the learner’s own pinned key is verified: the key shows who, not honesty', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada');
    ada.join(enrolment, 'S-1001');
    ada.check('hello', 'fail');
    expect(classes.importReports(classId, [file('a1.json', ada.signed())])).toMatchObject([
      { result: 'imported', status: 'verified' },
    ]);
    ada.check('hello', 'fail');
    // As documented: the pin stops a swapped key, not a learner editing their own data.
    expect(classes.importReports(classId, [file('a2.json', ada.signed(passAll))])).toMatchObject([
      { result: 'replaced', status: 'verified' },
    ]);
  });

  it('a fresh key with the same student ID is held, not merged', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada');
    ada.join(enrolment, 'S-1001');
    ada.check('hello', 'fail');
    classes.importReports(classId, [file('a1.json', ada.signed())]);
    const forger = install('Ada', T0 + 3_600_000);
    forger.join(enrolment, 's-1001 ');
    forger.check('hello', 'pass');
    expect(classes.importReports(classId, [file('f.json', forger.signed())])).toMatchObject([
      { result: 'held', status: 'other-key' },
    ]);
    expect(classes.overview(classId).learners).toHaveLength(1);
  });

  it('a fresh key with the same name and no student ID is held', () => {
    const { classes, classId } = teacher();
    const bo = install('Bo');
    bo.check('hello', 'fail');
    classes.importReports(classId, [file('b1.json', bo.signed())]);
    const forger = install('Bo', T0 + 3_600_000);
    forger.check('hello', 'pass');
    expect(classes.importReports(classId, [file('f.json', forger.signed())])).toMatchObject([
      { result: 'held', status: 'other-key' },
    ]);
  });

  it('a report claiming another class, or a schema-2 report re-labelled, does not slip in', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada');
    ada.join(enrolment, 'S-1001');
    ada.check('hello', 'pass');
    const other = ada.signed((r) => ({ ...r, class: { ...r.class!, id: '0000ZZZZ' } }));
    expect(classes.importReports(classId, [file('o.json', other)])).toMatchObject([
      { result: 'rejected', status: 'other-class' },
    ]);
    const negative = ada.signed((r) => ({ ...r, summary: { ...r.summary, checks: -5 } }));
    const future = ada.signed((r) => ({ ...r, exportedAt: '2999-01-01T00:00:00.000Z' }));
    expect(
      classes
        .importReports(classId, [file('n.json', negative), file('fu.json', future)])
        .map((o) => o.status),
    ).toEqual(['bad-file', 'future']);
  });

  it('a student ID made to look like another’s with invisible characters is not a second learner', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada');
    ada.join(enrolment, 'S-1001');
    ada.check('hello', 'fail');
    classes.importReports(classId, [file('a1.json', ada.signed())]);
    const forger = install('Ada', T0 + 3_600_000);
    forger.check('hello', 'pass');
    const outcomes = classes.importReports(
      classId,
      ['S-1001\u200b', 'S-1001\u202e', '\u2060S-1001'].map((id, i) =>
        file(
          `f${i}.json`,
          forger.signed((r) => ({ ...r, learner: { ...r.learner, studentId: id } })),
        ),
      ),
    );
    // Refused or held: never a second "Ada, S-1001" row the teacher cannot tell from the first.
    expect(outcomes.filter((o) => o.result !== 'rejected' && o.result !== 'held')).toEqual([]);
    expect(classes.overview(classId).learners).toHaveLength(1);
    const csv = gradebookCsvFile(
      { className: '7B', learners: classes.gradebookLearners(classId), courseOf: () => COURSE },
      { format: 'canvas', scores: 'exercises' },
      '2026-03-10',
    );
    expect(csv.content.split('\r\n').filter((l) => l.startsWith('Ada,'))).toHaveLength(1);
  });

  it('a learner joining cannot type an invisible character into their student ID', () => {
    expect(StudentId.safeParse('S-1001').success).toBe(true);
    for (const id of ['S-1001\u200b', '\u2060S-1001', 'S-1001\u202e', 'S\u200d-1001'])
      expect(StudentId.safeParse(id).success, JSON.stringify(id)).toBe(false);
  });
});
