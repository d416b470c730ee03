/**
 * The limits of a report import (docs/report-schema.md, "Limits"): a file too large, nested too
 * deep, or with a list or string over its cap is refused alone, by name and limit; too many files
 * at once are refused before any is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildProgressReport } from '../../../electron/core/reports/build-report.ts';
import { Classes } from '../../../electron/core/reports/classes.ts';
import { describeOutcome, moreContainersThan } from '../../../electron/core/reports/class-import.ts';
import { MAX_REPORT_CONTAINERS, REPORT_LIMITS } from '../../../electron/core/reports/report-schema.ts';
import { reportCommand } from '../../../electron/cli/commands/report.ts';
import { MAX_IMPORT_FILES, MAX_REPORT_BYTES } from '../../../shared/api/calls/teacher.ts';
import { COURSE, tempDatabase, tempDir } from '../learner/fixtures.ts';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);
type Report = ReturnType<typeof buildProgressReport>;

/** An unsigned report of one learner who passed one check, edited by `edit`. */
function report(name: string, edit: (r: Report) => void = () => undefined): string {
  const { db } = tempDatabase();
  const progress = new ProgressStore(db, {
    now: () => T0,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create(name).id;
  model.recordAttempt({
    profileId: id,
    track: 'py',
    exercise: 'hello',
    kind: 'check',
    status: 'pass',
    at: T0,
  });
  const r = buildProgressReport(
    { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0.1.0' },
    id,
    T0 + 60_000,
  );
  edit(r);
  return JSON.stringify(r);
}

function importAll(files: { name: string; text: string }[]) {
  const classes = new Classes(tempDatabase().db);
  const { id } = classes.create('7B');
  const outcomes = classes.importReports(id, files);
  return { outcomes, names: classes.overview(id).learners.map((l) => l.name) };
}

describe('a report over a limit is refused alone, naming the file and the limit', () => {
  it('a file over 12 MB, before it is parsed', () => {
    const big = report('Ada').replace(/^\{/, `{"padding":"${'x'.repeat(MAX_REPORT_BYTES)}",`);
    const { outcomes, names } = importAll([
      { name: 'big.json', text: big },
      { name: 'bo.json', text: report('Bo') },
    ]);
    expect(outcomes[0]).toMatchObject({
      file: 'big.json',
      result: 'rejected',
      status: 'too-large',
      max: MAX_REPORT_BYTES,
    });
    expect(describeOutcome(outcomes[0]!)).toBe(
      'big.json: not imported: 12.0 MB; a report may be at most 12.0 MB',
    );
    expect(names).toEqual(['Bo']);
  });

  it('more objects and lists than a report may hold, counted before the file is parsed', () => {
    // Within the size limit, but parsed it would be millions of empty lists.
    const brackets = `[${'[],'.repeat(MAX_REPORT_CONTAINERS)}[]]`;
    expect(brackets.length).toBeLessThan(MAX_REPORT_BYTES);
    const { outcomes, names } = importAll([
      { name: 'brackets.json', text: brackets },
      { name: 'bo.json', text: report('Bo') },
    ]);
    expect(outcomes[0]).toMatchObject({
      file: 'brackets.json',
      result: 'rejected',
      status: 'bad-file',
      problem: { code: 'fields', issues: [{ field: '', code: 'too-many', max: MAX_REPORT_CONTAINERS }] },
    });
    expect(describeOutcome(outcomes[0]!)).toBe(
      `brackets.json: not imported: (top level): has more than ${MAX_REPORT_CONTAINERS} entries, the most allowed`,
    );
    expect(names).toEqual(['Bo']);
  });

  it('JSON nested deeper than a report ever is', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    const { outcomes } = importAll([
      { name: 'deep.json', text: report('Ada').replace(/^\{/, `{"extra":${deep},`) },
    ]);
    expect(outcomes[0]).toMatchObject({ file: 'deep.json', result: 'rejected', status: 'bad-file' });
    expect(outcomes[0]!.problem).toMatchObject({ code: 'too-deep', max: 16 });
    expect(describeOutcome(outcomes[0]!)).toMatch(/: extra(\[0\])+: nested more than 16 levels deep/);
  });

  it('more attempts, examples, exercises or characters than a report may hold', () => {
    const { outcomes, names } = importAll([
      {
        name: 'attempts.json',
        text: report('A', (r) => {
          const a = { ...r.attempts[0]!, track: 'p', exercise: 'e' };
          r.attempts = Array.from({ length: REPORT_LIMITS.attempts + 1 }, () => a);
        }),
      },
      {
        name: 'examples.json',
        text: report('B', (r) => {
          const e = { at: r.exportedAt, track: 'py', exercise: 'hello', kind: 'fail' as const, code: 'x' };
          r.errorExamples = Array.from({ length: 61 }, () => e);
        }),
      },
      {
        name: 'exercises.json',
        text: report('C', (r) => {
          r.tracks[0]!.exercises = Array.from(
            { length: REPORT_LIMITS.exercisesPerTrack + 1 },
            () => r.tracks[0]!.exercises[0]!,
          );
        }),
      },
      { name: 'id.json', text: report('D', (r) => void (r.tracks[0]!.id = 'x'.repeat(201))) },
      { name: 'fine.json', text: report('E') },
    ]);
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['attempts.json', 'bad-file'],
      ['examples.json', 'bad-file'],
      ['exercises.json', 'bad-file'],
      ['id.json', 'bad-file'],
      ['fine.json', 'unsigned'],
    ]);
    const issues = outcomes
      .slice(0, 4)
      .map((o) => (o.problem?.code === 'fields' ? o.problem.issues[0] : null));
    expect(issues).toEqual([
      { field: 'attempts', code: 'too-many', max: REPORT_LIMITS.attempts },
      { field: 'errorExamples', code: 'too-many', max: 60 },
      { field: 'tracks.0.exercises', code: 'too-many', max: REPORT_LIMITS.exercisesPerTrack },
      { field: 'tracks.0.id', code: 'too-long', max: REPORT_LIMITS.idChars },
    ]);
    expect(describeOutcome(outcomes[3]!)).toContain('tracks.0.id: is longer than 200 characters');
    expect(names).toEqual(['E']);
  });

  it('more files than one import takes, before any is read', () => {
    const classes = new Classes(tempDatabase().db);
    const { id } = classes.create('7B');
    const files = Array.from({ length: MAX_IMPORT_FILES + 1 }, (_, i) => ({ name: `${i}.json`, text: '{}' }));
    expect(() => classes.importReports(id, files)).toThrow(
      'One import takes at most 1000 report files; this one has 1001. Import them in parts.',
    );
  });
});

describe('a report at the limits of its schema is imported', () => {
  it('20,000 attempts, exported with indentation as the app does: over 4 MB, under the cap', () => {
    const text = report('Ada', (r) => {
      const a = { ...r.attempts[0]!, exercise: 'strings-template-literals' };
      r.attempts = Array.from({ length: REPORT_LIMITS.attempts }, () => a);
    });
    const exported = `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
    expect(exported.length).toBeGreaterThan(4_000_000);
    const { outcomes, names } = importAll([{ name: 'ada.json', text: exported }]);
    expect(outcomes).toMatchObject([{ file: 'ada.json', result: 'imported', status: 'unsigned' }]);
    expect(names).toEqual(['Ada']);
  });

  it('brackets inside strings are text, not objects or lists', () => {
    expect(moreContainersThan('[{}, "[[[{{{", "\\"[{"]', 2)).toBe(false);
    expect(moreContainersThan('[{}, {}]', 2)).toBe(true);
  });
});

describe('lantern report class', () => {
  async function run(args: string[], cwd: string) {
    let out = '';
    let err = '';
    const code = await reportCommand({}).run(args, {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      cwd,
    });
    return { code, out, err };
  }

  it('refuses a 200 MB file by its size without reading it, and imports the rest', async () => {
    const dir = tempDir('lantern-limits-');
    fs.writeFileSync(path.join(dir, 'ada.json'), report('Ada'));
    // Sparse: 200 MB on paper, nothing on disk. Reading it would cost 200 MB of memory.
    const big = path.join(dir, 'huge.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 200_000_000);
    const result = await run(['class', '.', '--out', 'out.csv'], dir);
    expect(result.err).toContain('huge.json: not imported: 200.0 MB; a report may be at most 12.0 MB');
    expect(result.out).toContain('1 of 2 reports in the gradebook');
    expect(result.code).toBe(1);
  });

  it('refuses more files than one gradebook takes, naming both numbers', async () => {
    const dir = tempDir('lantern-limits-');
    for (let i = 0; i <= MAX_IMPORT_FILES; i++) fs.writeFileSync(path.join(dir, `${i}.json`), '{}');
    const result = await run(['class', '.', '--out', 'out.csv'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      '1001 report files were given; one gradebook takes at most 1000. Split them into several runs.\n',
    );
    expect(fs.existsSync(path.join(dir, 'out.csv'))).toBe(false);
  });
});
