/**
 * Every mastery figure in a report carries its evidence, and a concept without evidence has no
 * figure: in the JSON, the CSV, the printed page, the teacher's class and the gradebook. A report
 * written by the previous schema (every concept with a percentage) is read the same way.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildProgressReport } from '../../../electron/core/reports/build-report.ts';
import { Classes } from '../../../electron/core/reports/classes.ts';
import { gradebookCsvFile } from '../../../electron/core/reports/lms-gradebook.ts';
import { conceptsCsv } from '../../../electron/core/reports/csv.ts';
import { reportToHtml } from '../../../electron/core/reports/html.ts';
import { signReport } from '../../../electron/core/reports/signing.ts';
import { ProgressReport, REPORT_SCHEMA_VERSION } from '../../../electron/core/reports/report-schema.ts';
import { migrateReport } from '../../../electron/core/reports/report-migrate.ts';
import { COURSE, tempDatabase } from '../learner/fixtures.ts';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

/**
 * Ada has checked three exercises of variables (failed hello, passed sum and swap); loops and
 * functions she has never met.
 */
function ada() {
  const { db } = tempDatabase();
  let now = T0;
  const progress = new ProgressStore(db, {
    now: () => now,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create('Ada').id;
  for (const [exercise, status] of [
    ['hello', 'fail'],
    ['sum', 'pass'],
    ['swap', 'pass'],
  ] as const) {
    now += 60_000;
    model.recordAttempt({ profileId: id, track: 'py', exercise, kind: 'check', status, at: now });
  }
  const src = { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0.1.0' };
  const report = buildProgressReport(src, id, now + 60_000);
  return { report, lastCheck: now, signed: (r: object) => signReport(r, ...key(profiles, id)) };
}

function key(profiles: Profiles, id: number) {
  const { privateKey, publicKeyDer } = profiles.signingKey(id);
  return [privateKey, publicKeyDer] as const;
}

/** The same report as the previous schema wrote it: a percentage for every concept. */
function asVersion1(report: ProgressReport) {
  const { signature: _signature, ...rest } = report;
  return {
    ...rest,
    schemaVersion: 1,
    tracks: report.tracks.map((t) => ({
      ...t,
      concepts: t.concepts.map((c) => ({
        id: c.id,
        title: c.title,
        mastery: c.mastery ?? 0.6,
        evidence: c.evidence,
      })),
    })),
  };
}

describe('the report says what each figure rests on', () => {
  it('gives a practised concept its figure, evidence, last check and confidence, and the others none', () => {
    const { report, lastCheck } = ada();
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(ProgressReport.parse(report)).toBeTruthy();
    const [variables, loops, functions] = report.tracks[0]!.concepts;
    expect(variables).toMatchObject({
      id: 'variables',
      evidence: 3,
      confidence: 'medium',
      lastSeen: new Date(lastCheck).toISOString(),
    });
    expect(variables!.mastery).toBeGreaterThan(0);
    for (const c of [loops, functions])
      expect(c).toMatchObject({ mastery: null, evidence: 0, lastSeen: null, confidence: 'none' });
  });

  it('writes "not yet assessed" in the CSV and the printed page, never a percentage', () => {
    const { report } = ada();
    const rows = Papa.parse<Record<string, string>>(conceptsCsv(report, 'en').slice(1), {
      header: true,
    }).data;
    expect(rows.map((r) => [r.Concept, r['Mastery (%)'], r.Confidence, r['Exercises checked']])).toEqual([
      ['variables', String(Math.round(report.tracks[0]!.concepts[0]!.mastery! * 100)), 'medium', '3'],
      ['loops', 'not yet assessed', 'none', '0'],
      ['functions', 'not yet assessed', 'none', '0'],
    ]);
    expect(conceptsCsv(report, 'zh')).toContain('尚未评估');

    const html = reportToHtml(report, { locale: 'en' });
    const loopsRow = /<tr><th scope="row">Loops<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    // The mastery cell (the first) says so; the others are confidence, attempts, last check.
    expect(loopsRow).toBe('<td>Not yet assessed</td><td>no evidence yet</td><td>0</td><td>never</td>');
    // The chart draws a bar for the practised concept only.
    expect(html.match(/<rect [^>]*height="16" fill="#(2e7d32|1565c0)"/g)).toHaveLength(1);
    expect(reportToHtml(report, { locale: 'zh' })).toContain('尚未评估：循环、函数');
  });
});

describe('the teacher reads only what has evidence', () => {
  it('leaves unassessed concepts out of the class and the drill-down, and mastery out of the gradebook', () => {
    const { report, signed } = ada();
    const classes = new Classes(tempDatabase().db);
    const { id: classId } = classes.create('7B');
    const [outcome] = classes.importReports(classId, [
      { name: 'ada.json', text: JSON.stringify(signed(report)) },
    ]);
    expect(outcome).toMatchObject({ result: 'imported', status: 'verified' });
    const overview = classes.overview(classId);
    const variables = report.tracks[0]!.concepts[0]!.mastery!;
    expect(overview.learners[0]!.mastery).toEqual([variables, null, null]);
    const detail = classes.learner(classId, overview.learners[0]!.key);
    expect(detail.tracks[0]!.concepts.map((c) => [c.id, c.mastery === null, c.confidence])).toEqual([
      ['variables', false, 'medium'],
      ['loops', true, 'none'],
      ['functions', true, 'none'],
    ]);
    // The gradebook scores checked work only: the model's estimate is no grade.
    const input = { className: '7B', learners: classes.gradebookLearners(classId), courseOf: () => COURSE };
    const file = gradebookCsvFile(input, { format: 'generic', scores: 'units' }, '2026-03-10');
    const parsed = Papa.parse<Record<string, string>>(file.content.slice(1), { header: true });
    expect(parsed.meta.fields!.filter((f) => /mastery/i.test(f))).toEqual([]);
    // Basics: sum and swap passed, hello failed.
    expect(parsed.data[0]!['Python: Basics']).toBe(String(Math.round(2000 / 3) / 10));
    expect(parsed.meta.fields).not.toContain('Python: More');
  });

  it('imports a signed report of the previous schema, reading its practice-free concepts as unassessed', () => {
    const { report, signed } = ada();
    const old = signed(asVersion1(report));
    const classes = new Classes(tempDatabase().db);
    const { id: classId } = classes.create('7B');
    const [outcome] = classes.importReports(classId, [{ name: 'old.json', text: JSON.stringify(old) }]);
    // The signature covers the file as it was written; the reading is migrated after the check.
    expect(outcome).toMatchObject({ result: 'imported', status: 'verified' });
    const overview = classes.overview(classId);
    expect(overview.learners[0]!.mastery.slice(1)).toEqual([null, null]);
    const detail = classes.learner(classId, overview.learners[0]!.key);
    expect(detail.tracks[0]!.concepts[0]).toMatchObject({
      evidence: 3,
      confidence: 'medium',
      lastSeen: null,
    });
  });

  it('reads a class copy stored before the schema changed as the current schema', () => {
    const { report } = ada();
    const { db } = tempDatabase();
    const classes = new Classes(db);
    const { id: classId } = classes.create('7B');
    classes.importReports(classId, [{ name: 'ada.json', text: JSON.stringify(report) }]);
    const { attempts: _a, ...kept } = asVersion1(report);
    db.prepare('UPDATE class_learner SET report = ?').run(gzipSync(JSON.stringify(kept)));
    expect(classes.overview(classId).learners[0]!.mastery.slice(1)).toEqual([null, null]);
  });

  it('leaves a current report and anything that is not a version-1 report as it is', () => {
    const { report } = ada();
    expect(migrateReport(report)).toBe(report);
    expect(migrateReport('text')).toBe('text');
    expect(migrateReport({ schemaVersion: 1 })).toEqual({ schemaVersion: REPORT_SCHEMA_VERSION, tracks: [] });
  });
});
