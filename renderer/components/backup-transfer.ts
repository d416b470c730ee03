/**
 * Moving the backup file between the backend and the person's disk, the same way in the desktop
 * app and in web mode: a backup arrives as base64 and is saved as a download; a restore is the
 * chosen file sent in chunks (one call's body is capped at a few MB in web mode).
 */
import type { i18n as I18n } from 'i18next';
import { ApiError, type LanternApi, type RestoreResult } from '../../shared/api/contract.ts';

export async function downloadBackup(api: LanternApi): Promise<{ fileName: string; sizeBytes: number }> {
  const backup = await api.createBackup({});
  const bytes = Uint8Array.from(atob(backup.data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.sqlite3' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = backup.fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click starts the download synchronously; give the browser a moment to take the blob.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { fileName: backup.fileName, sizeBytes: backup.sizeBytes };
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export async function uploadRestore(
  api: LanternApi,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<RestoreResult> {
  const { uploadId, chunkBytes } = await api.startRestore({ fileName: file.name, sizeBytes: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const chunk = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      await api.uploadRestoreChunk({ uploadId, offset, data: toBase64(chunk) });
      onProgress(Math.min(1, (offset + chunk.length) / file.size));
    }
  } catch (err) {
    await api.cancelRestore({ uploadId }).catch(() => undefined);
    throw err;
  }
  return api.finishRestore({ uploadId });
}

export function formatSize(bytes: number, locale: string): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes / (mb ? 1024 * 1024 : 1024));
}

/**
 * A failed backup or restore in the person's language: the backend sends a code and its
 * parameters (`data.errors.<code>`); a failure without one (the connection dropped) says what
 * the API client found.
 */
export function messageOf(err: unknown, i18n?: Pick<I18n, 't' | 'exists'>): string {
  const reason = err instanceof ApiError ? err.reason : undefined;
  const key = reason ? `data.errors.${reason.code}` : '';
  if (i18n && reason && i18n.exists(key)) {
    const params: Record<string, string | number> = { ...reason.params };
    // The kind of schema object (table, index, trigger, view) is a word to translate too.
    if (typeof params.type === 'string') params.type = i18n.t(`data.objectType.${params.type}`, params.type);
    return i18n.t(key, params);
  }
  return err instanceof Error ? err.message : String(err);
}
