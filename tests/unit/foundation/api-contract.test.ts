import { describe, expect, test, vi } from 'vitest';
import { dispatch, type Handlers } from '../../../shared/api/dispatch.ts';
import { CALL_NAMES, calls } from '../../../shared/api/contract.ts';
import { appHandlers } from '../../../electron/core/api/app-handlers.ts';
import { createBackend } from '../../../electron/core/app-services.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { LearnerSettings } from '../../../electron/core/learner/learner-settings.ts';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { silentLogger } from '../../../electron/core/logger.ts';

function handlers() {
  const { db } = openDatabase(':memory:');
  const profiles = new Profiles(db, new SettingsStore(db));
  return appHandlers({
    learnerSettings: new LearnerSettings(db, new SettingsStore(db)),
    profileId: () => (profiles.current() ?? profiles.create('Learner')).id,
    log: silentLogger(),
    info: () => {
      throw new Error('not needed');
    },
  }) as unknown as Handlers;
}
const ctx = { emit: vi.fn() };

describe('the API contract', () => {
  test('every call has a handler and the handler map has nothing extra', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-contract-'));
    const backend = createBackend({ dataDir, exercisesDir: dataDir, mode: 'web', version: '0' });
    expect(Object.keys(backend.handlers).sort()).toEqual([...CALL_NAMES].sort());
    backend.close();
  });

  test('a bad payload is rejected with the field named, and the handler never runs', async () => {
    const result = await dispatch(handlers(), 'updateSettings', { theme: 'purple' }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-input');
    expect(result.error.issues?.[0]?.field).toBe('theme');
    expect(result.error.message).toMatch(/^Bad input for updateSettings: theme:/);
  });

  test('a field the call does not know is rejected by name', async () => {
    const result = await dispatch(handlers(), 'updateSettings', { colour: 'red' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(JSON.stringify(result)).toContain('colour');
  });

  test('an unknown call name gets a typed error, not a crash', async () => {
    const result = await dispatch(handlers(), 'deleteEverything', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    const proto = await dispatch(handlers(), '__proto__', {}, ctx);
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  test('a handler that throws a plain Error becomes a coded internal fault, its message kept for the log', async () => {
    const result = await dispatch(handlers(), 'getAppInfo', {}, ctx);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'not needed',
        reason: { code: 'internal-fault', params: { call: 'getAppInfo' } },
      },
    });
  });

  test('a bad payload carries each field issue as a code for the page to word', async () => {
    const result = await dispatch(handlers(), 'updateSettings', { editorFontSize: 99 }, ctx);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'bad-input',
        reason: { code: 'bad-input', params: { call: 'updateSettings' } },
        fieldIssues: [{ field: 'editorFontSize', code: 'too-large', max: 32 }],
      },
    });
    const unknown = await dispatch(handlers(), 'deleteEverything', {}, ctx);
    expect(unknown).toMatchObject({
      ok: false,
      error: { reason: { code: 'unknown-call', params: { name: 'deleteEverything' } } },
    });
  });

  test('a valid settings change is saved, answered and pushed as an event', async () => {
    const h = handlers();
    const emit = vi.fn();
    const result = await dispatch(h, 'updateSettings', { language: 'zh' }, { emit });
    expect(result).toMatchObject({ ok: true, value: { language: 'zh', theme: 'system' } });
    expect(emit).toHaveBeenCalledWith('settingsChanged', expect.objectContaining({ language: 'zh' }));
    expect(await dispatch(h, 'getSettings', {}, ctx)).toMatchObject({ ok: true, value: { language: 'zh' } });
  });

  test('every call refuses a field it does not know, so nothing unchecked crosses the boundary', () => {
    const loose = CALL_NAMES.filter((name) => {
      const parsed = calls[name].input.safeParse({ smuggled: true });
      return parsed.success || !parsed.error.issues.some((i) => i.code === 'unrecognized_keys');
    });
    expect(loose).toEqual([]);
  });
});
