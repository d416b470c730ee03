import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildProgressReport, buildSignedReport } from '../../../electron/core/reports/build-report.ts';
import { Classes } from '../../../electron/core/reports/classes.ts';
import { gradebookCsvFile } from '../../../electron/core/reports/lms-gradebook.ts';
import { describeOutcome } from '../../../electron/core/reports/class-import.ts';
import { REPORT_SCHEMA_VERSION } from '../../../electron/core/reports/report-schema.ts';
import { COURSE, tempDatabase } from '../learner/fixtures.ts';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

/** A learner's machine: their own database, profile and records. */
function learnerMachine(name: string) {
  const { db } = tempDatabase();
  let now = T0;
  const progress = new ProgressStore(db, {
    now: () => now,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create(name).id;
  const src = { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0.1.0' };
  return {
    check(exercise: string, status: 'pass' | 'fail') {
      now += 60_000;
      model.recordAttempt({ profileId: id, track: 'py', exercise, kind: 'check', status, at: now });
    },
    hint(exercise: string) {
      progress.recordHint(id, 'py', exercise, { level: 1, source: 'authored', at: now });
    },
    /** The signed JSON file, exported `minutesLater` after the last activity. */
    export(minutesLater = 1): string {
      now += minutesLater * 60_000;
      return JSON.stringify(buildSignedReport(src, id, now), null, 2);
    },
    exportUnsigned(): string {
      now += 60_000;
      return JSON.stringify(buildProgressReport(src, id, now));
    },
  };
}

function teacher() {
  const classes = new Classes(tempDatabase().db);
  const cls = classes.create('7B Python');
  return { classes, classId: cls.id };
}

describe('importing learners’ reports into a class', () => {
  it('merges a signed report as verified and shows its mastery in the overview', () => {
    const ada = learnerMachine('Ada');
    ada.check('hello', 'pass');
    ada.check('count', 'fail');
    const { classes, classId } = teacher();
    const [outcome] = classes.importReports(classId, [{ name: 'ada.json', text: ada.export() }]);
    expect(outcome).toMatchObject({
      file: 'ada.json',
      result: 'imported',
      status: 'verified',
      learner: 'Ada',
    });
    const overview = classes.overview(classId);
    expect(overview.learners.map((l) => l.name)).toEqual(['Ada']);
    expect(overview.concepts.map((c) => c.concept)).toEqual(['variables', 'loops', 'functions']);
    const [variables, loops] = overview.learners[0]!.mastery;
    expect(variables).toBeGreaterThan(loops!);
    expect(overview.learners[0]).toMatchObject({ exercisesCompleted: 1, verification: 'verified' });
  });

  it('refuses a report edited after export and says so', () => {
    const ada = learnerMachine('Ada');
    ada.check('hello', 'fail');
    const report = JSON.parse(ada.export());
    report.summary.exercisesCompleted = 9; // a learner "improving" their report
    const { classes, classId } = teacher();
    const [outcome] = classes.importReports(classId, [{ name: 'ada.json', text: JSON.stringify(report) }]);
    expect(outcome).toMatchObject({ result: 'rejected', status: 'edited', learner: 'Ada' });
    expect(describeOutcome(outcome!)).toContain('edited after export');
    expect(classes.overview(classId).learners).toEqual([]);
  });

  it('merges an unsigned report but marks it unsigned', () => {
    const bo = learnerMachine('Bo');
    bo.check('hello', 'pass');
    const { classes, classId } = teacher();
    const [outcome] = classes.importReports(classId, [{ name: 'bo.json', text: bo.exportUnsigned() }]);
    expect(outcome).toMatchObject({ result: 'imported', status: 'unsigned' });
    expect(classes.overview(classId).learners[0]!.verification).toBe('unsigned');
  });

  it('does not merge the same report twice', () => {
    const ada = learnerMachine('Ada');
    ada.check('hello', 'pass');
    const text = ada.export();
    const { classes, classId } = teacher();
    const outcomes = classes.importReports(classId, [
      { name: 'ada.json', text },
      { name: 'ada (copy).json', text },
    ]);
    expect(outcomes.map((o) => [o.result, o.status])).toEqual([
      ['imported', 'verified'],
      ['rejected', 'duplicate'],
    ]);
    expect(classes.overview(classId).learners).toHaveLength(1);
  });

  it('refuses a report written by a newer Lantern, naming its schema version', () => {
    const ada = learnerMachine('Ada');
    const report = JSON.parse(ada.export());
    report.schemaVersion = REPORT_SCHEMA_VERSION + 1;
    const { classes, classId } = teacher();
    const [outcome] = classes.importReports(classId, [{ name: 'ada.json', text: JSON.stringify(report) }]);
    expect(outcome).toMatchObject({
      result: 'rejected',
      status: 'newer-schema',
      schemaVersion: REPORT_SCHEMA_VERSION + 1,
    });
    expect(describeOutcome(outcome!)).toContain('Update Lantern');
    expect(classes.overview(classId).learners).toEqual([]);
  });

  it('says where a bad file is wrong: broken JSON, another kind of file, a wrong field', () => {
    const bo = learnerMachine('Bo');
    const wrongField = JSON.parse(bo.exportUnsigned());
    wrongField.summary.activeMs = 'a lot';
    const { classes, classId } = teacher();
    const outcomes = classes.importReports(classId, [
      { name: 'broken.json', text: '{\n  "format": "lantern-progress-report",\n  oops\n}' },
      { name: 'package.json', text: '{"name": "lantern"}' },
      { name: 'bo.json', text: JSON.stringify(wrongField) },
    ]);
    expect(outcomes.every((o) => o.result === 'rejected' && o.status === 'bad-file')).toBe(true);
    expect(outcomes.map((o) => o.problem)).toEqual([
      { code: 'not-json', line: 3, column: 3 },
      { code: 'not-report' },
      { code: 'fields', issues: [{ field: 'summary.activeMs', code: 'wrong-type', expected: 'number' }] },
    ]);
    // The command line says the same in English.
    expect(describeOutcome(outcomes[0]!)).toMatch(/not valid JSON.*line 3/);
    expect(describeOutcome(outcomes[1]!)).toContain('not a Lantern progress report');
    expect(describeOutcome(outcomes[2]!)).toContain('summary.activeMs: should be a number');
    expect(classes.overview(classId).learners).toEqual([]);
  });

  it('replaces a learner’s older report with their newer one, and keeps the newer one', () => {
    const ada = learnerMachine('Ada');
    ada.check('hello', 'fail');
    const first = ada.export();
    ada.check('hello', 'pass');
    ada.check('sum', 'pass');
    const second = ada.export();
    const { classes, classId } = teacher();
    classes.importReports(classId, [{ name: 'monday.json', text: first }]);
    const [replaced] = classes.importReports(classId, [{ name: 'friday.json', text: second }]);
    expect(replaced).toMatchObject({ result: 'replaced', status: 'verified' });
    const [older] = classes.importReports(classId, [{ name: 'monday.json', text: first }]);
    expect(older).toMatchObject({ result: 'rejected', status: 'older' });
    const learners = classes.overview(classId).learners;
    expect(learners).toHaveLength(1);
    expect(learners[0]!.exercisesCompleted).toBe(2);
  });

  it('shows one learner’s exercises in the drill-down', () => {
    const ada = learnerMachine('Ada');
    ada.check('hello', 'pass');
    ada.hint('count');
    ada.check('count', 'fail');
    const { classes, classId } = teacher();
    classes.importReports(classId, [{ name: 'ada.json', text: ada.export() }]);
    const { key } = classes.overview(classId).learners[0]!;
    const detail = classes.learner(classId, key);
    const exercises = detail.tracks[0]!.exercises;
    expect(exercises.find((e) => e.id === 'hello')!.completedAt).not.toBeNull();
    expect(exercises.find((e) => e.id === 'count')).toMatchObject({ completedAt: null, hintsShown: 1 });
  });
});

describe('the gradebook CSV', () => {
  it('has one row per learner that a CSV parser reads back, Chinese names and commas included', () => {
    const { classes, classId } = teacher();
    const names = ['王小明', 'Smith, "Jo"', 'Ada'];
    for (const name of names) {
      const m = learnerMachine(name);
      m.check('hello', 'pass');
      if (name === 'Ada') m.check('sum', 'pass');
      classes.importReports(classId, [{ name: `${name}.json`, text: m.export() }]);
    }
    const input = {
      className: '7B Python',
      learners: classes.gradebookLearners(classId),
      courseOf: () => COURSE,
    };
    const csv = gradebookCsvFile(input, { format: 'generic', scores: 'exercises' }, '2026-03-10').content;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.Learner).sort()).toEqual([...names].sort());
    const ada = parsed.data.find((r) => r.Learner === 'Ada')!;
    expect(ada['Exercises completed']).toBe('2');
    expect(ada['Python: sum']).toBe('100');
    expect(parsed.data.find((r) => r.Learner === '王小明')!['Python: sum']).toBe('');
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['Student ID', 'Class', 'Python: hello']));
  });
});
