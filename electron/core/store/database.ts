/**
 * Opens lantern.db: WAL mode, numbered migrations, schema version in `PRAGMA user_version`.
 * A file that is not a readable SQLite database is moved aside with a timestamp (never
 * overwritten) and the caller is told, so the person can be told.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

export type Db = Database.Database;

/** The database's file name in the data folder: the app and every CLI command open this one file. */
export const DATABASE_FILE_NAME = 'lantern.db';

/** Where the database of the data folder `dataDir` lives. */
export const databaseFileIn = (dataDir: string): string => path.join(dataDir, DATABASE_FILE_NAME);

export interface OpenedDatabase {
  db: Db;
  /** Where an unreadable database was moved, when that happened on this open. */
  movedAside?: { from: string; to: string; reason: string };
}

export class NewerSchemaError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `${file} was written by a newer Lantern (schema ${found}; this version knows up to ${known}). ` +
        'Update Lantern, or start it with LANTERN_DATA_DIR pointing at another folder.',
    );
    this.name = 'NewerSchemaError';
  }
}

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    return { db: openAndMigrate(file, migrations) };
  } catch (err) {
    if (err instanceof NewerSchemaError || !isCorruption(err)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    const to = moveAside(file);
    return { db: openAndMigrate(file, migrations), movedAside: { from: file, to, reason } };
  }
}

function openAndMigrate(file: string, migrations: readonly Migration[]): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Reading the schema touches the file header: a non-database fails here, not later.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    migrate(db, migrations, file);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[], file = 'the database'): void {
  const known = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > known) throw new NewerSchemaError(file, current, known);
  for (const m of migrations) {
    if (m.version <= current) continue;
    const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.up);
        if (m.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
          if (broken.length > 0)
            throw new Error(
              `Migration ${m.version} (${m.name}) would leave ${broken.length} rows pointing at nothing (first: ${broken[0]!.table} → ${broken[0]!.parent}).`,
            );
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.foreignKeysOff && enforced) db.pragma('foreign_keys = ON');
    }
  }
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_IOERR');
}

function moveAside(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const to = `${file}.unreadable-${stamp}`;
  fs.renameSync(file, to);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, to + suffix);
  }
  return to;
}
