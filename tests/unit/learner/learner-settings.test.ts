/**
 * Settings per learner, through the calls the UI makes: each learner's language, theme, font size
 * and lesson layout are their own, switching learners pushes the new learner's settings, and a new
 * learner starts from what the machine shows now. Machine-wide settings stay the machine's.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { LearnerSettings } from '../../../electron/core/learner/learner-settings.ts';
import { appHandlers } from '../../../electron/core/api/app-handlers.ts';
import { profileHandlers } from '../../../electron/core/api/profile-handlers.ts';
import { silentLogger } from '../../../electron/core/logger.ts';
import { dispatch, type Handlers } from '../../../shared/api/dispatch.ts';
import { DEFAULT_SETTINGS, type LearnerProfile, type Settings } from '../../../shared/api/contract.ts';

const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function setup() {
  const { db } = openDatabase(':memory:');
  dbs.push(db);
  const machine = new SettingsStore(db);
  const profiles = new Profiles(db, machine);
  const learnerSettings = new LearnerSettings(db, machine);
  const profileId = () => (profiles.current() ?? profiles.create('Learner')).id;
  const deps = {
    profiles,
    learnerSettings,
    profileId,
    log: silentLogger(),
    info: () => {
      throw new Error('not needed');
    },
  };
  const handlers = { ...appHandlers(deps), ...profileHandlers(deps) } as unknown as Handlers;
  const events: { event: string; payload: unknown }[] = [];
  const ctx = { emit: (event: string, payload: unknown) => void events.push({ event, payload }) };
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const envelope = await dispatch(handlers, name, input, ctx as never);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as T;
  };
  return { call, events, machine };
}

describe('settings per learner', () => {
  test('each learner keeps their own language, theme, font size and layout', async () => {
    const api = setup();
    const ana = await api.call<LearnerProfile>('createProfile', { name: 'Ana', switchTo: true });
    await api.call('updateSettings', {
      language: 'zh',
      theme: 'dark',
      editorFontSize: 20,
      lessonLayout: { prose: 30, editor: 60 },
    });
    const bo = await api.call<LearnerProfile>('createProfile', { name: 'Bo', switchTo: true });
    await api.call('updateSettings', { language: 'en', theme: 'light', editorFontSize: 12 });

    await api.call('switchProfile', { id: ana.id });
    expect(await api.call('getSettings', {})).toEqual({
      language: 'zh',
      theme: 'dark',
      editorFontSize: 20,
      lessonLayout: { prose: 30, editor: 60 },
    });
    await api.call('switchProfile', { id: bo.id });
    expect(await api.call('getSettings', {})).toMatchObject({
      language: 'en',
      theme: 'light',
      editorFontSize: 12,
    });
  });

  test('switching learners pushes the new learner’s settings, then the learner', async () => {
    const api = setup();
    const ana = await api.call<LearnerProfile>('createProfile', { name: 'Ana', switchTo: true });
    await api.call('updateSettings', { language: 'zh', theme: 'dark' });
    await api.call('createProfile', { name: 'Bo', switchTo: true });
    await api.call('updateSettings', { language: 'en', theme: 'light' });
    api.events.length = 0;

    await api.call('switchProfile', { id: ana.id });
    expect(api.events).toEqual([
      { event: 'settingsChanged', payload: expect.objectContaining({ language: 'zh', theme: 'dark' }) },
      { event: 'profileChanged', payload: { profile: expect.objectContaining({ name: 'Ana' }) } },
    ]);
  });

  test('a change is pushed with the learner’s whole settings and touches no other learner', async () => {
    const api = setup();
    const first = await api.call<LearnerProfile>('currentProfile', {});
    await api.call('createProfile', { name: 'Ana', switchTo: true });
    api.events.length = 0;
    const next = await api.call<Settings>('updateSettings', { editorFontSize: 22 });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, editorFontSize: 22 });
    expect(api.events).toEqual([{ event: 'settingsChanged', payload: next }]);
    await api.call('switchProfile', { id: first.id });
    expect(await api.call('getSettings', {})).toEqual(DEFAULT_SETTINGS);
  });

  test('a new learner starts from the current learner’s settings, and then keeps their own', async () => {
    const api = setup();
    await api.call('updateSettings', { language: 'zh', theme: 'dark', editorFontSize: 18 });
    const mei = await api.call<LearnerProfile>('createProfile', { name: 'Mei' });
    await api.call('switchProfile', { id: mei.id });
    expect(await api.call('getSettings', {})).toMatchObject({
      language: 'zh',
      theme: 'dark',
      editorFontSize: 18,
    });
    await api.call('updateSettings', { theme: 'light' });
    const first = (await api.call<{ profiles: LearnerProfile[] }>('listProfiles', {})).profiles.find(
      (p) => p.name === 'Learner',
    )!;
    await api.call('switchProfile', { id: first.id });
    expect(await api.call('getSettings', {})).toMatchObject({ theme: 'dark' });
  });

  test('after the last learner is deleted, the next one starts from the last settings set here', async () => {
    const api = setup();
    const only = await api.call<LearnerProfile>('currentProfile', {});
    await api.call('updateSettings', { language: 'zh', theme: 'dark' });
    await api.call('deleteProfile', { id: only.id });
    // Deleting the last learner leaves none; the call answers with a fresh default one.
    expect(await api.call('getSettings', {})).toMatchObject({ language: 'zh', theme: 'dark' });
  });

  test('machine-wide settings are not a learner’s', async () => {
    const api = setup();
    api.machine.set('tutor.settings', { provider: 'vertex' });
    await api.call('createProfile', { name: 'Ana', switchTo: true });
    await api.call('updateSettings', { language: 'zh' });
    expect(api.machine.get('tutor.settings')).toEqual({ provider: 'vertex' });
    expect(Object.keys(await api.call<Settings>('getSettings', {}))).not.toContain('provider');
  });

  test('each separator saves its own split, and the other keeps its size', async () => {
    const api = setup();
    await api.call('updateSettings', { lessonLayout: { prose: 30, editor: 60 } });
    await api.call('updateSettings', { lessonLayout: { editor: 45 } });
    await api.call('updateSettings', { lessonLayout: { prose: 52.5 } });
    expect((await api.call<Settings>('getSettings', {})).lessonLayout).toEqual({ prose: 52.5, editor: 45 });
  });

  test('a layout outside what the page can show is refused by name', async () => {
    const api = setup();
    await expect(api.call('updateSettings', { lessonLayout: { prose: 0, editor: 50 } })).rejects.toThrow(
      /lessonLayout\.prose/,
    );
  });
});
