/**
 * A report dated in the future (beyond five minutes of clock difference) is refused on import,
 * with the reason; a few minutes ahead is only two clocks disagreeing.
 */
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildSignedReport } from '../../../electron/core/reports/build-report.ts';
import { Classes } from '../../../electron/core/reports/classes.ts';
import { describeOutcome } from '../../../electron/core/reports/class-import.ts';
import { verifyReport } from '../../../electron/core/reports/signing.ts';
import { COURSE, tempDatabase } from '../learner/fixtures.ts';
import en from '../../../shared/i18n/locales/en/teacher.json';
import zh from '../../../shared/i18n/locales/zh/teacher.json';

/** A learner's signed report, exported at `at` by their own computer's clock. */
function reportExportedAt(name: string, at: number): string {
  const { db } = tempDatabase();
  const progress = new ProgressStore(db);
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create(name).id;
  const src = { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0.1.0' };
  return JSON.stringify(buildSignedReport(src, id, at));
}

function importInto(files: { name: string; text: string }[]) {
  const classes = new Classes(tempDatabase().db);
  const { id } = classes.create('7B');
  return { outcomes: classes.importReports(id, files), overview: () => classes.overview(id) };
}

describe('a report dated in the future', () => {
  it('is refused with the reason, though its signature is intact', () => {
    const at = Date.now() + 6 * 60_000;
    const text = reportExportedAt('Ada', at);
    expect(verifyReport(JSON.parse(text))).toBe('verified');
    const { outcomes, overview } = importInto([{ name: 'ada.json', text }]);
    expect(outcomes).toEqual([
      {
        file: 'ada.json',
        result: 'rejected',
        status: 'future',
        learner: 'Ada',
        exportedAt: new Date(at).toISOString(),
      },
    ]);
    expect(overview().learners).toEqual([]);
    expect(describeOutcome(outcomes[0]!)).toBe(
      `ada.json: not imported (Ada): dated ${new Date(at).toISOString()}, which is in the future on this computer. Check the date and time of the computer that exported it, and of this one`,
    );
  });

  it('a year ahead cannot shut out the learner’s real reports', () => {
    const { outcomes, overview } = importInto([
      { name: 'forged.json', text: reportExportedAt('Ada', Date.now() + 365 * 86_400_000) },
      { name: 'real.json', text: reportExportedAt('Ada', Date.now() - 60_000) },
    ]);
    expect(outcomes.map((o) => [o.file, o.result, o.status])).toEqual([
      ['forged.json', 'rejected', 'future'],
      ['real.json', 'imported', 'verified'],
    ]);
    expect(overview().learners.map((l) => l.name)).toEqual(['Ada']);
  });

  it('a few minutes ahead is two clocks disagreeing, and is imported', () => {
    const { outcomes } = importInto([
      { name: 'ada.json', text: reportExportedAt('Ada', Date.now() + 4 * 60_000) },
    ]);
    expect(outcomes[0]).toMatchObject({ result: 'imported', status: 'verified' });
  });

  it('the page words the reason in both languages', () => {
    expect(en.classroom.statuses.future).toContain('{{date}}');
    expect(en.classroom.statuses.future).toContain('in the future');
    expect(zh.classroom.statuses.future).toContain('{{date}}');
    expect(zh.classroom.statuses.future).toContain('将来');
  });
});
