import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NewerSchemaError, openDatabase, schemaVersion } from '../../../electron/core/store/database.ts';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-store-'));
  dirs.push(dir);
  return path.join(dir, 'lantern.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the database', () => {
  test('a new file is created in WAL mode at the newest schema version', () => {
    const file = tempFile();
    const { db, movedAside } = openDatabase(file);
    expect(movedAside).toBeUndefined();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['profile', 'setting']));
    db.close();
  });

  test('an empty file upgrades through every migration', () => {
    const file = tempFile();
    fs.writeFileSync(file, '');
    const { db } = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  test('migrations are numbered 1, 2, 3… with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  test('a database at version 1 keeps its settings when upgraded', () => {
    const file = tempFile();
    const { db } = openDatabase(file, MIGRATIONS.slice(0, 1));
    new SettingsStore(db).set('app.settings', { language: 'zh' });
    db.close();
    const reopened = openDatabase(file).db;
    expect(schemaVersion(reopened)).toBe(MIGRATIONS.at(-1)!.version);
    expect(new SettingsStore(reopened).get('app.settings')).toEqual({ language: 'zh' });
    reopened.close();
  });

  test('a corrupt file is moved aside with a timestamp, never overwritten, and the caller is told', () => {
    const file = tempFile();
    const garbage = Buffer.from('this is not a database, but somebody may want it back '.repeat(200));
    fs.writeFileSync(file, garbage);
    const { db, movedAside } = openDatabase(file);
    expect(movedAside?.from).toBe(file);
    expect(movedAside?.to).toMatch(/lantern\.db\.unreadable-\d{4}-\d\d-\d\dT/);
    expect(fs.readFileSync(movedAside!.to)).toEqual(garbage);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  test('a database from a newer Lantern is refused with a clear message and left alone', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(NewerSchemaError);
    expect(() => openDatabase(file)).toThrow(/newer Lantern \(schema 999/);
    expect(fs.existsSync(file)).toBe(true);
  });
});
