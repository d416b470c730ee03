/**
 * Backup and restore of all of Lantern's data as one file: a compact copy of lantern.db made with
 * `VACUUM INTO` (one self-contained file, no -wal beside it, free pages dropped).
 *
 * Restore copies the backup into the open database with SQLite's online backup API rather than
 * swapping files on disk: every service keeps its connection and prepared statements (SQLite
 * re-prepares them after the schema changes), so nothing has to be rebuilt or restarted. Before
 * that, the file is checked (a SQLite database, Lantern's tables, a schema version this Lantern
 * knows, integrity ok) and the current data is copied aside, so a restore can be undone by hand.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, schemaVersion, type Db } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Tables every Lantern database has had since schema 1. */
const LANTERN_TABLES = ['profile', 'setting'];

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupSummary {
  schemaVersion: number;
  profiles: number;
  attempts: number;
}

/** Writes a consistent copy of the whole database to `toFile` (which must not exist yet). */
export function writeBackup(db: Db, toFile: string): void {
  fs.mkdirSync(path.dirname(toFile), { recursive: true });
  if (fs.existsSync(toFile))
    throw new BackupError(`${toFile} already exists; a backup never overwrites a file.`);
  db.prepare('VACUUM INTO ?').run(toFile);
}

/**
 * Checks that `file` is a Lantern backup this version can restore and says what is in it.
 * Every problem is reported in words a person can act on, naming the file.
 */
export function inspectBackup(
  file: string,
  options: { name?: string; migrations?: readonly Migration[] } = {},
): BackupSummary {
  const name = options.name ?? path.basename(file);
  const migrations = options.migrations ?? MIGRATIONS;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(SQLITE_HEADER))
    throw new BackupError(
      `${name} is not a Lantern backup (it is not a SQLite database). Choose a file made with “Back up”.`,
    );
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError(`${name} could not be opened as a database: ${(err as Error).message}`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new BackupError(`${name} is damaged (integrity check: ${String(integrity)}).`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    const missing = LANTERN_TABLES.filter((t) => !tables.has(t));
    const version = schemaVersion(db);
    if (missing.length > 0 || version < 1)
      throw new BackupError(
        `${name} is a SQLite database but not Lantern's (missing ${missing.join(', ') || 'a schema version'}).`,
      );
    const known = migrations.at(-1)?.version ?? 0;
    if (version > known)
      throw new BackupError(
        `${name} was made by a newer Lantern (schema ${version}; this version knows up to ${known}). Update Lantern, then restore it.`,
      );
    const count = (table: string) =>
      tables.has(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
    return { schemaVersion: version, profiles: count('profile'), attempts: count('attempt') };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${name} could not be read as a Lantern backup: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}

export interface RestoreResult extends BackupSummary {
  /** Where the data as it was before the restore was kept. */
  previousDataKeptAt: string;
}

/**
 * Replaces everything in the open database `db` (the file `liveFile`) with the backup `fromFile`,
 * then brings it up to this version's schema. The data as it was is first written beside the
 * database as `lantern.db.before-restore-<time>`.
 */
export async function restoreBackup(
  db: Db,
  liveFile: string,
  fromFile: string,
  options: { name?: string; migrations?: readonly Migration[] } = {},
): Promise<RestoreResult> {
  const migrations = options.migrations ?? MIGRATIONS;
  const summary = inspectBackup(fromFile, { name: options.name, migrations });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const previousDataKeptAt = `${liveFile}.before-restore-${stamp}`;
  writeBackup(db, previousDataKeptAt);
  const source = new Database(fromFile, { readonly: true, fileMustExist: true });
  try {
    // As many pages per step as possible, so the copy is one step and nothing interleaves.
    await source.backup(liveFile, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  migrate(db, migrations, liveFile);
  return { ...summary, schemaVersion: schemaVersion(db), previousDataKeptAt };
}
