/**
 * A teacher reads only figures that rest on evidence, even from a report a learner edited: an
 * unsigned file cannot show it was edited, so a percentage or a confidence its checked-attempt
 * count does not support is read as that count says, in the class, the drill-down and the
 * gradebook.
 */
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
import { COURSE, tempDatabase } from './fixtures.ts';

const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

/** Ada's report after one passed check of 'hello' (variables); loops and functions never met. */
function adaReport() {
  const { db } = tempDatabase();
  const progress = new ProgressStore(db, {
    now: () => T0,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create('Ada').id;
  model.recordAttempt({
    profileId: id,
    track: 'py',
    exercise: 'hello',
    kind: 'check',
    status: 'pass',
    at: T0,
  });
  const src = { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0' };
  return buildProgressReport(src, id, T0 + 60_000);
}

/** An unsigned report, as a learner could write it by hand or edit it before handing it in. */
function handEdited(edit: (concepts: Record<string, unknown>[]) => void) {
  const report = JSON.parse(JSON.stringify(adaReport())) as Record<string, unknown> & {
    tracks: { concepts: Record<string, unknown>[] }[];
  };
  edit(report.tracks[0]!.concepts);
  return JSON.stringify(report);
}

function teacherReads(text: string) {
  const classes = new Classes(tempDatabase().db);
  const { id: classId } = classes.create('7B');
  const [outcome] = classes.importReports(classId, [{ name: 'ada.json', text }]);
  const overview = classes.overview(classId);
  const learner = overview.learners[0];
  const gradebook = gradebookCsvFile(
    { className: '7B', learners: classes.gradebookLearners(classId), courseOf: () => COURSE },
    { format: 'generic', scores: 'exercises' },
    '2026-03-10',
  );
  const [row] = Papa.parse<Record<string, string>>(gradebook.content.slice(1), { header: true }).data;
  const detail = learner ? classes.learner(classId, learner.key) : undefined;
  return { outcome, overview, row, detail };
}

describe('a report that claims mastery without evidence', () => {
  it('shows no percentage for a concept with no checked attempts, whatever the file says', () => {
    const text = handEdited((concepts) => {
      const loops = concepts.find((c) => c.id === 'loops')!;
      Object.assign(loops, { mastery: 0.97, confidence: 'high' });
    });
    const { outcome, overview, row, detail } = teacherReads(text);
    expect(outcome).toMatchObject({ status: 'unsigned' });
    const at = overview.concepts.findIndex((c) => c.concept === 'loops');
    expect(overview.learners[0]!.mastery[at]).toBeNull();
    // The gradebook carries no mastery at all, and scores nothing from an unsigned file.
    expect(Object.keys(row!).filter((k) => /mastery|concept/i.test(k))).toEqual([]);
    expect(row).toMatchObject({ Learner: 'Ada', Signature: 'unsigned', 'Exercises passed': '0' });
    expect(detail!.tracks[0]!.concepts.find((c) => c.id === 'loops')).toMatchObject({
      mastery: null,
      confidence: 'none',
    });
  });

  it('states the confidence that the evidence count gives, not the one the file claims', () => {
    const text = handEdited((concepts) => {
      Object.assign(
        concepts.find((c) => c.id === 'variables')!,
        { confidence: 'high' },
      );
    });
    const { detail } = teacherReads(text);
    expect(detail!.tracks[0]!.concepts.find((c) => c.id === 'variables')).toMatchObject({
      evidence: 1,
      confidence: 'low',
    });
  });
});
