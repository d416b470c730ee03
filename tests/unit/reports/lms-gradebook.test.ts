/**
 * The gradebook formats against the rules of the LMS that imports them (docs/gradebook.md):
 * each file is read back with a real CSV parser the way Canvas and Moodle read it (byte-order
 * mark dropped, RFC 4180 quoting), and its learners matched the way that LMS matches them.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import type { AttemptInput } from '../../../electron/core/learner/progress-records.ts';
import { buildProgressReport } from '../../../electron/core/reports/build-report.ts';
import { signReport } from '../../../electron/core/reports/signing.ts';
import { Classes } from '../../../electron/core/reports/classes.ts';
import { gradebookCsvFile, type GradebookInput } from '../../../electron/core/reports/lms-gradebook.ts';
import { attemptCredit, gradeEvidence } from '../../../electron/core/reports/grades.ts';
import type { ReportAttempt } from '../../../electron/core/reports/report-schema.ts';
import type { GradebookWarning } from '../../../shared/api/calls/teacher.ts';
import { COURSE, tempDatabase } from '../learner/fixtures.ts';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

type Check = Omit<AttemptInput, 'profileId' | 'track' | 'kind'> & { kind?: AttemptInput['kind'] };

/** A learner's own machine: their checks, then their signed report carrying their student ID. */
function learnerReport(name: string, studentId: string | undefined, checks: Check[]): string {
  const { db } = tempDatabase();
  let now = T0;
  const progress = new ProgressStore(db, {
    now: () => now,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create(name).id;
  for (const c of checks) {
    now += 60_000;
    model.recordAttempt({ profileId: id, track: 'py', kind: 'check', at: now, ...c });
  }
  const src = { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0.1.0' };
  const report = buildProgressReport(src, id, now + 60_000);
  const withId = {
    ...report,
    learner: { ...report.learner, ...(studentId && { studentId }) },
    class: { name: '7B, Python' },
  };
  const { privateKey, publicKeyDer } = profiles.signingKey(id);
  return JSON.stringify(signReport(withId, privateKey, publicKeyDer));
}

const pass = (exercise: string, extra: Partial<Check> = {}): Check => ({
  exercise,
  status: 'pass',
  testsPassed: 4,
  testsTotal: 4,
  ...extra,
});
const fail = (exercise: string, testsPassed: number, extra: Partial<Check> = {}): Check => ({
  exercise,
  status: 'fail',
  testsPassed,
  testsTotal: 4,
  ...extra,
});

/** A class of five: IDs, an e-mail, a Chinese name, a comma and quotes, a formula, no ID. */
function classOf(): GradebookInput {
  const classes = new Classes(tempDatabase().db);
  const { id } = classes.create('7B Python');
  const files = [
    learnerReport('王小明', 'S1001', [pass('hello'), fail('sum', 3)]),
    learnerReport('Smith, "Jo"', 'S1002', [pass('hello', { solutionRevealed: true }), pass('count')]),
    learnerReport('=HYPERLINK("http://x")', 'S1003', [fail('hello', 1)]),
    learnerReport('Ada', 'ada@school.example', [pass('hello'), pass('sum'), pass('swap')]),
    learnerReport('Bo', undefined, [pass('hello')]),
  ].map((text, i) => ({ name: `${i}.json`, text }));
  const outcomes = classes.importReports(id, files);
  expect(outcomes.map((o) => o.result)).toEqual(Array(5).fill('imported'));
  return { className: '7B Python', learners: classes.gradebookLearners(id), courseOf: () => COURSE };
}

/** Reads a CSV as an LMS does: UTF-8, the byte-order mark dropped, RFC 4180 fields. */
function readAsLms(content: string): string[][] {
  expect(content.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(content.slice(1), { header: false, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const width = parsed.data[0]!.length;
  for (const row of parsed.data) expect(row).toHaveLength(width);
  return parsed.data;
}

const warning = <C extends GradebookWarning['code']>(ws: GradebookWarning[], code: C) =>
  ws.find((w): w is Extract<GradebookWarning, { code: C }> => w.code === code);

describe('scores come from checked work only', () => {
  const attempt = (a: Partial<ReportAttempt>): ReportAttempt => ({
    at: '2026-03-10T12:00:00.000Z',
    track: 'py',
    exercise: 'hello',
    kind: 'check',
    status: 'fail',
    testsPassed: 0,
    testsTotal: 4,
    timeTakenMs: 10,
    hintsShown: 0,
    solutionRevealed: false,
    generated: false,
    ...a,
  });

  it('gives a pass full credit, a failed check its share of tests (below a pass), a revealed solution half', () => {
    expect(attemptCredit(attempt({ status: 'pass', testsPassed: 4 }))).toBe(1);
    expect(attemptCredit(attempt({ testsPassed: 3 }))).toBe(0.75);
    expect(attemptCredit(attempt({ status: 'timeout', testsPassed: 4 }))).toBe(0.9);
    expect(attemptCredit(attempt({ status: 'pass', testsPassed: 4, solutionRevealed: true }))).toBe(0.5);
    expect(attemptCredit(attempt({ kind: 'quiz', status: 'pass', testsTotal: 0 }))).toBe(1);
    expect(attemptCredit(attempt({ kind: 'quiz', testsTotal: 0 }))).toBe(0);
  });

  it('counts neither runs nor generated practice, and keeps the best attempt with its times', () => {
    expect(attemptCredit(attempt({ kind: 'run', status: 'pass' }))).toBeNull();
    expect(attemptCredit(attempt({ status: 'pass', generated: true }))).toBeNull();
    const [hello] = gradeEvidence([
      attempt({ at: '2026-03-10T12:01:00.000Z', testsPassed: 2 }),
      attempt({ at: '2026-03-10T12:02:00.000Z', kind: 'run', status: 'pass', testsPassed: 4 }),
      attempt({ at: '2026-03-10T12:03:00.000Z', status: 'pass', testsPassed: 4, solutionRevealed: true }),
      attempt({ at: '2026-03-10T12:04:00.000Z', testsPassed: 3 }),
    ]);
    expect(hello).toMatchObject({
      credit: 0.75,
      checks: 3,
      firstAt: '2026-03-10T12:01:00.000Z',
      lastAt: '2026-03-10T12:04:00.000Z',
      passedAt: '2026-03-10T12:03:00.000Z',
      revealed: false,
    });
  });
});

describe('Canvas gradebook import', () => {
  it('has Canvas’s columns, a Points Possible row, and rows Canvas matches by SIS User ID or login', () => {
    const file = gradebookCsvFile(classOf(), { format: 'canvas', scores: 'exercises' }, '2026-03-10');
    expect(file.name).toBe('gradebook-7B-Python-canvas-2026-03-10.csv');
    const [header, points, ...rows] = readAsLms(file.content);
    expect(header!.slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
    // One assignment per exercise someone checked, in course order; `swap` is a predict step.
    expect(header!.slice(5)).toEqual(['Python: hello', 'Python: sum', 'Python: swap', 'Python: count']);
    // Canvas reads the row whose first cell says Points Possible as the assignments' points.
    expect(points![0]).toMatch(/Points Possible/);
    expect(points!.slice(5)).toEqual(['100', '100', '100', '100']);

    // Canvas looks a student up by SIS User ID, then by SIS Login ID; Canvas's own ID is blank.
    const bySis = new Map(rows.map((r) => [r[2] || r[3], r]));
    expect(rows.every((r) => r[1] === '')).toBe(true);
    expect(bySis.get('S1001')!.slice(0, 5)).toEqual(['王小明', '', 'S1001', '', '7B, Python']);
    expect(bySis.get('S1001')!.slice(5)).toEqual(['100', '75', '', '']);
    expect(bySis.get('S1002')!.slice(0, 1)).toEqual(['Smith, "Jo"']);
    expect(bySis.get('S1002')!.slice(5)).toEqual(['50', '', '', '100']);
    expect(bySis.get('ada@school.example')!.slice(2, 4)).toEqual(['', 'ada@school.example']);
    // A name a spreadsheet would run as a formula stays text.
    expect(bySis.get('S1003')![0]).toBe(`'=HYPERLINK("http://x")`);
    expect(bySis.get('S1003')!.slice(5)).toEqual(['25', '', '', '']);
    // Bo has no student ID: not in the file, and said so.
    expect(rows.map((r) => r[0])).not.toContain('Bo');
    expect(warning(file.warnings, 'no-student-id')).toEqual({
      code: 'no-student-id',
      names: ['Bo'],
      leftOut: true,
    });
    // Every score is a number Canvas takes as points, or blank for "no evidence".
    for (const r of rows)
      for (const v of r.slice(5)) expect(v === '' || Number.isFinite(Number(v))).toBe(true);
  });

  it('scores units as the mean of their graded exercises, once the learner checked one', () => {
    const file = gradebookCsvFile(classOf(), { format: 'canvas', scores: 'units' }, '2026-03-10');
    const [header, , ...rows] = readAsLms(file.content);
    expect(header!.slice(5)).toEqual(['Python: Basics', 'Python: More']);
    const ada = rows.find((r) => r[0] === 'Ada')!;
    // Basics holds hello, sum and swap (intro is an explanation): all three passed.
    expect(ada.slice(5)).toEqual(['100', '']);
    const wang = rows.find((r) => r[0] === '王小明')!;
    expect(wang.slice(5)).toEqual([String(Math.round(((1 + 0.75) / 3) * 1000) / 10), '']);
  });

  it('leaves out two learners who gave one ID, and names them', () => {
    const input = classOf();
    const twin = { ...input.learners.find((l) => l.name === 'Ada')!, key: 'key:twin', name: 'Ada Twin' };
    const file = gradebookCsvFile(
      { ...input, learners: [...input.learners, { ...twin, studentId: 'S1001' }] },
      { format: 'canvas', scores: 'exercises' },
      '2026-03-10',
    );
    const rows = readAsLms(file.content).slice(2);
    expect(rows.map((r) => r[0])).not.toContain('王小明');
    expect(warning(file.warnings, 'duplicate-student-id')).toEqual({
      code: 'duplicate-student-id',
      studentId: 'S1001',
      names: ['王小明', 'Ada Twin'],
    });
  });
});

describe('Moodle CSV grade import', () => {
  /** Moodle's import: maps users by one column, aborts on a row it cannot map or a non-numeric grade. */
  function moodleImport(rows: string[][], mapFrom: string) {
    const [header, ...data] = rows;
    const col = header!.indexOf(mapFrom);
    expect(col).toBeGreaterThanOrEqual(0);
    const items = header!.filter((h) => !['ID number', 'Email address', 'Full name', 'Feedback'].includes(h));
    return data.map((r) => {
      expect(r[col], `a row Moodle cannot map aborts the whole import`).not.toBe('');
      const grades = Object.fromEntries(
        items.map((item) => {
          const v = r[header!.indexOf(item)]!;
          // '' and '-' are "no grade"; anything else must be a number.
          if (v !== '' && v !== '-') expect(Number.isFinite(Number(v))).toBe(true);
          return [item, v === '' ? null : Number(v)];
        }),
      );
      return { user: r[col]!, grades, feedback: r[header!.indexOf('Feedback')]! };
    });
  }

  it('maps by ID number when most learners gave one, with a feedback column, and names the rest', () => {
    const file = gradebookCsvFile(classOf(), { format: 'moodle', scores: 'exercises' }, '2026-03-10');
    const rows = readAsLms(file.content);
    expect(rows[0]).toEqual([
      'ID number',
      'Email address',
      'Full name',
      'Python: hello',
      'Python: sum',
      'Python: swap',
      'Python: count',
      'Feedback',
    ]);
    const imported = moodleImport(rows, 'ID number');
    expect(imported.map((r) => r.user).sort()).toEqual(['S1001', 'S1002', 'S1003']);
    const wang = imported.find((r) => r.user === 'S1001')!;
    expect(wang.grades).toEqual({
      'Python: hello': 100,
      'Python: sum': 75,
      'Python: swap': null,
      'Python: count': null,
    });
    expect(wang.feedback).toBe('Lantern: 1 of 2 checked exercises passed; signed report');
    expect(imported.find((r) => r.user === 'S1002')!.feedback).toContain('1 after the solution was shown');
    expect(rows.find((r) => r[0] === 'S1002')![2]).toBe('Smith, "Jo"');
    expect(warning(file.warnings, 'moodle-other-identifier')).toEqual({
      code: 'moodle-other-identifier',
      matchBy: 'idnumber',
      names: ['Ada'],
    });
    expect(warning(file.warnings, 'no-student-id')!.names).toEqual(['Bo']);
  });

  it('maps by e-mail when most learners gave one; feedback in Chinese for a Chinese export', () => {
    const input = classOf();
    const learners = input.learners.map((l) =>
      l.studentId?.startsWith('S') ? { ...l, studentId: `${l.studentId.toLowerCase()}@school.example` } : l,
    );
    const file = gradebookCsvFile(
      { ...input, learners },
      { format: 'moodle', scores: 'units', locale: 'zh' },
      '2026-03-10',
    );
    const rows = readAsLms(file.content);
    expect(rows[0]).toEqual([
      'ID number',
      'Email address',
      'Full name',
      'Python: Basics',
      'Python: More',
      'Feedback',
    ]);
    const imported = moodleImport(rows, 'Email address');
    expect(imported).toHaveLength(4);
    expect(imported.find((r) => r.user === 's1001@school.example')!.feedback).toBe(
      'Lantern：已检查的 2 道练习中通过 1 道；报告已签名',
    );
    expect(warning(file.warnings, 'moodle-other-identifier')).toBeUndefined();
  });
});

describe('generic gradebook', () => {
  it('keeps every learner, with ID, name and class, and scores without any mastery estimate', () => {
    const file = gradebookCsvFile(classOf(), { format: 'generic', scores: 'exercises' }, '2026-03-10');
    const parsed = Papa.parse<Record<string, string>>(file.content.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields!.slice(0, 3)).toEqual(['Student ID', 'Learner', 'Class']);
    expect(parsed.meta.fields!.filter((f) => /mastery/i.test(f))).toEqual([]);
    expect(parsed.data.map((r) => [r['Student ID'], r.Learner, r.Class, r['Python: hello']])).toEqual([
      [`S1003`, `'=HYPERLINK("http://x")`, '7B, Python', '25'],
      ['ada@school.example', 'Ada', '7B, Python', '100'],
      ['', 'Bo', '7B, Python', '100'],
      ['S1002', 'Smith, "Jo"', '7B, Python', '50'],
      ['S1001', '王小明', '7B, Python', '100'],
    ]);
    expect(warning(file.warnings, 'no-student-id')).toEqual({
      code: 'no-student-id',
      names: ['Bo'],
      leftOut: false,
    });
  });
});

describe('an unsigned report', () => {
  it('keeps its learner’s row but scores nothing, and says why', () => {
    const input = classOf();
    const learners = input.learners.map((l) =>
      l.name === 'Ada' ? { ...l, verification: 'unsigned' as const } : l,
    );
    const file = gradebookCsvFile(
      { ...input, learners },
      { format: 'canvas', scores: 'exercises' },
      '2026-03-10',
    );
    const [header, , ...rows] = readAsLms(file.content);
    // Ada alone checked swap: without her signed evidence it is no column.
    expect(header).not.toContain('Python: swap');
    expect(rows.find((r) => r[0] === 'Ada')!.slice(5)).toEqual(['', '', '']);
    expect(warning(file.warnings, 'unsigned')).toEqual({ code: 'unsigned', names: ['Ada'] });
  });
});
