/**
 * The backend, plain Node: opens the data directory, the database, the log, and builds the one
 * handler map that both bindings (Electron IPC and web-mode HTTP) serve.
 */
import path from 'node:path';
import os from 'node:os';
import { openDatabase, schemaVersion, type Db } from './store/database.ts';
import { SettingsStore } from './store/settings.ts';
import { createLogger, type Logger } from './logger.ts';
import { createHandlers } from './api/handlers.ts';
import type { CallContext, Handlers } from '../../shared/api/dispatch.ts';
import type { AppInfo } from '../../shared/api/contract.ts';

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  systemLocale?: string;
  /** Opens a checked URL in the system browser; only the desktop app can. */
  openExternal?: (url: string) => Promise<boolean>;
  logToStdout?: boolean;
}

export interface Backend {
  db: Db;
  settings: SettingsStore;
  log: Logger;
  handlers: Handlers;
  info: () => AppInfo;
  /** Lets a binding receive events that no call started (e.g. a background job finishing). */
  attachEmitter(emit: CallContext['emit']): void;
  /** Sends an event to every attached binding. */
  broadcast: CallContext['emit'];
  close(): void;
}

export function createBackend(options: BackendOptions): Backend {
  const log = createLogger(options.dataDir, { toStdout: options.logToStdout });
  const databaseFile = path.join(options.dataDir, 'lantern.db');
  const { db, movedAside } = openDatabase(databaseFile);
  const notices: AppInfo['notices'] = [];
  if (movedAside) {
    const message = `The database ${movedAside.from} could not be read (${movedAside.reason}). It was moved to ${movedAside.to} and a new, empty one was started. Nothing was deleted.`;
    log.warn({ movedAside }, 'unreadable database moved aside');
    notices.push({ code: 'database-moved-aside', message });
  }
  const settings = new SettingsStore(db);
  const info = (): AppInfo => ({
    name: 'Lantern',
    version: options.version,
    mode: options.mode,
    dataDir: options.dataDir,
    databaseFile,
    schemaVersion: schemaVersion(db),
    systemLocale: options.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    platform: `${os.platform()} ${os.arch()}`,
    versions: Object.fromEntries(
      Object.entries(process.versions).filter(([k]) =>
        ['node', 'electron', 'chrome', 'v8', 'sqlite'].includes(k),
      ),
    ) as Record<string, string>,
    notices,
  });
  const handlers = createHandlers({ settings, info, log, openExternal: options.openExternal });
  log.info({ mode: options.mode, dataDir: options.dataDir, schema: schemaVersion(db) }, 'backend started');
  const emitters = new Set<CallContext['emit']>();
  const broadcast: CallContext['emit'] = (event, payload) => {
    for (const emit of emitters) emit(event, payload);
  };
  return {
    attachEmitter: (emit) => void emitters.add(emit),
    broadcast,
    db,
    settings,
    log,
    handlers,
    info,
    close() {
      db.close();
      log.flush?.();
    },
  };
}
