/**
 * The backend, plain Node: opens the data directory, the database, the log, builds the services
 * (curriculum, progress, learner model, …) and the one handler map that both bindings (Electron
 * IPC and web-mode HTTP) serve.
 */
import type { RunCode } from '../../shared/runner/protocol.ts';
import { TypeChecker, withTypeCheck } from './runner-host/type-checker.ts';
import path from 'node:path';
import os from 'node:os';
import { databaseFileIn, openDatabase, schemaVersion, type Db } from './store/database.ts';
import { SettingsStore } from './store/settings.ts';
import { LearnerSettings } from './learner/learner-settings.ts';
import { createLogger, logWritten, type Logger } from './logger.ts';
import { lockDataFolder } from './data-lock.ts';
import { createHandlers } from './api/handlers.ts';
import { createTutorServices } from './tutor-services.ts';
import { practiceTemplates } from './practice/templates/index.ts';
import { PRACTICE_TEMPLATES_FOLDER } from '../../shared/content/practice-template.ts';
import type { SecretStore } from './tutor/secret-store.ts';
import { Curriculum } from './curriculum/index.ts';
import { ProgressStore } from './learner/progress-store.ts';
import { Profiles } from './learner/profiles.ts';
import { LearnerModel } from './learner/learner-model.ts';
import { ModelRecords } from './learner/model-records.ts';
import { CourseMaps } from './learner/course-maps.ts';
import { Classes } from './reports/classes.ts';
import { teacherKey } from './reports/teacher-key.ts';
import { FileSigningKeys, moveSigningKeysOutOfDatabase, type KeySealer } from './reports/signing-keys.ts';
import { Verifier } from './learner/verifier.ts';
import { SandboxPool } from './runner-host/index.ts';
import type { CallContext, Handlers } from '../../shared/api/dispatch.ts';
import type { AppInfo } from '../../shared/api/contract.ts';

export interface BackendOptions {
  dataDir: string;
  /** The built-in tracks (the repo's or the app's `exercises/`). */
  exercisesDir: string;
  mode: AppInfo['mode'];
  version: string;
  systemLocale?: string;
  /** Opens a checked URL in the system browser; only the desktop app can. */
  openExternal?: (url: string) => Promise<boolean>;
  /** The desktop app's folder/zip picker for packs. */
  choosePackPath?: () => Promise<string | null>;
  logToStdout?: boolean;
  /** How report signing keys are sealed at rest (the desktop app: safeStorage); default: a 0600 file. */
  keySealer?: KeySealer;
  /** Where tutor secrets are kept (the desktop app: safeStorage); default in memory only. */
  createSecretStore?: (log: Logger) => SecretStore;
  /** Prefetch practice problems in the background (default true). */
  prefetchPractice?: boolean;
  /**
   * Runs untrusted code (pack validation, generated practice, the leak guard). Default: the Node
   * sandbox host. The desktop app passes its hidden sandbox window (electron/main/browser-sandbox.ts).
   */
  runCode?: RunCode;
  /** Where the tutor reads ANTHROPIC_API_KEY, AWS_* … (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface Backend {
  db: Db;
  settings: SettingsStore;
  log: Logger;
  curriculum: Curriculum;
  progress: ProgressStore;
  profiles: Profiles;
  /** Each learner's language, theme, font size and layout. */
  learnerSettings: LearnerSettings;
  handlers: Handlers;
  /** Reaches the verdict every graded attempt is recorded with. */
  verifier: Verifier;
  info: () => AppInfo;
  /** Lets a binding receive events that no call started (e.g. a background job finishing). */
  attachEmitter(emit: CallContext['emit']): void;
  /** Sends an event to every attached binding. */
  broadcast: CallContext['emit'];
  close(): void;
}

/** Kept for the command line, which builds the maps once. */
export { loadCourseMaps } from './learner/course-maps.ts';

export function createBackend(options: BackendOptions): Backend {
  // Before anything in the folder is touched: a second Lantern must not clean up the first one's files.
  const lock = lockDataFolder(options.dataDir, options.mode);
  const log = createLogger(options.dataDir, { toStdout: options.logToStdout });
  const databaseFile = databaseFileIn(options.dataDir);
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(databaseFile);
  } catch (err) {
    lock.release();
    throw err;
  }
  const { db, movedAside } = opened;
  const notices: AppInfo['notices'] = [];
  if (movedAside) {
    // SQLite's reason (in English) goes to the log; the page words the notice from its code.
    log.warn({ movedAside }, 'unreadable database moved aside');
    notices.push({ code: 'database-moved-aside', params: { from: movedAside.from, to: movedAside.to } });
  }
  const settings = new SettingsStore(db);
  const signingKeys = new FileSigningKeys(options.dataDir, options.keySealer);
  try {
    const moved = moveSigningKeysOutOfDatabase(db, signingKeys);
    if (moved > 0)
      log.info(
        { moved, file: signingKeys.file, protection: signingKeys.protection },
        'report signing keys moved out of the database',
      );
  } catch (err) {
    // The keys stay where they were until the next start; signing still works meanwhile.
    log.error({ err, file: signingKeys.file }, 'report signing keys could not be moved out of the database');
  }
  const curriculum = new Curriculum({
    builtinDir: options.exercisesDir,
    packsDir: path.join(options.dataDir, 'packs'),
    ...(options.runCode ? { runner: options.runCode } : {}),
  });
  const progress = new ProgressStore(db);
  const profiles = new Profiles(db, settings, signingKeys);
  const learnerSettings = new LearnerSettings(db, settings);
  const courseMaps = new CourseMaps(curriculum, (err) =>
    log.error({ err }, 'could not load the course maps'),
  );
  // A pack installed or removed changes the learner model's map before the call returns.
  curriculum.onChange(() => courseMaps.refresh());
  const model = new LearnerModel(progress, new ModelRecords(db), (track) => courseMaps.get(track));
  const courseMapsReady = courseMaps.ready;
  // The first learner has no name of their own: each screen, report and command words it in its
  // own language (decision 0055); the system's language only picks the word stored.
  const profileId = () =>
    (profiles.current() ?? profiles.createUnnamed(options.systemLocale?.startsWith('zh') ? 'zh' : 'en')).id;

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
  // The verdicts' own sandbox, kept warm and apart from background work (practice validation,
  // the leak guard), so a learner's Check is never queued behind a prefetch. The desktop app
  // passes its sandbox window instead.
  let verdictPool: SandboxPool | undefined;
  // TypeScript is type-checked before its tests run, as the page does (decision 0048).
  const typeChecker = new TypeChecker();
  const verifier = new Verifier({
    runCode: withTypeCheck(
      options.runCode ?? ((request) => (verdictPool ??= new SandboxPool({ size: 1 })).run(request)),
      typeChecker,
    ),
    warmTypeChecker: () => typeChecker.warm(),
    log,
  });
  const tutorServices = createTutorServices({
    db,
    log,
    settings,
    curriculum,
    progress,
    model,
    courseMapsReady,
    profileId,
    secretStore: options.createSecretStore?.(log),
    prefetch: options.prefetchPractice,
    runCode: options.runCode,
    practiceTemplates: practiceTemplates(path.join(options.exercisesDir, PRACTICE_TEMPLATES_FOLDER)),
    env: options.env,
    broadcast: () => broadcast,
  });
  const handlers = createHandlers({
    ...tutorServices.deps,
    settings,
    learnerSettings,
    info,
    log,
    openExternal: options.openExternal,
    curriculum,
    progress,
    profileId,
    recordAttempt: (input) => void model.recordAttempt(input),
    verifier,
    choosePackPath: options.choosePackPath,
    nextStep: async (trackId) => {
      await courseMapsReady;
      return courseMaps.get(trackId) ? model.nextBestStep(profileId(), trackId) : undefined;
    },
    profiles,
    db,
    databaseFile,
    dataDir: options.dataDir,
    signingKeys,
    reports: {
      db,
      profiles,
      progress,
      model,
      courseOf: (track) => courseMaps.get(track),
      appVersion: options.version,
    },
    contentReady: courseMapsReady,
    installedTracks: async () => (await curriculum.tracks()).map((t) => t.id),
    classes: new Classes(db, teacherKey(settings, signingKeys)),
    learnerModel: model,
  });
  // Content loads in the background; the first call that needs it waits for it.
  void courseMapsReady;
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
    curriculum,
    progress,
    profiles,
    learnerSettings,
    handlers,
    verifier,
    info,
    close() {
      tutorServices.close();
      // A late Check then gets "the sandbox has been shut down", not a new child.
      void (verdictPool ??= new SandboxPool({ size: 1 })).close();
      void typeChecker.close();
      db.close();
      void logWritten(log);
      lock.release();
    },
  };
}
