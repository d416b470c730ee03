/**
 * Migration 0010 on a real database file at schema 9: the machine's language, theme and editor
 * font size become every existing learner's own, and a backup made before it gets them the same
 * way when it is restored.
 */
import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.ts';
import { restoreBackup } from '../../../electron/core/store/backup.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { LearnerSettings } from '../../../electron/core/learner/learner-settings.ts';
import { DEFAULT_SETTINGS } from '../../../shared/api/calls/app.ts';

const BEFORE = MIGRATIONS.filter((m) => m.version < 10);
const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database as Lantern at schema 9 left it: two learners and, unless null, the machine's settings. */
function databaseAt9(machine: string | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-0010-'));
  dirs.push(dir);
  const file = path.join(dir, 'lantern.db');
  const { db } = openDatabase(file, BEFORE);
  db.prepare("INSERT INTO profile (id, name) VALUES (1, 'Ana'), (2, '小明')").run();
  db.prepare("INSERT INTO setting (key, value) VALUES ('currentProfileId', '2')").run();
  if (machine !== null)
    db.prepare("INSERT INTO setting (key, value) VALUES ('app.settings', ?)").run(machine);
  db.close();
  return file;
}

function upgraded(file: string) {
  const { db } = openDatabase(file);
  open.push(db);
  const machine = new SettingsStore(db);
  return { db, machine, learners: new LearnerSettings(db, machine), profiles: new Profiles(db, machine) };
}

describe('migration 0010: settings belong to the learner', () => {
  test('every existing learner gets the machine’s language, theme and font size', () => {
    const file = databaseAt9(JSON.stringify({ language: 'zh', theme: 'dark', editorFontSize: 18 }));
    const { learners, machine } = upgraded(file);
    for (const id of [1, 2])
      expect(learners.of(id)).toEqual({
        ...DEFAULT_SETTINGS,
        language: 'zh',
        theme: 'dark',
        editorFontSize: 18,
      });
    // The machine keeps its copy, for a learner made when there is no other.
    expect(machine.get('app.settings')).toEqual({ language: 'zh', theme: 'dark', editorFontSize: 18 });
  });

  test('an install that never changed a setting gives its learners the defaults', () => {
    const { learners } = upgraded(databaseAt9(null));
    expect(learners.of(1)).toEqual(DEFAULT_SETTINGS);
    expect(learners.of(2)).toEqual(DEFAULT_SETTINGS);
  });

  test('settings an older version wrote keep each field that is still valid', () => {
    const file = databaseAt9(
      JSON.stringify({ language: 'fr', theme: 'dark', editorFontSize: 99, colour: 'red' }),
    );
    const { learners } = upgraded(file);
    expect(learners.of(1)).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  test('machine settings that are not a JSON object leave the learners at the defaults', () => {
    for (const stored of ['not json', '[1, 2]', '"dark"']) {
      const { learners } = upgraded(databaseAt9(stored));
      expect(learners.of(2), stored).toEqual(DEFAULT_SETTINGS);
    }
  });

  test('each learner then changes their own settings without touching the other’s', () => {
    const file = databaseAt9(JSON.stringify({ language: 'zh', theme: 'dark', editorFontSize: 18 }));
    const { learners } = upgraded(file);
    learners.update(1, { language: 'en', theme: 'light' });
    expect(learners.of(1)).toMatchObject({ language: 'en', theme: 'light', editorFontSize: 18 });
    expect(learners.of(2)).toMatchObject({ language: 'zh', theme: 'dark', editorFontSize: 18 });
  });

  test('a backup made at schema 9 gets its machine settings for every learner when restored', async () => {
    const backup = databaseAt9(JSON.stringify({ language: 'zh', theme: 'dark', editorFontSize: 20 }));
    const live = upgraded(databaseAt9(null));
    live.learners.update(1, { language: 'en', theme: 'light' });
    await restoreBackup(live.db, live.db.name, backup);
    expect(live.profiles.current()?.name).toBe('小明');
    for (const id of [1, 2])
      expect(live.learners.of(id)).toMatchObject({ language: 'zh', theme: 'dark', editorFontSize: 20 });
  });
});
