/**
 * Backup and restore of all of Lantern's data as one file: a compact copy of lantern.db made with
 * `VACUUM INTO` (one self-contained file, no -wal beside it, free pages dropped).
 *
 * A backup file is data from outside: it may have been edited, or made by another program.
 * Restore therefore trusts nothing in it but rows (decision 0027):
 *
 * 1. the file is copied into a private work folder, so what is checked is what is used;
 * 2. the copy must be a Lantern backup this version can restore (backup-check.ts): anything
 *    else is refused, naming the object;
 * 3. a new database is built from Lantern's own migrations with the live database's page size
 *    and settings, and only the rows are copied into it: nothing of the file's own schema, page
 *    size, journal mode or vacuum mode survives, so none of them can matter;
 * 4. the new database is migrated up to this version, its foreign keys checked;
 * 5. the current data is written beside lantern.db (`lantern.db.before-restore-<time>`);
 * 6. the new database replaces the live one's pages in one SQLite transaction (the online backup
 *    API into the open connection's file): every service keeps its connection and prepared
 *    statements, and a crash or kill before that transaction commits leaves the old data as it
 *    was — SQLite ignores an uncommitted write when the database is next opened.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, schemaVersion, type Db } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { BackupError, inspectBackup, type BackupSummary } from './backup-check.ts';
import type { Migration } from './migrations/types.ts';

/** Writes a consistent copy of the whole database to `toFile` (which must not exist yet). */
export function writeBackup(db: Db, toFile: string): void {
  fs.mkdirSync(path.dirname(toFile), { recursive: true });
  if (fs.existsSync(toFile))
    throw new BackupError(
      'backupExists',
      { file: toFile },
      `${toFile} already exists; a backup never overwrites a file.`,
    );
  db.prepare('VACUUM INTO ?').run(toFile);
}

export interface RestoreResult extends BackupSummary {
  /** Where the data as it was before the restore was kept. */
  previousDataKeptAt: string;
}

/** The points between a restore's steps, for tests that stop a restore there. */
export type RestoreStep =
  'copied' | 'checked' | 'rebuilt' | 'migrated' | 'kept-aside' | 'replacing' | 'replaced';

export interface RestoreOptions {
  /** The name of the file as the person chose it, for messages. */
  name?: string;
  migrations?: readonly Migration[];
  /** Where the work files go (default: `restore/` beside the live database); they are removed after. */
  workDir?: string;
  /** Runs on the rebuilt database before it replaces the live one (e.g. moving secrets out). */
  prepare?: (rebuilt: Db) => void;
  /** Tests only: called after each step; throwing there (or dying) interrupts the restore. */
  afterStep?: (step: RestoreStep, pages?: { total: number; remaining: number }) => void;
  /** Tests only: pages per step of the final copy (default: all at once). */
  pagesPerStep?: number;
}

/**
 * Replaces everything in the open database `db` (the file `liveFile`) with the backup `fromFile`,
 * brought up to this version's schema. The data as it was is first written beside the database
 * as `lantern.db.before-restore-<time>`. A refused or interrupted restore leaves it untouched.
 */
export async function restoreBackup(
  db: Db,
  liveFile: string,
  fromFile: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const migrations = options.migrations ?? MIGRATIONS;
  const step = options.afterStep ?? (() => undefined);
  const workDir = options.workDir ?? path.join(path.dirname(liveFile), 'restore');
  fs.mkdirSync(workDir, { recursive: true });
  const id = randomUUID();
  const copy = path.join(workDir, `${id}.checked.db`);
  const rebuilt = path.join(workDir, `${id}.rebuilt.db`);
  try {
    fs.copyFileSync(fromFile, copy);
    step('copied');
    const summary = inspectBackup(copy, { name: options.name ?? path.basename(fromFile), migrations });
    step('checked');
    rebuild(db, copy, rebuilt, summary.schemaVersion, migrations, options.name ?? path.basename(fromFile));
    step('rebuilt');
    const target = new Database(rebuilt);
    try {
      migrate(target, migrations, rebuilt);
      keepIdsIncreasing(db, target);
      options.prepare?.(target);
    } finally {
      target.close();
    }
    step('migrated');

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const previousDataKeptAt = `${liveFile}.before-restore-${stamp}`;
    writeBackup(db, previousDataKeptAt);
    step('kept-aside');

    const source = new Database(rebuilt, { readonly: true, fileMustExist: true });
    try {
      // The pages are written into the live file inside one transaction, committed only when
      // the last page is in: an interruption before that leaves the old data.
      await source.backup(liveFile, {
        progress: ({ totalPages, remainingPages }) => {
          if (remainingPages > 0) step('replacing', { total: totalPages, remaining: remainingPages });
          return options.pagesPerStep ?? 0x7fffffff;
        },
      });
    } finally {
      source.close();
    }
    migrate(db, migrations, liveFile);
    step('replaced');
    return { ...summary, schemaVersion: schemaVersion(db), previousDataKeptAt };
  } finally {
    for (const f of [copy, rebuilt])
      for (const s of ['', '-journal', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
  }
}

/**
 * A new database made by Lantern's own migrations up to `version`, laid out like the live one
 * (page size, vacuum mode), holding the rows of the checked copy and nothing else of it.
 */
function rebuild(
  live: Db,
  checkedCopy: string,
  toFile: string,
  version: number,
  migrations: readonly Migration[],
  name: string,
): void {
  const db = new Database(toFile);
  try {
    // Before the first table: these take effect only on an empty database.
    db.pragma(`page_size = ${Number(live.pragma('page_size', { simple: true }))}`);
    db.pragma(`auto_vacuum = ${Number(live.pragma('auto_vacuum', { simple: true }))}`);
    db.pragma('trusted_schema = OFF');
    // Rows go in table by table; the references are checked once all are in.
    db.pragma('foreign_keys = OFF');
    migrate(
      db,
      migrations.filter((m) => m.version <= version),
      toFile,
    );
    // Lantern's own triggers would act on rows being copied, as if they were new: set them
    // aside and make them again once the rows are in.
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
      name: string;
      sql: string;
    }[];
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
      .pluck()
      .all() as string[];
    db.prepare('ATTACH DATABASE ? AS backup').run(checkedCopy);
    // Again after the migrations, which may have turned foreign keys back on for their own work.
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const t of triggers) db.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`);
      for (const table of tables) copyRows(db, table);
      const hasSequence = (schema: string) =>
        db.prepare(`SELECT 1 FROM "${schema}".sqlite_master WHERE name = 'sqlite_sequence'`).get() !==
        undefined;
      if (hasSequence('main') && hasSequence('backup')) {
        db.exec('DELETE FROM main.sqlite_sequence');
        db.exec('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM backup.sqlite_sequence');
      }
      for (const t of triggers) db.exec(t.sql);
    })();
    db.exec('DETACH DATABASE backup');
    const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (broken.length > 0)
      throw new BackupError(
        'restoreInconsistent',
        { file: name, rows: broken.length, table: broken[0]!.table, parent: broken[0]!.parent },
        `${name} is not a consistent Lantern backup: ${broken.length} row(s) of “${broken[0]!.table}” refer to “${broken[0]!.parent}” rows that are not there. It was not restored.`,
      );
  } finally {
    db.close();
  }
}

/** Copies every stored column of `table` (and the rowid, where it is not a column) from backup. */
function copyRows(db: Db, table: string): void {
  const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
  const columns = (
    db.prepare(`PRAGMA main.table_xinfo(${q(table)})`).all() as {
      name: string;
      type: string;
      pk: number;
      hidden: number;
    }[]
  ).filter((c) => c.hidden === 0);
  const pks = columns.filter((c) => c.pk > 0);
  const rowidAlias = pks.length === 1 && pks[0]!.type.toUpperCase() === 'INTEGER';
  let withRowid = !rowidAlias;
  if (withRowid) {
    try {
      db.prepare(`SELECT rowid FROM main.${q(table)} LIMIT 0`).all();
    } catch {
      withRowid = false; // WITHOUT ROWID
    }
  }
  const list = [...(withRowid ? ['rowid'] : []), ...columns.map((c) => q(c.name))].join(', ');
  db.exec(`INSERT INTO main.${q(table)} (${list}) SELECT ${list} FROM backup.${q(table)}`);
}

/**
 * AUTOINCREMENT counters never go back: an id the live database already gave out (a learner
 * since deleted) is not handed out again after restoring an older backup.
 */
function keepIdsIncreasing(live: Db, target: Db): void {
  const has = (db: Db) =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined;
  if (!has(live) || !has(target)) return;
  const rows = live.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[];
  const update = target.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?');
  const insert = target.prepare(
    'INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)',
  );
  target.transaction(() => {
    for (const r of rows) {
      update.run(r.seq, r.name);
      insert.run(r.name, r.seq, r.name);
    }
  })();
}
