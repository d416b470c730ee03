/** A zip the person picked in the browser, as the installPack call takes it (base64). */
import type { CallInput } from '../../shared/api/contract.ts';

/**
 * The largest zip sent as one call: web mode caps a call's body at 5 MB and base64 adds a third,
 * so larger packs are added by path there; the desktop app's IPC takes up to the schema's limit.
 */
export function maxZipBytes(mode: 'electron' | 'web'): number {
  return (mode === 'web' ? 3.5 : 50) * 1024 * 1024;
}

export async function zipSource(file: File): Promise<CallInput<'installPack'>['source']> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { kind: 'zip', name: file.name, base64: btoa(binary) };
}
