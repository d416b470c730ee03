/**
 * `lantern report class --format …` as a teacher runs it: a real Node process over a folder of
 * learners' signed reports, the file it writes read back as the LMS reads it, and the learners
 * it could not place named on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import validateStatement from '@learninglocker/xapi-validation';
import { beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildProgressReport } from '../../../electron/core/reports/build-report.ts';
import { signReport } from '../../../electron/core/reports/signing.ts';
import { tempDir } from '../../unit/learner/fixtures.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A signed report of a learner who worked on the built-in Python track's first exercises. */
function report(name: string, studentId: string | undefined, checks: [string, 'pass' | 'fail', number][]) {
  const dir = tempDir('lantern-learner-');
  const { db } = openDatabase(path.join(dir, 'lantern.db'));
  const progress = new ProgressStore(db);
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => undefined);
  const id = profiles.create(name).id;
  let at = Date.now() - 3_600_000;
  for (const [exercise, status, testsPassed] of checks) {
    at += 60_000;
    progress.insertAttempt({
      profileId: id,
      track: 'python',
      exercise,
      kind: 'check',
      status,
      testsPassed,
      testsTotal: 4,
      at,
    });
  }
  const built = buildProgressReport(
    { db, profiles, progress, model, courseOf: () => undefined, appVersion: '0.1.0' },
    id,
  );
  const { privateKey, publicKeyDer } = profiles.signingKey(id);
  const text = JSON.stringify(
    signReport(
      { ...built, learner: { ...built.learner, ...(studentId && { studentId }) } },
      privateKey,
      publicKeyDer,
    ),
  );
  db.close();
  return text;
}

let reports: string;
const data = tempDir('lantern-teacher-data-');

function lantern(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/lantern.js', 'report', 'class', reports, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANTERN_DATA_DIR: data },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  reports = tempDir('lantern-reports-');
  fs.writeFileSync(path.join(reports, 'wang.json'), report('王小明', 'S1001', [['count-vowels', 'fail', 3]]));
  fs.writeFileSync(
    path.join(reports, 'jo.json'),
    report('Smith, Jo', 'S1002', [
      ['count-vowels', 'pass', 4],
      ['average-of-three', 'pass', 4],
    ]),
  );
  fs.writeFileSync(path.join(reports, 'bo.json'), report('Bo', undefined, [['count-vowels', 'pass', 4]]));
});

const csvRows = (file: string) => {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

describe('lantern report class --format', () => {
  test('canvas: Canvas’s columns and Points Possible row; a learner without an ID is named on stderr', () => {
    const out = path.join(tempDir(), 'canvas.csv');
    const r = lantern(['--format', 'canvas', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('3 of 3 reports in the gradebook');
    expect(r.err).toContain('warning: left out of the canvas file, no student ID to match them by: Bo.');
    const [header, points, ...rows] = csvRows(out);
    expect(header!.slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
    // The built-in track's own titles, in its course order.
    expect(header!.slice(5)).toEqual(['Python: Average of three scores', 'Python: Count the vowels']);
    expect(points!.slice(0, 1).concat(points!.slice(5))).toEqual(['Points Possible', '100', '100']);
    expect(rows.map((r) => [r[0], r[2], ...r.slice(5)])).toEqual([
      ['Smith, Jo', 'S1002', '100', '100'],
      ['王小明', 'S1001', '', '75'],
    ]);
  });

  test('moodle with unit scores: one column per unit and a feedback column, mapped by ID number', () => {
    const out = path.join(tempDir(), 'moodle.csv');
    const r = lantern(['--format', 'moodle', '--scores', 'units', '--locale', 'zh', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const [header, ...rows] = csvRows(out);
    expect(header!.slice(0, 3)).toEqual(['ID number', 'Email address', 'Full name']);
    expect(header!.at(-1)).toBe('Feedback');
    expect(header!.length).toBeGreaterThan(4);
    expect(rows.map((r) => r[0]).sort()).toEqual(['S1001', 'S1002']);
    expect(rows.find((r) => r[0] === 'S1001')!.at(-1)).toBe(
      'Lantern：已检查的 1 道练习中通过 0 道；报告已签名',
    );
  });

  test('xapi: statements an LRS accepts, accounts on the school’s home page', () => {
    const out = path.join(tempDir(), 'statements.json');
    const r = lantern(['--format', 'xapi', '--home-page', 'https://school.example', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const statements = JSON.parse(fs.readFileSync(out, 'utf8')) as object[];
    // Wang attempted one; Jo attempted, passed and completed two; Bo one.
    expect(statements.length).toBeGreaterThanOrEqual(1 + 2 * 2 + 2);
    for (const s of statements) expect(validateStatement(s)).toEqual([]);
    expect(r.err).not.toContain('--home-page');
  });

  test('a wrong --format or --scores is a usage error naming the choices', () => {
    const bad = lantern(['--format', 'blackboard', '--out', path.join(tempDir(), 'x.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format must be one of generic, canvas, moodle, xapi');
    expect(lantern(['--scores', 'concepts', '--out', 'x.csv']).err).toContain(
      '--scores must be exercises or units',
    );
  });
});
