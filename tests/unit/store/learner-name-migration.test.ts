/**
 * Migration 0011 on a real database file at schema 10: a profile the app named on first use,
 * "Learner" or "学习者", becomes the learner no one has named, whose name follows the language it
 * is shown in (decision 0055); every other name stays the learner's own. The command line, which
 * reads a database without migrating it, reads it the same way.
 */
import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.ts';
import { restoreBackup } from '../../../electron/core/store/backup.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';

const BEFORE = MIGRATIONS.filter((m) => m.version < 11);
const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database as Lantern at schema 10 left it, with these learners (ids from 1), the first current. */
function databaseAt10(names: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-0011-'));
  dirs.push(dir);
  const file = path.join(dir, 'lantern.db');
  const { db } = openDatabase(file, BEFORE);
  names.forEach((name, i) => db.prepare('INSERT INTO profile (id, name) VALUES (?, ?)').run(i + 1, name));
  db.prepare("INSERT INTO setting (key, value) VALUES ('currentProfileId', '1')").run();
  db.close();
  return file;
}

function upgraded(file: string): { db: Db; profiles: Profiles } {
  const { db } = openDatabase(file);
  open.push(db);
  return { db, profiles: new Profiles(db, new SettingsStore(db)) };
}

const names = (profiles: Profiles) => profiles.list().map((p) => [p.id, p.name]);

describe('migration 0011: a name the app gave is no one’s choice', () => {
  test('"Learner" and "学习者", the names the first learner was given, become unnamed', () => {
    for (const word of ['Learner', '学习者']) {
      const { profiles } = upgraded(databaseAt10([word, 'Ana']));
      expect(names(profiles), word).toEqual([
        [2, 'Ana'],
        [1, null],
      ]);
      expect(profiles.byName('Learner')?.id).toBe(1);
      expect(profiles.byName('学习者')?.id).toBe(1);
    }
  });

  test('any other name, even one close to the word, was typed by someone and stays', () => {
    const { profiles } = upgraded(databaseAt10(['learner', 'Learner 2', '学习者小明', 'Ana']));
    expect(profiles.list().every((p) => p.name !== null)).toBe(true);
  });

  test('with both words taken, both stay as they are, so no two learners read the same', () => {
    const { profiles } = upgraded(databaseAt10(['Learner', '学习者']));
    expect(names(profiles)).toEqual([
      [1, 'Learner'],
      [2, '学习者'],
    ]);
  });

  test('the unnamed learner keeps their records, current place and settings', () => {
    const file = databaseAt10(['Learner']);
    const before = new Database(file);
    before.prepare('UPDATE profile SET settings = ? WHERE id = 1').run(JSON.stringify({ language: 'zh' }));
    before.close();
    const { db, profiles } = upgraded(file);
    expect(profiles.current()?.id).toBe(1);
    expect(profiles.current()?.name).toBeNull();
    expect(db.prepare('SELECT settings FROM profile WHERE id = 1').pluck().get()).toBe('{"language":"zh"}');
  });

  test('the command line, reading a database at schema 10 without migrating it, sees the same', () => {
    const file = databaseAt10(['学习者', 'Ana']);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    open.push(db);
    const profiles = new Profiles(db, new SettingsStore(db));
    expect(names(profiles)).toEqual([
      [2, 'Ana'],
      [1, null],
    ]);
    expect(profiles.byName('Learner')?.id).toBe(1);
    expect(profiles.byName('Ana')?.id).toBe(2);
  });

  test('a backup made at schema 10 gets the same when restored', async () => {
    const backup = databaseAt10(['Learner', 'Bo']);
    const live = upgraded(databaseAt10(['Ana']));
    await restoreBackup(live.db, live.db.name, backup);
    expect(names(live.profiles)).toEqual([
      [2, 'Bo'],
      [1, null],
    ]);
  });
});
