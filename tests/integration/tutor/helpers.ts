/** Shared set-up for tutor tests: a fresh database, a log captured in memory, a fake server. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import { maskSecrets, type Logger } from '../../../electron/core/logger.ts';
import { UsageStore } from '../../../electron/core/tutor/usage.ts';
import {
  ClaudeClient,
  DEFAULT_TUTOR_SETTINGS,
  type TutorSecrets,
  type TutorSettings,
} from '../../../electron/core/tutor/client.ts';

export const TEST_KEY = 'sk-ant-api03-TESTKEYdoNotLeak0123456789abcdefghijklmnop';

export function tempDb(): { db: Db; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-tutor-'));
  const { db } = openDatabase(path.join(dir, 'lantern.db'));
  return { db, dir, cleanup: () => (db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/** A pino logger that keeps every line (masked as the real log sink masks them). */
export function memoryLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(maskSecrets(line)) });
  return { log, lines };
}

export function makeClient(
  db: Db,
  baseURL: string,
  overrides: Partial<TutorSettings> = {},
  secrets: TutorSecrets = { anthropicApiKey: TEST_KEY },
  extra: { timeoutMs?: number; maxRetries?: number; log?: Logger; now?: () => Date } = {},
) {
  const usage = new UsageStore(db);
  const client = new ClaudeClient({
    settings: { ...DEFAULT_TUTOR_SETTINGS, baseURL, ...overrides },
    secrets,
    usage,
    log: extra.log ?? memoryLog().log,
    env: {},
    timeoutMs: extra.timeoutMs ?? 5_000,
    maxRetries: extra.maxRetries ?? 2,
    now: extra.now,
  });
  return { client, usage };
}
