/**
 * Backup and restore of all data as one file. The backup travels to the page as base64 (the page
 * saves it as a download); a restore travels back in chunks that are staged in
 * `<data dir>/restore/` until the whole file is there and checked.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import { RESTORE_CHUNK_BYTES, type dataCalls, type FailureCause } from '../../../shared/api/calls/data.ts';
import { restoreBackup, writeBackup } from '../store/backup.ts';
import { BackupError } from '../store/backup-check.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import type { Db } from '../store/database.ts';
import type { Profiles } from '../learner/profiles.ts';
import type { LearnerSettings } from '../learner/learner-settings.ts';
import type { Logger } from '../logger.ts';
import { moveSigningKeysOutOfDatabase, type SigningKeys } from '../reports/signing-keys.ts';

export interface DataDeps {
  db: Db;
  databaseFile: string;
  dataDir: string;
  profiles: Profiles;
  learnerSettings: LearnerSettings;
  profileId: () => number;
  log: Logger;
  /** Where a restored backup's signing keys go (a backup from before decision 0028 holds them). */
  signingKeys?: SigningKeys;
}

interface Upload {
  file: string;
  /** The name of the file the person chose, for messages. */
  name: string;
  sizeBytes: number;
  received: number;
}

export function backupFileName(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `lantern-backup-${day}-${pad(at.getHours())}${pad(at.getMinutes())}.db`;
}

/**
 * An error from below (the file system, SQLite) as one the page can word: what stopped it, as a
 * cause the catalogs know; its own English text goes into the message, for the log.
 */
function reasoned(
  err: unknown,
  code: 'backupFailed' | 'restoreFailed',
  params: Record<string, string>,
): Error {
  if (err instanceof ReasonedError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  const what = code === 'backupFailed' ? 'The backup' : `The restore of ${params.file ?? 'the file'}`;
  return new BackupError(code, { ...params, cause: causeOf(err) }, `${what} did not finish: ${detail}`);
}

/** Node's and better-sqlite3's error codes, by what a person can do about them. */
export function causeOf(err: unknown): FailureCause {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (['ENOSPC', 'EDQUOT', 'SQLITE_FULL'].includes(code)) return 'disk-full';
  if (/^(EACCES|EPERM|EROFS|SQLITE_READONLY|SQLITE_PERM|SQLITE_CANTOPEN|SQLITE_AUTH)/.test(code))
    return 'no-access';
  if (/^(EBUSY|SQLITE_BUSY|SQLITE_LOCKED)/.test(code)) return 'busy';
  return 'unknown';
}

export function dataHandlers(deps: DataDeps): HandlersFor<typeof dataCalls> {
  const uploads = new Map<string, Upload>();
  const stagingDir = path.join(deps.dataDir, 'restore');
  // Uploads do not outlive the process that received them: drop what a crash or quit left.
  fs.rmSync(stagingDir, { recursive: true, force: true });

  const upload = (id: string): Upload => {
    const u = uploads.get(id);
    if (!u)
      throw new BackupError(
        'restoreNoUpload',
        {},
        `There is no restore upload ${id} (it finished, was cancelled, or Lantern restarted). Choose the file again.`,
      );
    return u;
  };
  const drop = (id: string) => {
    const u = uploads.get(id);
    uploads.delete(id);
    if (u) fs.rmSync(u.file, { force: true });
  };

  return {
    createBackup: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-backup-'));
      try {
        const fileName = backupFileName();
        const file = path.join(dir, fileName);
        try {
          writeBackup(deps.db, file);
        } catch (err) {
          throw reasoned(err, 'backupFailed', {});
        }
        const bytes = fs.readFileSync(file);
        deps.log.info({ bytes: bytes.length }, 'backup made');
        return { fileName, sizeBytes: bytes.length, data: bytes.toString('base64') };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },

    startRestore: ({ sizeBytes, fileName }) => {
      fs.mkdirSync(stagingDir, { recursive: true });
      const uploadId = randomUUID();
      const file = path.join(stagingDir, `${uploadId}.db`);
      fs.writeFileSync(file, '');
      uploads.set(uploadId, { file, name: fileName, sizeBytes, received: 0 });
      return { uploadId, chunkBytes: RESTORE_CHUNK_BYTES };
    },

    uploadRestoreChunk: ({ uploadId, offset, data }) => {
      const u = upload(uploadId);
      if (offset !== u.received)
        throw new BackupError(
          'restoreOutOfOrder',
          { offset, expected: u.received },
          `Restore chunk at byte ${offset} arrived out of order (expected byte ${u.received}).`,
        );
      const bytes = Buffer.from(data, 'base64');
      if (u.received + bytes.length > u.sizeBytes) {
        drop(uploadId);
        throw new BackupError(
          'restoreTooLarge',
          { size: u.sizeBytes },
          `The restore file is larger than the ${u.sizeBytes} bytes announced.`,
        );
      }
      fs.appendFileSync(u.file, bytes);
      u.received += bytes.length;
      return { received: u.received };
    },

    finishRestore: async ({ uploadId }, ctx) => {
      const u = upload(uploadId);
      try {
        if (u.received !== u.sizeBytes)
          throw new BackupError(
            'restoreIncomplete',
            { received: u.received, size: u.sizeBytes },
            `Only ${u.received} of ${u.sizeBytes} bytes of the restore file arrived. Try again.`,
          );
        const result = await restoreBackup(deps.db, deps.databaseFile, u.file, {
          name: u.name,
          prepare: (rebuilt) => {
            if (deps.signingKeys) moveSigningKeysOutOfDatabase(rebuilt, deps.signingKeys);
          },
        }).catch((err: unknown) => {
          throw reasoned(err, 'restoreFailed', { file: u.name });
        });
        deps.log.info({ ...result }, 'backup restored');
        // The restored current learner, with their own settings.
        const profile = deps.profiles.get(deps.profileId());
        ctx.emit('settingsChanged', deps.learnerSettings.of(deps.profileId()));
        if (profile) ctx.emit('profileChanged', { profile });
        return result;
      } finally {
        drop(uploadId);
      }
    },

    cancelRestore: ({ uploadId }) => {
      drop(uploadId);
      return {};
    },
  };
}
