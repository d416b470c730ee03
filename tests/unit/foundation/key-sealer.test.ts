/**
 * The desktop app seals report signing keys with safeStorage (electron mocked: the binary cannot
 * run here), and without any encryption keeps them as web mode does, in the 0600 file.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const safeStorage = {
  available: true,
  isEncryptionAvailable: () => safeStorage.available,
  // Not the real cipher, but as opaque: the key must not be readable in the file.
  encryptString: (s: string) => Buffer.from(`sealed:${Buffer.from(s).toString('hex')}`),
  decryptString: (b: Buffer) => Buffer.from(b.toString().slice('sealed:'.length), 'hex').toString(),
};
vi.mock('electron', () => ({ safeStorage }));

const { safeStorageKeySealer } = await import('../../../electron/main/secret-store.ts');
const { FileSigningKeys, SIGNING_KEYS_FILE } = await import('../../../electron/core/reports/signing-keys.ts');
const { mainText } = await import('../../../electron/main/main-text.ts');

const dirs: string[] = [];
afterEach(() => {
  safeStorage.available = true;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    priv: privateKey.export({ format: 'der', type: 'pkcs8' }),
    pub: publicKey.export({ format: 'der', type: 'spki' }),
  };
}

describe('report signing keys in the desktop app', () => {
  test('are sealed with safeStorage: the key file holds no readable key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-sealer-'));
    dirs.push(dir);
    const { priv, pub } = keyPair();
    const keys = new FileSigningKeys(dir, safeStorageKeySealer());
    keys.put(pub, priv);
    const text = fs.readFileSync(path.join(dir, SIGNING_KEYS_FILE), 'utf8');
    expect(text).toContain('"protection": "safeStorage"');
    expect(text).not.toContain(priv.toString('base64'));
    expect(text).not.toContain(priv.toString('hex'));
    expect(keys.get(pub)!.export({ format: 'der', type: 'pkcs8' })).toEqual(priv);
  });

  test('without any encryption, are kept as web mode keeps them, in the owner-only file', () => {
    safeStorage.available = false;
    expect(safeStorageKeySealer().protection).toBe('none');
  });

  test('a second Lantern on the same folder is told who holds it, in both languages', () => {
    const params = { folder: '/data/Lantern', pid: 4242, mode: 'web', since: '17:05' };
    expect(mainText('en', 'dataFolder', 'inUse', params)).toBe(
      'The data folder /data/Lantern is in use by another Lantern: process 4242 (web), started 17:05. Close that Lantern first, then start this one again.',
    );
    expect(mainText('zh', 'dataFolder', 'inUse', params)).toContain(
      '数据文件夹 /data/Lantern 正被另一个 Lantern 使用：进程 4242',
    );
  });
});
