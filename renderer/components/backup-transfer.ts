/**
 * Moving the backup file between the backend and the person's disk, the same way in the desktop
 * app and in web mode: a backup arrives as base64 and is saved as a download; a restore is the
 * chosen file sent in chunks (one call's body is capped at a few MB in web mode).
 */
import type { LanternApi, RestoreResult } from '../../shared/api/contract.ts';

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
