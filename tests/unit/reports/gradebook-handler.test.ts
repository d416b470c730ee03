/**
 * The Teacher page's export call, through the API dispatcher as the page makes it: the format,
 * scores and language it asks for, the school's home page for xAPI, and input it refuses.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { teacherHandlers } from '../../../electron/core/api/teacher-handlers.ts';
import { Classes } from '../../../electron/core/reports/classes.ts';
import { silentLogger } from '../../../electron/core/logger.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildProgressReport } from '../../../electron/core/reports/build-report.ts';
import { signReport } from '../../../electron/core/reports/signing.ts';
import { dispatch, type Handlers } from '../../../shared/api/dispatch.ts';
import type { GradebookFile } from '../../../shared/api/calls/teacher.ts';
import { COURSE, tempDatabase } from '../learner/fixtures.ts';

function report(name: string, studentId: string): string {
  const { db } = tempDatabase();
  const progress = new ProgressStore(db);
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create(name).id;
  const at = Date.now() - 60_000;
  model.recordAttempt({ profileId: id, track: 'py', exercise: 'hello', kind: 'check', status: 'pass', at });
  const built = buildProgressReport(
    { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0' },
    id,
  );
  const { privateKey, publicKeyDer } = profiles.signingKey(id);
  return JSON.stringify(
    signReport({ ...built, learner: { ...built.learner, studentId } }, privateKey, publicKeyDer),
  );
}

async function teacher() {
  const classes = new Classes(tempDatabase().db);
  const handlers = teacherHandlers({
    classes,
    log: silentLogger(),
    reports: { courseOf: (t) => (t === 'py' ? COURSE : undefined) },
    contentReady: Promise.resolve(),
  }) as unknown as Handlers;
  const call = async (name: string, input: unknown) => {
    const envelope = await dispatch(handlers, name, input, { emit: () => {} });
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  };
  const { id } = classes.create('7B');
  classes.importReports(id, [{ name: 'wang.json', text: report('王小明', 'S1001') }]);
  return { call, classId: id };
}

describe('the exportGradebook call', () => {
  it('gives the generic CSV by default, per exercise', async () => {
    const { call, classId } = await teacher();
    const file = (await call('exportGradebook', { classId })) as GradebookFile;
    expect(file.name).toMatch(/^gradebook-7B-generic-\d{4}-\d{2}-\d{2}\.csv$/);
    const [row] = Papa.parse<Record<string, string>>(file.content.slice(1), { header: true }).data;
    expect(row).toMatchObject({ 'Student ID': 'S1001', Learner: '王小明', 'Python: hello': '100' });
  });

  it('gives Moodle per unit with Chinese feedback when the page asks in Chinese', async () => {
    const { call, classId } = await teacher();
    const file = (await call('exportGradebook', {
      classId,
      format: 'moodle',
      scores: 'units',
      locale: 'zh',
    })) as GradebookFile;
    const [header, row] = Papa.parse<string[]>(file.content.slice(1), { skipEmptyLines: true }).data;
    expect(header).toEqual(['ID number', 'Email address', 'Full name', 'Python: Basics', 'Feedback']);
    expect(row!.at(-1)).toBe('Lantern：已检查的 1 道练习中通过 1 道；报告已签名');
  });

  it('gives xAPI statements on the school’s home page, and refuses a home page that is no web address', async () => {
    const { call, classId } = await teacher();
    const file = (await call('exportGradebook', {
      classId,
      format: 'xapi',
      homePage: 'https://school.example',
    })) as GradebookFile;
    expect(file.mimeType).toBe('application/json');
    const statements = JSON.parse(file.content) as { actor: { account: { homePage: string } } }[];
    // Attempted, passed and completed, the learner an account on the school's home page.
    expect(statements.map((s) => s.actor.account.homePage)).toEqual(Array(3).fill('https://school.example'));
    expect(file.warnings).toEqual([]);
    await expect(
      call('exportGradebook', { classId, format: 'xapi', homePage: 'javascript:alert(1)' }),
    ).rejects.toThrow();
    await expect(call('exportGradebook', { classId, format: 'blackboard' })).rejects.toThrow();
  });
});
