/**
 * Whether a file is a Lantern backup this version can restore (step 2 of a restore, backup.ts):
 * a SQLite database in UTF-8 that passes the integrity check, with a schema version this Lantern
 * knows, whose tables, indexes, triggers and views are exactly those Lantern's migrations create
 * for that version (compared with a fresh in-memory database migrated to it, whitespace
 * normalised). Anything else is refused with a code naming the file and the object.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, schemaVersion, type Db } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import type { BackupRefusal } from '../../../shared/api/calls/data.ts';
import type { Migration } from './migrations/types.ts';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Tables every Lantern database has had since schema 1. */
const LANTERN_TABLES = ['profile', 'setting'];
/** ANALYZE's statistics: they steer the query planner only, and are not copied. */
const IGNORED = /^sqlite_stat\d$/;

/**
 * Why a backup or restore was refused: `code` and `params` for the page to say it in the person's
 * language (renderer catalogs, `data.errors.<code>`), the English message for logs and the CLI.
 * SQLite's and the file system's own words (in English) go into the message only.
 */
export class BackupError extends ReasonedError {
  constructor(code: BackupRefusal, params: Record<string, string | number>, message: string) {
    super(message, { code, params });
    this.name = 'BackupError';
  }
}

export interface BackupSummary {
  schemaVersion: number;
  profiles: number;
  attempts: number;
}

interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string;
}

/** One spelling per statement: runs of whitespace as one space, none around ( ) , ; */
export function normaliseSql(sql: string | null): string {
  return (sql ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;])\s*/g, '$1')
    .trim();
}

function schemaOf(db: Db, schema = 'main'): Map<string, SchemaObject> {
  const rows = db
    .prepare(`SELECT type, name, tbl_name AS tblName, sql FROM "${schema}".sqlite_master`)
    .all() as (Omit<SchemaObject, 'sql'> & { sql: string | null })[];
  const out = new Map<string, SchemaObject>();
  for (const r of rows) {
    if (IGNORED.test(r.name)) continue;
    out.set(`${r.type}\u0000${r.name}`, { ...r, sql: normaliseSql(r.sql) });
  }
  return out;
}

/** The schema Lantern's migrations make for `version`: a fresh in-memory database migrated to it. */
function lanternSchema(version: number, migrations: readonly Migration[]): Map<string, SchemaObject> {
  const fresh = new Database(':memory:');
  try {
    migrate(
      fresh,
      migrations.filter((m) => m.version <= version),
    );
    return schemaOf(fresh);
  } finally {
    fresh.close();
  }
}

/** The first way `found` differs from Lantern's own schema, naming the object. */
function schemaDifference(
  name: string,
  version: number,
  found: Map<string, SchemaObject>,
  expected: Map<string, SchemaObject>,
): BackupError | undefined {
  const params = (obj: SchemaObject) => ({ file: name, type: obj.type, object: obj.name, version });
  for (const [key, obj] of found) {
    const own = expected.get(key);
    if (!own) {
      const on = obj.tblName !== obj.name;
      return new BackupError(
        on ? 'restoreExtraObjectOn' : 'restoreExtraObject',
        { ...params(obj), ...(on ? { table: obj.tblName } : {}) },
        `${name} is not a backup Lantern made: it has a ${obj.type} “${obj.name}”${on ? ` on “${obj.tblName}”` : ''} that Lantern's schema ${version} does not have. It was not restored.`,
      );
    }
    if (own.sql !== obj.sql || own.tblName !== obj.tblName)
      return new BackupError(
        'restoreChangedObject',
        params(obj),
        `${name} is not a backup Lantern made: its ${obj.type} “${obj.name}” is not defined as Lantern defines it in schema ${version}. It was not restored.`,
      );
  }
  for (const [key, obj] of expected)
    if (!found.has(key))
      return new BackupError(
        'restoreMissingObject',
        params(obj),
        `${name} is not a complete Lantern backup: the ${obj.type} “${obj.name}” of Lantern's schema ${version} is missing. It was not restored.`,
      );
  return undefined;
}

function readHeader(file: string): Buffer {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head;
}

/**
 * Checks that `file` is a Lantern backup this version can restore and says what is in it.
 * Every problem is reported in words a person can act on, naming the file and, for a schema that
 * is not Lantern's, the table, index, trigger or view. The file is opened read-only.
 */
export function inspectBackup(
  file: string,
  options: { name?: string; migrations?: readonly Migration[] } = {},
): BackupSummary {
  const name = options.name ?? path.basename(file);
  const migrations = options.migrations ?? MIGRATIONS;
  if (!readHeader(file).equals(SQLITE_HEADER))
    throw new BackupError(
      'restoreNotSqlite',
      { file: name },
      `${name} is not a Lantern backup (it is not a SQLite database). Choose a file made with “Back up”.`,
    );
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    const detail = (err as Error).message;
    throw new BackupError(
      'restoreCannotOpen',
      { file: name },
      `${name} could not be opened as a database: ${detail}`,
    );
  }
  try {
    // Nothing the file's schema says may run while it is read (views, triggers, defaults).
    db.pragma('trusted_schema = OFF');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new BackupError(
        'restoreDamaged',
        { file: name },
        `${name} is damaged (integrity check: ${String(integrity)}).`,
      );
    const encoding = db.pragma('encoding', { simple: true });
    if (encoding !== 'UTF-8')
      throw new BackupError(
        'restoreEncoding',
        { file: name, encoding: String(encoding) },
        `${name} is not a backup Lantern made: its text is stored as ${String(encoding)}, Lantern's as UTF-8.`,
      );
    const found = schemaOf(db);
    const tables = new Set([...found.values()].filter((o) => o.type === 'table').map((o) => o.name));
    const missing = LANTERN_TABLES.filter((t) => !tables.has(t));
    const version = schemaVersion(db);
    if (missing.length > 0 || version < 1)
      throw new BackupError(
        missing.length > 0 ? 'restoreNotLantern' : 'restoreNoVersion',
        { file: name, missing: missing.join(', ') },
        `${name} is a SQLite database but not Lantern's (missing ${missing.join(', ') || 'a schema version'}).`,
      );
    const known = migrations.at(-1)?.version ?? 0;
    if (version > known)
      throw new BackupError(
        'restoreNewer',
        { file: name, version, known },
        `${name} was made by a newer Lantern (schema ${version}; this version knows up to ${known}). Update Lantern, then restore it.`,
      );
    const difference = schemaDifference(name, version, found, lanternSchema(version, migrations));
    if (difference) throw difference;
    const count = (table: string) =>
      tables.has(table) ? (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
    return { schemaVersion: version, profiles: count('profile'), attempts: count('attempt') };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const detail = (err as Error).message;
    throw new BackupError(
      'restoreUnreadable',
      { file: name },
      `${name} could not be read as a Lantern backup: ${detail}`,
    );
  } finally {
    db.close();
  }
}
