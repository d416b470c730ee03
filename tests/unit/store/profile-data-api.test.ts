/** The profile and data calls as the UI makes them: through dispatch, with the events they push. */
import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { LearnerSettings } from '../../../electron/core/learner/learner-settings.ts';
import { profileHandlers } from '../../../electron/core/api/profile-handlers.ts';
import { dataHandlers } from '../../../electron/core/api/data-handlers.ts';
import { silentLogger } from '../../../electron/core/logger.ts';
import { dispatch, type Handlers } from '../../../shared/api/dispatch.ts';
import Database from 'better-sqlite3';
import i18next from 'i18next';
import { toApiError } from '../../../renderer/api/client.ts';
import { failureText } from '../../../renderer/i18n/failure.ts';
import { BackupError } from '../../../electron/core/store/backup-check.ts';
import en from '../../../shared/i18n/locales/en/profiles.json';
import zh from '../../../shared/i18n/locales/zh/profiles.json';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-api-'));
  dirs.push(dataDir);
  const databaseFile = path.join(dataDir, 'lantern.db');
  const { db } = openDatabase(databaseFile);
  dbs.push(db);
  const settings = new SettingsStore(db);
  const profiles = new Profiles(db, settings);
  // As the app does: the first learner has no name of their own (decision 0055).
  const profileId = () => (profiles.current() ?? profiles.createUnnamed('en')).id;
  const learnerSettings = new LearnerSettings(db, settings);
  const deps = { db, databaseFile, dataDir, profiles, learnerSettings, profileId, log: silentLogger() };
  const handlers = { ...profileHandlers(deps), ...dataHandlers(deps) } as unknown as Handlers;
  const events: { event: string; payload: unknown }[] = [];
  const ctx = { emit: (event: string, payload: unknown) => void events.push({ event, payload }) };
  const call = async (name: string, input: unknown) => {
    const envelope = await dispatch(handlers, name, input, ctx as never);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as never;
  };
  const callRaw = (name: string, input: unknown) => dispatch(handlers, name, input, ctx as never);
  return { call, callRaw, events, dataDir };
}

describe('profile calls', () => {
  test('a first call makes a learner no one has named; creating one with switchTo makes it current and tells the UI', async () => {
    const api = setup();
    const first: { name: string | null } = await api.call('currentProfile', {});
    expect(first.name).toBeNull();
    const ana: { id: number } = await api.call('createProfile', { name: '  Ana  ', switchTo: true });
    const list: { profiles: { name: string | null }[]; currentId: number } = await api.call(
      'listProfiles',
      {},
    );
    expect(list.profiles.map((p) => p.name)).toEqual(['Ana', null]);
    expect(list.currentId).toBe(ana.id);
    expect(api.events).toEqual([
      { event: 'settingsChanged', payload: expect.objectContaining({ language: 'system' }) },
      { event: 'profileChanged', payload: { profile: expect.objectContaining({ name: 'Ana' }) } },
    ]);
  });

  test('deleting the current learner switches to another and tells the UI who it is now', async () => {
    const api = setup();
    const learner: { id: number } = await api.call('currentProfile', {});
    const ana: { id: number } = await api.call('createProfile', { name: 'Ana', switchTo: true });
    api.events.length = 0;
    const after: { profiles: { id: number }[]; currentId: number } = await api.call('deleteProfile', {
      id: ana.id,
    });
    expect(after.profiles.map((p) => p.id)).toEqual([learner.id]);
    expect(after.currentId).toBe(learner.id);
    expect(api.events).toEqual([
      { event: 'settingsChanged', payload: expect.objectContaining({ theme: 'system' }) },
      { event: 'profileChanged', payload: { profile: expect.objectContaining({ id: learner.id }) } },
    ]);
  });

  test('a duplicate name is refused with a message saying so', async () => {
    const api = setup();
    await api.call('createProfile', { name: 'Ana' });
    await expect(api.call('createProfile', { name: 'ana' })).rejects.toThrow(
      'There is already a profile called “Ana”',
    );
  });

  test('an empty name is bad input naming the field', async () => {
    const api = setup();
    const envelope = await api.callRaw('renameProfile', { id: 1, name: '   ' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'bad-input', issues: [{ field: 'name' }] } });
  });
});

describe('data calls', () => {
  test('a backup sent back in chunks restores the learners it held', async () => {
    const api = setup();
    await api.call('createProfile', { name: 'Ana' });
    const backup: { data: string; sizeBytes: number; fileName: string } = await api.call('createBackup', {});
    expect(backup.fileName).toMatch(/^lantern-backup-\d{4}-\d{2}-\d{2}-\d{4}\.db$/);
    await api.call('createProfile', { name: 'Ben' });

    const bytes = Buffer.from(backup.data, 'base64');
    expect(bytes.length).toBe(backup.sizeBytes);
    const { uploadId }: { uploadId: string } = await api.call('startRestore', {
      fileName: backup.fileName,
      sizeBytes: bytes.length,
    });
    const half = Math.floor(bytes.length / 2);
    await api.call('uploadRestoreChunk', {
      uploadId,
      offset: 0,
      data: bytes.subarray(0, half).toString('base64'),
    });
    await api.call('uploadRestoreChunk', {
      uploadId,
      offset: half,
      data: bytes.subarray(half).toString('base64'),
    });
    api.events.length = 0;
    const result: { profiles: number } = await api.call('finishRestore', { uploadId });

    expect(result.profiles).toBe(1);
    const list: { profiles: { name: string }[] } = await api.call('listProfiles', {});
    expect(list.profiles.map((p) => p.name)).toEqual(['Ana']);
    expect(api.events.map((e) => e.event)).toEqual(['settingsChanged', 'profileChanged']);
    expect(fs.readdirSync(path.join(api.dataDir, 'restore'))).toEqual([]);
  });

  test('a chunk out of order is refused, and a short upload cannot be finished', async () => {
    const api = setup();
    const { uploadId }: { uploadId: string } = await api.call('startRestore', {
      fileName: 'b.db',
      sizeBytes: 10,
    });
    await expect(api.call('uploadRestoreChunk', { uploadId, offset: 4, data: 'AAAA' })).rejects.toThrow(
      'Restore chunk at byte 4 arrived out of order (expected byte 0)',
    );
    await api.call('uploadRestoreChunk', { uploadId, offset: 0, data: 'AAAA' });
    await expect(api.call('finishRestore', { uploadId })).rejects.toThrow(
      'Only 3 of 10 bytes of the restore file arrived',
    );
  });

  test('restoring a file that is not a backup names the chosen file', async () => {
    const api = setup();
    const text = Buffer.from('not a database at all');
    const { uploadId }: { uploadId: string } = await api.call('startRestore', {
      fileName: 'homework.txt',
      sizeBytes: text.length,
    });
    await api.call('uploadRestoreChunk', { uploadId, offset: 0, data: text.toString('base64') });
    await expect(api.call('finishRestore', { uploadId })).rejects.toThrow(
      'homework.txt is not a Lantern backup',
    );
  });

  test('a refusal reaches the page as a code and parameters naming the object, in both catalogs', async () => {
    const api = setup();
    const backup: { data: string } = await api.call('createBackup', {});
    // A backup with one more trigger than Lantern's schema has.
    const file = path.join(api.dataDir, 'edited.db');
    fs.writeFileSync(file, Buffer.from(backup.data, 'base64'));
    const edited = new Database(file);
    edited.exec('CREATE TRIGGER wipe AFTER INSERT ON profile BEGIN DELETE FROM setting; END');
    edited.close();
    const bytes = fs.readFileSync(file);
    const { uploadId }: { uploadId: string } = await api.call('startRestore', {
      fileName: 'class.db',
      sizeBytes: bytes.length,
    });
    await api.call('uploadRestoreChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
    const envelope = await api.callRaw('finishRestore', { uploadId });
    expect(envelope.ok).toBe(false);
    const reason = !envelope.ok ? envelope.error.reason : undefined;
    expect(reason).toMatchObject({
      code: 'restoreExtraObjectOn',
      params: { file: 'class.db', type: 'trigger', object: 'wipe', table: 'profile' },
    });
    for (const catalog of [en, zh]) {
      const text = (catalog.data.errors as Record<string, string>)[reason!.code];
      expect(text).toContain('{{object}}');
      expect(text).toContain('{{file}}');
    }
  });

  test('over the desktop bridge the reason survives, and the Chinese page names the object', async () => {
    const api = setup();
    const { uploadId }: { uploadId: string } = await api.call('startRestore', {
      fileName: 'class.db',
      sizeBytes: 3,
    });
    await api.call('uploadRestoreChunk', { uploadId, offset: 0, data: 'AAAA' });
    const envelope = await api.callRaw('finishRestore', { uploadId });
    if (envelope.ok) throw new Error('a three-byte file was restored');
    // What the preload throws (electron/preload/index.ts), as the page's API client reads it.
    const error = toApiError(new Error(JSON.stringify(envelope.error)));
    expect(error.reason).toEqual({ code: 'restoreNotSqlite', params: { file: 'class.db' } });
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { zh: { translation: { data: zh.data } } },
      lng: 'zh',
      interpolation: { escapeValue: false },
    });
    const schema = new BackupError(
      'restoreExtraObject',
      { file: 'class.db', type: 'view', object: 'everyone', version: 7 },
      'English',
    );
    const overBridge = toApiError(
      new Error(JSON.stringify({ code: 'failed', message: schema.message, reason: schema.reason })),
    );
    expect(failureText(i18n.t, overBridge)).toBe(
      'class.db 不是 Lantern 生成的备份：它有一个视图“everyone”，而 Lantern 的架构 7 中没有。没有恢复。',
    );
    // A failure without a reason is worded by the catalog (apiErrors), never by its English.
    expect(failureText(i18n.t, new Error('socket hang up'))).not.toContain('socket');
  });
});
