/**
 * All of Lantern's data as one file: back up (the file comes back to the page, which saves it)
 * and restore (the page sends the file in chunks, since one call's body is capped at a few MB).
 */
import { z } from 'zod';
import { call } from '../define.ts';

const empty = z.object({}).strict();

/**
 * Why a backup or restore was refused or did not finish: the code a BackupError carries, worded
 * by the page's catalogs (`data.errors.<code>`). The English message stays in the log and the
 * command line.
 */
export const BACKUP_REFUSALS = [
  'backupExists',
  'backupFailed',
  'restoreNoUpload',
  'restoreOutOfOrder',
  'restoreTooLarge',
  'restoreIncomplete',
  'restoreNotSqlite',
  'restoreCannotOpen',
  'restoreDamaged',
  'restoreEncoding',
  'restoreNotLantern',
  'restoreNoVersion',
  'restoreNewer',
  'restoreExtraObject',
  'restoreExtraObjectOn',
  'restoreChangedObject',
  'restoreMissingObject',
  'restoreUnreadable',
  'restoreInconsistent',
  'restoreFailed',
] as const;
export type BackupRefusal = (typeof BACKUP_REFUSALS)[number];

/**
 * What stopped a backup or restore that the disk or the database ended (backupFailed,
 * restoreFailed: the `cause` parameter, worded by `data.causes.<cause>`).
 */
export const FAILURE_CAUSES = ['disk-full', 'no-access', 'busy', 'unknown'] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];
/** Base64 of at most 2 MiB of the file, so a chunk fits in one web-mode request. */
export const RESTORE_CHUNK_BYTES = 2 * 1024 * 1024;
const chunk = z.base64().max(Math.ceil(RESTORE_CHUNK_BYTES / 3) * 4);

export const BackupFile = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int(),
  /** The file, base64. */
  data: z.base64(),
});
export type BackupFile = z.infer<typeof BackupFile>;

export const RestoreResult = z.object({
  schemaVersion: z.number().int(),
  profiles: z.number().int(),
  attempts: z.number().int(),
  /** Where the data as it was before the restore was kept (a path in the data folder). */
  previousDataKeptAt: z.string(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

const uploadId = z.string().regex(/^[0-9a-f-]{36}$/, 'an upload id from startRestore');

export const dataCalls = {
  createBackup: call(empty, BackupFile),
  /** Begins a restore upload of the chosen file (`sizeBytes` long); send it with uploadRestoreChunk. */
  startRestore: call(
    z
      .object({
        fileName: z.string().min(1).max(255),
        sizeBytes: z
          .number()
          .int()
          .positive()
          .max(2 ** 32),
      })
      .strict(),
    z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
  ),
  uploadRestoreChunk: call(
    z.object({ uploadId, offset: z.number().int().min(0), data: chunk }).strict(),
    z.object({ received: z.number().int() }),
  ),
  /** Checks the uploaded file and, when it is a Lantern backup, replaces all data with it. */
  finishRestore: call(z.object({ uploadId }).strict(), RestoreResult),
  /** Drops an upload that will not be finished (the person cancelled, or a chunk failed). */
  cancelRestore: call(z.object({ uploadId }).strict(), z.object({})),
} as const;
