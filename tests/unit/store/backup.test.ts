import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, schemaVersion, type Db } from '../../../electron/core/store/database.ts';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.ts';
import { restoreBackup, writeBackup } from '../../../electron/core/store/backup.ts';
import { BackupError } from '../../../electron/core/store/backup-check.ts';
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

/** A backup of a live database holding Ana and one attempt, then changed by `edit` as raw SQL. */
function tamperedBackup(edit: (db: Database.Database) => void, options: { pageSize?: number } = {}) {
  const source = liveDatabase();
  const ana = source.profiles.create('Ana');
  source.progress.insertAttempt({
    profileId: ana.id,
    track: 'py',
    exercise: 'hello',
    kind: 'check',
    status: 'pass',
    code: 'print(1)',
  });
  const file = path.join(tempDir(), 'lantern-backup.db');
  writeBackup(source.db, file);
  const db = new Database(file);
  if (options.pageSize) {
    db.pragma(`page_size = ${options.pageSize}`);
    db.exec('VACUUM');
  }
  edit(db);
  db.close();
  return file;
}

/** The live database a restore is tried on: Ben, with an attempt, and its file's bytes. */
function liveWithBen() {
  const live = liveDatabase();
  const ben = live.profiles.create('Ben');
  live.progress.insertAttempt({
    profileId: ben.id,
    track: 'py',
    exercise: 'hello',
    kind: 'run',
    status: 'fail',
    code: 'print(2)',
  });
  return { ...live, ben };
}

describe('restore accepts only Lantern’s own schema', () => {
  test.each([
    [
      'a trigger',
      'CREATE TRIGGER wipe AFTER INSERT ON attempt BEGIN DELETE FROM attempt; END',
      /it has a trigger “wipe” on “attempt” that Lantern's schema \d+ does not have/,
    ],
    [
      'a view',
      'CREATE VIEW everyone AS SELECT * FROM profile',
      /it has a view “everyone” on “everyone” that Lantern's schema \d+ does not have|it has a view “everyone” that/,
    ],
    ['an extra table', 'CREATE TABLE notes (body TEXT)', /it has a table “notes” that Lantern's schema/],
    [
      'an index on another column',
      'DROP INDEX attempt_by_profile_time; CREATE INDEX attempt_by_profile_time ON attempt (code)',
      /its index “attempt_by_profile_time” is not defined as Lantern defines it in schema \d+/,
    ],
    [
      'a table with a column changed',
      'ALTER TABLE setting ADD COLUMN note TEXT',
      /its table “setting” is not defined as Lantern defines it/,
    ],
    [
      'a missing index',
      'DROP INDEX attempt_by_profile_time',
      /the index “attempt_by_profile_time” of Lantern's schema \d+ is missing/,
    ],
  ])(
    'a backup with %s is refused, naming it, and the current data is untouched',
    async (_what, sql, message) => {
      const backup = tamperedBackup((db) => db.exec(sql));
      const live = liveWithBen();
      const error = await restoreBackup(live.db, live.file, backup, { name: 'class-backup.db' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(
        /^class-backup\.db is not a (complete )?(Lantern )?backup( Lantern made)?/,
      );
      expect((error as Error).message).toMatch(message);
      expect(names(live.profiles)).toEqual(['Ben']);
      expect(live.progress.attempts(live.ben.id)).toHaveLength(1);
      // Nothing is left behind in the work folder, and no copy of the current data was needed.
      expect(fs.readdirSync(path.join(live.dir, 'restore'))).toEqual([]);
      expect(fs.readdirSync(live.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    },
  );

  test('the trigger from the report (delete every attempt on the next insert) never reaches the live data', async () => {
    const backup = tamperedBackup((db) =>
      db.exec('CREATE TRIGGER wipe AFTER INSERT ON attempt BEGIN DELETE FROM attempt; END'),
    );
    const live = liveWithBen();
    await restoreBackup(live.db, live.file, backup).catch(() => undefined);
    live.progress.insertAttempt({
      profileId: live.ben.id,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      status: 'pass',
      code: 'print(3)',
    });
    expect(live.progress.attempts(live.ben.id)).toHaveLength(2);
    expect(live.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(
      0,
    );
  });

  test('a backup from a future schema version is refused, even one that looks like today’s', async () => {
    const backup = tamperedBackup((db) => db.pragma(`user_version = ${MIGRATIONS.at(-1)!.version + 5}`));
    const live = liveWithBen();
    await expect(restoreBackup(live.db, live.file, backup, { name: 'future.db' })).rejects.toThrow(
      `future.db was made by a newer Lantern (schema ${MIGRATIONS.at(-1)!.version + 5}; this version knows up to ${MIGRATIONS.at(-1)!.version}). Update Lantern, then restore it.`,
    );
    expect(names(live.profiles)).toEqual(['Ben']);
  });

  test('an older backup is checked against that version’s own schema', async () => {
    const older = path.join(tempDir(), 'old.db');
    const { db: oldDb } = openDatabase(older, MIGRATIONS.slice(0, 2));
    oldDb.prepare("INSERT INTO profile (name) VALUES ('Mei')").run();
    oldDb.exec('CREATE TABLE extra (x)');
    oldDb.close();
    const live = liveWithBen();
    await expect(restoreBackup(live.db, live.file, older)).rejects.toThrow(/table “extra”.*schema 2/);
  });

  test.each([1024, 8192, 65536])(
    'a valid backup with a page size of %i bytes restores (the live database keeps its own)',
    async (pageSize) => {
      const backup = tamperedBackup(() => undefined, { pageSize });
      const check = new Database(backup, { readonly: true });
      expect(check.pragma('page_size', { simple: true })).toBe(pageSize);
      check.close();
      const live = liveWithBen();
      const livePageSize = live.db.pragma('page_size', { simple: true });
      const result = await restoreBackup(live.db, live.file, backup);
      expect(result).toMatchObject({ profiles: 1, attempts: 1 });
      expect(names(live.profiles)).toEqual(['Ana']);
      expect(live.db.pragma('page_size', { simple: true })).toBe(livePageSize);
      expect(live.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(live.db.pragma('integrity_check', { simple: true })).toBe('ok');
    },
  );

  test('journal mode and vacuum mode of the backup do not matter', async () => {
    const backup = tamperedBackup((db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('auto_vacuum = FULL');
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    });
    const live = liveWithBen();
    await restoreBackup(live.db, live.file, backup);
    expect(names(live.profiles)).toEqual(['Ana']);
    expect(live.db.pragma('auto_vacuum', { simple: true })).toBe(0);
    expect(live.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('rows that point at nothing are refused (foreign keys are checked on the rebuilt data)', async () => {
    const backup = tamperedBackup((db) => {
      db.pragma('foreign_keys = OFF');
      db.exec('DELETE FROM profile');
    });
    const live = liveWithBen();
    await expect(restoreBackup(live.db, live.file, backup, { name: 'b.db' })).rejects.toThrow(
      /b\.db is not a consistent Lantern backup: \d+ row\(s\) of “\w+” refer to “profile” rows that are not there/,
    );
    expect(names(live.profiles)).toEqual(['Ben']);
  });

  test.each(['copied', 'checked', 'rebuilt', 'migrated', 'kept-aside', 'replacing'] as const)(
    'a failure after the “%s” step leaves the current data as it was',
    async (failAt) => {
      const backup = tamperedBackup(() => undefined);
      const live = liveWithBen();
      const error = await restoreBackup(live.db, live.file, backup, {
        pagesPerStep: 1,
        afterStep: (step) => {
          if (step === failAt) throw new Error(`stopped after ${step}`);
        },
      }).catch((e: unknown) => e);
      expect((error as Error).message).toBe(`stopped after ${failAt}`);
      expect(names(live.profiles)).toEqual(['Ben']);
      expect(live.progress.attempts(live.ben.id)).toHaveLength(1);
      expect(live.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(fs.readdirSync(path.join(live.dir, 'restore'))).toEqual([]);
    },
  );
});

describe('ids a restore must not hand out again', () => {
  // A table with AUTOINCREMENT, as a later schema may give learners: its counter is in sqlite_sequence.
  const WITH_COUNTER = [
    ...MIGRATIONS,
    {
      version: MIGRATIONS.at(-1)!.version + 1,
      name: 'note',
      up: 'CREATE TABLE note (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL);',
    },
  ];

  test('AUTOINCREMENT counters come from the backup, and never go below the live ones', async () => {
    const dir = tempDir();
    const liveFile = path.join(dir, 'lantern.db');
    const { db } = openDatabase(liveFile, WITH_COUNTER);
    open.push(db);
    const insert = db.prepare('INSERT INTO note (body) VALUES (?)');
    insert.run('one');
    insert.run('two');
    const backup = path.join(tempDir(), 'b.db');
    writeBackup(db, backup);
    // Later, live: notes 3 to 5 are made and deleted. Their ids were given out.
    for (const body of ['three', 'four', 'five']) insert.run(body);
    db.exec('DELETE FROM note WHERE id > 2');

    await restoreBackup(db, liveFile, backup, { migrations: WITH_COUNTER });
    expect(db.prepare('SELECT body FROM note ORDER BY id').pluck().all()).toEqual(['one', 'two']);
    expect(Number(insert.run('six').lastInsertRowid)).toBe(6);
  });
});
