/**
 * Student IDs written with look-alike characters (decision 0046): the class finds the learner
 * they read as, holds the report when another key signed it, and a learner joining is asked to
 * retype an ID that mixes alphabets.
 */
import { describe, expect, it } from 'vitest';
import { StudentId } from '../../../electron/core/reports/enrolment.ts';
import { mixedScriptLetters, studentIdKey } from '../../../electron/core/reports/student-id.ts';
import { file, install, T0, teacher } from './class-fixture.ts';

/** "S1003" as a forger or a stray input method may write it. */
const LOOK_ALIKES: [string, string][] = [
  ['Cyrillic О and З', 'S1ООЗ'],
  ['Cyrillic ѕ', 'ѕ1003'],
  ['Greek Ο (omicron)', 'S1ΟΟ3'],
  ['fullwidth letters and digits', 'Ｓ１００３'],
  ['mathematical bold', '𝐒𝟏𝟎𝟎𝟑'],
  ['mathematical sans-serif S', '𝖲1003'],
  ['a combining acute accent', 'S1003\u0301'],
  ['a combining dot below on the S', 'S\u03231003'],
  ['lower case', 's1003'],
  ['capital I for the digit 1', 'SI003'],
  ['small l for the digit 1, capital O for 0', 'SlOO3'],
  ['trailing spaces', 'S1003  '],
  ['an ideographic space after it', 'S1003\u3000'],
];

describe('the look-alike key of a student ID', () => {
  it.each(LOOK_ALIKES)('reads %s as S1003', (_, id) => {
    expect(studentIdKey(id)).toBe(studentIdKey('S1003'));
  });

  it('keeps different IDs apart', () => {
    const ids = [
      'S1003',
      'S1004',
      'S1030',
      'S-1003',
      'T1003',
      '张三@school.cn',
      '李四@school.cn',
      'ivan@school.org',
    ];
    expect(new Set(ids.map(studentIdKey)).size).toBe(ids.length);
  });

  it('drops joiners and other invisible characters, which the report schema refuses anyway', () => {
    for (const id of ['S1\u200d003', '\u2060S1003', 'S1003\ufe0f', 'S1003\u3164'])
      expect(studentIdKey(id), JSON.stringify(id)).toBe(studentIdKey('S1003'));
  });
});

describe('a learner joining a class', () => {
  it('is told which letters of their ID come from another alphabet', () => {
    expect(mixedScriptLetters('S1ООЗ')).toEqual(['О', 'З']);
    expect(mixedScriptLetters('ΑDA@school.org')).toEqual(['Α']);
    expect(mixedScriptLetters('S1003')).toEqual([]);
    expect(mixedScriptLetters('иван@школа.рф')).toEqual([]);
    expect(mixedScriptLetters('张三@school.cn')).toEqual([]);
    // Fullwidth and mathematical letters are Latin once normalised: not a mix.
    expect(mixedScriptLetters('Ｓ１００３')).toEqual([]);
  });

  it('keeps an ID typed in fullwidth as the plain one', () => {
    expect(StudentId.parse(' Ｓ１００３ ')).toBe('S1003');
  });

  it('cannot type a Hangul filler or a variation selector, which draw nothing', () => {
    for (const id of ['S1003\u3164', 'S1003\ufe0f', 'S\u00ad1003'])
      expect(StudentId.safeParse(id).success, JSON.stringify(id)).toBe(false);
  });
});

describe('a report whose student ID looks like a learner’s', () => {
  it.each(LOOK_ALIKES)('is held when another key signed it (%s)', (_, lookAlike) => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada', T0);
    ada.join(enrolment, 'S1003');
    ada.check('hello', 'fail');
    classes.importReports(classId, [file('ada.json', ada.signed())]);

    const forger = install('Ada', T0 + 3_600_000);
    forger.join(enrolment, lookAlike);
    forger.check('hello', 'pass');
    expect(classes.importReports(classId, [file('forged.json', forger.signed())])).toMatchObject([
      { file: 'forged.json', result: 'held', status: 'other-key' },
    ]);
    expect(classes.overview(classId).learners).toMatchObject([{ name: 'Ada', studentId: 'S1003' }]);
    // The teacher deciding sees the ID as the report wrote it.
    expect(classes.held(classId)).toMatchObject([{ file: 'forged.json', studentId: lookAlike.trim() }]);
  });

  it('is refused when it hides a zero-width joiner', () => {
    const { classes, classId, enrolment } = teacher();
    const forger = install('Ada', T0);
    forger.join(enrolment, 'S1\u200d003');
    forger.check('hello', 'pass');
    expect(classes.importReports(classId, [file('zwj.json', forger.signed())])).toMatchObject([
      { file: 'zwj.json', result: 'rejected', status: 'bad-file' },
    ]);
    expect(classes.overview(classId).learners).toEqual([]);
  });

  it('from the learner’s own install replaces their report, keeping the plain ID for the LMS', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada', T0);
    ada.join(enrolment, 'S1003');
    ada.check('hello', 'fail');
    classes.importReports(classId, [file('a1.json', ada.signed())]);
    ada.join(enrolment, 'S1ООЗ');
    ada.check('hello', 'pass');
    expect(classes.importReports(classId, [file('a2.json', ada.signed())])).toMatchObject([
      { result: 'replaced', status: 'verified' },
    ]);
    expect(classes.overview(classId).learners).toMatchObject([{ studentId: 'S1003' }]);
  });

  it('accepted by the teacher joins the learner without changing their ID', () => {
    const { classes, classId, enrolment } = teacher();
    const ada = install('Ada', T0);
    ada.join(enrolment, 'S1003');
    ada.check('hello', 'fail');
    classes.importReports(classId, [file('ada.json', ada.signed())]);
    const laptop = install('Ada', T0 + 3_600_000);
    laptop.join(enrolment, 'ѕ1003');
    laptop.check('hello', 'pass');
    classes.importReports(classId, [file('laptop.json', laptop.signed())]);
    const [held] = classes.held(classId);
    expect(classes.resolveHeld(classId, held!.id, true)).toMatchObject({ result: 'replaced' });
    expect(classes.overview(classId).learners).toMatchObject([{ studentId: 'S1003' }]);
  });
});
