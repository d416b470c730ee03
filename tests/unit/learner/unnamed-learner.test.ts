/**
 * The learner no one has named (the profile the app makes on first use) is called by the word for
 * "learner" in the language each screen, report or command speaks, until they choose a name;
 * a name they chose never changes (issue 16, decision 0055). On a real database file.
 */
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles, ProfileError } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { LearnerSettings } from '../../../electron/core/learner/learner-settings.ts';
import { buildProgressReport } from '../../../electron/core/reports/build-report.ts';
import { reportFiles } from '../../../electron/core/reports/report-files.ts';
import en from '../../../shared/i18n/locales/en/profiles.json';
import zh from '../../../shared/i18n/locales/zh/profiles.json';
import { COURSE, tempDatabase } from './fixtures.ts';

function setup() {
  const { db } = tempDatabase();
  const settings = new SettingsStore(db);
  const profiles = new Profiles(db, settings);
  const progress = new ProgressStore(db);
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const src = { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0' };
  return { db, profiles, learnerSettings: new LearnerSettings(db, settings), src };
}

describe('the learner no one has named', () => {
  it('has no name of their own, whichever language the machine speaks', () => {
    for (const locale of ['en', 'zh'] as const) {
      const { db, profiles } = setup();
      const first = profiles.createUnnamed(locale);
      expect(first.name).toBeNull();
      expect(profiles.current()).toEqual(first);
      expect(profiles.list().map((p) => p.name)).toEqual([null]);
      // The word stored is the machine's, for an older Lantern; it is never shown.
      const stored = db.prepare('SELECT name FROM profile WHERE id = ?').pluck().get(first.id);
      expect(stored).toBe(locale === 'zh' ? zh.profiles.defaultName : en.profiles.defaultName);
    }
  });

  it('is found by the word for "learner" in either language, as the command line is asked', () => {
    const { profiles } = setup();
    const first = profiles.createUnnamed('en');
    profiles.create('Ana');
    for (const word of ['Learner', 'learner', ' 学习者 '])
      expect(profiles.byName(word)?.id, word).toBe(first.id);
    expect(profiles.byName('Ana')?.name).toBe('Ana');
    expect(profiles.byName('Lernender')).toBeUndefined();
  });

  it('keeps the word for "learner" in every language: another learner cannot be called it', () => {
    const { profiles } = setup();
    profiles.createUnnamed('en');
    for (const word of ['学习者', 'LEARNER']) {
      const refused = (() => {
        try {
          profiles.create(word);
        } catch (err) {
          return err;
        }
      })();
      expect(refused).toBeInstanceOf(ProfileError);
      expect(refused).toMatchObject({ reason: { code: 'profile-name-taken', params: { name: word } } });
    }
    expect(profiles.list()).toHaveLength(1);
  });

  it('once renamed, the name is the learner’s and stays, whatever language they then use', () => {
    const { profiles, learnerSettings, src } = setup();
    const first = profiles.createUnnamed('en');
    const renamed = profiles.rename(first.id, '小明');
    expect(renamed.name).toBe('小明');
    for (const language of ['en', 'zh', 'system'] as const) {
      learnerSettings.update(first.id, { language });
      expect(profiles.get(first.id)?.name).toBe('小明');
    }
    for (const locale of ['en', 'zh'] as const)
      expect(buildProgressReport(src, first.id, undefined, locale).learner.name).toBe('小明');
    // The words for "learner" are free again for someone else.
    expect(profiles.create('Learner').name).toBe('Learner');
  });

  it('choosing the word itself as their name makes it theirs: it no longer follows the language', () => {
    const { profiles, src } = setup();
    const first = profiles.createUnnamed('en');
    expect(profiles.rename(first.id, '学习者').name).toBe('学习者');
    expect(buildProgressReport(src, first.id, undefined, 'en').learner.name).toBe('学习者');
  });

  it('a report names them in the language it is exported in, file name included', () => {
    const { profiles, src } = setup();
    const first = profiles.createUnnamed('en');
    expect(buildProgressReport(src, first.id, undefined, 'zh').learner.name).toBe('学习者');
    expect(buildProgressReport(src, first.id, undefined, 'en').learner.name).toBe('Learner');
    const [json] = reportFiles(src, first.id, ['json'], 'zh');
    expect(json!.name).toMatch(/^lantern-report-学习者-/);
    expect(JSON.parse(json!.content)).toMatchObject({ learner: { name: '学习者' } });
  });

  it('a second first learner, after the last was deleted, is unnamed too', () => {
    const { profiles } = setup();
    const first = profiles.createUnnamed('zh');
    profiles.delete(first.id);
    expect(profiles.current()).toBeUndefined();
    expect(profiles.createUnnamed('en').name).toBeNull();
  });
});
