/**
 * One Lantern per data folder. Two processes writing the same lantern.db (two web modes, the CLI
 * beside the app, the desktop app beside web mode) would each clean up "their" files and act on
 * state the other changed under them, so the second one is refused.
 *
 * The lock itself is an exclusive SQLite lock held on `lantern-lock.db` for the life of the
 * process: the OS drops it when the process ends, however it ends, so a crashed Lantern never
 * leaves a lock behind that someone must delete by hand, and a lock can never be taken from a
 * process that is still alive (a pid check could, once the pid is reused). Beside it,
 * `lantern.lock` says in plain JSON who holds it (pid, start time, mode, host), for the message a
 * refused process shows. Deleting `lantern.lock` unlocks nothing.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_DB_FILE = 'lantern-lock.db';
export const LOCK_INFO_FILE = 'lantern.lock';

export interface LockHolder {
  pid: number;
  /** When the holding process started (ISO 8601). */
  startedAt: string;
  /** web, electron, or cli <command>. */
  mode: string;
  host: string;
}

export class DataFolderInUseError extends Error {
  readonly code = 'data-folder-in-use';
  readonly dataDir: string;
  /** Who holds the folder, when their lantern.lock could be read. */
  readonly holder: LockHolder | undefined;
  constructor(dataDir: string, holder: LockHolder | undefined) {
    const who = holder
      ? `process ${holder.pid} (${holder.mode}, started ${holder.startedAt}${holder.host === os.hostname() ? '' : ` on ${holder.host}`})`
      : 'another process';
    super(
      `The data folder ${dataDir} is in use by another Lantern: ${who}. ` +
        'Close that Lantern first, or start this one with LANTERN_DATA_DIR set to another folder.',
    );
    this.name = 'DataFolderInUseError';
    this.dataDir = dataDir;
    this.holder = holder;
  }
}

export interface DataFolderLock {
  readonly dataDir: string;
  readonly holder: LockHolder;
  release(): void;
}

export function readLockHolder(dataDir: string): LockHolder | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_INFO_FILE), 'utf8')) as LockHolder;
    return typeof value.pid === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the data folder for this process, or throws DataFolderInUseError naming the holder. */
export function lockDataFolder(dataDir: string, mode: string): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  // timeout 0: a held lock is an answer, not something to wait for.
  const lockDb = new Database(path.join(dataDir, LOCK_DB_FILE), { timeout: 0 });
  try {
    lockDb.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lockDb.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY')
      throw new DataFolderInUseError(dataDir, readLockHolder(dataDir));
    throw err;
  }
  const holder: LockHolder = {
    pid: process.pid,
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    mode,
    host: os.hostname(),
  };
  const infoFile = path.join(dataDir, LOCK_INFO_FILE);
  // A crashed holder's lantern.lock is simply replaced: the OS lock above says it is gone.
  const tmp = `${infoFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(holder, null, 2)}\n`);
  fs.renameSync(tmp, infoFile);
  let held = true;
  return {
    dataDir,
    holder,
    release() {
      if (!held) return;
      held = false;
      if (readLockHolder(dataDir)?.pid === process.pid) fs.rmSync(infoFile, { force: true });
      lockDb.exec('ROLLBACK');
      lockDb.close();
    },
  };
}
