/**
 * The whole backend as web mode and the CLI build it (real SQLite file, real Node sandbox, the
 * built-in tracks), in a fresh data folder per test file, and its API called as the page calls
 * it: through `dispatch`, so every input is checked against the contract. For tests that drive
 * the backend through its calls; opened before the file's tests and closed after them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/app-services.ts';
import { dispatch } from '../../shared/api/dispatch.ts';

const exercisesDir = path.resolve(import.meta.dirname, '../../exercises');

export interface LiveBackend {
  /** Set before the file's first test runs. */
  backend: Backend;
  /** The data folder (lantern.db, logs/), set with `backend`. */
  dataDir: string;
  /** One API call; a refused call throws with the backend's message. */
  call<T>(name: string, input: unknown): Promise<T>;
}

export function useBackend(folderPrefix: string): LiveBackend {
  const live: LiveBackend = {
    backend: undefined as unknown as Backend,
    dataDir: '',
    async call<T>(name: string, input: unknown): Promise<T> {
      const envelope = await dispatch(live.backend.handlers, name, input, { emit: () => {} });
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value as T;
    },
  };
  beforeAll(() => {
    live.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
    live.backend = createBackend({
      dataDir: live.dataDir,
      exercisesDir,
      mode: 'web',
      version: '0',
      env: {},
      prefetchPractice: false,
    });
  });
  afterAll(() => {
    live.backend.close();
    fs.rmSync(live.dataDir, { recursive: true, force: true });
  });
  return live;
}
