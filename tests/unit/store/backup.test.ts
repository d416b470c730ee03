import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, schemaVersion, type Db } from '../../../electron/core/store/database.ts';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.ts';
import { BackupError, restoreBackup, writeBackup } from '../../../electron/core/store/backup.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';

const dirs: string[] = [];
const open: Db[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-backup-'));
  dirs.push(dir);
  return dir;
}
function liveDatabase() {
  const dir = tempDir();
  const file = path.join(dir, 'lantern.db');
  const { db } = openDatabase(file);
  open.push(db);
  const profiles = new Profiles(db, new SettingsStore(db));
  return { dir, file, db, profiles, progress: new ProgressStore(db) };
}
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const names = (profiles: Profiles) => profiles.list().map((p) => p.name);

describe('backup and restore of all data', () => {
  test('restoring a backup brings back exactly the data at backup time, and keeps the later data aside', async () => {
    const live = liveDatabase();
    const ana = live.profiles.create('Ana');
    live.progress.insertAttempt({
      profileId: ana.id,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      status: 'pass',
      code: 'print(1)',
    });
    const backup = path.join(tempDir(), 'lantern-backup.db');
    writeBackup(live.db, backup);

    live.profiles.create('Ben');
    live.profiles.rename(ana.id, 'Ana Li');
    const result = await restoreBackup(live.db, live.file, backup);

    // The same connection (and every service holding it) now sees the restored data.
    expect(names(live.profiles)).toEqual(['Ana']);
    expect(live.progress.attempts(ana.id).map((a) => a.code)).toEqual(['print(1)']);
    expect(result).toMatchObject({ profiles: 1, attempts: 1, schemaVersion: MIGRATIONS.at(-1)!.version });
    expect(live.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(live.db.pragma('journal_mode', { simple: true })).toBe('wal');

    const before = new Database(result.previousDataKeptAt, { readonly: true });
    open.push(before);
    expect(before.prepare('SELECT name FROM profile ORDER BY name').pluck().all()).toEqual(['Ana Li', 'Ben']);
  });

  test('the restored data is still there after the app restarts', async () => {
    const live = liveDatabase();
    live.profiles.create('Ana');
    const backup = path.join(tempDir(), 'b.db');
    writeBackup(live.db, backup);
    live.profiles.create('Ben');
    await restoreBackup(live.db, live.file, backup);
    live.db.close();
    const { db } = openDatabase(live.file);
    open.push(db);
    expect(names(new Profiles(db, new SettingsStore(db)))).toEqual(['Ana']);
  });

  test('a backup made by an older Lantern is upgraded on restore and keeps its learners', async () => {
    const older = path.join(tempDir(), 'old.db');
    const { db: oldDb } = openDatabase(older, MIGRATIONS.slice(0, 2));
    oldDb.prepare("INSERT INTO profile (name) VALUES ('Mei')").run();
    oldDb.close();
    const live = liveDatabase();
    live.profiles.create('Ana');
    const result = await restoreBackup(live.db, live.file, older);
    expect(names(live.profiles)).toEqual(['Mei']);
    expect(schemaVersion(live.db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(result.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
  });

  test('a file that is not a database is refused with its name, and nothing changes', async () => {
    const live = liveDatabase();
    live.profiles.create('Ana');
    const notes = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notes, 'shopping list');
    await expect(restoreBackup(live.db, live.file, notes)).rejects.toThrow(
      /notes\.txt is not a Lantern backup \(it is not a SQLite database\)/,
    );
    expect(names(live.profiles)).toEqual(['Ana']);
    expect(fs.readdirSync(live.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  test('another program’s SQLite database is refused', async () => {
    const live = liveDatabase();
    const other = path.join(tempDir(), 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    db.close();
    await expect(restoreBackup(live.db, live.file, other, { name: 'photos.db' })).rejects.toThrow(
      /photos\.db is a SQLite database but not Lantern's \(missing profile, setting\)/,
    );
  });

  test('a backup from a newer Lantern is refused and says to update', async () => {
    const live = liveDatabase();
    live.profiles.create('Ana');
    const newer = path.join(tempDir(), 'newer.db');
    writeBackup(live.db, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${MIGRATIONS.at(-1)!.version + 1}`);
    db.close();
    const error = await restoreBackup(live.db, live.file, newer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/made by a newer Lantern .* Update Lantern, then restore it/);
    expect(names(live.profiles)).toEqual(['Ana']);
  });

  test('a backup never overwrites an existing file', () => {
    const live = liveDatabase();
    const existing = path.join(tempDir(), 'keep.db');
    fs.writeFileSync(existing, 'precious');
    expect(() => writeBackup(live.db, existing)).toThrow(/already exists/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('precious');
  });
});
