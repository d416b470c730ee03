import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataFolderInUseError, lockDataFolder, LOCK_INFO_FILE } from '../../../electron/core/data-lock.ts';
import { createBackend } from '../../../electron/core/app-services.ts';

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the data-folder lock', () => {
  test('a second holder is refused with the folder and the holder named; after release it may take it', () => {
    const dir = tempDir();
    const lock = lockDataFolder(dir, 'web');
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_INFO_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      mode: 'web',
      host: os.hostname(),
    });
    let refused: unknown;
    try {
      lockDataFolder(dir, 'cli report export');
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DataFolderInUseError);
    const err = refused as DataFolderInUseError;
    expect(err.code).toBe('data-folder-in-use');
    expect(err.holder?.pid).toBe(process.pid);
    expect(err.message).toContain(
      `The data folder ${dir} is in use by another Lantern: process ${process.pid} (web, started `,
    );
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_INFO_FILE))).toBe(false);
    lockDataFolder(dir, 'cli report export').release();
  });

  test('deleting lantern.lock unlocks nothing: the holder is then just not named', () => {
    const dir = tempDir();
    const lock = lockDataFolder(dir, 'electron');
    fs.rmSync(path.join(dir, LOCK_INFO_FILE));
    expect(() => lockDataFolder(dir, 'web')).toThrow(
      `The data folder ${dir} is in use by another Lantern: another process.`,
    );
    lock.release();
  });

  test('a backend holds the folder until it closes, and a refused one touches none of its files', () => {
    const dir = tempDir();
    const options = {
      dataDir: dir,
      exercisesDir: path.join(dir, 'none'),
      mode: 'web' as const,
      version: '0',
    };
    const first = createBackend(options);
    const staged = path.join(dir, 'restore', 'upload.db');
    fs.mkdirSync(path.dirname(staged));
    fs.writeFileSync(staged, 'half an upload');
    expect(() => createBackend(options)).toThrow(DataFolderInUseError);
    expect(fs.readFileSync(staged, 'utf8')).toBe('half an upload');
    first.close();
    createBackend(options).close();
  });
});
